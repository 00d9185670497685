"""Shared CLI pieces: input argument, error printing, problem reporting."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from ..errors import StrikewatchError
from ..ingest import InputProblem

err_console = Console(stderr=True, highlight=False)

Inputs = Annotated[
    list[str],
    typer.Argument(help="Files, folders (read recursively), JSON Lines files, URLs, or - for stdin."),
]
Strict = Annotated[bool, typer.Option("--strict", help="Exit non-zero if any item failed.")]


def report_problem(problem: InputProblem | StrikewatchError) -> None:
    err_console.print(f"[red]skipped[/red] {problem}", markup=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def exit_for(done: int, failed: int, strict: bool) -> None:
    """Non-zero only when nothing could be processed, or when asked with --strict."""
    if failed and (done == 0 or strict):
        raise typer.Exit(2)
