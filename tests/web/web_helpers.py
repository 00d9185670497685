"""Helpers shared by the web tests (a plain module: conftest is not importable)."""
from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

ARTICLES = Path(__file__).parent / "data" / "articles.jsonl"


def load_articles() -> dict[str, dict]:
    return {rec["id"]: rec for rec in map(json.loads, ARTICLES.read_text().splitlines())}


def event_with_place(client: TestClient, place: str) -> dict:
    """The best-reported event (most articles) whose struck places include ``place``."""
    items = client.get("/api/events", params={"place": place}).json()["items"]
    assert items, f"no event in {place}"
    return max(items, key=lambda e: e["n_articles"])
