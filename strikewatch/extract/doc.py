"""The working document: text, a length-preserving lower-case copy, sentences,
paragraphs and the quantities found in it.

Offsets in every view are offsets in the original text, so a span found anywhere
points back at the article as written."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ._patterns import Hint
from .numbers import Quantity, find_numbers

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before
# white space and a capital, digit or opening quote; or at a blank line. The pattern
# starts with one character set (the stop or the newline; the branches then look back
# at which it was), which lets the regex engine skip ahead to the next candidate
# character: about three times faster than starting with an alternation or a group.
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9А-ЯІЇЄҐ])|(?<=\n)\s*\n|(?<=\n)(?=\s*[-*•]\s))"
)
_ABBREV = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|st|gen|lt|col|sgt|maj|capt|gov|sen|rep|no|vs|approx|jan|feb|mar|apr|aug|sept?|oct|nov|dec)"
    r"|(?<![\w-])[a-z]|\b(?:u\.s|u\.k|u\.n|a\.m|p\.m|e\.g|i\.e))\.$",
    re.IGNORECASE,
)

# Stands in for a quantity in the shadow text; patterns match runs of it. A C0 control
# character: neither ``\w``, ``\s`` nor ``\d`` (like the private-use "\ue000" it
# replaces, it is matched only by ``.``, ``\W``, ``\S``, ``\D`` and negated sets, and
# no pattern names it otherwise), and it is Latin-1, so the shadow of a Latin-1 text
# stays a one-byte string: the regex engine and ``str.find`` run on one byte per
# character instead of two (speed only). Text holding it already has it replaced in
# the shadow by SLOT_STAND_IN, so that it makes no phantom quantity (see _shadow).
SLOT = "\x01"
# What a SLOT character of the text itself becomes in the shadow: another C0 control
# character that no pattern names, so that it reads as the SLOT character of the
# text did (a character that is no word, space or digit) without making a quantity.
SLOT_STAND_IN = "\x02"
# "SLOT+" for patterns that start with a quantity. ``re`` finds no literal in a
# leading "SLOT+" to skip to, so it tries such a pattern at every offset; this same
# pattern starts with the literal SLOT, which it skips to (speed only).
SLOT_RUN = f"{SLOT}{SLOT}*"


def lower_preserving(text: str) -> str:
    """``text.lower()`` with the same length, so offsets stay valid."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# What may follow a sentence stop before the white space of a boundary (see _BOUNDARY).
_CLOSERS = "\"'”’)]"
# What may open the next sentence before its capital (see _BOUNDARY).
_OPENERS = "\"'“‘(["
_CYRILLIC_CAPITALS_OUTSIDE = "ІЇЄҐ"


def _is_capital(c: str) -> bool:
    """``c`` is in _BOUNDARY's ``[A-Z0-9А-ЯІЇЄҐ]``."""
    return "A" <= c <= "Z" or "0" <= c <= "9" or "А" <= c <= "Я" or c in _CYRILLIC_CAPITALS_OUTSIDE


def _offsets_of(text: str, chars: str) -> list[int]:
    """The offsets of every occurrence of any of ``chars`` in ``text``, in order: a
    ``str.find`` (memchr) per occurrence, where a regex steps through every character."""
    found: list[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            found.append(i)
            i = text.find(c, i + 1)
    found.sort()
    return found


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, white space trimmed: the text between boundaries of
    ``_BOUNDARY.finditer(text)`` but those after an abbreviation.

    Speed only: every boundary starts at a ".", "!", "?" or newline, so instead of
    ``finditer`` (a regex step per character) the pattern is matched at those offsets
    only, found with ``str.find``, resuming after each match as ``finditer`` does; a
    stop followed by neither white space nor a closing quote or bracket cannot start
    one and is skipped without matching."""
    spans: list[tuple[int, int]] = []
    size = len(text)
    match = _BOUNDARY.match
    start = 0
    resume = 0  # finditer goes on from the end of the previous boundary
    for stop in _offsets_of(text, ".!?\n"):
        if stop < resume:
            continue
        newline = text[stop] == "\n"
        if newline:
            m = match(text, stop)
            if m is None:
                continue
            resume = m.end()
        else:
            if stop + 1 >= size:
                continue
            after = text[stop + 1]
            if after.isspace():
                # _BOUNDARY's first branch without a closer, as ``match`` reads it: the
                # white space run, then a capital or digit, or an opener and one (speed
                # only: most boundaries are so; a "." and a space cost no regex call)
                j = stop + 2
                while j < size and text[j].isspace():
                    j += 1
                if j >= size:
                    continue
                c = text[j]
                if c in _OPENERS:
                    if j + 1 >= size or not _is_capital(text[j + 1]):
                        continue
                elif not _is_capital(c):
                    continue
                resume = j
            elif after in _CLOSERS:
                m = match(text, stop)
                if m is None:
                    continue
                resume = m.end()
            else:
                continue
        cut = stop if newline else stop + 1
        # only a "." can end an abbreviation, and a newline after it ends the sentence anyway
        if text[stop] == "." and text.find("\n", cut, resume) < 0 and _is_abbreviation(text, start, cut):
            continue
        first, last = _trim(text, start, cut)
        if first < last:  # text[start:cut].strip() is not empty
            spans.append((first, last))
        start = resume
    first, last = _trim(text, start, size)
    if first < last:
        spans.append((first, last))
    return spans


def paragraph_starts(text: str) -> list[int]:
    r"""``[0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]``, from the newlines.

    At a newline the pattern takes the white space after it and gives back to its last
    newline: it matches up to that newline when there is one, and the search goes on
    after it; otherwise the search goes on at the next newline (speed only: ``str.find``
    instead of a regex step per character)."""
    starts = [0]
    size = len(text)
    i = text.find("\n")
    while i >= 0:
        j = i + 1
        while j < size and text[j].isspace():
            j += 1
        k = text.rfind("\n", i + 1, j)
        if k >= 0:
            starts.append(k + 1)
            i = text.find("\n", k + 1)
        else:
            i = text.find("\n", j)
    return starts


def _is_abbreviation(text: str, start: int, cut: int) -> bool:
    """``_ABBREV`` matches the (at most six) characters before ``cut``, which end with ".".

    Within six characters an abbreviation of ``_ABBREV`` is at most four letters
    before its "." (a single letter, "sept", "capt"; "approx." never fits), preceded
    by a non-word character or by the start of the sentence, which follows white
    space. So five letters before the "." rule it out without running the pattern:
    most sentences end so (speed only)."""
    if cut >= 6 and text[cut - 6 : cut - 1].isalpha():
        return False
    return _ABBREV.search(text[max(start, cut - 6) : cut]) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(slots=True)
class Doc:
    text: str
    lower: str
    sentences: list[tuple[int, int]]
    paragraph_starts: list[int]
    numbers: list[Quantity]
    shadow: str  # lower with each counted quantity replaced by SLOT characters
    by_start: dict[int, Quantity] = field(default_factory=dict)
    _sentence_starts: list[int] = field(default_factory=list)
    _windows: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    _stems: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    # Written out (what the dataclass would generate) so that mypyc compiles it: the
    # generated one runs interpreted (speed only; two documents an article).
    def __init__(self, text: str, lower: str, sentences: list[tuple[int, int]], paragraph_starts: list[int],
                 numbers: list[Quantity], shadow: str, by_start: dict[int, Quantity] | None = None,
                 _sentence_starts: list[int] | None = None, _windows: dict[int, list[tuple[int, int]]] | None = None,
                 _stems: dict[int, list[tuple[int, int]]] | None = None) -> None:
        self.text = text
        self.lower = lower
        self.sentences = sentences
        self.paragraph_starts = paragraph_starts
        self.numbers = numbers
        self.shadow = shadow
        self.by_start = {} if by_start is None else by_start
        self._sentence_starts = [] if _sentence_starts is None else _sentence_starts
        self._windows = {} if _windows is None else _windows
        self._stems = {} if _stems is None else _stems

    @classmethod
    def build(cls, text: str) -> "Doc":
        lower = lower_preserving(text)
        numbers = find_numbers(lower)
        sentences = split_sentences(text)
        paragraphs = paragraph_starts(text)
        shadow = _shadow(lower, numbers)
        doc = cls(text, lower, sentences, paragraphs, numbers, shadow)
        doc.by_start = {q.start: q for q in numbers if q.kind == "count"}
        doc._sentence_starts = [s for s, _ in sentences]
        return doc

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (0 before the first):
        ``max(0, bisect_right(self._sentence_starts, offset) - 1)``, written out: compiled,
        the loop costs a fraction of a call to ``bisect_right`` (speed only)."""
        starts = self._sentence_starts
        lo = 0
        hi = len(starts)
        while lo < hi:
            mid = (lo + hi) >> 1
            if offset < starts[mid]:
                hi = mid
            else:
                lo = mid + 1
        return lo - 1 if lo > 1 else 0

    def sentence_of(self, offset: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        return self.sentences[self.sentence_index(offset)]

    def paragraph_index(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def quantity_at(self, start: int) -> Quantity | None:
        return self.by_start.get(start)

    def windows(self, hint: Hint) -> list[tuple[int, int]]:
        """Sentences in which ``hint`` occurs (cached per hint): the only places where
        the slower patterns of a component need to run. A hit in the same or the next
        sentence as the previous window extends it."""
        key = id(hint)
        cached = self._windows.get(key)
        if cached is not None:
            return cached
        spans: list[tuple[int, int]] = []
        covered = -1  # windows end here: later hits before it add nothing
        for offset in hint.starts(self.lower):
            if offset < covered:
                continue
            start, end = self.sentence_of(offset)
            if spans and start <= spans[-1][1] + 3:  # same or next sentence: one window
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
            covered = spans[-1][1]
        self._windows[key] = spans
        return spans

    def stem_spans(self, hint: Hint) -> list[tuple[int, int]]:
        """(start, end) of every occurrence of a stem of ``hint``, in order (cached per hint)."""
        key = id(hint)
        cached = self._stems.get(key)
        if cached is None:
            cached = self._stems[key] = sorted((end - length + 1, end + 1) for end, length in hint.hits(self.lower))
        return cached

    def holds_stem(self, hint: Hint, start: int, end: int) -> bool:
        """Whether a stem of ``hint`` occurs wholly inside [start, end)."""
        spans = self.stem_spans(hint)
        for i in range(bisect_left(spans, (start,)), len(spans)):
            a, b = spans[i]
            if a >= end:
                return False
            if b <= end:
                return True
        return False

    def finditer(self, rx: re.Pattern[str], hint: Hint, text: str | None = None, needs: str = "",
                 within: Hint | None = None, any_of: tuple[str, ...] = ()) -> list[re.Match[str]]:
        """``rx.finditer`` over the shadow text (or ``text``), only in hinted sentences.
        ``needs`` is a string every match of ``rx`` contains (SLOT for patterns built
        around a quantity), ``within`` a Hint one of whose stems every match contains
        (as written in ``lower``, which the shadow text and ``lower`` share outside
        quantities), ``any_of`` literal strings one of which every match contains:
        windows without them are skipped without running ``rx``, a few ``str.find``
        instead of a pattern run (speed only). A list, not a generator: compiled, a
        generator pays a resume per match, and no caller stops early or changes what
        the search reads (speed only)."""
        target = self.shadow if text is None else text
        out: list[re.Match[str]] = []
        for start, end in self.windows(hint):
            if needs and target.find(needs, start, end) < 0:
                continue
            if within is not None and not self.holds_stem(within, start, end):
                continue
            if any_of and not holds_any(target, any_of, start, end):
                continue
            out.extend(rx.finditer(target, start, end))
        return out


def holds_any(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of ``words`` (without copying it)."""
    for word in words:
        if text.find(word, start, end) >= 0:
            return True
    return False


def slot_matches(rx: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]]:
    """``list(rx.finditer(text, start, end))`` for a pattern that starts with a run of
    SLOT characters ("SLOT+" or ``SLOT_RUN``) followed by something that cannot match a
    SLOT (white space, a hyphen...).

    ``re`` tries such a pattern at every SLOT, so a quantity written with five
    characters is tried five times. But a match from inside a run is a match from its
    first SLOT (the rest of the run is taken by "SLOT+" either way), so after a failed
    try the rest of the run is skipped, and a try is a ``match`` at the SLOT found
    (speed only)."""
    out: list[re.Match[str]] = []
    pos = start
    while True:
        m = slot_search(rx, text, pos, end)
        if m is None:
            return out
        out.append(m)
        pos = m.end()


def slot_search(rx: re.Pattern[str], text: str, pos: int, end: int) -> re.Match[str] | None:
    """``rx.search(text, pos, end)`` for a pattern as in :func:`slot_matches`."""
    while True:
        p = text.find(SLOT, pos, end)
        if p < 0:
            return None
        m = rx.match(text, p, end)
        if m is not None:
            return m
        pos = p + 1
        while pos < end and text[pos] == SLOT:
            pos += 1


def _shadow(lower: str, numbers: list[Quantity]) -> str:
    """``lower`` with each counted quantity replaced by as many SLOT characters, and
    the SLOT characters of the text itself by SLOT_STAND_IN (same length)."""
    if SLOT in lower:
        lower = lower.replace(SLOT, SLOT_STAND_IN)
    parts: list[str] = []
    last = 0
    for q in numbers:
        if q.kind != "count":
            continue
        parts.append(lower[last : q.start])
        parts.append(SLOT * (q.end - q.start))
        last = q.end
    parts.append(lower[last:])
    return "".join(parts)
