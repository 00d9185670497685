"""Speed pass on the extraction core (doc.py, numbers.py, dates.py, pipeline.py, ...):
each shortcut is checked against the form it replaces on generated text.

SLOT, the stand-in for a quantity in the shadow text, is a Latin-1 control character
("\\x01") instead of the private-use "\\ue000", so that the shadow of a Latin-1 text is
a one-byte string (speed only). Every pattern that runs over the shadow must find the
same matches as it did written with "\\ue000" over the old shadow, and a SLOT character
already in the text must not become a phantom quantity."""
import re

from hypothesis import given, settings

from strikewatch.extract import casualties, weapons
from strikewatch.extract.doc import SLOT, SLOT_STAND_IN, Doc

from .test_scanning import _token_texts

_OLD_SLOT = "\ue000"

_TOKENS = ["5", "12", "310", "two", "twenty-one", "a dozen", "at least 3", "dozens of", "one", "people", "civilians",
           "were", "was", "killed", "injured", "wounded", "dead", "dead:", "including", "of them", "children", "women",
           "among the dead", "the death toll", "rose to", "toll", "bodies of", "in", "from", "and", "as well as",
           "other", "more", "drones", "missiles", "shahed", "cruise missiles", "of", "out of", "of the", "all but",
           "half", "most", "a quarter", "were intercepted", "intercepted", "shot down", "-", ",", ".", ";", "x",
           "\x01", "5\x01", "\x01\x01 people", "\x01 drones", "12 people\x01", "age", "years old", "%"]


def _old_shadow(doc: Doc) -> str:
    """The shadow text as built with the old SLOT: "\\ue000" for each character of a
    counted quantity, the rest of ``lower`` as it is."""
    chars = list(doc.lower)
    for q in doc.numbers:
        if q.kind == "count":
            chars[q.start : q.end] = _OLD_SLOT * (q.end - q.start)
    return "".join(chars)


def _shadow_patterns() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for holder in (casualties._patterns(), weapons._tables(), casualties, weapons):
        for name in dir(holder):
            value = getattr(holder, name)
            if isinstance(value, re.Pattern) and SLOT in value.pattern:
                found.append(value)
    return found


def _key(m: re.Match[str], back: dict[int, int]) -> tuple:
    return m.span(), {k: v.translate(back) if v else v for k, v in m.groupdict().items()}


@settings(max_examples=400, deadline=None)
@given(_token_texts(_TOKENS, 40, 20))
def test_the_latin1_slot_finds_what_the_private_use_one_found(text):
    """The shadow is the old shadow with SLOT for "\\ue000" and SLOT_STAND_IN for the
    text's own SLOT characters; every pattern over the shadow finds the same spans and
    groups as it did written with "\\ue000" over the old shadow."""
    _same_matches_as_with_the_old_slot(text)


def test_the_latin1_slot_on_written_cases():
    for text in ("The death toll from the 5 strikes in Odesa rose to 12.", "The death toll in 3 districts rose to 7",
                 "Of the 9 missiles, 8 were intercepted; 2 \x01 people were killed, 3 more injured.",
                 "\x01\x01 drones and 4 missiles were shot down, 12 of them over Kyiv \x01"):
        _same_matches_as_with_the_old_slot(text)


def _same_matches_as_with_the_old_slot(text: str) -> None:
    doc = Doc.build(text)
    old = _old_shadow(doc)
    assert len(doc.shadow) == len(doc.lower)
    assert doc.shadow == old.translate({ord(SLOT): SLOT_STAND_IN, ord(_OLD_SLOT): SLOT})
    back = {ord(SLOT): _OLD_SLOT, ord(SLOT_STAND_IN): SLOT}
    rxs = _shadow_patterns()
    assert len(rxs) >= 10
    for rx in rxs:
        old_rx = re.compile(rx.pattern.replace(SLOT, _OLD_SLOT), rx.flags)
        assert ([_key(m, back) for m in rx.finditer(doc.shadow)]
                == [_key(m, {}) for m in old_rx.finditer(old)]), rx.pattern[:60]


def test_a_slot_character_in_the_text_makes_no_quantity():
    text = "Officials said \x01\x01 people were killed and 3 were injured; \x01 drones were shot down."
    doc = Doc.build(text)
    assert SLOT not in doc.shadow[: doc.shadow.index("were killed")]
    assert doc.shadow.count(SLOT) == 1  # the "3"
    assert doc.shadow.count(SLOT_STAND_IN) == 3
    assert [(m.kind, m.low) for m in casualties.find_casualties(doc)] == [("injured", 3)]


# --- dates: the expressions searched from where their first match can start ---------

from strikewatch.extract import dates, doc as doc_module  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from .test_scanning import _old_split  # noqa: E402


def _old_first_expression(segment: str):
    """dates._first_expression as it was: every expression gated by _may_hold only and
    searched from the start of the segment."""
    best = None
    for rank, (kind, rx) in enumerate(dates._EXPRESSIONS):
        if not dates._may_hold(kind, segment):
            continue
        for m in rx.finditer(segment):
            if dates._CONTEXT.search(segment[max(0, m.start() - 30) : m.start()]):
                continue
            if kind in ("weekday", "explicit") and dates._SPEECH.search(segment[max(0, m.start() - 30) : m.start()]):
                continue
            if best is None or (m.start(), rank) < (best[0], best[1]):
                best = (m.start(), rank, kind, m)
            break
    if best and best[2] == "weekday":
        night = dates._EXPRESSIONS[2][1].search(segment) if dates._may_hold("night_weekday", segment) else None
        if night:
            return "night_weekday", night
        named = dates._EXPRESSIONS[0][1].search(segment)
        if named:
            return "attack_weekday", named
    return (best[2], best[3]) if best else None


_DATE_TOKENS = ["monday", "tuesday", "sunday", "saturday", "friday", "mondays", "xmonday", "sundaythis", "early",
                "late", "on", "overnight", "last", "this", "morning", "night", "evening", "afternoon", "'s", "’s",
                "monday's", "friday’s", "attack", "strike", "strikes", "the", "night of", "into", "to", "13", "14",
                "3", "2025", "2024", "march", "mar.", "july", "sept", "dec", "of", "st", "th", "-", "–", ",", ".",
                "last night", "second night", "another night", "this morning", "early hours", "tonight", "today",
                "earlier today", "yesterday", "xyesterday", "said", "officials said", "rose to", "last week",
                "since", "in 2024", "a week ago", "  ", "\n", "٣", "onmonday", "lastnight", "overnighttoday"]


def _key_of(hit):
    return None if hit is None else (hit[0], hit[1].span(), hit[1].groupdict())


_DATE_CASES = ["overnight monday", "overnight  \n sunday", "this sunday's strike", "friday’s attack", "on 14 march",
               "march 3, 2025", "dec. 13", "march 3", "3rd of may", "another night", "earlier today", "xyesterday", "yesterday",
               "early  hours", "last night", "the consecutive night", "late tuesday", "straight night"]


@settings(max_examples=800, deadline=None)
@given(_token_texts(_DATE_TOKENS + _DATE_CASES, 30, 16))
def test_first_expression_equals_the_plain_searches(segment):
    assert _key_of(dates._first_expression(segment)) == _key_of(_old_first_expression(segment))


@settings(max_examples=800, deadline=None)
@given(_token_texts(_DATE_TOKENS + _DATE_CASES, 12, 8))
def test_no_date_expression_matches_before_its_search_start(segment):
    for kind, rx in dates._EXPRESSIONS:
        pos = dates._search_from(kind, segment)
        first = rx.search(segment)
        if pos < 0:
            assert first is None, kind
        elif first is not None:
            assert first.start() >= pos, kind


def test_date_cases_start_where_their_match_starts():
    for case in _DATE_CASES:
        for kind, rx in dates._EXPRESSIONS:
            first = rx.search(case)
            pos = dates._search_from(kind, case)
            assert first is None if pos < 0 else first is None or pos <= first.start(), (case, kind)
            assert pos >= 0 or first is None


# --- doc: sentence boundaries read without a regex call after ". " ------------------

_SPLIT_ALPHABET = ".!?\n -*•\"'()[]“”‘’AaZz9АЯІЇЄҐЁбя@"


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=_SPLIT_ALPHABET, max_size=40)
       | _token_texts(["The", "A", "9", "\"We", "“Я", "‘Ї", "(Є", "[Ґ", "Ёж", "U.S.", "Mr.", "a.", ". ", ".  ", ".\n",
                       ".\n\n", "\n- ", "x", "said", "(a", "'b", "!", "?", ".”", ".) "], 30, 16))
def test_sentence_split_equals_the_regex_boundaries(text):
    assert doc_module.split_sentences(text) == _old_split(text)


@settings(max_examples=300, deadline=None)
@given(_token_texts(["The", "one", "5", ". ", "\n\n", "x", "said", "Mr."], 40, 10))
def test_sentence_index_equals_bisect(text):
    from bisect import bisect_right

    doc = Doc.build(text)
    for offset in range(-2, len(text) + 3):
        assert doc.sentence_index(offset) == max(0, bisect_right(doc._sentence_starts, offset) - 1)


# --- numbers: the word after a number read with a character loop --------------------

from strikewatch.extract import numbers  # noqa: E402

_OLD_AFTER_LEAD = re.compile(r"[\s\-‑–]*(\w*)")
_LEAD_ALPHABET = " \t\n\u00a0\u2009-‑–—_aZé٣²5.%:,'’x"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_LEAD_ALPHABET, max_size=40)
       | _token_texts(["12", " people", " - year-old", "  –  hours", "_x", "5%", "10:30", "per cent", "km", "a.m.",
                       "\u00a0million", "twenty-one", "years old", "٣", "²", "x" * 30], 10, 8),
       st.integers(0, 45))
def test_lead_word_equals_the_pattern(text, end):
    end = min(end, len(text))
    assert numbers._lead_word(text, end) == _OLD_AFTER_LEAD.match(text, end, end + 24).span(1)
