"""Grouping on hand-built reports (pure) and on our stories through the extractor."""
from __future__ import annotations

from typing import Any

from strikewatch.events import build_events, event_assignments, score_grouping
from strikewatch.events.features import report_features
from events_helpers import fact, report

WIRE = ("Russia attacked Kyiv with drones and missiles overnight, killing at least four people and wounding 17, "
        "the mayor said. Explosions echoed across the capital for several hours as air defence units fired into "
        "the night sky, and a high-rise apartment building in the Obolonskyi district was hit.")


def _groups(reports: list[dict[str, Any]]) -> set[frozenset[str]]:
    return {frozenset(e["articles"]) for e in build_events(reports)}


def _night(rid: str, day: str, hour: str, places: list[str], drones: int | None = None, **kw: Any) -> dict[str, Any]:
    facts = kw.pop("facts", [])
    facts += [fact(f"{rid}-d", "drones_launched", drones, drones, f"{drones} drones")] if drones else []
    return report(rid, published=f"{day}T{hour}:00+03:00", event_date=day, places=places, facts=facts, **kw)


def test_one_night_on_several_cities_is_one_event_and_the_next_night_another() -> None:
    reports = [
        _night("k1", "2026-05-18", "07:00", ["Kyiv"]),
        _night("h1", "2026-05-18", "09:00", ["Kharkiv"]),
        _night("o1", "2026-05-18", "11:00", ["Odesa", "Kyiv"], drones=270),
        _night("k2", "2026-05-19", "07:00", ["Kyiv"]),
        _night("k3", "2026-05-19", "10:00", ["Kyiv"], drones=60),
    ]
    assert _groups(reports) == {frozenset({"k1", "h1", "o1"}), frozenset({"k2", "k3"})}


def test_another_attacker_the_same_night_is_another_event() -> None:
    reports = [_night("ru", "2026-05-18", "07:00", ["Kyiv"]),
               _night("ua", "2026-05-18", "08:00", ["Bryansk"], attacker="Ukraine")]
    assert len(build_events(reports)) == 2


def test_counter_claim_facts_do_not_change_what_grouping_sees() -> None:
    plain = _night("k9", "2026-05-18", "12:00", ["Kyiv"], drones=270)
    claimed = _night("k9", "2026-05-18", "12:00", ["Kyiv"], drones=270)
    claimed["facts"].append(fact("c", "drones_launched", 41, 41, "41 Ukrainian drones", attack="counter"))
    claimed["attacks"].insert(0, {"id": "counter", "attacker": "Ukraine", "target": "Russia"})
    claimed["summary"]["attacker"] = None  # the attacker then comes from the main attack
    a, b = report_features(0, plain), report_features(0, claimed)
    assert (a.attacker, a.counts, a.places) == (b.attacker, b.counts, b.places) == (
        "russia", frozenset({("drones_launched", 270)}), frozenset({"kyiv"}))


def test_counter_claim_facts_do_not_move_the_article() -> None:
    counter = fact("c", "drones_intercepted", 41, 41, "destroyed 41 Ukrainian drones", attack="counter")
    with_counter = _night("k9", "2026-05-18", "12:00", ["Kyiv"])
    with_counter["facts"].append(counter)
    with_counter["attacks"].append({"id": "counter", "attacker": "Ukraine", "target": "Russia"})
    reports = [_night("k1", "2026-05-18", "07:00", ["Kyiv"]), with_counter,
               _night("ua", "2026-05-18", "09:00", ["Bryansk"], attacker="Ukraine",
                      facts=[fact("u", "drones_intercepted", 41, 41, "41 drones destroyed")])]
    assert _groups(reports) == {frozenset({"k1", "k9"}), frozenset({"ua"})}


def test_undated_reprint_joins_its_wire_story() -> None:
    reports = [
        report("w1", published="2026-05-18T07:05:00+03:00", event_date="2026-05-18", places=["Kyiv"], text=WIRE),
        report("w2", published=None, event_date=None, places=[], attacker=None, text=WIRE.replace("capital", "city")),
        _night("x1", "2026-05-12", "07:00", ["Kyiv"]),
    ]
    assert _groups(reports) == {frozenset({"w1", "w2"}), frozenset({"x1"})}


def test_undated_report_joins_by_weapon_counts_and_place() -> None:
    reports = [_night("a", "2026-05-18", "11:00", ["Kyiv"], drones=270),
               _night("b", "2026-05-19", "11:00", ["Kyiv"], drones=60),
               report("u", published=None, event_date=None, places=["Kyiv"],
                      facts=[fact("u-d", "drones_launched", 270, 270, "270 drones")])]
    assert _groups(reports) == {frozenset({"a", "u"}), frozenset({"b"})}


def test_report_dated_a_day_off_moves_to_the_night_it_shares_weapon_counts_with() -> None:
    reports = [_night("a1", "2026-05-18", "08:00", ["Kyiv"], drones=270),
               _night("a2", "2026-05-18", "10:00", ["Kyiv", "Lviv"], drones=270),
               _night("late", "2026-05-19", "09:30", ["Kyiv"], drones=270),
               _night("b1", "2026-05-19", "07:00", ["Kyiv"], drones=60),
               _night("b2", "2026-05-19", "08:00", ["Kyiv"], drones=60)]
    assert _groups(reports) == {frozenset({"a1", "a2", "late"}), frozenset({"b1", "b2"})}


def test_stories_group_as_expected_through_the_extractor(story_reports, expected_events) -> None:
    events = build_events(story_reports)
    scores = score_grouping(expected_events, event_assignments(events))
    assert scores["pairwise_f1"] == 1.0, scores
    by_article = event_assignments(events)
    # consecutive nights on Kyiv stay apart; the undated analysis and the wire reprint join.
    assert by_article["ev-a1"] != by_article["ev-b1"]
    assert by_article["ev-a6"] == by_article["ev-a2"] == by_article["ev-a1"]
    # the article carrying the attacker's counter-claim stays with the attack it reports.
    assert by_article["ev-a7"] == by_article["ev-a3"] != by_article["ev-d1"]


def test_lone_report_dated_a_day_off_joins_the_night_it_matches() -> None:
    reports = [_night("a1", "2026-05-18", "07:00", ["Kyiv"]), _night("a2", "2026-05-18", "09:00", ["Kyiv"]),
               _night("late", "2026-05-17", "10:00", ["Kyiv"]),
               _night("o1", "2026-05-21", "07:00", ["Odesa"])]
    assert _groups(reports) == {frozenset({"a1", "a2", "late"}), frozenset({"o1"})}


def test_lone_report_with_its_own_weapon_count_stays_a_separate_night() -> None:
    reports = [_night("a1", "2026-05-18", "07:00", ["Kyiv"], drones=270),
               _night("a2", "2026-05-18", "09:00", ["Kyiv"], drones=270),
               _night("b1", "2026-05-19", "08:00", ["Kyiv"], drones=60)]
    assert _groups(reports) == {frozenset({"a1", "a2"}), frozenset({"b1"})}


def test_weak_stories_find_their_attackers_event_among_other_attackers_events() -> None:
    ua_drones = fact("ua-d", "drones_launched", 41, 41, "41 drones")
    reports = [
        _night("ua", "2026-05-18", "08:00", ["Bryansk"], attacker="Ukraine", facts=[ua_drones]),
        # no attacker: starts an event of its own, which the next story gives an attacker
        _night("n1", "2026-05-18", "09:00", ["Kherson"], drones=150, attacker=None),
        report("r1", published="2026-05-18T12:00:00+03:00", event_date=None, places=["Kherson"],
               facts=[fact("r1-d", "drones_launched", 150, 150, "150 drones")]),
        report("r2", published="2026-05-19T08:00:00+03:00", event_date=None, places=["Kherson"]),
        report("u2", published="2026-05-18T13:00:00+03:00", event_date=None, places=["Bryansk"], attacker="Ukraine",
               facts=[fact("u2-d", "drones_launched", 41, 41, "41 drones")]),
    ]
    assert _groups(reports) == {frozenset({"ua", "u2"}), frozenset({"n1", "r1", "r2"})}
