"""All reads of the ledger: parameterised SQLAlchemy Core statements only."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

import sqlalchemy as sa

from ..errors import STORE, StrikewatchError
from . import official, rows
from . import schema as t
from .types import EventFilter

PERIODS = ("day", "week", "month", "year")
_STAT_FIELDS = ("killed", "injured", "drones_launched", "missiles_launched")


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(f: EventFilter) -> list[sa.ColumnElement[bool]]:
    e, ep, ea, a = t.events, t.event_places, t.event_articles, t.articles
    clauses: list[sa.ColumnElement[bool]] = []
    if f.date_from:
        clauses.append(e.c.date >= f.date_from)
    if f.date_to:
        clauses.append(e.c.date <= f.date_to)
    if f.attacker:
        clauses.append(sa.func.lower(e.c.attacker) == f.attacker.lower())
    if f.min_killed is not None:
        clauses.append(e.c.killed_best >= f.min_killed)
    if f.conflicts_only:
        clauses.append(e.c.n_conflicts > 0)
    if f.place:
        clauses.append(sa.exists().where(ep.c.event_id == e.c.id, sa.func.lower(ep.c.name) == f.place.lower()))
    if f.q:
        pattern = _like(f.q)
        in_place = sa.exists().where(ep.c.event_id == e.c.id, sa.func.lower(ep.c.name).like(pattern, escape="\\"))
        in_title = sa.exists().where(ea.c.event_id == e.c.id, ea.c.article_id == a.c.id,
                                     sa.func.lower(a.c.title).like(pattern, escape="\\"))
        clauses.append(sa.or_(in_place, in_title))
    return clauses


def _places_by_event(conn: sa.Connection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not event_ids:
        return out
    ep = t.event_places
    stmt = sa.select(ep).where(ep.c.event_id.in_(event_ids)).order_by(ep.c.event_id, ep.c.name)
    for row in conn.execute(stmt).mappings():
        out[row["event_id"]].append({k: row[k] for k in ("name", "admin1", "country", "level", "lat", "lon")})
    return out


def _brief(row: Any, places: list[dict[str, Any]]) -> dict[str, Any]:
    ordered = [p for p in (row["data"].get("places") or [])]
    names = [rows.place_name(p) for p in ordered] or [p["name"] for p in places]
    return {"id": row["id"], "date": row["date"], "attacker": row["attacker"], "places": names,
            "n_articles": row["n_articles"], "n_conflicts": row["n_conflicts"],
            "summary": rows.summary_from_row(row)}


def list_events(conn: sa.Connection, f: EventFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    e = t.events
    stmt = (sa.select(e).where(*_where(f))
            .order_by(e.c.date.desc().nulls_last(), e.c.id)  # index-friendly; undated events last
            .limit(max(0, min(limit, 10_000))).offset(max(0, offset)))
    found = list(conn.execute(stmt).mappings())
    places = _places_by_event(conn, [r["id"] for r in found])
    return [_brief(r, places.get(r["id"], [])) for r in found]


def count_events(conn: sa.Connection, f: EventFilter) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(t.events).where(*_where(f))).scalar_one()


def _articles_by_event(conn: sa.Connection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Member articles (no text) of each event, by publication time."""
    a, ea = t.articles, t.event_articles
    stmt = (sa.select(ea.c.event_id, a.c.id, a.c.title, a.c.url, a.c.outlet, a.c.published)
            .join(ea, ea.c.article_id == a.c.id).where(ea.c.event_id.in_(event_ids))
            .order_by(ea.c.event_id, a.c.published, a.c.id))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(stmt).mappings():
        out[row["event_id"]].append({k: row[k] for k in ("id", "title", "url", "outlet", "published")})
    return out


def _full(row: Any, articles: list[dict[str, Any]], places: list[dict[str, Any]],
          linked: list[dict[str, Any]]) -> dict[str, Any]:
    event = dict(row["data"])
    event["article_ids"] = rows.member_ids(event)
    event["articles"] = articles
    event["place_details"] = places
    event["official"] = official.aggregate(linked) if linked else None
    event["official_mismatches"] = official.mismatches(event.get("summary") or {}, event["official"])
    return event


def get_event(conn: sa.Connection, event_id: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(t.events).where(t.events.c.id == event_id)).mappings().first()
    if row is None:
        return None
    linked = official.linked_rows(conn, row).get(event_id, [])
    places = _places_by_event(conn, [event_id]).get(event_id, [])
    return _full(row, _articles_by_event(conn, [event_id]).get(event_id, []), places, linked)


def iter_events(conn: sa.Connection, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Full events, oldest first; rows are read 500 at a time so memory stays flat."""
    e = t.events
    ids = list(conn.execute(sa.select(e.c.id).where(*_where(f)).order_by(e.c.date, e.c.id)).scalars())
    links = official.link_all(conn)
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        by_id = {r["id"]: r for r in conn.execute(sa.select(e).where(e.c.id.in_(part))).mappings()}
        places, members = _places_by_event(conn, part), _articles_by_event(conn, part)
        for event_id in part:
            yield _full(by_id[event_id], members.get(event_id, []), places.get(event_id, []),
                        links.get(event_id, []))


def get_article(conn: sa.Connection, article_id: str) -> dict[str, Any] | None:
    a = t.articles
    row = conn.execute(sa.select(a).where(a.c.id == article_id)).mappings().first()
    if row is None:
        return None
    article = {k: row[k] for k in (*rows.ARTICLE_FIELDS, "text", "report")}
    stmt = sa.select(t.facts).where(t.facts.c.article_id == article_id).order_by(t.facts.c.start, t.facts.c.fact_id)
    article["facts"] = [rows.fact_dict(f) for f in conn.execute(stmt).mappings()]
    ea = t.event_articles
    article["event_ids"] = list(conn.execute(sa.select(ea.c.event_id).where(ea.c.article_id == article_id)).scalars())
    return article


def list_articles(conn: sa.Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    a, fc = t.articles, t.facts
    n_facts = sa.select(sa.func.count()).where(fc.c.article_id == a.c.id).scalar_subquery()
    stmt = (sa.select(a.c.id, a.c.title, a.c.url, a.c.outlet, a.c.published, a.c.event_date,
                      a.c.ingested_at, n_facts.label("n_facts"))
            .order_by(a.c.ingested_at.desc(), a.c.id).limit(max(0, min(limit, 10_000))).offset(max(0, offset)))
    return [dict(r) for r in conn.execute(stmt).mappings()]


def iter_articles(conn: sa.Connection) -> Iterator[dict[str, Any]]:
    a = t.articles
    cols = [a.c[k] for k in (*rows.ARTICLE_FIELDS, "text")]
    for row in conn.execution_options(yield_per=500).execute(sa.select(*cols).order_by(a.c.id)).mappings():
        yield dict(row)


def iter_facts(conn: sa.Connection) -> Iterator[dict[str, Any]]:
    fc = t.facts
    stmt = sa.select(fc).order_by(fc.c.article_id, fc.c.start, fc.c.fact_id)
    for row in conn.execution_options(yield_per=1000).execute(stmt).mappings():
        yield rows.fact_dict(row)


def iter_reports(conn: sa.Connection) -> Iterator[dict[str, Any]]:
    a = t.articles
    stmt = sa.select(a.c.report).where(a.c.report.is_not(None)).order_by(a.c.id)
    for report in conn.execution_options(yield_per=500).execute(stmt).scalars():
        if report:
            yield report


def period_key(day: str, period: str) -> str:
    d = date.fromisoformat(day)
    if period == "day":
        return d.isoformat()
    if period == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    return d.isoformat()[:7] if period == "month" else d.isoformat()[:4]


def stats(conn: sa.Connection, period: str) -> list[dict[str, Any]]:
    if period not in PERIODS:
        raise StrikewatchError(STORE, f"period must be one of {', '.join(PERIODS)}", period)
    e = t.events
    cols = [e.c.date, e.c.n_articles, *(e.c[f"{name}_best"] for name in _STAT_FIELDS)]
    buckets: dict[str, dict[str, Any]] = {}
    for row in conn.execute(sa.select(*cols).where(e.c.date.is_not(None))).mappings():
        key = period_key(row["date"], period)
        bucket = buckets.setdefault(key, {"period": key, "events": 0, "articles": 0, **{n: 0 for n in _STAT_FIELDS}})
        bucket["events"] += 1
        bucket["articles"] += row["n_articles"]
        for name in _STAT_FIELDS:
            bucket[name] += row[f"{name}_best"] or 0
    return [buckets[k] for k in sorted(buckets)]


def status(conn: sa.Connection) -> dict[str, Any]:
    def count(table: sa.Table) -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()

    counts = {name: count(table) for name, table in (
        ("articles", t.articles), ("facts", t.facts), ("events", t.events),
        ("official_reports", t.official_reports), ("failures", t.failures))}
    s, a = t.sources, t.articles
    stored = dict(conn.execute(sa.select(a.c.origin, sa.func.count()).group_by(a.c.origin)).all())
    sources = []
    for row in conn.execute(sa.select(s).order_by(s.c.last_ingest_at.desc(), s.c.name)).mappings():
        # counted from the articles themselves: exact even after a crash between commits
        sources.append({**row, "articles_new": stored.get(row["name"], 0)})
    last = conn.execute(sa.select(sa.func.max(t.articles.c.ingested_at))).scalar()
    pending = count(t.pending_regroup)
    return {"counts": counts, "sources": sources, "last_ingest_at": last, "pending_regroup": pending}
