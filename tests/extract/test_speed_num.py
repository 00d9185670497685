"""The faster number scan and sentence split give exactly what the plain forms they
replace give (speed-only rewrites in numbers.py and doc.py), on generated text full of
near misses: kind words after numbers, words before them, stops, newlines."""
import re

from hypothesis import given, settings, strategies as st

from strikewatch.extract import doc as doc_module, numbers
from strikewatch.extract._patterns import search_tail

from .test_scanning import TOKENS, _old_split

_KIND_TOKENS = [
    "5", "12", "2024", "1999", "1,200", "3.5", "one", "the one", "no one", "two dozen", "forty-five", "a dozen",
    "year-old", "years old", "-year-old", "month", "days", "storey", "-storey", "storeys", "floor", "floors", "th floor",
    "%", " %", "percent", "per cent", "pc", "km", "km2", "-km", "kilometres", "m", "miles", "million", "bn", "uah",
    "a.m.", "a.m", "pm", "p.m.", "o'clock", "h", "hrs", "hours", "hour", "of", "of may", "may", "sept", "june",
    "st", "th", "nd", "decades", "minutes", ":00", ":5", ":", "\u2013", "\u2011", "-", "\u00a0", "_x", "x_", "_",
    "aged", "age of", "at", "about", "by", "floor", "$", "\u20ac", "usd", "jan.", "since", "people", "drones",
    "killed", "or", "to", "-plus", "+", "or more", "or so", "at least", "over", "under", "some", "\u0663", "\u2019",
    "\u0416", "\n", "\t", "  ", ",", ".", ";",
]
_texts = (st.lists(st.sampled_from(_KIND_TOKENS + TOKENS), max_size=30).map(" ".join)
          | st.lists(st.sampled_from(_KIND_TOKENS), max_size=12).map("".join)
          | st.text(max_size=60))


def _old_kind(lower, start, end, text_value, is_digits):
    """numbers._kind before the speed-only pre-tests."""
    after = lower[end : end + 24]
    hit = numbers._AFTER_ANY.match(after)
    if hit:
        kind = hit.lastgroup or ""
        if kind != "time" or is_digits:
            return kind
        for other, rx in numbers._AFTER_KIND[numbers._KIND_INDEX["time"] + 1 :]:
            if rx.match(after):
                return other
    before = lower[max(0, start - 12) : start]
    for kind, rx in numbers._BEFORE_KIND if search_tail(numbers._BEFORE_ANY, numbers._BEFORE_ENDINGS, before) else ():
        if rx.search(before):
            if kind == "time" and not (is_digits and numbers._looks_like_clock(lower, end)):
                continue
            return kind
    if is_digits and numbers._YEAR.fullmatch(text_value) and "," not in text_value:
        return "year"
    if is_digits and "." in text_value:
        return "decimal"
    return "count"


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_KIND_TOKENS), max_size=8), st.sampled_from(["", " ", "  "]), st.data())
def test_kind_pre_tests_never_hide_a_match(tokens, sep, data):
    """The after-kind shortcut says what every branch of _AFTER_ANY says, the before
    pre-test is True wherever the pattern it guards matches, so
    ``_kind`` says what it said without them, at every offset (mostly token ends)."""
    lower = doc_module.lower_preserving(sep.join(tokens))
    ends = [len(sep.join(tokens[:i])) for i in range(len(tokens) + 1)]
    end = data.draw(st.sampled_from(ends) | st.integers(0, len(lower)))
    start = data.draw(st.sampled_from([e for e in ends if e <= end]) | st.integers(0, end))
    for is_digits in (True, False):
        assert numbers._after_kind(lower, end, is_digits) == numbers._after_any_kind(lower, end, is_digits)
    if search_tail(numbers._BEFORE_ANY, numbers._BEFORE_ENDINGS, lower[max(0, start - 12) : start]):
        assert numbers._may_have_before_kind(lower, start)
    value = lower[start:end]
    for is_digits in (True, False):
        assert numbers._kind(lower, start, end, value, is_digits) == _old_kind(lower, start, end, value, is_digits)


def _old_find_numbers(lower):
    """find_numbers before it read the groups by number and cached word values."""
    tables = numbers._tables()
    found = []
    for m in tables.pattern.finditer(lower):
        if m.group("vague"):
            low, high = tables.vague[m.group("vague")]
            parsed = low, high, low, "vague"
        elif m.group("digits"):
            raw = m.group("digits")
            if "." in raw:
                continue
            value = int(raw.replace(",", ""))
            parsed = value, value, value, "digits"
        else:
            try:
                words = int(numbers.text2num(m.group("words").replace("-", " ").replace(" and ", " "), "en"))
            except ValueError:
                continue
            if m.group("dozen"):
                words *= 12
            parsed = words, words, words, "words"
        low, high, value, hint = parsed
        group = "vague" if hint == "vague" else "digits" if hint == "digits" else "words"
        num_start = m.start(group)
        num_end = m.end("dozen") if m.group("dozen") else m.end(group)
        kind = _old_kind(lower, num_start, num_end, m.group("digits") or "", hint == "digits")
        if hint == "words" and m.group("words") == "one" and numbers._NOT_ONE.search(lower[max(0, num_start - 8) : num_start]):
            continue
        if kind == "decimal":
            continue
        if kind == "count" and value >= tables.largest_count:
            kind = "large"
        qual = m.group("qual") or ""
        meaning = tables.qualifiers.get(qual, "")
        suffix = m.group("suffix")
        if suffix:
            meaning = meaning or tables.suffixes[suffix]
        if meaning and hint != "vague":
            low, high = numbers.apply_qualifier(value, meaning)
        elif meaning in ("more_than",) and hint == "vague":
            low, high = low + 1 if low is not None else None, None
        q = numbers.Quantity(m.start(), m.end(), num_start, low, high, value, kind, qual, hint == "vague")
        if found:
            prev = found[-1]
            if (prev.kind == "count" and q.kind == "count" and not prev.qualifier and not q.qualifier
                    and numbers._RANGE_JOIN.fullmatch(lower[prev.end : q.start]) and prev.value < q.value):
                prev.end = q.end
                prev.high = q.high
                continue
        found.append(q)
    return found


def _fields(qs):
    return [(q.start, q.end, q.num_start, q.low, q.high, q.value, q.kind, q.qualifier, q.vague) for q in qs]


_RANGE_TOKENS = ["5", "10", "5,000", "two", "three", "to", "or", "-", "\u2013", "people", "at least", "about",
                 "or more", "dozens", "a few", "hours", "%", "the", "one", "year-old"]


@settings(max_examples=1500, deadline=None)
@given(_texts | st.lists(st.sampled_from(_RANGE_TOKENS), max_size=12).map(" ".join))
def test_find_numbers_equals_the_plain_version(text):
    lower = doc_module.lower_preserving(text)
    assert numbers._tables().pattern.groups == 6
    assert _fields(numbers.find_numbers(lower)) == _fields(_old_find_numbers(lower))


_DIGIT_TEXTS = st.lists(st.sampled_from(["1", "12", "0", "9", "x", " ", "\u2019", "\u0416", "\u0663", "\uff15", "."]),
                        max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_DIGIT_TEXTS)
def test_digit_run_starts_with_find(text):
    assert numbers._digit_run_starts(text) == {m.start() for m in re.finditer(r"\d+", text)}


_SENTENCE_TOKENS = TOKENS + ["The", "A", "9", "\"We", "\n- ", "\n \n", ".\u201d ", "!) ", "?\"", ".'", ".]", ". ", "..",
                             "\n\n", "\n\t\n", " \n", "\u00a0\n", "\n* ", "\u2022", "e.g.", "a.m.", "No.", "\u0416"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_TOKENS), max_size=40).map(" ".join)
       | st.lists(st.sampled_from(_SENTENCE_TOKENS), max_size=20).map("".join)
       | st.text(alphabet=".!?\n -*•\"'()[]\u201c\u201d\u2019Aa9 \t", max_size=40))
def test_sentence_split_equals_the_plain_finditer_version(text):
    """Against the sentence split as it was first written (test_scanning), on more near misses."""
    assert doc_module.split_sentences(text) == _old_split(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "\t", "\u00a0", "\u2028", "a", "Kyiv.", "\n\n", "\r\n"]), max_size=30)
       .map("".join))
def test_paragraph_starts_equal_the_pattern(text):
    assert doc_module.paragraph_starts(text) == [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
