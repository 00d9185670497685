"""Which attack a figure belongs to: the one the report leads with (``main``), the
other side's attack or claims (``counter``), or an earlier or cumulative one
(``context``); and who the main attacker is."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._patterns import alternation as _alt
from ..resources import load_toml
from datetime import date

from .dates import EXPLICIT as _EXPLICIT
from .dates import SPEECH_BEFORE, explicit_date, parse_published, weekday_on_or_before
from .doc import Doc

_WD = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_SUPERLATIVE = re.compile(r"\b(?:largest|biggest|deadliest|heaviest|worst|most\s+\w+|record|one\s+of\s+the)\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
# Leading lookaheads (here and below) restate the possible first characters of a
# match: one cheap test per position before the alternation is tried.
_IN_MONTH = re.compile(rf"(?=[dist])\b(?:in|since|during|throughout)\s+(?:early\s+|late\s+|mid-?)?(?P<m>{'|'.join(_MONTHS)})\b(?!\s+\d)")
_TIME_WORDS = re.compile(rf"\b(?:{_WD}|overnight|tonight|today|yesterday|this morning|last night|latest|night|morning|evening)\b")
_CLAUSE_BREAK = re.compile(r"(?=[,;\s])(?:,\s+(?:as|while|but|whereas|after|when)\s|;|\s+while\s|\s+as\s+the\s)")
# The leading lookahead holds the first letters of both branches (weekdays; hit,
# struck, attacked, ...): it rejects most positions before the lookbehinds run.
_DAY_REF = re.compile(
    rf"(?=[adfhklmstuw])"
    rf"(?:(?<!overnight )(?<!night of )(?<!into )(?<!late )(?P<wd>{_WD})(?:'s|’s)\s+(?:\w+\s+){{0,2}}(?:attack|strike|strikes|attacks|barrage|assault)"
    rf"|(?:hit|struck|attacked|killed|died|launched|used|fired)\s+(?:\w+\s+){{0,3}}?on\s+(?P<wd2>{_WD})(?!\s+(?:night|evening)))"
)



@dataclass(frozen=True, slots=True)
class _Cues:
    counter: re.Pattern[str]
    strong: re.Pattern[str]
    related: re.Pattern[str]
    before: re.Pattern[str]
    attacker: dict[str, re.Pattern[str]]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    t = load_toml("attack_cues.toml")
    b = r"(?<![\w-])(?:{})(?![\w-])"
    return _Cues(
        re.compile(b.format(_alt(t["counter"]))),
        re.compile(b.format(_alt(t["context_strong"]))),
        re.compile(rf"\s*[\W_]*(?:{_alt(t['related'])})"),
        re.compile(b.format(_alt(t["context_before"]))),
        {side: re.compile(b.format(_alt(words))) for side, words in t["attacker"].items()},
    )


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
        self.anchor = parse_published(published)
        self._cache: dict[int, str] = {}
        self._days: dict[tuple[int, int], bool] = {}
        self._breaks: dict[int, list[tuple[int, int]]] = {}

    def __call__(self, offset: int) -> str:
        index = self.doc.sentence_index(offset)
        kind = self.sentence_kind(index)
        if kind == "main" and (self._context_before(index, offset) or self._other_day_cached(self._clause(index, offset))):
            return "context"
        return kind

    def _strong_context(self, start: int, end: int) -> bool:
        """A cue of another or a cumulative attack, unless it only ranks this one
        ("one of the largest attacks this year", "the deadliest since 2022")."""
        for m in _cues().strong.finditer(self.doc.lower, start, end):
            if not _SUPERLATIVE.search(self.doc.lower, max(start, m.start() - 70), m.start()):
                return True
        return False

    def _other_date(self, start: int, end: int) -> bool:
        """An explicit date ("on 31 July 2025") more than a day away from the event."""
        if self.event_date is None:
            return False
        event = date.fromisoformat(self.event_date)
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

    def _other_day_cached(self, clause: tuple[int, int]) -> bool:
        if clause not in self._days:
            self._days[clause] = self._other_day(*clause)
        return self._days[clause]

    def _clause(self, index: int, offset: int) -> tuple[int, int]:
        start, end = self.doc.sentences[index] if self.doc.sentences else (0, len(self.doc.text))
        breaks = self._breaks.get(index)
        if breaks is None:
            breaks = self._breaks[index] = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(self.doc.lower, start, end)]
        clause_start = max((b for _, b in breaks if b <= offset), default=start)
        clause_end = min((a for a, _ in breaks if a >= offset), default=end)
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
        start, end = self.doc.sentences[index]
        prev_start = self.doc.sentences[index - 1][0]
        if self.doc.paragraph_index(prev_start) != self.doc.paragraph_index(start):
            return False
        if self.sentence_kind(index - 1) != "context" or _TIME_WORDS.search(self.doc.lower, start, end):
            return False
        return True

    def _sentence_kind(self, index: int) -> str:
        cues = _cues()
        if not self.doc.sentences:
            return "main"
        start, end = self.doc.sentences[index]
        if cues.related.match(self.doc.lower, start) or self._strong_context(start, end) or self._other_date(start, end):
            return "context"
        counter = any(not any(a <= m.start() < b for a, b in self.launch_sites)
                      for m in cues.counter.finditer(self.doc.lower, start, end))
        in_russia = any(start <= s < end for s, _ in self.russian_places)
        if self.main_attacker == "Ukraine":
            return "main" if counter or in_russia else "counter" if self._russian_attack(start, end) else "main"
        return "counter" if counter or in_russia else "main"

    def _other_day(self, start: int, end: int) -> bool:
        """"Wednesday's attack" or "hit on Wednesday" in a report of Thursday's attack."""
        if self.anchor is None or self.event_date is None:
            return False
        for m in _DAY_REF.finditer(self.doc.lower, start, end):
            day = weekday_on_or_before(self.anchor, m.group("wd") or m.group("wd2")).isoformat()
            if day != self.event_date:
                return True
        return False

    def _russian_attack(self, start: int, end: int) -> bool:
        return bool(_cues().attacker["Russia"].search(self.doc.lower, start, end))

    def _context_before(self, index: int, offset: int) -> bool:
        start, _ = self.doc.sentences[index] if self.doc.sentences else (0, 0)
        return bool(_cues().before.search(self.doc.lower, start, offset))


def main_attacker(lower: str, title_lower: str, ukrainian_targets: bool = False) -> str | None:
    """The side whose attack the report leads with, or None when nothing says."""
    cues = _cues().attacker
    scores = {}
    for side, rx in cues.items():
        starts = [m.start() for m in rx.finditer(lower)]
        scores[side] = len(starts) + 2 * sum(1 for s in starts if s < 1500) + 3 * len(rx.findall(title_lower))
    side, score = max(scores.items(), key=lambda kv: kv[1])
    if score > 0:
        return side
    # Nothing names a side: strikes on Ukrainian places in this kind of report are Russia's.
    return "Russia" if ukrainian_targets else None
