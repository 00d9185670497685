"""The end-of-run sweep groups queued articles day by day with a bounded window; its
events equal one grouping of everything, however small the window and however the
articles arrived (one queue, or earlier batches grouped already)."""
from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger_data import DateAndPlace, article, report
from strikewatch.store import open_store

PLACES = ["Kyiv", "Kharkiv", "Odesa"]
START = date(2026, 7, 1)

reports_on_days = st.lists(
    st.tuples(st.integers(0, 30), st.sampled_from(PLACES), st.integers(0, 23), st.booleans()), min_size=1, max_size=40)


class NightBefore(DateAndPlace):
    """Same date and place -> one event, where a report without an event date counts
    as dated the night before it was published. Such a report is stored under its
    publication day, so a group spans two days of the sweep, like real ones."""

    def features(self, reports):
        return [(p, d or (date.fromisoformat(p[:10]) - timedelta(days=1)).isoformat(), i, places)
                for p, d, i, places in super().features(reports)]


def _pairs(specs):
    pairs = []
    for n, (offset, place, hour, undated) in enumerate(specs):
        day = START + timedelta(days=offset)
        a = article(f"{place} hit, report {n}", f"Drones struck {place} overnight (report {n}).",
                    f"{day + timedelta(days=1)}T{hour:02d}:00:00+03:00")
        pairs.append((a, report(a, None if undated else day.isoformat(), [place])))
    return pairs


def _events(store):
    return sorted((e["id"], tuple(sorted(e["article_ids"]))) for e in store.iter_events())


def _swept(specs, split, builder, window):
    """Store the first ``split`` reports grouped at once (an earlier ingest), queue the
    rest and sweep the queue with a window of ``window`` reports. Returns the ids of
    every stored article, the swept events, and the events of one full regrouping."""
    pairs = _pairs(specs)
    first, later = pairs[:split], pairs[split:]
    with tempfile.TemporaryDirectory() as folder, open_store(f"sqlite:///{Path(folder) / 'l.db'}") as store:
        if first:
            store.add_batch([a for a, _ in first], [r for _, r in first], "t", builder)
        if later:
            store.add_batch([a for a, _ in later], [r for _, r in later], "t", builder, defer=True)
        done = store.regroup_pending(builder, max_reports=window)
        assert done.articles == len({a.id for a, _ in later} - {a.id for a, _ in first})
        assert store.pending_regroup() == 0
        swept = _events(store)
        store.regroup_all(builder)  # the default window holds all of them
        return sorted({a.id for a, _ in pairs}), swept, _events(store)


class SameWeek(DateAndPlace):
    """Same place and ISO week -> one event: reaches further than the sweep's margin,
    so the sweep cannot match one full grouping, but must still never lose an article."""

    def features(self, reports):
        return [(p, "%d-W%02d" % date.fromisoformat(d or p[:10]).isocalendar()[:2], i, places)
                for p, d, i, places in super().features(reports)]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=reports_on_days, split=st.integers(0, 40), window=st.integers(1, 12), reach_past_margin=st.booleans())
def test_a_small_window_gives_the_events_of_one_full_grouping(specs, split, window, reach_past_margin):
    """Within the margin the sweep equals one grouping of everything; a grouper that
    reaches past it may group differently, but every article is still in exactly one event."""
    builder = SameWeek() if reach_past_margin else NightBefore()
    articles, swept, full = _swept(specs, split, builder, window)
    assert sorted(aid for _, members in swept for aid in members) == articles
    if not reach_past_margin:
        assert swept == full


def test_the_night_before_stays_in_the_window_until_the_next_morning_is_grouped(store):
    """A report stored under 3 July that belongs to the event of 2 July: the window
    still holds 2 July (already grouped) when it reaches 3 July."""
    builder = NightBefore()
    pairs = _pairs([(1, "Kyiv", 6, False), (1, "Kyiv", 9, True), (9, "Odesa", 6, False)])
    grouped_before, queued = pairs[:1], pairs[1:]
    store.add_batch([a for a, _ in grouped_before], [r for _, r in grouped_before], "t", builder)
    store.add_batch([a for a, _ in queued], [r for _, r in queued], "t", builder, defer=True)
    store.regroup_pending(builder, max_reports=1)  # a day per step
    events = _events(store)
    kyiv = {grouped_before[0][0].id, queued[0][0].id}
    assert [set(members) for _, members in events if kyiv & set(members)] == [kyiv]


def test_a_writer_that_changes_an_event_while_the_sweep_plans_makes_it_plan_again(store, monkeypatch):
    """Another ingest rewrites the Kyiv event between the sweep's plan (made without the
    lock) and its write: the write notices, nothing stale is written, the step is planned
    again and every article ends in exactly one event."""
    from ledger_data import SAMPLE, group_by_date_and_place
    from strikewatch.store import sweep

    late = article("Kyiv: rescuers end search", "Rescuers in Kyiv ended the search of the rubble on Tuesday evening.",
                   "2026-07-14T21:00:00+03:00")
    later = article("Kyiv mourns the victims", "Kyiv held a day of mourning for the victims of the overnight strike.",
                    "2026-07-15T10:00:00+03:00")
    store.add_batch([a for a, _ in SAMPLE], [r for _, r in SAMPLE], "t", group_by_date_and_place)
    store.add_batch([late], [report(late, "2026-07-14", ["Kyiv"])], "t", group_by_date_and_place, defer=True)
    real_plan, plans = sweep.plan, []

    def plan_then_interfere(*args, **kwargs):
        plans.append(real_plan(*args, **kwargs))
        if len(plans) == 1:  # a concurrent writer adds a report to the Kyiv event
            store.add_batch([later], [report(later, "2026-07-14", ["Kyiv"])], "other", group_by_date_and_place)
        return plans[-1]

    monkeypatch.setattr(sweep, "plan", plan_then_interfere)
    done = store.regroup_pending(group_by_date_and_place)
    assert len(plans) == 2 and done.articles == 1 and store.pending_regroup() == 0
    events = _events(store)
    grouped = [aid for _, members in events for aid in members]
    assert sorted(grouped) == sorted([a.id for a, _ in SAMPLE] + [late.id, later.id])
    kyiv = {SAMPLE[0][0].id, SAMPLE[1][0].id, late.id, later.id}
    assert [set(m) for _, m in events if set(m) & kyiv] == [kyiv]
