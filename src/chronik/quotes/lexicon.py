"""German lexicons for quotation attribution: who said what, to whom, with which cue.

Four hand-written tables in ``chronik/quotes/data``:

    speech_verbs.tsv         sagen, mitteilen (mit + teilen), zu bedenken geben, …: speech-act
                             class, quote forms framed, complements, addressee, PLOVER type
    speech_nouns.tsv         Forderung, Vorwürfe, Angaben, Pressekonferenz, …: every form
    attribution_markers.tsv  laut, zufolge, "so", "wie", demnach, "Dies", hieß es, soll, …
    quote_marks.tsv          „…“, »…«, «…», "…", ‚…‘ and which closer ends which opener

``SpeechLexicon.load()`` reads and checks all four once. Verbs are looked up by their
joined lemma (``mitteilen``), a spelling variant (``bekannt geben``), a reflexive form
(``sich äußern``) or their parts (``verb_by_parts("teilen", "mit")``), which is what the
German layer produces for ``teilte … mit``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from chronik.errors import ResourceError, UsageError
from chronik.tables import Table, load_table, split_multi

PACKAGE = "chronik.quotes"
FORMS = ("direct", "indirect", "reported")
CLASSES = ("assertive", "directive", "commissive", "expressive", "interrogative", "declarative")
CLAUSE_COMPLEMENTS = ("dass", "ob", "wh", "v2", "zu_inf")
PHRASE_COMPLEMENTS = ("np", "pp")
COMPLEMENTS = CLAUSE_COMPLEMENTS + PHRASE_COMPLEMENTS
REFLEXIVE = ("yes", "no", "optional")
STRENGTHS = ("neutral", "emphatic", "hedged")
NOUN_KINDS = ("content", "setting", "source")
MARKER_KINDS = tuple(
    "prep_before postp_after so_comma wie_clause anaphoric_adverb cataphoric_demonstrative "
    "impersonal circles headline_colon reportative_modal reportative_adverb "
    "quote_introducer".split()
)
CASES = ("nom", "acc", "dat", "gen")
LEVELS = ("outer", "inner", "either")
PLOVER_TYPES = tuple(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)

VERB_COLUMNS = (
    "lemma", "particle", "base", "reflexive", "cls", "forms", "complement", "content_prep",
    "addressee", "target", "speaker_role", "plover", "plover_mode", "strength", "variants", "note",
)  # fmt: skip
NOUN_COLUMNS = ("noun", "forms", "verb", "cls", "kind", "support_verbs", "note")
MARKER_COLUMNS = ("marker", "kind", "case", "example", "note")
QUOTE_COLUMNS = ("open", "close", "name", "level", "ambiguous", "inner", "note")


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    particle: str
    base: str
    reflexive: str
    classes: tuple[str, ...]
    forms: tuple[str, ...]
    complements: tuple[str, ...]
    content_preps: tuple[str, ...]
    addressee: tuple[str, ...]  # how the addressee is marked: dat, acc, prep:gegenüber
    target: tuple[str, ...]  # how the one accused, praised, asked … is marked
    speaker_role: str  # subject, object (zitieren) or prep:aus (hervorgehen)
    plover: str
    plover_mode: str
    strength: str
    variants: tuple[str, ...]
    note: str

    @property
    def cls(self) -> str:
        """The primary speech-act class."""
        return self.classes[0]

    @property
    def separable(self) -> bool:
        return bool(self.particle)

    def frames(self, form: str) -> bool:
        return form in self.forms


@dataclass(frozen=True)
class SpeechNoun:
    noun: str
    forms: tuple[str, ...]
    verb: str
    classes: tuple[str, ...]
    kind: str  # content, setting or source
    support_verbs: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class AttributionMarker:
    marker: str
    kind: str
    cases: tuple[str, ...]
    example: str
    note: str


@dataclass(frozen=True)
class QuotePair:
    open: str
    close: str
    name: str
    level: str
    ambiguous: bool  # the closing mark is also an apostrophe
    inner: str  # the opening mark of the conventional nested pair
    note: str


def _values(
    row: dict[str, str], column: str, allowed: Iterable[str], where: str
) -> tuple[str, ...]:
    """The values of a multi-valued cell, each checked against its closed vocabulary."""
    values = tuple(split_multi(row[column]))
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise ResourceError(f"{where}: {column} has unknown value(s) {', '.join(unknown)}")
    return values


def _marks(row: dict[str, str], column: str, plain: tuple[str, ...], where: str) -> tuple[str, ...]:
    """A cell of grammatical marks: ``dat``, ``acc`` (as ``plain`` allows) or ``prep:X``."""
    values = tuple(split_multi(row[column]))
    for value in values:
        if value not in plain and not (value.startswith("prep:") and len(value) > 5):
            raise ResourceError(
                f"{where}: {column} value {value!r} is not {'|'.join(plain)}|prep:X"
            )
    return values


def _check_verb_shape(verb: SpeechVerb, where: str) -> None:
    problem = ""
    if not verb.forms or not verb.classes:
        problem = "forms and cls must not be empty"
    elif verb.particle and not verb.lemma.startswith(verb.particle):
        problem = f"particle {verb.particle!r} does not start the lemma"
    elif _key(verb.particle + verb.base) != _key(verb.lemma):
        problem = "lemma is not particle + base"
    elif ("pp" in verb.complements) != bool(verb.content_preps):
        problem = "a pp complement needs content_prep and vice versa"
    elif verb.plover_mode and not verb.plover:
        problem = "plover_mode without plover"
    if problem:
        raise ResourceError(f"{where}: {problem}")


def _verb(row: dict[str, str]) -> SpeechVerb:
    where = f"speech_verbs.tsv: {row['lemma']}"
    verb = SpeechVerb(
        lemma=row["lemma"],
        particle=row["particle"],
        base=row["base"],
        reflexive=(_values(row, "reflexive", REFLEXIVE, where) or ("no",))[0],
        classes=_values(row, "cls", CLASSES, where),
        forms=_values(row, "forms", FORMS, where),
        complements=_values(row, "complement", COMPLEMENTS, where),
        content_preps=tuple(split_multi(row["content_prep"])),
        addressee=_marks(row, "addressee", ("dat", "acc"), where),
        target=_marks(row, "target", ("dat", "acc"), where),
        speaker_role=(_marks(row, "speaker_role", ("subject", "object"), where) or ("subject",))[0],
        plover="".join(_values(row, "plover", PLOVER_TYPES, where)[:1]),
        plover_mode=row["plover_mode"],
        strength=(_values(row, "strength", STRENGTHS, where) or ("neutral",))[0],
        variants=tuple(split_multi(row["variants"])),
        note=row["note"],
    )
    _check_verb_shape(verb, where)
    return verb


def _noun(row: dict[str, str]) -> SpeechNoun:
    where = f"speech_nouns.tsv: {row['noun']}"
    forms = tuple(split_multi(row["forms"])) or (row["noun"],)
    if row["noun"] not in forms:
        raise ResourceError(f"{where}: forms must include the noun itself")
    return SpeechNoun(
        noun=row["noun"],
        forms=forms,
        verb=row["verb"],
        classes=_values(row, "cls", CLASSES, where),
        kind="".join(_values(row, "kind", NOUN_KINDS, where)[:1]),
        support_verbs=tuple(split_multi(row["support_verbs"])),
        note=row["note"],
    )


def _marker(row: dict[str, str]) -> AttributionMarker:
    where = f"attribution_markers.tsv: {row['marker']}"
    if row["kind"] not in MARKER_KINDS:
        raise ResourceError(f"{where}: unknown kind {row['kind']!r}")
    return AttributionMarker(
        marker=row["marker"],
        kind=row["kind"],
        cases=_values(row, "case", CASES, where),
        example=row["example"],
        note=row["note"],
    )


def _pair(row: dict[str, str]) -> QuotePair:
    where = f"quote_marks.tsv: {row['open']}…{row['close']}"
    if len(row["open"]) != 1 or len(row["close"]) != 1:
        raise ResourceError(f"{where}: open and close must be single characters")
    if row["level"] not in LEVELS or row["ambiguous"] not in ("yes", "no"):
        raise ResourceError(f"{where}: level must be outer|inner|either and ambiguous yes|no")
    return QuotePair(
        open=row["open"],
        close=row["close"],
        name=row["name"],
        level=row["level"],
        ambiguous=row["ambiguous"] == "yes",
        inner=row["inner"],
        note=row["note"],
    )


def _key(text: str) -> str:
    """Lookup key of a verb: ``sich bekannt geben`` and ``bekanntgeben`` meet."""
    folded = " ".join(text.casefold().split())
    folded = folded.removeprefix("sich ")
    return folded.replace(" ", "").replace("-", "")


def _index_verbs(verbs: Iterable[SpeechVerb]) -> dict[str, SpeechVerb]:
    index: dict[str, SpeechVerb] = {}
    for verb in verbs:
        for spelling in {_key(verb.lemma), *(_key(variant) for variant in verb.variants)}:
            if spelling in index:
                other = index[spelling].lemma
                raise ResourceError(
                    f"speech_verbs.tsv: {verb.lemma}: {spelling!r} also names {other}"
                )
            index[spelling] = verb
    return index


def _index_nouns(nouns: Iterable[SpeechNoun]) -> dict[str, SpeechNoun]:
    index: dict[str, SpeechNoun] = {}
    for noun in nouns:
        for form in noun.forms:
            if form in index:
                other = index[form].noun
                raise ResourceError(f"speech_nouns.tsv: {noun.noun}: form {form} is also {other}'s")
            index[form] = noun
    return index


def _require_columns(table: Table, columns: tuple[str, ...]) -> Table:
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ResourceError(f"table {table.name}: missing columns {', '.join(missing)}")
    return table


def _unique(keys: list[str], table: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ResourceError(f"{table}: duplicate row {key}")
        seen.add(key)


@dataclass(frozen=True, eq=False)
class SpeechLexicon:
    """The four quotation tables, checked and indexed. Build with ``load()``."""

    verbs: tuple[SpeechVerb, ...]
    nouns: tuple[SpeechNoun, ...]
    all_markers: tuple[AttributionMarker, ...]
    pairs: tuple[QuotePair, ...]
    _verbs: dict[str, SpeechVerb] = field(init=False, repr=False)
    _nouns: dict[str, SpeechNoun] = field(init=False, repr=False)
    _upper_nouns: dict[str, SpeechNoun] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        _unique([verb.lemma for verb in self.verbs], "speech_verbs.tsv")
        _unique([noun.noun for noun in self.nouns], "speech_nouns.tsv")
        _unique([f"{m.marker} ({m.kind})" for m in self.all_markers], "attribution_markers.tsv")
        _unique([pair.open + pair.close for pair in self.pairs], "quote_marks.tsv")
        nouns = _index_nouns(self.nouns)
        object.__setattr__(self, "_verbs", _index_verbs(self.verbs))
        object.__setattr__(self, "_nouns", nouns)
        object.__setattr__(self, "_upper_nouns", {form.upper(): n for form, n in nouns.items()})

    @classmethod
    @cache
    def load(cls) -> SpeechLexicon:
        return cls.from_tables(
            load_table(PACKAGE, "speech_verbs.tsv"),
            load_table(PACKAGE, "speech_nouns.tsv"),
            load_table(PACKAGE, "attribution_markers.tsv"),
            load_table(PACKAGE, "quote_marks.tsv"),
        )

    @classmethod
    def from_tables(
        cls, verbs: Table, nouns: Table, markers: Table, quotes: Table
    ) -> SpeechLexicon:
        """Build from parsed tables (for user-extended copies); ResourceError when broken."""
        return cls(
            verbs=tuple(_verb(row) for row in _require_columns(verbs, VERB_COLUMNS)),
            nouns=tuple(_noun(row) for row in _require_columns(nouns, NOUN_COLUMNS)),
            all_markers=tuple(_marker(row) for row in _require_columns(markers, MARKER_COLUMNS)),
            pairs=tuple(_pair(row) for row in _require_columns(quotes, QUOTE_COLUMNS)),
        )

    # Verbs

    def verb(self, lemma: str) -> SpeechVerb | None:
        """The verb a lemma, variant or reflexive form names: ``mitteilen``, ``sich äußern``."""
        return self._verbs.get(_key(lemma))

    def verb_by_parts(self, base: str, particle: str = "") -> SpeechVerb | None:
        """The verb of a finite form and its detached particle: ``("teilen", "mit")``."""
        found = self.verb(particle + base)
        if found is None or _key(found.particle) != _key(particle):
            return None
        return found

    def is_speech_verb(self, lemma: str) -> bool:
        return self.verb(lemma) is not None

    def verbs_for_form(self, form: str) -> frozenset[str]:
        """Lemmas of the verbs that can frame a quote of this form (direct|indirect|reported)."""
        if form not in FORMS:
            raise UsageError(f"unknown quote form {form!r}; expected one of {', '.join(FORMS)}")
        return frozenset(verb.lemma for verb in self.verbs if form in verb.forms)

    def particles(self) -> frozenset[str]:
        """The one-word detached parts of speech verbs: particles (``mit``, ``hervor``),
        adjectives (``klar``, ``deutlich``), nouns (``Stellung``) and the infinitives that
        stand at the clause end after ``lassen``/``wollen`` (``verlauten``, ``wissen``)."""
        return frozenset(v.particle for v in self.verbs if v.particle and " " not in v.particle)

    # Nouns

    def noun(self, form: str, *, compounds: bool = False) -> SpeechNoun | None:
        """The noun an inflected form belongs to (case-sensitive; all-capitals headlines too).

        With ``compounds`` a compound resolves through its listed head
        (``Zeugenaussagen`` → Aussage); heads are matched by spelling only, so the caller
        should expect some false friends (``Kompost`` → Post).
        """
        found = self._nouns.get(form) or (self._upper_nouns.get(form) if form.isupper() else None)
        if found is not None or not compounds:
            return found
        return self._compound_head(form)

    def _compound_head(self, form: str) -> SpeechNoun | None:
        if "-" in form:
            head = form.rsplit("-", 1)[1]
            return self._nouns.get(head[:1].upper() + head[1:]) if head else None
        for start in range(3, len(form) - 3):  # longest head first; heads of 4+ letters
            head = form[start:]
            found = self._nouns.get(head[:1].upper() + head[1:])
            if found is not None:
                return found
        return None

    def nouns_of_kind(self, kind: str) -> tuple[SpeechNoun, ...]:
        if kind not in NOUN_KINDS:
            raise UsageError(f"unknown noun kind {kind!r}; expected one of {', '.join(NOUN_KINDS)}")
        return tuple(noun for noun in self.nouns if noun.kind == kind)

    # Markers and quotation marks

    def markers(self, kind: str) -> tuple[AttributionMarker, ...]:
        if kind not in MARKER_KINDS:
            raise UsageError(
                f"unknown marker kind {kind!r}; expected one of {', '.join(MARKER_KINDS)}"
            )
        return tuple(marker for marker in self.all_markers if marker.kind == kind)

    def quote_pairs(self) -> tuple[QuotePair, ...]:
        return self.pairs

    def opening_marks(self) -> frozenset[str]:
        return frozenset(pair.open for pair in self.pairs)

    def closing_for(self, open_char: str) -> tuple[str, ...]:
        """Every mark that may close a quote opened by ``open_char`` (table order)."""
        closers = (pair.close for pair in self.pairs if pair.open == open_char)
        return tuple(dict.fromkeys(closers))
