"""`strikewatch extract`: one JSON object per article on stdout."""
from __future__ import annotations

import json
import sys
import typer
from rich.console import Console
from rich.table import Table

from ._common import Counts, FormatOption, Inputs, OutputFormat, Strict, exit_for, extracted


def extract_cli(inputs: Inputs, format: FormatOption = OutputFormat.jsonl, strict: Strict = False) -> None:
    """Extract figures, places, weapons, damage and quotes from each article.

    Example:
        strikewatch extract articles/ feed.jsonl --format table
    """
    counts = Counts()
    reports = []
    for _, report in extracted(inputs, counts):
        if format is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        else:
            reports.append(report)
    if format is OutputFormat.table:
        Console(width=max(Console().width, 140)).print(summary_table(reports))
    exit_for(counts.done, counts.failed, strict)


def _range(value: dict | None) -> str:
    if not value:
        return "–"
    low, high = value["low"], value["high"]
    if low == high:
        return str(low)
    if high is None:
        return f"{low}+"
    if low is None:
        return f"≤{high}"
    return f"{low}–{high}"


def summary_table(reports: list[dict]) -> Table:
    table = Table(title=f"{len(reports)} article(s)", show_lines=False)
    for name in ("date", "title", "killed", "injured", "drones", "missiles", "intercepted d/m", "struck"):
        table.add_column(name, overflow="fold")
    for r in reports:
        s = r["summary"]
        table.add_row(
            r["event_date"] or "?", (r["title"] or r["id"])[:60], _range(s["killed"]), _range(s["injured"]),
            _range(s["drones_launched"]), _range(s["missiles_launched"]),
            f"{_range(s['drones_intercepted'])}/{_range(s['missiles_intercepted'])}",
            ", ".join(s["places_struck"][:4]),
        )
    return table


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cli)
