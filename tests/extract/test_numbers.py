"""Numbers as ranges (docs/contract.md, "Range conventions")."""
import pytest
from hypothesis import given, strategies as st

from strikewatch.extract.numbers import apply_qualifier, find_numbers


def ranges(text: str) -> list[tuple]:
    return [(q.low, q.high, q.kind) for q in find_numbers(text.lower())]


@pytest.mark.parametrize(
    "phrase, low, high",
    [
        ("9 people", 9, 9),
        ("at least nine people", 9, None),
        ("no fewer than 12 people", 12, None),
        ("more than 40 people", 41, None),
        ("over 40 people", 41, None),
        ("nearly 300 drones", 270, 299),
        ("just under 130 drones", 117, 129),
        ("about 30 people", 27, 33),
        ("some 30 people", 27, 33),
        ("up to 650 drones", None, 650),
        ("a dozen people", 12, 12),
        ("over a dozen people", 13, None),
        ("dozens of people", 24, 99),
        ("hundreds of drones", 200, 999),
        ("two dozen people", 24, 24),
        ("forty-five people", 45, 45),
        ("one hundred and twenty drones", 120, 120),
        ("1,200 drones", 1200, 1200),
        ("10 to 15 people", 10, 15),
        ("two or three people", 2, 3),
        ("20 or more people", 20, None),
    ],
)
def test_phrases_become_ranges(phrase, low, high):
    found = ranges(phrase)
    assert found[0][:2] == (low, high)
    assert found[0][2] == "count"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("a 12-year-old girl", "age"),
        ("a nine-story building", "floor"),
        ("on the fifth floor", "ordinal"),
        ("60 percent of homes", "percent"),
        ("at 07:00 local time", "time"),
        ("on March 14", "date"),
        ("since 2022", "year"),
        ("about 60 kilometres away", "distance"),
        ("a $5 million grant", "money"),
        ("lasted 9 hours", "hours"),
        ("12345678901234567890123 people were killed", "large"),
        ("at least 1,000,000,000,000 drones", "large"),
    ],
)
def test_numbers_that_are_not_counts(text, kind):
    kinds = [k for _, _, k in ranges(text)]
    assert kind in kinds or not [k for k in kinds if k == "count"], kinds
    assert "count" not in kinds


def test_no_one_is_not_a_number():
    assert ranges("no one was hurt") == []


def test_model_numbers_are_not_counts():
    assert ranges("Kh-101 and S-300 missiles") == []


@given(st.integers(min_value=1, max_value=100_000), st.sampled_from(["at_least", "more_than", "nearly", "about", "up_to", ""]))
def test_qualified_range_contains_or_borders_the_number(value, meaning):
    low, high = apply_qualifier(value, meaning)
    assert low is None or high is None or low <= high
    if meaning in ("", "at_least", "about", "up_to"):
        assert (low is None or low <= value) and (high is None or value <= high)
