"""Event filters as they arrive in a URL (API and dashboard forms share them).

Empty form fields (``?place=&min_killed=``) mean "no filter", so every parameter is
read as text, checked against a pattern, and converted here.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query

from ..store import EventFilter

WEAPON_CATEGORIES = ("drone", "decoy", "cruise", "ballistic", "aeroballistic", "air_to_surface",
                     "guided_bomb", "other")
PERIODS = ("day", "week", "month")
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"
MAX_LIMIT = 500


@dataclass(slots=True, frozen=True)
class EventQuery:
    """Filters plus paging, as parsed from the query string."""

    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    attacker: str | None = None
    weapon: str | None = None
    min_killed: int | None = None
    q: str | None = None
    conflicts_only: bool = False
    limit: int = 50
    offset: int = 0

    def to_filter(self) -> EventFilter:
        """The store's filter (the weapon filter is applied by the web layer)."""
        return EventFilter(date_from=self.date_from, date_to=self.date_to, place=self.place,
                           attacker=self.attacker, min_killed=self.min_killed, q=self.q,
                           conflicts_only=self.conflicts_only)

    def params(self, **changes: object) -> dict[str, str]:
        """Non-empty parameters (with ``changes``), for building links."""
        values = asdict(self) | changes
        out = {}
        for key, value in values.items():
            if value in (None, "", False) or (key == "offset" and value == 0) or (key == "limit" and value == 50):
                continue
            out[key] = "1" if value is True else str(value)
        return out

    def query_string(self, **changes: object) -> str:
        return urlencode(self.params(**changes))

    @property
    def active(self) -> bool:
        return any(self.params(limit=50, offset=0).values())


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def event_query(
    date_from: Annotated[str | None, Query(pattern=DATE_PATTERN, description="First day, YYYY-MM-DD (inclusive)")] = None,
    date_to: Annotated[str | None, Query(pattern=DATE_PATTERN, description="Last day, YYYY-MM-DD (inclusive)")] = None,
    place: Annotated[str | None, Query(max_length=200, description="A struck place, e.g. Kyiv")] = None,
    attacker: Annotated[str | None, Query(max_length=100, description="e.g. Russia")] = None,
    weapon: Annotated[str | None, Query(pattern=r"^(" + "|".join(WEAPON_CATEGORIES) + r")?$",
                                        description="Weapon category used in the attack")] = None,
    min_killed: Annotated[str | None, Query(pattern=r"^\d{0,7}$", description="Best killed figure at least")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in place names and article titles")] = None,
    conflicts_only: Annotated[bool, Query(description="Only events whose sources disagree")] = False,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventQuery:
    """FastAPI dependency: the filters of ``/api/events`` and the overview page."""
    killed = _blank(min_killed)
    return EventQuery(date_from=_blank(date_from), date_to=_blank(date_to), place=_blank(place),
                      attacker=_blank(attacker), weapon=_blank(weapon),
                      min_killed=int(killed) if killed else None, q=_blank(q),
                      conflicts_only=conflicts_only, limit=limit, offset=offset)
