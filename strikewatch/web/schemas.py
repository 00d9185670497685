"""Response models of the JSON API (what /docs shows), separate from storage rows.

Event records are built by ``strikewatch.events`` and may grow fields; the models name
the fields clients rely on and let the others through (``extra="allow"``).
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Figure3(BaseModel):
    """A reconciled figure: the range the sources support and the best single value."""

    low: int | None = None
    best: int | None = None
    high: int | None = None


class EventItem(BaseModel):
    """One row of ``GET /api/events``."""

    id: str
    date: str | None = None
    attacker: str | None = None
    places: list[str] = Field(default_factory=list)
    n_articles: int = 0
    n_conflicts: int = 0
    summary: dict[str, Figure3 | None] = Field(default_factory=dict)
    links: dict[str, str] = Field(default_factory=dict, description="api, page")


class EventList(BaseModel):
    items: list[EventItem]
    total: int
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, if any")


class SupportingFigure(Open):
    """One source's figure for a field, with the text that supports it."""

    report: str | None = Field(None, description="Article id of the report")
    outlet: str | None = None
    published: str | None = None
    value: dict[str, int | None] | None = Field(None, description="{low, high} as reported")
    evidence: str | None = None
    span: list[int] | None = Field(None, description="[start, end) in the article (or title)")
    where: str | None = None
    speaker: str | None = None
    current: bool | None = Field(None, description="False when a later figure superseded it")


class ArticleRef(Open):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


class PlaceDetail(Open):
    name: str
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None


class EventDetail(Open):
    """``GET /api/events/{id}``: reconciled figures, their sources, toll timeline,
    conflicts, quotes and official Air Force figures (when imported)."""

    id: str
    date: str | None = None
    attacker: str | None = None
    places: list[Any] = Field(default_factory=list)
    articles: list[ArticleRef] = Field(default_factory=list)
    summary: dict[str, Figure3 | list[str] | str | None] = Field(
        default_factory=dict, description="Per figure {low, best, high} or null; also places_struck, speakers, attacker")
    figures: dict[str, list[SupportingFigure]] = Field(default_factory=dict)
    timeline: dict[str, list[dict[str, Any]]] = Field(default_factory=dict)
    conflicts: list[Any] = Field(default_factory=list)
    quotes: list[dict[str, Any]] = Field(default_factory=list)
    place_details: list[PlaceDetail] = Field(default_factory=list)
    official: Any = None
    official_mismatches: Any = None


class FactOut(Open):
    id: str
    kind: str
    low: int | None = None
    high: int | None = None
    start: int
    end: int
    evidence: str = ""
    where: str = "text"
    attack: str = "main"
    scope: str = "total"
    speaker: str | None = None


class ArticleDetail(Open):
    """``GET /api/articles/{id}``: the text with its facts (spans are offsets into
    ``text``, or into ``title`` when a fact's ``where`` is ``"title"``)."""

    id: str
    title: str = ""
    text: str
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    event_date: str | None = None
    event_ids: list[str] = Field(default_factory=list)
    facts: list[FactOut] = Field(default_factory=list)
    places: list[dict[str, Any]] = Field(default_factory=list)
    quotes: list[dict[str, Any]] = Field(default_factory=list)


class StatsRow(BaseModel):
    period: str
    attacks: int
    drones_launched: int
    drones_intercepted: int
    missiles_launched: int
    missiles_intercepted: int
    killed: int
    injured: int


class Stats(BaseModel):
    period: Literal["day", "week", "month"]
    rows: list[StatsRow]


class ErrorOut(BaseModel):
    """Every failure, whatever the route."""

    ok: Literal[False] = False
    error: str
    code: str = Field(description="Stable code: SW400 bad request, SW404 not found, SW301 store, ...")
    status: int
    details: list[dict[str, Any]] = Field(default_factory=list)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Not found"},
    422: {"model": ErrorOut, "description": "Invalid parameters"},
    503: {"model": ErrorOut, "description": "Database unavailable"},
}
