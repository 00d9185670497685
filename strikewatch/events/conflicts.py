"""Disagreements inside one event that updates do not explain, each with both sides.

Kinds:
- ``disjoint_ranges``: two stories give disjoint ranges for a field within
  ``SAME_TIME_HOURS`` of each other, and (for tolls) the later one is not simply larger.
- ``headline_body``: a report's headline figure is disjoint from its body's figure.
- ``city_as_national``: a total toll equals one place's toll reported elsewhere while a
  larger current total exists (a city's figure presented as the national one).
"""
from __future__ import annotations

from typing import Any

from .features import TOLL_FIELDS
from .reconcile import Source, report_source

SAME_TIME_HOURS = 3.0
MAX_COMPARISONS = 50  # per source, in time order: bounds very large events


def disjoint(a_low: int | None, a_high: int | None, b_low: int | None, b_high: int | None) -> bool:
    """True when the two ranges cannot both hold (None is unbounded on its side)."""
    if a_high is not None and b_low is not None and a_high < b_low:
        return True
    return b_high is not None and a_low is not None and b_high < a_low


def _side(source: Source) -> dict[str, Any]:
    return {"report": source.report, "outlet": source.outlet, "published": source.published,
            "value": {"low": source.low, "high": source.high}, "evidence": source.evidence,
            "span": [source.start, source.end] if source.start is not None else None,
            "where": source.where, "speaker": source.speaker}


def _fact_side(report: dict[str, Any], fact: dict[str, Any]) -> dict[str, Any]:
    return {"report": str(report.get("id")), "outlet": report.get("outlet"), "published": report.get("published"),
            "value": {"low": fact.get("low"), "high": fact.get("high")}, "evidence": fact.get("evidence"),
            "span": [fact.get("start"), fact.get("end")], "where": fact.get("where", "text"),
            "speaker": fact.get("speaker"), "place": fact.get("place")}


def _conflict(kind: str, name: str, message: str, sides: list[dict[str, Any]]) -> dict[str, Any]:
    return {"kind": kind, "field": name, "message": message, "sides": sides}


def _explained(name: str, earlier: Source, later: Source) -> bool:
    """A later, larger toll is an update, not a disagreement."""
    if name not in TOLL_FIELDS or earlier.ts == later.ts:
        return False
    return later.low is not None and earlier.high is not None and later.low > earlier.high


def disjoint_conflicts(name: str, sources: list[Source]) -> list[dict[str, Any]]:
    timed = sorted((s for s in sources if s.ts is not None and not s.partial), key=Source.order_key)
    seen: set[tuple] = set()
    found: list[dict[str, Any]] = []
    for i, a in enumerate(timed):
        for b in timed[i + 1 : i + 1 + MAX_COMPARISONS]:
            if b.ts - a.ts > SAME_TIME_HOURS * 3600:  # type: ignore[operator]
                break
            if a.story == b.story or not disjoint(a.low, a.high, b.low, b.high) or _explained(name, a, b):
                continue
            key = tuple(sorted([(a.low or -1, a.high or -1), (b.low or -1, b.high or -1)]))
            if key not in seen:
                seen.add(key)
                message = f"{name}: {_fmt(a)} ({a.outlet or a.report}) vs {_fmt(b)} ({b.outlet or b.report}) within {SAME_TIME_HOURS:g} h"
                found.append(_conflict("disjoint_ranges", name, message, [_side(a), _side(b)]))
    return found


def _fmt(s: Source | dict[str, Any]) -> str:
    low, high = (s.low, s.high) if isinstance(s, Source) else (s.get("low"), s.get("high"))
    if low == high:
        return str(low)
    return f"{low if low is not None else '..'}-{high if high is not None else '..'}"


def headline_conflicts(reports: list[dict[str, Any]], stories: list[int]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for report, story in zip(reports, stories):
        summary = report.get("summary") or {}
        for fact in report.get("facts") or ():
            name = fact.get("kind")
            body = summary.get(name)
            if fact.get("where") != "title" or fact.get("attack", "main") != "main" or not isinstance(body, dict):
                continue
            if not disjoint(fact.get("low"), fact.get("high"), body.get("low"), body.get("high")):
                continue
            key = (story, name, fact.get("low"), fact.get("high"), body.get("low"), body.get("high"))
            if key in seen:
                continue
            seen.add(key)
            body_side = _body_side(report, name)
            message = f"{name}: headline says {_fmt(fact)}, body says {_fmt(body)} ({report.get('outlet') or report.get('id')})"
            found.append(_conflict("headline_body", name, message, [_fact_side(report, fact), body_side]))
    return found


def _body_side(report: dict[str, Any], name: str) -> dict[str, Any]:
    source = report_source(report, name, 0)
    return _side(source) if source is not None else {"report": str(report.get("id"))}


def _place_facts(reports: list[dict[str, Any]], name: str) -> dict[int, tuple[dict[str, Any], dict[str, Any]]]:
    """Exact per-place tolls by value: {value: (report, fact)} (first seen)."""
    found: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}
    for report in reports:
        for fact in report.get("facts") or ():
            if (fact.get("kind") == name and fact.get("scope") == "place" and fact.get("attack", "main") == "main"
                    and fact.get("low") is not None and fact.get("low") == fact.get("high")):
                found.setdefault(int(fact["low"]), (report, fact))
    return found


def city_conflicts(reports: list[dict[str, Any]], sources: dict[str, list[Source]], place_count: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if place_count < 2:
        return found
    for name in TOLL_FIELDS:
        places = _place_facts(reports, name)
        totals = [s for s in sources.get(name, ()) if s.scope == "total"]
        larger = [t for t in totals if not t.superseded]
        for s in totals:
            if s.low is None or s.low != s.high or s.low not in places:
                continue
            bigger = [t for t in larger if t.story != s.story and t.low is not None and t.low > s.low]
            if not bigger:
                continue
            report, fact = places[s.low]
            message = (f"{name}: {s.outlet or s.report} gives {s.low} as the total, which is the figure for "
                       f"{fact.get('place')}; {bigger[-1].outlet or bigger[-1].report} gives {_fmt(bigger[-1])}")
            found.append(_conflict("city_as_national", name, message, [_side(s), _fact_side(report, fact), _side(bigger[-1])]))
    return found


def find_conflicts(reports: list[dict[str, Any]], stories: list[int], sources: dict[str, list[Source]], place_count: int) -> list[dict[str, Any]]:
    """All conflicts of one event (``sources`` as returned by ``reconcile``)."""
    found: list[dict[str, Any]] = []
    for name, field_sources in sources.items():
        found.extend(disjoint_conflicts(name, field_sources))
    found.extend(headline_conflicts(reports, stories))
    found.extend(city_conflicts(reports, sources, place_count))
    return found
