"""Group queued articles in one pass over their dates (a sliding window of days).

An archive ingest queues every article it stores (``pending_regroup``); grouping them
one date span at a time loaded each span's +-2-day margin again and again: at 900
articles a day each report was read, decoded and grouped three or four times. The sweep
instead walks the queued dates in order, keeping only each report's small grouping
``features`` for a window of days:

1. Load the next days (while the window holds at most ``max_reports``), computing the
   features of each report once, and pull in every member of the stored events of the
   reports in the window (an event is always rewritten whole).
2. Group the window. A group is *final* when it holds a queued report and its latest
   member is at least ``days`` before the last loaded day (or the region's last day is
   loaded): everything that can change it has been seen.
3. Write the final groups, and the groups of every member of the stored events they
   replace (so no article is left without an event): their full reports are read
   again, one batch at a time, to build the event records. Their queue rows go in the
   same transaction, so a killed sweep keeps what it finished.
4. Drop the reports more than ``days`` before the earliest queued report still open.

Dates are cut into *regions*: the queued dates widened by ``days`` on each side and
merged, so a small ingest into a large archive only reads the days around its own.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from . import schema as t
from .types import EventBuilder
from .writes import chunks, delete_events, insert_events, lock_events

WRITE_BATCH = 2_000  # full reports held at once while building final events


def regions(days_queued: Iterable[int], days: int) -> list[tuple[int, int]]:
    """Merge [d - days, d + days] around each queued day (ordinals) into (first, last) runs."""
    found: list[list[int]] = []
    for day in sorted(set(days_queued)):
        if found and day - days <= found[-1][1] + 1:
            found[-1][1] = day + days
        else:
            found.append([day - days, day + days])
    return [(lo, hi) for lo, hi in found]


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


def _ordinal(value: str | None) -> int | None:
    return date.fromisoformat(value).toordinal() if value else None


@dataclass
class Window:
    """The reports of the days being grouped: features and sweep day (their stored
    ``event_date``; None for undated members pulled in with their event)."""

    features: dict[str, Any] = field(default_factory=dict)
    keys: dict[str, int | None] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)  # stored without a report

    def load(self, conn: sa.Connection, builder: EventBuilder, where: Any, batch: int = 500) -> None:
        a = t.articles
        stmt = sa.select(a.c.id, a.c.event_date, a.c.report, a.c.text).where(where)
        for part in conn.execute(stmt.execution_options(yield_per=batch)).partitions():
            ids, keys, reports = [], [], []
            for aid, day, report, text in part:
                if aid in self.features:
                    continue
                if not report:
                    self.unreadable.add(aid)
                    continue
                ids.append(aid)
                keys.append(_ordinal(day))
                reports.append({**report, "text": text})
            for aid, key, found in zip(ids, keys, builder.features(reports)):
                self.features[aid] = found
                self.keys[aid] = key

    def evict_before(self, day: int) -> None:
        for aid in [aid for aid, key in self.keys.items() if key is None or key < day]:
            del self.features[aid], self.keys[aid]


@dataclass
class StepResult:
    cleared: int = 0
    upserted: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def _stored_events(conn: sa.Connection, lo: str, hi: str, extra: Iterable[str]) -> dict[str, set[str]]:
    """Stored events with a member dated in [lo, hi] (or in ``extra``): their members."""
    ea, a = t.event_articles, t.articles
    stmt = sa.select(ea.c.event_id).join(a, a.c.id == ea.c.article_id).where(a.c.event_date.between(lo, hi))
    event_ids = set(conn.execute(stmt).scalars())
    for part in chunks(sorted(extra)):
        event_ids.update(conn.execute(sa.select(ea.c.event_id).where(ea.c.article_id.in_(part))).scalars())
    members: dict[str, set[str]] = {}
    for part in chunks(sorted(event_ids)):
        for event_id, article_id in conn.execute(sa.select(ea.c.event_id, ea.c.article_id).where(ea.c.event_id.in_(part))):
            members.setdefault(event_id, set()).add(article_id)
    return members


def _queued(conn: sa.Connection, lo: str, hi: str) -> set[str]:
    p = t.pending_regroup
    return set(conn.execute(sa.select(p.c.article_id).where(p.c.event_date.between(lo, hi))).scalars())


def _to_write(groups: list[list[str]], window: Window, queued: set[str], cut: float,
              events: dict[str, set[str]]) -> tuple[list[int], set[str]]:
    """The final groups with a queued report, closed over the stored events they
    replace; and those events."""
    group_of = {aid: g for g, members in enumerate(groups) for aid in members}
    event_of = {aid: event_id for event_id, members in events.items() for aid in members}
    todo = [g for g, members in enumerate(groups)
            if any(aid in queued for aid in members)
            and max((window.keys[aid] for aid in members if window.keys[aid] is not None), default=-math.inf) <= cut]
    chosen, replaced = set(todo), set()
    while todo:
        for aid in groups[todo.pop()]:
            event_id = event_of.get(aid)
            if event_id is None or event_id in replaced:
                continue
            replaced.add(event_id)
            for other in events[event_id]:
                g = group_of[other]  # every member was pulled into the window
                if g not in chosen:
                    chosen.add(g)
                    todo.append(g)
    return sorted(chosen), replaced


def _reports(conn: sa.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    a = t.articles
    found: dict[str, dict[str, Any]] = {}
    for part in chunks(sorted(ids)):
        for aid, report, text in conn.execute(sa.select(a.c.id, a.c.report, a.c.text).where(a.c.id.in_(part))):
            found[aid] = {**report, "text": text}
    return found


def _write(conn: sa.Connection, builder: EventBuilder, groups: list[tuple[list[str], list[int]]],
           replaced: set[str]) -> list[str]:
    """Replace the ``replaced`` events by the events of ``groups`` (ids and stories of
    their members, sorted by id); returns the written event ids."""
    delete_events(conn, replaced)
    written: list[str] = []
    start = 0
    while start < len(groups):
        end, size = start, 0
        while end < len(groups) and (end == start or size + len(groups[end][0]) <= WRITE_BATCH):
            size += len(groups[end][0])
            end += 1
        batch = groups[start:end]
        reports = _reports(conn, [aid for members, _ in batch for aid in members])
        events = [builder.event([reports[aid] for aid in members], stories) for members, stories in batch]
        fresh = {e["id"] for e in events} - replaced
        delete_events(conn, fresh)  # an event of the same id outside the window (stale)
        insert_events(conn, events, set(reports), list(reports.values()))
        written.extend(e["id"] for e in events)
        start = end
    return written


def step(conn: sa.Connection, builder: EventBuilder, window: Window, region: tuple[int, int], first: int,
         last: int, days: int) -> tuple[StepResult, int | None]:
    """Load days ``first``..``last`` of ``region`` into the window, write what became
    final (in the caller's transaction) and slide the window. Returns what was written
    and the earliest day with a queued report still open (None: the region is done)."""
    lock_events(conn)
    window.load(conn, builder, t.articles.c.event_date.between(_iso(first), _iso(last)))
    lo = min((k for k in window.keys.values() if k is not None), default=first)
    outside = [aid for aid, key in window.keys.items() if key is None]
    events = _stored_events(conn, _iso(lo), _iso(last), outside)
    missing = {aid for members in events.values() for aid in members} - window.features.keys() - window.unreadable
    for part in chunks(sorted(missing)):
        window.load(conn, builder, t.articles.c.id.in_(part))
    queued = _queued(conn, _iso(lo), _iso(last))
    for event_id in list(events):  # unreadable members are in no group: events keep only grouped ones
        events[event_id] &= window.features.keys()
    order = sorted(window.features)
    grouped = [([order[i] for i in members], stories)
               for members, stories in builder.group([window.features[aid] for aid in order])]
    cut = last - days if last < region[1] else math.inf
    chosen, replaced = _to_write([m for m, _ in grouped], window, queued, cut, events)
    result = StepResult()
    written = _write(conn, builder, [grouped[g] for g in chosen], replaced)
    result.upserted, result.deleted = written, sorted(replaced - set(written))
    done = {aid for g in chosen for aid in grouped[g][0]} & queued
    done |= window.unreadable & queued
    p = t.pending_regroup
    for part in chunks(sorted(done)):
        conn.execute(p.delete().where(p.c.article_id.in_(part)))
    result.cleared = len(done)
    still = [window.keys[aid] for aid in queued - done if window.keys.get(aid) is not None]
    window.unreadable.clear()
    if last >= region[1]:
        return result, None
    open_from = min(still, default=last + 1)
    window.evict_before(open_from - days)
    return result, open_from


def next_last(first: int, region: tuple[int, int], held: int, stored: dict[int, int], max_reports: int) -> int:
    """The last day to load from ``first`` so the window stays within ``max_reports``
    (at least one day)."""
    last, size = first, held + stored.get(first, 0)
    while last < region[1] and size + stored.get(last + 1, 0) <= max_reports:
        last += 1
        size += stored.get(last, 0)
    return last


Progress = Callable[[int], Any]
