"""Jinja2 filters for the dashboard: ranges, figures and field names as short text."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import Environment

FIELD_LABELS = {
    "killed": "Killed",
    "injured": "Injured",
    "drones_launched": "Drones launched",
    "drones_intercepted": "Drones intercepted",
    "missiles_launched": "Missiles launched",
    "missiles_intercepted": "Missiles intercepted",
    "duration_hours": "Duration (hours)",
    "bombs_launched": "Guided bombs",
    "hits": "Hits",
}


def range_text(low: Any, high: Any) -> str:
    """``[9, 9]`` -> "9", ``[9, None]`` -> "9+", ``[None, 650]`` -> "up to 650",
    ``[27, 33]`` -> "27-33", ``[None, None]`` -> "unknown"."""
    if low is None and high is None:
        return "unknown"
    if low == high:
        return f"{low:,}"
    if high is None:
        return f"{low:,}+"
    if low is None:
        return f"up to {high:,}"
    return f"{low:,}\u2013{high:,}"


def value_text(value: Any) -> str:
    """A ``{"low","high"}`` mapping (or None) as text."""
    if not isinstance(value, Mapping):
        return "unknown"
    return range_text(value.get("low"), value.get("high"))


def figure_text(value: Any) -> str:
    """A reconciled ``{"low","best","high"}`` as "best (low-high)", or "-" when unknown."""
    if not isinstance(value, Mapping):
        return "\u2013"
    best = value.get("best")
    spread = range_text(value.get("low"), value.get("high"))
    if best is None:
        return spread
    return f"{best:,}" if spread == f"{best:,}" else f"{best:,} ({spread})"


def best_text(value: Any) -> str:
    if not isinstance(value, Mapping) or value.get("best") is None:
        return "\u2013"
    return f"{value['best']:,}"


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def short_time(value: Any) -> str:
    """ISO timestamp -> "2026-07-14 08:10" (date only when no time)."""
    if not value:
        return "\u2013"
    text = str(value).replace("T", " ")
    return text[:16]


def http_url(value: Any) -> str | None:
    """The URL when it is http(s), else None (never link a ``javascript:`` URL)."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def install(env: Environment) -> None:
    env.filters.update(http_url=http_url, range_text=range_text, value_text=value_text, figure=figure_text,
                       best=best_text, field_label=field_label, short_time=short_time)
