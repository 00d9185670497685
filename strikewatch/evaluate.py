"""Score extraction (and event grouping) against a gold file.

Gold format (docs/gold-format.md): one JSON object per article with the expected
summary ranges, sets and an event label. Range fields score as *exact* (low and high
both equal, null == null) and as *overlap* (the two ranges intersect, or both null);
set fields (places_struck, speakers) score precision/recall/F1 over all articles with
names normalised through the gazetteer and the people table."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .models import RANGE_FIELDS

SET_FIELDS = ("places_struck", "speakers")
SCALAR_FIELDS = ("event_date", "attacker")


@dataclass
class FieldScore:
    name: str
    n: int = 0
    exact: int = 0
    overlap: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.exact / self.n if self.n else 0.0

    @property
    def overlap_accuracy(self) -> float:
        return self.overlap / self.n if self.n else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.name, "n": self.n, "accuracy": round(self.accuracy, 3)}
        if self.name in RANGE_FIELDS:
            out["overlap_accuracy"] = round(self.overlap_accuracy, 3)
        if self.name in SET_FIELDS or self.name in RANGE_FIELDS:
            out |= {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}
        return out


def load_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: malformed JSON ({err.msg})") from err
    return rows


def _range(value: Any) -> tuple[int | None, int | None] | None:
    if value is None:
        return None
    return value.get("low"), value.get("high")


def _overlap(a: tuple | None, b: tuple | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    lo = max(x for x in (a[0], b[0], -1) if x is not None)
    hi_a = a[1] if a[1] is not None else 10**9
    hi_b = b[1] if b[1] is not None else 10**9
    return lo <= min(hi_a, hi_b)


def score_range(score: FieldScore, article: str, gold: Any, got: Any) -> None:
    g, p = _range(gold), _range(got)
    score.n += 1
    score.exact += g == p
    score.overlap += _overlap(g, p)
    # precision/recall on "a figure was reported": a wrong figure is both a FP and a FN
    if p is not None and g is not None:
        if _overlap(g, p):
            score.tp += 1
        else:
            score.fp += 1
            score.fn += 1
    elif p is not None:
        score.fp += 1
    elif g is not None:
        score.fn += 1
    if g != p:
        score.errors.append({"id": article, "gold": gold, "got": got})


def _norm_place(name: str) -> str:
    """Canonical spelling; districts compare without the word "district"."""
    from .extract.places import lookup

    entry = lookup(name) or lookup(re.sub(r"\s+district$", "", name, flags=re.I))
    canonical = entry.canonical if entry else name.strip()
    return re.sub(r"\s+district$", "", canonical, flags=re.I).lower()


def _norm_person(name: str) -> str:
    from .extract.quotes import _tables

    known = _tables().known
    hit = known.get(name.lower()) or known.get(name.lower().split()[-1] if name.split() else "")
    return (hit[0] if hit else name).lower()


def _match_sets(gold: Iterable[str], got: Iterable[str], person: bool) -> tuple[int, int, int]:
    norm = _norm_person if person else _norm_place
    g = {norm(x) for x in gold}
    p = {norm(x) for x in got}
    tp = 0
    unmatched = set(p)
    for item in g:
        hit = item if item in unmatched else next((x for x in unmatched if fuzz.ratio(x, item) >= 88), None)
        if hit is not None:
            tp += 1
            unmatched.discard(hit)
    return tp, len(unmatched), len(g) - tp


def score_set(score: FieldScore, article: str, gold: list[str], got: list[str]) -> None:
    tp, fp, fn = _match_sets(gold or [], got or [], person=score.name == "speakers")
    score.n += 1
    score.exact += fp == 0 and fn == 0
    score.tp, score.fp, score.fn = score.tp + tp, score.fp + fp, score.fn + fn
    if fp or fn:
        score.errors.append({"id": article, "gold": gold, "got": got})


def score_reports(gold_rows: list[dict[str, Any]], reports: dict[str, dict[str, Any]]) -> list[FieldScore]:
    """Per-field scores of ``reports`` (by id) against the gold rows."""
    scores = {name: FieldScore(name) for name in RANGE_FIELDS + SET_FIELDS + SCALAR_FIELDS}
    for gold in gold_rows:
        report = reports.get(gold["id"])
        summary = report["summary"] if report else {}
        for name in RANGE_FIELDS:
            if name in gold:
                score_range(scores[name], gold["id"], gold[name], summary.get(name))
        for name in SET_FIELDS:
            if name in gold:
                score_set(scores[name], gold["id"], gold[name], summary.get(name, []))
        for name, got in (("event_date", report.get("event_date") if report else None), ("attacker", summary.get("attacker"))):
            if name in gold:
                s = scores[name]
                s.n += 1
                s.exact += gold[name] == got
                if gold[name] != got:
                    s.errors.append({"id": gold["id"], "gold": gold[name], "got": got})
    return [s for s in scores.values() if s.n]


def score_grouping_if_available(gold_rows: list[dict[str, Any]], reports: list[dict[str, Any]]) -> dict[str, float] | None:
    """Pairwise and B-cubed scores of event grouping, when the events stage is built."""
    labels = {g["id"]: g["event"] for g in gold_rows if g.get("event")}
    if not labels:
        return None
    try:
        from .events import build_events, score_grouping
    except ImportError:
        return None
    predicted: dict[str, str] = {}
    for event in build_events(reports):
        for article in event["articles"]:
            predicted.setdefault(article, event["id"])
    return score_grouping({k: v for k, v in labels.items() if k in predicted}, predicted)
