"""All writes of the ledger. Each function runs inside the caller's transaction."""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa

from ..ingest.identity import normalise_text
from ..models import Article
from . import rows
from . import schema as t
from .types import BatchResult, EventBuilder

log = logging.getLogger(__name__)

_CHUNK = 500


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def text_hash(article: Article) -> str:
    """Identity of an article's content: hash of its normalised body (title when empty)."""
    basis = normalise_text(article.text) or normalise_text(article.title)
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()


def chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _lookup(conn: sa.Connection, column: sa.Column, values: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in chunks(sorted(values)):
        stmt = sa.select(column, t.articles.c.id).where(column.in_(part))
        found.update({key: aid for key, aid in conn.execute(stmt)})
    return found


def find_duplicates(conn: sa.Connection, articles: Sequence[Article],
                    hashes: Sequence[str] | None = None) -> dict[int, str]:
    hashes = hashes if hashes is not None else [text_hash(a) for a in articles]
    by_hash = _lookup(conn, t.articles.c.text_hash, set(hashes))
    by_url = _lookup(conn, t.articles.c.url, {a.url for a in articles if a.url})
    dupes: dict[int, str] = {}
    for i, (article, digest) in enumerate(zip(articles, hashes)):
        existing = (article.url and by_url.get(article.url)) or by_hash.get(digest)
        if existing:
            dupes[i] = existing
            continue
        by_hash[digest] = article.id  # a repeat later in the same batch
        if article.url:
            by_url[article.url] = article.id
    return dupes


def find_url(conn: sa.Connection, url: str) -> str | None:
    return conn.execute(sa.select(t.articles.c.id).where(t.articles.c.url == url)).scalar()


def _taken_ids(conn: sa.Connection, candidates: set[str]) -> set[str]:
    """Which of ``candidates`` are already article ids (one query per 500, not per article)."""
    return set(_lookup(conn, t.articles.c.id, candidates))


def _free_id(candidate: str, digest: str, taken: set[str]) -> str:
    """The article's own id, or a suffixed one when another text already uses it."""
    return candidate if candidate not in taken else f"{candidate}-{digest[:8]}"


def _insert_articles(
    conn: sa.Connection, articles: Sequence[Article], reports: Sequence[dict[str, Any] | None], origin: str | None,
    hashes: Sequence[str] | None = None,
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    hashes = hashes if hashes is not None else [text_hash(a) for a in articles]
    dupes = find_duplicates(conn, articles, hashes)
    wanted = {a.id or "a" + h[:15] for i, (a, h) in enumerate(zip(articles, hashes)) if i not in dupes}
    taken = _taken_ids(conn, wanted)
    stamp, new_rows, fact_rows, stored = now(), [], [], []
    for i, (article, report) in enumerate(zip(articles, reports)):
        if i in dupes:
            continue
        digest = hashes[i]
        aid = _free_id(article.id or "a" + digest[:15], digest, taken)
        taken.add(aid)
        if report is not None:
            report = {**report, "id": aid}
        new_rows.append(rows.article_row(article, aid, digest, report, origin, stamp))
        fact_rows.extend(rows.fact_rows(aid, report))
        stored.append({"id": aid, "event_date": new_rows[-1]["event_date"]})
    if new_rows:
        conn.execute(t.articles.insert(), new_rows)
    if fact_rows:
        conn.execute(t.facts.insert(), fact_rows)
    duplicates = [(articles[i].source or articles[i].id, existing) for i, existing in dupes.items()]
    return stored, duplicates


def add_batch(
    conn: sa.Connection,
    articles: Sequence[Article],
    reports: Sequence[dict[str, Any] | None],
    origin: str | None,
    builder: EventBuilder | None,
    window_days: int,
    defer: bool = False,
    hashes: Sequence[str] | None = None,
) -> BatchResult:
    """Store a batch; then regroup its events now, or (``defer``) queue its articles in
    ``pending_regroup`` for ``Store.regroup_pending``, in the same transaction.
    ``hashes`` are the articles' :func:`text_hash` when the caller has them already."""
    if len(articles) != len(reports):
        raise ValueError("one report (or None) per article")
    stored, duplicates = _insert_articles(conn, articles, reports, origin, hashes)
    result = BatchResult(new=[s["id"] for s in stored], duplicates=duplicates)
    if defer and stored:
        conn.execute(t.pending_regroup.insert(), [{"article_id": s["id"], "event_date": s["event_date"]} for s in stored])
    elif builder is not None and stored:
        lock_events(conn)
        upserted, deleted = _regroup(conn, stored, builder, window_days)
        result.events_upserted, result.events_deleted = upserted, deleted
    return result


# PostgreSQL advisory lock key ("SWEV") that serialises event rewrites across writers.
_EVENTS_LOCK = 0x53574556


def lock_events(conn: sa.Connection) -> None:
    """Serialise event rewrites: two writers regrouping overlapping windows at once
    would each miss the other's articles. Held until the transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_EVENTS_LOCK)))
    else:  # SQLite: a write that matches no row still takes the database's write lock
        conn.execute(t.pending_regroup.update().where(sa.false()).values(event_date=None))


def pending_count(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(t.pending_regroup)).scalar_one()


def queue_all(conn: sa.Connection) -> None:
    """Queue every stored article for regrouping (``regroup_all``)."""
    a, p = t.articles, t.pending_regroup
    conn.execute(p.delete())
    conn.execute(p.insert().from_select(["article_id", "event_date"], sa.select(a.c.id, a.c.event_date)))


def queued_days(conn: sa.Connection) -> tuple[dict[int, int], int]:
    """Queued articles per event date (as an ordinal), and how many have no date."""
    p = t.pending_regroup
    found = dict(conn.execute(sa.select(p.c.event_date, sa.func.count()).group_by(p.c.event_date)).all())
    undated = found.pop(None, 0)
    return {date.fromisoformat(d).toordinal(): n for d, n in found.items()}, undated


def stored_days(conn: sa.Connection, first: int, last: int) -> dict[int, int]:
    """Stored articles per event date (ordinal) between two ordinals."""
    a = t.articles
    stmt = (sa.select(a.c.event_date, sa.func.count())
            .where(a.c.event_date.between(date.fromordinal(first).isoformat(), date.fromordinal(last).isoformat()))
            .group_by(a.c.event_date))
    return {date.fromisoformat(d).toordinal(): n for d, n in conn.execute(stmt).all()}


def regroup_undated(conn: sa.Connection, builder: EventBuilder, window_days: int, limit: int
                    ) -> tuple[list[str], list[str], int]:
    """Regroup up to ``limit`` queued articles without a date (with the other members
    of their events) and clear them from the queue, in the caller's transaction.
    Returns (events written, events deleted, articles cleared)."""
    lock_events(conn)  # before reading the queue: a concurrent writer may have cleared it
    p = t.pending_regroup
    stmt = sa.select(p.c.article_id, p.c.event_date).where(p.c.event_date.is_(None)).order_by(p.c.article_id).limit(limit)
    stored = [{"id": aid, "event_date": day} for aid, day in conn.execute(stmt)]
    if not stored:
        return [], [], 0
    upserted, deleted = _regroup(conn, stored, builder, window_days)
    for part in chunks(sorted(s["id"] for s in stored)):
        conn.execute(p.delete().where(p.c.article_id.in_(part)))
    return upserted, deleted, len(stored)


def regions(days_queued: Iterable[int], days: int) -> list[tuple[int, int]]:
    """Merge [d - days, d + days] around each day (ordinals) into (first, last) runs."""
    found: list[list[int]] = []
    for day in sorted(set(days_queued)):
        if found and day - days <= found[-1][1] + 1:
            found[-1][1] = day + days
        else:
            found.append([day - days, day + days])
    return [(lo, hi) for lo, hi in found]


def _date_windows(dates: Iterable[str], days: int) -> list[tuple[str, str]]:
    """:func:`regions` of ISO dates, as (from, to) ISO pairs."""
    runs = regions((date.fromisoformat(d).toordinal() for d in dates), days)
    return [(date.fromordinal(lo).isoformat(), date.fromordinal(hi).isoformat()) for lo, hi in runs]


def _ids_in_windows(conn: sa.Connection, windows: list[tuple[str, str]]) -> set[str]:
    ids: set[str] = set()
    col = t.articles.c.event_date
    for lo, hi in windows:
        ids.update(conn.execute(sa.select(t.articles.c.id).where(col >= lo, col <= hi)).scalars())
    return ids


def events_of(conn: sa.Connection, article_ids: set[str]) -> set[str]:
    found: set[str] = set()
    ea = t.event_articles
    for part in chunks(sorted(article_ids)):
        found.update(conn.execute(sa.select(ea.c.event_id).where(ea.c.article_id.in_(part))).scalars())
    return found


def _articles_of(conn: sa.Connection, event_ids: set[str]) -> set[str]:
    found: set[str] = set()
    ea = t.event_articles
    for part in chunks(sorted(event_ids)):
        found.update(conn.execute(sa.select(ea.c.article_id).where(ea.c.event_id.in_(part))).scalars())
    return found


def reports_of(conn: sa.Connection, article_ids: set[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    a = t.articles
    for part in chunks(sorted(article_ids)):
        stmt = sa.select(a.c.report, a.c.text).where(a.c.id.in_(part), a.c.report.is_not(None)).order_by(a.c.id)
        out.extend({**report, "text": text} for report, text in conn.execute(stmt) if report)
    return out


def build_all(builder: EventBuilder, reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every event of ``reports`` (sorted by id, as ``_reports_of`` returns them)."""
    groups = builder.group(builder.features(reports))
    return [builder.event([reports[i] for i in members], stories) for members, stories in groups]


def _regroup(
    conn: sa.Connection, stored: list[dict[str, Any]], builder: EventBuilder, days: int
) -> tuple[list[str], list[str]]:
    """Regroup the reports near the new ones (and every article of the events they
    belong to); replace exactly the events those articles were in."""
    dated = [s["event_date"] for s in stored if s["event_date"]]
    ids = _ids_in_windows(conn, _date_windows(dated, days)) | {s["id"] for s in stored}
    old_events = events_of(conn, ids)
    ids |= _articles_of(conn, old_events)
    old_events |= events_of(conn, ids)
    reports = reports_of(conn, ids)
    events = build_all(builder, reports)
    new_ids = [e["id"] for e in events]
    delete_events(conn, old_events | set(new_ids))
    insert_events(conn, events, ids, reports)
    return new_ids, sorted(old_events - set(new_ids))


def delete_events(conn: sa.Connection, event_ids: set[str]) -> None:
    for part in chunks(sorted(event_ids)):
        for table in (t.event_places, t.event_articles):
            conn.execute(table.delete().where(table.c.event_id.in_(part)))
        conn.execute(t.events.delete().where(t.events.c.id.in_(part)))


def insert_events(
    conn: sa.Connection, events: list[dict[str, Any]], article_ids: set[str], reports: list[dict[str, Any]]
) -> None:
    if not events:
        return
    details = rows.place_details(reports)
    stamp = now()
    event_rows, links, places = [], [], []
    for event in events:
        event_rows.append(rows.event_row(event, stamp))
        members = sorted(set(rows.member_ids(event)) & article_ids)
        links.extend({"event_id": event["id"], "article_id": aid} for aid in members)
        places.extend(rows.event_place_rows(event, details))
    conn.execute(t.events.insert(), event_rows)
    if links:
        conn.execute(t.event_articles.insert(), links)
    if places:
        conn.execute(t.event_places.insert(), places)


def _upsert(conn: sa.Connection) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def record_source(conn: sa.Connection, name: str, kind: str, new: int, duplicate: int, failed: int) -> None:
    """Add to a source's counters; one atomic upsert, so concurrent writers do not clash."""
    s = t.sources
    stmt = _upsert(conn)(s).values(name=name, kind=kind, last_ingest_at=now(), articles_new=new,
                                   articles_duplicate=duplicate, items_failed=failed)
    conn.execute(stmt.on_conflict_do_update(index_elements=[s.c.name], set_={
        "kind": stmt.excluded.kind, "last_ingest_at": stmt.excluded.last_ingest_at,
        "articles_new": s.c.articles_new + stmt.excluded.articles_new,
        "articles_duplicate": s.c.articles_duplicate + stmt.excluded.articles_duplicate,
        "items_failed": s.c.items_failed + stmt.excluded.items_failed,
    }))


def record_failures(conn: sa.Connection, failures: list[tuple[str, str, str]]) -> None:
    if failures:
        stamp = now()
        conn.execute(t.failures.insert(), [
            {"item": item[:2000], "code": code, "message": message[:2000], "at": stamp}
            for item, code, message in failures
        ])


def add_official(conn: sa.Connection, official: Sequence[dict[str, Any]]) -> tuple[int, int]:
    ids = [r["id"] for r in official]
    known: set[str] = set()
    for part in chunks(sorted(set(ids))):
        known.update(conn.execute(sa.select(t.official_reports.c.id).where(t.official_reports.c.id.in_(part))).scalars())
    stamp, fresh, seen = now(), [], set(known)
    for row in official:
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        fresh.append({**{c: row.get(c) for c in rows.OFFICIAL_COLUMNS}, "imported_at": stamp})
    if fresh:
        conn.execute(t.official_reports.insert(), fresh)
    return len(fresh), len(official) - len(fresh)
