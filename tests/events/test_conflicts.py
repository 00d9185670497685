"""Conflicts on hand-built reports of one event."""
from __future__ import annotations

from strikewatch.events.build import make_event
from events_helpers import fact, report

DAY = "2026-05-18"


def _report(rid: str, hour: str, facts: list[dict], places: list[str] | None = None, **kw) -> dict:
    return report(rid, published=f"{DAY}T{hour}:00+03:00", event_date=DAY, places=places or ["Kyiv"],
                  facts=facts, outlet=f"Outlet {rid}", **kw)


def _kinds(event: dict) -> list[tuple[str, str]]:
    return [(c["kind"], c["field"]) for c in event["conflicts"]]


def test_disjoint_figures_at_the_same_time_conflict_with_both_sides() -> None:
    a = _report("a", "10:00", [fact("a1", "killed", 12, 12, "12 people were killed", speaker="Police")])
    b = _report("b", "11:00", [fact("b1", "killed", 7, 7, "seven people died", speaker="Mayor")])
    event = make_event([a, b], [0, 1])
    assert _kinds(event) == [("disjoint_ranges", "killed")]
    sides = event["conflicts"][0]["sides"]
    assert {s["report"]: s["evidence"] for s in sides} == {"a": "12 people were killed", "b": "seven people died"}
    assert all(s["span"] == [0, len(s["evidence"])] for s in sides)


def test_a_rising_toll_or_figures_hours_apart_are_not_conflicts() -> None:
    early = _report("a", "07:00", [fact("a1", "killed", 3, 3, "three people were killed")])
    later = _report("b", "08:00", [fact("b1", "killed", 9, 9, "the toll rose to nine")])
    much_later_lower = _report("c", "20:00", [fact("c1", "injured", 4, 4, "four injured")])
    morning = _report("d", "08:30", [fact("d1", "injured", 30, 30, "30 injured")])
    assert make_event([early, later, much_later_lower, morning], [0, 1, 2, 3])["conflicts"] == []


def test_disjoint_weapon_counts_conflict_and_agreeing_reprints_do_not() -> None:
    a = _report("a", "09:00", [fact("a1", "drones_launched", 270, 270, "270 drones")])
    a2 = _report("a2", "09:20", [fact("a3", "drones_launched", 270, 270, "270 drones")])
    b = _report("b", "10:00", [fact("b1", "drones_launched", 150, 150, "150 drones")])
    event = make_event([a, a2, b], [0, 0, 2])
    assert _kinds(event) == [("disjoint_ranges", "drones_launched")]


def test_headline_figure_contradicting_the_body_is_flagged() -> None:
    r = _report("h", "13:00", [fact("t", "killed", 24, 99, "Dozens killed", where="title"),
                               fact("b", "killed", 9, 9, "Nine people were killed", speaker="Tymur Tkachenko")],
                title="Dozens killed as Russia pounds Kyiv")
    event = make_event([r], [0])
    assert _kinds(event) == [("headline_body", "killed")]
    headline, body = event["conflicts"][0]["sides"]
    assert headline["where"] == "title" and headline["evidence"] == "Dozens killed"
    assert body["value"] == {"low": 9, "high": 9} and body["speaker"] == "Tymur Tkachenko"


def test_city_figure_presented_as_national_is_flagged() -> None:
    city = _report("city", "09:00", [fact("c", "killed", 9, 9, "nine were killed in Kyiv", scope="place", place="Kyiv"),
                                     fact("l", "killed", 3, 3, "three died in Lviv", scope="place", place="Lviv")],
                   places=["Kyiv", "Lviv"])
    national = _report("nat", "09:30", [fact("n", "killed", 12, 12, "12 people were killed across Ukraine")])
    wrong = _report("wrong", "10:00", [fact("w", "killed", 9, 9, "the attack killed nine people in Ukraine")])
    event = make_event([city, national, wrong], [0, 1, 2])
    kinds = _kinds(event)
    assert ("city_as_national", "killed") in kinds
    conflict = next(c for c in event["conflicts"] if c["kind"] == "city_as_national")
    assert [s["report"] for s in conflict["sides"]] == ["wrong", "city", "nat"]
    assert conflict["sides"][1]["places"] == ["Kyiv"]
