"""Read queries the web layer needs beyond the Store API (owned by the web engineer).

Parameterised SQLAlchemy Core only, over the tables in ``schema.py``; each function
takes a :class:`Store` and opens one connection.

- ``weapon_event_ids``: events whose reports name a weapon category for the main attack.
- ``period_stats``: attacks, launched/intercepted, killed, injured per day/week/month
  (the Store's ``stats`` has no interception figures).
- ``place_points``: struck places with coordinates and tolls, for the map.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from . import schema as t

if TYPE_CHECKING:
    from .store import Store

STAT_FIELDS = ("drones_launched", "drones_intercepted", "missiles_launched", "missiles_intercepted",
               "killed", "injured")
_CHUNK = 500


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
    """Totals of best figures per period, oldest first; unknown figures count as 0."""
    cols = [t.events.c.date] + [t.events.c[f"{name}_best"] for name in STAT_FIELDS]
    query = sa.select(*cols).where(t.events.c.date.is_not(None)).order_by(t.events.c.date)
    if date_from:
        query = query.where(t.events.c.date >= date_from)
    if date_to:
        query = query.where(t.events.c.date <= date_to)
    rows: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            key = period_key(row[0], period)
            bucket = rows.setdefault(key, {"period": key, "attacks": 0, **{f: 0 for f in STAT_FIELDS}})
            bucket["attacks"] += 1
            for name, value in zip(STAT_FIELDS, row[1:]):
                bucket[name] += value or 0
    return list(rows.values())


def place_points(store: "Store", event_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Per struck place with coordinates, over the given events: ``{"name","lat","lon",
    "admin1","events","killed","injured","weight"}`` (weight = killed + injured)."""
    ids = list(dict.fromkeys(event_ids))
    points: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), _CHUNK):
            for row in conn.execute(_points_query(ids[start:start + _CHUNK])):
                _add_point(points, row)
    for point in points.values():
        point["weight"] = point["killed"] + point["injured"]
    return sorted(points.values(), key=lambda p: (-p["weight"], p["name"]))


def _points_query(ids: list[str]) -> sa.Select:
    p, e = t.event_places, t.events
    return (
        sa.select(p.c.name, p.c.lat, p.c.lon, p.c.admin1, e.c.killed_best, e.c.injured_best, e.c.n_articles)
        .join(e, e.c.id == p.c.event_id)
        .where(p.c.event_id.in_(ids), p.c.lat.is_not(None), p.c.lon.is_not(None))
    )


def _add_point(points: dict[str, dict[str, Any]], row: sa.Row) -> None:
    name, lat, lon, admin1, killed, injured, _ = row
    point = points.setdefault(name, {"name": name, "lat": lat, "lon": lon, "admin1": admin1,
                                     "events": 0, "killed": 0, "injured": 0})
    point["events"] += 1
    point["killed"] += killed or 0
    point["injured"] += injured or 0
