"""The speed-only rewrites of places.py and attacks.py (seventh pass) give what the
forms they replace give."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract import attacks, places
from strikewatch.extract.doc import Doc, lower_preserving


def _token_texts(tokens: list[str], words: int, glued: int) -> st.SearchStrategy[str]:
    """Texts of ``tokens``: up to ``words`` of them joined by spaces, or up to ``glued``
    (spaces among them) run together, which makes words that only look like tokens."""
    return (st.lists(st.sampled_from(tokens), max_size=words).map(" ".join)
            | st.lists(st.sampled_from(tokens + [" "]), max_size=glued).map("".join))


_REGION_TOKENS = ["Poltava", "Lviv", "Kharkiv", "region", "regions", "oblast", "oblasts", "province", "Region",
                  "Oblast", "Province", "regional", "subregion", "of", "the", "and", ",", "-", "x", "\n", "é"]


@settings(max_examples=1000, deadline=None)
@given(_token_texts(_REGION_TOKENS, 20, 16), st.integers(0, 60), st.integers(0, 160))
def test_list_word_test_is_the_search(text, lo, width):
    """The last test of ``_cities_as_regions``' skip, ``_span_within`` of the region
    words written in lower case (as found by the scan), answers what
    ``_LIST_WORD.search`` answers in a window."""
    hi = min(len(text), lo + width)
    lo = min(lo, hi)
    words = places._occurrences(text, places.scan(lower_preserving(text)), "places.region",
                                ("Region", "region", "Oblast", "oblast", "Province", "province"))
    spans = [(a, b) for a, b in words if text[a:b] in places._LIST_WORDS]
    for a, b in ((0, len(text)), (lo, hi)):
        assert places._span_within(spans, a, b) == bool(places._LIST_WORD.search(text, a, b)), (a, b)


_SENTENCE_TOKENS = ["Kyiv was hit.", "A strike killed two.", "Dr.", "U.S.", "\n\n", ".", "!", "?", "the", "and",
                    "Two died. Three were hurt.", "x", " ", "\n"]


@settings(max_examples=800, deadline=None)
@given(_token_texts(_SENTENCE_TOKENS, 30, 20), st.lists(st.integers(-5, 400), max_size=12), st.integers(0, 40))
def test_sentence_near_is_the_sentence_index(text, offsets, guess):
    """``sentence_near`` gives ``doc.sentence_index`` whatever the guess, and as the
    classifier and classify_places use it (each answer the next guess)."""
    doc = Doc.build(text)
    last = 0
    for offset in offsets:
        offset = max(0, min(offset, len(text)))
        assert places.sentence_near(doc, offset, guess) == doc.sentence_index(offset)
        assert places.sentence_near(doc, offset, min(guess, max(0, len(doc.sentences) - 1))) == doc.sentence_index(offset)
        last = places.sentence_near(doc, offset, last)
        assert last == doc.sentence_index(offset)


_HIT_TOKENS = ["attack", "attacks", "attacked", "strike", "strikes", "russia", "russian", "kremlin", "ukraine",
               "monday", "overnight", "night", "tonight", "march", "may", "earlier", "previous", "since", "last week",
               "-", "_", "x", ",", ".", "\n", "the", "in"]


@settings(max_examples=600, deadline=None)
@given(_token_texts(_HIT_TOKENS, 24, 18))
def test_hits_are_ordered_as_by_the_old_key(text):
    """``_Hits`` orders its spans leftmost, then longest first, as the former sort with
    the key ``(start, -end)`` did."""
    lower = lower_preserving(text)
    for hits in attacks._phrase_hits(lower).values():
        assert hits.spans == sorted(hits.spans, key=lambda s: (s[0], -s[1]))
        assert hits.starts == [a for a, _, _ in hits.spans]


_ALIAS_TOKENS = ["Kharkiv", "Kharkiv region", "Kharkiv Oblast", "region", "oblast", "Kryvyi Rih", "Kryvyi", "Rih",
                 "Kyiv", "Kyiv region", "Odesa", "Sumy", "Sumy region", "district", "Shevchenkivskyi district",
                 "-", "x", ",", "\n", "the", "in"]


@settings(max_examples=600, deadline=None)
@given(_token_texts(_ALIAS_TOKENS, 20, 16))
def test_scan_orders_aliases_as_by_the_old_key(text):
    """``scan`` orders its aliases as the former sort with the key ``(start, -length)``."""
    aliases = places.scan(lower_preserving(text)).aliases
    assert aliases == sorted(aliases, key=lambda a: (a[0], a[1]))


def _tail_start_old(text: str, word: int) -> int:
    """``_tail_start`` as it was, with ``str.endswith``."""
    j = places._before_space(text, word)
    if j == word:
        return -1
    if text.endswith("the", 0, j):
        return j - 3
    for middle in places._REGION_REF_MIDDLE:
        if text.endswith(middle, 0, j):
            k = places._before_space(text, j - len(middle))
            if k < j - len(middle) and text.endswith("the", 0, k):
                return k - 3
            return -1
    return -1


_TAIL_TOKENS = ["the", "he", "th", "e", "x", "thx", "bathe", "surrounding", "wider", "same", "ame", "der", "xsame", "region",
                "oblast", "\n", "  ", "in", "of"]


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_TAIL_TOKENS, 10, 12))
def test_tail_start_is_the_endswith_form(text):
    """``_tail_start`` (slices compared) gives what the ``str.endswith`` form gave,
    before every offset."""
    for word in range(len(text) + 1):
        assert places._tail_start(text, word) == _tail_start_old(text, word), word
