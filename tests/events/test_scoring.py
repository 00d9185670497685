from __future__ import annotations

import pytest

from strikewatch.events import event_assignments, score_grouping


def test_perfect_grouping_scores_one() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    scores = score_grouping(gold, {"a": "1", "b": "1", "c": "2"})
    assert scores["pairwise_f1"] == 1.0 and scores["bcubed_f1"] == 1.0


def test_merging_two_events_costs_precision_not_recall() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    scores = score_grouping(gold, {k: "all" for k in gold})
    # 6 predicted pairs, 2 of them right; both gold pairs found.
    assert scores["pairwise_precision"] == pytest.approx(2 / 6)
    assert scores["pairwise_recall"] == 1.0
    assert scores["bcubed_precision"] == pytest.approx(0.5)
    assert scores["bcubed_recall"] == 1.0


def test_splitting_an_event_costs_recall() -> None:
    gold = {"a": "x", "b": "x", "c": "x"}
    scores = score_grouping(gold, {"a": "1", "b": "1", "c": "2"})
    assert scores["pairwise_precision"] == 1.0
    assert scores["pairwise_recall"] == pytest.approx(1 / 3)
    # B-cubed recall: a and b see 2 of 3, c sees 1 of 3.
    assert scores["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert scores["predicted_events"] == 2 and scores["gold_events"] == 1


def test_items_missing_from_prediction_are_singletons() -> None:
    scores = score_grouping({"a": "x", "b": "x"}, {"a": "1"})
    assert scores["pairwise_recall"] == 0.0 and scores["items"] == 2


def test_event_assignments_maps_articles_to_event_ids() -> None:
    events = [{"id": "ev-1", "articles": ["a", "b"]}, {"id": "ev-2", "articles": ["c"]}]
    assert event_assignments(events) == {"a": "ev-1", "b": "ev-1", "c": "ev-2"}
