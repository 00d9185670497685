"""Assemble event records (the ``strikewatch events`` JSON contract) from grouped reports."""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..gcpause import cyclic_gc_paused
from .conflicts import find_conflicts
from .features import features_of, parse_timestamp
from .grouping import Grouping, group_features
from .reconcile import reconcile

logger = logging.getLogger(__name__)


def unique_reports(reports: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports sorted by id; with a repeated id the first one seen is kept."""
    seen: dict[str, dict[str, Any]] = {}
    for report in reports:
        key = str(report.get("id"))
        if key in seen:
            logger.warning("report %s given twice; keeping the first", key)
            continue
        seen[key] = report
    return [seen[k] for k in sorted(seen)]


def _published_order(ts: float | None, report: dict[str, Any]) -> tuple:
    """Sort key: publication time (``ts``, parsed), undated last, then id."""
    return (ts is None, ts or 0.0, str(report.get("id")))


def event_id(anchor: dict[str, Any]) -> str:
    """Stable id from the earliest-published member: unchanged by re-runs, by input
    order and by unrelated reports."""
    day = (anchor.get("event_date") or anchor.get("published") or "")[:10].replace("-", "")
    digest = hashlib.sha1(str(anchor.get("id")).encode("utf-8")).hexdigest()[:10]
    return f"ev-{day or 'undated'}-{digest}"


# Places named by as many reports are listed cities first, then oblasts, districts, landmarks.
LEVEL_ORDER = {"capital": 0, "city": 0, "oblast": 1, "district": 2, "landmark": 3}


def _ranked(counter: dict, rank: dict[str, int] | None = None) -> list[str]:
    rank = rank or {}
    return [k for k, _ in sorted(counter.items(), key=lambda kv: (-kv[1], rank.get(kv[0], 2), kv[0]))]


def _place_levels(reports: list[dict[str, Any]]) -> dict[str, int]:
    levels: dict[str, int] = {}
    for report in reports:
        for place in report.get("places") or ():
            if place.get("name") and place.get("level") in LEVEL_ORDER:
                levels.setdefault(place["name"], LEVEL_ORDER[place["level"]])
    return levels


def _names(reports: list[dict[str, Any]], key: str) -> dict[str, int]:
    """How many reports name each value (a plain dict: faster than Counter.update)."""
    found: dict[str, int] = {}
    for report in reports:
        summary = report.get("summary") or {}
        for name in {n for n in summary.get(key) or () if n}:
            found[name] = found.get(name, 0) + 1
    return found


def _event_date(reports: list[dict[str, Any]]) -> str | None:
    days = Counter([r["event_date"] for r in reports if r.get("event_date")])
    return _ranked(days)[0] if days else None


def _attacker(reports: list[dict[str, Any]]) -> str | None:
    found = Counter([(r.get("summary") or {}).get("attacker") for r in reports])
    found.pop(None, None)
    return _ranked(found)[0] if found else None


def _quotes(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes of all members, a reprinted quote once (first publication kept)."""
    seen: set[str] = set()
    found: list[dict[str, Any]] = []
    for report in reports:
        for quote in report.get("quotes") or ():
            key = " ".join(str(quote.get("text") or "").lower().split())
            if not key or key in seen:
                continue
            seen.add(key)
            found.append({**quote, "report": str(report.get("id")), "outlet": report.get("outlet"),
                          "published": report.get("published")})
    return found


def make_event(reports: list[dict[str, Any]], stories: list[int]) -> dict[str, Any]:
    """One event record from its member reports (and their near-duplicate story ids)."""
    times = [parse_timestamp(r.get("published")) for r in reports]  # parsed once, for sorting and sources
    order = sorted(range(len(reports)), key=lambda i: _published_order(times[i], reports[i]))
    reports = [reports[i] for i in order]
    stories = [stories[i] for i in order]
    places = _ranked(_names(reports, "places_struck"), _place_levels(reports))
    result = reconcile(reports, stories, [times[i] for i in order])
    summary = dict(result["summary"])
    summary.update(places_struck=places, speakers=_ranked(_names(reports, "speakers")), attacker=_attacker(reports))
    return {
        "id": event_id(reports[0]), "date": _event_date(reports), "places": places,
        "attacker": summary["attacker"], "articles": [str(r.get("id")) for r in reports],
        "summary": summary, "figures": result["figures"], "timeline": result["timeline"],
        "conflicts": find_conflicts(reports, stories, result["sources"], result["summary"]),
        "quotes": _quotes(reports),
    }


def group_reports(reports: list[dict[str, Any]]) -> Grouping:
    """Group reports (in the given order; see ``grouping.py``)."""
    with cyclic_gc_paused():
        return group_features(features_of(reports), drop_sketches=True)


def build_events(reports: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group extraction reports (``Report.to_dict()``, optionally with the article's
    ``text``) into reconciled events, ordered by date then id."""
    with cyclic_gc_paused():  # the event records are acyclic too
        ordered = unique_reports(reports)
        grouping = group_reports(ordered)
        events = [make_event([ordered[i] for i in members], [grouping.story_of[i] for i in members])
                  for members in grouping.events]
        events.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    return events


class EventBuilder:
    """``build_events`` in the three steps the store's sweep over a large archive needs:
    small per-report ``features`` kept for a sliding window of days, ``group`` over the
    window, and ``event`` for each group once it is final (its reports loaded again).

    ``[event(members' reports, stories) for members, stories in group(features(reports))]``
    equals ``build_events(reports)`` (in another order) when ``reports`` are sorted by id.
    """

    def features(self, reports: list[dict[str, Any]]) -> list[Any]:
        with cyclic_gc_paused():
            return features_of(reports)

    def group(self, features: list[Any]) -> list[tuple[list[int], list[int]]]:
        """Positions in ``features`` per event, with each member's near-duplicate story
        (any label shared by the reprints of one story)."""
        for i, found in enumerate(features):
            found.index = i
        with cyclic_gc_paused():
            grouping = group_features(features)
        return [(members, [grouping.story_of[i] for i in members]) for members in grouping.events]

    def event(self, reports: list[dict[str, Any]], stories: list[int]) -> dict[str, Any]:
        with cyclic_gc_paused():
            return make_event(reports, stories)
