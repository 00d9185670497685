"""Incremental regrouping: a new batch touches only the events near its dates; ids stay."""
from __future__ import annotations

import dataclasses
import gc

import pytest
import sqlalchemy as sa

from ledger_data import KYIV_MORNING, KYIV_NOON, SAMPLE, DateAndPlace, article, group_by_date_and_place, report
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


def _add_deferred(store, pairs):
    return store.add_batch([a for a, _ in pairs], [r for _, r in pairs], "tests", group_by_date_and_place, defer=True)


def test_a_deferred_batch_is_queued_and_grouped_later_with_the_same_events(store):
    result = _add_deferred(store, SAMPLE)
    assert len(result.new) == 4 and result.events_upserted == []
    assert store.pending_regroup() == store.status()["pending_regroup"] == 4 and store.count_events() == 0
    done = store.regroup_pending(group_by_date_and_place)
    # two regions (14 July, and Odesa six days later), one step each
    assert (done.articles, done.spans, done.events_upserted) == (4, 2, 3)
    assert store.pending_regroup() == 0
    ids = _event_ids(store)
    assert store.regroup_all(group_by_date_and_place) == 3 and _event_ids(store) == ids


class CrashOnOdesa(DateAndPlace):
    """Dies when it meets the Odesa report: as if the process were killed mid-sweep."""

    def group(self, features):
        if any("Odesa" in places for *_, places in features):
            raise RuntimeError("killed")
        return super().group(features)


def test_a_regroup_interrupted_mid_sweep_keeps_what_it_finished_and_the_next_one_completes(store):
    _add_deferred(store, SAMPLE)
    with pytest.raises(RuntimeError):
        store.regroup_pending(CrashOnOdesa(), max_reports=1)  # one or two days per step
    assert store.pending_regroup() == 1 and store.count_events() == 2  # 14 July committed, Odesa queued
    done = store.regroup_pending(group_by_date_and_place, max_reports=1)
    assert done.articles == 1 and store.pending_regroup() == 0
    ids = _event_ids(store)
    store.regroup_all(group_by_date_and_place)
    assert _event_ids(store) == ids and len(ids) == 3


def test_undated_queued_articles_are_grouped_in_pages(store):
    undated = [(a, {**r, "event_date": None}) for a, r in SAMPLE]
    store.add_batch([dataclasses.replace(a, published=None) for a, _ in undated], [r for _, r in undated],
                    "tests", group_by_date_and_place, defer=True)
    done = store.regroup_pending(group_by_date_and_place, page=3)
    assert (done.articles, done.spans) == (4, 2) and store.pending_regroup() == 0
    grouped = [aid for e in store.iter_events() for aid in e["article_ids"]]
    assert sorted(grouped) == sorted(a.id for a, _ in SAMPLE)


def test_queued_days_are_cut_into_regions_with_their_margins():
    from strikewatch.store.writes import regions

    assert regions([10, 11, 20], days=2) == [(8, 13), (18, 22)]
    assert regions([10, 15], days=2) == [(8, 17)]  # 12 and 13 touch: one region
    assert regions([10, 16], days=2) == [(8, 12), (14, 18)]
    assert regions([], days=2) == []


def test_the_window_loads_days_while_it_holds_at_most_max_reports():
    from strikewatch.store.sweep import next_last

    stored = {10: 5, 11: 1, 12: 2, 14: 4}
    assert next_last(10, (8, 20), 0, stored, 8) == 13  # 5 + 1 + 2 + 0; 14 would make 12
    assert next_last(10, (8, 20), 3, stored, 8) == 10  # 3 held + 5; the next day would pass
    assert next_last(14, (8, 20), 9, stored, 8) == 14  # always at least one day
    assert next_last(15, (8, 20), 0, stored, 8) == 20  # empty days up to the region's end


class RecordsCollector(DateAndPlace):
    """Notes whether Python's cyclic garbage collector was on while it grouped."""

    def __init__(self, crash: bool = False):
        self.crash, self.collector_on = crash, []

    def group(self, features):
        self.collector_on.append(gc.isenabled())
        if self.crash:
            raise RuntimeError("killed")
        return super().group(features)


def test_the_sweep_runs_without_the_cyclic_collector_and_restores_it_even_when_it_fails(store):
    _add_deferred(store, SAMPLE)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        store.regroup_pending(RecordsCollector(crash=True))
    assert gc.isenabled()
    grouper = RecordsCollector()
    done = store.regroup_pending(grouper)
    assert done.articles == 4 and grouper.collector_on and not any(grouper.collector_on)
    assert gc.isenabled()
    gc.disable()  # a caller that had it off keeps it off
    try:
        store.regroup_all(RecordsCollector())
        assert not gc.isenabled()
    finally:
        gc.enable()
