"""A GDELT-style tab-separated event table: one row per event with CAMEO code, actor
codes (country + sector, as CAMEO writes them: ``RUSMIL``), QuadClass from the PLOVER
type, Goldstein score of the CAMEO code (``chronik/events/data/goldstein.tsv``; empty
when the event has no CAMEO code), place and source URL."""

from __future__ import annotations

from chronik.events.goldstein import goldstein_score
from chronik.events.lexicon import EventLexicon
from chronik.model import Actor, Article, Event

COLUMNS = (
    "GlobalEventID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "EventCode",
    "EventRootCode",
    "PloverType",
    "PloverMode",
    "QuadClass",
    "GoldsteinScale",
    "Modality",
    "NumMentions",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
    "ArticleID",
)


def _code(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return f"{actor.country or ''}{actor.sector or ''}"


def gdelt_row(article: Article, event: Event, lexicon: EventLexicon) -> list[str]:
    first = event.source[0] if event.source else None
    second = event.target[0] if event.target else None
    date = (
        event.date.value
        if event.date and event.date.precision == "day"
        else article.published or ""
    )
    location = event.location

    def cell(value: object) -> str:
        return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")

    return [
        cell(v)
        for v in (
            f"{article.id}-{event.id}",
            date.replace("-", ""),
            _code(first),
            first.text if first else "",
            first.country if first else "",
            first.sector if first else "",
            _code(second),
            second.text if second else "",
            second.country if second else "",
            second.sector if second else "",
            event.cameo,
            (event.cameo or "")[:2],
            event.type,
            event.mode,
            lexicon.quad_class(event.type),
            goldstein_score(event.cameo),
            event.modality,
            1 + len(event.evidence_more),
            location.name if location else None,
            location.country if location else None,
            location.lat if location else None,
            location.lon if location else None,
            location.geonameid if location else None,
            (article.published or "").replace("-", ""),
            article.source.url,
            article.id,
        )
    ]
