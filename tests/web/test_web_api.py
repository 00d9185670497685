"""JSON API over a ledger built from our test articles (see conftest)."""
from __future__ import annotations

from strikewatch.store import EventFilter

from web_helpers import event_with_place


def _all_events(client) -> list[dict]:
    return client.get("/api/events", params={"limit": 500}).json()["items"]


def test_events_are_listed_newest_first_with_reconciled_figures(client):
    body = client.get("/api/events").json()
    assert body["total"] == len(body["items"]) >= 4
    dates = [e["date"] for e in body["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    kyiv = event_with_place(client, "Kyiv")
    killed = kyiv["summary"]["killed"]
    assert killed["low"] <= killed["best"] and (killed["high"] is None or killed["best"] <= killed["high"])
    assert kyiv["links"]["page"] == f"/events/{kyiv['id']}"


def test_reports_of_one_attack_are_one_event(client):
    kyiv = event_with_place(client, "Kyiv")
    assert kyiv["n_articles"] >= 3  # wire report, toll update, next-day report (+ a rewrite)


def test_place_filter_is_case_insensitive_and_excludes_others(client):
    items = client.get("/api/events", params={"place": "kharkiv"}).json()["items"]
    assert items and all("Kharkiv" in e["places"] for e in items)
    assert all("Kyiv" not in e["places"] for e in items)


def test_date_range_filter_is_inclusive(client):
    events = _all_events(client)
    day = event_with_place(client, "Kharkiv")["date"]
    items = client.get("/api/events", params={"date_from": day, "date_to": day}).json()["items"]
    assert items and {e["date"] for e in items} == {day}
    assert len(items) == sum(1 for e in events if e["date"] == day)


def test_min_killed_uses_the_best_figure(client):
    items = client.get("/api/events", params={"min_killed": 5}).json()["items"]
    assert items
    assert all(e["summary"]["killed"]["best"] >= 5 for e in items)
    assert len(items) < len(_all_events(client))


def test_weapon_filter_keeps_events_reporting_that_category(client, store):
    drone = {e["id"] for e in client.get("/api/events", params={"weapon": "drone", "limit": 500}).json()["items"]}
    everything = {e["id"] for e in _all_events(client)}
    assert drone and drone < everything
    for event_id in drone:
        article_ids = [a["id"] for a in store.get_event(event_id)["articles"]]
        facts = [f for aid in article_ids for f in store.get_article(aid)["facts"]]
        assert any(f["weapon"] == "drone" for f in facts)


def test_text_query_and_attacker_filters(client):
    items = client.get("/api/events", params={"q": "odesa"}).json()["items"]
    assert items and all("Odesa" in e["places"] for e in items)
    attackers = {e["attacker"] for e in client.get("/api/events", params={"attacker": "russia"}).json()["items"]}
    assert attackers == {"Russia"}


def test_pagination_pages_through_every_event_once(client):
    total = client.get("/api/events").json()["total"]
    seen, url = [], "/api/events?limit=2"
    while url:
        page = client.get(url).json()
        seen.extend(e["id"] for e in page["items"])
        url = page["next"]
    assert len(seen) == len(set(seen)) == total


def test_event_detail_links_every_figure_to_its_evidence(client, articles_by_id):
    kyiv = client.get(f"/api/events/{event_with_place(client, 'Kyiv')['id']}").json()
    assert set(kyiv["summary"]) >= {"killed", "injured", "drones_launched"}
    assert {a["id"] for a in kyiv["articles"]} >= {"kyiv-wire-0710", "kyiv-evening-1230"}
    assert kyiv["figures"]["killed"]
    for field, sources in kyiv["figures"].items():
        for source in sources:
            article = articles_by_id[source["report"]]
            if source.get("span") and source.get("where") == "text":
                start, end = source["span"]
                assert source["evidence"] in article["text"][max(0, start - 20):end + 20], (field, source)


def test_toll_timeline_is_in_publication_order(client):
    kyiv = client.get(f"/api/events/{event_with_place(client, 'Kyiv')['id']}").json()
    points = kyiv["timeline"]["killed"]
    stamps = [p["published"] for p in points]
    assert len(points) >= 2 and stamps == sorted(stamps)


def test_article_detail_gives_text_and_facts_at_their_spans(client, articles_by_id):
    body = client.get("/api/articles/kyiv-wire-0710").json()
    assert body["text"] == articles_by_id["kyiv-wire-0710"]["text"]
    assert body["facts"] and body["event_ids"]
    for fact in body["facts"]:
        source = body["text"] if fact["where"] == "text" else body["title"]
        assert 0 <= fact["start"] < fact["end"] <= len(source)


def test_stats_sum_the_best_figures_per_period(client, store):
    rows = client.get("/api/stats", params={"period": "day"}).json()["rows"]
    events = store.list_events(EventFilter(), limit=500)
    assert sum(r["attacks"] for r in rows) == len([e for e in events if e["date"]])
    killed = sum((e["summary"]["killed"] or {}).get("best") or 0 for e in events if e["date"])
    assert sum(r["killed"] for r in rows) == killed
    month = client.get("/api/stats", params={"period": "month"}).json()
    assert [r["period"] for r in month["rows"]] == ["2026-07"]
    week = client.get("/api/stats", params={"period": "week"}).json()["rows"]
    assert all(r["period"].startswith("2026-W") for r in week)
    assert {"drones_intercepted", "missiles_intercepted"} <= set(week[0])


def test_every_failure_has_the_same_shape(client):
    cases = [
        ("/api/events/no-such-event", 404, "SW404"),
        ("/api/articles/no-such-article", 404, "SW404"),
        ("/api/events?date_from=14/07/2026", 422, "SW400"),
        ("/api/events?limit=0", 422, "SW400"),
        ("/api/events?weapon=laser", 422, "SW400"),
        ("/api/stats?period=decade", 422, "SW400"),
        ("/api/nothing-here", 404, "SW404"),
    ]
    for url, status, code in cases:
        response = client.get(url)
        body = response.json()
        assert response.status_code == status, url
        assert body["ok"] is False and body["code"] == code and body["status"] == status, url
        assert isinstance(body["error"], str) and body["error"]


def test_the_api_is_read_only(client):
    for method in ("post", "put", "delete"):
        response = getattr(client, method)("/api/events")
        assert response.status_code == 405
        assert response.json()["code"] == "SW405"


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/static/docs/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200


def test_csv_export_uses_the_shared_exporter_and_the_filters(client):
    import csv
    import io

    response = client.get("/api/events.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="strikewatch-events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["event_id_cnty"] for r in rows} == {e["id"] for e in _all_events(client)}
    kharkiv = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params={"place": "Kharkiv"}).text)))
    assert kharkiv and len(kharkiv) < len(rows) and all("Kharkiv" in r["places"] for r in kharkiv)


def test_geojson_and_jsonl_exports(client):
    geo = client.get("/api/events.geojson").json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    for feature in geo["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 22 < lon < 41 and 44 < lat < 53
    lines = client.get("/api/events.jsonl", params={"weapon": "drone"}).text.splitlines()
    drone = client.get("/api/events", params={"weapon": "drone"}).json()["total"]
    assert len(lines) == drone and all(line.startswith("{") for line in lines)


def test_unknown_export_formats_fail_in_the_error_shape(client):
    for url in ("/api/events.xml", "/api/articles.geojson"):
        body = client.get(url).json()
        assert body["code"] == "SW404" and body["ok"] is False, url
