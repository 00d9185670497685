"""Reconcile one event's figures into low / best / high, UCDP-style.

- Sources (``sources.py``) are grouped by the oblasts they cover: a total, or one
  place's figure (a city, a district), or a sum over several places.
- Tolls (killed, injured): within a group, a later, larger figure from an attributed
  speaker supersedes earlier ones (the sequence is the toll's timeline); ``best`` is
  the largest current figure, attributed ones first.
- Weapon counts and duration: ``best`` is the value most stories agree on; figures that
  contradict a better-supported one are left out as not credible (and are flagged).
- ``low``/``high`` span the group's current, credible figures.
- The event figure comes from the totals (or from figures covering every place with a
  figure); without those, the figures of places that do not overlap are added up.
  Figures left out this way are marked ``partial``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..models import RANGE_FIELDS
from .features import TOLL_FIELDS
from .sources import Source, disjoint, sources_by_field

Figure = dict[str, int]


def mark_superseded(sources: list[Source]) -> None:
    """A toll is superseded by a later source whose lower bound exceeds it, when that
    later source is attributed, or the earlier one is not, or the earlier one is only
    a floor ("at least 7"). Undated sources compare with every other source."""
    dated = sorted((s for s in sources if s.ts is not None), key=Source.order_key)
    best_named = best_any = -1
    i = len(dated) - 1
    while i >= 0:
        j = i
        while j >= 0 and dated[j].ts == dated[i].ts:
            j -= 1
        same_time = dated[j + 1 : i + 1]
        for s in same_time:
            s.superseded = best_named > s.hi or (_yields(s) and best_any > s.hi)
        for s in same_time:
            best_any = max(best_any, s.lo)
            best_named = max(best_named, s.lo) if s.speaker else best_named
        i = j
    named = max((s.lo for s in sources if s.speaker), default=-1)
    anyone = max((s.lo for s in sources), default=-1)
    for s in sources:
        if s.ts is None:
            s.superseded = named > s.hi or (_yields(s) and anyone > s.hi)


def _yields(source: Source) -> bool:
    """Whether any larger later figure updates this one (not only an attributed one)."""
    return not source.speaker or source.high is None


def _support(sources: list[Source]) -> dict[tuple[int | None, int | None], int]:
    """How many sources give each value (a plain dict: cheaper than a Counter here)."""
    support: dict[tuple[int | None, int | None], int] = {}
    for s in sources:
        key = (s.low, s.high)
        support[key] = support.get(key, 0) + 1
    return support


def _best(current: list[Source], name: str) -> Source:
    support = _support(current)
    if name in TOLL_FIELDS:  # current tolls are not superseded: the largest is the most complete
        return max(current, key=lambda s: (bool(s.speaker), s.lo, s.ts or 0.0, support[(s.low, s.high)], s.report))
    return max(current, key=lambda s: (support[(s.low, s.high)], bool(s.speaker), s.ts or 0.0, s.report))


def _credible(sources: list[Source], best: Source) -> list[Source]:
    """Drop figures that contradict a better-supported best figure."""
    support = _support(sources)
    top = support[(best.low, best.high)]  # best is one of the sources
    return [s for s in sources if support[(s.low, s.high)] >= top or not disjoint(s.low, s.high, best.low, best.high)]


def reconcile_group(sources: list[Source], name: str) -> Figure:
    """{"low", "best", "high"} of sources that cover the same places."""
    if name in TOLL_FIELDS:
        mark_superseded(sources)
    current = [s for s in sources if not s.superseded] or sources
    best = _best(current, name)
    if name not in TOLL_FIELDS:
        current = _credible(current, best)
    return {"low": min(s.lo for s in current), "best": best.point, "high": max(s.hi for s in current)}


def _pick_groups(groups: dict[frozenset[str] | None, list[Source]]) -> tuple[list[frozenset[str] | None], bool]:
    """The groups whose figures make the event figure, and whether they estimate the
    same whole (totals, sums over every place with a figure) rather than adding up."""
    places = frozenset().union(*[k for k in groups if k is not None])
    whole = [k for k in (None, places) if k in groups]
    if whole:
        return whole, True
    picked: list[frozenset[str] | None] = []
    taken: set[str] = set()
    for key in sorted(groups, key=lambda k: (-len(k or ()), -len(groups[k]), sorted(k or ()))):
        if key is not None and not taken & key:
            picked.append(key)
            taken |= key
    return picked, False


def reconcile_field(sources: list[Source], name: str) -> Figure | None:
    """The event's {"low", "best", "high"} for one field (marks sources superseded or
    partial); None when no report gives the field."""
    if not sources:
        return None
    if len(sources) == 1:  # the usual case, short cut: one group, its only figure
        source = sources[0]
        if name in TOLL_FIELDS:
            mark_superseded(sources)
        source.partial = False
        return {"low": source.lo, "best": source.point, "high": source.hi}
    groups: dict[frozenset[str] | None, list[Source]] = defaultdict(list)
    for s in sources:
        groups[s.regions].append(s)
    picked, same_whole = _pick_groups(groups)
    parts = [[s for key in picked for s in groups[key]]] if same_whole else [groups[key] for key in picked]
    figures = [reconcile_group(part, name) for part in parts]
    for key, group in groups.items():
        for s in group:
            s.partial = key not in picked
    return {part: sum(f[part] for f in figures) for part in ("low", "best", "high")}


def reconcile(reports: list[dict[str, Any]], stories: list[int],
              timestamps: Sequence[float | None] | None = None) -> dict[str, Any]:
    """Summary, figures and timeline of one event; ``stories[i]`` is the near-duplicate
    story of ``reports[i]`` (``timestamps[i]``: its publication time, when already
    parsed). Returns {"summary", "figures", "timeline", "sources"}."""
    summary: dict[str, Any] = {}
    figures: dict[str, list[dict[str, Any]]] = {}
    timeline: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, list[Source]] = {}
    by_field = sources_by_field(reports, stories, RANGE_FIELDS, timestamps)
    for name in RANGE_FIELDS:
        found = by_field[name]
        summary[name] = reconcile_field(found, name)
        if found:
            sources[name] = found
            figures[name] = [s.to_dict() for s in found]
            timeline[name] = [_timeline_entry(s) for s in found]
    return {"summary": summary, "figures": figures, "timeline": timeline, "sources": sources}


def _timeline_entry(source: Source) -> dict[str, Any]:
    return {"published": source.published, "low": source.low, "high": source.high,
            "report": source.report, "outlet": source.outlet, "speaker": source.speaker,
            "places": sorted(source.covers) if source.covers is not None else None,
            "current": not source.superseded}
