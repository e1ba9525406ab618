"""Image captions and their credit lines ("… Quelle: Sputnik © …", "… REUTERS/Name")."""

from __future__ import annotations

from dataclasses import dataclass

from chronik.structure.cues import StructureCues

# Lower-case words that occur inside credits ("picture alliance / dpa via Getty Images").
_CREDIT_LOWER_WORDS = frozenset(
    "von via und mit für der des die picture alliance images photo foto bild archiv".split()
)
MAX_CAPTION_CHARS = 400
MAX_CREDIT_WORDS = 16


@dataclass(frozen=True)
class CreditMatch:
    """Offsets within a unit: caption text ``[0, caption_end)``, credit ``[start, end)``."""

    caption_end: int
    credit_start: int
    credit_end: int


def find_credit(text: str, cues: StructureCues) -> CreditMatch | None:
    """The credit at the end of a caption line, or None when the line is not a caption."""
    if len(text) > MAX_CAPTION_CHARS + 200:
        return None
    match = cues.credit_label.search(text)
    if match is not None and _credit_like(match.group("credit"), cues):
        credit_start = match.start("credit")
        if match.group("label") == "©":
            credit_start = match.start("label")
        return _checked(text, match.start("label"), credit_start, match.end("credit"))
    match = cues.credit_agency.search(text)
    if match is not None and match.start("credit") > 0:
        return _checked(text, match.start("credit"), match.start("credit"), match.end("credit"))
    return None


def _checked(text: str, caption_end: int, credit_start: int, credit_end: int) -> CreditMatch | None:
    caption = text[:caption_end].rstrip()
    if len(caption) > MAX_CAPTION_CHARS:
        return None
    return CreditMatch(len(caption), credit_start, credit_end)


def _credit_like(credit: str, cues: StructureCues) -> bool:
    """Credits name agencies and photographers; a headline after "Video:" does not."""
    words = credit.split()
    if not words or len(words) > MAX_CREDIT_WORDS or credit.rstrip().endswith((".", "!", "?")):
        return any(mark in credit for mark in ("©", "/")) and len(words) <= MAX_CREDIT_WORDS
    if any(mark in credit for mark in ("©", "/", "|")) or cues.credit_agency.search(credit):
        return True
    lower = [w for w in words if w[:1].islower() and w.lower() not in _CREDIT_LOWER_WORDS]
    return not lower and len(words) <= 8
