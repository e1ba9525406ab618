"""``analyze``: one document in, one Article out. No I/O, no global state but Resources."""

from __future__ import annotations

import datetime as dt

from chronik import __version__
from chronik.entities.actors import acting_groups_only
from chronik.errors import EmptyDocumentError, InputError
from chronik.events.coder import ArticleContext
from chronik.ingest.decode import check_length
from chronik.ingest.document import content_id, domain_of
from chronik.language.detect import SAMPLE_CHARS, Identified
from chronik.language.parsed import Parsed
from chronik.model import Article, Boilerplate, Caption, Source, Span, Structure
from chronik.resources import FULL_LANGUAGES, Resources, default_resources
from chronik.structure.fingerprints import Fingerprints
from chronik.structure.paragraphs import Unit
from chronik.structure.segment import Segmentation, segment


def analyze(
    text: str,
    *,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
    title: str | None = None,
    fingerprints: Fingerprints | None = None,
    resources: Resources | None = None,
) -> Article:
    """Analyse one news article. ``text`` is kept exactly; every span indexes it.

    Raises InputError (with a one-line reason) for text that cannot be analysed.
    """
    resources = resources or default_resources()
    name = id or "<text>"
    _check(text, name, resources)
    published_date = _iso_date(published, name)
    segmentation = segment(
        text, resources.cues, fingerprints=fingerprints, outlet=outlet, title_hint=title
    )
    analysed = segmentation.analysed()
    identified = _identify(analysed, text, resources)
    notes = []
    language = identified.language
    if language is None:
        notes.append("language could not be identified (too little text); analysed as German")
    entities, quotes, events = [], [], []
    structure = to_structure(segmentation, text)
    full = language in FULL_LANGUAGES or language is None
    # Loaded (on first use) outside the memory zone: the word forms the German layer
    # registers in the shared vocabulary when it loads must outlive this article.
    german = resources.german if full else None
    # spaCy interns every new word form and lemma in the shared vocabulary; those of
    # this article are freed with it, or a long run would grow without bound.
    with resources.vocab.memory_zone():
        if german is not None:
            parsed = german.process(text, analysed)
            found = resources.entities.run(parsed, published_date)
            entities = found.entities
            quotes = resources.quotes.run(parsed, found)
            day = dt.date.fromisoformat(published_date) if published_date else None
            dateline = structure.dateline.text if structure.dateline else None
            events = resources.events.run(parsed, found, ArticleContext(day, dateline, quotes))
            referenced = {q.speaker for q in quotes if q.speaker} | {
                actor.entity
                for event in events
                for actor in (*event.source, *event.target)
                if actor.entity
            }
            entities = acting_groups_only(entities, referenced)
        else:
            parsed = resources.generic.process(text, analysed, language=language)
            notes.append(f"language is '{language}': entities, quotes and events are German-only")
        return Article(
            id=id or content_id(text),
            text=text,
            language=language,
            published=published_date,
            source=Source(outlet=outlet, url=url, domain=domain_of(url), title=title),
            structure=structure,
            sentences=_sentences(parsed, text),
            entities=entities,
            quotes=quotes,
            events=events,
            notes=notes,
            chronik_version=__version__,
        )


def _identify(analysed: list[Unit], text: str, resources: Resources) -> Identified:
    """The language of most of the analysed text. The paragraphs of the sample vote by
    their length, so a paragraph quoted in another language does not decide for the
    article; a language with more than half of the voting length wins, and without one
    the sample read as a whole decides."""
    minimum = resources.settings.min_letters_for_language
    identifier = resources.identifier
    units = _sample_units(analysed)
    if len(units) <= 1:
        return identifier.identify(units[0].text if units else text, minimum)
    weight = sum(len(unit.text) for unit in units)
    votes: dict[str, int] = {}
    for unit in units:
        found = identifier.identify(unit.text, minimum).language
        if found is None:
            continue
        votes[found] = votes.get(found, 0) + len(unit.text)
        if 2 * votes[found] > weight:
            # More than half of all the length: a majority of the votes whatever the
            # other paragraphs say, so they need not be read.
            return Identified(found, votes[found] / weight)
    if votes:
        best = max(votes, key=lambda language: votes[language])
        if 2 * votes[best] > sum(votes.values()):
            return Identified(best, votes[best] / sum(votes.values()))
    return identifier.identify(" ".join(unit.text for unit in units), minimum)


def _sample_units(analysed: list[Unit]) -> list[Unit]:
    """The units of the first SAMPLE_CHARS characters, which the identifier reads."""
    chosen, size = [], 0
    for unit in analysed:
        if size >= SAMPLE_CHARS:
            break
        chosen.append(unit)
        size += len(unit.text)
    return chosen


def _check(text: object, name: str, resources: Resources) -> None:
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}", document=name)
    if not text.strip():
        raise EmptyDocumentError("the document is empty", document=name)
    check_length(text, name, resources.settings)


def _iso_date(value: str | dt.date | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise InputError(
            f"published date {value!r} is not an ISO date (YYYY-MM-DD)", document=name
        ) from None


def to_structure(segmentation: Segmentation, text: str) -> Structure:
    def span(start: int, end: int) -> Span:
        return Span.of(text, start, end)

    def first(role: str) -> Span | None:
        units = segmentation.role(role)
        return span(units[0].start, units[0].end) if units else None

    return Structure(
        rubric=first("rubric"),
        title=first("title"),
        lead=first("lead"),
        captions=[
            Caption(span=span(*caption), credit=span(*credit) if credit else None)
            for caption, credit in segmentation.captions
        ],
        body=[span(u.start, u.end) for u in segmentation.role("body")],
        related=[span(start, end) for start, end in segmentation.related],
        boilerplate=[
            Boilerplate(span=span(u.start, u.end), kind=u.kind or "other")  # type: ignore[arg-type]
            for u in segmentation.role("boilerplate")
        ],
        dateline=span(*segmentation.dateline) if segmentation.dateline else None,
    )


def _sentences(parsed: Parsed, text: str) -> list[Span]:
    doc = parsed.doc
    result = []
    for sentence in parsed.sentences:
        start = doc[sentence.start].idx
        last = doc[sentence.end - 1]
        result.append(Span.of(text, start, last.idx + len(last.text)))
    return result
