"""Every export format, read back with a real parser."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
import shapely.geometry
from typer.testing import CliRunner

from strikewatch.cli import app
from strikewatch.errors import StrikewatchError
from strikewatch.export import EXPORTERS, export
from strikewatch.export.rows import ACLED_COLUMNS, COLUMNS


def _export(store, fmt, what="events") -> bytes:
    out = io.BytesIO()
    export(store, fmt, what, out)
    return out.getvalue()


def test_events_csv_has_acled_columns_and_own_figures(ledger):
    rows = list(csv.DictReader(io.StringIO(_export(ledger, "csv").decode("utf-8"))))
    assert len(rows) == 3
    assert tuple(rows[0].keys())[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    kyiv = next(r for r in rows if r["location"] == "Kyiv")
    assert kyiv["event_date"] == "2026-07-14" and kyiv["country"] == "Ukraine"
    assert kyiv["actor1"] == "Military Forces of Russia (2000-)"
    assert kyiv["sub_event_type"] == "Shelling/artillery/missile attack"
    assert float(kyiv["latitude"]) == pytest.approx(50.4501) and kyiv["geo_precision"] == "1"
    assert kyiv["fatalities"] == "9" and kyiv["injured_best"] == "31"
    assert (kyiv["official_drones_launched"], kyiv["official_missiles_launched"]) == ("312", "20")
    assert kyiv["source"] == "Capital Herald; Test Wire"
    odesa = next(r for r in rows if r["location"] == "Odesa")
    assert odesa["sub_event_type"] == "Air/drone strike" and odesa["fatalities"] == "0"
    assert "Air Force 63" in odesa["official_mismatches"]


def test_articles_and_facts_csv(ledger):
    articles = list(csv.DictReader(io.StringIO(_export(ledger, "csv", "articles").decode("utf-8"))))
    assert len(articles) == 4 and all(a["text"] for a in articles)
    facts = list(csv.DictReader(io.StringIO(_export(ledger, "csv", "facts").decode("utf-8"))))
    texts = {a["id"]: a["text"] for a in articles}
    for fact in facts:
        assert texts[fact["article_id"]][int(fact["start"]):int(fact["end"])] == fact["evidence"]


def test_jsonl_events_are_full_records(ledger):
    lines = _export(ledger, "jsonl").decode("utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    assert len(events) == 3
    kyiv = next(e for e in events if "Kyiv" in e["places"])
    assert kyiv["official"]["drones_launched"] == 312
    assert {a["id"] for a in kyiv["articles"]} == set(kyiv["article_ids"])
    facts = [json.loads(line) for line in _export(ledger, "jsonl", "facts").decode().splitlines()]
    assert facts and set(facts[0]) == set(COLUMNS["facts"])


def test_geojson_one_valid_point_per_event_and_place(ledger):
    data = json.loads(_export(ledger, "geojson"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 3  # Kyiv, Kharkiv, Odesa events, one located place each
    for feature in data["features"]:
        geometry = shapely.geometry.shape(feature["geometry"])
        assert geometry.is_valid and geometry.geom_type == "Point"
        assert 22 < geometry.x < 41 and 44 < geometry.y < 53  # lon, lat order inside Ukraine
        assert feature["properties"]["event_id"] and feature["properties"]["primary"] is True
    with pytest.raises(StrikewatchError):
        _export(ledger, "geojson", "facts")


def test_geojson_has_a_feature_for_every_struck_place(ledger, tmp_path):
    from ledger_data import DateAndPlace, article, report

    class TwoPlaces(DateAndPlace):
        def event(self, reports, stories):
            return {"id": "ev-two", "date": "2026-08-02", "places": ["Kyiv", "Lviv"],
                    "attacker": "Russia", "articles": [r["id"] for r in reports], "summary": {}}

    both = article("Kyiv and Lviv hit", "Drones hit Kyiv and Lviv overnight, officials said; two were injured.",
                   "2026-08-02T07:00:00+03:00")
    ledger.add_batch([both], [report(both, "2026-08-02", ["Kyiv", "Lviv"], injured=(2,))], "t", TwoPlaces())
    features = json.loads(_export(ledger, "geojson"))["features"]
    mine = [f for f in features if f["properties"]["event_id"] == "ev-two"]
    assert sorted(f["properties"]["place"] for f in mine) == ["Kyiv", "Lviv"]
    assert [f["properties"]["primary"] for f in mine].count(True) == 1


@pytest.mark.parametrize("what", ["events", "articles", "facts"])
def test_parquet_reads_back_with_typed_columns(ledger, what):
    table = pq.read_table(io.BytesIO(_export(ledger, "parquet", what)))
    assert table.column_names == list(COLUMNS[what])
    rows = table.to_pylist()
    assert rows
    if what == "events":
        assert str(table.schema.field("fatalities").type) == "int64"
        assert str(table.schema.field("latitude").type) == "double"
        assert sorted(r["official_drones_launched"] or 0 for r in rows) == [0, 63, 312]


def test_cli_export_to_file_and_stdout(ledger, tmp_path):
    url = ledger.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "events.parquet"
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", url, "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 3
    result = runner.invoke(app, ["export", "--db", url, "--format", "csv", "--what", "facts"])
    assert result.exit_code == 0 and result.stdout.startswith("article_id,id,kind")
    result = runner.invoke(app, ["export", "--db", url, "--format", "xlsx"])
    assert result.exit_code == 1 and "csv, jsonl, geojson, parquet" in result.output


def test_registry_names():
    assert set(EXPORTERS) == {"csv", "jsonl", "geojson", "parquet"}
