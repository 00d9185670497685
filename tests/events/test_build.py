"""The event contract, stable ids, and the whole stage on our extracted stories."""
from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.events import build_events, event_assignments, regroup
from strikewatch.models import RANGE_FIELDS
from events_helpers import fact, report

EVENT_KEYS = {"id", "date", "places", "attacker", "articles", "summary", "figures", "timeline", "conflicts", "quotes"}


def test_events_follow_the_contract(story_reports) -> None:
    events = build_events(story_reports)
    assert sorted(a for e in events for a in e["articles"]) == sorted(r["id"] for r in story_reports)
    for event in events:
        assert set(event) == EVENT_KEYS
        assert event["id"].startswith("ev-")
        for name in RANGE_FIELDS:
            value = event["summary"][name]
            assert value is None or (set(value) == {"low", "best", "high"} and value["low"] <= value["best"] <= value["high"])
        for name, supporting in event["figures"].items():
            assert supporting and all({"report", "outlet", "published", "value", "evidence", "span", "speaker"} <= set(s)
                                      for s in supporting)


def test_kyiv_night_is_reconciled_from_its_outlets(story_reports) -> None:
    event = next(e for e in build_events(story_reports) if "ev-a1" in e["articles"])
    assert event["date"] == "2026-05-18" and event["attacker"] == "Russia"
    assert {"Kyiv", "Kharkiv"} <= set(event["places"])
    summary = event["summary"]
    assert summary["killed"]["best"] == 12  # the next day's official toll
    assert summary["drones_launched"]["best"] == 270 and summary["missiles_launched"]["best"] == 18
    killed = event["timeline"]["killed"]
    assert [t["low"] for t in killed if t["current"]] == [12]
    assert killed[0]["report"] == "ev-a1" and killed[0]["low"] == 4  # the first toll of the morning
    # the wire story and its reprint are one source for the early toll
    wire = next(f for f in event["figures"]["killed"] if f["report"] == "ev-a1")
    assert wire["reprints"] == ["ev-a2"]
    kinds = {(c["kind"], c["field"]) for c in event["conflicts"]}
    assert ("headline_body", "killed") in kinds  # "Dozens killed" over a body of nine
    assert event["quotes"] and all(q["report"] in event["articles"] for q in event["quotes"])


def _night(rid: str, day: str, place: str, drones: int, attacker: str = "Russia") -> dict[str, Any]:
    facts = [fact(f"{rid}-d", "drones_launched", drones, drones, f"{drones} drones"),
             fact(f"{rid}-k", "killed", 2, 2, "two people were killed", speaker="governor")]
    return report(rid, published=f"{day}T09:00:00+03:00", event_date=day, places=[place], facts=facts,
                  attacker=attacker)


BASE = [_night("a1", "2026-05-18", "Kyiv", 270), _night("a2", "2026-05-18", "Lviv", 270),
        _night("b1", "2026-05-19", "Kyiv", 60), _night("b2", "2026-05-19", "Kyiv", 60),
        report("u1", published=None, event_date=None, places=["Kyiv"],
               facts=[fact("u1-d", "drones_launched", 60, 60, "60 drones")])]


def _ids(reports: list[dict[str, Any]]) -> dict[str, str]:
    return event_assignments(build_events(reports))


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_event_ids_do_not_depend_on_input_order(rng: random.Random) -> None:
    shuffled = list(BASE)
    rng.shuffle(shuffled)
    assert _ids(shuffled) == _ids(BASE)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 28), st.sampled_from(["Odesa", "Sumy", "Dnipro"]), st.integers(5, 900)),
                max_size=6))
def test_event_ids_survive_adding_unrelated_reports(extra: list[tuple[int, str, int]]) -> None:
    unrelated = [_night(f"x{i}", f"2026-03-{day:02d}", place, n) for i, (day, place, n) in enumerate(extra)]
    before = _ids(BASE)
    after = _ids(BASE + unrelated)
    assert {k: after[k] for k in before} == before


def test_regroup_of_a_window_gives_the_same_events() -> None:
    assert regroup(BASE) == build_events(BASE)


def test_repeated_report_ids_are_kept_once() -> None:
    events = build_events(BASE + [dict(BASE[0])])
    assert sum(len(e["articles"]) for e in events) == len(BASE)
