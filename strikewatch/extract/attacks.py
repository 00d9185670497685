"""Which attack a figure belongs to: the one the report leads with (``main``), the
other side's attack or claims (``counter``), or an earlier or cumulative one
(``context``); and who the main attacker is.

Speed: every cue list here is a list of literal phrases, found by the one
Aho-Corasick pass over a text that also finds the places in it (registered with
``places.add_phrase_table``; :func:`_phrase_hits`, cached per text). A
question such as "does this sentence hold a counter cue?" is then a bisect into
those hits instead of a regex scan of the sentence. :class:`_Hits` reproduces what
``re.finditer``/``search`` of the former word-bounded alternations gave, window
edges included, so the results are unchanged."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable

from ..resources import load_toml
from .dates import EXPLICIT as _EXPLICIT
from .dates import SPEECH_BEFORE, explicit_date, parse_published, weekday_on_or_before
from .doc import Doc, holds_any
from .places import add_phrase_table, scan, sentence_near
from ._patterns import alternation as _alt

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = "|".join(_WEEKDAYS)
_SUPERLATIVE_WORDS = r"(?:largest|biggest|deadliest|heaviest|worst|most\s+\w+|record|one\s+of\s+the)\b"
_SUPERLATIVE = re.compile(rf"\b{_SUPERLATIVE_WORDS}")
# _SUPERLATIVE after the non-word character that its opening \b requires before a
# letter (every phrase starts with one), and at the text start (see _superlative_in)
_SUPERLATIVE_AFTER = re.compile(rf"\W{_SUPERLATIVE_WORDS}")
_SUPERLATIVE_AT = re.compile(_SUPERLATIVE_WORDS)
# One of these is in every match of _SUPERLATIVE_WORDS ("est": largest, biggest,
# deadliest, heaviest; "most" before \s+\w+; "one" before \s+of\s+the).
_SUPERLATIVE_LITERALS = ("est", "worst", "most", "record", "one")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
# Every month name and abbreviation that ``dates.EXPLICIT`` and ``_IN_MONTH`` accept
# starts with one of these: a window without any of them holds no date to parse.
_MONTH_STEMS = tuple(m[:3] for m in _MONTHS)
# Leading lookaheads (here and below) restate the possible first characters of a
# match: one cheap test per position before the alternation is tried.
_IN_MONTH = re.compile(rf"(?=[dist])\b(?:in|since|during|throughout)\s+(?:early\s+|late\s+|mid-?)?(?P<m>{'|'.join(_MONTHS)})\b(?!\s+\d)")
# Whole words (``\b`` on both sides) that give a sentence a time of its own.
_TIME_WORDS = (*_WEEKDAYS, "overnight", "tonight", "today", "yesterday", "this morning", "last night",
               "latest", "night", "morning", "evening")
_CLAUSE_BREAK = re.compile(r"(?=[,;\s])(?:,\s+(?:as|while|but|whereas|after|when)\s|;|\s+while\s|\s+as\s+the\s)")
# The leading lookahead holds the first letters of both branches (weekdays; hit,
# struck, attacked, ...): it rejects most positions before the lookbehinds run.
_DAY_REF = re.compile(
    rf"(?=[adfhklmstuw])"
    rf"(?:(?<!overnight )(?<!night of )(?<!into )(?<!late )(?P<wd>{_WD})(?:'s|’s)\s+(?:\w+\s+){{0,2}}(?:attack|strike|strikes|attacks|barrage|assault)"
    rf"|(?:hit|struck|attacked|killed|died|launched|used|fired)\s+(?:\w+\s+){{0,3}}?on\s+(?P<wd2>{_WD})(?!\s+(?:night|evening)))"
)

# How a phrase list is bounded: CUE as ``(?<![\w-])(?:...)(?![\w-])``, WORD as
# ``\b(?:...)\b``, ANY not at all (a plain substring, used as a pre-filter).
_CUE, _WORD, _ANY = 0, 1, 2
_TABLE = "attacks."  # prefix of the names of the lists in places.scan


@dataclass(frozen=True, slots=True)
class _Cues:
    related: re.Pattern[str]
    related_by_hits: bool  # every related phrase starts with a letter or digit (see _starts_related)
    sides: tuple[str, ...]  # attackers, in the order of attack_cues.toml
    tags: tuple[str, ...]  # the phrase lists, by index
    tables: tuple[str, ...]  # their names in places.scan (_TABLE + tag), by index
    bounds: tuple[int, ...]  # _CUE / _WORD / _ANY for each list


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    t = load_toml("attack_cues.toml")
    lists: dict[str, tuple[int, list[str]]] = {
        "counter": (_CUE, t["counter"]),
        "strong": (_CUE, t["context_strong"]),
        "before": (_CUE, t["context_before"]),
        **{side: (_CUE, words) for side, words in t["attacker"].items()},
        "time": (_WORD, list(_TIME_WORDS)),
        "month": (_ANY, list(_MONTH_STEMS)),
        "weekday": (_ANY, list(_WEEKDAYS)),
        "related": (_ANY, t["related"]),
    }
    tags = tuple(lists)
    for tag, (_, words) in lists.items():
        add_phrase_table(_TABLE + tag, words)
    return _Cues(
        re.compile(rf"\s*[\W_]*(?:{_alt(t['related'])})"),
        all(phrase[:1].isalnum() for phrase in t["related"]),
        tuple(t["attacker"]),
        tags,
        tuple(_TABLE + tag for tag in tags),
        tuple(bound for bound, _ in lists.values()),
    )


class _Hits:
    """The occurrences of one phrase list in a text, answering what ``finditer`` or
    ``search`` of its bounded alternation (longest phrase first) would give within
    ``[start, end)``. The left bound only depends on the text; the right one also
    holds at ``end``, where a pattern run with ``endpos`` sees the end of the string."""

    __slots__ = ("starts", "spans")

    def __init__(self, spans: list[tuple[int, int, bool]]) -> None:
        # leftmost, then longest first, as a sort by (start, -end) gives. Speed only: the
        # spans mostly come so already (by end, from the scan), and a sort with a key
        # is a call per span; without one, as (start, -end, free): no two spans share
        # a start and an end.
        ordered = True
        for i in range(1, len(spans)):
            a0, b0, _ = spans[i - 1]
            a1, b1, _ = spans[i]
            if a1 < a0 or (a1 == a0 and b1 > b0):
                ordered = False
                break
        if not ordered:
            keyed = [(a, -b, free) for a, b, free in spans]
            keyed.sort()
            spans = [(a, -b, free) for a, b, free in keyed]
        self.spans = spans  # (start, end, the right bound holds in the full text)
        self.starts = [a for a, _, _ in self.spans]

    def iter(self, start: int, end: int) -> list[tuple[int, int]]:
        """The non-overlapping matches, as ``finditer(text, start, end)``."""
        out: list[tuple[int, int]] = []
        if not self.spans:
            return out
        spans = self.spans
        last = start
        for i in range(bisect_left(self.starts, start), len(spans)):
            a, b, free = spans[i]
            if a >= end:
                break
            if a >= last and b <= end and (free or b == end):
                out.append((a, b))
                last = b
        return out

    def any(self, start: int, end: int) -> bool:
        """Whether ``search(text, start, end)`` finds a match."""
        if not self.spans:
            return False
        spans = self.spans
        for i in range(bisect_left(self.starts, start), len(spans)):
            a, b, free = spans[i]
            if a >= end:
                return False
            if b <= end and (free or b == end):
                return True
        return False


_NO_HITS = _Hits([])


def _per_sentence(hits: _Hits, sentences: list[tuple[int, int]], starts: list[int]) -> dict[int, list[tuple[int, int]]]:
    """``hits.iter(start, end)`` of every sentence, by sentence index (sentences that
    have none are left out); ``starts`` are the sentences' starts."""
    out: dict[int, list[tuple[int, int]]] = {}
    if not hits.spans or not sentences:
        return out
    # ``index`` is ``max(0, bisect_right(starts, a) - 1)``, found by walking the
    # sentences along the hits, which come by start (speed only: no search per hit)
    index, last = 0, len(starts) - 1
    for a, b, free in hits.spans:
        while index < last and starts[index + 1] <= a:
            index += 1
        start, end = sentences[index]
        if a >= start and b <= end and (free or b == end):
            matches = out.setdefault(index, [])
            if not matches or a >= matches[-1][1]:
                matches.append((a, b))
    return out


@lru_cache(maxsize=8)
def _phrase_hits(text: str) -> dict[str, _Hits]:
    """Every cue list's matches in ``text`` (a lower-cased text), from the shared
    pass of ``places.scan``. Cached: main_attacker and the classifiers of the same
    document share it."""
    cues = _cues()  # registers the lists before the first scan that needs them
    found = scan(text).phrases
    n = len(text)
    hits: dict[str, _Hits] = {}
    for i, tag in enumerate(cues.tags):
        bound = cues.bounds[i]
        spans: list[tuple[int, int, bool]] = []
        for start, end in found[cues.tables[i]]:
            if bound == _ANY:
                spans.append((start, end, True))
                continue
            before = text[start - 1] if start else " "
            after = text[end] if end < n else " "
            if bound == _CUE:  # [\w-] on both sides
                if not (before.isalnum() or before == "_" or before == "-"):
                    spans.append((start, end, not (after.isalnum() or after == "_" or after == "-")))
            elif not (before.isalnum() or before == "_"):  # _WORD: \w on both sides
                spans.append((start, end, not (after.isalnum() or after == "_")))
        hits[tag] = _Hits(spans) if spans else _NO_HITS
    return hits


def _superlative_in(lower: str, start: int, end: int) -> bool:
    """Whether ``_SUPERLATIVE.search(lower, start, end)`` finds a match. Speed only:
    ``re`` tries a pattern that opens with ``\\b`` at every offset; ``_SUPERLATIVE_AFTER``
    opens with the character set (``\\W``) that ``\\b`` needs before a letter, which
    the engine skips to, from ``start - 1`` on. Only the text start has no character
    before it: ``_SUPERLATIVE_AT`` tries it. First (speed only): every match holds one
    of ``_SUPERLATIVE_LITERALS`` from ``start`` on; most windows before a strong cue
    hold none, which a few ``str.find`` calls tell for less than one search."""
    if not holds_any(lower, _SUPERLATIVE_LITERALS, max(start, 0), end):
        return False
    if start <= 0:
        return _SUPERLATIVE_AT.match(lower, 0, end) is not None or _SUPERLATIVE_AFTER.search(lower, 0, end) is not None
    return _SUPERLATIVE_AFTER.search(lower, start - 1, end) is not None


def _may_refer_to_day(lower: str, weekdays: list[tuple[int, int, bool]], start: int, end: int) -> bool:
    """Whether ``_DAY_REF.finditer(lower, start, end)`` could find anything, so also in
    any clause inside ``[start, end)``; ``weekdays`` are all the weekday names in
    ``lower`` (the ``weekday`` hits). Speed only (the regex and the clause breaks cost
    tens of thousands of instructions a sentence): every match holds a weekday that
    is followed by "'s"/"’s" (``wd``) or preceded by "on" and whitespace inside the
    window (``wd2``). No such weekday, no match."""
    for a, b, _ in weekdays:
        if a < start or b > end:
            continue
        if lower.startswith("'s", b) or lower.startswith("’s", b):
            return True
        j = a
        while j > start and lower[j - 1].isspace():
            j -= 1
        if j < a and j - 2 >= start and lower[j - 2 : j] == "on":
            return True
    return False


# The words that the second branch of _DAY_REF starts with (the first starts with a weekday).
_DAY_VERBS = ("hit", "struck", "attacked", "killed", "died", "launched", "used", "fired")


def _day_refs(lower: str, weekdays: list[tuple[int, int, bool]], start: int, end: int) -> list[re.Match[str]]:
    """``list(_DAY_REF.finditer(lower, start, end))``; ``weekdays`` are all the weekday
    names in ``lower`` (the ``weekday`` hits). Speed only: the search tries the pattern
    at every offset (about 60 ns a character); here it is tried only where a match can
    start, at a weekday name (first branch) or at one of ``_DAY_VERBS`` (second branch,
    found with ``str.find``), in order, each from the end of the last match on: the
    leftmost match from there, which is what ``finditer`` finds next. ``match`` sees
    what ``search`` sees before and after the offset (the lookbehinds, ``end``)."""
    starts: list[int] = [a for a, _, _ in weekdays if start <= a < end]
    for verb in _DAY_VERBS:
        i = lower.find(verb, start, end)
        while i >= 0:
            starts.append(i)
            i = lower.find(verb, i + 1, end)
    out: list[re.Match[str]] = []
    if not starts:
        return out
    starts.sort()
    pos = start
    for p in starts:
        if p < pos:
            continue
        m = _DAY_REF.match(lower, p, end)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _clause_breaks(lower: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``_CLAUSE_BREAK.finditer(lower, start, end)``. Speed only: the
    search tries the pattern at every offset; here it is tried only where a match can
    start: at a comma or a semicolon, or in a run of white space that "while" or "as"
    follows (every offset of such a run starts the same match, so the first one at or
    after the end of the last match does). Taken in order, the first that matches is
    the leftmost match, which is what ``finditer`` finds next."""
    candidates: list[tuple[int, int]] = []  # (first offset, the word after a white-space run or -1)
    for mark in (",", ";"):
        i = lower.find(mark, start, end)
        while i >= 0:
            candidates.append((i, -1))
            i = lower.find(mark, i + 1, end)
    for word in ("while", "as"):
        i = lower.find(word, start, end)
        while i >= 0:
            if i > start and lower[i - 1].isspace():
                run = i - 1
                while run > start and lower[run - 1].isspace():
                    run -= 1
                candidates.append((run, i))
            i = lower.find(word, i + 1, end)
    out: list[tuple[int, int]] = []
    if not candidates:
        return out
    candidates.sort()
    pos = start
    for first, after in candidates:
        at = first if first >= pos else pos
        if at >= (first + 1 if after < 0 else after):
            continue  # passed by the last match
        m = _CLAUSE_BREAK.match(lower, at, end)
        if m is not None:
            out.append((m.start(), m.end()))
            pos = m.end()
    return out


def _month_at_word_start(lower: str, months: Iterable[tuple[int, int]]) -> bool:
    """Whether one of ``months`` (month-stem hits in a window of ``lower``) starts a
    word or follows "mid". Speed only: every match of ``EXPLICIT`` or ``_IN_MONTH``
    holds a month name after whitespace, "-" or a non-word character (or at the text
    start), or right after "mid" ("in midMay"), so a window whose stems all sit inside
    other words ("declared", "remarks") holds none."""
    for a, _ in months:
        if a == 0:
            return True
        before = lower[a - 1]
        if not (before.isalnum() or before == "_"):
            return True
        if a >= 3 and lower.startswith("mid", a - 3):  # "in midMay": _IN_MONTH's "mid-?" without the hyphen
            return True
    return False


class AttackClassifier:
    """Classifies offsets of one document by sentence, with a per-sentence cache."""

    def __init__(self, doc: Doc, main_attacker: str | None, russian_places: list[tuple[int, int]],
                 event_date: str | None = None, published: str | None = None,
                 launch_sites: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.launch_sites = launch_sites or []
        self.main_attacker = main_attacker
        self.russian_places = russian_places
        self.event_date = event_date
        self._event = date.fromisoformat(event_date) if event_date is not None else None
        self.anchor = parse_published(published)
        hits = _phrase_hits(doc.lower)
        self._strong, self._month, self._counter = hits["strong"], hits["month"], hits["counter"]
        self._before, self._time, self._russia = hits["before"], hits["time"], hits["Russia"]
        # Weekdays only matter with a publication date and an event date to compare.
        self._weekday = hits["weekday"] if self.anchor is not None and event_date is not None else _NO_HITS
        self._related = {start for start, _, _ in hits["related"].spans}
        cues = _cues()
        self._related_rx = None if cues.related_by_hits else cues.related  # see _starts_related
        self._last = 0  # the sentence of the last offset asked (see places.sentence_near)
        self._by_sentence_done = False  # the four tables below are filled by _by_sentence
        self._strong_in: dict[int, list[tuple[int, int]]] = {}
        self._counter_in: dict[int, list[tuple[int, int]]] = {}
        self._month_in: dict[int, list[tuple[int, int]]] = {}
        self._time_in: dict[int, list[tuple[int, int]]] = {}
        self._cache: dict[int, str] = {}
        self._days: dict[tuple[int, int], bool] = {}
        self._day_ref_in: dict[int, bool] = {}  # by sentence: _may_refer_to_day
        self._breaks: dict[int, list[tuple[int, int]]] = {}
        self._paragraphs: list[int] | None = None  # by sentence: _paragraph_of_sentences

    def _by_sentence(self) -> None:
        """What each sentence holds, computed once for all of them: the matches of the
        strong and counter cues, and whether it names a month, a time or starts with
        a "related" link."""
        sentences = self.doc.sentences
        starts = [start for start, _ in sentences]
        self._strong_in = _per_sentence(self._strong, sentences, starts)
        self._counter_in = _per_sentence(self._counter, sentences, starts)
        if self._event is not None:  # only _other_date reads them, and only then
            self._month_in = _per_sentence(self._month, sentences, starts)
        self._time_in = _per_sentence(self._time, sentences, starts)
        self._by_sentence_done = True

    def __call__(self, offset: int) -> str:
        index = self._last = sentence_near(self.doc, offset, self._last)
        kind = self._cache.get(index) or self.sentence_kind(index)
        if kind == "main" and (self._context_before(index, offset) or self._other_day_at(index, offset)):
            return "context"
        return kind

    def _strong_context(self, index: int, start: int) -> bool:
        """A cue of another or a cumulative attack, unless it only ranks this one
        ("one of the largest attacks this year", "the deadliest since 2022")."""
        for a, _ in self._strong_in.get(index, ()):
            if not _superlative_in(self.doc.lower, max(start, a - 70), a):
                return True
        return False

    def _other_date(self, index: int, start: int, end: int) -> bool:
        """An explicit date ("on 31 July 2025") more than a day away from the event."""
        event = self._event
        if event is None or not _month_at_word_start(self.doc.lower, self._month_in.get(index, ())):
            return False
        for m in _EXPLICIT.finditer(self.doc.lower, start, end):
            if SPEECH_BEFORE.search(self.doc.lower, max(start, m.start() - 30), m.start()):
                continue  # "reported on 20 November": when it was said, not another attack
            when = explicit_date(m, self.anchor)
            if when is not None and abs((when - event).days) > 1:
                return True
        for m in _IN_MONTH.finditer(self.doc.lower, start, end):  # "in August" in a report of 3 September
            if _MONTHS.index(m.group("m")) + 1 != event.month:
                return True
        return False

    def _other_day_at(self, index: int, offset: int) -> bool:
        """``_other_day`` of the clause of ``offset``. A sentence that names no weekday
        has no other day in any of its clauses: most never need their clauses."""
        if not self._weekday.spans:
            return False
        possible = self._day_ref_in.get(index)
        if possible is None:
            start, end = self.doc.sentences[index] if self.doc.sentences else (0, len(self.doc.text))
            possible = self._day_ref_in[index] = _may_refer_to_day(self.doc.lower, self._weekday.spans, start, end)
        if not possible:
            return False
        clause = self._clause(index, offset)
        known = self._days.get(clause)
        if known is None:
            # (the gate of the sentence, for the clause alone: most clauses of a
            # sentence that may refer to a day hold no such weekday; speed only)
            clause_start, clause_end = clause
            known = self._days[clause] = (
                _may_refer_to_day(self.doc.lower, self._weekday.spans, clause_start, clause_end)
                and self._other_day(clause_start, clause_end))
        return known

    def _clause(self, index: int, offset: int) -> tuple[int, int]:
        start, end = self.doc.sentences[index] if self.doc.sentences else (0, len(self.doc.text))
        breaks = self._breaks.get(index)
        if breaks is None:
            breaks = self._breaks[index] = _clause_breaks(self.doc.lower, start, end)
        # the last break end at or before ``offset`` (else the sentence start) and the
        # first break start at or after it (else the sentence end); loops rather than
        # max/min of generators (speed only)
        clause_start, clause_end = start, end
        found_start = found_end = False
        for a, b in breaks:
            if b <= offset and (not found_start or b > clause_start):
                clause_start, found_start = b, True
            if a >= offset and (not found_end or a < clause_end):
                clause_end, found_end = a, True
        return clause_start, clause_end

    def sentence_kind(self, index: int) -> str:
        """main, counter or context for a whole sentence (cached)."""
        if index not in self._cache:
            self._cache[index] = self._sentence_kind(index)
            if self._cache[index] == "main" and self._continues_context(index):
                self._cache[index] = "context"
        return self._cache[index]

    def _continues_context(self, index: int) -> bool:
        """"On 13 April 2025 two missiles struck Sumy. Thirty-five people were killed.":
        a sentence with no time of its own goes on with the earlier attack before it."""
        if index == 0 or not self.doc.sentences:
            return False
        if index in self._time_in:  # first: the sentences before need no look then
            return False
        paragraphs = self._paragraph_of_sentences()
        if paragraphs[index - 1] != paragraphs[index]:
            return False
        return self.sentence_kind(index - 1) == "context"

    def _paragraph_of_sentences(self) -> list[int]:
        """``doc.paragraph_index`` of each sentence start, by sentence index, found
        once by walking the sentences along the paragraph starts (both in order; speed
        only: no search per sentence). Computed on first use for this document."""
        if self._paragraphs is None:
            paragraphs: list[int] = []
            starts = self.doc.paragraph_starts
            p = 0
            for start, _ in self.doc.sentences:
                while p < len(starts) and starts[p] <= start:
                    p += 1
                paragraphs.append(p - 1)  # bisect_right(starts, start) - 1
            self._paragraphs = paragraphs
        return self._paragraphs

    def _sentence_kind(self, index: int) -> str:
        if not self.doc.sentences:
            return "main"
        if not self._by_sentence_done:
            self._by_sentence()
        start, end = self.doc.sentences[index]
        if self._starts_related(start) or self._strong_context(index, start) or self._other_date(index, start, end):
            return "context"
        counter = any(not any(a <= s < b for a, b in self.launch_sites) for s, _ in self._counter_in.get(index, ()))
        in_russia = bool(self.russian_places) and any(start <= s < end for s, _ in self.russian_places)
        if self.main_attacker == "Ukraine":
            return "main" if counter or in_russia else "counter" if self._russian_attack(start, end) else "main"
        return "counter" if counter or in_russia else "main"

    def _starts_related(self, start: int) -> bool:
        """``related.match`` at a sentence start: a related phrase where the first
        letter or digit stands (the pattern skips only other characters before it)."""
        if self._related_rx is not None:
            return bool(self._related_rx.match(self.doc.lower, start))
        if not self._related:
            return False
        lower = self.doc.lower
        while start < len(lower) and not lower[start].isalnum():
            start += 1
        return start in self._related

    def _other_day(self, start: int, end: int) -> bool:
        """"Wednesday's attack" or "hit on Wednesday" in a report of Thursday's attack."""
        if self.anchor is None or self.event_date is None:
            return False
        for m in _day_refs(self.doc.lower, self._weekday.spans, start, end):
            day = weekday_on_or_before(self.anchor, m.group("wd") or m.group("wd2")).isoformat()
            if day != self.event_date:
                return True
        return False

    def _russian_attack(self, start: int, end: int) -> bool:
        return self._russia.any(start, end)

    def _context_before(self, index: int, offset: int) -> bool:
        if not self._before.spans:
            return False
        start, _ = self.doc.sentences[index] if self.doc.sentences else (0, 0)
        return self._before.any(start, offset)


def main_attacker(lower: str, title_lower: str, ukrainian_targets: bool = False) -> str | None:
    """The side whose attack the report leads with, or None when nothing says."""
    hits, title_hits = _phrase_hits(lower), _phrase_hits(title_lower)
    scores = {}
    for side in _cues().sides:
        starts = [s for s, _ in hits[side].iter(0, len(lower))]
        in_title = len(title_hits[side].iter(0, len(title_lower)))
        scores[side] = len(starts) + 2 * sum(1 for s in starts if s < 1500) + 3 * in_title
    side, score = max(scores.items(), key=lambda kv: kv[1])
    if score > 0:
        return side
    # Nothing names a side: strikes on Ukrainian places in this kind of report are Russia's.
    return "Russia" if ukrainian_targets else None
