"""The date expressions are run only on segments that can hold a match (``dates._NEEDS``):
check that every match holds one of the strings its gate looks for, on generated text
full of near misses (weekdays inside other words, abbreviations, glued tokens)."""
from hypothesis import given, settings, strategies as st

from strikewatch.extract import dates

_TOKENS = [
    *dates._WEEKDAYS, "mon", "sun", "day", "days", *dates._MONTHS, "jan.", "sept", "sept.", "sep", "may",
    "night", "nights", "overnight", "tonight", "morning", "hours", "today", "yesterday", "last", "early", "late",
    "on", "this", "earlier", "consecutive", "straight", "second", "third", "another", "of", "into", "to", "from",
    "'s", "’s", "attack", "strike", "barrage", "evening", "afternoon", "13", "14th", "2", "-", "–", "2025", ",",
    ".", "the", "said", "x",
]
_texts = (st.lists(st.sampled_from(_TOKENS), max_size=30).map(" ".join)
          | st.lists(st.sampled_from(_TOKENS + [" "]), max_size=14).map("".join))


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_every_match_holds_a_string_its_gate_needs(text):
    for kind, rx in dates._EXPRESSIONS:
        for m in rx.finditer(text):
            assert dates._may_hold(kind, m.group()), (kind, m.group())


def test_the_gate_covers_every_expression():
    assert set(dates._NEEDS) == {kind for kind, _ in dates._EXPRESSIONS}
