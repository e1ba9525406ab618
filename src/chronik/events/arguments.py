"""Who acts on whom: actors of an event from the clause around its trigger.

The source is the subject of the trigger verb (or of the clause's finite verb for a
noun trigger: ``… sagte X bei einem Treffen mit Y``); the target is the phrase the
trigger's lexicon entry names (an accusative or dative object, a ``mit``/``gegen``/``zu``
phrase). Every entity mention inside a phrase is an actor, so ``Russland und Iran``
gives two. Mentions without an entity (``Wir``, ``ein Sprecher``) are no actors.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronik.entities.recognise import EntityResult
from chronik.model import Actor, Entity
from chronik.quotes.phrases import FINITE, clause_bounds, subject

_ACCUSATIVE = frozenset({"den", "einen", "die", "das", "ihn", "sie", "es"})
_DATIVE = frozenset({"dem", "einem", "der", "den", "ihm", "ihr", "ihnen"})
_PHRASE_TAGS = frozenset(
    {"ART", "ADJA", "NN", "NE", "KON", "PPOSAT", "CARD", "FM", "TRUNC", "$,", "APPRART", "PIAT"}
)


class Arguments:
    def __init__(self, doc: Doc, entities: EntityResult) -> None:
        self.doc = doc
        self._entities = entities
        self._by_id: dict[str, Entity] = {e.id: e for e in entities.entities}

    def actors(self, span: tuple[int, int] | None) -> list[Actor]:
        if span is None:
            return []
        found = []
        for index, mention in enumerate(self._entities.mentions):
            if not (span[0] <= mention.start and mention.end <= span[1]):
                continue
            entity = self._by_id.get(self._entities.entity_of_mention.get(index, ""))
            if entity is None or (entity.country is None and entity.type not in ("ORG",)):
                continue
            text = self.doc[mention.start : mention.end].text
            actor = Actor(entity=entity.id, text=text, country=entity.country, sector=entity.sector)
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
        return found

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
        """``wurde von Russland kritisiert``: a participle with a form of ``werden``."""
        if self.doc[trigger].tag_ != "VVPP":
            return False
        verb = self._governing_verb(trigger, start, end)
        return verb is not None and self.doc[verb].lemma_ == "werden"

    def agent(self, trigger: int, start: int, end: int) -> tuple[int, int] | None:
        return self._prepositional("von", trigger, start, end) or self._prepositional(
            "durch", trigger, start, end
        )

    def _coordinated(self, span: tuple[int, int], end: int) -> tuple[int, int]:
        first, last = span
        while last + 1 < end and self.doc[last].lower_ in ("und", "sowie", ","):
            following = next((m for m in self._entities.mentions if m.start == last + 1), None)
            if following is None:
                break
            last = following.end
        return first, last

    def _governing_verb(self, trigger: int, start: int, end: int) -> int | None:
        finite = [i for i in range(start, end) if self.doc[i].tag_ in FINITE]
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
        self, preposition: str, trigger: int, start: int, end: int
    ) -> tuple[int, int] | None:
        """``mit X`` nearest after the trigger (nouns), else anywhere in the clause."""
        positions = [i for i in range(start, end) if self.doc[i].lower_ == preposition]
        positions.sort(key=lambda i: (i < trigger, abs(i - trigger)))
        for index in positions:
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
            if token.lower_ in articles or token.tag_ in ("NE", "NN", "ADJA", "PIAT"):
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
