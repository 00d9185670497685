"""Air Force CSV (missile_attacks_daily.csv format): parsing and classification."""
from __future__ import annotations

from pathlib import Path

import pytest

from strikewatch.errors import StrikewatchError
from strikewatch.ingest import InputProblem
from strikewatch.ingest.airforce import (
    OfficialRow,
    classify,
    parse_count,
    parse_time,
    read_airforce_csv,
    row_category,
    split_models,
)

DATA = Path(__file__).parent / "data" / "missile_attacks_daily.csv"


@pytest.mark.parametrize("model, parts", [
    ("X-101/X-555", ["X-101", "X-555"]),
    ("Shahed-136/131", ["Shahed-136", "Shahed-131"]),
    ("Iskander-K and Kalibr", ["Iskander-K", "Kalibr"]),
    ("X-101/X-555 and Kalibr", ["X-101", "X-555", "Kalibr"]),
    ("Iskander-M/KN-23", ["Iskander-M", "KN-23"]),
    ("Kinzhal", ["Kinzhal"]),
])
def test_combined_models_are_split(model, parts):
    assert split_models(model) == parts


@pytest.mark.parametrize("model, category", [
    ("Shahed-136", "drone"), ("Gerbera", "drone"), ("Orlan-10", "drone"), ("Reconnaissance UAV", "drone"),
    ("X-101", "missile"), ("Х-59", "missile"), ("Kalibr", "missile"), ("Iskander-M", "missile"),
    ("KN-23", "missile"), ("X-47 Kinzhal", "missile"), ("KAB", "other"), ("Unknown balloon", "other"),
])
def test_models_are_classified(model, category):
    assert classify(model) == category


def test_a_row_mixing_drones_and_missiles_is_mixed_but_bombs_do_not_count():
    assert row_category(["Shahed-136", "Kalibr"]) == "mixed"
    assert row_category(["KAB", "X-59"]) == "missile"


def test_times_and_counts():
    assert parse_time("2026-07-13 21:00") == ("2026-07-13T21:00", "2026-07-13")
    assert parse_time("2026-07-25") == ("2026-07-25", "2026-07-25")
    assert parse_time("yesterday") == (None, None)
    assert parse_count("12.0") == 12 and parse_count("") is None
    with pytest.raises(ValueError):
        parse_count("two")


def test_file_rows_and_bad_lines():
    items = list(read_airforce_csv(DATA))
    rows = [i for i in items if isinstance(i, OfficialRow)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert len(rows) == 8
    assert sorted(p.item.rsplit(":", 1)[1] for p in problems) == ["10", "9"]  # no model; "two" launched
    first = rows[0]
    assert (first.category, first.national, first.launched, first.destroyed) == ("drone", True, 312, 290)
    assert (first.date_start, first.date_end) == ("2026-07-13", "2026-07-14")
    regional = [r for r in rows if not r.national]
    assert {r.target for r in regional} == {"Kyiv oblast", "Kharkiv oblast", "south", "east"}
    combined = rows[2]
    assert combined.models == ["Iskander-K", "Kalibr"] and combined.category == "missile"
    assert combined.to_dict()["row"]["source"] == "kpszsu/1001"
    assert len({r.id for r in rows}) == len(rows)


def test_a_csv_without_the_dataset_columns_is_refused(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("date,city,killed\n2026-07-14,Kyiv,9\n", encoding="utf-8")
    with pytest.raises(StrikewatchError) as err:
        list(read_airforce_csv(other))
    assert "time_start" in str(err.value)
