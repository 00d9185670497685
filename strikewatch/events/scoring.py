"""Grouping quality: pairwise precision/recall/F1 and B-cubed precision/recall/F1."""
from __future__ import annotations

from collections import Counter
from typing import Any


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _pairwise(cells: Counter, gold_sizes: Counter, pred_sizes: Counter) -> tuple[float, float]:
    together = sum(_pairs(n) for n in cells.values())
    predicted = sum(_pairs(n) for n in pred_sizes.values())
    expected = sum(_pairs(n) for n in gold_sizes.values())
    precision = together / predicted if predicted else 1.0
    recall = together / expected if expected else 1.0
    return precision, recall


def _bcubed(items: list[str], gold: dict[str, str], predicted: dict[str, str],
            cells: Counter, gold_sizes: Counter, pred_sizes: Counter) -> tuple[float, float]:
    if not items:
        return 1.0, 1.0
    precision = recall = 0.0
    for item in items:
        cell = cells[(gold[item], predicted[item])]
        precision += cell / pred_sizes[predicted[item]]
        recall += cell / gold_sizes[gold[item]]
    return precision / len(items), recall / len(items)


def score_grouping(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, Any]:
    """Compare two clusterings given as {item id: cluster label}, over the items both
    label. Items missing from ``predicted`` count as singletons. Returns a flat dict:
    ``items``, ``gold_events``, ``predicted_events`` and ``{pairwise,bcubed}_{precision,
    recall,f1}``."""
    items = sorted(gold)
    pred = {i: predicted.get(i, f"\0missing:{i}") for i in items}
    cells = Counter([(gold[i], pred[i]) for i in items])
    gold_sizes = Counter([gold[i] for i in items])
    pred_sizes = Counter([pred[i] for i in items])
    pp, pr = _pairwise(cells, gold_sizes, pred_sizes)
    bp, br = _bcubed(items, gold, pred, cells, gold_sizes, pred_sizes)
    return {
        "items": len(items), "gold_events": len(gold_sizes), "predicted_events": len(pred_sizes),
        "pairwise_precision": pp, "pairwise_recall": pr, "pairwise_f1": _f1(pp, pr),
        "bcubed_precision": bp, "bcubed_recall": br, "bcubed_f1": _f1(bp, br),
    }


def event_assignments(events: list[dict[str, Any]]) -> dict[str, str]:
    """{report id: event id} from ``build_events`` output."""
    return {article: event["id"] for event in events for article in event["articles"]}
