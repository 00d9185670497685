"""Reconciliation on hand-built reports of one event."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.events.reconcile import reconcile, reconcile_field
from strikewatch.events.sources import Source
from events_helpers import fact, report

DAY = "2026-05-18"


def _toll(rid: str, hour: str, low: int | None, high: int | None, *, speaker: str | None = "Vitali Klitschko",
          place: str | None = None, kind: str = "killed", outlet: str | None = None) -> dict:
    scope = "place" if place else "total"
    f = fact(f"{rid}-f", kind, low, high, f"{low} people were killed", speaker=speaker, scope=scope, place=place)
    return report(rid, published=f"{DAY}T{hour}:00+03:00", event_date=DAY, places=["Kyiv"], facts=[f],
                  outlet=outlet or f"Outlet {rid}")


def test_later_larger_official_toll_supersedes_and_forms_the_timeline() -> None:
    reports = [_toll("r1", "07:00", 3, None), _toll("r2", "12:00", 9, 9), _toll("r3", "19:00", 12, 12)]
    result = reconcile(reports, [0, 1, 2])
    assert result["summary"]["killed"] == {"low": 12, "best": 12, "high": 12}
    timeline = result["timeline"]["killed"]
    assert [(t["report"], t["low"], t["current"]) for t in timeline] == [
        ("r1", 3, False), ("r2", 9, False), ("r3", 12, True)]


def test_unattributed_larger_figure_does_not_supersede_an_official_one() -> None:
    reports = [_toll("r1", "09:00", 9, 9), _toll("r2", "10:00", 14, 14, speaker=None)]
    figure = reconcile(reports, [0, 1])["summary"]["killed"]
    assert figure == {"low": 9, "best": 9, "high": 14}


def test_reprints_of_one_wire_story_count_as_one_source() -> None:
    reports = [_toll("w1", "07:00", 4, None), _toll("w2", "07:30", 4, None), _toll("w3", "08:00", 4, None),
               _toll("other", "08:10", 5, 5)]
    figures = reconcile(reports, [0, 0, 0, 3])["figures"]["killed"]
    assert [(f["report"], f["reprints"]) for f in figures] == [("w1", ["w2", "w3"]), ("other", [])]
    assert figures[0]["evidence"] == "4 people were killed" and figures[0]["speaker"] == "Vitali Klitschko"


def test_weapon_count_best_is_the_figure_most_stories_give_and_outliers_are_not_credible() -> None:
    def drones(rid: str, hour: str, n: int) -> dict:
        f = fact(f"{rid}-d", "drones_launched", n, n, f"{n} drones")
        return report(rid, published=f"{DAY}T{hour}:00+03:00", event_date=DAY, places=["Kyiv"], facts=[f])
    reports = [drones("a", "09:00", 270), drones("b", "10:00", 270), drones("c", "11:00", 511)]
    assert reconcile(reports, [0, 1, 2])["summary"]["drones_launched"] == {"low": 270, "best": 270, "high": 270}


def test_city_figures_add_up_when_no_total_is_given() -> None:
    reports = [_toll("k", "09:00", 9, 9, place="Kyiv"), _toll("h", "09:30", 2, 2, place="Kharkiv")]
    assert reconcile(reports, [0, 1])["summary"]["killed"] == {"low": 11, "best": 11, "high": 11}


def test_a_total_outweighs_city_figures_which_are_kept_as_partial() -> None:
    reports = [_toll("k", "09:00", 9, 9, place="Kyiv"), _toll("l", "09:00", 2, 2, place="Lviv"),
               _toll("t", "10:00", 12, 12)]
    result = reconcile(reports, [0, 1, 2])
    assert result["summary"]["killed"] == {"low": 12, "best": 12, "high": 12}
    partial = {f["report"]: f["partial"] for f in result["figures"]["killed"]}
    assert partial == {"k": True, "l": True, "t": False}


def test_the_only_city_with_a_figure_estimates_the_whole() -> None:
    reports = [_toll("k", "09:00", 9, 9, place="Kyiv"), _toll("t", "10:00", 12, 12)]
    assert reconcile(reports, [0, 1])["summary"]["killed"] == {"low": 12, "best": 12, "high": 12}


def test_vague_range_gives_its_middle_as_best() -> None:
    reports = [_toll("r", "09:00", 27, 33, speaker=None)]
    assert reconcile(reports, [0])["summary"]["killed"] == {"low": 27, "best": 30, "high": 33}


def test_no_figure_gives_null() -> None:
    assert reconcile([_toll("r", "09:00", 3, 3)], [0])["summary"]["injured"] is None


_bound = st.one_of(st.none(), st.integers(0, 500))


@st.composite
def _sources(draw) -> list[Source]:
    found = []
    for i in range(draw(st.integers(1, 8))):
        low, high = draw(_bound), draw(_bound)
        if low is None and high is None:
            low = draw(st.integers(0, 500))
        if low is not None and high is not None and high < low:
            low, high = high, low
        ts = draw(st.one_of(st.none(), st.floats(0, 1e6)))
        covers = draw(st.sampled_from([None, frozenset({"Kyiv"}), frozenset({"Lviv"})]))
        found.append(Source(report=f"r{i}", outlet=None, published=None, ts=ts, low=low, high=high, evidence=None,
                            start=None, end=None, where="text", speaker=draw(st.sampled_from([None, "mayor"])),
                            story=i, covers=covers))
    return found


@settings(max_examples=150, deadline=None)
@given(_sources(), st.sampled_from(["killed", "drones_launched", "duration_hours"]))
def test_low_best_high_are_ordered(sources: list[Source], name: str) -> None:
    figure = reconcile_field(sources, name)
    assert figure is not None
    assert figure["low"] <= figure["best"] <= figure["high"]


def test_a_floor_is_updated_by_any_later_larger_figure() -> None:
    reports = [_toll("r1", "10:30", 7, None, speaker="Borys Filatov"), _toll("r2", "23:00", 11, 11, speaker=None)]
    result = reconcile(reports, [0, 1])
    assert result["summary"]["killed"] == {"low": 11, "best": 11, "high": 11}
    assert [t["current"] for t in result["timeline"]["killed"]] == [False, True]


def test_a_district_figure_is_part_of_its_city_not_another_place() -> None:
    city = _toll("city", "09:00", 9, 9, place="Kyiv")
    district = _toll("district", "12:00", 12, 12, place="Sviatoshynskyi")
    district["places"] = [{"name": "Sviatoshynskyi", "status": "struck", "admin1": "Kyiv", "country": "Ukraine"}]
    city["places"][0]["admin1"] = "Kyiv"
    assert reconcile([city, district], [0, 1])["summary"]["killed"] == {"low": 12, "best": 12, "high": 12}
