"""`ingest --out` writes Parquet shards as batches arrive, never holding the archive in memory."""
import pyarrow.parquet as pq

from strikewatch.scale.parquet import read_report_shards
from strikewatch.store.pipeline import ShardSink


def _report(i: int) -> dict:
    return {"id": f"r{i}", "title": f"Strike {i}", "url": None, "published": None, "language": "en", "outlet": None,
            "event_date": None, "summary": {"killed": {"low": i, "high": i}, "injured": None, "drones_launched": None,
            "missiles_launched": None, "drones_intercepted": None, "missiles_intercepted": None, "duration_hours": None,
            "places_struck": ["Kyiv"], "speakers": [], "attacker": "Russia"}, "summary_evidence": {}, "facts": [],
            "places": [], "weapons": [], "casualties": [], "damage": [], "quotes": [], "attacks": [], "problems": []}


def test_shards_are_written_while_batches_arrive(tmp_path):
    sink = ShardSink(str(tmp_path), rows_per_shard=4, batch_rows=2)
    assert sink.add([_report(i) for i in range(3)]) == []  # below one shard: no shard finished yet
    assert list(tmp_path.glob("*.parquet")) == []  # the open shard has a hidden name
    assert len(sink.writer.rows) == 1  # one row group written, one row queued
    first = sink.add([_report(i) for i in range(3, 6)])
    assert [pq.read_table(p).num_rows for p in first] == [4]
    (last,) = sink.close()
    assert pq.read_table(last).num_rows == 2 and sink.close() == []
    sink.add([_report(i) for i in range(6, 7)])
    (tail,) = sink.close()
    assert tail.endswith("reports-00002.parquet")
    ids = [r["id"] for r in read_report_shards(sorted(tmp_path.glob("*.parquet")))]
    assert ids == [f"r{i}" for i in range(7)]
    assert not list(tmp_path.glob(".*.part"))


def test_a_second_run_appends_shards_and_ignores_an_unfinished_one(tmp_path):
    killed = ShardSink(str(tmp_path), batch_rows=1)
    killed.add([_report(0)])  # not closed (a killed run): only a hidden .part file
    assert list(tmp_path.glob("*.parquet")) == [] and len(list(tmp_path.glob(".*.part"))) == 1
    first = ShardSink(str(tmp_path))
    first.add([_report(1)])
    (path,) = first.close()
    assert path.endswith("reports-00000.parquet")
    second = ShardSink(str(tmp_path))
    second.add([_report(2)])
    (path,) = second.close()
    assert path.endswith("reports-00001.parquet")
