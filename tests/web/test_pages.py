"""The HTML pages: highlights, evidence links, charts, filters, and escaping of hostile text."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

HOSTILE = (
    "Warnung vor Angriffen\n\nDer Innenminister warnte am Freitag vor <script>alert('x')</script> "
    'in Formularen. „Schreibt nie <img src=x onerror="alert(1)"> in Seiten“, sagte er.\n'
)


_SPAN = re.compile(
    r'<span class="([^"]*)"[^>]*>((?:<a class="anchor" id="[^"]*"></a>)*)([^<]*)</span>'
)


def _spans(html: str) -> list[tuple[set[str], str, list[str]]]:
    """(classes, text, anchor ids) of each highlighted segment."""
    return [
        (set(classes.split()), text, re.findall(r'id="([^"]*)"', anchors))
        for classes, anchors, text in _SPAN.findall(html)
    ]


def _article_text(html: str) -> str:
    return html.split('id="article-text">', 1)[1].split("</div>", 1)[0]


def test_pages_article_highlights_quotes_events_and_entities(client: TestClient) -> None:
    page = client.get("/articles/berlin-1")
    assert page.status_code == 200
    spans = _spans(_article_text(page.text))

    def marked(*classes: str) -> list[tuple[str, list[str]]]:
        return [(text, anchors) for found, text, anchors in spans if set(classes) <= found]

    consult = marked("trigger", "t-CONSULT")
    assert [text for text, _ in consult] == ["empfängt"]
    assert consult[0][1][0].startswith("event-")
    assert [text for text, _ in marked("trigger", "t-ACCUSE")] == ["kritisierte"]
    # The quote holds an entity: split into segments, never crossing elements.
    quote = marked("quote", "quote-direct")
    assert "".join(text for text, _ in quote) == "Wir stehen fest an der Seite der Ukraine"
    assert [text for text, _ in marked("quote-direct", "ent", "e-GPE")] == ["Ukraine"]
    assert "sagte" in [text for text, _ in marked("cue")]
    assert "Scholz" in [text for text, _ in marked("speaker")]
    assert "Emmanuel Macron" in [text for text, _ in marked("ent", "e-PER")]
    # Boilerplate and related lines are greyed.
    assert marked("zone-grey", "zone-boilerplate")[0][0].startswith("Abonnieren")
    assert marked("zone-grey", "zone-related")[0][0].startswith("Neue Gespräche")


def test_pages_article_text_is_kept_exactly(client: TestClient) -> None:
    stored = client.get("/api/articles/berlin-1").json()["text"]
    text = _article_text(client.get("/articles/berlin-1").text)
    visible = re.sub(r"<[^>]+>", "", text)
    assert visible.replace("&#34;", '"').replace("&#39;", "'") == stored


def test_pages_article_panel_holds_the_event_record(client: TestClient) -> None:
    page = client.get("/articles/berlin-1").text
    record = page.split('class="record record-event"', 1)[1].split("</section>", 1)[0]
    for field in ("PLOVER type", "source", "target", "modality", "confidence"):
        assert f"<dt>{field}</dt>" in record
    assert "Emmanuel Macron (FRA)" in record or "Macron (FRA)" in record


def test_pages_hostile_article_renders_as_text(client: TestClient) -> None:
    page = client.get("/articles/web/hostile-1")
    assert page.status_code == 200
    body = page.text
    assert "<code>web/hostile-1</code>" in body
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "Testblatt &lt;b&gt;Fett&lt;/b&gt;" in body
    assert "<script>alert" not in body
    assert "<img" not in body
    assert "<b>" not in body
    # The only script is the page's own, and the browser is told to run no other.
    assert re.findall(r"<script[^>]*>", body) == ['<script src="/static/app.js" defer>']
    assert "script-src 'self'" in page.headers["content-security-policy"]


@pytest.mark.parametrize("url", ["/", "/articles", "/quotes?text=Niemand"])
def test_pages_listings_escape_hostile_fields(client: TestClient, url: str) -> None:
    body = client.get(url).text
    assert "Testblatt &lt;b&gt;Fett&lt;/b&gt;" in body
    assert "<img" not in body
    assert "<b>" not in body
    assert "<script>alert" not in body


@pytest.mark.parametrize(
    ("path", "parameter"),
    [("/events", "outlet"), ("/events", "actor"), ("/quotes", "speaker"), ("/actors", "actor")],
)
def test_pages_echoed_filters_are_escaped(client: TestClient, path: str, parameter: str) -> None:
    page = client.get(path, params={parameter: '"><script>alert(1)</script>'})
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_pages_analyze_renders_a_pasted_hostile_article_as_text(client: TestClient) -> None:
    page = client.post(
        "/analyze", data={"text": HOSTILE, "kind": "text", "published": "2024-07-05"}
    )
    assert page.status_code == 200
    assert "analysed now, not stored" in page.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text
    assert "&lt;img src=x onerror=" in page.text
    assert "&#34;alert(1)&#34;&gt; in Seiten" in page.text
    assert "<script>alert" not in page.text
    assert "<img" not in page.text
    assert re.search(r'<span class="[^"]*\bquote\b[^"]*"', page.text)  # still highlighted


def test_pages_analyze_reports_bad_input_on_the_form(client: TestClient) -> None:
    page = client.post("/analyze", data={"text": "  ", "kind": "text", "outlet": "<i>x</i>"})
    assert page.status_code == 422
    assert "E101" in page.text
    assert 'value="&lt;i&gt;x&lt;/i&gt;"' in page.text


def test_pages_analyze_form_is_limited_too(client: TestClient) -> None:
    page = client.post("/analyze", data={"text": "Wort " * 5_000})
    assert page.status_code == 413


def test_pages_events_have_a_timeline_and_evidence_links(client: TestClient) -> None:
    page = client.get("/events").text
    timeline = page.split('<section class="chart-box">', 1)[1].split("</section>", 1)[0]
    assert "<svg" in timeline
    # Six weeks of events: one bar per day, gaps included.
    assert "<title>2024-05-06 CONSULT: 1</title>" in timeline
    assert "<title>2024-05-06 ACCUSE: 1</title>" in timeline
    assert "<title>2024-06-17 CONSULT: 1</title>" in timeline
    assert re.search(r'href="/articles/berlin-1#event-[^"]+"', page)
    assert re.search(r'href="/articles/wien-1#event-[^"]+"', page)


def test_pages_events_filter_by_type_and_date(client: TestClient) -> None:
    page = client.get("/events", params={"type": "ACCUSE", "per_article": "true"}).text
    table = page.split('id="events-table"', 1)[1]
    assert table.count("<tr>") == 2  # header and one event
    assert "t-ACCUSE" in table
    assert "t-CONSULT" not in table
    assert "1 rows" in page
    later = client.get("/events", params={"since": "2024-06-01", "until": ""}).text
    assert "wien-1" in later
    assert "berlin-1" not in later


def test_pages_events_evidence_anchor_exists_in_the_article(client: TestClient) -> None:
    page = client.get("/events", params={"per_article": "true", "actor": "Lawrow"}).text
    link = re.search(r'href="/articles/(wien-1)#(event-[^"]+)"', page)
    assert link is not None
    article = client.get(f"/articles/{link.group(1)}").text
    assert f'id="{link.group(2)}"' in article


def test_pages_actors_network_and_one_actor(client: TestClient) -> None:
    page = client.get("/actors").text
    network = page.split('id="network"', 1)[1].split("</section>", 1)[0]
    for country in ("FRA", "DEU", "RUS", "HUN"):
        assert f'href="/actors?actor={country}"' in network
    assert network.count('class="edge"') == 3
    russia = client.get("/actors", params={"actor": "RUS"}).text
    assert "Events of RUS (2)" in russia
    assert "Quotes are found by the speaker's name" in russia


def test_pages_actor_by_name_shows_their_quotes(client: TestClient) -> None:
    page = client.get("/actors", params={"actor": "Scholz"}).text
    assert "Quotes of Scholz (1)" in page
    assert re.search(r'href="/articles/berlin-1#quote-[^"]+">Wir stehen fest', page)


def test_pages_quotes_search(client: TestClient) -> None:
    page = client.get("/quotes", params={"speaker": "Szijj"}).text
    assert "Ungarn wolle weiter Gas" in page
    assert "Wir stehen fest" not in page


def test_pages_paging_links_keep_the_filter(client: TestClient) -> None:
    page = client.get("/quotes", params={"text": "e", "limit": 1}).text
    assert '<a href="/quotes?text=e&amp;limit=1&amp;offset=1" rel="next">' in page
    assert 'rel="prev"' not in page
    second = client.get("/quotes", params={"text": "e", "limit": 1, "offset": 1}).text
    assert '<a href="/quotes?text=e&amp;limit=1&amp;offset=0" rel="prev">' in second


@pytest.mark.parametrize(
    ("url", "twin"),
    [
        ("/", "/api/stats"),
        ("/articles", "/api/articles"),
        ("/articles/berlin-1", "/api/articles/berlin-1"),
        ("/events?type=CONSULT", "/api/events?type=CONSULT"),
        ("/actors", "/api/actors"),
        ("/quotes?speaker=Scholz", "/api/quotes?speaker=Scholz"),
    ],
)
def test_pages_each_page_links_its_json_twin(client: TestClient, url: str, twin: str) -> None:
    page = client.get(url).text
    assert f'class="twin" href="{twin}"' in page
    assert client.get(twin).headers["content-type"] == "application/json"


def test_pages_errors_are_pages(client: TestClient) -> None:
    missing = client.get("/articles/nowhere")
    assert missing.status_code == 404
    assert "no article with id &#39;nowhere&#39;" in missing.text
    bad = client.get("/events", params={"since": "morgen"})
    assert bad.status_code == 422
    assert "is not a date" in bad.text


def test_pages_api_reference_is_served_without_a_cdn(client: TestClient) -> None:
    page = client.get("/api").text
    assert "GET /api/events" in page
    assert "http" not in page.split("<main>", 1)[1].split("</main>", 1)[0]
    assert client.get("/docs").status_code == 404


def test_pages_static_and_type_colours(client: TestClient) -> None:
    assert "showRecords" in client.get("/static/app.js").text
    css = client.get("/assets/types.css")
    assert css.headers["content-type"].startswith("text/css")
    assert ".t-CONSULT" in css.text
