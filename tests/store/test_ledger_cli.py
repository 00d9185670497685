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
