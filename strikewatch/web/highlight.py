"""Cut an article's text into plain and highlighted segments at extracted spans.

The page template escapes every segment (Jinja2 autoescape), so untrusted article text
is never interpreted as HTML: highlighting happens by slicing on the server, not by
injecting markup into the text.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True, frozen=True)
class Mark:
    """One span to highlight: ``[start, end)`` with the record it belongs to."""

    start: int
    end: int
    ref: str  # fact id ("f3") or place name
    kind: str  # fact kind ("killed", ...) or "place"
    label: str  # tooltip


@dataclass(slots=True, frozen=True)
class Segment:
    text: str
    mark: Mark | None = None


def fact_marks(facts: Iterable[Mapping[str, Any]], where: str = "text") -> list[Mark]:
    """Marks for facts located in ``where`` ("text" or "title")."""
    out = []
    for fact in facts:
        if (fact.get("where") or "text") != where:
            continue
        label = f"{fact.get('kind')}: {_range_label(fact.get('low'), fact.get('high'))}"
        if fact.get("speaker"):
            label += f" (per {fact['speaker']})"
        out.append(Mark(_int(fact.get("start")), _int(fact.get("end")), str(fact.get("id") or ""),
                        str(fact.get("kind") or "fact"), label))
    return out


def place_marks(places: Iterable[Mapping[str, Any]], text: str) -> list[Mark]:
    """Marks for place mentions (``report["places"]``) whose span really holds the
    mention (``surface``, else ``name``), labelled with their status."""
    out = []
    for place in places:
        start, end = _int(place.get("start")), _int(place.get("end"))
        said = str(place.get("surface") or place.get("name") or "")
        if 0 <= start < end <= len(text) and text[start:end].casefold() == said.casefold():
            out.append(Mark(start, end, str(place.get("name") or ""), "place",
                            f"{place.get('name')} ({place.get('status') or 'mentioned'})"))
    return out


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Split ``text`` at the marks. Marks outside the text or empty are dropped; of
    overlapping marks the earlier-listed wins (list facts before places)."""
    chosen: list[Mark] = []
    for mark in marks:
        if not 0 <= mark.start < mark.end <= len(text):
            continue
        if any(mark.start < c.end and c.start < mark.end for c in chosen):
            continue
        chosen.append(mark)
    chosen.sort(key=lambda m: m.start)
    out: list[Segment] = []
    pos = 0
    for mark in chosen:
        if mark.start > pos:
            out.append(Segment(text[pos:mark.start]))
        out.append(Segment(text[mark.start:mark.end], mark))
        pos = mark.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _range_label(low: Any, high: Any) -> str:
    if low is not None and low == high:
        return str(low)
    if high is None:
        return f"{low}+" if low is not None else "unknown"
    if low is None:
        return f"up to {high}"
    return f"{low}-{high}"
