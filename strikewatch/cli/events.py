"""`strikewatch events`: group reports of one attack and reconcile their figures."""
from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from ..events import build_events
from ._common import Counts, FormatOption, Inputs, OutputFormat, Strict, exit_for, extracted

TABLE_FIELDS = (("dead", "killed"), ("hurt", "injured"), ("drones", "drones_launched"),
                ("missiles", "missiles_launched"))


def events_cli(inputs: Inputs, format: FormatOption = OutputFormat.jsonl, strict: Strict = False) -> None:
    """Group articles into one record per attack, with low/best/high figures,
    who said what when, and where sources disagree.

    Example:
        strikewatch events tests/data/dev/articles.jsonl --format table
    """
    counts = Counts()
    reports: list[dict[str, Any]] = [{**report, "text": item.text} for item, report in extracted(inputs, counts)]
    events = build_events(reports)
    if format is OutputFormat.table:
        Console().print(events_table(events))
    else:
        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    exit_for(counts.done, counts.failed, strict)


def _figure(value: dict[str, int] | None) -> str:
    if not value:
        return "–"
    low, best, high = value["low"], value["best"], value["high"]
    return str(best) if low == high else f"{best}\n{low}–{high}"


def events_table(events: list[dict[str, Any]]) -> Table:
    """One row per event: date and id, attacker and places, best figures (with the
    low–high range under them), number of articles (n) and of conflicts (!)."""
    table = Table(title=f"{len(events)} event(s)", box=box.SIMPLE_HEAD, padding=(0, 1), collapse_padding=True)
    table.add_column("event", no_wrap=True)
    table.add_column("attacker → places", overflow="fold", min_width=12)
    for label, _ in TABLE_FIELDS:
        table.add_column(label, justify="right", no_wrap=True)
    table.add_column("n", justify="right")
    table.add_column("!", justify="right")
    for event in events:
        summary = event["summary"]
        attack = f"{event['attacker'] or '?'} → {', '.join(event['places'][:3]) or '?'}"
        table.add_row(
            f"{event['date'] or 'undated'}\n{event['id']}", attack,
            *(_figure(summary.get(name)) for _, name in TABLE_FIELDS),
            str(len(event["articles"])), str(len(event["conflicts"])),
        )
    return table


def register(app: typer.Typer) -> None:
    app.command("events")(events_cli)
