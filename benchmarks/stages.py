"""Time per pipeline stage: the stages of ``chronik.pipeline.analyze``, called in its order
on the same texts, then the store's write of the result.

    structure       segmentation into title, lead, body, boilerplate; language id
    language layer  tokens, sentences, lemmas and tags (SoMaJo, HanTa)
    entities        names, knowledge-base links, roles, pronouns
    quotes          direct and indirect quotations with speakers
    events          PLOVER events with actors, place and date
    article         the Article model (the JSON-ready result)
    store           rows per table and one DuckDB transaction per article, plus the
                    run's near-duplicate and corpus-event update (as ``chronik ingest``)

Times are CPU time of this process (``time.process_time``), robust to other work on the
machine. Every text takes the German path (10kGNAD is German); ``analyze`` would send a text in
another language through the generic layer instead.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from chronik import __version__
from chronik.events.coder import ArticleContext
from chronik.ingest.document import content_id
from chronik.model import Article, Source
from chronik.pipeline import _sentences, to_structure
from chronik.resources import Resources
from chronik.store.database import Store
from chronik.store.linking import update_corpus
from chronik.store.records import article_rows
from chronik.structure.segment import segment

STAGES = (
    "structure",
    "language layer",
    "entities",
    "quotes",
    "events",
    "article",
    "store",
)


class _Laps:
    """Adds the time since the last lap to a stage's total."""

    def __init__(self, totals: dict[str, float]) -> None:
        self.totals = totals
        self.last = time.process_time()

    def lap(self, stage: str) -> None:
        now = time.process_time()
        self.totals[stage] += now - self.last
        self.last = now


def time_stages(texts: list[str], resources: Resources) -> dict[str, float]:
    """Seconds spent in each of STAGES over all ``texts``."""
    totals = dict.fromkeys(STAGES, 0.0)
    min_letters = resources.settings.min_letters_for_language
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.duckdb") as store:
        for text in texts:
            laps = _Laps(totals)
            segmentation = segment(text, resources.cues)
            analysed = segmentation.analysed()
            sample = " ".join(unit.text for unit in analysed) or text
            language = resources.identifier.identify(sample, min_letters).language
            structure = to_structure(segmentation, text)
            laps.lap("structure")
            parsed = resources.german.process(text, analysed)
            laps.lap("language layer")
            found = resources.entities.run(parsed, None)
            laps.lap("entities")
            quotes = resources.quotes.run(parsed, found)
            laps.lap("quotes")
            dateline = structure.dateline.text if structure.dateline else None
            events = resources.events.run(parsed, found, ArticleContext(None, dateline, quotes))
            laps.lap("events")
            article = Article(
                id=content_id(text),
                text=text,
                language=language,
                published=None,
                source=Source(title=None),
                structure=structure,
                sentences=_sentences(parsed, text),
                entities=found.entities,
                quotes=quotes,
                events=events,
                notes=[],
                chronik_version=__version__,
            )
            laps.lap("article")
            when = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            store.write_article(article_rows(article, analysed_at=when))
            laps.lap("store")
        started = time.process_time()
        update_corpus(store)
        totals["store"] += time.process_time() - started
    return totals
