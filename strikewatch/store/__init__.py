"""The ledger: articles, reports, facts, events and official figures in SQLite or PostgreSQL.

Public API (all SQL lives in this package)::

    from strikewatch.store import open_store, EventFilter
    store = open_store("sqlite:///strikewatch.db")      # or postgresql://..., or None
    page = store.list_events(EventFilter(place="Kyiv"), limit=50, offset=0)
    event = store.get_event(page[0]["id"])               # + articles + official figures
    article = store.get_article(event["articles"][0]["id"])  # text + facts + report
    store.stats("month"); store.status(); store.iter_events()

``open_store(None)`` uses ``$STRIKEWATCH_DB`` or ``sqlite:///strikewatch.db``. The schema
is created and migrated (Alembic) on open.
"""
from __future__ import annotations

from .store import (
    DEFAULT_URL,
    BatchResult,
    EventFilter,
    Store,
    default_url,
    open_store,
)

__all__ = ["DEFAULT_URL", "BatchResult", "EventFilter", "Store", "default_url", "open_store"]
