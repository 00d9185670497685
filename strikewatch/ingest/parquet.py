"""Parquet files with a ``text`` column: one article per row.

Optional columns: id, title, url, published, outlet, language (others are ignored).
Rows are read in record batches, so a large file never sits in memory whole. A row with
no text is reported by its row number (``file.parquet:row 17``, counted from 1) and the
rest of the file is still read. ``published`` may be a string or a timestamp/date
column; timestamps become ISO 8601 strings.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import BAD_JSON, StrikewatchError
from .jsonl import article_from_record

COLUMNS = ("text", "id", "title", "url", "published", "outlet", "language")
BATCH_ROWS = 2048


def open_parquet(path: Path) -> pq.ParquetFile:
    """Open a Parquet file; a file pyarrow cannot read becomes a StrikewatchError."""
    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, ValueError) as err:
        raise StrikewatchError(BAD_JSON, f"not a readable Parquet file ({err})", str(path)) from err


def _columns(parquet: pq.ParquetFile, name: str) -> list[str]:
    present = set(parquet.schema_arrow.names)
    if "text" not in present:
        raise StrikewatchError(BAD_JSON, "Parquet file has no 'text' column", name)
    return [column for column in COLUMNS if column in present]


def parquet_row_groups(path: Path) -> list[int]:
    """Number of rows of each row group (the unit a reader can seek to)."""
    metadata = open_parquet(path).metadata
    return [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def _row_item(row: dict[str, Any], item: str) -> Any:
    from . import InputProblem  # late: the package imports this module

    try:
        return article_from_record({k: _plain(v) for k, v in row.items()}, item)
    except ValueError as err:
        return InputProblem(item, BAD_JSON, str(err))


def read_parquet_rows(path: Path, start: int = 0, stop: int | None = None) -> Iterator[Any]:
    """Articles (and problems) of rows ``[start, stop)``, reading only the row groups
    that hold them."""
    parquet = open_parquet(path)
    columns = _columns(parquet, str(path))
    stop = parquet.metadata.num_rows if stop is None else stop
    first = 0
    for group in range(parquet.num_row_groups):
        rows = parquet.metadata.row_group(group).num_rows
        if first + rows > start and first < stop:
            yield from _read_group(parquet, group, columns, first, start, stop, str(path))
        first += rows
        if first >= stop:
            break


def _read_group(
    parquet: pq.ParquetFile, group: int, columns: list[str], first: int, start: int, stop: int, name: str
) -> Iterator[Any]:
    number = first
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, row_groups=[group], columns=columns):
        for row in batch.to_pylist():
            if number >= stop:
                return
            if number >= start:
                yield _row_item(row, f"{name}:row {number + 1}")
            number += 1


def read_parquet_file(path: Path) -> Iterator[Any]:
    """The ingest reader for ``.parquet`` files."""
    yield from read_parquet_rows(path)
