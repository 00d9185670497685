"""The installed `strikewatch` command, run as a user would."""
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from strikewatch.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

ARTICLE = (
    "Russian missiles hit Kharkiv, killing four\n\n"
    "KHARKIV, March 3 (Example Wire) - Russian missiles struck Kharkiv early on Tuesday, killing four people "
    "and injuring 17, Mayor Ihor Terekhov said. Air defences shot down 11 of the 14 drones, the air force said.\n"
)


def test_extract_jsonl_contract(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.strip())
    for key in ("id", "title", "url", "published", "language", "event_date", "summary", "facts", "places",
                "weapons", "casualties", "damage", "quotes", "problems"):
        assert key in record
    s = record["summary"]
    assert s["killed"] == {"low": 4, "high": 4} and s["injured"] == {"low": 17, "high": 17}
    assert s["drones_launched"] == {"low": 14, "high": 14} and s["drones_intercepted"] == {"low": 11, "high": 11}
    assert s["speakers"] == ["Ihor Terekhov"]


def test_extract_table(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--format", "table"])
    assert result.exit_code == 0
    assert "Kharkiv" in result.stdout


def test_extract_stdin():
    result = runner.invoke(app, ["extract", "-"], input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["killed"] == {"low": 4, "high": 4}


def test_bad_items_reported_batch_continues_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 50)
    result = runner.invoke(app, ["extract", str(good), str(bad)])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 1
    assert "bad.txt" in result.stderr and "binary" in result.stderr
    strict = runner.invoke(app, ["extract", str(good), str(bad), "--strict"])
    assert strict.exit_code == 2
    nothing = runner.invoke(app, ["extract", str(bad)])
    assert nothing.exit_code == 2


def test_installed_entry_point_and_module(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    exe = Path(sys.executable).with_name("strikewatch")
    out = subprocess.run([str(exe), "extract", str(f)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["summary"]["killed"]["low"] == 4
    mod = subprocess.run([sys.executable, "-m", "strikewatch", "--help"], capture_output=True, text=True, timeout=60)
    assert mod.returncode == 0 and "extract" in mod.stdout


def test_eval_on_dev_set_reports_every_field():
    gold = ROOT / "tests" / "data" / "dev" / "gold.jsonl"
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = {f["field"]: f for f in json.loads(result.stdout)["fields"]}
    assert set(scores) >= {"killed", "injured", "drones_launched", "missiles_launched", "places_struck", "speakers", "event_date"}
    # A floor well under our measured scores: fails if extraction breaks, not on small changes.
    assert scores["killed"]["accuracy"] >= 0.8
    assert scores["drones_launched"]["accuracy"] >= 0.8
