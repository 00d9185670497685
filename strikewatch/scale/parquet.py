"""Report dicts to Parquet shards (``strikewatch ingest ... --out DIR``) and back.

One row per report. Plain fields are string columns; each summary range is flattened
into ``<field>_low`` / ``<field>_high`` integer columns (plus ``places_struck``,
``speakers``, ``attacker``) so an analyst can filter without parsing; the nested parts
(summary, facts, places, weapons, ...) are kept whole as JSON strings, so
:func:`read_report_shards` gives back exactly the dicts that were written. Keys this
module does not know go to the ``extra`` JSON column. Shards are written batch by
batch: memory stays flat whatever the number of reports.
"""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..models import RANGE_FIELDS

log = logging.getLogger(__name__)

STRING_COLUMNS = ("id", "title", "url", "published", "language", "outlet", "event_date")
JSON_COLUMNS = (
    "summary", "summary_evidence", "facts", "places", "weapons", "casualties",
    "damage", "quotes", "attacks", "problems",
)
SHARD_NAME = "reports-{:05d}.parquet"


def _schema() -> pa.Schema:
    fields = [pa.field(name, pa.string()) for name in STRING_COLUMNS]
    for name in RANGE_FIELDS:
        fields += [pa.field(f"{name}_low", pa.int64()), pa.field(f"{name}_high", pa.int64())]
    fields += [
        pa.field("places_struck", pa.list_(pa.string())),
        pa.field("speakers", pa.list_(pa.string())),
        pa.field("attacker", pa.string()),
    ]
    fields += [pa.field(name, pa.string()) for name in JSON_COLUMNS]
    fields.append(pa.field("extra", pa.string()))
    return pa.schema(fields)


SCHEMA = _schema()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def report_row(report: dict[str, Any]) -> dict[str, Any]:
    """One Parquet row of a report dict."""
    row: dict[str, Any] = {name: report.get(name) for name in STRING_COLUMNS}
    summary = report.get("summary") or {}
    for name in RANGE_FIELDS:
        value = summary.get(name) or {}
        row[f"{name}_low"], row[f"{name}_high"] = value.get("low"), value.get("high")
    row["places_struck"] = summary.get("places_struck")
    row["speakers"] = summary.get("speakers")
    row["attacker"] = summary.get("attacker")
    for name in JSON_COLUMNS:
        row[name] = _dumps(report[name]) if name in report else None
    extra = {k: v for k, v in report.items() if k not in STRING_COLUMNS and k not in JSON_COLUMNS}
    row["extra"] = _dumps(extra) if extra else None
    return row


def row_report(row: dict[str, Any]) -> dict[str, Any]:
    """The report dict a row was made from."""
    report: dict[str, Any] = {name: row.get(name) for name in STRING_COLUMNS}
    for name in JSON_COLUMNS:
        if row.get(name) is not None:
            report[name] = json.loads(row[name])
    if row.get("extra"):
        report.update(json.loads(row["extra"]))
    return report


def write_parquet_shards(
    reports: Iterable[dict[str, Any]],
    out_dir: str | Path,
    rows_per_shard: int = 100_000,
    batch_rows: int = 5_000,
    first_index: int = 0,
) -> list[Path]:
    """Write ``reports`` to ``out_dir/reports-00000.parquet``, ... and return the paths.

    Each shard holds at most ``rows_per_shard`` rows, written in row groups of
    ``batch_rows``; numbering starts at ``first_index`` (a streaming writer appends
    shards). Nothing is written (and no path returned) for an empty input.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    iterator = iter(reports)
    paths: list[Path] = []
    while True:
        path = folder / SHARD_NAME.format(first_index + len(paths))
        if not _write_shard(iterator, path, rows_per_shard, batch_rows):
            break
        paths.append(path)
    log.info("wrote %d Parquet shard(s) to %s", len(paths), folder)
    return paths


def _write_shard(reports: Iterator[dict[str, Any]], path: Path, limit: int, batch_rows: int) -> int:
    """Write up to ``limit`` reports to ``path``; returns how many (0: no file made)."""
    written = 0
    writer: pq.ParquetWriter | None = None
    try:
        while written < limit:
            batch = [report_row(r) for r in islice(reports, min(batch_rows, limit - written))]
            if not batch:
                break
            if writer is None:
                writer = pq.ParquetWriter(path, SCHEMA, compression="zstd")
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
            written += len(batch)
    finally:
        if writer is not None:
            writer.close()
    return written


class ShardWriter:
    """Appends reports to numbered shards as they arrive, ``batch_rows`` rows per row
    group, so only one row group is ever held in memory. A shard is written under a
    hidden ``.part`` name and renamed when it is full or closed: a killed run never
    leaves a truncated shard under a real name."""

    def __init__(self, out_dir: str | Path, rows_per_shard: int = 100_000, batch_rows: int = 1_000,
                 first_index: int = 0) -> None:
        self.folder = Path(out_dir)
        self.rows_per_shard, self.batch_rows = rows_per_shard, batch_rows
        self.index = first_index
        self.rows: list[dict[str, Any]] = []  # the row group being filled
        self.in_shard = 0  # rows written to the open shard
        self.writer: pq.ParquetWriter | None = None

    def _part(self) -> Path:
        return self.folder / f".{SHARD_NAME.format(self.index)}.{os.getpid()}-{id(self):x}.part"

    def add(self, reports: Iterable[dict[str, Any]]) -> list[Path]:
        """Queue reports; returns the shards completed meanwhile."""
        done: list[Path] = []
        for report in reports:
            self.rows.append(report_row(report))
            if len(self.rows) >= self.batch_rows or self.in_shard + len(self.rows) >= self.rows_per_shard:
                done.extend(self._write_rows())
        return done

    def close(self) -> list[Path]:
        """Write what is queued and finish the open shard."""
        done = self._write_rows() if self.rows else []
        if self.writer is not None:
            done.append(self._finish())
        return done

    def _write_rows(self) -> list[Path]:
        if self.writer is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self._part(), SCHEMA, compression="zstd")
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=SCHEMA))
        self.in_shard += len(self.rows)
        self.rows = []
        return [self._finish()] if self.in_shard >= self.rows_per_shard else []

    def _finish(self) -> Path:
        assert self.writer is not None
        self.writer.close()
        path = self.folder / SHARD_NAME.format(self.index)
        self._part().rename(path)
        self.writer, self.in_shard, self.index = None, 0, self.index + 1
        return path


def read_report_shards(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """Report dicts back from shards (in the order of ``paths``, then of rows)."""
    for path in paths:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=2_000):
            for row in batch.to_pylist():
                yield row_report(row)
