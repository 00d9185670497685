"""`strikewatch eval`: score extraction and grouping against a gold file."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..evaluate import load_gold, score_grouping_if_available, score_reports
from ..extract import extract_article
from ..ingest import InputProblem, read_inputs
from ._common import fail, report_problem


def eval_cli(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines file (docs/gold-format.md).", exists=True, dir_okay=False)],
    articles: Annotated[
        list[str] | None,
        typer.Option("--articles", "-a", help="Articles to extract (default: articles.jsonl beside the gold file)."),
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List every mismatch.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Score extraction per field (accuracy, precision, recall) and event grouping.

    Example:
        strikewatch eval tests/data/dev/gold.jsonl --errors
    """
    try:
        gold_rows = load_gold(gold)
    except ValueError as err:
        fail(str(err))
    sources = articles or [str(gold.parent / "articles.jsonl")]
    reports = []
    for item in read_inputs(sources):
        if isinstance(item, InputProblem):
            report_problem(item)
            continue
        reports.append(extract_article(item).to_dict())
    scores = score_reports(gold_rows, {r["id"]: r for r in reports})
    try:
        grouping = score_grouping_if_available(gold_rows, reports)
    except Exception as err:  # the events stage must not hide the extraction scores
        report_problem(InputProblem("grouping", "SW201", f"grouping failed: {type(err).__name__}: {err}"))
        grouping = None
    if as_json:
        typer.echo(json.dumps({"fields": [s.as_dict() for s in scores], "grouping": grouping}, indent=2))
    else:
        _print(scores, grouping, errors)


def _print(scores, grouping, show_errors: bool) -> None:
    console = Console()
    table = Table(title="Extraction against gold")
    for col in ("field", "n", "accuracy", "overlap", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "field" else "left")
    for s in scores:
        d = s.as_dict()
        table.add_row(s.name, str(s.n), f"{d['accuracy']:.3f}", _opt(d, "overlap_accuracy"),
                      _opt(d, "precision"), _opt(d, "recall"), _opt(d, "f1"))
    console.print(table)
    if grouping:
        console.print("Grouping: " + ", ".join(f"{k} {v:.3f}" for k, v in grouping.items() if isinstance(v, float)))
    if show_errors:
        for s in scores:
            for e in s.errors:
                console.print(f"[yellow]{s.name}[/yellow] {e['id']}: gold={e['gold']} got={e['got']}", markup=True, highlight=False)


def _opt(d: dict, key: str) -> str:
    return f"{d[key]:.3f}" if key in d else ""


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cli)
