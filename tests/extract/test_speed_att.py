"""The attack classifier's pre-filters never hide a match of the regex they guard."""
from hypothesis import given, settings, strategies as st

from strikewatch.extract import attacks
from strikewatch.extract.doc import lower_preserving

_DAY_TOKENS = ["Monday", "tuesday", "Wednesday's", "friday’s", "sunday 's", "on", "On", "upon", "on\n", "onsaturday",
               "hit", "struck", "fired", "attack", "strikes", "barrage", "the", "overnight", "night of", "late",
               "night", "'s", "’s", ",", "\t"]


def _token_texts(tokens: list[str], words: int, glued: int) -> st.SearchStrategy[str]:
    return (st.lists(st.sampled_from(tokens), max_size=words).map(" ".join)
            | st.lists(st.sampled_from(tokens + [" "]), max_size=glued).map("".join))


@settings(max_examples=1000, deadline=None)
@given(_token_texts(_DAY_TOKENS, 16, 14), st.integers(0, 40), st.integers(0, 120), st.integers(0, 20), st.integers(0, 20))
def test_day_ref_gate_never_hides_a_match(text, start, end, inner_start, inner_cut):
    """Where ``_may_refer_to_day`` says no, ``_DAY_REF`` finds nothing in the window nor
    in any window inside it (a clause)."""
    lower = lower_preserving(text)
    spans = attacks._phrase_hits(lower)["weekday"].spans
    if not attacks._may_refer_to_day(lower, spans, 0, len(lower)):
        assert attacks._DAY_REF.search(lower) is None
    end = min(end, len(lower))
    start = min(start, end)
    if attacks._may_refer_to_day(lower, spans, start, end):
        return
    assert attacks._DAY_REF.search(lower, start, end) is None
    a = min(start + inner_start, end)
    b = max(a, end - inner_cut)
    assert attacks._DAY_REF.search(lower, a, b) is None


_DATE_TOKENS = ["3", "31st", "20", "2025", "of", "in", "since", "during", "mid-", "early", "May", "may", "march", "mar.",
                "Sept", "sep", "december", "declared", "remarks", "xmay", "_jan", "-", ",", "on", "the", "\n",
                "mid-may", "3\nmarch", "in\nmid-june", "5-sept", "(march", "4\tdec."]


@settings(max_examples=1000, deadline=None)
@given(_token_texts(_DATE_TOKENS, 16, 14), st.integers(0, 40), st.integers(0, 120))
def test_month_gate_never_hides_a_date(text, start, end):
    """Where ``_month_at_word_start`` says no for the month stems of a window,
    ``EXPLICIT`` and ``_IN_MONTH`` find nothing in it."""
    check_month_gate(text, start, end)


def check_month_gate(text: str, start: int, end: int) -> None:
    """Where the month gate says no for the whole text or for ``[start, end)``, the
    date patterns find nothing there."""
    lower = lower_preserving(text)
    end = min(end, len(lower))
    start = min(start, end)
    for a, b in ((0, len(lower)), (start, end)):
        if not attacks._month_at_word_start(lower, attacks._phrase_hits(lower)["month"].iter(a, b)):
            assert attacks._EXPLICIT.search(lower, a, b) is None
            assert attacks._IN_MONTH.search(lower, a, b) is None
