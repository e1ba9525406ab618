"""Read a GermEval 2023 SpkAtt JSON file as a document: its tokens joined back into text.

Wikinews files are named ``NNN - Title (YYYY-MM-DD)``; the title becomes the first
paragraph and the date the publication date. Tokens are joined with spaces except
before closing punctuation and after opening quotation marks and brackets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from chronik.errors import InputError
from chronik.ingest.document import RawDocument

_NAME = re.compile(r"^\d+ - (?P<title>.+) \((?P<date>\d{4}-\d{2}-\d{2})\)$")
_NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", ")", "]", "“", "«", "%"})
_NO_SPACE_AFTER = frozenset({"(", "[", "„", "»"})


def detokenise(tokens: list[str]) -> str:
    parts: list[str] = []
    for token in tokens:
        if parts and token not in _NO_SPACE_BEFORE and parts[-1] not in _NO_SPACE_AFTER:
            parts.append(" ")
        parts.append(token)
    return "".join(parts)


def read_spkatt(path: Path) -> RawDocument:
    """One document, or an InputError naming the file and the reason."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = sorted(data["Sentences"], key=lambda s: s["SentenceId"])
        body = " ".join(detokenise(list(s["Tokens"])) for s in sentences)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(
            f"not a SpkAtt JSON file ({type(error).__name__}: {error})", document=str(path)
        ) from error
    match = _NAME.match(str(data.get("DocumentName", "")))
    title = match["title"] if match else None
    text = f"{title}\n\n{body}" if title else body
    return RawDocument(
        text=text, id=None, published=match["date"] if match else None, title=title, name=str(path)
    )
