"""How far to trust a coded event: a product of evidence factors, each documented here.

``confidence`` is meant to order records by how often they are right, not to be a
calibrated probability. It starts from the trigger reading's lexicon weight (how
reliably the word reports this event type in news text) and multiplies in one factor
per piece of evidence, every factor at most 1:

- ambiguity: the word has readings of other event types (``treffen`` meet/hit,
  ``angreifen`` attack/criticise) — 0.85;
- frame: a noun trigger (actors from around a nominalisation, not from its own clause
  structure) 0.85; the source taken from a passive ``von``/``durch`` phrase (the same
  phrase is often an attribute: ``Mitarbeiter von X``) 0.85; no target where the type
  needs none 0.85, and 0.7 for a type that normally has one (``Russland kritisierte die
  Pläne``: the act is real, but a missed target actor is the commoner error);
- actors: per side, the best actor's kind — a country, or an actor with a political
  sector (government, military, parties, courts, rebels, IGOs …) or a capital standing for
  its government (``Washington``) 1.0; other people and organisations 0.85; another
  city or region as source 0.7 (metonymy for a team, or a place misread as an actor)
  and as target 0.9 (attacks and visits aim at places: ``Luftangriffe gegen Bengasi``);
  a pronoun resolved by coreference times 0.85;
- distance: an actor phrase more than 12 tokens from the trigger 0.9, more than 20 0.8;
  long sentences (over 40 tokens) 0.9 — clause analysis without a parser errs more there;
- modality: the factor of the modality cue that applied (``modality.tsv``), and 0.9 for
  an event stated only inside a quotation;
- repeated reports of the same event raise the merged record by 0.05 each (merge.py).

The factors are round numbers chosen from what each feature means for a rule-based
coder, not fitted to judged data; benchmarks/event_confidence.py measures the ordering.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronik.model import Entity

# Sectors whose actors are political by definition (kb/cameo.py codes).
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "REB", "UAF", "IGO"}
)
_PLACE_KINDS = frozenset({"city", "region", "place", "state", "district"})

AMBIGUOUS = 0.85
NOUN_TRIGGER = 0.85
PASSIVE_AGENT = 0.85
NO_TARGET = 0.85
MISSING_TARGET = 0.7
PRONOUN = 0.85
OTHER_ACTOR = 0.85
PLACE_AS_SOURCE = 0.7
PLACE_AS_TARGET = 0.9
QUOTED = 0.9
LONG_SENTENCE = 40
FAR, VERY_FAR = 12, 20


def actor_strength(entity: Entity, mention_kind: str, capital: bool, role: str) -> float:
    """How likely a mention is the political actor the event needs (role: source|target)."""
    if entity.kind == "country" or entity.sector in POLITICAL_SECTORS or capital:
        strength = 1.0
    elif entity.kind in _PLACE_KINDS or entity.type in ("LOC", "GPE"):
        strength = PLACE_AS_SOURCE if role == "source" else PLACE_AS_TARGET
    else:
        strength = OTHER_ACTOR
    return strength * (PRONOUN if mention_kind == "pronoun" else 1.0)


@dataclass(frozen=True)
class EventEvidence:
    """What the coder knew when it coded one mention of an event."""

    trigger_weight: float
    ambiguous: bool
    noun_trigger: bool
    passive_agent: bool
    has_target: bool
    source_strength: float  # best actor_strength on the source side
    target_strength: float  # 1.0 when there is no target
    distance: int  # tokens between the trigger and the farthest actor phrase
    sentence_length: int
    modality_factor: float
    quoted: bool
    target_expected: bool = False  # the type normally has a target (ACCUSE, not PROTEST)

    def score(self) -> float:
        factors = (
            self.trigger_weight,
            AMBIGUOUS if self.ambiguous else 1.0,
            NOUN_TRIGGER if self.noun_trigger else 1.0,
            PASSIVE_AGENT if self.passive_agent else 1.0,
            1.0 if self.has_target else MISSING_TARGET if self.target_expected else NO_TARGET,
            self.source_strength,
            self.target_strength,
            0.8 if self.distance > VERY_FAR else 0.9 if self.distance > FAR else 1.0,
            0.9 if self.sentence_length > LONG_SENTENCE else 1.0,
            self.modality_factor,
            QUOTED if self.quoted else 1.0,
        )
        product = 1.0
        for factor in factors:
            product *= factor
        return round(min(1.0, max(0.01, product)), 3)
