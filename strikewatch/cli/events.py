"""`strikewatch events`: group reports of one attack and reconcile their figures."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from ..events import build_events
from ..extract import extract_article
from ..ingest import InputProblem, read_inputs
from ._common import Inputs, Strict, exit_for, report_problem

TABLE_FIELDS = (("dead", "killed"), ("hurt", "injured"), ("drones", "drones_launched"),
                ("missiles", "missiles_launched"))


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"


def events_cli(
    inputs: Inputs,
    format: Annotated[Format, typer.Option("--format", "-f", help="jsonl (default) or a readable table.")] = Format.jsonl,
    strict: Strict = False,
) -> None:
    """Group articles into one record per attack, with low/best/high figures,
    who said what when, and where sources disagree.

    Example:
        strikewatch events tests/data/dev/articles.jsonl --format table
    """
    done = failed = 0
    reports: list[dict[str, Any]] = []
    for item in read_inputs(inputs):
        if isinstance(item, InputProblem):
            report_problem(item)
            failed += 1
            continue
        reports.append({**extract_article(item).to_dict(), "text": item.text})
        done += 1
    events = build_events(reports)
    if format is Format.table:
        Console().print(events_table(events))
    else:
        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    exit_for(done, failed, strict)


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
