"""Air Force figures beside the media's: import, link by time window, totals, mismatches."""
from __future__ import annotations

from pathlib import Path

from ledger_data import KHARKIV_SAME_NIGHT, KYIV_MORNING, ODESA_LATER, SAMPLE, group_by_date_and_place
from strikewatch.ingest.airforce import import_airforce
from strikewatch.store import EventFilter
from strikewatch.store.official import aggregate, link, mismatches

CSV = Path(__file__).parents[1] / "ingest" / "data" / "missile_attacks_daily.csv"


def _event_with(store, article_id):
    for brief in store.list_events(limit=100):
        event = store.get_event(brief["id"])
        if article_id in event["article_ids"]:
            return event
    raise AssertionError(article_id)


def test_import_links_rows_to_the_main_event_of_the_night(store):
    store.add_batch([a for a, _ in SAMPLE], [r for _, r in SAMPLE], "tests", group_by_date_and_place)
    result = import_airforce(store, CSV)
    assert (result.new, result.duplicates, len(result.problems)) == (8, 0, 2)
    kyiv = _event_with(store, KYIV_MORNING.id)
    official = kyiv["official"]
    assert official["drones_launched"] == 312 and official["drones_destroyed"] == 290  # regional 60 left out
    assert official["missiles_launched"] == 14 + 6 and official["missiles_destroyed"] == 12 + 4
    assert any("regional drone" in note for note in official["notes"])
    assert any("KAB" in note for note in official["notes"])
    assert kyiv["official_mismatches"] == []  # media said 312 drones and 20 missiles too
    assert _event_with(store, KHARKIV_SAME_NIGHT.id)["official"] is None  # fewer articles that night


def test_regional_rows_are_summed_when_there_is_no_national_total_and_mismatches_flagged(store):
    store.add_batch([a for a, _ in SAMPLE], [r for _, r in SAMPLE], "tests", group_by_date_and_place)
    import_airforce(store, CSV)
    odesa = _event_with(store, ODESA_LATER.id)
    assert odesa["official"]["drones_launched"] == 48 + 15
    (mismatch,) = odesa["official_mismatches"]
    assert mismatch["field"] == "drones_launched" and mismatch["official"] == 63
    assert "Air Force 63" in mismatch["message"]
    exported = {e["id"]: e for e in store.iter_events(EventFilter())}
    assert exported[odesa["id"]]["official"]["drones_launched"] == 63


def test_reimport_adds_nothing(store):
    import_airforce(store, CSV)
    again = import_airforce(store, CSV)
    assert (again.new, again.duplicates) == (0, 8)
    assert store.status()["counts"]["official_reports"] == 8


def test_link_prefers_the_end_date_and_skips_other_attackers():
    events = [{"id": "ua-strike", "date": "2026-07-14", "attacker": "Ukraine", "n_articles": 9},
              {"id": "evening", "date": "2026-07-13", "attacker": "Russia", "n_articles": 1},
              {"id": "night", "date": "2026-07-14", "attacker": None, "n_articles": 2}]
    row = {"id": "r1", "date_start": "2026-07-13", "date_end": "2026-07-14", "category": "drone",
           "national": True, "launched": 10, "destroyed": 9, "model": "Shahed-136"}
    assert list(link([row], events)) == ["night"]
    assert list(link([row], events[:2])) == ["evening"]  # no eligible event on the end date
    assert link([row], events[:1]) == {}


def test_mismatch_respects_open_ranges():
    official = aggregate([{"category": "missile", "national": True, "launched": 42, "destroyed": 29,
                           "model": "X-101"}])
    assert mismatches({"missiles_launched": {"low": 40, "best": 40, "high": None}}, official) == []
    (found,) = mismatches({"missiles_intercepted": {"low": 30, "best": 30, "high": 30}}, official)
    assert found["field"] == "missiles_intercepted" and found["official"] == 29
    assert mismatches({}, None) == []
