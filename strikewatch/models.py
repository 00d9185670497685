"""Data shapes shared by every stage.

Extraction runs on the hot path, so its records are plain slotted dataclasses; the
JSON contract (docs/schema/*.json) is produced by ``to_dict`` helpers, and pydantic
models are used only at the edges (web API, settings).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

# Summary keys of one article (and, with a "best" value, of one event).
RANGE_FIELDS: tuple[str, ...] = (
    "killed",
    "injured",
    "drones_launched",
    "missiles_launched",
    "drones_intercepted",
    "missiles_intercepted",
    "duration_hours",
)


@dataclass(slots=True, frozen=True)
class Span:
    """Half-open character range [start, end) in ``Article.text`` (or in the title
    when the owning record says ``where == "title"``)."""

    start: int
    end: int


@dataclass(slots=True)
class Article:
    """One input item, as read by an ingest reader."""

    text: str
    id: str = ""
    title: str = ""
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given
    outlet: str | None = None
    language: str | None = None
    source: str = ""  # where it came from: a path, "stdin:3", a feed URL...


@dataclass(slots=True)
class Range:
    """A figure as a range. ``low == high`` for an exact figure; ``None`` is unbounded
    or unknown on that side."""

    low: int | None
    high: int | None

    def to_dict(self) -> dict[str, int | None]:
        return {"low": self.low, "high": self.high}


@dataclass(slots=True)
class Fact:
    """One extracted figure with the text that supports it."""

    id: str
    kind: str  # killed, injured, drones_launched, missiles_intercepted, duration_hours, ...
    low: int | None
    high: int | None
    start: int
    end: int
    evidence: str
    where: str = "text"  # "text" or "title"
    attack: str = "main"  # main | counter (the other side's attack) | context (another, earlier attack)
    scope: str = "total"  # total | place | breakdown | derived
    place: str | None = None
    group: str | None = None  # breakdown group: children, civilians, rescuers, ...
    weapon: str | None = None  # weapon category for weapon facts
    model: str | None = None
    update: bool = False  # "rose to", "climbed to": a newer figure in the same article
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Written out: about four times faster than a getattr loop over the fields, and
        # extraction calls it for every fact. tests/test_models.py checks it against fields().
        return {"id": self.id, "kind": self.kind, "low": self.low, "high": self.high, "start": self.start,
                "end": self.end, "evidence": self.evidence, "where": self.where, "attack": self.attack,
                "scope": self.scope, "place": self.place, "group": self.group, "weapon": self.weapon,
                "model": self.model, "update": self.update, "speaker": self.speaker}


def range_dict(low: int | None, high: int | None) -> dict[str, int | None]:
    return {"low": low, "high": high}


@dataclass(slots=True)
class Report:
    """What extraction says of one article: the JSON Lines record of ``extract``."""

    id: str
    title: str
    url: str | None
    published: str | None
    language: str | None
    outlet: str | None
    event_date: str | None
    summary: dict[str, Any]
    summary_evidence: dict[str, list[str]] = field(default_factory=dict)
    facts: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    weapons: list[dict[str, Any]] = field(default_factory=list)
    casualties: list[dict[str, Any]] = field(default_factory=list)
    damage: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    attacks: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A shallow dict: the lists already hold plain dicts."""
        return {name: getattr(self, name) for name in _REPORT_FIELDS}


_REPORT_FIELDS = tuple(f.name for f in fields(Report))
