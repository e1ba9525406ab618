"""The output records: an analysed Article and its parts.

Field names follow the output contract in DESIGN.md and are read by evaluation
scripts: add fields, never rename or drop them. Every span is a pair of Python string
indices into ``Article.text`` (end exclusive) plus the text they cover.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["PER", "ORG", "GPE", "LOC", "MISC"]
MentionKind = Literal["name", "nominal", "pronoun"]
QuoteForm = Literal["direct", "indirect", "reported", "free_indirect"]
Modality = Literal["asserted", "intended", "negated", "hypothetical", "future"]
DatePrecision = Literal["day", "month", "year"]
BoilerplateKind = Literal[
    "appeal",
    "newsletter",
    "social",
    "cookie",
    "paywall",
    "copyright",
    "navigation",
    "advertisement",
    "byline",
    "metadata",
    "recurring",
    "other",
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


class Source(Record):
    outlet: str | None = None
    url: str | None = None
    domain: str | None = None
    title: str | None = Field(None, description="Title given with the input, if any.")


class Caption(Record):
    span: Span = Field(description="The caption text, without its credit.")
    credit: Span | None = Field(None, description="Who took or supplied the picture.")


class Boilerplate(Record):
    span: Span
    kind: BoilerplateKind


class Structure(Record):
    rubric: Span | None = None
    title: Span | None = None
    lead: Span | None = None
    captions: list[Caption] = []
    body: list[Span] = []
    related: list[Span] = []
    boilerplate: list[Boilerplate] = []
    dateline: Span | None = Field(None, description="The place of a dateline ('Wien – …').")


class Mention(Record):
    start: int
    end: int
    text: str
    kind: MentionKind


class Entity(Record):
    id: str
    name: str
    type: EntityType
    kb_id: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    sector: str | None = Field(None, description="Sector code as in PLOVER agents (GOV, MIL, …)")
    roles: list[str] = []
    kind: str | None = Field(None, description="person, country, city, region, organisation, …")
    mentions: list[Mention] = []


class Quote(Record):
    id: str
    form: QuoteForm
    content: Span
    content_parts: list[Span] | None = None
    cue: Span | None = None
    cue_parts: list[Span] | None = None
    speaker: str | None = None
    speaker_span: Span | None = None
    addressee: str | None = None
    addressee_span: Span | None = None


class Actor(Record):
    entity: str | None = None
    text: str
    country: str | None = None
    sector: str | None = None


class Location(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None


class EventDate(Record):
    value: str
    precision: DatePrecision
    text: str


class Event(Record):
    id: str
    type: str
    mode: str | None = None
    context: list[str] = []
    source: list[Actor] = []
    target: list[Actor] = []
    location: Location | None = None
    date: EventDate | None = None
    modality: Modality = "asserted"
    evidence: Span
    confidence: float = Field(ge=0.0, le=1.0)
    trigger: Span | None = Field(None, description="The word or phrase that reports the event.")
    cameo: str | None = Field(None, description="CAMEO event code where the mapping is clear.")
    quote: str | None = Field(None, description="The quote the event is stated in, if any.")
    evidence_more: list[Span] = Field([], description="Further reports of the same event.")


class Article(Record):
    id: str = Field(description="Stable content hash, or the id given with the input.")
    text: str = Field(description="The full input text as received; all offsets index it.")
    language: str | None = Field(description="ISO 639-1 code, null when undetermined.")
    published: str | None = Field(None, description="ISO date")
    source: Source = Source()
    structure: Structure = Structure()
    sentences: list[Span] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    events: list[Event] = []
    notes: list[str] = Field([], description="What the analysis could not do, and why.")
    chronik_version: str = ""


def article_json_schema() -> dict[str, object]:
    """The JSON Schema of an Article, as published in docs/schema.json."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://chronik.invalid/schema/article.json"
    return schema
