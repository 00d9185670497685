"""JSON API: events, one event, one article, statistics. Read-only."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from .. import views
from ..deps import QueryDep, StoreDep
from ..query import DATE_PATTERN
from ..schemas import ERROR_RESPONSES, ArticleDetail, EventDetail, EventList, Stats

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)


def _next_url(request: Request, total: int, limit: int, offset: int) -> str | None:
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(offset=offset + limit, limit=limit))


@router.get("/events", response_model=EventList, summary="List events, newest first")
def list_events(request: Request, store: StoreDep, query: QueryDep) -> dict[str, Any]:
    """Filter by date range, struck place, attacker, weapon category, minimum killed
    (best figure) and text (place names, article titles); page with limit/offset."""
    items, total = views.list_events(store, query)
    rows = [{**e, "links": views.event_links(e["id"])} for e in items]  # validated once, by EventList
    return {"items": rows, "total": total, "limit": query.limit, "offset": query.offset,
            "next": _next_url(request, total, query.limit, query.offset)}


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with its sources")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    """Reconciled figures (low/best/high), each source's figure with its evidence and
    span, the toll's timeline, conflicts, quotes and official Air Force figures."""
    return views.event_detail(store, event_id)


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One article with its facts")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """The article's text with every extracted fact and its character span."""
    return views.article_detail(store, article_id)


@router.get("/stats", response_model=Stats, summary="Totals per day, week or month")
def stats(
    store: StoreDep,
    period: Annotated[Literal["day", "week", "month"], Query()] = "month",
    date_from: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    date_to: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
) -> dict[str, Any]:
    """Attacks, drones and missiles launched and intercepted, killed and injured (sums
    of each event's best figure; unknown counts as 0)."""
    return views.period_stats(store, period, date_from or None, date_to or None)


@router.get("/status", summary="Counts and ingest sources of the ledger")
def status(store: StoreDep) -> dict[str, Any]:
    return store.status()
