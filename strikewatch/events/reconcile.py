"""Reconcile one event's figures into low / best / high, UCDP-style.

Per field, each member report gives at most one source value (its summary range, with
the evidence facts named in ``summary_evidence``). Reprints of one wire story that give
the same value count as one source. For tolls (killed, injured), a later, larger figure
from an attributed speaker supersedes earlier ones: the sequence is the toll's
timeline. ``best`` is the latest attributed current toll (for weapon counts and
duration: the value most stories agree on); ``low``/``high`` span the current figures.
A city's figure is kept as a partial source when the event struck several places and
some report gives a total.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..models import RANGE_FIELDS
from .features import TOLL_FIELDS, parse_timestamp


@dataclass(slots=True)
class Source:
    report: str
    outlet: str | None
    published: str | None
    ts: float | None
    low: int | None
    high: int | None
    evidence: str | None
    start: int | None
    end: int | None
    where: str
    speaker: str | None
    scope: str  # "total" or "place"
    story: int
    reprints: list[str] = field(default_factory=list)
    superseded: bool = False
    partial: bool = False

    @property
    def lo(self) -> int:
        return self.low if self.low is not None else self.high  # type: ignore[return-value]

    @property
    def hi(self) -> int:
        return self.high if self.high is not None else self.low  # type: ignore[return-value]

    @property
    def point(self) -> int:
        if self.low is not None and self.high is not None:
            return (self.low + self.high + 1) // 2 if self.low != self.high else self.low
        return self.lo

    def order_key(self) -> tuple:
        return (self.ts is None, self.ts or 0.0, self.report)

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": self.report, "outlet": self.outlet, "published": self.published,
            "value": {"low": self.low, "high": self.high}, "evidence": self.evidence,
            "span": [self.start, self.end] if self.start is not None else None,
            "where": self.where, "speaker": self.speaker, "scope": self.scope,
            "reprints": list(self.reprints), "current": not self.superseded, "partial": self.partial,
        }


def _evidence_facts(report: dict[str, Any], name: str) -> list[dict[str, Any]]:
    facts = {f.get("id"): f for f in report.get("facts") or ()}
    ids = (report.get("summary_evidence") or {}).get(name) or ()
    found = [facts[i] for i in ids if i in facts]
    if found:
        return found
    return [f for f in facts.values()
            if f.get("kind") == name and f.get("attack", "main") == "main" and f.get("where", "text") == "text"]


def report_source(report: dict[str, Any], name: str, story: int) -> Source | None:
    """The value ``report`` gives for field ``name``, with its evidence, or None."""
    value = (report.get("summary") or {}).get(name)
    if not isinstance(value, dict) or (value.get("low") is None and value.get("high") is None):
        return None
    facts = _evidence_facts(report, name)
    first = facts[0] if facts else {}
    speaker = next((f.get("speaker") for f in facts if f.get("speaker")), None)
    scope = "place" if facts and all(f.get("scope") == "place" for f in facts) else "total"
    return Source(
        report=str(report.get("id")), outlet=report.get("outlet"), published=report.get("published"),
        ts=parse_timestamp(report.get("published")), low=value.get("low"), high=value.get("high"),
        evidence=first.get("evidence"), start=first.get("start"), end=first.get("end"),
        where=first.get("where", "text"), speaker=speaker, scope=scope, story=story,
    )


def collapse_reprints(sources: list[Source]) -> list[Source]:
    """One source per (story, value): the earliest copy, listing the others as reprints."""
    kept: dict[tuple, Source] = {}
    for source in sorted(sources, key=Source.order_key):
        key = (source.story, source.low, source.high)
        if key in kept:
            kept[key].reprints.append(source.report)
        else:
            kept[key] = source
    return sorted(kept.values(), key=Source.order_key)


def _top(source: Source) -> int:
    return source.hi


def mark_superseded(sources: list[Source]) -> None:
    """A toll is superseded by a later source whose lower bound exceeds it, when that
    later source is attributed (or the earlier one is not)."""
    dated = sorted((s for s in sources if s.ts is not None), key=lambda s: s.ts)  # type: ignore[arg-type,return-value]
    best_named, best_any = -1, -1
    i = len(dated) - 1
    while i >= 0:
        j = i
        while j >= 0 and dated[j].ts == dated[i].ts:
            j -= 1
        for s in dated[j + 1 : i + 1]:
            s.superseded = best_named > _top(s) or (not s.speaker and best_any > _top(s))
        for s in dated[j + 1 : i + 1]:
            best_any = max(best_any, s.lo)
            best_named = max(best_named, s.lo) if s.speaker else best_named
        i = j
    named = max((s.lo for s in sources if s.speaker), default=-1)
    anyone = max((s.lo for s in sources), default=-1)
    for s in sources:
        if s.ts is None:
            s.superseded = named > _top(s) or (not s.speaker and anyone > _top(s))


def _mark_partial(sources: list[Source], place_count: int) -> None:
    if place_count > 1 and any(s.scope == "total" for s in sources):
        for s in sources:
            s.partial = s.scope == "place"


def _best(current: list[Source], name: str) -> Source:
    support = Counter((s.low, s.high) for s in current)
    if name in TOLL_FIELDS:
        return max(current, key=lambda s: (bool(s.speaker), s.ts or 0.0, support[(s.low, s.high)], s.report))
    return max(current, key=lambda s: (support[(s.low, s.high)], bool(s.speaker), s.ts or 0.0, s.report))


def reconcile_field(sources: list[Source], name: str, place_count: int) -> dict[str, int] | None:
    """{"low", "best", "high"} from the current, non-partial sources (marks them)."""
    if not sources:
        return None
    if name in TOLL_FIELDS:
        mark_superseded(sources)
    _mark_partial(sources, place_count)
    current = [s for s in sources if not s.superseded and not s.partial] or [s for s in sources if not s.superseded]
    best = _best(current, name)
    return {"low": min(s.lo for s in current), "best": best.point, "high": max(s.hi for s in current)}


def field_sources(reports: list[dict[str, Any]], stories: list[int], name: str) -> list[Source]:
    found = [report_source(r, name, story) for r, story in zip(reports, stories)]
    return collapse_reprints([s for s in found if s is not None])


def reconcile(reports: list[dict[str, Any]], stories: list[int], place_count: int) -> dict[str, Any]:
    """Summary, figures and timeline of one event; ``stories[i]`` is the near-duplicate
    story of ``reports[i]``. Returns {"summary", "figures", "timeline", "sources"}."""
    summary: dict[str, Any] = {}
    figures: dict[str, list[dict[str, Any]]] = {}
    timeline: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, list[Source]] = {}
    for name in RANGE_FIELDS:
        found = field_sources(reports, stories, name)
        summary[name] = reconcile_field(found, name, place_count)
        if found:
            sources[name] = found
            figures[name] = [s.to_dict() for s in found]
            timeline[name] = [_timeline_entry(s) for s in found]
    return {"summary": summary, "figures": figures, "timeline": timeline, "sources": sources}


def _timeline_entry(source: Source) -> dict[str, Any]:
    return {"published": source.published, "low": source.low, "high": source.high,
            "report": source.report, "outlet": source.outlet, "speaker": source.speaker,
            "current": not source.superseded}
