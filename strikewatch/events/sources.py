"""Source values: what one report says about one field of an event, with its evidence.

Per field, each member report gives at most one value (its summary range, with the
evidence facts named in ``summary_evidence``). A value ``covers`` the places its
evidence facts are about (``None``: a total, or no place given), which lie in
``regions`` (their oblasts). Reprints of one wire
story that give the same value count as one source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Any, TypeGuard

from .features import parse_timestamp


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
    story: int
    covers: frozenset[str] | None = None  # places of a per-place figure; None for a total
    regions: frozenset[str] | None = None  # the oblasts (admin1) of those places
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
        """The single most likely value: exact value, bound, or middle of the range."""
        if self.low is not None and self.high is not None and self.low != self.high:
            return (self.low + self.high + 1) // 2
        return self.lo

    def order_key(self) -> tuple:
        return (self.ts is None, self.ts or 0.0, self.report)

    def side(self) -> dict[str, Any]:
        """The source as one side of a conflict."""
        return {"report": self.report, "outlet": self.outlet, "published": self.published,
                "value": {"low": self.low, "high": self.high}, "evidence": self.evidence,
                "span": [self.start, self.end] if self.start is not None else None,
                "where": self.where, "speaker": self.speaker,
                "places": sorted(self.covers) if self.covers is not None else None}

    def to_dict(self) -> dict[str, Any]:
        return {**self.side(), "reprints": list(self.reprints), "current": not self.superseded,
                "partial": self.partial}


def disjoint(a_low: int | None, a_high: int | None, b_low: int | None, b_high: int | None) -> bool:
    """True when the two ranges cannot both hold (None is unbounded on its side)."""
    if a_high is not None and b_low is not None and a_high < b_low:
        return True
    return b_high is not None and a_low is not None and b_high < a_low


_UNSET: Any = object()


class _ReportView:
    """What every field's source needs from one report, worked out once per report
    (its facts by id, publication time, places' oblasts) rather than once per field."""

    __slots__ = ("report", "_facts", "_ts", "_admin1")

    def __init__(self, report: dict[str, Any], ts: Any = _UNSET) -> None:  # float | None, or _UNSET: not read yet
        self.report = report
        self._facts: dict[Any, dict[str, Any]] | None = None
        self._ts: Any = ts
        self._admin1: dict[Any, Any] | None = None

    @property
    def facts(self) -> dict[Any, dict[str, Any]]:
        if self._facts is None:
            self._facts = {f.get("id"): f for f in self.report.get("facts") or ()}
        return self._facts

    @property
    def ts(self) -> float | None:
        if self._ts is _UNSET:
            self._ts = parse_timestamp(self.report.get("published"))
        return self._ts

    @property
    def admin1(self) -> dict[Any, Any]:
        if self._admin1 is None:
            self._admin1 = {p.get("name"): p.get("admin1") for p in self.report.get("places") or () if p.get("admin1")}
        return self._admin1


def _evidence_facts(view: _ReportView, name: str) -> list[dict[str, Any]]:
    facts = view.facts
    if not facts:
        return []
    ids = (view.report.get("summary_evidence") or {}).get(name) or ()
    found = [facts[i] for i in ids if i in facts]
    if found:
        return found
    return [f for f in facts.values()
            if f.get("kind") == name and f.get("attack", "main") == "main" and f.get("where", "text") == "text"]


def _covers(facts: list[dict[str, Any]]) -> frozenset[str] | None:
    if facts and all(f.get("scope") == "place" and f.get("place") for f in facts):
        return frozenset(str(f["place"]) for f in facts)
    return None


def _regions(view: _ReportView, covers: frozenset[str] | None) -> frozenset[str] | None:
    """The oblasts of the covered places (a district's or a city's figure is part of
    its oblast's), as far as the report's places table tells."""
    if covers is None:
        return None
    admin1 = view.admin1
    return frozenset(str(admin1.get(place) or place) for place in covers)


def _given(value: Any) -> TypeGuard[dict[str, Any]]:
    return isinstance(value, dict) and (value.get("low") is not None or value.get("high") is not None)


def _source(view: _ReportView, name: str, value: dict[str, Any], story: int) -> Source:
    report = view.report
    facts = _evidence_facts(view, name)
    if not facts:  # a figure without evidence facts (short cut of the general case below)
        return Source(str(report.get("id")), report.get("outlet"), report.get("published"), view.ts,
                      value.get("low"), value.get("high"), None, None, None, "text", None, story)
    first = facts[0]
    covers = _covers(facts)
    return Source(
        report=str(report.get("id")), outlet=report.get("outlet"), published=report.get("published"),
        ts=view.ts, low=value.get("low"), high=value.get("high"),
        evidence=first.get("evidence"), start=first.get("start"), end=first.get("end"),
        where=first.get("where", "text"), speaker=next((f["speaker"] for f in facts if f.get("speaker")), None),
        story=story, covers=covers, regions=_regions(view, covers),
    )


def report_source(report: dict[str, Any], name: str, story: int) -> Source | None:
    """The value ``report`` gives for field ``name``, with its evidence, or None."""
    value = (report.get("summary") or {}).get(name)
    if not _given(value):
        return None
    return _source(_ReportView(report), name, value, story)


def sources_by_field(reports: list[dict[str, Any]], stories: list[int], names: Sequence[str],
                     timestamps: Sequence[float | None] | None = None) -> dict[str, list[Source]]:
    """``field_sources`` for several fields in one pass over the reports (each report's
    facts and time are read once); ``timestamps``: the reports' publication times, when
    already parsed."""
    found: dict[str, list[Source]] = {name: [] for name in names}
    for i, (report, story) in enumerate(zip(reports, stories)):
        summary = report.get("summary") or {}
        view: _ReportView | None = None
        for name in names:
            value = summary.get(name)
            # ``_given(value)``, inlined: this runs for every field of every report
            if value is None or not isinstance(value, dict) or (value.get("low") is None and value.get("high") is None):
                continue
            if view is None:
                view = _ReportView(report) if timestamps is None else _ReportView(report, timestamps[i])
            found[name].append(_source(view, name, value, story))
    return {name: collapse_reprints(sources) for name, sources in found.items()}


def collapse_reprints(sources: list[Source]) -> list[Source]:
    """One source per (story, value, places): the earliest copy, listing the others."""
    kept: dict[tuple, Source] = {}
    for source in sorted(sources, key=Source.order_key):
        key = (source.story, source.low, source.high, source.covers)
        if key in kept:
            kept[key].reprints.append(source.report)
        else:
            kept[key] = source
    return sorted(kept.values(), key=Source.order_key)


def field_sources(reports: list[dict[str, Any]], stories: list[int], name: str) -> list[Source]:
    """All sources for field ``name``, reprints collapsed, in publication order."""
    found = [report_source(r, name, story) for r, story in zip(reports, stories)]
    return collapse_reprints([s for s in found if s is not None])
