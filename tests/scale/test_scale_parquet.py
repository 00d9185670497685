"""Parquet in (a reader for a text column) and out (report shards)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from strikewatch.ingest import READERS, InputProblem, read_inputs
from strikewatch.models import Article
from strikewatch.scale import write_parquet_shards
from strikewatch.scale.parquet import read_report_shards

KHARKIV = (
    "Two people were killed and 14 injured when a Russian drone hit a nine-story building "
    "in Kharkiv overnight, the regional governor said."
)
ODESA = "At least 5 people were injured in Odesa after debris from downed drones fell on a port warehouse."


def _report(i: int, killed: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "id": f"r{i}", "title": f"Strike {i}", "url": None, "published": "2026-07-14T08:10:00+03:00",
        "language": "en", "outlet": "Example Wire", "event_date": "2026-07-14",
        "summary": {"killed": killed, "injured": {"low": 30, "high": 30}, "drones_launched": None,
                    "places_struck": ["Kyiv", "Kharkiv"], "speakers": ["Vitali Klitschko"], "attacker": "Russia"},
        "summary_evidence": {"killed": ["f1"]},
        "facts": [{"id": "f1", "kind": "killed", "low": 9, "high": None, "start": 120, "end": 146,
                   "evidence": "at least nine people were killed", "place": "Kyiv", "update": True}],
        "places": [{"name": "Kyiv", "surface": "Kiev", "start": 10, "end": 14, "lat": 50.45, "lon": 30.52}],
        "weapons": [], "casualties": [], "damage": [], "quotes": [],
        "attacks": [{"id": "main", "attacker": "Russia", "target": "Ukraine"}],
        "problems": [{"code": "SW201", "message": "quote without a speaker"}],
    }


def test_reader_is_registered_and_reads_rows(tmp_path: Path) -> None:
    assert ".parquet" in READERS
    table = pa.table({
        "text": [KHARKIV, "   ", ODESA],
        "title": ["Kharkiv strike", "Empty", None],
        "published": pa.array([dt.datetime(2026, 7, 14, 6, 30), None, dt.datetime(2026, 7, 15)], pa.timestamp("s")),
        "outlet": ["Example Wire", "Example Wire", "Harbour City Times"],
        "extra_column": [1, 2, 3],
    })
    pq.write_table(table, tmp_path / "archive.parquet")
    items = list(read_inputs([str(tmp_path)]))
    assert isinstance(items[0], Article) and isinstance(items[2], Article)
    assert items[0].text == KHARKIV and items[0].title == "Kharkiv strike"
    assert items[0].published == "2026-07-14T06:30:00"
    assert items[0].id.startswith("a") and items[0].source.endswith("archive.parquet:row 1")
    assert items[2].outlet == "Harbour City Times" and items[2].title == ""
    assert isinstance(items[1], InputProblem) and items[1].item.endswith(":row 2")


def test_reader_reports_a_file_without_text_column(tmp_path: Path) -> None:
    pq.write_table(pa.table({"body": [KHARKIV]}), tmp_path / "wrong.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    items = list(read_inputs([str(tmp_path / "wrong.parquet"), str(tmp_path / "broken.parquet")]))
    assert [type(i) for i in items] == [InputProblem, InputProblem]
    assert "no 'text' column" in items[0].message
    assert "not a readable Parquet file" in items[1].message


def test_shards_round_trip(tmp_path: Path) -> None:
    reports = [_report(i, {"low": i, "high": None} if i % 3 else None) for i in range(23)]
    paths = write_parquet_shards(iter(reports), str(tmp_path / "out"), rows_per_shard=10, batch_rows=4)
    assert [Path(p).name for p in paths] == ["reports-00000.parquet", "reports-00001.parquet", "reports-00002.parquet"]
    assert list(read_report_shards(paths)) == reports
    table = pq.read_table(paths[0])
    assert table.num_rows == 10
    assert table.column("killed_low").to_pylist()[:4] == [None, 1, 2, None]
    assert table.column("injured_high").to_pylist()[0] == 30
    assert table.column("places_struck").to_pylist()[0] == ["Kyiv", "Kharkiv"]


def test_unknown_keys_survive_and_empty_input_writes_nothing(tmp_path: Path) -> None:
    report = {**_report(1, None), "engine_note": {"batch": 3}}
    paths = write_parquet_shards([report], str(tmp_path / "one"))
    assert list(read_report_shards(paths)) == [report]
    assert write_parquet_shards([], str(tmp_path / "none")) == []
