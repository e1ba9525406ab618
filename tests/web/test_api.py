"""The JSON API over a small store: analysis, listings with the CLI's filters, paging, limits."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronik.interfaces.web.app import create_app
from chronik.interfaces.web.settings import WebSettings
from chronik.resources import Resources
from chronik.store.database import Store

MEETING = (
    "Treffen in Paris\n\nDer französische Präsident Emmanuel Macron traf am Montag in Paris "
    "den spanischen Regierungschef. „Europa muss zusammenhalten“, sagte Macron danach.\n"
)


def test_api_analyze_text_gives_an_article(client: TestClient) -> None:
    response = client.post(
        "/api/analyze", json={"text": MEETING, "published": "2024-02-05", "outlet": "Probe"}
    )
    assert response.status_code == 200
    article = response.json()
    assert article["text"] == MEETING
    assert article["source"]["outlet"] == "Probe"
    assert [event["type"] for event in article["events"]] == ["CONSULT"]
    assert article["events"][0]["source"][0]["country"] == "FRA"
    assert article["quotes"][0]["content"]["text"] == "Europa muss zusammenhalten"


def test_api_analyze_html_uses_the_main_text(client: TestClient) -> None:
    page = (
        "<html><head><title>Treffen in Paris</title></head><body><nav>Startseite Kontakt</nav>"
        f"<article><h1>Treffen in Paris</h1><p>{MEETING.split(chr(10))[2]}</p>"
        "<p>Die beiden Politiker wollen sich im Sommer wieder treffen.</p></article></body></html>"
    )
    response = client.post("/api/analyze", json={"html": page, "published": "2024-02-05"})
    assert response.status_code == 200
    article = response.json()
    assert "<" not in article["text"]
    assert "Emmanuel Macron traf" in article["text"]
    assert article["source"]["title"] == "Treffen in Paris"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"text": "   "}, "E101"),
        ({}, 'give the article as "text" or "html"'),
        ({"text": "a", "html": "<p>a</p>"}, "not both"),
        ({"text": MEETING, "published": "gestern"}, "E1"),
    ],
)
def test_api_analyze_bad_input_is_a_422_with_a_reason(
    client: TestClient, body: dict[str, str], message: str
) -> None:
    response = client.post("/api/analyze", json=body)
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_api_analyze_refuses_a_body_over_the_limit(client: TestClient) -> None:
    response = client.post("/api/analyze", json={"text": "Wort " * 5_000})
    assert response.status_code == 413
    assert "larger than 20,000 bytes" in response.json()["detail"]


def test_api_analyze_limit_holds_without_content_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 1_000
        yield b'"}'

    response = client.post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_api_analyze_never_opens_a_connection(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the server tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = f"<html><body><article><p>{MEETING.split(chr(10))[2]}</p></article></body></html>"
    response = client.post(
        "/api/analyze", json={"html": page, "url": "http://127.0.0.1:9/artikel.html"}
    )
    assert response.status_code == 200
    assert response.json()["source"]["url"] == "http://127.0.0.1:9/artikel.html"


def test_api_articles_are_paged(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert (first["total"], first["limit"], first["offset"]) == (3, 2, 0)
    assert [row["id"] for row in first["items"]] == ["web/hostile-1", "wien-1"]
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert [row["id"] for row in rest["items"]] == ["berlin-1"]
    assert rest["items"][0]["events"] == 2
    assert client.get("/api/articles", params={"outlet": "donau"}).json()["total"] == 1


def test_api_paging_is_capped_and_checked(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"limit": 1000}).json()["limit"] == 4
    assert client.get("/api/quotes", params={"limit": 0}).status_code == 422
    assert client.get("/api/quotes", params={"offset": -1}).status_code == 422


def test_api_article_by_id(client: TestClient) -> None:
    article = client.get("/api/articles/berlin-1").json()
    assert article["id"] == "berlin-1"
    assert {event["type"] for event in article["events"]} == {"CONSULT", "ACCUSE"}
    # An id with a slash (ids given in JSONL are often paths or URLs).
    assert client.get("/api/articles/web/hostile-1").json()["id"] == "web/hostile-1"
    missing = client.get("/api/articles/nowhere")
    assert missing.status_code == 404
    assert "nowhere" in missing.json()["detail"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["ACCUSE", "CONSULT", "CONSULT"]),
        ({"type": "consult"}, ["CONSULT", "CONSULT"]),
        ({"actor": "RUS"}, ["ACCUSE", "CONSULT"]),
        ({"actor": "Lawrow"}, ["CONSULT"]),
        ({"outlet": "Donau"}, ["CONSULT"]),
        ({"since": "2024-06-01"}, ["CONSULT"]),
        ({"until": "2024-05-31", "type": "ACCUSE"}, ["ACCUSE"]),
        ({"since": "", "until": "", "actor": ""}, ["ACCUSE", "CONSULT", "CONSULT"]),
    ],
)
def test_api_events_take_the_cli_filters(
    client: TestClient, params: dict[str, str], expected: list[str]
) -> None:
    found = client.get("/api/events", params=params).json()
    assert sorted(row["type"] for row in found["items"]) == expected
    assert found["total"] == len(expected)


def test_api_events_per_article_name_their_article(client: TestClient) -> None:
    found = client.get("/api/events", params={"per_article": "true", "type": "CONSULT"}).json()
    assert sorted(row["article_id"] for row in found["items"]) == ["berlin-1", "wien-1"]
    assert all(row["event_id"] for row in found["items"])


def test_api_events_reject_a_bad_date(client: TestClient) -> None:
    response = client.get("/api/events", params={"since": "13.05.2024"})
    assert response.status_code == 422
    assert response.json()["detail"] == "since: '13.05.2024' is not a date (YYYY-MM-DD)"


def test_api_quotes_by_speaker_and_text(client: TestClient) -> None:
    scholz = client.get("/api/quotes", params={"speaker": "scholz"}).json()["items"]
    assert [row["quote"] for row in scholz] == ["Wir stehen fest an der Seite der Ukraine"]
    gas = client.get("/api/quotes", params={"text": "Gas"}).json()["items"]
    assert [row["article_id"] for row in gas] == ["wien-1"]
    assert (
        client.get("/api/quotes", params={"speaker": "scholz", "text": "Gas"}).json()["items"] == []
    )


def test_api_actors_are_who_acts_on_whom(client: TestClient) -> None:
    rows = client.get("/api/actors").json()["items"]
    assert {(r["source"], r["target"], r["type"]) for r in rows} == {
        ("FRA", "DEU", "CONSULT"),
        ("FRA", "RUS", "ACCUSE"),
        ("RUS", "HUN", "CONSULT"),
    }
    russia = client.get("/api/actors", params={"actor": "rus"}).json()["items"]
    assert {(r["source"], r["target"]) for r in russia} == {("FRA", "RUS"), ("RUS", "HUN")}


def test_api_stats_count_the_store(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["counts"]["articles"] == 3
    assert {row["type"]: row["events"] for row in stats["event_types"]} == {
        "CONSULT": 2,
        "ACCUSE": 1,
    }


def test_api_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/analyze",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/quotes",
        "/api/actors",
        "/api/stats",
    } <= set(paths)
    assert "/events" not in paths  # pages are not API


def test_api_without_a_store_browsing_is_503_and_analysis_works(
    tmp_path: Path, resources: Resources
) -> None:
    app = create_app(tmp_path / "absent.duckdb", web_settings=WebSettings(), resources=resources)
    with TestClient(app) as client:
        response = client.get("/api/events")
        assert response.status_code == 503
        assert "no such database" in response.json()["detail"]
        page = client.get("/events")
        assert page.status_code == 503
        assert "chronik ingest" in page.text
        assert client.post("/api/analyze", json={"text": MEETING}).status_code == 200
    assert not (tmp_path / "absent.duckdb").exists()


def test_api_opens_the_store_read_only(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    modes: list[bool] = []
    original = Store.open.__func__  # type: ignore[attr-defined]

    def spy(cls: type[Store], path: Path | str, *, read_only: bool = False) -> Store:
        modes.append(read_only)
        return original(cls, path, read_only=read_only)  # type: ignore[no-any-return]

    monkeypatch.setattr(Store, "open", classmethod(spy))
    for url in ("/", "/events", "/actors?actor=RUS", "/quotes", "/articles/berlin-1"):
        assert client.get(url).status_code == 200
    assert client.get("/api/events").status_code == 200
    assert modes
    assert all(modes)
