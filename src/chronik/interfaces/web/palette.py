"""Colours of event types and entity types, shared by the charts and the article text.

One hue per PLOVER type, grouped by quad class (cooperation greens and blues, conflict
oranges and reds) so a chart reads at a glance; unknown types are grey.
"""

from __future__ import annotations

EVENT_COLOURS: dict[str, str] = {
    "AGREE": "#2e7d32",
    "CONSULT": "#1565c0",
    "SUPPORT": "#43a047",
    "CONCEDE": "#00897b",
    "COOPERATE": "#5e35b1",
    "AID": "#039be5",
    "RETREAT": "#7cb342",
    "REQUEST": "#f9a825",
    "ACCUSE": "#ef6c00",
    "REJECT": "#8d6e63",
    "THREATEN": "#d81b60",
    "PROTEST": "#ab47bc",
    "SANCTION": "#6d4c41",
    "MOBILIZE": "#546e7a",
    "COERCE": "#c62828",
    "ASSAULT": "#b71c1c",
}
ENTITY_COLOURS: dict[str, str] = {
    "PER": "#1e88e5",
    "ORG": "#8e24aa",
    "GPE": "#2e7d32",
    "LOC": "#00838f",
    "MISC": "#757575",
}
OTHER = "#9e9e9e"


def event_colour(event_type: str | None) -> str:
    return EVENT_COLOURS.get((event_type or "").upper(), OTHER)


def type_css() -> str:
    """CSS classes ``t-<TYPE>`` (event triggers) and ``e-<TYPE>`` (entities)."""
    rules = [f".t-{name} {{ --type-colour: {colour}; }}" for name, colour in EVENT_COLOURS.items()]
    rules += [f".e-{name} {{ --ent-colour: {colour}; }}" for name, colour in ENTITY_COLOURS.items()]
    return "\n".join(rules) + "\n"
