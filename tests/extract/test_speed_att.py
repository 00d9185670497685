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
