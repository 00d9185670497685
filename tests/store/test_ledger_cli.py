"""The ledger commands through Typer's runner: ingest, status, list, import-airforce."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ledger_corpus import write_jsonl
from strikewatch.cli import app

AIRFORCE = Path(__file__).parents[1] / "ingest" / "data" / "missile_attacks_daily.csv"
runner = CliRunner()


def _run(*args: str):
    result = runner.invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())


def test_ingest_status_list_and_airforce(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    news = tmp_path / "news"
    news.mkdir()
    write_jsonl(news / "wire.jsonl", 5)
    (news / "scan.txt").write_bytes(b"\x00\x01\x02binary scan")
    code, out = _run("ingest", str(news), "--db", db, "--batch-size", "2")
    assert code == 0, out
    assert "5 new, 0 duplicate, 1 failed" in out and "binary data" in out
    code, out = _run("ingest", str(news), "--db", db, "--strict")
    assert code == 2 and "0 new, 5 duplicate, 1 failed" in out
    code, out = _run("status", "--db", db, "--json")
    data = json.loads(runner.invoke(app, ["status", "--db", db, "--json"]).stdout)
    assert data["counts"]["articles"] == 5 and data["sources"][0]["articles_duplicate"] == 5
    code, out = _run("list", "--db", db, "--format", "jsonl")
    assert code == 0 and out.count('"id"') >= 1
    code, out = _run("import-airforce", str(AIRFORCE), "--db", db)
    assert code == 0 and "8 new, 0 already stored, 2 bad" in out


def test_ingest_reports_a_bad_database_url_in_one_line(tmp_path):
    code, out = _run("ingest", str(tmp_path), "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 1 and "cannot open database" in out and "[SW301]" in out


def test_tables_and_watch_on_a_feed_file(tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    feed = tmp_path / "desk.atom"
    paragraphs = ("At least four people were killed and 19 injured when Russian missiles hit Kharkiv "
                  "overnight, the regional governor said. The air force said 12 missiles were launched.")
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>East Desk</title>'
        '<id>urn:x</id><updated>2026-07-14T09:00:00Z</updated><entry><title>Missiles hit Kharkiv</title>'
        '<link href="http://127.0.0.1:9/kharkiv"/><id>urn:k</id><updated>2026-07-14T06:00:00Z</updated>'
        f'<content type="text">{paragraphs}</content></entry></feed>', encoding="utf-8")
    code, out = _run("watch", str(feed), str(tmp_path / "missing.xml"), "--db", db, "--every", "1s", "--rounds", "1")
    assert code == 0, out
    assert f"round 1: {feed}: 1 new, 0 known, 0 failed" in out and "missing.xml: 0 new, 0 known, 1 failed" in out
    code, out = _run("list", "--db", db)
    assert code == 0 and "1 of 1 event(s)" in out and "Kharkiv" in out
    code, out = _run("status", "--db", db)
    assert code == 0 and "1 articles" in out and str(feed) in out
    code, out = _run("watch", str(feed), "--db", db, "--every", "soon")
    assert code == 1 and "not a duration" in out


def test_ingest_through_a_process_pool_writes_parquet_shards(tmp_path):
    import pyarrow.parquet as pq

    db = f"sqlite:///{tmp_path / 'p.db'}"
    source = write_jsonl(tmp_path / "wire.jsonl", 6)
    code, out = _run("ingest", str(source), "--db", db, "--engine", "process", "--workers", "2",
                     "--out", str(tmp_path / "shards"))
    assert code == 0 and "6 new" in out, out
    (shard,) = sorted((tmp_path / "shards").glob("*.parquet"))
    assert pq.read_table(shard).num_rows == 6
