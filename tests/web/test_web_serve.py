"""``strikewatch serve`` and the load benchmark's data generator."""
from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from strikewatch.cli import app
from strikewatch.store import EventFilter

sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))
import bench_api  # noqa: E402


def test_serve_is_registered_with_its_options():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port"):
        assert option in result.output
    assert "127.0.0.1" in result.output


def test_serve_fails_in_one_line_on_a_bad_database_url():
    result = CliRunner().invoke(app, ["serve", "--db", "nosuchdriver://x/y"])
    assert result.exit_code == 1
    assert "error:" in result.output and "Traceback" not in result.output


def test_generated_articles_carry_figures_at_their_spans():
    rng = random.Random(3)
    figures = {"killed": 4, "injured": 17, "drones": 120, "missiles": 9, "drones_down": 101}
    article, report = bench_api.synth_article(5, 1, date(2024, 3, 2), rng, figures, bench_api.PLACES[0])
    assert report["id"] == article.id and report["summary"]["killed"] == {"low": 4, "high": 4}
    for fact in report["facts"]:
        assert article.text[fact["start"]:fact["end"]] == fact["evidence"]
        assert str(fact["low"]) in fact["evidence"]


def test_generated_ledger_groups_copies_into_one_event(tmp_path):
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    assert bench_api.populate(url, 12, batch=10) == 12
    from strikewatch.store import open_store

    with open_store(url) as store:
        events = store.list_events(EventFilter(), limit=50)
        assert len(events) == 12
        assert all(e["places"] and e["summary"]["killed"] for e in events)
        assert sum(e["n_articles"] for e in events) == store.status()["counts"]["articles"]
