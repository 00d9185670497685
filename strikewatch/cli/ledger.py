"""Ledger commands: ingest, watch, import-airforce, status, list, export.

Each command opens the store, calls one library function and renders the result."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import StrikewatchError
from ._common import Inputs, Strict, err_console, exit_for, fail

console = Console(highlight=False)
Db = Annotated[Optional[str], typer.Option("--db", help="Database URL (sqlite:///file.db, postgresql://...); "
                                           "default $STRIKEWATCH_DB or sqlite:///strikewatch.db.")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per committed transaction.")]


def _wide() -> Console:
    """The console, or a 160-column one when output is not a terminal (files, pipes)."""
    return console if console.is_terminal else Console(highlight=False, width=160)


def _open(db: str | None) -> Any:
    from ..store import open_store

    try:
        return open_store(db)
    except StrikewatchError as err:
        fail(str(err))


class _Bar:
    """One progress bar; ``phase`` starts the next stage of the same command on it."""

    def __init__(self, bar: Progress, label: str, total: int | None) -> None:
        self.bar, self.task = bar, bar.add_task(label, total=total)

    def __call__(self, n: int) -> None:
        self.bar.advance(self.task, n)

    def phase(self, label: str, total: int | None) -> "_Bar":
        self.bar.update(self.task, visible=False)
        return _Bar(self.bar, label, total)


@contextmanager
def _progress(label: str, total: int | None = None) -> Iterator[_Bar]:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        yield _Bar(bar, label, total)


def _report(summary: Any, verb: str = "ingested") -> None:
    rate = f", {summary.rate:.1f} articles/s" if summary.new else ""
    err_console.print(f"{verb}: [green]{summary.new} new[/green], {summary.duplicates} duplicate, "
                      f"[red]{len(summary.failed)} failed[/red] in {summary.seconds:.1f} s{rate}; "
                      f"{summary.events_upserted} event(s) updated")
    for item, code, message in summary.failed[:50]:
        err_console.print(f"  [red]failed[/red] {item}: {message} [{code}]", soft_wrap=True)
    if len(summary.failed) > 50:
        err_console.print(f"  ... and {len(summary.failed) - 50} more (see `strikewatch status`)")


def ingest_cli(
    inputs: Inputs,
    db: Db = None,
    batch_size: BatchSize = 500,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction workers.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="Extraction engine: local, process or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address.")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Also write the new reports as Parquet shards here.")] = None,
    strict: Strict = False,
) -> None:
    """Store articles, their extracted facts and the events they form.

    Re-running is safe: known articles (same URL or same text) are skipped.

    Example: strikewatch ingest news/ feed.xml https://example.org/story --db sqlite:///ledger.db
    """
    from ..store.pipeline import ExtractOptions, estimate_total, ingest

    store = _open(db)
    options = ExtractOptions(engine=engine, workers=workers, scheduler=scheduler, out=str(out) if out else None)
    try:
        with _progress("ingesting", estimate_total(inputs) if err_console.is_terminal else None) as advance:
            summary = ingest(store, inputs, batch_size=batch_size, options=options, progress=advance,
                             grouping=lambda queued: advance.phase("grouping", queued))
    except StrikewatchError as err:
        fail(str(err))
    finally:
        store.close()
    _report(summary)
    exit_for(summary.new + summary.duplicates, len(summary.failed), strict)


def watch_cli(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs or files.")],
    db: Db = None,
    every: Annotated[str, typer.Option("--every", help="Polling interval: 30s, 10m, 1h.")] = "10m",
    rounds: Annotated[Optional[int], typer.Option("--rounds", min=1, help="Stop after N rounds.")] = None,
    batch_size: BatchSize = 50,
) -> None:
    """Poll feeds and ingest what is new; dead or malformed feeds are reported and retried.

    Example: strikewatch watch https://example.org/rss.xml --every 10m
    """
    from ..store.pipeline import Ingester
    from ..store.watch import parse_every, watch

    try:
        interval = parse_every(every)
    except ValueError as err:
        fail(str(err))
    store = _open(db)

    def on_round(result: Any) -> None:
        for feed, summary in result.per_feed.items():
            reasons = "; ".join(m for _, _, m in summary.failed[:3])
            err_console.print(f"round {result.number}: {feed}: {summary.new} new, {summary.duplicates} known, "
                              f"{len(summary.failed)} failed{(' (' + reasons + ')') if reasons else ''}", soft_wrap=True)

    try:
        watch(Ingester(store, batch_size), feeds, interval, rounds, on_round)
    except KeyboardInterrupt:
        err_console.print("stopped")
    finally:
        store.close()


def import_airforce_cli(
    file: Annotated[Path, typer.Argument(help="missile_attacks_daily.csv (Massive Missile Attacks on Ukraine).")],
    db: Db = None,
) -> None:
    """Import official Air Force launched/destroyed counts and link them to events by date.

    Example: strikewatch import-airforce missile_attacks_daily.csv
    """
    from ..ingest.airforce import import_airforce

    store = _open(db)
    try:
        result = import_airforce(store, file)
    except (StrikewatchError, OSError) as err:
        fail(str(err))
    finally:
        store.close()
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(result.categories.items()))
    err_console.print(f"Air Force rows: {result.new} new, {result.duplicates} already stored, "
                      f"{len(result.problems)} bad ({kinds})")
    for problem in result.problems[:20]:
        err_console.print(f"  [red]skipped[/red] {problem}", soft_wrap=True)


def status_cli(
    db: Db = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    repair: Annotated[bool, typer.Option("--repair", help="First group articles an interrupted ingest left ungrouped.")] = False,
) -> None:
    """Show counts and the last ingest per source.

    Example: strikewatch status --db sqlite:///ledger.db
    """
    store = _open(db)
    with store:
        if repair and store.pending_regroup():
            _repair(store)
        data = store.status()
    if as_json:
        console.print_json(data=data)
        return
    counts = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in data["counts"].items())
    out = _wide()
    out.print(f"[bold]{data['url']}[/bold]: {counts}; last ingest {data['last_ingest_at'] or 'never'}")
    table = Table("source", "kind", "last ingest", "new", "duplicate", "failed")
    for s in data["sources"]:
        table.add_row(s["name"], s["kind"], s["last_ingest_at"] or "", str(s["articles_new"]),
                      str(s["articles_duplicate"]), str(s["items_failed"]))
    out.print(table)
    if data.get("pending_regroup"):
        out.print(f"[yellow]{data['pending_regroup']} stored article(s) are not grouped into events yet[/yellow] "
                  "(an ingest stopped before grouping): `strikewatch status --repair` or the next ingest groups them.")


def _repair(store: Any) -> None:
    """Group the articles queued by an ingest that stopped before grouping them."""
    from ..store.pipeline import default_builder

    builder = default_builder()
    if builder is None:
        fail("event grouping is not available")
    try:
        with _progress("grouping", store.pending_regroup() if err_console.is_terminal else None) as advance:
            done = store.regroup_pending(builder, progress=advance)
    except StrikewatchError as err:
        fail(str(err))
    err_console.print(f"grouped {done.articles} queued article(s) in {done.spans} transaction(s); "
                      f"{done.events_upserted} event(s) written, {done.events_deleted} removed")


def _fmt(value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    low, best, high = value.get("low"), value.get("best"), value.get("high")
    if low == high and low is not None:
        return str(low)
    return f"{'' if best is None else best} [{'' if low is None else low}-{'' if high is None else high}]"


def list_cli(
    db: Db = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
    place: Annotated[Optional[str], typer.Option("--place")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
) -> None:
    """List the stored events, newest first.

    Example: strikewatch list --db sqlite:///ledger.db --place Kyiv
    """
    from ..store import EventFilter

    store = _open(db)
    with store:
        events = store.list_events(EventFilter(place=place), limit=limit)
        total = store.count_events(EventFilter(place=place))
    if fmt == "jsonl":
        import json

        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
        return
    table = Table("id", "date", "attacker", "places", "killed", "injured", "drones", "missiles", "articles", "conflicts",
                  title=f"{len(events)} of {total} event(s)")
    out = _wide()
    for e in events:
        s = e["summary"]
        table.add_row(e["id"], e["date"] or "", e["attacker"] or "", ", ".join(e["places"][:4]), _fmt(s.get("killed")),
                      _fmt(s.get("injured")), _fmt(s.get("drones_launched")), _fmt(s.get("missiles_launched")),
                      str(e["n_articles"]), str(e["n_conflicts"]))
    out.print(table)


def export_cli(
    db: Db = None,
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, geojson or parquet")] = "csv",
    what: Annotated[str, typer.Option("--what", help="events, articles or facts")] = "events",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Export events (ACLED-style columns), articles or facts.

    Example: strikewatch export --format geojson -o events.geojson
    """
    from ..export import export

    store = _open(db)
    try:
        with store, (output.open("wb") if output else _stdout()) as out:
            count = export(store, fmt, what, out)
    except StrikewatchError as err:
        fail(str(err))
    err_console.print(f"exported {count} {what if fmt != 'geojson' else 'features'} as {fmt}"
                      + (f" to {output}" if output else ""))


@contextmanager
def _stdout() -> Iterator[Any]:
    yield sys.stdout.buffer
    sys.stdout.buffer.flush()


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cli)
    app.command("watch")(watch_cli)
    app.command("import-airforce")(import_airforce_cli)
    app.command("status")(status_cli)
    app.command("list")(list_cli)
    app.command("export")(export_cli)
