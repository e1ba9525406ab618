"""Who acts on whom: actors of an event from the clause around its trigger.

The source is the subject of the trigger verb (or of the clause's finite verb for a
noun trigger: ``… sagte X bei einem Treffen mit Y``); the target is the phrase the
trigger's lexicon entry names (an accusative or dative object, a ``mit``/``gegen``/``zu``
phrase). Every entity mention inside a phrase is an actor, so ``Russland und Iran``
gives two. Mentions without an entity (``Wir``, ``ein Sprecher``) are no actors.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.tokens import Doc

from chronik.entities.recognise import EntityResult
from chronik.events.groups import GroupResolver
from chronik.language.tokens_view import view
from chronik.model import Actor, Entity
from chronik.quotes.phrases import FINITE, clause_bounds, subject

_ACCUSATIVE = frozenset({"den", "einen", "die", "das", "ihn", "sie", "es"})
_DATIVE = frozenset({"dem", "einem", "der", "den", "ihm", "ihr", "ihnen"})
# Nouns that take a von-phrase as their own attribute ("Mitarbeiter von Hilfsorganisationen").
RELATIONAL_NOUNS = frozenset(
    {
        "Mitarbeiter",
        "Mitarbeiterin",
        "Mitglied",
        "Vertreter",
        "Vertreterin",
        "Sprecher",
        "Sprecherin",
        "Chef",
        "Chefin",
        "Leiter",
        "Leiterin",
        "Anhänger",
        "Anhängerin",
        "Teil",
        "Gruppe",
        "Delegation",
        "Angehörige",
        "Angehöriger",
        "Kollege",
        "Kollegin",
    }
)
# Unambiguous object pronouns: the object slot is taken even when they name no actor.
_OBJECT_PRONOUNS = frozenset({"ihn", "ihm", "ihnen"})
_PHRASE_TAGS = frozenset(
    {"ART", "ADJA", "NN", "NE", "KON", "PPOSAT", "CARD", "FM", "TRUNC", "$,", "APPRART", "PIAT"}
)


class Arguments:
    def __init__(
        self,
        doc: Doc,
        entities: EntityResult,
        attributive_head: Callable[[str], bool] | None = None,
        groups: GroupResolver | None = None,
    ) -> None:
        self.doc = doc
        # "den beiden Nachbarstaaten": a plural anaphor for a coordination named before.
        self._groups = groups
        self._entities = entities
        self._by_id: dict[str, Entity] = {e.id: e for e in entities.entities}
        # (start, index) of every mention: a phrase looks up its own mentions instead of
        # scanning all of them (quadratic on long documents).
        self._starts = sorted((m.start, i) for i, m in enumerate(entities.mentions))
        # Whether a noun lemma takes a following von/durch phrase as its attribute.
        self._attributive_head = attributive_head or (lambda lemma: lemma in RELATIONAL_NOUNS)

    def actors(self, span: tuple[int, int] | None) -> list[Actor]:
        return [actor for actor, _, _ in self.actor_mentions(span)]

    def actor_mentions(self, span: tuple[int, int] | None) -> list[tuple[Actor, Entity, str]]:
        """The actors of a phrase with their entity and mention kind (name, nominal, pronoun)."""
        if span is None:
            return []
        details = self._named_actors(span)
        if not details and self._groups is not None:
            text = self.doc[span[0] : span[1]].text
            for index in self._groups.resolve(span):
                found = self._actor_of(index, text)
                if found is not None and all(a.entity != found[0].entity for a, _, _ in details):
                    details.append((found[0], found[1], "pronoun"))  # resolved like a pronoun
        return details

    def _actor_of(self, index: int, text: str) -> tuple[Actor, Entity] | None:
        entity = self._by_id.get(self._entities.entity_of_mention.get(index, ""))
        if entity is None or (entity.country is None and entity.type not in ("ORG",)):
            return None
        actor = Actor(entity=entity.id, text=text, country=entity.country, sector=entity.sector)
        return actor, entity

    def _named_actors(self, span: tuple[int, int]) -> list[tuple[Actor, Entity, str]]:
        """Every entity mention inside the phrase that names an actor."""
        found: list[Actor] = []
        details: list[tuple[Actor, Entity, str]] = []
        low = bisect_left(self._starts, (span[0], -1))
        high = bisect_right(self._starts, (span[1], len(self._starts)))
        for index in sorted(index for _, index in self._starts[low:high]):
            mention = self._entities.mentions[index]
            if mention.end > span[1]:
                continue
            if mention.end - mention.start == 1 and self.doc[mention.start].tag_ == "PPOSAT":
                continue  # "ihre afghanischen Verbündeten": the possessor is not the actor
            resolved = self._actor_of(index, self.doc[mention.start : mention.end].text)
            if resolved is None:
                continue
            actor, entity = resolved
            plain_repeat = actor.sector is None and any(a.country == actor.country for a in found)
            # "Stellungen der PKK im Irak": a place after a preposition only locates the
            # actor before it; "der Außenminister Frankreichs": the country is his side.
            located = (
                bool(found)
                and mention.start > span[0]
                and self.doc[mention.start - 1].tag_ in ("APPR", "APPRART")
            )
            if all(a.entity != actor.entity for a in found) and not (plain_repeat or located):
                found.append(actor)
                details.append((actor, entity, mention.kind))
        return details

    def source(self, trigger: int, start: int, end: int) -> tuple[int, int] | None:
        """The subject of the finite verb of the trigger's clause (coordinated subjects
        included: ``Russland und China``)."""
        verb = self.finite_verb(trigger, start, end)
        if verb is None:
            return None
        found = subject(self.doc, verb, start, end, self._entities.mentions)
        return self._coordinated(found, end) if found else None

    def finite_verb(self, trigger: int, start: int, end: int) -> int | None:
        if self.doc[trigger].tag_ in FINITE:
            return trigger
        return self._governing_verb(trigger, start, end)

    def passive(self, trigger: int, start: int, end: int) -> bool:
        """``wurde von Russland kritisiert``: a participle with a form of ``werden``, or
        with ``worden`` after it (``ist … vor Gericht gestellt worden``)."""
        if self.doc[trigger].tag_ != "VVPP":
            return False
        if trigger + 1 < end and self.doc[trigger + 1].lower_ == "worden":
            return True
        verb = self._governing_verb(trigger, start, end)
        return verb is not None and self.doc[verb].lemma_ == "werden"

    def agent(self, trigger: int, start: int, end: int) -> tuple[int, int] | None:
        """The ``von``/``durch`` phrase of a passive, unless it belongs to the noun before
        it (``Mitarbeiter von X``, ``bei Angriffen durch X``)."""
        return self._prepositional("von", trigger, start, end, agent=True) or (
            self._prepositional("durch", trigger, start, end, agent=True)
        )

    def noun_source(
        self, trigger: int, marking: tuple[str, ...], start: int, end: int
    ) -> tuple[int, int] | None:
        """Who acts in a nominalised event: a country adjective in its phrase
        (``ein israelischer Angriff``), a genitive or von/durch phrase after it (as the
        lexicon's marking says), else the subject of its own clause — unless the noun is
        part of that subject (then the subject is the event, not its actor)."""
        for mention in self._entities.mentions:
            if mention.end == trigger and self.doc[mention.end - 1].tag_ == "ADJA":
                return mention.start, mention.end
        following = trigger + 1
        if "gen" in marking and following < end and self.doc[following].lower_ in ("des", "eines"):
            phrase = self._phrase(following, end)
            if phrase is not None and self.actors(phrase):
                return phrase
        for preposition in ("von", "durch"):
            if preposition not in marking or following >= end:
                continue
            if self.doc[following].lower_ == preposition:
                phrase = self._phrase(following + 1, end)
                if phrase is not None and self.actors(phrase):
                    return phrase
        left, right = clause_bounds(self.doc, trigger, start, end)
        verb = self._governing_verb(trigger, left, right)
        if verb is None:
            return self.source(trigger, start, end)
        found = subject(self.doc, verb, start, end, self._entities.mentions)
        if found is None or found[0] <= trigger < found[1]:
            return None
        return self._coordinated(found, end)

    def _coordinated(self, span: tuple[int, int], end: int) -> tuple[int, int]:
        first, last = span
        while last + 1 < end and self.doc[last].lower_ in ("und", "sowie", ","):
            following = next((m for m in self._entities.mentions if m.start == last + 1), None)
            if following is None:
                break
            last = following.end
        return first, last

    def _governing_verb(self, trigger: int, start: int, end: int) -> int | None:
        tags = view(self.doc).tags
        finite = [i for i in range(start, end) if tags[i] in FINITE]
        before = [i for i in finite if i < trigger]
        return before[-1] if before else (finite[0] if finite else None)

    def target(
        self, trigger: int, markers: tuple[str, ...], start: int, end: int
    ) -> tuple[int, int] | None:
        left, right = clause_bounds(self.doc, trigger, start, end)
        for marker in markers:
            if marker.startswith("prep:"):
                found = self._prepositional(marker[5:], trigger, start, end)
            elif marker in ("acc", "dat"):
                found = self._object(marker, trigger, left, right)
            else:
                found = None
            if found is not None:
                return found
        return None

    def _prepositional(
        self, preposition: str, trigger: int, start: int, end: int, agent: bool = False
    ) -> tuple[int, int] | None:
        """``mit X`` nearest after the trigger (nouns), else anywhere in the clause."""
        lowers = view(self.doc).lowers
        positions = [i for i in range(start, end) if lowers[i] == preposition]
        positions.sort(key=lambda i: (i < trigger, abs(i - trigger)))
        for index in positions:
            before = self.doc[index - 1] if index > start else None
            attributive = before is not None and before.tag_ == "NN"
            if agent and attributive and self._attributive_head(before.lemma_):  # type: ignore[union-attr]
                continue
            phrase = self._phrase(index + 1, end)
            if phrase is not None and self.actors(phrase):
                return phrase
        return None

    def _object(self, case: str, trigger: int, left: int, right: int) -> tuple[int, int] | None:
        """An object in the middle field: after the finite verb, before or after the
        trigger (``hat Schweden nicht unterstützt``, ``griff Ziele in Gaza an``)."""
        articles = _ACCUSATIVE if case == "acc" else _DATIVE
        verb = self.finite_verb(trigger, left, right)
        begin = (verb if verb is not None and verb < trigger else trigger) + 1
        index = begin
        while index < right:
            token = self.doc[index]
            if index == trigger:
                index += 1
                continue
            if token.tag_ in ("APPR", "APPRART"):  # a prepositional phrase is no object
                index = self._pp_end(index, right)
                continue
            if (
                token.tag_ == "PPER"
                and token.lower_ in _OBJECT_PRONOUNS
                and token.lower_ in articles
            ):
                # "würdigte ihn für …": the object is taken, later names are not it
                return (index, index + 1) if self.actors((index, index + 1)) else None
            if token.lower_ in articles or token.tag_ in ("NE", "NN", "ADJA", "PIAT", "CARD"):
                phrase = self._phrase(index, right)
                if phrase is not None and self.actors(phrase):
                    return phrase
                index = phrase[1] if phrase else index + 1
                continue
            index += 1
        return None

    def _pp_end(self, index: int, right: int) -> int:
        """After ``am Mittwoch`` / ``in der russischen Hauptstadt``: determiners and
        adjectives, then one noun (or a run of proper nouns)."""
        index += 1
        while index < right and self.doc[index].tag_ in (
            "ART",
            "ADJA",
            "CARD",
            "PPOSAT",
            "PIAT",
            "ADV",
        ):
            index += 1
        if index < right and self.doc[index].tag_ in ("NN", "NE"):
            index += 1
            while index < right and self.doc[index].tag_ == "NE":
                index += 1
        return index

    def _phrase(self, index: int, end: int) -> tuple[int, int] | None:
        after = index
        while after < end and self.doc[after].tag_ in _PHRASE_TAGS:
            if self.doc[after].text == "," and not self._apposition_follows(after, end):
                break
            after += 1
        return (index, after) if after > index else None

    def _apposition_follows(self, comma: int, end: int) -> bool:
        return comma + 1 < end and self.doc[comma + 1].tag_ in ("ART", "NE", "ADJA")
