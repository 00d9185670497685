"""Exports of the ledger: CSV, JSON Lines, GeoJSON and Parquet.

``EXPORTERS`` maps a format name to a writer ``(records, what, out) -> count``; the CLI
(``strikewatch export``) and the web API use the same registry::

    from strikewatch.export import export
    with open("events.csv", "wb") as out:
        export(store, "csv", "events", out)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from ..errors import StrikewatchError
from .formats import write_csv, write_geojson, write_jsonl, write_parquet
from .geojson import events_geojson
from .rows import COLUMNS, article_rows, event_row, event_rows, fact_rows

EXPORT = "SW302"
WHATS = ("events", "articles", "facts")

Writer = Callable[[Iterable[dict[str, Any]], str, IO[bytes]], int]
EXPORTERS: dict[str, Writer] = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "geojson": write_geojson,
    "parquet": write_parquet,
}
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "geojson": ".geojson", "parquet": ".parquet"}


def records(store: Any, what: str, filters: Any = None) -> Iterator[dict[str, Any]]:
    """The records one export reads: full events, articles (with text) or facts."""
    if what == "events":
        return store.iter_events(filters)
    if what == "articles":
        return store.iter_articles()
    if what == "facts":
        return store.iter_facts()
    raise StrikewatchError(EXPORT, f"--what must be one of {', '.join(WHATS)}", what)


def export(store: Any, fmt: str, what: str, out: IO[bytes], filters: Any = None) -> int:
    """Write ``what`` from ``store`` as ``fmt`` to the binary stream ``out``; returns the
    number of records (GeoJSON: features) written."""
    writer = EXPORTERS.get(fmt)
    if writer is None:
        raise StrikewatchError(EXPORT, f"--format must be one of {', '.join(EXPORTERS)}", fmt)
    if fmt == "geojson" and what != "events":
        raise StrikewatchError(EXPORT, "GeoJSON exports events only (one feature per event and place)", what)
    return writer(records(store, what, filters), what, out)


__all__ = ["COLUMNS", "EXPORTERS", "SUFFIXES", "WHATS", "article_rows", "event_row", "event_rows",
           "events_geojson", "export", "fact_rows", "records"]
