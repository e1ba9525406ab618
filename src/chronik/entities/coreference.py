"""Coreference within one article: mentions into entities.

In order: appositions (``der russische Verteidigungsminister Sergei Schoigu``,
``Bagheri, dem Generalstabschef …``); names by knowledge-base identity or surname;
role nominals to the person holding that role in the article (before or after), else
to the holder in the knowledge base at the article's date; pronouns to the most salient
compatible person nearby, preferring subjects over objects of prepositions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from chronik.entities.names import person_reading
from chronik.entities.nominals import DETERMINER_TAGS
from chronik.entities.records import Mention, Reading
from chronik.kb.knowledge_base import KnowledgeBase

PRONOUN_WINDOW = 2  # sentences back
_COPULAS = frozenset({"sein", "werden", "bleiben"})
# Between a name's comma and its apposition; the first ones make the role a past one.
_PAST_ADVERBS = frozenset("damals einst seinerzeit früher zuvor ehemals vormals".split())
_APPOSITION_ADVERBS = _PAST_ADVERBS | frozenset(
    "jetzt heute inzwischen mittlerweile derzeit zurzeit nun seither".split()
)


@dataclass
class Cluster:
    id: int
    reading: Reading
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    role_country: str | None = None
    role_sector: str | None = None

    @property
    def gender(self) -> str | None:
        genders = {m.gender for m in self.mentions if m.gender} | (
            {self.reading.gender} if self.reading.gender else set()
        )
        return genders.pop() if len(genders) == 1 else None

    def add(self, mention: Mention) -> None:
        mention.entity = self.id
        self.mentions.append(mention)
        if mention.role and mention.role not in self.roles:
            self.roles.append(mention.role)
        self.role_country = self.role_country or mention.role_country
        self.role_sector = self.role_sector or mention.role_sector


class Coreference:
    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb

    def resolve(self, doc: Doc, mentions: list[Mention], day: dt.date | None) -> list[Cluster]:
        _link_appositions(doc, mentions)
        _link_predicatives(doc, mentions)
        clusters: list[Cluster] = []
        self._date_surnames(doc, mentions, day)
        self._names(mentions, clusters)
        self._nominals(mentions, clusters, day)
        _pronouns(mentions, clusters)
        return [c for c in clusters if c.mentions]

    def _date_surnames(self, doc: Doc, mentions: list[Mention], day: dt.date | None) -> None:
        """A surname that several KB people share (``Assad``, ``Bush``) is the one in
        office at the article's date, when exactly one of them is."""
        if day is None:
            return
        for mention in mentions:
            reading = mention.reading
            if mention.kind != "name" or reading is None or reading.person_id is None:
                continue
            if mention.end - mention.start != 1:
                continue
            people = self._kb.people.by_name(doc[mention.start].text)
            if len(people) < 2:
                continue
            serving = [p for p in people if self._kb.people.offices(p.id, on=day)]
            if len(serving) == 1 and serving[0].id != reading.person_id:
                mention.reading = person_reading(serving[0])

    def _names(self, mentions: list[Mention], clusters: list[Cluster]) -> None:
        by_key: dict[str, Cluster] = {}
        for mention in mentions:
            if mention.kind != "name" or mention.reading is None:
                continue
            cluster = (
                by_key.get(mention.reading.key)
                or _genitive_match(mention.reading, by_key)
                or _surname_match(mention, clusters)
            )
            if cluster is None:
                cluster = Cluster(len(clusters), mention.reading)
                clusters.append(cluster)
                by_key[mention.reading.key] = cluster
            cluster.add(mention)
        _merge_surname_clusters(clusters)
        for mention in mentions:
            for other in mention.linked:
                target = mentions[other]
                if mention.entity is not None and target.entity is None:
                    clusters[mention.entity].add(target)

    def _nominals(
        self, mentions: list[Mention], clusters: list[Cluster], day: dt.date | None
    ) -> None:
        for mention in mentions:
            if mention.kind != "nominal" or mention.entity is not None:
                continue
            if mention.reading is not None:  # an institution: one entity per country and head
                _join_or_create(clusters, mention, mention.reading)
                continue
            if mention.number == "pl":  # "zwei russische Diplomaten": a group of its own
                _join_or_create(clusters, mention, _office_reading(mention, group=True))
                continue
            cluster = _holder_in_article(mention, clusters)
            if cluster is None:
                cluster = self._holder_in_kb(mention, clusters, day)
            if cluster is not None:
                cluster.add(mention)
            elif mention.role_country:
                _join_or_create(clusters, mention, _office_reading(mention))

    def _holder_in_kb(
        self, mention: Mention, clusters: list[Cluster], day: dt.date | None
    ) -> Cluster | None:
        role = self._kb.roles.get(mention.role or "")
        if role is None or not role.singular_office or not mention.role_country or day is None:
            return None
        if mention.other_holder:  # "der frühere russische Verteidigungsminister"
            return None
        holders = self._kb.people.holders(role.role, country=mention.role_country, on=day)
        if len(holders) != 1:
            return None
        reading = person_reading(holders[0])
        for cluster in clusters:
            if cluster.reading.key == reading.key:
                return cluster
        cluster = Cluster(len(clusters), reading)
        clusters.append(cluster)
        return cluster


def _office_reading(mention: Mention, *, group: bool = False) -> Reading:
    """An unnamed office-holder, or a group of them, as an entity of its own:
    "Verteidigungsminister (RUS, former)" is not the minister himself, "Innenminister
    (DEU, Bayern)" not the federal one, "Diplomat (RUS, group)" no single diplomat."""
    qualifiers = ("group",) if group else (mention.role_region, *_personal(mention))
    place = ", ".join(filter(None, (mention.role_country, *qualifiers)))
    return Reading(
        "PER",
        f"{mention.role} ({place})",
        "group" if group else "person",
        country=mention.role_country,
        sector=mention.role_sector,
        gender=None if group else mention.gender,
    )


def _linked(mentions: list[Mention]) -> set[int]:
    """Indices of the mentions an apposition or predicate already tied to a name."""
    return {other for mention in mentions for other in mention.linked}


def _link_appositions(doc: Doc, mentions: list[Mention]) -> None:
    """Nominal directly before a name, or name, comma, nominal: the same person (also
    with a time adverb between: ``Lundqvist, damals schwedische Außenministerin``)."""
    for index, mention in enumerate(mentions[:-1]):
        following = mentions[index + 1]
        if (
            mention.kind == "nominal"
            and mention.role
            and following.kind == "name"
            and following.start == mention.end
            and _person_like(following)
        ):
            _copy_role(mention, following)
            following.linked.add(index)
        elif (
            mention.kind == "name"
            and _person_like(mention)
            and following.kind == "nominal"
            and following.role
            and mention.end < len(doc)
            and doc[mention.end].text == ","
        ):
            between = [token.lower_ for token in doc[mention.end + 1 : following.start]]
            if between and (len(between) > 1 or between[0] not in _APPOSITION_ADVERBS):
                continue
            if _named_after(doc, mentions, index + 1) is not None:
                continue  # "Berg, der Befehlshaber der Marine, Admiral Lind": Lind
            if between and between[0] in _PAST_ADVERBS and "former" not in following.other_holder:
                following.other_holder = tuple(sorted({*following.other_holder, "former"}))
            _copy_role(following, mention)
            mention.linked.add(index + 1)
    linked = _linked(mentions)
    for index, nominal in enumerate(mentions):
        if nominal.kind != "nominal" or not nominal.role or index in linked:
            continue
        named = _named_after(doc, mentions, index)
        if named is not None:
            _copy_role(nominal, mentions[named])
            mentions[named].linked.add(index)


def _genitive_dependent(doc: Doc, start: int) -> bool:
    """Whether the phrase at ``start`` hangs on a noun before it as a genitive (``der
    Tochter des im Amt verstorbenen Präsidenten``), within its clause."""
    sentence = doc[start].sent.start
    for index in range(start, max(sentence, start - 8) - 1, -1):
        token = doc[index]
        if token.text == "," or token.tag_.startswith("V"):
            return False
        if token.lower_ in ("des", "der") and token.tag_ == "ART" and index > sentence:
            return doc[index - 1].tag_ in ("NN", "NE")
    return False


def _named_after(doc: Doc, mentions: list[Mention], index: int) -> int | None:
    """The person a role nominal stands before as an apposition, after its complement
    and a comma: ``der Befehlshaber der Marine im Norden, Admiral Tomas Lind``,
    ``Der Sprecher des Ministeriums, Jonas Berg, sagte``. A verb or conjunction before
    the comma ends the phrase (``Der Minister sagte, Berg …``)."""
    nominal = mentions[index]
    start = nominal.start
    if _genitive_dependent(doc, start):
        return None  # "der Tochter des Präsidenten, Marja Nurmi": the daughter's name
    end = doc[start].sent.end
    comma = nominal.end
    while comma < end and doc[comma].text != ",":
        if doc[comma].tag_.startswith("V") or doc[comma].tag_ in ("KON", "$.", "KOUS", "$("):
            return None  # a verb, a conjunction or a closing quotation mark ends the phrase
        comma += 1
    if comma + 1 >= end:
        return None
    for later in range(index + 1, len(mentions)):
        mention = mentions[later]
        if mention.start <= comma:
            continue
        if mention.start != comma + 1:
            return None
        if mention.kind == "name" and _person_like(mention):
            return later
        after = mentions[later + 1] if later + 1 < len(mentions) else None
        if mention.kind == "nominal" and after is not None and after.start == mention.end:
            return later + 1 if after.kind == "name" and _person_like(after) else None
        return None
    return None


def _link_predicatives(doc: Doc, mentions: list[Mention]) -> None:
    """A bare role noun after a copula is the subject's role: ``Andrianos war von
    2014 bis 2017 Finanzminister``, ``Berg, der 2012 Finanzminister wurde``,
    ``Schoigu wurde zum Verteidigungsminister ernannt``."""
    appositive = _linked(mentions)
    for index, nominal in enumerate(mentions):
        if nominal.kind != "nominal" or not nominal.role or index in appositive:
            continue
        if doc[nominal.start].tag_ in DETERMINER_TAGS:
            continue  # "der Finanzminister" is someone of his own
        before = doc[nominal.start - 1] if nominal.start > 0 else None
        if (
            before is not None
            and before.tag_ in ("APPR", "APPRART", "APPO")
            and before.lower_ not in ("zum", "zur")
        ):
            continue  # "vom Innenminister entlassen": the minister acts on the subject
        clause = _clause(doc, nominal.start)
        if not any(
            doc[i].lemma_ in _COPULAS and doc[i].tag_.startswith("V") for i in range(*clause)
        ):  # a verb: "seine" has the lemma "sein" too
            continue
        subject = _relative_antecedent(doc, mentions, clause[0]) or next(
            (
                m
                for m in mentions[:index]
                if m.kind == "name"
                and _person_like(m)
                and m.subject_like
                and clause[0] <= m.start < nominal.start
            ),
            None,
        )
        if subject is not None:
            _copy_role(nominal, subject)
            subject.linked.add(index)


def _clause(doc: Doc, index: int) -> tuple[int, int]:
    """Tokens around ``index`` up to the nearest commas or the sentence's ends."""
    sentence = doc[index].sent
    start = index
    while start > sentence.start and doc[start - 1].text != ",":
        start -= 1
    end = index
    while end < sentence.end and doc[end].text != ",":
        end += 1
    return start, end


def _relative_antecedent(doc: Doc, mentions: list[Mention], start: int) -> Mention | None:
    """``Berg, der …``: the person a relative clause starting at ``start`` is about."""
    if start < 2 or doc[start].tag_ != "PRELS" or doc[start - 1].text != ",":
        return None
    return next(
        (m for m in mentions if m.kind == "name" and m.end == start - 1 and _person_like(m)),
        None,
    )


def _person_like(mention: Mention) -> bool:
    return mention.reading is not None and mention.reading.type in ("PER", "MISC")


def _copy_role(nominal: Mention, name: Mention) -> None:
    if name.role is None:
        name.role, name.other_holder = nominal.role, nominal.other_holder
        name.role_region = nominal.role_region
    name.role_country = name.role_country or nominal.role_country
    name.role_sector = name.role_sector or nominal.role_sector
    if name.reading is not None and name.reading.type == "MISC":
        name.reading = Reading("PER", name.reading.name, "person")
    name.gender = name.gender or nominal.gender


def _genitive_match(reading: Reading, by_key: dict[str, Cluster]) -> Cluster | None:
    """``Tobias Lindqvists`` after ``Tobias Lindqvist``, ``des Nordstern Orchesters``
    after ``Nordstern Orchester``: a name of several words in the genitive."""
    if reading.type not in ("PER", "ORG") or reading.kb_id or " " not in reading.name:
        return None
    if not reading.name.endswith(("s", "'")):
        return None
    return by_key.get(f"{reading.type}:{reading.name[:-1]}")


def _surname_match(mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The person a surname alone names: ``Lindqvist``, ``Lindqvists``, and surnames of
    several words (``Ben Hamida`` after ``Karim Salah Ben Hamida``)."""
    reading = mention.reading
    if reading is None or reading.type != "PER" or reading.kb_id:
        return None
    for cluster in clusters:
        if cluster.reading.type == "PER" and _ends_with(cluster.reading.name, reading.name):
            return cluster
    return None


def _ends_with(full: str, surname: str) -> bool:
    """``full`` is a longer name ending in ``surname`` (or in it less a genitive s)."""
    words, tail = full.split(), surname.split()
    if not tail or len(tail) > len(words):
        return False
    if len(tail) < len(words) and words[-len(tail) :] == tail:
        return True
    genitive = [*tail[:-1], tail[-1][:-1]] if tail[-1].endswith("s") else None
    return words[-len(tail) :] == genitive  # "Lindqvists", "Ben Hamidas"


def _merge_surname_clusters(clusters: list[Cluster]) -> None:
    """A surname seen before its full name ("Lehtonen … Aino Lehtonen") joins the full name."""
    for cluster in clusters:
        if cluster.reading.type != "PER" or cluster.reading.kb_id or not cluster.mentions:
            continue
        for full in clusters:
            if (
                full is not cluster
                and full.reading.type == "PER"
                and full.mentions
                and _ends_with(full.reading.name, cluster.reading.name)
            ):
                for mention in cluster.mentions:
                    full.add(mention)
                cluster.mentions = []
                break


def _holder_in_article(mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    best: tuple[int, Cluster] | None = None
    wanted = (mention.role, _personal(mention))
    for cluster in clusters:
        if cluster.reading.type != "PER" or cluster.reading.kind == "group":
            continue
        same = [m for m in cluster.mentions if m.role and (m.role, _personal(m)) == wanted]
        regions = {m.role_region for m in same} - {None}
        if not same or (mention.role_region and regions - {mention.role_region}):
            continue
        if mention.role_country and cluster.role_country not in (None, mention.role_country):
            continue
        if mention.gender == "f" and cluster.gender == "m":
            continue  # "die Finanzministerin" is not the Finanzminister named before
        # (the masculine form may be generic: "des Generalbundesanwalts" for a woman)
        distance = min(abs(m.start - mention.start) for m in cluster.mentions)
        if best is None or distance < best[0]:
            best = (distance, cluster)
    return best[1] if best else None


def _personal(mention: Mention) -> tuple[str, ...]:
    """The qualifiers that make someone another person than the office's holder in
    the article too ("der frühere Minister"); "state" is left out, since "der
    Ministerpräsident" after "der bayerische Ministerpräsident" is the same man."""
    return tuple(q for q in mention.other_holder if q != "state")


def _join_or_create(clusters: list[Cluster], mention: Mention, reading: Reading) -> None:
    for cluster in clusters:
        if cluster.reading.key == reading.key:
            cluster.add(mention)
            return
    cluster = Cluster(len(clusters), reading)
    clusters.append(cluster)
    cluster.add(mention)


def _pronouns(mentions: list[Mention], clusters: list[Cluster]) -> None:
    for index, pronoun in enumerate(mentions):
        if pronoun.kind != "pronoun" or pronoun.gender not in ("m", "f") or pronoun.number == "pl":
            continue
        best: tuple[float, int, int] | None = None
        for previous in reversed(mentions[:index]):
            if pronoun.sentence - previous.sentence > PRONOUN_WINDOW:
                break
            if previous.entity is None:
                continue
            cluster = clusters[previous.entity]
            if cluster.reading.type != "PER" or cluster.gender not in (None, pronoun.gender):
                continue
            if cluster.reading.kind == "group":
                continue
            score = _salience(previous, pronoun)
            if best is None or score > best[0]:
                best = (score, previous.start, cluster.id)
        if best is not None and best[0] > 0:
            clusters[best[2]].add(pronoun)


def _salience(candidate: Mention, pronoun: Mention) -> float:
    score = 3.0 * candidate.subject_like - 2.0 * candidate.in_pp
    score += {0: 1.0, 1: 2.0}.get(pronoun.sentence - candidate.sentence, 0.0)
    return (
        score
        + (0.5 if candidate.kind == "name" else 0.0)
        + (1.0 if candidate.kind == "pronoun" else 0.0)
    )
