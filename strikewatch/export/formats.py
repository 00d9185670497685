"""Writers: each takes records of one kind (events, articles, facts) and a binary stream."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .geojson import iter_features
from .rows import BOOL_COLUMNS, COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, article_rows, event_rows, fact_rows

_FLATTEN = {"events": event_rows, "articles": article_rows, "facts": fact_rows}
_PARQUET_BATCH = 2000


def flat_rows(records: Iterable[dict[str, Any]], what: str) -> Iterator[dict[str, Any]]:
    return _FLATTEN[what](records)


def write_csv(records: Iterable[dict[str, Any]], what: str, out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(COLUMNS[what]), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in flat_rows(records, what):
        writer.writerow(row)
        count += 1
    text.flush()
    text.detach()
    return count


def write_jsonl(records: Iterable[dict[str, Any]], what: str, out: IO[bytes]) -> int:
    """Events as full records (figures, timeline, conflicts, articles); others flat."""
    rows = records if what == "events" else flat_rows(records, what)
    count = 0
    for record in rows:
        out.write(json.dumps(record, ensure_ascii=False, default=str).encode("utf-8") + b"\n")
        count += 1
    return count


def write_geojson(records: Iterable[dict[str, Any]], what: str, out: IO[bytes]) -> int:
    """Streams a FeatureCollection, one feature per line."""
    out.write(b'{"type": "FeatureCollection", "features": [\n')
    count = 0
    for feature in iter_features(records):
        out.write((b",\n" if count else b"") + json.dumps(feature, ensure_ascii=False).encode("utf-8"))
        count += 1
    out.write(b"\n]}\n")
    return count


def _arrow_schema(what: str) -> Any:
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name in INT_COLUMNS:
            return pa.int64()
        if name in FLOAT_COLUMNS:
            return pa.float64()
        return pa.bool_() if name in BOOL_COLUMNS else pa.string()

    return pa.schema([(name, kind(name)) for name in COLUMNS[what]])


def write_parquet(records: Iterable[dict[str, Any]], what: str, out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(what)
    count, batch = 0, []
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for row in flat_rows(records, what):
            batch.append(row)
            if len(batch) >= _PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
