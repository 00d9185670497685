from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from strikewatch.cli import app

STORIES = Path(__file__).parent / "data" / "stories.jsonl"
runner = CliRunner()


def test_events_command_writes_one_json_event_per_line() -> None:
    result = runner.invoke(app, ["events", str(STORIES)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) == 4
    assert sum(len(e["articles"]) for e in events) == sum(1 for _ in STORIES.open())


def test_events_table_shows_best_figures() -> None:
    result = runner.invoke(app, ["events", str(STORIES), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "4 event(s)" in result.stdout and "2026-05-19" in result.stdout and "270" in result.stdout


def test_missing_input_is_reported_and_fails_when_nothing_was_read(tmp_path) -> None:
    result = runner.invoke(app, ["events", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "no such file" in result.output
