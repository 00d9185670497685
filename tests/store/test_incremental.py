"""Incremental regrouping: a new batch touches only the events near its dates; ids stay."""
from __future__ import annotations

import sqlalchemy as sa

from ledger_data import KYIV_MORNING, KYIV_NOON, SAMPLE, article, group_by_date_and_place, report
from strikewatch.store import EventFilter
from strikewatch.store import schema as t


def _add(store, pairs, grouper=group_by_date_and_place):
    return store.add_batch([a for a, _ in pairs], [r for _, r in pairs], "tests", grouper)


def _event_ids(store):
    return {e["id"] for e in store.list_events(limit=1000)}


def test_new_report_joins_its_event_and_keeps_the_id(store):
    first = _add(store, [SAMPLE[0], SAMPLE[3]])
    kyiv_id = next(i for i in first.events_upserted if KYIV_MORNING.id in i)
    second = _add(store, [SAMPLE[1]])
    assert second.events_upserted == [kyiv_id]  # the Odesa event, six days later, is not touched
    assert second.events_deleted == []
    event = store.get_event(kyiv_id)
    assert [a["id"] for a in event["articles"]] == [KYIV_MORNING.id, KYIV_NOON.id]
    assert event["summary"]["killed"]["best"] == 9


def test_events_outside_the_window_are_not_rewritten(store):
    _add(store, SAMPLE)
    with store.engine.begin() as conn:
        conn.execute(sa.update(t.events).values(updated_at="2000-01-01T00:00:00+00:00"))
    late = article("Lviv warehouse hit in drone attack",
                   "A warehouse in Lviv was damaged by a drone early on Tuesday; nobody was hurt, the mayor said.",
                   "2026-07-28T08:00:00+03:00", url="https://west.example/lviv-warehouse")
    result = _add(store, [(late, report(late, "2026-07-28", ["Lviv"]))])
    assert len(result.events_upserted) == 1
    with store.engine.connect() as conn:
        stamps = dict(conn.execute(sa.select(t.events.c.id, t.events.c.updated_at)).all())
    untouched = [i for i in stamps if i not in result.events_upserted]
    assert len(untouched) == 3 and all(stamps[i].startswith("2000-") for i in untouched)


def test_an_event_that_vanishes_on_regrouping_is_deleted(store):
    """A later report ties the Kharkiv report to the Kyiv event: two events become one."""
    _add(store, SAMPLE[:3])
    before = _event_ids(store)
    bridge = article("Kyiv and Kharkiv hit in the same overnight attack",
                     "Russian drones hit Kyiv and Kharkiv in the same overnight attack, officials in both cities said.",
                     "2026-07-14T06:00:00+03:00")
    result = _add(store, [(bridge, report(bridge, "2026-07-14", ["Kyiv", "Kharkiv"]))])
    after = _event_ids(store)
    assert len(before) == 2 and len(after) == 1
    assert set(result.events_deleted) == before - after
    (merged,) = store.list_events()
    assert merged["n_articles"] == 4 and set(merged["places"]) == {"Kyiv", "Kharkiv"}
    with store.engine.connect() as conn:  # no link or place row points at a deleted event
        linked = set(conn.execute(sa.select(t.event_articles.c.event_id)).scalars())
        placed = set(conn.execute(sa.select(t.event_places.c.event_id)).scalars())
    assert linked == placed == after


def test_reingesting_everything_changes_nothing(store):
    _add(store, SAMPLE)
    ids = _event_ids(store)
    again = _add(store, SAMPLE)
    assert again.new == [] and len(again.duplicates) == 4 and again.events_upserted == []
    assert _event_ids(store) == ids


def test_regroup_all_rebuilds_the_same_events(store):
    _add(store, SAMPLE[:2])
    _add(store, SAMPLE[2:])
    ids = _event_ids(store)
    assert store.regroup_all(group_by_date_and_place) == 3
    assert _event_ids(store) == ids
    assert store.count_events(EventFilter(place="Odesa")) == 1
