"""Which trigger readings report an event, and how: rules on the words around a trigger
that the lexicon alone cannot decide (found by reading coded events by hand).

- ``modal_passive``: ``ist über Satellit zu empfangen`` says what can be done;
- ``predicative``: ``verurteilte ihn als Anschlag`` names something, reports no attack;
- ``governed_noun``: ``zu Gesprächen geladen`` (invited: hypothetical), ``bemühte sich
  um Vermittlung`` (striven for: intended);
- ``verbal_attack``: ``griff den Präsidenten scharf an`` is ACCUSE, not ASSAULT;
- ``attributive_negation``: ``die nicht angemeldete Übung`` negates an attribute, not
  the event.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.model import Actor, Entity
from chronik.quotes.phrases import clause_bounds

# Verbs whose "angreifen" reading is usually verbal when the target is a politician.
_ATTACK_VERBS = frozenset({"angreifen", "attackieren"})
_VERBAL_TARGET_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP", "JUD"})
# Verbs that govern a noun event as invited or demanded ("zu Gesprächen einladen") or as
# striven for ("sich um Vermittlung bemühen"), by the preposition before the noun.
_NOUN_GOVERNORS = {
    ("zu", "laden"): "hypothetical",
    ("zu", "einladen"): "hypothetical",
    ("zu", "aufrufen"): "hypothetical",
    ("zu", "auffordern"): "hypothetical",
    ("um", "bitten"): "hypothetical",
    ("um", "bemühen"): "intended",
    ("um", "werben"): "intended",
    ("um", "ringen"): "intended",
}
_NP_INNER = frozenset({"ART", "ADJA", "PPOSAT", "CARD", "PIAT", "ADV"})


def verbal_attack(
    lemma: str,
    event_type: str,
    targets: list[tuple[Actor, Entity, str]],
    contexts: list[str],
    labelled: bool,
) -> bool:
    """``griff den Präsidenten scharf an``, ``attackierte Iran als Förderer des Terrors``:
    an attack on politicians, or one that calls its target something, without military
    context is a verbal one (ACCUSE), not an ASSAULT."""
    politicians = bool(targets) and all(
        e.type == "PER" and e.sector in _VERBAL_TARGET_SECTORS for _, e, _ in targets
    )
    return (
        event_type == "ASSAULT"
        and lemma in _ATTACK_VERBS
        and "military" not in contexts
        and (politicians or labelled)
    )


def governed_noun(doc: Doc, trigger: int, start: int, end: int) -> str | None:
    if doc[trigger].tag_ != "NN":
        return None
    index = trigger - 1
    while index >= start and doc[index].tag_ in _NP_INNER:
        index -= 1
    if index < start or doc[index].tag_ not in ("APPR", "APPRART"):
        return None
    preposition = {"zum": "zu", "zur": "zu"}.get(doc[index].lower_, doc[index].lower_)
    left, right = clause_bounds(doc, trigger, start, end)
    for token in doc[left:right]:
        found = _NOUN_GOVERNORS.get((preposition, token.lemma_))
        if found is not None and token.tag_.startswith("V"):
            return found
    return None


def modal_passive(doc: Doc, trigger: int, start: int, end: int) -> bool:
    """``ist zu empfangen``, ``wird zu sehen sein``: ``sein`` with a zu-infinitive says
    what can or must be done (but ``ist bereit, … zu liefern`` is readiness)."""
    token = doc[trigger]
    zu = token.tag_ == "VVIZU" or (trigger > start and doc[trigger - 1].tag_ == "PTKZU")
    if not zu:
        return False
    left, right = clause_bounds(doc, trigger, start, end)
    clause = doc[left:right]
    if any(t.tag_ == "ADJD" for t in clause):
        return False
    following = doc[trigger + 1] if trigger + 1 < right else None
    if following is not None and following.lemma_ == "sein":
        return True
    return any(t.lemma_ == "sein" and t.tag_ == "VAFIN" for t in clause)


def predicative(doc: Doc, trigger: int, start: int) -> bool:
    """``als hinterhältigen Anschlag``: the noun names what something is called."""
    index = trigger - 1
    while index >= start and doc[index].tag_ in _NP_INNER and trigger - index <= 3:
        index -= 1
    return index >= start and doc[index].lower_ == "als"


_DETERMINERS = frozenset({"ART", "PDAT", "PPOSAT", "PIAT"})
# What may stand between an attributive "nicht" and its participle or adjective.
_ATTRIBUTE_INNER = frozenset({"ADV", "APPR", "APPRART", "ART", "NN", "NE", "CARD", "ADJD"})


def attributive_negation(doc: Doc, index: int) -> bool:
    """``die nicht im Landtag vertretenen Linken``: a ``nicht`` right after a determiner
    that leads to an attributive adjective is inside a noun phrase."""
    if index == 0 or doc[index - 1].tag_ not in _DETERMINERS:
        return False
    for token in doc[index + 1 : index + 8]:
        if token.tag_ == "ADJA":
            return True
        if token.tag_ not in _ATTRIBUTE_INNER:
            return False
    return False
