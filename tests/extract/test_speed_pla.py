"""The speed-only rewrites of places.py give what the regex searches they replace give."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract import places
from strikewatch.extract.doc import lower_preserving
from strikewatch.resources import load_toml


def _token_texts(tokens: list[str], words: int, glued: int) -> st.SearchStrategy[str]:
    """Texts of ``tokens``: up to ``words`` of them joined by spaces, or up to ``glued``
    (spaces among them) run together, which makes words that only look like tokens."""
    return (st.lists(st.sampled_from(tokens), max_size=words).map(" ".join)
            | st.lists(st.sampled_from(tokens + [" "]), max_size=glued).map("".join))


_REGION_TOKENS = ["Poltava", "Lviv", "Kharkiv", "Sumy", "Kyiv", "Lwów", "Donetsk", "Zaporizhzhia", "and", "the",
                  "region", "regions", "oblast", "oblasts", "province", "provinces", "Region", "Oblast", "of", ",",
                  ", and", ".", "(", ")", "pro-Kyiv", "McDonald", "O'Neil", "Kyiv’s", "-", "regional", "subregion",
                  "in", "x", "1", "_", "\n", "and,", "AND", "Odesa-Mykolaiv"]


@settings(max_examples=600, deadline=None)
@given(_token_texts(_REGION_TOKENS, 30, 20), st.integers(0, 40), st.integers(0, 200))
def test_region_lists_are_the_pattern_matches(text, lo, width):
    """``_region_lists`` finds what ``_REGION_LIST.finditer`` finds in a window."""
    hi = min(len(text), lo + width)
    lo = min(lo, hi)
    words = sorted(m.start() for m in re.finditer(r"(?=region|oblast|province)", text))
    assert ([(m.span(), m.span("list"), m.span("list2")) for m in places._region_lists(text, lo, hi, words)]
            == [(m.span(), m.span("list"), m.span("list2")) for m in places._REGION_LIST.finditer(text, lo, hi)])


_TOTAL_TOKENS = sorted({*load_toml("place_cues.toml")["total_markers"], "in", "all", "total", "of", "across",
                        "the", "country", "-", "_", "x", "1", ".", ",", "overall-", "ukraine", "allied", "Nationwide"})


@settings(max_examples=600, deadline=None)
@given(_token_texts(_TOTAL_TOKENS, 24, 16), st.integers(0, 30), st.integers(0, 120))
def test_total_markers_from_the_scan_are_the_regex_search(text, start, width):
    """``_cue_in`` over the scan's "places.total" table answers what
    ``total_rx.search(lower, start, end)`` answers (``is_total_sentence``)."""
    lower = lower_preserving(text)
    end = min(len(lower), start + width)
    start = min(start, end)
    spans = places.scan(lower).phrases["places.total"]
    assert places._cue_in(lower, spans, start, end) == bool(places.gazetteer().total_rx.search(lower, start, end))
