"""Numbers as ranges: digits, number words, vague quantities and their qualifiers.

``find_numbers(lower)`` scans lower-cased text once and returns every quantity with the
range it stands for (docs/contract.md, "Range conventions") and a ``kind`` that tells
counts apart from ages, floors, years, times, percentages, distances and money, which
are never tolls or weapon counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from ._patterns import Hint, alternation as _alternation, first_chars, search_tail
from ..resources import load_toml


@dataclass(slots=True)
class Quantity:
    """A number in the text: [start, end) covers qualifier + number (+ suffix)."""

    start: int
    end: int
    num_start: int  # where the number itself starts (after the qualifier)
    low: int | None
    high: int | None
    value: int  # the number as written, before the qualifier
    kind: str = "count"  # count | age | floor | year | time | date | percent | distance | money | hours | ordinal | large
    qualifier: str = ""
    vague: bool = False  # "dozens", "several": a rough quantity, not a written number


@dataclass(frozen=True, slots=True)
class _Tables:
    pattern: re.Pattern[str]
    starters: Hint  # every word a quantity can start with
    vague: dict[str, tuple[int, int]]
    qualifiers: dict[str, str]
    suffixes: dict[str, str]
    word_values: frozenset[str]
    largest_count: int



@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load_toml("number_words.toml")
    units, tens, scales = data["units"], data["tens"], data["scales"]
    vague = {k: (int(v[0]), int(v[1])) for k, v in data["vague"].items()}
    qualifiers = {p: meaning for meaning, ps in data["qualifiers"].items() for p in ps}
    suffixes = {p: meaning for meaning, ps in data["suffixes"].items() for p in ps}
    word = f"(?:{_alternation(units + tens)})"
    word_run = rf"{word}(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_alternation(units + tens + scales)}))*"
    digits = r"\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?"
    # The lookahead restates that a quantity starts with a digit or the first letter
    # of a qualifier, vague quantity or number word: a cheap test at every position.
    starts = first_chars(list(qualifiers) + list(vague) + units + tens)
    pattern = re.compile(
        rf"(?=\d|[{starts}])(?<![\w$€£.,:/-])(?:(?P<qual>{_alternation(list(qualifiers))})\s+)?"
        rf"(?:(?P<vague>{_alternation(list(vague))})(?![\w-])"
        rf"|(?P<digits>{digits})(?![\w])"
        rf"|(?P<words>{word_run})(?:\s+(?P<dozen>dozen))?(?![\w]))"
        rf"(?:\s*(?P<suffix>{_alternation(list(suffixes))})(?![\w]))?"
    )
    starters = Hint({*qualifiers, *vague, *units, *tens})
    return _Tables(pattern, starters, vague, qualifiers, suffixes, frozenset(units + tens + scales),
                   int(data["largest_count"]))


# "\d+", written to open with a set: ``re`` skips ahead to the first character of a
# pattern that opens with a set but tries one that opens with a repeat at every offset.
# In ASCII text "\d" is [0-9], a bitmap test where "\d" looks up the Unicode category
# of every character (speed only; see _digit_run_starts).
_DIGIT_RUN = re.compile(r"\d\d*")
_ASCII_DIGIT_RUN = re.compile(r"[0-9][0-9]*")


def _digit_run_starts(lower: str) -> set[int]:
    r"""The start of every match of ``\d+`` in ``lower``."""
    rx = _ASCII_DIGIT_RUN if lower.isascii() else _DIGIT_RUN
    return {m.start() for m in rx.finditer(lower)}


def _candidates(lower: str, tables: _Tables) -> list[int]:
    """Every offset where a quantity can start: a digit run, or a qualifier, vague
    quantity or number word not preceded by a letter. A superset of the offsets where
    ``tables.pattern`` matches, found in one Aho-Corasick pass and one digit scan instead
    of trying the whole pattern at every character."""
    starts = _digit_run_starts(lower)
    for end, length in tables.starters.hits(lower):
        start = end - length + 1
        if start == 0 or not lower[start - 1].isalpha():
            starts.add(start)
    return sorted(starts)


def _scan(lower: str, tables: _Tables):
    """The same matches as ``tables.pattern.finditer(lower)``, tried only at candidates."""
    match = tables.pattern.match
    last = 0
    for start in _candidates(lower, tables):
        if start < last:
            continue
        m = match(lower, start)
        if m is not None:
            last = m.end()
            yield m


_RANGE_JOIN = re.compile(r"\s*(?:-|–|to|or)\s*")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# What follows a number and makes it not a count.
_AFTER_KIND = [
    ("age", re.compile(r"\s?(?:-|‑|–)?\s?(?:year|month|week|day)s?(?:\s?(?:-|‑)\s?|\s)old")),
    ("floor", re.compile(r"\s?(?:-|‑)\s?(?:stor(?:e)?y|floor|stor(?:e)?ys)\b|(?:st|nd|rd|th)?\s+(?:floor|storey|story)\b|\s+stor(?:e)?ys?\b")),
    ("percent", re.compile(r"\s?(?:%|percent\b|per cent\b|pc\b)")),
    ("distance", re.compile(r"\s?(?:-|‑)?\s?(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m)\b")),
    ("money", re.compile(r"\s?(?:million|billion|trillion|bn|mln|hryvnias?|uah|dollars|euros|usd|eur)\b")),
    ("time", re.compile(r"(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|h\b|hrs\b))")),
    ("hours", re.compile(r"\s?(?:-|‑)?\s?(?:hours?|hrs)\b")),
    ("date", re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")),
    ("ordinal", re.compile(r"(?:st|nd|rd|th)\b")),
    ("years", re.compile(r"\s?(?:-|‑)?\s?(?:years?|decades?|days?|weeks?|months?|minutes?|seconds?)\b")),
]
_MONEY_SIGNS = ("$", "€", "£")
_MONEY_CODES = ("uah", "usd", "eur")
_AGE_WORDS = ("aged", "age of", "ages of")
_FLOOR_WORDS = ("floor", "storey", "story", "floors")
_OPTIONAL_SPACE = r"\s?"
_TIME_WORDS = ("at", "around", "about", "by", "until", "since", "from", "after", "before")
_BEFORE_KIND = [
    ("date", re.compile(rf"(?:{_MONTHS})\.?\s+$")),
    ("money", re.compile(rf"(?:[{''.join(_MONEY_SIGNS)}]|{'|'.join(code + _OPTIONAL_SPACE for code in _MONEY_CODES)})$")),
    ("age", re.compile(rf"(?:{'|'.join(_AGE_WORDS)})\s+$")),
    ("floor", re.compile(rf"(?:{'|'.join(_FLOOR_WORDS)})\s+$")),
    ("time", re.compile(rf"(?:{'|'.join(_TIME_WORDS)})\s+$")),
]
# Any of _BEFORE_KIND: most numbers match none, and one search says so.
_BEFORE_ANY = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in _BEFORE_KIND))
# Every match of _BEFORE_ANY is one of these followed by white space only (for search_tail).
_BEFORE_ENDINGS = tuple(
    [m + dot for m in _MONTHS.split("|") for dot in ("", ".")]
    + [*_MONEY_SIGNS, *_MONEY_CODES, *_AGE_WORDS, *_FLOOR_WORDS, *_TIME_WORDS]
)
_NOT_ONE = re.compile(r"(?:\bno|\bany|\bevery|\bsome|\bthe|\bthis|\bthat|\bwhich)\s+$")
_KIND_INDEX = {kind: i for i, (kind, _) in enumerate(_AFTER_KIND)}
_YEAR = re.compile(r"(?:19|20)\d\d$")


def _word_value(words: str) -> int | None:
    try:
        return int(text2num(words.replace("-", " ").replace(" and ", " "), "en"))
    except ValueError:
        return None


def apply_qualifier(value: int, meaning: str) -> tuple[int | None, int | None]:
    """The range a qualified number stands for (docs/contract.md)."""
    if meaning == "at_least":
        return value, None
    if meaning == "more_than":
        return value + 1, None
    if meaning == "nearly":
        return min(value - 1, round(value * 0.9)), value - 1
    if meaning == "about":
        spread = max(1, round(value * 0.1))
        return max(0, value - spread), value + spread
    if meaning == "up_to":
        return None, value
    if meaning == "fewer_than":
        return None, value - 1
    return value, value


_AFTER_ANY = re.compile("|".join(f"(?P<{kind}>{rx.pattern})" for kind, rx in _AFTER_KIND))


def _kind(lower: str, start: int, end: int, text_value: str, is_digits: bool) -> str:
    after = lower[end : end + 24]
    hit = _AFTER_ANY.match(after)
    if hit:
        kind = hit.lastgroup or ""
        if kind != "time" or is_digits:
            return kind
        for other, rx in _AFTER_KIND[_KIND_INDEX["time"] + 1 :]:
            if rx.match(after):
                return other
    before = lower[max(0, start - 12) : start]
    for kind, rx in _BEFORE_KIND if search_tail(_BEFORE_ANY, _BEFORE_ENDINGS, before) else ():
        if rx.search(before):
            if kind == "time" and not (is_digits and _looks_like_clock(lower, end)):
                continue
            return kind
    if is_digits and _YEAR.fullmatch(text_value) and "," not in text_value:
        return "year"
    if is_digits and "." in text_value:
        return "decimal"
    return "count"


def _looks_like_clock(lower: str, end: int) -> bool:
    return bool(re.match(r"(?::\d\d|\s?(?:a\.?m|p\.?m))", lower[end : end + 5]))


def _parse_match(m: re.Match[str], tables: _Tables) -> tuple[int | None, int | None, int, str] | None:
    """(low, high, value, kind-hint) of one regex match, before qualifiers."""
    if m.group("vague"):
        low, high = tables.vague[m.group("vague")]
        return low, high, low, "vague"
    if m.group("digits"):
        raw = m.group("digits")
        if "." in raw:
            return None
        value = int(raw.replace(",", ""))
        return value, value, value, "digits"
    words = _word_value(m.group("words"))
    if words is None:
        return None
    if m.group("dozen"):
        words *= 12
    return words, words, words, "words"


def find_numbers(lower: str) -> list[Quantity]:
    """All quantities in lower-cased text, in order, with ranges and kinds."""
    tables = _tables()
    found: list[Quantity] = []
    for m in _scan(lower, tables):
        parsed = _parse_match(m, tables)
        if parsed is None:
            continue
        low, high, value, hint = parsed
        group = "vague" if hint == "vague" else "digits" if hint == "digits" else "words"
        num_start = m.start(group)
        num_end = m.end("dozen") if m.group("dozen") else m.end(group)
        kind = _kind(lower, num_start, num_end, m.group("digits") or "", hint == "digits")
        if hint == "words" and m.group("words") == "one" and _NOT_ONE.search(lower[max(0, num_start - 8) : num_start]):
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
            low, high = apply_qualifier(value, meaning)
        elif meaning in ("more_than",) and hint == "vague":
            low, high = low + 1 if low is not None else None, None
        end = m.end()
        q = Quantity(m.start(), end, num_start, low, high, value, kind, qual, hint == "vague")
        if found and _join_range(lower, found[-1], q):
            continue
        found.append(q)
    return found


def _join_range(lower: str, prev: Quantity, cur: Quantity) -> bool:
    """Merge "10 to 15", "two or three", "10-15" into prev; True when merged."""
    if prev.kind != "count" or cur.kind != "count" or prev.qualifier or cur.qualifier:
        return False
    gap = lower[prev.end : cur.start]
    if not _RANGE_JOIN.fullmatch(gap) or prev.value >= cur.value:
        return False
    prev.end = cur.end
    prev.high = cur.high
    return True
