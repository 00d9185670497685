"""The ``Store``: one object over one database, with a small query API.

Readers (web API, exports, CLI) use ``list_events``/``get_event``/``get_article``/
``stats``/``status``/``iter_*``; the ingest pipeline uses ``add_batch``. Every write
happens in one transaction per call, so a killed process loses at most the batch
it was writing.
"""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import orjson
import sqlalchemy as sa

from ..errors import MISSING_EXTRA, STORE, StrikewatchError
from ..gcpause import cyclic_gc_paused
from ..models import Article
from . import queries, sweep, writes
from . import schema as t
from .migrate import upgrade
from .types import BatchResult, EventBuilder, EventFilter, RegroupResult

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///strikewatch.db"
# Most stored reports whose grouping features the sweep holds at once (~1 KB each):
# at ~1,000 reports a day the window is some 50 days, so the +-2-day margin each step
# groups again is under a tenth of the work.
SWEEP_REPORTS = 50_000
# Most undated queued articles regrouped in one transaction (whole reports, ~40 KB each).
REGROUP_SPAN = 6_000


def default_url() -> str:
    """``$STRIKEWATCH_DB`` when set, else ``sqlite:///strikewatch.db`` (current folder)."""
    return os.environ.get("STRIKEWATCH_DB") or DEFAULT_URL


def _normalise_url(url: str) -> str:
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if "://" not in url:  # a bare path means an SQLite file
        url = "sqlite:///" + url
    return url


def dump_json(value: Any) -> str:
    """The JSON columns' encoder: orjson, about 5x faster than ``json.dumps`` on the
    reports and events an ingest writes (0.12 s against 0.60 s for 2,000 articles),
    with ``json`` for what orjson refuses (integers beyond 64 bits)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False)


def load_json(text: str | bytes) -> Any:
    """The JSON columns' decoder: orjson (2-3x faster) for what orjson wrote, ``json``
    for the rest. orjson reads an integer beyond 64 bits as a float, but it never wrote
    one (:func:`dump_json` hands those to ``json``), so only text written by ``json``
    (by the fallback, by PostgreSQL's JSONB, or before orjson was used) can hold one."""
    if isinstance(text, bytes):
        text = text.decode()
    return json.loads(text) if _written_by_json(text) else orjson.loads(text)


def _written_by_json(text: str) -> bool:
    """Whether ``text`` may not be orjson's: orjson writes a dict as ``{"key":value``,
    ``json`` (and JSONB) as ``{"key": value``. Anything but a non-empty dict counts
    as not orjson's (the columns hold dicts)."""
    if not text.startswith('{"'):
        return True
    end = 2
    while True:  # the closing quote of the first key (skipping escaped quotes)
        end = text.find('"', end)
        if end < 0:
            return True
        backslashes = 0
        while text[end - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            break
        end += 1
    return text.startswith(": ", end + 1)


def _make_engine(url: str) -> sa.Engine:
    url = _normalise_url(url)
    try:
        engine = sa.create_engine(url, future=True, json_serializer=dump_json, json_deserializer=load_json)
    except ModuleNotFoundError as err:
        raise StrikewatchError(
            MISSING_EXTRA, f"{err.name} is not installed: pip install 'strikewatch[postgres]'", url
        ) from err
    except sa.exc.ArgumentError as err:
        raise StrikewatchError(STORE, f"bad database URL: {err}", url) from err
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def open_store(url: str | None = None, migrate: bool = True) -> "Store":
    """Open (and create or migrate, unless ``migrate=False``) the ledger at ``url``.

    ``url`` is an SQLAlchemy URL (``sqlite:///path.db``, ``postgresql://user@host/db``),
    a bare file path (SQLite), or None for :func:`default_url`. Raises StrikewatchError
    (SW301 unreachable/bad URL, SW501 missing driver)."""
    url = url or default_url()
    engine = _make_engine(url)
    try:
        if migrate:
            upgrade(engine)
        else:
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as err:
        engine.dispose()
        raise StrikewatchError(STORE, f"cannot open database: {err.orig}", url) from err
    return Store(engine)


class Store:
    """The ledger over one SQLAlchemy engine. Thread-safe for reads (one connection
    per call); use one writer at a time per database."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writes -------------------------------------------------------------
    def find_duplicates(self, articles: Sequence[Article], hashes: Sequence[str] | None = None) -> dict[int, str]:
        """Positions in ``articles`` that are already stored (same URL or same
        normalised text), or repeat an earlier item of the same sequence, mapped to the
        id they duplicate. Lets the pipeline skip extraction for known articles.
        ``hashes``: the articles' ``writes.text_hash`` when already computed."""
        with self.engine.connect() as conn:
            return writes.find_duplicates(conn, articles, hashes)

    def has_url(self, url: str) -> bool:
        """Whether an article with this URL is stored (feeds skip known entries)."""
        with self.engine.connect() as conn:
            return bool(writes.find_url(conn, url))

    def add_batch(
        self,
        articles: Sequence[Article],
        reports: Sequence[dict[str, Any]],
        origin: str | None = None,
        builder: EventBuilder | None = None,
        window_days: int = 2,
        defer: bool = False,
        hashes: Sequence[str] | None = None,
    ) -> BatchResult:
        """Store a batch in ONE transaction: new articles with their reports and facts,
        then regroup the events they touch (with ``builder``; None
        skips grouping). With ``defer`` the new articles are queued instead and grouped
        later by :meth:`regroup_pending` (bulk ingests regroup once, at the end).
        ``reports[i]`` belongs to ``articles[i]`` (None when extraction failed: the
        article is stored without facts). Duplicates are skipped; when a concurrent
        writer stored some of them first, the batch is retried once. ``hashes``: the
        articles' ``writes.text_hash`` when the caller computed them already."""
        for attempt in (1, 2):
            try:
                with self.engine.begin() as conn:
                    return writes.add_batch(conn, articles, reports, origin, builder, window_days, defer, hashes)
            except sa.exc.IntegrityError:
                if attempt == 2:
                    raise
                log.info("another writer stored some of this batch first; retrying")
            except sa.exc.OperationalError as err:
                raise StrikewatchError(STORE, f"database error: {err.orig}", self.dialect) from err
        raise AssertionError("unreachable")

    def record_source(self, name: str, kind: str, new: int, duplicate: int, failed: int) -> None:
        """Add one ingest run's counts to the ``sources`` table (shown by ``status``)."""
        with self.engine.begin() as conn:
            writes.record_source(conn, name, kind, new, duplicate, failed)

    def record_failures(self, failures: Iterable[tuple[str, str, str]]) -> None:
        """Keep (item, code, message) of failed items for ``status``."""
        with self.engine.begin() as conn:
            writes.record_failures(conn, list(failures))

    def add_official(self, rows: Sequence[dict[str, Any]]) -> tuple[int, int]:
        """Store parsed Air Force rows (``ingest.airforce.OfficialRow.to_dict()``);
        returns (new, already stored). Rows are keyed by their content, so re-importing
        a file adds nothing."""
        with self.engine.begin() as conn:
            return writes.add_official(conn, rows)

    def pending_regroup(self) -> int:
        """How many stored articles wait to be grouped (left by a deferred or killed ingest)."""
        with self.engine.connect() as conn:
            return writes.pending_count(conn)

    def regroup_pending(self, builder: EventBuilder, window_days: int = 2, max_reports: int = SWEEP_REPORTS,
                        progress: Any = None, page: int = REGROUP_SPAN) -> RegroupResult:
        """Group every queued article in one sweep over their dates (``sweep.py``): the
        window holds the grouping features of at most ``max_reports`` stored reports
        (about 1 KB each), full reports are read only to write final events, and each
        part (up to ``sweep.WRITE_BATCH`` reports) is committed on its own, so an
        interrupted regroup keeps what it finished (the queue holds the rest) and other
        writers wait only while a part is written. Undated queued articles follow,
        ``page`` at a time. ``progress(n)`` is called with the articles each
        transaction cleared."""
        with self.engine.connect() as conn:
            queued, undated = writes.queued_days(conn)
            regions = writes.regions(queued, window_days)
        done = RegroupResult()

        def count(cleared: int, upserted: list[str], deleted: list[str]) -> None:
            done.events_upserted += len(upserted)
            done.events_deleted += len(deleted)
            done.articles += cleared
            done.spans += 1
            if progress is not None:
                progress(cleared)

        # decoded reports are acyclic and the window is large: the collector's passes cost
        # about a fifth of the sweep's CPU (100k archive: 89.7 -> 70.3 s without them)
        with cyclic_gc_paused():
            for region in regions:
                sweep.sweep_region(self.engine, builder, region, max_reports, window_days, count)
            for _ in range(-(-undated // page)):
                with self.engine.begin() as conn:
                    upserted, deleted, cleared = writes.regroup_undated(conn, builder, window_days, page)
                count(cleared, upserted, deleted)
        return done

    def regroup_all(self, builder: EventBuilder, progress: Any = None) -> int:
        """Rebuild every event from the stored reports (after a grouping change) with
        the same sweep as :meth:`regroup_pending`; returns the number of events."""
        with self.engine.begin() as conn:
            writes.lock_events(conn)
            writes.queue_all(conn)
        self.regroup_pending(builder, progress=progress)
        return self.count_events()

    # ---- reads --------------------------------------------------------------
    def list_events(self, filters: EventFilter | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Newest first: ``{"id","date","attacker","places":[names],"n_articles",
        "summary":{field:{"low","best","high"}|None},"n_conflicts"}`` per event."""
        with self.engine.connect() as conn:
            return queries.list_events(conn, filters or EventFilter(), limit, offset)

    def count_events(self, filters: EventFilter | None = None) -> int:
        """How many events ``list_events`` would page through."""
        with self.engine.connect() as conn:
            return queries.count_events(conn, filters or EventFilter())

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """The full event dict (as built by ``strikewatch.events``) plus
        ``"articles": [{"id","title","url","outlet","published"}]``,
        ``"place_details": [{"name","lat","lon","admin1","country","level"}]``,
        ``"official"`` (Air Force figures or None) and ``"official_mismatches"``; None
        when unknown."""
        with self.engine.connect() as conn:
            return queries.get_event(conn, event_id)

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Every event as ``get_event`` returns it, oldest first (for exports)."""
        with self.engine.connect() as conn:
            yield from queries.iter_events(conn, filters or EventFilter())

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """``{"id","title","text","url","published","outlet","language","source",
        "event_date","event_ids","facts":[fact dicts],"report":{...}}`` or None."""
        with self.engine.connect() as conn:
            return queries.get_article(conn, article_id)

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Newest ingested first, without text: ``{"id","title","url","outlet",
        "published","event_date","n_facts"}``."""
        with self.engine.connect() as conn:
            return queries.list_articles(conn, limit, offset)

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Every article row (with text, without facts), in id order."""
        with self.engine.connect() as conn:
            yield from queries.iter_articles(conn)

    def iter_facts(self) -> Iterator[dict[str, Any]]:
        """Every fact with its ``article_id``, in (article, fact) order."""
        with self.engine.connect() as conn:
            yield from queries.iter_facts(conn)

    def iter_reports(self) -> Iterator[dict[str, Any]]:
        """Every stored Report dict (docs/contract.md)."""
        with self.engine.connect() as conn:
            yield from queries.iter_reports(conn)

    def stats(self, period: str = "month") -> list[dict[str, Any]]:
        """Totals per ``day``/``week``/``month``/``year``, oldest first:
        ``{"period","events","articles","killed","injured","drones_launched",
        "missiles_launched"}`` (sums of best figures; unknown counts as 0)."""
        with self.engine.connect() as conn:
            return queries.stats(conn, period)

    def status(self) -> dict[str, Any]:
        """``{"url","counts":{articles,facts,events,official_reports,failures},
        "pending_regroup" (articles stored but not grouped yet: an ingest was killed
        before grouping; the next ingest or ``strikewatch status --repair`` groups them),
        "sources":[{"name","kind","last_ingest_at","articles_new",...}],
        "last_ingest_at"}``."""
        with self.engine.connect() as conn:
            data = queries.status(conn)
        data["url"] = self.engine.url.render_as_string(hide_password=True)
        return data


__all__ = ["DEFAULT_URL", "BatchResult", "EventFilter", "Store", "default_url", "open_store", "t"]
