"""The speed-only rewrites of places.py and attacks.py (sixth pass) give what the
forms they replace give."""
from __future__ import annotations

import re
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract import attacks, places
from strikewatch.extract._patterns import alternation
from strikewatch.extract.doc import Doc, lower_preserving
from strikewatch.resources import load_toml
from .test_speed_att import check_month_gate


def _token_texts(tokens: list[str], words: int, glued: int) -> st.SearchStrategy[str]:
    """Texts of ``tokens``: up to ``words`` of them joined by spaces, or up to ``glued``
    (spaces among them) run together, which makes words that only look like tokens."""
    return (st.lists(st.sampled_from(tokens), max_size=words).map(" ".join)
            | st.lists(st.sampled_from(tokens + [" "]), max_size=glued).map("".join))


_CUES = load_toml("place_cues.toml")
_PUNCT = ["-", "_", "x", "1", ".", ",", "\n", "\t", "(", "“", "’s", "'s", "é", "the", "in", "of", "Kyiv", "Kharkiv"]
_STRUCK_TOKENS = sorted({*_CUES["struck"], "kill", "hitting", "fired", "deadline", "white", "fellow", *_PUNCT})


@settings(max_examples=1000, deadline=None)
@given(_token_texts(_STRUCK_TOKENS, 20, 16), st.integers(0, 40), st.integers(0, 120))
def test_struck_in_is_the_struck_search(text, start, width):
    """``_struck_in`` answers what ``struck_rx.search(lower, start, end)`` answers."""
    lower = lower_preserving(text)
    end = min(len(lower), start + width)
    start = min(start, end)
    g = places.gazetteer()
    for a, b in ((0, len(lower)), (start, end), (0, end), (start, len(lower))):
        assert places._struck_in(g, lower, a, b) == bool(g.struck_rx.search(lower, a, b)), (a, b)


_BEFORE_TOKENS = sorted({*_CUES["mention_before"], "city of", "town of", "village of", "the", "The", *_PUNCT,
                         "Lviv", "  ", "from\n", "visiting-", "xnear", "near_"})


# before_rx as it was, with an alternation of the reversed cues where it now has a trie
_BEFORE_OLD = re.compile(rf"\s+(?:fo\s+(?:ytic|nwot|egalliv)\s+)?(?:eht\s+)?(?:{alternation([c[::-1] for c in _CUES['mention_before']])})(?![\w-])")


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_BEFORE_TOKENS, 16, 12), st.integers(0, 200))
def test_mentioned_before_is_the_reversed_match(text, start):
    """``_mentioned_before`` (white space first, a trie of the cues) answers
    what the former ``before_rx`` matching the reversed 60 characters before ``start``
    answers."""
    lower = lower_preserving(text)
    start = min(start, len(lower))
    g = places.gazetteer()
    old = bool(_BEFORE_OLD.match(lower[max(0, start - 60) : start][::-1]))
    assert places._mentioned_before(g, lower, start) == old


_AFTER_TOKENS = sorted({*_CUES["mention_after"], " ", "  ", "made", "madex", "river-", "'s", "’s", *_PUNCT})


@settings(max_examples=1000, deadline=None)
@given(_token_texts(_AFTER_TOKENS, 12, 12), st.integers(0, 60))
def test_mentioned_after_is_the_match(text, end):
    """``_mentioned_after`` answers what ``after_rx.match(lower[end : end + 40])`` answers."""
    lower = lower_preserving(text)
    end = min(end, len(lower))
    g = places.gazetteer()
    assert places._mentioned_after(g, lower, end) == bool(g.after_rx.match(lower[end : end + 40]))


_RIVER_OLD = re.compile(r"\s+[Rr]iver\b")


def _gazetteer_places_old(text: str, phrases: places.Scan) -> list[tuple[str, int, int]]:
    """``_gazetteer_places`` before the speed-only gates (the "iver" and ASCII capital tests)."""
    found: list[tuple[str, int, int]] = []
    last_end = -1
    for start, negative_length, place in phrases.aliases:
        if start < last_end:
            continue
        first = text[start]
        if first.isalpha() and not first.isupper():
            continue
        stop = start - negative_length
        surface = text[start:stop]
        if place.case_sensitive and surface != place.alias:
            continue
        if _RIVER_OLD.match(text, stop):
            continue
        found.append((place.canonical, start, stop))
        last_end = stop
    return found


_PLACE_TOKENS = ["Kyiv", "kyiv", "KYIV", "Kharkiv", "Dnipro", "Odesa", "Lviv", "Sumy", "Kryvyi Rih", "River", "river",
                 "rivers", "River-", "iver", "Dnipro River", "Ékaterinburg", "ǅ", "region", "Kharkiv region", "in", "the",
                 ",", ".", "-", "\n", "'s", "Zaporizhzhia", "Kherson", "Moscow", "Russia", "Ukraine"]


@settings(max_examples=600, deadline=None)
@given(_token_texts(_PLACE_TOKENS, 20, 16))
def test_gazetteer_places_gates_change_nothing(text):
    phrases = places.scan(lower_preserving(text))
    assert ([(m.place.canonical, m.start, m.end) for m in places._gazetteer_places(text, phrases)]
            == _gazetteer_places_old(text, phrases))


_SUPERLATIVE_TOKENS = ["largest", "biggest", "deadliest", "heaviest", "worst", "most", "most\nintense", "record",
                       "one of the", "one", "of", "the", "records", "xlargest", "_worst", "-worst", "é", "1", "attack",
                       ",", ".", "\n", "one  of  the"]


@settings(max_examples=1000, deadline=None)
@given(_token_texts(_SUPERLATIVE_TOKENS, 16, 14), st.integers(0, 40), st.integers(0, 120))
def test_superlative_in_is_the_search(text, start, width):
    lower = lower_preserving(text)
    end = min(len(lower), start + width)
    start = min(start, end)
    for a, b in ((0, len(lower)), (start, end), (0, end)):
        assert attacks._superlative_in(lower, a, b) == bool(attacks._SUPERLATIVE.search(lower, a, b)), (a, b)


def _per_sentence_old(hits, sentences, starts):
    out: dict[int, list[tuple[int, int]]] = {}
    if not hits.spans or not sentences:
        return out
    for a, b, free in hits.spans:
        index = max(0, bisect_right(starts, a) - 1)
        start, end = sentences[index]
        if a >= start and b <= end and (free or b == end):
            matches = out.setdefault(index, [])
            if not matches or a >= matches[-1][1]:
                matches.append((a, b))
    return out


_SENTENCE_TOKENS = ["Kyiv was hit.", "A strike killed two.", "Russia attacked", "counter", "overnight", "on Monday",
                    "Monday's attack", "in May", "march", "today", "last night", "earlier", "\n\n", ".", ",", ";",
                    "while", ", as", "as the", "shelling", "Dr.", "U.S.", "the", "at", "and", "Ukraine", "killed"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_SENTENCE_TOKENS, 30, 20), st.integers(0, 400))
def test_sentence_tables_and_clauses_are_the_old_forms(text, offset):
    """``_per_sentence`` (a walk) is the former bisect per hit; the paragraph of each
    sentence is ``doc.paragraph_index`` of its start; ``_clause`` (loops) is the former
    max/min of generators."""
    doc = Doc.build(text)
    hits = attacks._phrase_hits(doc.lower)
    starts = [s for s, _ in doc.sentences]
    for tag in ("strong", "counter", "month", "time", "weekday", "related", "Russia"):
        assert attacks._per_sentence(hits[tag], doc.sentences, starts) == _per_sentence_old(hits[tag], doc.sentences, starts)
    classifier = attacks.AttackClassifier(doc, None, [], "2025-03-04", "2025-03-05")
    assert classifier._paragraph_of_sentences() == [doc.paragraph_index(s) for s in starts]
    if not doc.sentences:
        return
    offset = min(offset, len(text))
    index = doc.sentence_index(offset)
    start, end = doc.sentences[index]
    breaks = [(m.start(), m.end()) for m in attacks._CLAUSE_BREAK.finditer(doc.lower, start, end)]
    old = (max((b for _, b in breaks if b <= offset), default=start), min((a for a, _ in breaks if a >= offset), default=end))
    assert classifier._clause(index, offset) == old


def _may_refer_to_region_old(text: str) -> bool:
    for m in places._REGION_REF_TAIL.finditer(text):
        head = m.start()
        while head > 0 and text[head - 1].isspace():
            head -= 1
        if head < m.start() and text.endswith(places._REGION_REF_HEAD, 0, head):
            return True
    return False


_REGION_REF_TOKENS = ["in", "of", "across", "around", "throughout", "elsewhere", "the", "The", "bathe", "surrounding",
                      "wider", "same", "region", "oblast", "province", "Region", "regions", "regional", "Kharkiv",
                      "\n", "  ", ",", ".", "-", "x", "the\tsame", "in\nthe"]


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_REGION_REF_TOKENS, 14, 14))
def test_region_reference_gate_is_the_tail_scan(text):
    """``_may_refer_to_region``, trying the tail only before region words, answers what
    testing every match of ``_REGION_REF_TAIL.finditer`` answers."""
    phrases = places.scan(lower_preserving(text))
    words = places._occurrences(text, phrases, "places.region", ("Region", "region", "Oblast", "oblast", "Province", "province"))
    assert places._may_refer_to_region(text, words) == _may_refer_to_region_old(text)


_DAY_REF_TOKENS = ["Monday", "tuesday", "Wednesday's", "friday’s", "sunday", "saturday", "on", "On", "upon", "on\n",
                   "hit", "struck", "attacked", "killed", "died", "launched", "used", "fired", "caused", "shit", "white",
                   "attack", "strikes", "barrage", "the", "overnight", "night of", "into", "late", "night", "evening",
                   "'s", "’s", ",", "\t", "a", "city", "the city", "used on Monday", "hit on tuesday",
                   "used two drones on friday", "fired at it on sunday", "struck\non Saturday", "killed on monday night",
                   "Monday's attack", "tuesday's strikes", "the city was hit and struck on wednesday"]


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_DAY_REF_TOKENS, 16, 14), st.integers(0, 40), st.integers(0, 160))
def test_day_refs_are_the_finditer(text, start, end):
    """``_day_refs`` (the pattern tried at weekdays and verbs only) gives the matches
    of ``_DAY_REF.finditer`` in a window."""
    lower = lower_preserving(text)
    end = min(end, len(lower))
    start = min(start, end)
    spans = attacks._phrase_hits(lower)["weekday"].spans
    for a, b in ((0, len(lower)), (start, end)):
        new = [(m.span(), m.group("wd"), m.group("wd2")) for m in attacks._day_refs(lower, spans, a, b)]
        assert new == [(m.span(), m.group("wd"), m.group("wd2")) for m in attacks._DAY_REF.finditer(lower, a, b)]


def test_places_given_the_lowered_text_equal_places_lowering_it_themselves():
    for text in ("Kyiv", "KYIV İstanbul", "Drones launched from Kursk and Bryansk hit Kharkiv.", "", "ΣΑ"):
        lower = lower_preserving(text)
        assert places.find_places(text, lower) == places.find_places(text)
        assert places.launch_site_spans(text, lower) == places.launch_site_spans(text)


_CLAUSE_TOKENS = ["while", "as", "as the", "but", "whereas", "after", "when", ",", ";", ", as", ", while", " ", "\n", "\t",
                  "the", "was", "has", "meanwhile", "erwhile", "the city", "a", "killed", "Kyiv", ",\n", "as\nthe"]


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_CLAUSE_TOKENS, 18, 16), st.integers(0, 40), st.integers(0, 160))
def test_clause_breaks_are_the_finditer(text, start, end):
    lower = lower_preserving(text)
    end = min(end, len(lower))
    start = min(start, end)
    for a, b in ((0, len(lower)), (start, end)):
        assert attacks._clause_breaks(lower, a, b) == [(m.start(), m.end()) for m in attacks._CLAUSE_BREAK.finditer(lower, a, b)]


_MONTH_GATE_TOKENS = ["in", "since", "during", "throughout", "early", "late", "mid", "mid-", "midmay", "midjune", "may",
                      "june", "march", "3", "2025", "of", "the", "declared", "amid", "\n", ",", "-", "x", "_"]


@settings(max_examples=1000, deadline=None)
@given(_token_texts(_MONTH_GATE_TOKENS, 12, 12), st.integers(0, 40), st.integers(0, 120))
def test_month_gate_never_hides_a_date_after_mid(text, start, end):
    """``_month_at_word_start`` also lets through a month glued to "mid" ("in midmay"),
    which ``_IN_MONTH`` accepts."""
    check_month_gate(text, start, end)
