"""Disagreements inside one event that updates do not explain, each with both sides.

Kinds:
- ``disjoint_ranges``: two stories give disjoint ranges for the same field and the same
  places within ``SAME_TIME_HOURS`` of each other, and (for tolls) the later one is not
  simply larger (a rising toll is an update).
- ``headline_body``: a report's headline figure is disjoint from its body's figure.
- ``city_as_national``: a total equals one place's figure and falls below the event's
  best figure while a larger figure was already published (a city's figure presented
  as the national one).
"""
from __future__ import annotations

from typing import Any

from .features import TOLL_FIELDS
from .sources import Source, disjoint, report_source

SAME_TIME_HOURS = 3.0
MAX_COMPARISONS = 50  # per source, in time order: bounds very large events


def _fact_side(report: dict[str, Any], fact: dict[str, Any]) -> dict[str, Any]:
    return {"report": str(report.get("id")), "outlet": report.get("outlet"), "published": report.get("published"),
            "value": {"low": fact.get("low"), "high": fact.get("high")}, "evidence": fact.get("evidence"),
            "span": [fact.get("start"), fact.get("end")], "where": fact.get("where", "text"),
            "speaker": fact.get("speaker"), "places": [fact["place"]] if fact.get("place") else None}


def _conflict(kind: str, name: str, message: str, sides: list[dict[str, Any]]) -> dict[str, Any]:
    return {"kind": kind, "field": name, "message": message, "sides": sides}


def _fmt(low: int | None, high: int | None) -> str:
    if low == high:
        return str(low)
    return f"{low if low is not None else '..'}-{high if high is not None else '..'}"


def _who(s: Source) -> str:
    return s.outlet or s.report


def _explained(name: str, earlier: Source, later: Source) -> bool:
    """A later, larger toll is an update, not a disagreement."""
    if name not in TOLL_FIELDS or earlier.ts == later.ts:
        return False
    return later.low is not None and earlier.high is not None and later.low > earlier.high


def disjoint_conflicts(name: str, sources: list[Source]) -> list[dict[str, Any]]:
    if len(sources) < 2:
        return []
    timed = sorted((s for s in sources if s.ts is not None), key=Source.order_key)
    seen: set[tuple] = set()
    found: list[dict[str, Any]] = []
    for i, a in enumerate(timed):
        for b in timed[i + 1 : i + 1 + MAX_COMPARISONS]:
            if b.ts - a.ts > SAME_TIME_HOURS * 3600:  # type: ignore[operator]
                break
            if (a.story == b.story or a.covers != b.covers or not disjoint(a.low, a.high, b.low, b.high)
                    or _explained(name, a, b)):
                continue
            key = (a.covers, *sorted([(a.low or -1, a.high or -1), (b.low or -1, b.high or -1)]))
            if key in seen:
                continue
            seen.add(key)
            message = (f"{name}: {_fmt(a.low, a.high)} ({_who(a)}) vs {_fmt(b.low, b.high)} ({_who(b)}) "
                       f"within {SAME_TIME_HOURS:g} h")
            found.append(_conflict("disjoint_ranges", name, message, [a.side(), b.side()]))
    return found


def headline_conflicts(reports: list[dict[str, Any]], stories: list[int]) -> list[dict[str, Any]]:
    """Headline figures (facts with ``where == "title"``) disjoint from the body's."""
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
            source = report_source(report, name, story)
            body_side = source.side() if source is not None else {"report": str(report.get("id"))}
            message = (f"{name}: headline says {_fmt(fact.get('low'), fact.get('high'))}, body says "
                       f"{_fmt(body.get('low'), body.get('high'))} ({report.get('outlet') or report.get('id')})")
            found.append(_conflict("headline_body", name, message, [_fact_side(report, fact), body_side]))
    return found


def _place_facts(reports: list[dict[str, Any]], name: str) -> dict[int, tuple[dict[str, Any], dict[str, Any]]]:
    """Exact one-place figures by value: {value: (report, fact)} (first seen)."""
    found: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}
    for report in reports:
        for fact in report.get("facts") or ():
            if (fact.get("kind") == name and fact.get("scope") == "place" and fact.get("place")
                    and fact.get("attack", "main") == "main"
                    and fact.get("low") is not None and fact.get("low") == fact.get("high")):
                found.setdefault(int(fact["low"]), (report, fact))
    return found


def _known_by(total: Source, claim: Source) -> bool:
    """``total`` was published before ``claim``."""
    return total.ts is not None and claim.ts is not None and total.ts <= claim.ts


def city_conflicts(reports: list[dict[str, Any]], sources: dict[str, list[Source]],
                   summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Totals equal to one place's figure, below the event's best figure, while a larger
    figure was already known."""
    found: list[dict[str, Any]] = []
    for name in TOLL_FIELDS:
        places = _place_facts(reports, name)
        field_sources = sources.get(name, [])
        best = (summary.get(name) or {}).get("best")
        for s in field_sources:
            if (s.covers is not None or s.low is None or s.low != s.high or s.low not in places
                    or best is None or s.low >= best):
                continue
            bigger = [t for t in field_sources if not t.partial and t.story != s.story
                      and t.low is not None and t.low > s.low and _known_by(t, s)]
            if not bigger:
                continue
            report, fact = places[s.low]
            message = (f"{name}: {_who(s)} gives {s.low} as the total, which is the figure for "
                       f"{fact.get('place')}; {_who(bigger[-1])} gives {_fmt(bigger[-1].low, bigger[-1].high)}")
            sides = [s.side(), _fact_side(report, fact), bigger[-1].side()]
            found.append(_conflict("city_as_national", name, message, sides))
    return found


def find_conflicts(reports: list[dict[str, Any]], stories: list[int], sources: dict[str, list[Source]],
                   summary: dict[str, Any]) -> list[dict[str, Any]]:
    """All conflicts of one event (``sources`` and ``summary`` as returned by ``reconcile``)."""
    found: list[dict[str, Any]] = []
    for name, field_sources in sources.items():
        found.extend(disjoint_conflicts(name, field_sources))
    found.extend(headline_conflicts(reports, stories))
    found.extend(city_conflicts(reports, sources, summary))
    return found
