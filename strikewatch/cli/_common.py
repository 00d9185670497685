"""Shared CLI pieces: input argument, error printing, problem reporting."""
from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console

from ..errors import StrikewatchError
from ..extract import extract_article
from ..ingest import InputProblem, read_inputs

err_console = Console(stderr=True, highlight=False)

Inputs = Annotated[
    list[str],
    typer.Argument(help="Files, folders (read recursively), JSON Lines files, URLs, or - for stdin."),
]
Strict = Annotated[bool, typer.Option("--strict", help="Exit non-zero if any item failed.")]


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="jsonl (default) or a readable table.")]


class Counts:
    """How many items were processed and how many failed, for the exit code."""

    def __init__(self) -> None:
        self.done = 0
        self.failed = 0


def extracted(inputs: list[str], counts: Counts) -> Iterator[tuple[object, dict]]:
    """(article, report dict) for each readable input; problems are printed and counted."""
    for item in read_inputs(inputs):
        if isinstance(item, InputProblem):
            report_problem(item)
            counts.failed += 1
            continue
        counts.done += 1
        yield item, extract_article(item).to_dict()


def report_problem(problem: InputProblem | StrikewatchError) -> None:
    err_console.print(f"[red]skipped[/red] {problem}", markup=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def exit_for(done: int, failed: int, strict: bool) -> None:
    """Non-zero only when nothing could be processed, or when asked with --strict."""
    if failed and (done == 0 or strict):
        raise typer.Exit(2)
