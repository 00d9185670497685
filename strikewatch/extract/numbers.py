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

from ._patterns import Hint, alternation as _alternation, first_chars
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

    # Written out (what the dataclass would generate) so that mypyc compiles it: the
    # generated one runs interpreted, about 3,000 instructions a quantity (speed only).
    def __init__(self, start: int, end: int, num_start: int, low: int | None, high: int | None, value: int,
                 kind: str = "count", qualifier: str = "", vague: bool = False) -> None:
        self.start = start
        self.end = end
        self.num_start = num_start
        self.low = low
        self.high = high
        self.value = value
        self.kind = kind
        self.qualifier = qualifier
        self.vague = vague


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
_DIGIT_RUN = re.compile(r"\d\d*")
_ASCII_DIGITS = "0123456789"


def _digit_run_starts(lower: str) -> set[int]:
    r"""The start of every match of ``\d+`` in ``lower``: a digit not preceded by a digit.

    In ASCII text (a flag test) the digits are the ten ASCII ones, found with a
    ``str.find`` (memchr) each instead of a regex step per character: about ten times
    faster on a report of 2,500 characters (speed only). Other text keeps the ``\d``
    scan: a set search for the decimal digits outside ASCII costs as much as the scan."""
    if not lower.isascii():
        return {m.start() for m in _DIGIT_RUN.finditer(lower)}
    starts: set[int] = set()
    for digit in _ASCII_DIGITS:
        i = lower.find(digit)
        while i >= 0:
            if i == 0 or not ("0" <= lower[i - 1] <= "9"):
                starts.add(i)
            i = lower.find(digit, i + 1)
    return starts


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


def _scan(lower: str, tables: _Tables) -> list[re.Match[str]]:
    """The same matches as ``tables.pattern.finditer(lower)``, tried only at candidates."""
    match = tables.pattern.match
    found: list[re.Match[str]] = []
    last = 0
    for start in _candidates(lower, tables):
        if start < last:
            continue
        m = match(lower, start)
        if m is not None:
            last = m.end()
            found.append(m)
    return found


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
# Every match of _BEFORE_ANY is one of these followed by white space only (_may_have_before_kind).
_BEFORE_ENDINGS = tuple(
    [m + dot for m in _MONTHS.split("|") for dot in ("", ".")]
    + [*_MONEY_SIGNS, *_MONEY_CODES, *_AGE_WORDS, *_FLOOR_WORDS, *_TIME_WORDS]
)
_NOT_ONE = re.compile(r"(?:\bno|\bany|\bevery|\bsome|\bthe|\bthis|\bthat|\bwhich)\s+$")
_KIND_INDEX = {kind: i for i, (kind, _) in enumerate(_AFTER_KIND)}
_YEAR = re.compile(r"(?:19|20)\d\d$")


# words -> _word_value(words), filled as numbers are read: the words of a number run
# are few in practice, but any text may bring new ones, so it stops growing at a bound.
_WORD_VALUES: dict[str, int | None] = {}
_WORD_VALUES_MAX = 4096


def _word_value(words: str) -> int | None:
    if words in _WORD_VALUES:
        return _WORD_VALUES[words]
    try:
        value: int | None = int(text2num(words.replace("-", " ").replace(" and ", " "), "en"))
    except ValueError:
        value = None
    if len(_WORD_VALUES) < _WORD_VALUES_MAX:
        _WORD_VALUES[words] = value
    return value


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
# Every branch of _AFTER_ANY but "%", ":\d\d" and the ones starting with a word character
# skips white space and dashes, then reads one of its words standing whole (the pattern
# follows it with \b, or with white space, a dash or "." where it goes on: "a.m.",
# "per cent", "year-old", "of may"). _lead_word reads that first word; a branch
# without it cannot match. The words of each branch, in the order of _AFTER_KIND:
_AFTER_BRANCH_WORDS = [
    ("age", "year years month months week weeks day days"),
    ("floor", "story storey storys storeys floor"),
    ("percent", "percent per pc"),
    ("distance", "km kilometre kilometres kilometer kilometers mile miles metre metres meter meters m"),
    ("money", "million billion trillion bn mln hryvnia hryvnias uah dollars euros usd eur"),
    ("time", "a p am pm o h hrs"),
    ("hours", "hour hours hrs"),
    ("date", "of " + " ".join(_MONTHS.split("|"))),
    ("years", "year years decade decades day days week weeks month months minute minutes second seconds"),
]
# The dashes that _lead_word skips with white space.
_LEAD_DASHES = "-‑–"
# word -> the kinds (branches of _AFTER_ANY) that can match with it, in branch order
_AFTER_WORD_KINDS: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _name, _words in _AFTER_BRANCH_WORDS:
    for _word in _words.split():
        _AFTER_WORD_KINDS.setdefault(_word, []).append((_name, _AFTER_KIND[_KIND_INDEX[_name]][1]))
# _BEFORE_ENDINGS by last character: ``endswith`` tries each ending of a tuple in turn.
_ENDINGS_BY_LAST: dict[str, tuple[str, ...]] = {
    c: tuple(e for e in _BEFORE_ENDINGS if e[-1] == c) for c in {e[-1] for e in _BEFORE_ENDINGS}
}


def _lead_word(lower: str, end: int) -> tuple[int, int]:
    r"""``re.match(r"[\s\-‑–]*(\w*)", lower, end, end + 24).span(1)``: the first word
    after white space and dashes. Written out (``\s`` is ``str.isspace``, ``\w``
    ``str.isalnum`` or "_"): compiled, the loop reads the few characters for a fraction
    of a regex call and its span (speed only)."""
    limit = end + 24
    if limit > len(lower):
        limit = len(lower)
    i = end
    while i < limit:
        c = lower[i]
        if c.isspace() or c in _LEAD_DASHES:
            i += 1
        else:
            break
    first = i
    while i < limit:
        c = lower[i]
        if c.isalnum() or c == "_":
            i += 1
        else:
            break
    return first, i


def _after_kind(lower: str, end: int, is_digits: bool) -> str:
    """The kind the words after a number give it ("" for none): what _AFTER_ANY says
    on ``lower[end : end + 24]``, a "time" of number words going on to the later
    branches. Speed only: the branches are tried only when the first word after white
    space and dashes is one of theirs, and then only those that have it (most counts
    are followed by other words, "people", "drones"); after "%" or ":", or with a word
    character at ``end``, _AFTER_ANY runs as it is."""
    first, stop = _lead_word(lower, end)
    if first == stop:
        if stop < len(lower) and stop < end + 24 and lower[stop] in "%:":
            return _after_any_kind(lower, end, is_digits)
        return ""
    if first == end:
        return _after_any_kind(lower, end, is_digits)
    kinds = _AFTER_WORD_KINDS.get(lower[first:stop])
    if kinds is None:
        return ""
    after = lower[end : end + 24]
    for kind, rx in kinds:
        if rx.match(after) and (kind != "time" or is_digits):
            return kind
        # number words: a "time" gives way to a later branch, if any
    return ""


def _after_any_kind(lower: str, end: int, is_digits: bool) -> str:
    """_after_kind with _AFTER_ANY (every branch)."""
    after = lower[end : end + 24]
    hit = _AFTER_ANY.match(after)
    if hit:
        kind = hit.lastgroup or ""
        if kind != "time" or is_digits:
            return kind
        for other, rx in _AFTER_KIND[_KIND_INDEX["time"] + 1 :]:
            if rx.match(after):
                return other
    return ""


def _may_have_before_kind(lower: str, start: int) -> bool:
    """``search_tail(_BEFORE_ANY, _BEFORE_ENDINGS, lower[max(0, start - 12) : start])``
    can match only if the window, trailing white space stripped, ends with one of
    _BEFORE_ENDINGS; this tests that with the endings of its last character only and
    without copying the window (speed only)."""
    lo = start - 12 if start > 12 else 0
    j = start
    while j > lo and lower[j - 1].isspace():
        j -= 1
    if j == lo:
        return False
    endings = _ENDINGS_BY_LAST.get(lower[j - 1])
    return endings is not None and lower.endswith(endings, lo, j)


def _kind(lower: str, start: int, end: int, text_value: str, is_digits: bool) -> str:
    kind = _after_kind(lower, end, is_digits)
    if kind:
        return kind
    if _may_have_before_kind(lower, start):
        before = lower[max(0, start - 12) : start]
        # _may_have_before_kind did search_tail's ending test: run _BEFORE_ANY as it would
        for kind, rx in _BEFORE_KIND if _BEFORE_ANY.search(before) else ():
            if rx.search(before):
                if kind == "time" and not (is_digits and _looks_like_clock(lower, end)):
                    continue
                return kind
    if is_digits and len(text_value) == 4 and _YEAR.fullmatch(text_value) and "," not in text_value:
        return "year"
    if is_digits and "." in text_value:
        return "decimal"
    return "count"


def _looks_like_clock(lower: str, end: int) -> bool:
    return bool(re.match(r"(?::\d\d|\s?(?:a\.?m|p\.?m))", lower[end : end + 5]))


# The groups of ``_Tables.pattern``, by number (``m.groups()`` reads them all in one call).
_QUAL, _VAGUE, _DIGITS, _WORDS, _DOZEN, _SUFFIX = 1, 2, 3, 4, 5, 6


def find_numbers(lower: str) -> list[Quantity]:
    """All quantities in lower-cased text, in order, with ranges and kinds."""
    tables = _tables()
    found: list[Quantity] = []
    for m in _scan(lower, tables):
        q = _quantity(lower, m, tables)
        if q is None:
            continue
        if found and _join_range(lower, found[-1], q):
            continue
        found.append(q)
    return found


def _quantity(lower: str, m: re.Match[str], tables: _Tables) -> Quantity | None:
    """The quantity of one match of ``tables.pattern``, or None (a decimal, a number
    word text2num rejects, "one" after "the", "no", ...)."""
    qual, vague, digits, words, dozen, suffix = m.groups()
    low: int | None
    high: int | None
    value: int
    if vague:
        value, top = tables.vague[vague]
        low, high = value, top
        hint = "vague"
        group = _VAGUE
    elif digits:
        if "." in digits:
            return None
        value = int(digits.replace(",", ""))
        low = high = value
        hint = "digits"
        group = _DIGITS
    else:
        parsed = _word_value(words)
        if parsed is None:
            return None
        value = parsed
        if dozen:
            value *= 12
        low = high = value
        hint = "words"
        group = _WORDS
    num_start, num_end = m.span(group)  # one call for m.start(group), m.end(group) (speed only)
    if hint == "words" and words == "one" and _NOT_ONE.search(lower[max(0, num_start - 8) : num_start]):
        return None
    if dozen:
        num_end = m.end(_DOZEN)
    kind = _kind(lower, num_start, num_end, digits or "", hint == "digits")
    if kind == "decimal":
        return None
    if kind == "count" and value >= tables.largest_count:
        kind = "large"
    qual = qual or ""
    meaning = tables.qualifiers.get(qual, "")
    if suffix:
        meaning = meaning or tables.suffixes[suffix]
    if meaning and hint != "vague":
        low, high = apply_qualifier(value, meaning)
    elif meaning in ("more_than",) and hint == "vague":
        low, high = low + 1 if low is not None else None, None
    start, end = m.span()
    return Quantity(start, end, num_start, low, high, value, kind, qual, hint == "vague")


def _join_range(lower: str, prev: Quantity, cur: Quantity) -> bool:
    """Merge "10 to 15", "two or three", "10-15" into prev; True when merged."""
    if prev.kind != "count" or cur.kind != "count" or prev.qualifier or cur.qualifier:
        return False
    # the value test first: it is cheaper, and rules out as many (speed only)
    if prev.value >= cur.value or not _RANGE_JOIN.fullmatch(lower, prev.end, cur.start):
        return False
    prev.end = cur.end
    prev.high = cur.high
    return True
