"""Find mentions in the analysed sentences: names, role nominals and pronouns.

Organisation patterns (``organisation_rules``) go first. Other names come from the
knowledge base (longest match first), then from runs of proper nouns the tagger found; a
name is typed from its knowledge-base reading, a first name, an organisation word, or its
context. Role nominals and institutions come from
``nominals``; pronouns from the pronoun lexicon.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from chronik.entities.lexicon import EntityLexicon
from chronik.entities.names import NameIndex
from chronik.entities.nominals import (
    Nominal,
    NominalFinder,
    governed_by_preposition,
    subject_like,
)
from chronik.entities.organisation_rules import NAME_TAGS, OrganisationRules, is_acronym
from chronik.entities.records import Mention, Reading
from chronik.entities.tagger.judge import GERMEVAL_TYPES, Name, SpanJudge
from chronik.entities.tagger.model import MIN_SPAN_PROBABILITY, NameTagger, combine
from chronik.kb.roles import Roles
from chronik.language.de.tagger import FINITE_TAGS
from chronik.language.parsed import Parsed
from chronik.language.tokens_view import TokenView, view
from chronik.memo import Memo

_NAME_TAGS = NAME_TAGS
_DEFINITE_ARTICLES = frozenset({"die", "der", "den"})
_LOCATIVE = frozenset({"in", "im", "nach", "aus", "bei", "von", "vom", "zwischen", "über"})
_TAGGER_TYPES = frozenset({"PER", "ORG", "LOC"})
# The reading types a tagger span of each type may be linked to (see _linked_reading).
_LINKABLE_TYPES = {"ORG": frozenset({"ORG"}), "LOC": frozenset({"GPE", "LOC"})}
_STATE_PREFIXES = ("Bundes", "Landes", "Staats", "Reichs")


class MentionFinder:
    def __init__(
        self,
        names: NameIndex,
        nominals: NominalFinder,
        lexicon: EntityLexicon,
        roles: Roles,
        tagger: NameTagger | None = None,
        judge: SpanJudge | None = None,
    ) -> None:
        self._tagger = tagger
        self._judge = judge
        self._roles = roles
        self._names = names
        self._nominals = nominals
        self._lexicon = lexicon
        self._organisation_rules = OrganisationRules(names, lexicon)
        self._first_words = names.first_words()
        # Readings of lower-case words (nearly every word is one), per word form.
        self._lowercase: Memo[str, Reading | None] = Memo()

    def find(self, parsed: Parsed) -> list[Mention]:
        doc = parsed.doc
        tokens = view(doc)
        mentions: list[Mention] = []
        self._surnames: set[str] = set()
        self._named_later = self._surnames_named_in(tokens, parsed)
        for number, sentence in enumerate(parsed.sentences):
            taken: set[int] = set()
            found = self._organisation_rules.find(doc, sentence.start, sentence.end, number, taken)
            found += self._names_in(doc, sentence.start, sentence.end, number, taken)
            if self._tagger is not None:
                found = self._with_tagger(doc, sentence.start, sentence.end, number, found)
                taken = {i for m in found for i in range(m.start, m.end)}
            found += self._nominals_in(doc, sentence.start, sentence.end, number, taken)
            found += self._pronouns_in(doc, sentence.start, sentence.end, number, taken)
            for mention in found:
                first = mention.start
                if mention.kind == "name" and _descriptive(tokens, first):
                    mention.kind = "nominal"  # "die französische Nationalversammlung" describes
                mention.subject_like = subject_like(tokens, first, sentence.start)
                mention.in_pp = governed_by_preposition(tokens, first, sentence.start)
                self._nationality_before(tokens, mention, sentence.start)
                self._country_in_name(tokens, mention)
            mentions.extend(sorted(found, key=lambda m: m.start))
        return mentions

    def _surnames_named_in(self, tokens: TokenView, parsed: Parsed) -> set[str]:
        """The surnames of the article's "first name + surname" runs, wherever they stand:
        a headline names "Macron" before the lead names "Emmanuel Macron" (cataphora), and
        the surname alone is then as much a name as after the full name. Asked after the
        knowledge base: "Guttenberg" stays the minister it knows even where the text also
        names "Stephanie zu Guttenberg"."""
        found: set[str] = set()
        texts = tokens.texts
        for sentence in parsed.sentences:
            index = sentence.start
            while index < sentence.end - 1:
                given = texts[index][:1].isupper() and self._lexicon.first_name(texts[index])
                if not given or given.ambiguous:
                    index += 1
                    continue
                after = _name_run_end(tokens, index, sentence.end, self._lexicon)
                last = texts[after - 1]
                if after - index >= 2 and not any(
                    r.type in ("GPE", "LOC") for r in self._names.single(last)
                ):
                    found.add(last)
                index = max(after, index + 1)
        return found

    def _country_in_name(self, tokens: TokenView, mention: Mention) -> None:
        """An organisation the knowledge base does not know is placed by the one country
        its name names: ``Landgericht Bremen``, ``LKA Hessen``, ``Hessischer
        Verwaltungsgerichtshof``, ``Moskauer Staatsuniversität`` (not ``Deutsch-Russische
        Handelskammer``, which names two)."""
        reading = mention.reading
        if mention.kind != "name" or reading is None or reading.type != "ORG":
            return
        if reading.kb_id or reading.country:
            return
        countries = set()
        for word in tokens.texts[mention.start : mention.end]:
            for part in filter(None, word.split("-")):
                countries.update(r.country for r in self._names.single(part) if r.type == "GPE")
                countries.add(self._names.country_of_adjective(part))
                for kind in ("region_adjective", "capital_adjective"):
                    ref = self._names.geo(part, kind)
                    countries.add(ref.iso3 if ref else None)
        countries.discard(None)
        if len(countries) == 1:
            mention.reading = replace(reading, country=countries.pop())

    def _nationality_before(self, tokens: TokenView, mention: Mention, start: int) -> None:
        """``ihrem estnischen Kollegen Mart Kask``, ``der iranische Aktivist Ali Rezai``: a
        country adjective on the noun right before a person's name gives the person's
        country (role nouns are handled as nominals; this covers every other noun)."""
        reading = mention.reading
        if (
            mention.kind != "name"
            or reading is None
            or reading.type != "PER"
            or reading.kb_id
            or mention.role_country
            or mention.start - 2 < start
        ):
            return
        noun, adjective = mention.start - 1, mention.start - 2
        if tokens.tags[noun] != "NN" or tokens.tags[adjective] != "ADJA":
            return
        mention.role_country = self._names.country_of_adjective(tokens.texts[adjective])

    def _names_in(
        self, doc: Doc, start: int, end: int, number: int, taken: set[int]
    ) -> list[Mention]:
        tokens = view(doc)
        words = tokens.texts[start:end]
        found: list[Mention] = []
        first_words = self._first_words
        index = start
        while index < end:
            if index in taken:
                index += 1
                continue
            word = words[index - start]
            match = self._names.longest(words, index - start) if word in first_words else None
            if match is not None:
                first, after = start + match.start, start + match.end
                found.append(Mention(first, after, "name", number, _best(match.readings)))
            elif not word[:1].isupper():  # most words: answered from the memo
                reading = self._lowercase_reading(word)
                if reading is not None:
                    found.append(Mention(index, index + 1, "name", number, reading))
            else:
                first, after, reading = self._single_or_run(doc, tokens, index, start, end)
                if reading is not None:
                    found.append(Mention(first, after, "name", number, reading))
            if found and found[-1].start == index:
                taken.update(range(found[-1].start, found[-1].end))
                self._remember_surname(tokens, found[-1])
                index = found[-1].end
            else:
                index += 1
        return found

    def _with_tagger(
        self, doc: Doc, start: int, end: int, number: int, names: list[Mention]
    ) -> list[Mention]:
        """The statistical tagger (the rules' guesses are among its features) and the
        judge decide span and type. Without the judge: names linked to the knowledge
        base stay, unless a sure tagger span contains them (``Detroit`` in ``Detroit Red
        Wings``), and the tagger decides elsewhere."""
        sure = [
            m
            for m in names
            if m.reading is not None
            and (
                m.reading.kb_id
                or m.reading.name in self._surnames
                or m.reading.name in self._named_later
            )
        ]
        if self._judge is None:
            kept, spans = self._combined(doc, start, end, names, sure)
        else:
            kept, spans = self._judged(doc, start, end, names, sure)
        tokens = view(doc)
        bounds = {(m.start, m.end) for m in kept}
        guesses = {(m.start, m.end): m for m in names if m not in sure}
        for first, after, kind in spans:
            if (first, after) in bounds or kind not in _TAGGER_TYPES:
                continue
            guess = guesses.get((first, after))
            if guess is not None and guess.reading is not None and guess.reading.type == kind:
                kept.append(guess)
                continue
            reading = self._linked_reading(tokens.texts[first:after], kind)
            if reading is None:
                text = doc[first:after].text
                label = {"PER": "person", "ORG": "organisation"}.get(kind, "unknown")
                reading = Reading(kind, text, label)
            kept.append(Mention(first, after, "name", number, reading))
        for mention in kept:
            self._remember_surname(tokens, mention)
        return sorted(kept, key=lambda m: m.start)

    def _combined(
        self, doc: Doc, start: int, end: int, names: list[Mention], sure: list[Mention]
    ) -> tuple[list[Mention], list[tuple[int, int, str]]]:
        spans = self._tagger.tag(doc, start, end, names)  # type: ignore[union-attr]
        taken, dropped = combine(spans, [(m.start, m.end) for m in sure], MIN_SPAN_PROBABILITY)
        kept = [m for index, m in enumerate(sure) if index not in dropped]
        return kept, [(span.start, span.end, span.type) for span in taken]

    def _judged(
        self, doc: Doc, start: int, end: int, names: list[Mention], sure: list[Mention]
    ) -> tuple[list[Mention], list[tuple[int, int, str]]]:
        output = self._tagger.read(doc, start, end, names)  # type: ignore[union-attr]
        judged = [m for m in names if m.reading is not None and m.reading.type in GERMEVAL_TYPES]
        proposed = [
            Name(m.start - start, m.end - start, GERMEVAL_TYPES[m.reading.type], m in sure)  # type: ignore[union-attr]
            for m in judged
        ]
        words = view(doc).texts[start:end]
        decision = self._judge.decide(words, output, proposed)  # type: ignore[union-attr]
        spans = [(first + start, after + start, kind) for first, after, kind in decision.spans]
        kept = [judged[index] for index in sorted(decision.kept)]
        # Sure names the judge does not score (an event or work of art) stay where no
        # chosen span overlaps them.
        kept += [
            m
            for m in sure
            if m not in judged and not any(m.start < e and s < m.end for s, e, _ in spans)
        ]
        return kept, spans

    def _linked_reading(self, words: Sequence[str], kind: str) -> Reading | None:
        """The knowledge-base reading of exactly ``words`` that agrees with the tagger's
        type. The rules leave a name that is also a common noun (``Bundesrat``) to the
        tagger; when the tagger finds the organisation, it is the one the KB knows.
        Persons are left alone: a surname alone is linked by coreference, not here."""
        types = _LINKABLE_TYPES.get(kind)
        if types is None:
            return None
        if len(words) == 1:
            readings = self._names.single(words[0])
        else:
            match = self._names.longest(words, 0)
            readings = match.readings if match is not None and match.end == len(words) else []
        return next((r for r in readings if r.type in types and r.kb_id), None)

    def _remember_surname(self, tokens: TokenView, mention: Mention) -> None:
        if (
            mention.reading is not None
            and mention.reading.type == "PER"
            and mention.end - mention.start > 1
        ):
            last = tokens.texts[mention.end - 1]
            # "Occupy Leipzig" typed PER must not make every later "Leipzig" a
            # person; "Paris Jackson" may (a first name vouches for the person).
            place = any(r.type == "GPE" for r in self._names.single(last))
            if not place or self._lexicon.first_name(tokens.texts[mention.start]):
                self._surnames.add(last)

    def _single_or_run(
        self, doc: Doc, tokens: TokenView, index: int, start: int, end: int
    ) -> tuple[int, int, Reading | None]:
        text = tokens.texts[index]
        if not text[:1].isupper():
            return index, index + 1, self._lowercase_reading(text)
        if self._lexicon.is_not_name(text):
            return index, index + 1, None
        surname = text.removesuffix("s") if text not in self._surnames else text
        if surname in self._surnames:  # "Tamm", "Tamms" after "Liisa Tamm"
            return index, index + 1, Reading("PER", surname, "person")
        after = _name_run_end(tokens, index, end, self._lexicon)
        if after - index > 1 and self._lexicon.first_name(text):
            return index, after, self._guess(doc, index, after, start)  # "Richard Feynman"
        readings = self._names.single(text)
        if (
            readings
            and tokens.tags[index] not in _NAME_TAGS
            and _plain_word(text)
            # A state body in one word ("Bundesverfassungsgericht") is a name; "Bundesrat"
            # may be a Swiss minister.
            and not (text.startswith(_STATE_PREFIXES) and self._lexicon.compound_org_head(text))
        ):
            # A common-noun reading ("Bild", "Spiegel", "Wagner") wins outside name runs;
            # "UN-Sicherheitsrat" or "NATO" cannot be a common noun.
            # At the sentence start only a finite verb after it still makes "Kurz" a
            # name ("Kurz sagte"); "Kurz nach der Premiere" is an adverb.
            opens_clause = index == start and (
                tokens.tags[index] in ("NN", "ADJA")
                or (index + 1 < end and tokens.tags[index + 1] in FINITE_TAGS)
            )
            if not opens_clause:
                readings = [r for r in readings if r.type in ("GPE", "LOC")]
        if readings:
            return index, index + 1, _best(readings)
        if index > start and tokens.lowers[index - 1] in _DEFINITE_ARTICLES:
            party = self._names.party(text)  # "die Grünen", "der Linken"
            if party is not None:
                return index, index + 1, party
        named_later = text if text in self._named_later else text.removesuffix("s")
        if named_later in self._named_later:  # after what the knowledge base knows
            return index, index + 1, Reading("PER", named_later, "person")
        if after == index:
            return index, index + 1, self._institution_name(tokens, index)
        return index, after, self._guess(doc, index, after, start)

    def _lowercase_reading(self, word: str) -> Reading | None:
        """The reading of a word not written with a capital, remembered per word."""
        if word in self._lowercase:
            return self._lowercase[word]
        if self._names.lowercase_organisation(word):  # "( dpa )", "die taz"
            reading: Reading | None = _best(self._names.single(word))
        else:
            reading = _lowercase_name(self._names.single(word), word)
        return self._lowercase.remember(word, reading)

    def _institution_name(self, tokens: TokenView, index: int) -> Reading | None:
        """``Bundesärztekammer``, ``Bundesjustizministerium``: state bodies in one word."""
        text = tokens.texts[index]
        if tokens.tags[index] != "NN" or not text.startswith(_STATE_PREFIXES):
            return None
        head = self._lexicon.compound_org_head(text)
        if head is None:
            return None
        # A federal or Land ministry in one word is German unless an adjective says
        # otherwise ("das österreichische Bundesinnenministerium"); a "Bundesgericht"
        # may be Swiss or American, and "Staats-" and "Reichs-" bodies say nothing.
        country = None
        if text.startswith(("Bundes", "Landes")) and "ministeri" in text:
            before = (
                tokens.texts[index - 1] if index > 0 and tokens.tags[index - 1] == "ADJA" else ""
            )
            country = (before and self._names.country_of_adjective(before)) or "DEU"
        return Reading("ORG", text, "organisation", country=country, sector=head.sector or None)

    def _guess(self, doc: Doc, first: int, after: int, start: int) -> Reading | None:
        """Type a name the knowledge base does not know."""
        texts, size = view(doc).texts, after - first
        text = doc[first:after].text
        known = self._names.person(text) if size > 1 else None
        if known is not None:
            return known
        first_name = self._lexicon.first_name(texts[first])
        if first_name is not None and (size > 1 or not first_name.ambiguous):
            return Reading("PER", text, "person", gender=first_name.gender)
        if any(self._lexicon.org_suffix(word) for word in texts[first:after]) or (
            size == 1 and is_acronym(texts[first])
        ):
            return Reading("ORG", text, "organisation")
        if first > start and view(doc).lowers[first - 1] in _LOCATIVE and size <= 2:
            return Reading("LOC", text, "unknown")
        if first > start and (
            self._lexicon.person_title(texts[first - 1]) or self._roles.is_role(texts[first - 1])
        ):
            return Reading("PER", text, "person")  # "Trainer Kolb", "Dr. Meier"
        return Reading("MISC", text, "unknown")

    def _nominals_in(
        self, doc: Doc, start: int, end: int, number: int, taken: set[int]
    ) -> list[Mention]:
        found = []
        for nominal in self._nominals.find(doc, start, end):
            # A group is an actor only when placed ("drei russische Diplomaten"); plural
            # institutions and unplaced groups ("die Demonstranten") name no one.
            if nominal.head in taken or (nominal.plural and not (nominal.role and nominal.country)):
                continue
            found.append(_nominal_mention(nominal, number))
            taken.update(range(nominal.start, nominal.end))
        return found

    def _pronouns_in(
        self, doc: Doc, start: int, end: int, number: int, taken: set[int]
    ) -> list[Mention]:
        found = []
        tags, texts = view(doc).tags, view(doc).texts
        for index in range(start, end):
            if index in taken or tags[index] not in ("PPER", "PPOSAT", "PDS"):
                continue
            pronoun = self._lexicon.third_person_pronoun(texts[index], index == start)
            if pronoun is None or pronoun.kind not in ("personal", "possessive"):
                continue
            gender = pronoun.gender if pronoun.gender in ("m", "f") else None
            found.append(
                Mention(
                    index,
                    index + 1,
                    "pronoun",
                    number,
                    gender=gender,
                    number=pronoun.number if pronoun.number != "sg_or_pl" else None,
                )
            )
        return found


def _nominal_mention(nominal: Nominal, number: int) -> Mention:
    if nominal.institution is not None:
        reading = Reading(
            "ORG",
            nominal.institution,
            "institution",
            kb_id=nominal.kb_id,
            country=nominal.country,
            sector=nominal.sector,
        )
        return Mention(
            nominal.start,
            nominal.end,
            "nominal",
            number,
            reading,
            role_country=nominal.country,
            role_sector=nominal.sector,
        )
    return Mention(
        nominal.start,
        nominal.end,
        "nominal",
        number,
        None,
        role=nominal.role,
        role_country=nominal.country,
        role_sector=nominal.sector,
        other_holder=nominal.other_holder,
        role_region=nominal.region,
        gender=None if nominal.plural else nominal.gender,
        number="pl" if nominal.plural else "sg",
    )


def _descriptive(tokens: TokenView, first: int) -> bool:
    """A phrase that opens with a lower-case adjective (``französische
    Nationalversammlung``, ``russischer Inlandsgeheimdienst``): a description the
    knowledge base knows, not a proper name."""
    return tokens.tags[first] == "ADJA" and tokens.texts[first][:1].islower()


def _lowercase_name(readings: list[Reading], word: str) -> Reading | None:
    """Names written in lower case (``dpa``, ``epd``) count only as exact KB names."""
    exact = [r for r in readings if r.type == "ORG" and word in (r.name, r.name.lower())]
    return exact[0] if exact and len(word) > 1 else None


def _best(readings: list[Reading]) -> Reading:
    return readings[0]


def _plain_word(word: str) -> bool:
    return word.isalpha() and word[1:].islower()


def _name_run_end(tokens: TokenView, index: int, end: int, lexicon: EntityLexicon) -> int:
    """End of a run of proper nouns from ``index`` (with inner particles: von, bin, al)."""
    texts, tags = tokens.texts, tokens.tags
    after = index
    while after < end:
        text = texts[after]
        capital = text[:1].isupper()
        if (tags[after] in _NAME_TAGS and capital and not lexicon.is_not_name(text)) or (
            after > index
            and lexicon.is_name_particle(text)
            and after + 1 < end
            and tags[after + 1] in _NAME_TAGS
        ):
            after += 1
        # The lexicon is asked last: the tag and spelling tests are cheaper.
        elif (
            after == index
            and after + 1 < end
            and tags[after + 1] in _NAME_TAGS
            and lexicon.first_name(text)
        ):
            after += 1  # "Mohammad-Hossein Bagheri": a first name the tagger read as a noun
        elif (
            after == index + 1
            and capital
            and text.isalpha()  # spaCy's is_alpha
            and not lexicon.is_not_name(text)
            and lexicon.first_name(texts[index])
        ):
            return after + 1  # "Petra Lang", "Georg Herold": a surname read as another word
        else:
            break
    return after
