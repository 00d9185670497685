"""Dashboard pages (server-rendered; charts and map drawn by the packaged vanilla JS)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...models import RANGE_FIELDS
from .. import views
from ..deps import QueryDep, StoreDep
from ..query import WEAPON_CATEGORIES

router = APIRouter(include_in_schema=False)


def _render(request: Request, name: str, context: dict) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep, query: QueryDep) -> HTMLResponse:
    data = views.overview(store, query)
    island = {"timeline": data["timeline"], "points": data["points"]}
    return _render(request, "overview.html", {
        "query": query, "data": data, "island": island, "fields": RANGE_FIELDS,
        "weapons": WEAPON_CATEGORIES,
    })


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str, store: StoreDep) -> HTMLResponse:
    detail = views.event_detail(store, event_id)
    return _render(request, "event.html", {
        "event": detail, "island": views.event_page(detail), "fields": RANGE_FIELDS,
        "conflict_fields": views.conflict_fields(detail), "official": views.official_values(detail),
    })


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    detail = views.article_detail(store, article_id)
    title, text = views.article_segments(detail)
    return _render(request, "article.html", {"article": detail, "title_segments": title,
                                             "text_segments": text})
