"""How the mention finder combines the rules with the name tagger, with a stand-in tagger
whose spans are fixed, so that the tests do not depend on the shipped model."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from chronik.entities.lexicon import EntityLexicon
from chronik.entities.recognise import EntityRecogniser
from chronik.entities.records import Mention, Reading
from chronik.entities.tagger import TaggedSpan
from chronik.entities.tagger.judge import SpanJudge
from chronik.entities.tagger.model import TaggerOutput
from chronik.resources import Resources

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH")


class FixedTagger:
    """Tags the given word sequences (by their text) with a type and a probability."""

    def __init__(self, spans: dict[tuple[str, ...], tuple[str, float]]) -> None:
        self._spans = spans

    def tag(
        self, doc: Doc, start: int, end: int, rule_mentions: Iterable[Mention] = ()
    ) -> list[TaggedSpan]:
        words = [token.text for token in doc[start:end]]
        found = []
        for name, (kind, probability) in self._spans.items():
            for index in range(len(words) - len(name) + 1):
                if tuple(words[index : index + len(name)]) == name:
                    first = start + index
                    found.append(TaggedSpan(first, first + len(name), kind, probability))
        return found

    def read(
        self, doc: Doc, start: int, end: int, rule_mentions: Iterable[Mention] = ()
    ) -> TaggerOutput:
        """The fixed spans, sentence-relative, with marginals that give each span's label
        its probability and the rest to O."""
        spans = [
            TaggedSpan(s.start - start, s.end - start, s.type, s.probability)
            for s in self.tag(doc, start, end, rule_mentions)
        ]
        marginals = [dict.fromkeys(LABELS, 0.0) | {"O": 1.0} for _ in range(end - start)]
        for span in spans:
            for index in range(span.start, span.end):
                label = f"{'B' if index == span.start else 'I'}-{span.type}"
                marginals[index] = dict.fromkeys(LABELS, 0.0) | {
                    label: span.probability,
                    "O": 1.0 - span.probability,
                }
        return TaggerOutput(spans, marginals)


def _name_mentions(
    resources: Resources, text: str, tagger: FixedTagger, judge: SpanJudge | None = None
) -> list[tuple[str, Reading | None]]:
    """The name mentions of one sentence (words split at spaces): text and reading."""
    recogniser = EntityRecogniser(resources.kb, EntityLexicon.load(), tagger, judge)  # type: ignore[arg-type]
    parsed = resources.german.process_tokens(text.split())
    mentions = recogniser.run(parsed, "2024-03-01").mentions
    return [(parsed.doc[m.start : m.end].text, m.reading) for m in mentions if m.kind == "name"]


def _names(
    resources: Resources, text: str, tagger: FixedTagger, judge: SpanJudge | None = None
) -> list[str]:
    return [name for name, _ in _name_mentions(resources, text, tagger, judge)]


# A judge that believes the tagger's probability and nothing else.
TRUSTS_THE_TAGGER = SpanJudge({"logit": 5.0}, 0.5)


def test_judge_a_longer_tagger_name_replaces_the_place_inside_it(resources: Resources) -> None:
    text = "Die Detroit Red Wings gewannen am Abend in Boston ."
    tagger = FixedTagger({("Detroit", "Red", "Wings"): ("ORG", 0.9)})
    texts = _names(resources, text, tagger, TRUSTS_THE_TAGGER)
    assert "Detroit Red Wings" in texts and "Detroit" not in texts
    assert "Boston" in texts  # linked, whole, and no tagger span: it stays


def test_judge_drops_a_linked_fragment_but_keeps_a_whole_linked_name(
    resources: Resources,
) -> None:
    text = "Die Detroit Red Wings gewannen am Abend in Boston ."
    assert "Detroit" in _names(resources, text, FixedTagger({}))  # without the judge
    texts = _names(resources, text, FixedTagger({}), TRUSTS_THE_TAGGER)
    assert "Detroit" not in texts  # "Red Wings" follows: a fragment of a longer name
    assert "Boston" in texts


def test_judge_takes_a_sure_tagger_span_and_links_it(resources: Resources) -> None:
    text = "Ohne den Bundesrat können die Laufzeiten nicht verlängert werden ."
    sure = FixedTagger({("Bundesrat",): ("ORG", 0.9)})
    (reading,) = [r for _, r in _name_mentions(resources, text, sure, TRUSTS_THE_TAGGER) if r]
    assert reading.kb_id and reading.country == "DEU"
    doubtful = FixedTagger({("Bundesrat",): ("ORG", 0.3)})
    assert _names(resources, text, doubtful, TRUSTS_THE_TAGGER) == []


def _readings(resources: Resources, text: str, tagger: FixedTagger) -> list[Reading]:
    return [r for _, r in _name_mentions(resources, text, tagger) if r is not None]


def test_a_longer_tagger_name_replaces_the_place_inside_it(resources: Resources) -> None:
    text = "Die Detroit Red Wings gewannen am Abend in Boston ."
    assert "Detroit" in _names(resources, text, FixedTagger({}))
    tagger = FixedTagger({("Detroit", "Red", "Wings"): ("ORG", 0.9)})
    texts = _names(resources, text, tagger)
    assert "Detroit Red Wings" in texts and "Detroit" not in texts
    assert "Boston" in texts


def test_a_doubtful_longer_span_leaves_the_place(resources: Resources) -> None:
    text = "Die Detroit Red Wings gewannen am Abend in Boston ."
    tagger = FixedTagger({("Detroit", "Red", "Wings"): ("ORG", 0.5)})
    texts = _names(resources, text, tagger)
    assert "Detroit" in texts and "Detroit Red Wings" not in texts


def test_a_tagger_organisation_the_knowledge_base_knows_is_linked(resources: Resources) -> None:
    # The rules leave "Bundesrat" alone (it is also a common noun); the tagger finds it.
    text = "Ohne den Bundesrat können die Laufzeiten nicht verlängert werden ."
    tagger = FixedTagger({("Bundesrat",): ("ORG", 0.9)})
    (reading,) = _readings(resources, text, tagger)
    assert reading.type == "ORG"
    assert reading.kb_id
    assert reading.country == "DEU"
    assert _readings(resources, text, FixedTagger({})) == []


def test_an_unknown_tagger_organisation_stays_unlinked(resources: Resources) -> None:
    text = "Die Firma Quellbrunn Feinmechanik meldete am Montag Kurzarbeit an ."
    tagger = FixedTagger({("Quellbrunn", "Feinmechanik"): ("ORG", 0.9)})
    (reading,) = [r for r in _readings(resources, text, tagger) if r.type == "ORG"]
    assert reading.name == "Quellbrunn Feinmechanik"
    assert reading.kb_id is None
