"""Records exchanged with the store's callers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(slots=True)
class EventFilter:
    """Filters for ``list_events``/``count_events``; every field is optional.

    ``date_from``/``date_to`` are inclusive ISO dates; ``place`` matches a struck place
    name (case-insensitive); ``attacker`` matches exactly (case-insensitive);
    ``min_killed`` compares with the best killed figure; ``conflicts_only`` keeps events
    whose sources disagree; ``q`` searches event place names and article titles."""

    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    attacker: str | None = None
    min_killed: int | None = None
    conflicts_only: bool = False
    q: str | None = None


@dataclass(slots=True)
class BatchResult:
    """What one ``add_batch`` call did."""

    new: list[str] = field(default_factory=list)  # article ids stored
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (item, existing id)
    events_upserted: list[str] = field(default_factory=list)
    events_deleted: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RegroupResult:
    """What one ``regroup_pending`` call did."""

    articles: int = 0  # queued articles grouped
    spans: int = 0  # transactions (parts written by the sweep, pages of undated articles)
    events_upserted: int = 0
    events_deleted: int = 0


class EventBuilder(Protocol):
    """How the store groups reports into events (``strikewatch.events.EventBuilder``):
    ``features`` of each report (small; kept for a window of days), ``group`` them into
    (member positions, member stories) per event, and build one ``event`` record from
    its members' reports (sorted by id) and stories."""

    def features(self, reports: list[dict[str, Any]]) -> list[Any]: ...

    def group(self, features: list[Any]) -> list[tuple[list[int], list[int]]]: ...

    def event(self, reports: list[dict[str, Any]], stories: list[int]) -> dict[str, Any]: ...
