"""Server-rendered dashboard pages: content, links, escaping, offline assets."""
from __future__ import annotations

import json
import re
from importlib.resources import files

from web_helpers import event_with_place

STATIC = files("strikewatch.web") / "static"
TEMPLATES = files("strikewatch.web") / "templates"


def _island(html: str, island_id: str) -> dict:
    match = re.search(rf'<script type="application/json" id="{island_id}">(.*?)</script>', html, re.S)
    assert match, island_id
    return json.loads(match.group(1))


def test_overview_lists_events_and_feeds_chart_and_map(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    total = client.get("/api/events").json()["total"]
    assert html.count('href="/events/') == total
    data = _island(html, "overview-data")
    assert len(data["timeline"]) == total
    assert {p["name"] for p in data["points"]} >= {"Kyiv", "Kharkiv"}
    kyiv = next(p for p in data["points"] if p["name"] == "Kyiv")
    assert 49 < kyiv["lat"] < 52 and 29 < kyiv["lon"] < 32 and kyiv["weight"] > 0
    assert 'id="map"' in html and 'id="chart-weapons"' in html and 'id="chart-toll"' in html


def test_overview_filters_narrow_the_list_and_the_map(client):
    html = client.get("/", params={"place": "Kharkiv", "date_from": "", "min_killed": ""}).text
    expected = client.get("/api/events", params={"place": "Kharkiv"}).json()["total"]
    assert expected >= 1 and html.count('href="/events/') == expected
    names = {p["name"] for p in _island(html, "overview-data")["points"]}
    assert "Kharkiv" in names and not names & {"Odesa", "Dnipro", "Lviv"}
    assert 'value="Kharkiv"' in html and ">Clear</a>" in html


def test_event_page_shows_figures_sources_and_timeline(client):
    event = event_with_place(client, "Kyiv")
    html = client.get(f"/events/{event['id']}").text
    assert "Reconciled figures" in html and "Sources per figure" in html
    assert 'href="/articles/kyiv-wire-0710' in html
    data = _island(html, "event-data")
    assert len(data["timeline"]["killed"]) >= 2 and 'id="toll-killed"' in html
    assert [p["name"] for p in data["points"]] and 'id="map"' in html


def test_conflicts_are_highlighted_on_the_event_page(client):
    conflicted = client.get("/api/events", params={"conflicts_only": True}).json()["items"]
    assert conflicted  # the "Dozens dead" headline disagrees with its body's nine
    for item in conflicted:
        html = client.get(f"/events/{item['id']}").text
        assert '<li class="conflict">' in html and 'class="badge"' in html


def test_article_page_highlights_each_fact_at_its_span(client):
    article = client.get("/api/articles/kyiv-wire-0710").json()
    html = client.get("/articles/kyiv-wire-0710").text
    for fact in article["facts"]:
        source = article["text"] if fact["where"] == "text" else article["title"]
        anchor = f'id="at-{fact["where"]}-{fact["start"]}" href="#fact-{fact["id"]}"'
        assert anchor in html, fact
        assert f'<tr id="fact-{fact["id"]}">' in html
        assert source[fact["start"]:fact["end"]].replace('"', "&#34;") in html


def test_missing_pages_render_the_error_shape_as_html(client):
    response = client.get("/events/no-such-event")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "SW404" in response.text and "no event with id" in response.text


def test_pages_send_a_strict_content_security_policy(client):
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_assets_are_packaged_and_nothing_loads_from_another_host():
    names = [p for d in ("js", "css") for p in (STATIC / d).iterdir()] + list(TEMPLATES.iterdir())
    assert len(names) >= 8
    for path in names:
        text = path.read_text()
        assert not re.search(r"(src|href)=[\"']?(https?:)?//", text), path.name
        assert "@import" not in text and "cdn" not in text.lower(), path.name


def test_boundary_file_is_marked_approximate_and_covers_every_region(client):
    geo = client.get("/static/geo/ukraine.geojson").json()
    assert geo["metadata"]["approximate"] is True and "schematic" in geo["metadata"]["title"]
    kinds = [f["properties"]["kind"] for f in geo["features"]]
    assert kinds.count("country") == 1 and kinds.count("oblast") == 25 and kinds.count("city") == 2


def test_weapon_filter_narrows_the_overview_chart_and_map(client):
    every = _island(client.get("/").text, "overview-data")
    ballistic = _island(client.get("/", params={"weapon": "ballistic"}).text, "overview-data")
    expected = client.get("/api/events", params={"weapon": "ballistic"}).json()["items"]
    assert expected  # Kyiv (cruise and ballistic missiles) and Odesa (Iskander-M)
    assert {r["id"] for r in ballistic["timeline"]} == {e["id"] for e in expected}
    assert len(ballistic["timeline"]) < len(every["timeline"])
    assert {p["name"] for p in ballistic["points"]} <= {p["name"] for p in every["points"]}


def test_article_markup_is_escaped_and_unsafe_urls_are_not_linked(client, articles_by_id):
    raw = articles_by_id["lviv-markup"]
    html = client.get("/articles/lviv-markup").text
    assert "<script>window.__pwned" not in html and "<img src=" not in html and "<b>Air" not in html
    assert "&lt;script&gt;window.__pwned = 1; document.title = &#39;pwned&#39;;&lt;/script&gt;" in html
    assert "&lt;img src=&#34;x&#34; onerror=&#34;window.__pwned = 2&#34;&gt;" in html
    assert "javascript:" not in html
    assert client.get("/api/articles/lviv-markup").json()["text"] == raw["text"]  # JSON keeps it verbatim
    overview = client.get("/").text
    assert "<script>window.__pwned" not in overview


def test_overview_pager_keeps_the_filters(client):
    html = client.get("/", params={"attacker": "Russia", "limit": 2}).text
    total = client.get("/api/events", params={"attacker": "Russia"}).json()["total"]
    assert total > 2 and html.count('href="/events/') == 2
    assert f"1&ndash;2 of {total}" in html
    assert 'href="/?attacker=Russia&amp;limit=2&amp;offset=2">older' in html
