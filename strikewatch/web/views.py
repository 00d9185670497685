"""Data builders shared by the JSON routes and the HTML pages (one query path each).

Every function takes the :class:`Store` and returns plain dicts; routes validate them
against ``schemas`` and pages hand them to templates.
"""
from __future__ import annotations

from typing import Any

from ..models import RANGE_FIELDS
from ..store import Store
from ..store import web_queries
from .errors import not_found
from .highlight import Segment, fact_marks, place_marks, segments
from .query import EventQuery

TOLL_FIELDS = ("killed", "injured")  # fields whose timeline the event page charts
CHART_EVENTS = 60  # bars in the overview timeline
MAP_EVENTS = 1000  # events whose places are drawn on the overview map


def list_events(store: Store, query: EventQuery) -> tuple[list[dict[str, Any]], int]:
    """One page of events matching ``query`` (newest first) and the number of matches."""
    return web_queries.list_events(store, query.to_filter(), query.weapon, query.limit, query.offset)


def event_links(event_id: str) -> dict[str, str]:
    return {"api": f"/api/events/{event_id}", "page": f"/events/{event_id}"}


def overview(store: Store, query: EventQuery) -> dict[str, Any]:
    """The overview page: the event list page, chart rows and map points."""
    items, total = list_events(store, query)
    filters = query.to_filter()
    chart = web_queries.chart_rows(store, filters, query.weapon, CHART_EVENTS)
    points = web_queries.place_points(store, filters, query.weapon, MAP_EVENTS)
    return {"events": items, "total": total, "timeline": chart, "points": points,
            "mapped_events": min(total, MAP_EVENTS)}


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    event = store.get_event(event_id)
    if event is None:
        raise not_found("event", event_id)
    event.setdefault("figures", {})
    event.setdefault("timeline", {})
    event.setdefault("conflicts", [])
    event.setdefault("quotes", [])
    return event


def event_page(event: dict[str, Any]) -> dict[str, Any]:
    """What the event page's scripts need: toll timelines and the struck places."""
    points = [{"name": p["name"], "lat": p["lat"], "lon": p["lon"], "events": 1,
               "killed": 0, "injured": 0, "weight": 1}
              for p in event.get("place_details") or [] if p.get("lat") is not None and p.get("lon") is not None]
    timeline = event.get("timeline") or {}
    return {"timeline": {k: timeline[k] for k in TOLL_FIELDS if timeline.get(k)}, "points": points}


OFFICIAL_KEYS = {"drones_launched": "drones_launched", "drones_intercepted": "drones_destroyed",
                 "missiles_launched": "missiles_launched", "missiles_intercepted": "missiles_destroyed"}


def official_values(event: dict[str, Any]) -> dict[str, int | None]:
    """Air Force figures by summary field (None when not imported or not given)."""
    official = event.get("official") or {}
    return {name: official.get(OFFICIAL_KEYS.get(name, ""), None) for name in RANGE_FIELDS}


def conflict_fields(event: dict[str, Any]) -> set[str]:
    """Fields named by the event's conflicts (to highlight them in the tables)."""
    out = set()
    for conflict in event.get("conflicts") or []:
        if isinstance(conflict, dict):
            name = conflict.get("field") or conflict.get("kind")
            if name:
                out.add(str(name))
    return out


def article_detail(store: Store, article_id: str) -> dict[str, Any]:
    article = store.get_article(article_id)
    if article is None:
        raise not_found("article", article_id)
    report = article.pop("report", None) or {}
    article["places"] = report.get("places") or []
    article["quotes"] = report.get("quotes") or []
    article["problems"] = report.get("problems") or []
    article["title"] = article.get("title") or ""
    return article


def article_segments(article: dict[str, Any]) -> tuple[list[Segment], list[Segment]]:
    """(title segments, text segments) with facts highlighted before places."""
    facts = article.get("facts") or []
    title = segments(article["title"], fact_marks(facts, "title"))
    text = segments(article["text"], fact_marks(facts, "text") + place_marks(article.get("places") or [], article["text"]))
    return title, text


def period_stats(store: Store, period: str, date_from: str | None, date_to: str | None) -> dict[str, Any]:
    return {"period": period, "rows": web_queries.period_stats(store, period, date_from, date_to)}
