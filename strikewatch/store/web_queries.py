"""Read queries the web layer needs beyond the Store API (owned by the web engineer).

Parameterised SQLAlchemy Core only, over the tables in ``schema.py``; each function
takes a :class:`Store` and opens one connection.

- ``list_events``: ``Store.list_events`` plus a weapon-category filter, paging by id.
- ``weapon_event_ids``: events whose reports name a weapon category for the main attack.
- ``period_stats``: attacks, launched/intercepted, killed, injured per day/week/month
  (the Store's ``stats`` has no interception figures).
- ``chart_rows`` / ``place_points``: best figures and struck places of the newest
  events matching the filters (plus a weapon category), for the overview's chart and
  map, without loading whole event records.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..models import RANGE_FIELDS
from . import schema as t
# The Store's own filter clauses and row shapes, so both layers filter and answer alike.
from .queries import _brief, _places_by_event, _where
from .types import EventFilter

if TYPE_CHECKING:
    from .store import Store

STAT_FIELDS = ("drones_launched", "drones_intercepted", "missiles_launched", "missiles_intercepted",
               "killed", "injured")


def weapon_event_ids(store: "Store", category: str) -> set[str]:
    """Ids of events with at least one main-attack fact of weapon ``category``."""
    query = (
        sa.select(t.event_articles.c.event_id).distinct()
        .join(t.facts, t.facts.c.article_id == t.event_articles.c.article_id)
        .where(t.facts.c.weapon == category, t.facts.c.attack == "main")
    )
    with store.engine.connect() as conn:
        return {row[0] for row in conn.execute(query)}


def period_key(date: str, period: str) -> str:
    """``2026-07-14`` -> day ``2026-07-14``, week ``2026-W29`` (ISO), month ``2026-07``."""
    if period == "month":
        return date[:7]
    if period == "week":
        year, week, _ = dt.date.fromisoformat(date[:10]).isocalendar()
        return f"{year}-W{week:02d}"
    return date[:10]


def period_stats(store: "Store", period: str, date_from: str | None = None,
                 date_to: str | None = None) -> list[dict[str, Any]]:
    """Totals of best figures per period, oldest first; unknown figures count as 0.
    The database sums per day; days are then folded into weeks or months."""
    e = t.events
    sums = [sa.func.sum(e.c[f"{name}_best"]) for name in STAT_FIELDS]
    query = sa.select(e.c.date, sa.func.count(), *sums).where(e.c.date.is_not(None))
    if date_from:
        query = query.where(e.c.date >= date_from)
    if date_to:
        query = query.where(e.c.date <= date_to)
    rows: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for day, attacks, *values in conn.execute(query.group_by(e.c.date).order_by(e.c.date)):
            key = period_key(day, period)
            bucket = rows.setdefault(key, {"period": key, "attacks": 0, **{f: 0 for f in STAT_FIELDS}})
            bucket["attacks"] += attacks
            for name, value in zip(STAT_FIELDS, values):
                bucket[name] += int(value or 0)
    return list(rows.values())


def _weapon_clause(category: str) -> sa.ColumnElement[bool]:
    ea, fc = t.event_articles, t.facts
    return sa.exists().where(ea.c.event_id == t.events.c.id, fc.c.article_id == ea.c.article_id,
                             fc.c.weapon == category, fc.c.attack == "main")


def _clauses(f: EventFilter, weapon: str | None) -> list[sa.ColumnElement[bool]]:
    """The Store's filter clauses plus the weapon category."""
    return _where(f) + ([_weapon_clause(weapon)] if weapon else [])


def _recent_ids(f: EventFilter, weapon: str | None, limit: int, offset: int = 0) -> sa.Select:
    """Ids of the newest matching events (undated last), as a subquery. Sorting ids
    alone lets the date index do the work; whole rows are fetched for one page only."""
    e = t.events
    return (sa.select(e.c.id).where(*_clauses(f, weapon))
            .order_by(e.c.date.desc().nulls_last(), e.c.id).limit(limit).offset(offset))


def list_events(store: "Store", f: EventFilter, weapon: str | None, limit: int,
                offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of matching events in the shape of ``Store.list_events``, and how many
    match. Adds the weapon filter, and pages by id first (constant cost per page)."""
    e = t.events
    with store.engine.connect() as conn:
        ids = list(conn.execute(_recent_ids(f, weapon, limit, offset)).scalars())
        rows = {r["id"]: r for r in conn.execute(sa.select(e).where(e.c.id.in_(ids))).mappings()} if ids else {}
        places = _places_by_event(conn, ids)
        total = conn.execute(sa.select(sa.func.count()).select_from(e).where(*_clauses(f, weapon))).scalar_one()
    return [_brief(rows[i], places.get(i, [])) for i in ids], total


def chart_rows(store: "Store", f: EventFilter, weapon: str | None, limit: int) -> list[dict[str, Any]]:
    """Best figures of the newest ``limit`` matching events, oldest first, with their
    place names: ``{"id","date","label",<field>: best}``."""
    e, ep = t.events, t.event_places
    cols = [e.c.id, e.c.date] + [e.c[f"{name}_best"] for name in RANGE_FIELDS]
    query = sa.select(*cols).where(e.c.id.in_(_recent_ids(f, weapon, limit))).order_by(e.c.date, e.c.id)
    with store.engine.connect() as conn:
        rows = [dict(zip(["id", "date", *RANGE_FIELDS], row)) for row in conn.execute(query)]
        names: dict[str, list[str]] = {}
        places = sa.select(ep.c.event_id, ep.c.name).where(ep.c.event_id.in_(_recent_ids(f, weapon, limit)))
        for event_id, name in conn.execute(places.order_by(ep.c.event_id, ep.c.name)):
            names.setdefault(event_id, []).append(name)
    for row in rows:
        row["label"] = f"{row['date'] or '?'} {', '.join(names.get(row['id'], []))}"
    return rows


def place_points(store: "Store", f: EventFilter, weapon: str | None, limit: int) -> list[dict[str, Any]]:
    """Struck places with coordinates over the newest ``limit`` matching events:
    ``{"name","lat","lon","admin1","events","killed","injured","weight"}`` where
    killed/injured add up the best figures of the events that struck the place and
    weight = killed + injured (the map's circle size)."""
    p, e = t.event_places, t.events
    query = (
        sa.select(p.c.name, p.c.lat, p.c.lon, p.c.admin1, e.c.killed_best, e.c.injured_best)
        .join(e, e.c.id == p.c.event_id)
        .where(p.c.event_id.in_(_recent_ids(f, weapon, limit)), p.c.lat.is_not(None), p.c.lon.is_not(None))
    )
    points: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            _add_point(points, row)
    for point in points.values():
        point["weight"] = point["killed"] + point["injured"]
    return sorted(points.values(), key=lambda p: (-p["weight"], p["name"]))


def _add_point(points: dict[str, dict[str, Any]], row: sa.Row) -> None:
    name, lat, lon, admin1, killed, injured = row
    point = points.setdefault(name, {"name": name, "lat": lat, "lon": lon, "admin1": admin1,
                                     "events": 0, "killed": 0, "injured": 0})
    point["events"] += 1
    point["killed"] += killed or 0
    point["injured"] += injured or 0
