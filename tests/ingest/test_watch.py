"""``watch``: polls feeds from 127.0.0.1, ingests only new entries, survives bad feeds."""
from __future__ import annotations

import pytest

from ledger_pages import article_page, rss
from strikewatch.store import open_store
from strikewatch.store.pipeline import Ingester
from strikewatch.store.watch import parse_every, watch


def _entry(site, key, title):
    url = site.add(f"/{key}", article_page(key, title, "2026-07-14T08:10:00+03:00"))
    return {"title": title, "link": url, "date": "Mon, 14 Jul 2026 05:00:00 +0000", "summary": "Teaser only."}


def test_watch_ingests_new_entries_and_survives_dead_and_malformed_feeds(site, tmp_path):
    entries = [_entry(site, "kyiv", "Kyiv hit overnight"), _entry(site, "odesa", "Odesa port ablaze")]
    feed = site.add("/rss", rss(entries), content_type="application/rss+xml")
    dead = site.base + "/dead.xml"  # 404
    junk = site.add("/junk.xml", "<rss><channel><item><title>Cut off", content_type="application/rss+xml")
    rounds = []

    def on_round(result):
        rounds.append({f: (s.new, s.duplicates, len(s.failed)) for f, s in result.per_feed.items()})
        entries.append(_entry(site, "dnipro", "Missile hits Dnipro depot"))
        site.add("/rss", rss(entries), content_type="application/rss+xml")

    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        new = watch(Ingester(store, batch_size=10), [dead, feed, junk], every_s=0.01, rounds=2, on_round=on_round)
        assert new == 3
        assert rounds[0][feed] == (2, 0, 0) and rounds[1][feed] == (1, 2, 0)
        assert rounds[0][dead][2] == 1 and rounds[1][junk][2] == 1
        assert site.hits["/kyiv"] == 1 and site.hits["/dnipro"] == 1  # known entries are not fetched again
        sources = {s["name"]: s for s in store.status()["sources"]}
        assert sources[feed]["articles_new"] == 3 and sources[feed]["kind"] == "feed"
        assert sources[dead]["items_failed"] == 2


@pytest.mark.parametrize("text, seconds", [("10m", 600), ("30s", 30), ("1h", 3600), ("45", 45), ("0.5m", 30)])
def test_parse_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["soon", "0", "-5m"])
def test_parse_every_rejects(text):
    with pytest.raises(ValueError):
        parse_every(text)
