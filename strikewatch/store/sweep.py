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
   replace (so no article is left without an event), in parts of at most
   ``WRITE_BATCH`` reports: their full reports are read again to build the event
   records. A part's queue rows go in its transaction, so a killed sweep keeps what it
   finished.
4. Drop the reports more than ``days`` before the earliest queued report still open.

Steps 1-2 only read, without the lock, so other writers wait only while a part is
written. A part first checks, under the lock, that the stored events it replaces still
have the members it planned with; if another writer changed them the step is planned
again (and after ``OPTIMISTIC_TRIES`` stale plans, planned and written under the lock).

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
from .writes import chunks, delete_events, events_of, insert_events, lock_events, reports_of, stored_days

WRITE_BATCH = 2_000  # full reports held at once while building final events


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
class Part:
    """Groups written in one transaction, and the stored events they replace (with the
    members those events had when the step was planned)."""

    groups: list[tuple[list[str], list[int]]] = field(default_factory=list)  # member ids, stories
    replaced: dict[str, frozenset[str]] = field(default_factory=dict)
    queued: list[str] = field(default_factory=list)  # queue rows cleared with it

    @property
    def size(self) -> int:
        return sum(len(members) for members, _ in self.groups)


@dataclass
class Plan:
    parts: list[Part]
    open_from: int | None  # earliest day with a queued report still open (None: region done)


class Stale(Exception):
    """Another writer changed the events a part replaces since the step was planned."""


def _stored_events(conn: sa.Connection, lo: str, hi: str, extra: Iterable[str]) -> dict[str, frozenset[str]]:
    """Stored events with a member dated in [lo, hi] (or in ``extra``): their members."""
    ea, a = t.event_articles, t.articles
    stmt = sa.select(ea.c.event_id).join(a, a.c.id == ea.c.article_id).where(a.c.event_date.between(lo, hi))
    return _members(conn, set(conn.execute(stmt).scalars()) | events_of(conn, set(extra)))


def _members(conn: sa.Connection, event_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    ea = t.event_articles
    found: dict[str, set[str]] = {}
    for part in chunks(sorted(event_ids)):
        for event_id, article_id in conn.execute(sa.select(ea.c.event_id, ea.c.article_id).where(ea.c.event_id.in_(part))):
            found.setdefault(event_id, set()).add(article_id)
    return {event_id: frozenset(members) for event_id, members in found.items()}


def _queued(conn: sa.Connection, lo: str, hi: str) -> set[str]:
    p = t.pending_regroup
    return set(conn.execute(sa.select(p.c.article_id).where(p.c.event_date.between(lo, hi))).scalars())


def _components(groups: list[list[str]], final: list[int], events: dict[str, frozenset[str]]
                ) -> list[tuple[list[int], set[str]]]:
    """The final groups, each with every group that holds a member of a stored event it
    replaces (and so on): (groups, replaced events) that must be written together."""
    group_of = {aid: g for g, members in enumerate(groups) for aid in members}
    event_of = {aid: event_id for event_id, members in events.items() for aid in members}
    seen: set[int] = set()
    found: list[tuple[list[int], set[str]]] = []
    for seed in final:
        if seed in seen:
            continue
        seen.add(seed)
        todo, component, replaced = [seed], [seed], set()
        while todo:
            for aid in groups[todo.pop()]:
                event_id = event_of.get(aid)
                if event_id is None or event_id in replaced:
                    continue
                replaced.add(event_id)
                for other in events[event_id]:
                    g = group_of.get(other)  # every member was pulled into the window
                    if g is not None and g not in seen:
                        seen.add(g)
                        component.append(g)
                        todo.append(g)
        found.append((sorted(component), replaced))
    return found


def plan(conn: sa.Connection, builder: EventBuilder, window: Window, region: tuple[int, int], last: int,
         days: int) -> Plan:
    """Group the window (days loaded up to ``last``) and cut what became final into
    parts of at most ``WRITE_BATCH`` reports. Reads only."""
    lo = min((k for k in window.keys.values() if k is not None), default=last)
    outside = [aid for aid, key in window.keys.items() if key is None]
    events = _stored_events(conn, _iso(lo), _iso(last), outside)
    missing = {aid for members in events.values() for aid in members} - window.features.keys()
    for part in chunks(sorted(missing)):
        window.load(conn, builder, t.articles.c.id.in_(part))
    queued = _queued(conn, _iso(lo), _iso(last))
    order = sorted(window.features)
    grouped = [([order[i] for i in members], stories)
               for members, stories in builder.group([window.features[aid] for aid in order])]
    cut = last - days if last < region[1] else math.inf
    final = [g for g, (members, _) in enumerate(grouped)
             if any(aid in queued for aid in members)
             and max((window.keys[aid] for aid in members if window.keys[aid] is not None), default=-math.inf) <= cut]
    parts: list[Part] = [Part(queued=sorted(window.unreadable & queued))]
    for component, replaced in _components([m for m, _ in grouped], final, events):
        if parts[-1].groups and parts[-1].size + sum(len(grouped[g][0]) for g in component) > WRITE_BATCH:
            parts.append(Part())
        part = parts[-1]
        part.groups.extend(grouped[g] for g in component)
        part.replaced.update((event_id, events[event_id]) for event_id in replaced)
        part.queued.extend(aid for g in component for aid in grouped[g][0] if aid in queued)
    done = {aid for part in parts for aid in part.queued}
    still = [window.keys[aid] for aid in queued - done if window.keys.get(aid) is not None]
    open_from = None if last >= region[1] else min(still, default=last + 1)
    return Plan([part for part in parts if part.groups or part.queued], open_from)


def write(conn: sa.Connection, builder: EventBuilder, part: Part) -> tuple[list[str], list[str]]:
    """Replace the part's stored events by the events of its groups and clear its queue
    rows, in the caller's transaction; raises Stale (writing nothing) when another
    writer changed those events since the plan. Returns (events written, deleted)."""
    lock_events(conn)
    members = {aid for group, _ in part.groups for aid in group}
    if _members(conn, events_of(conn, members) | set(part.replaced)) != part.replaced:
        raise Stale
    delete_events(conn, set(part.replaced))
    reports = reports_of(conn, members)
    by_id = {r["id"]: r for r in reports}
    events = [builder.event([by_id[aid] for aid in group], stories) for group, stories in part.groups]
    written = [e["id"] for e in events]
    delete_events(conn, set(written) - set(part.replaced))  # an event of the same id outside the window (stale)
    insert_events(conn, events, members, reports)
    p = t.pending_regroup
    for chunk in chunks(part.queued):
        conn.execute(p.delete().where(p.c.article_id.in_(chunk)))
    return written, sorted(set(part.replaced) - set(written))


OPTIMISTIC_TRIES = 3  # then the step is planned and written holding the lock


def sweep_region(engine: sa.Engine, builder: EventBuilder, region: tuple[int, int], max_reports: int, days: int,
                 report: Callable[[int, list[str], list[str]], Any]) -> None:
    """Group the queued articles of one region, step by step. Each part is its own
    transaction; planning only reads, so other writers wait only while a part is
    written. ``report(cleared, written, deleted)`` is called after each part."""
    with engine.connect() as conn:
        stored = stored_days(conn, *region)
    window, first = Window(), region[0]
    while True:
        last = next_last(first, region, len(window.features), stored, max_reports)
        with engine.connect() as conn:
            window.load(conn, builder, t.articles.c.event_date.between(_iso(first), _iso(last)))
        open_from = _step(engine, builder, window, region, last, days, report)
        if open_from is None:
            return
        window.evict_before(open_from - days)
        first = last + 1


def _step(engine: sa.Engine, builder: EventBuilder, window: Window, region: tuple[int, int], last: int,
          days: int, report: Callable[[int, list[str], list[str]], Any]) -> int | None:
    for _ in range(OPTIMISTIC_TRIES):
        with engine.connect() as conn:
            planned = plan(conn, builder, window, region, last, days)
        try:
            for part in planned.parts:
                with engine.begin() as conn:
                    report(len(part.queued), *write(conn, builder, part))
            break
        except Stale:
            continue  # replan: what was written is no longer queued
    else:
        with engine.begin() as conn:  # contended: plan and write under the lock
            lock_events(conn)
            planned = plan(conn, builder, window, region, last, days)
            for part in planned.parts:
                report(len(part.queued), *write(conn, builder, part))
    window.unreadable.clear()
    return planned.open_from


def next_last(first: int, region: tuple[int, int], held: int, stored: dict[int, int], max_reports: int) -> int:
    """The last day to load from ``first`` so the window stays within ``max_reports``
    (at least one day)."""
    last, size = first, held + stored.get(first, 0)
    while last < region[1] and size + stored.get(last + 1, 0) <= max_reports:
        last += 1
        size += stored.get(last, 0)
    return last
