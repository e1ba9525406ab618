"""The readable summary of an Article for the terminal (``--format text``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from chronik.model import Article, Span

_EXCERPT = 90


def render_article(article: Article, console: Console | None = None) -> None:
    console = console or Console()
    structure = article.structure
    header = Text()
    header.append(structure.title.text if structure.title else "(no title)", style="bold")
    if structure.rubric:
        header.append(f"   [{structure.rubric.text}]", style="dim")
    console.print(header)
    meta = [
        article.language or "?",
        article.published or "date unknown",
        article.source.outlet or "",
        f"id {article.id}",
    ]
    console.print(" · ".join(part for part in meta if part), style="dim")
    for note in article.notes:
        console.print(f"note: {note}", style="yellow")
    console.print(_structure_table(article))
    if article.entities:
        console.print(_entities_table(article))
    if article.quotes:
        console.print(_quotes_table(article))
    if article.events:
        console.print(_events_table(article))
    if not (article.entities or article.quotes or article.events):
        console.print("no entities, quotes or events found", style="dim")


def _excerpt(span: Span | None, size: int = _EXCERPT) -> str:
    if span is None:
        return ""
    text = " ".join(span.text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _structure_table(article: Article) -> Table:
    structure = article.structure
    table = Table(title="Structure", show_header=False, title_justify="left")
    table.add_column("part", style="cyan", no_wrap=True)
    table.add_column("text")
    if structure.lead:
        table.add_row("lead", _excerpt(structure.lead))
    if structure.dateline:
        table.add_row("dateline", structure.dateline.text)
    table.add_row("body", f"{len(structure.body)} paragraphs, {len(article.sentences)} sentences")
    for caption in structure.captions:
        credit = f"  (credit: {_excerpt(caption.credit, 50)})" if caption.credit else ""
        table.add_row("caption", _excerpt(caption.span, 60) + credit)
    for related in structure.related:
        table.add_row("related", _excerpt(related))
    for item in structure.boilerplate:
        table.add_row(f"boilerplate ({item.kind})", _excerpt(item.span, 70))
    return table


def _entities_table(article: Article) -> Table:
    table = Table(title="Entities", title_justify="left")
    for column in ("name", "type", "country", "sector", "roles", "mentions"):
        table.add_column(column)
    for entity in article.entities:
        table.add_row(
            entity.name,
            entity.type,
            entity.country or "",
            entity.sector or "",
            ", ".join(entity.roles),
            str(len(entity.mentions)),
        )
    return table


def _quotes_table(article: Article) -> Table:
    names = {entity.id: entity.name for entity in article.entities}
    table = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "form", "cue", "content"):
        table.add_column(column)
    for quote in article.quotes:
        speaker = names.get(quote.speaker or "", _excerpt(quote.speaker_span, 30) or "?")
        cue = (
            " … ".join(part.text for part in quote.cue_parts)
            if quote.cue_parts
            else (quote.cue.text if quote.cue else "")
        )
        table.add_row(speaker, quote.form, cue, _excerpt(quote.content, 70))
    return table


def _events_table(article: Article) -> Table:
    table = Table(title="Events", title_justify="left")
    for column in ("type", "source", "target", "where", "when", "modality", "evidence"):
        table.add_column(column)
    for event in article.events:
        table.add_row(
            event.type + (f"/{event.mode}" if event.mode else ""),
            ", ".join(actor.country or actor.text for actor in event.source),
            ", ".join(actor.country or actor.text for actor in event.target),
            event.location.name if event.location else "",
            event.date.value if event.date else "",
            event.modality,
            _excerpt(event.evidence, 50),
        )
    return table
