"""Sanity checks for the development set (tests/data/dev) and the demo samples.

The dev set is hand-annotated: these tests do not judge the extractor, they keep the
gold files well-formed so that scores computed from them mean something.
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import importlib.util

import pytest

from strikewatch.ingest import InputProblem, read_inputs
from strikewatch.models import RANGE_FIELDS

DEV = Path(__file__).parent / "data" / "dev"
SAMPLES = Path(__file__).parent.parent / "strikewatch" / "samples"
ARTICLE_KEYS = {"id", "title", "text", "url", "published", "outlet", "language"}
GOLD_KEYS = {
    "id", "event", "event_date", "attacker", *RANGE_FIELDS,
    "places_struck", "places_mentioned", "speakers", "notes",
}
ATTACKERS = {"Russia", "Ukraine", None}


def _load(name: str) -> list[dict[str, Any]]:
    with (DEV / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    return _load("articles.jsonl")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return _load("gold.jsonl")


def _published_date(value: str) -> date:
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, f"published without a timezone: {value}"
    return parsed.date()


def test_size_and_alignment(articles: list[dict], gold: list[dict]) -> None:
    assert len(articles) >= 60
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == len(ids), "duplicate article ids"
    assert ids == [g["id"] for g in gold], "gold lines must follow the article order"


def test_article_records(articles: list[dict]) -> None:
    undated = 0
    for art in articles:
        assert set(art) == ARTICLE_KEYS, art["id"]
        assert art["language"] == "en"
        assert art["title"].strip() and art["outlet"].strip()
        words = len(art["text"].split())
        assert 70 <= words <= 650, f"{art['id']}: {words} words"
        if art["published"] is None:
            undated += 1
        else:
            _published_date(art["published"])
    assert undated >= 2, "the set must keep a few undated articles"


def _check_range(name: str, value: Any, where: str) -> None:
    if value is None:
        return
    assert set(value) == {"low", "high"}, f"{where}.{name}"
    low, high = value["low"], value["high"]
    assert low is not None or high is not None, f"{where}.{name}: both sides null"
    for side in (low, high):
        assert side is None or (isinstance(side, int) and side >= 0), f"{where}.{name}"
    if low is not None and high is not None:
        assert low <= high, f"{where}.{name}: low > high"


def test_gold_records(gold: list[dict]) -> None:
    for item in gold:
        assert set(item) == GOLD_KEYS, item["id"]
        assert item["event"].strip()
        assert item["attacker"] in ATTACKERS
        for name in RANGE_FIELDS:
            _check_range(name, item[name], item["id"])
        for key in ("places_struck", "places_mentioned", "speakers"):
            assert all(isinstance(x, str) and x.strip() for x in item[key]), item["id"]
        assert not set(item["places_struck"]) & set(item["places_mentioned"]), item["id"]
        if item["event_date"] is not None:
            date.fromisoformat(item["event_date"])


def test_event_dates_consistent_and_not_after_publication(
    articles: list[dict], gold: list[dict]
) -> None:
    dates: dict[str, set[str]] = defaultdict(set)
    for art, item in zip(articles, gold):
        if art["published"] is None or item["event_date"] is None:
            continue
        dates[item["event"]].add(item["event_date"])
        event_day = date.fromisoformat(item["event_date"])
        # A UTC or US timestamp can fall one calendar day before Kyiv's morning.
        assert (event_day - _published_date(art["published"])).days <= 1, art["id"]
    inconsistent = {event: d for event, d in dates.items() if len(d) != 1}
    assert not inconsistent


def test_grouping_structure(articles: list[dict], gold: list[dict]) -> None:
    outlets: dict[str, set[str]] = defaultdict(set)
    for art, item in zip(articles, gold):
        outlets[item["event"]].add(art["outlet"])
    assert 14 <= len(outlets) <= 20
    assert sum(1 for names in outlets.values() if len(names) >= 3) >= 8
    assert any(len(names) == 1 for names in outlets.values()), "need single-report events"


def test_dev_articles_read_through_ingest() -> None:
    items = list(read_inputs([str(DEV / "articles.jsonl")]))
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert not problems
    assert {a.id for a in items} == {a["id"] for a in _load("articles.jsonl")}


@pytest.fixture(scope="module")
def build_dev() -> ModuleType:
    """The source builder, tests/data/dev/build_dev.py (not a package module)."""
    spec = importlib.util.spec_from_file_location("build_dev", DEV / "build_dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_jsonl_matches_sources(
    build_dev: ModuleType, articles: list[dict], gold: list[dict]
) -> None:
    built_articles, built_gold = build_dev.build()
    assert built_articles == articles, "run: python tests/data/dev/build_dev.py"
    assert built_gold == gold, "run: python tests/data/dev/build_dev.py"


def test_parse_range_conventions(build_dev: ModuleType) -> None:

    assert build_dev.parse_range("9") == {"low": 9, "high": 9}
    assert build_dev.parse_range("41..") == {"low": 41, "high": None}
    assert build_dev.parse_range("..650") == {"low": None, "high": 650}
    assert build_dev.parse_range("270..299") == {"low": 270, "high": 299}
    assert build_dev.parse_range("-") is None


def test_samples_are_readable_and_titled() -> None:
    texts = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".md", ".txt"})
    assert 10 <= len(texts) <= 12
    assert {p.suffix for p in texts} == {".md", ".txt"}
    items = list(read_inputs([str(SAMPLES)]))
    assert not [i for i in items if isinstance(i, InputProblem)]
    feed = [a for a in items if a.source.startswith(str(SAMPLES / "feed.jsonl"))]
    assert len(feed) == 4 and all(a.published for a in feed)
    for art in items:
        assert art.title and len(art.text.split()) >= 60, art.source
