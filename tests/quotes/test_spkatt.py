"""SpkAtt JSON reading, writing and scoring, on files written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import chronik
from chronik.errors import UsageError
from chronik.evaluation.quotes_eval import RoleCounts, evaluate, match
from chronik.evaluation.spkatt import SpeechEvent, article_to_spkatt, read_directory, read_document
from chronik.resources import Resources

DOCUMENT = {
    "DocumentName": "1 - Test (2024-01-01)",
    "Sentences": [
        {
            "SentenceId": 0,
            "Tokens": [
                "Die",
                "Ministerin",
                "Eva",
                "Roth",
                "sagte",
                ",",
                "die",
                "Lage",
                "sei",
                "ernst",
                ".",
            ],
        },
        {"SentenceId": 1, "Tokens": ["Der", "Rat", "tagt", "morgen", "."]},
    ],
    "Annotations": [
        {
            "Addr": [],
            "Cue": ["0:4"],
            "Form": "Indirect",
            "Frame": [],
            "Message": ["0:6", "0:7", "0:8", "0:9"],
            "Source": ["0:0", "0:1", "0:2", "0:3"],
        }
    ],
}


def _event(**roles: list[tuple[int, int]]) -> SpeechEvent:
    return SpeechEvent(
        {r: frozenset(roles.get(r, [])) for r in ("Message", "Cue", "Source", "Addr")}
    )


def test_spkatt_reads_sentences_and_role_token_ids(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    document = read_document(path)
    assert document.sentences[1] == ("Der", "Rat", "tagt", "morgen", ".")
    [event] = document.events
    assert event.roles["Cue"] == frozenset({(0, 4)})
    assert event.form == "Indirect"


def test_spkatt_rejects_other_files(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"Sentences": 3}', encoding="utf-8")
    with pytest.raises(UsageError, match="not a SpkAtt file"):
        read_directory(tmp_path)


def test_spkatt_matching_is_one_to_one_by_message_overlap() -> None:
    gold = [_event(Message=[(0, 1), (0, 2)]), _event(Message=[(1, 0)])]
    predicted = [_event(Message=[(0, 2)]), _event(Message=[(0, 1)])]
    pairs = match(gold, predicted)
    assert len(pairs) == 1


def test_spkatt_role_scores_count_token_overlap() -> None:
    counts = RoleCounts()
    gold = [_event(Message=[(0, 1), (0, 2)], Cue=[(0, 0)], Source=[(0, 5)])]
    predicted = [_event(Message=[(0, 2), (0, 3)], Cue=[(0, 0)])]
    counts.add(gold, predicted)
    assert counts.scores("Message") == (0.5, 0.5, 0.5)
    assert counts.scores("Cue") == (1.0, 1.0, 1.0)
    assert counts.scores("Source")[1] == 0.0
    precision, recall, _ = counts.scores()
    assert (precision, recall) == (2 / 3, 2 / 4)


def test_spkatt_evaluates_chronik_on_gold_tokens(tmp_path: Path, resources: Resources) -> None:
    (tmp_path / "doc.json").write_text(json.dumps(DOCUMENT), encoding="utf-8")
    counts = evaluate(resources, read_directory(tmp_path))
    assert counts.scores("Message")[2] == 1.0
    assert counts.scores("Cue")[2] == 1.0


def test_spkatt_writes_chronik_quotes(resources: Resources) -> None:
    text = "Titel\n\nDie Ministerin Eva Roth sagte, die Lage sei ernst. Der Rat tagt morgen."
    document = article_to_spkatt(
        chronik.analyze(text, resources=resources), resources.german.tokenizer
    )
    [annotation] = document["Annotations"]
    tokens = {
        f"{s['SentenceId']}:{n}": t
        for s in document["Sentences"]
        for n, t in enumerate(s["Tokens"])
    }
    assert [tokens[i] for i in annotation["Cue"]] == ["sagte"]
    assert [tokens[i] for i in annotation["Message"]] == ["die", "Lage", "sei", "ernst"]
    assert annotation["Form"] == "Indirect"


def test_spkatt_message_keeps_quotation_marks_and_complementizer(
    resources: Resources,
) -> None:
    # SpkAtt's Message includes the marks of direct speech and the "dass" of indirect
    # speech; Chronik's content has neither, so the writer adds them.
    text = (
        "Titel\n\nDie Ministerin Eva Roth sagte am Montag in Berlin: „Wir sind zu Gesprächen "
        "bereit.“ Der Minister Karl Weber erklärte, dass die Vorräte bis März reichen."
    )
    article = chronik.analyze(text, resources=resources)
    assert [q.form for q in article.quotes] == ["direct", "indirect"]
    assert not article.quotes[0].content.text.startswith("„")
    document = article_to_spkatt(article, resources.german.tokenizer)
    tokens = {
        f"{s['SentenceId']}:{n}": t
        for s in document["Sentences"]
        for n, t in enumerate(s["Tokens"])
    }
    direct, indirect = document["Annotations"]
    message = [tokens[i] for i in direct["Message"]]
    assert message[0] == "„" and message[-1] == "“"
    assert [tokens[i] for i in indirect["Message"]][:2] == ["dass", "die"]
