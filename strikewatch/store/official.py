"""Linking Air Force rows (official launched/destroyed counts) to events.

A row covers ``time_start``..``time_end`` (an overnight attack spans two dates). It is
linked to an event on its end date, or on its start date when no event ends that day;
among several events that day, to the one with the most articles. Only events whose
attacker is unknown or in ``OFFICIAL_ATTACKERS`` qualify (the dataset counts attacks
on Ukraine).

Totals: per category (drone, missile), national rows are used when there are any;
otherwise the regional commands' rows are summed. Regional rows beside a national
total are the same weapons counted twice, so they are left out and said so.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from . import schema as t

OFFICIAL_ATTACKERS = frozenset({"russia"})
_COMPARED = (  # (official key, media summary field)
    ("drones_launched", "drones_launched"),
    ("drones_destroyed", "drones_intercepted"),
    ("missiles_launched", "missiles_launched"),
    ("missiles_destroyed", "missiles_intercepted"),
)


def _eligible(attacker: str | None) -> bool:
    return attacker is None or attacker.lower() in OFFICIAL_ATTACKERS


def _choose(candidates: list[Mapping[str, Any]]) -> str:
    best = sorted(candidates, key=lambda e: (-(e["n_articles"] or 0), e["id"]))[0]
    return best["id"]


def link(official: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Pure linking: official row dicts and event dicts (``id, date, attacker,
    n_articles``) to ``{event_id: [rows]}``."""
    by_date: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for event in events:
        if event.get("date") and _eligible(event.get("attacker")):
            by_date[event["date"]].append(event)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in official:
        for day in (row.get("date_end"), row.get("date_start")):
            if day and by_date.get(day):
                out[_choose(by_date[day])].append(dict(row))
                break
    return out


def _official_near(conn: sa.Connection, dates: set[str]) -> list[dict[str, Any]]:
    o = t.official_reports
    stmt = sa.select(o).where(sa.or_(o.c.date_end.in_(dates), o.c.date_start.in_(dates)))
    return [dict(r) for r in conn.execute(stmt).mappings()]


def _events_on(conn: sa.Connection, dates: set[str]) -> list[dict[str, Any]]:
    e = t.events
    stmt = sa.select(e.c.id, e.c.date, e.c.attacker, e.c.n_articles).where(e.c.date.in_(dates))
    return [dict(r) for r in conn.execute(stmt).mappings()]


def linked_rows(conn: sa.Connection, event: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Links of the rows that could belong to one event (looked up by its date)."""
    if not event.get("date"):
        return {}
    near = _official_near(conn, {event["date"]})
    dates = {d for r in near for d in (r["date_start"], r["date_end"]) if d}
    return link(near, _events_on(conn, dates)) if near else {}


def link_all(conn: sa.Connection) -> dict[str, list[dict[str, Any]]]:
    """Links of every stored official row (for exports)."""
    official = [dict(r) for r in conn.execute(sa.select(t.official_reports)).mappings()]
    if not official:
        return {}
    e = t.events
    events = [dict(r) for r in conn.execute(sa.select(e.c.id, e.c.date, e.c.attacker, e.c.n_articles)).mappings()]
    return link(official, events)


def aggregate(official: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Official totals of one event's rows, with notes on what was left out."""
    out: dict[str, Any] = {"drones_launched": None, "drones_destroyed": None,
                           "missiles_launched": None, "missiles_destroyed": None, "notes": [],
                           "rows": [{k: r.get(k) for k in ("id", "time_start", "time_end", "model", "category",
                                                           "target", "national", "launched", "destroyed")}
                                    for r in official]}
    for category, prefix in (("drone", "drones"), ("missile", "missiles")):
        rows = [r for r in official if r.get("category") == category]
        national = [r for r in rows if r.get("national")]
        used = national or rows
        if national and len(national) < len(rows):
            out["notes"].append(f"{len(rows) - len(national)} regional {category} row(s) left out: "
                                "the national total already counts them")
        if used:
            out[f"{prefix}_launched"] = _sum(r.get("launched") for r in used)
            out[f"{prefix}_destroyed"] = _sum(r.get("destroyed") for r in used)
    other = [r["model"] for r in official if r.get("category") not in ("drone", "missile")]
    if other:
        out["notes"].append("not counted as drones or missiles: " + ", ".join(sorted(set(other))))
    return out


def _sum(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def mismatches(summary: Mapping[str, Any], official: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """Official figures that fall outside the media-reported range of the same field."""
    if not official:
        return []
    out = []
    for key, field in _COMPARED:
        value, media = official.get(key), summary.get(field)
        if value is None or not isinstance(media, Mapping):
            continue
        low, high = media.get("low"), media.get("high")
        if (low is not None and value < low) or (high is not None and value > high):
            shown = f"{low if low is not None else '?'}-{high if high is not None else '?'}"
            out.append({"field": field, "official": value, "media": dict(media),
                        "message": f"{field}: media report {shown}, Air Force {value}"})
    return out
