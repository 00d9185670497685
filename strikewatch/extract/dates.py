"""Event date and duration.

The event date comes from the publication date and the first time expression of the
report: "overnight into Sunday", "early Tuesday", "last night", "yesterday", "on the
night of 13 to 14 July", "on March 14". Overnight attacks take the date of the morning
they end. Without a publication date only an explicit date in the text gives one."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime

try:
    from zoneinfo import ZoneInfo

    _KYIV: tzinfo = ZoneInfo("Europe/Kyiv")
except Exception:  # no time-zone database on this system: Kyiv standard time
    from datetime import timezone

    _KYIV = timezone(timedelta(hours=2))

from .doc import Doc, holds_any

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}
_MONTH_RX = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_WD = "|".join(_WEEKDAYS)

_EXPRESSIONS: list[tuple[str, re.Pattern[str]]] = [
    ("attack_weekday", re.compile(rf"(?P<wd>{_WD})(?:\s+(?:morning|evening|night|afternoon))?(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?(?:attack|strike|strikes|barrage|assault|bombardment)")),
    ("night_range", re.compile(rf"night\s+of\s+(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|into)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RX})|(?P<m2>{_MONTH_RX})\s+(?P<d3>\d{{1,2}})\s*(?:-|–|to|into)\s*(?P<d4>\d{{1,2}}))")),
    ("night_weekday", re.compile(rf"(?:overnight|night)\s+(?:of\s+|from\s+)?(?:(?:{_WD})\s+)?(?:into|to)\s+(?P<wd>{_WD})")),
    # The lookahead (a digit or a month's first letter) rejects most positions cheaply.
    ("explicit", re.compile(rf"(?=\d|[adfjmnos])(?<![\w])(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RX})|(?P<m2>{_MONTH_RX})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>20\d\d))?(?![\w])")),
    ("weekday", re.compile(rf"(?:(?P<part>early|late|on|overnight|last|this)\s+)?(?P<wd>{_WD})(?:\s+(?P<part2>morning|night|evening|afternoon))?")),
    ("yesterday", re.compile(r"(?<![\w])yesterday(?![\w])")),
    ("last_night", re.compile(r"(?<![\w])(?:last\s+night|(?:consecutive|straight|second|third|another)\s+night|overnight|this\s+morning|early\s+hours|tonight|earlier\s+today|today)(?![\w])")),
]
# Every match of each expression holds one of these strings, so a segment without any
# of them is skipped without running the pattern (speed only; tests/extract/test_dates.py
# checks the claim). The months all start with their three-letter abbreviation.
_NEEDS: dict[str, tuple[str, ...]] = {
    "attack_weekday": _WEEKDAYS,
    "night_range": ("night",),
    "night_weekday": ("night",),
    "explicit": tuple(_MONTH_ABBR),
    "weekday": _WEEKDAYS,
    "yesterday": ("yesterday",),
    "last_night": ("night", "morning", "hours", "today"),
}


def _may_hold(kind: str, segment: str) -> bool:
    """Whether ``segment`` holds one of the strings every match of ``kind`` holds."""
    return holds_any(segment, _NEEDS[kind], 0, len(segment))


# Speed only: where the first match of an expression can start, so that its search
# starts there instead of at 0 (``rx.finditer(segment, pos)`` finds the same matches as
# ``rx.finditer(segment)`` when none starts before ``pos``; the lookbehinds still read
# the text before ``pos``) or is not run at all. tests/extract/test_speed_core.py checks
# _first_expression against the plain searches.
_POSSESSIVES = ("'s", "’s")  # every match of attack_weekday holds one ("Monday's strike")
_DIGITS = tuple("0123456789")
_WEEKDAY_PARTS_LONGEST = len("overnight")  # the longest word "weekday" may start with
# every match of last_night starts with one of these
_LAST_NIGHT_FIRSTS = ("last", "consecutive", "straight", "second", "third", "another", "overnight", "this",
                      "early", "tonight", "earlier", "today")


def _first_find(segment: str, words: tuple[str, ...]) -> int:
    """The first offset of any of ``words`` in ``segment``, or -1."""
    first = -1
    for word in words:
        i = segment.find(word)
        if i >= 0 and (first < 0 or i < first):
            first = i
    return first


def _search_from(kind: str, segment: str) -> int:
    """An offset no match of expression ``kind`` in ``segment`` starts before, or -1
    when ``segment`` can hold none (it lacks a string every match holds)."""
    if not _may_hold(kind, segment):
        return -1
    size = len(segment)
    if kind == "attack_weekday":
        return 0 if holds_any(segment, _POSSESSIVES, 0, size) else -1
    if kind == "explicit":
        # every match holds a digit (\d: in ASCII text one of the ten)
        return 0 if not segment.isascii() or holds_any(segment, _DIGITS, 0, size) else -1
    if kind == "weekday":
        # a match is a weekday, or one of its words, white space and a weekday: it
        # starts at the first weekday, or within the longest word before the white space
        # before it (no weekday starts inside a word and white space before another)
        first = _first_find(segment, _WEEKDAYS)
        j = first
        while j > 0 and segment[j - 1].isspace():
            j -= 1
        return first if j == first else max(0, j - _WEEKDAY_PARTS_LONGEST)
    if kind == "yesterday":
        return segment.find("yesterday")
    if kind == "last_night":
        return _first_find(segment, _LAST_NIGHT_FIRSTS)
    return 0


_SPEECH = re.compile(
    r"(?:(?:said|says|announced|reported|told|added|wrote|declared|mourning|posted|confirmed|funerals?|held|buried|buries|memorial)\s+(?:\w+\s+){0,2}"
    r"|(?:rose|risen|rises|climbed|increased|reached)\s+to\s+\S+\s+)(?:early\s+|late\s+)?(?:on\s+)?$"
)
_CONTEXT = re.compile(r"(?:last|previous|past|earlier this)\s+(?:week|month|year)|\ba\s+(?:week|month|year)\s+ago|since\s|in\s+20\d\d")


EXPLICIT = dict(_EXPRESSIONS)["explicit"]
SPEECH_BEFORE = _SPEECH


def explicit_date(m: re.Match[str], anchor: date | None) -> date | None:
    """The date of a match of ``EXPLICIT`` ("31 July 2025", "March 14")."""
    day = int(m.group("d") or m.group("d2"))
    year = int(m.group("y")) if m.group("y") else None
    return _explicit(anchor, day, _month(m.group("m") or m.group("m2")), year)


def parse_published(value: str | None) -> date | None:
    """The publication date: ISO 8601 (any precision) or RFC 2822 as feeds write it."""
    if not value:
        return None
    text = value.strip()
    try:
        return _local(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return _local(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def _local(moment: datetime) -> date:
    """The date in Kyiv when the report was published: a report filed at 23:30 in
    New York on the 14th speaks of the morning of the 15th in Ukraine."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(_KYIV).date()


def weekday_on_or_before(anchor: date, weekday: str) -> date:
    delta = (anchor.weekday() - _WEEKDAYS.index(weekday)) % 7
    return anchor - timedelta(days=delta)


def _month(token: str) -> int:
    token = token.rstrip(".")
    return _MONTHS.get(token) or _MONTH_ABBR[token[:4] if token.startswith("sept") else token[:3]]


def _explicit(anchor: date | None, day: int, month: int, year: int | None) -> date | None:
    if year is None:
        if anchor is None:
            return None
        year = anchor.year
        if (month, day) > (anchor.month, anchor.day + 1):  # "December 30" in a January report: last year
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], anchor: date | None) -> date | None:
    if kind == "night_range":
        day = int(m.group("d2") or m.group("d4"))
        month = _month(m.group("m") or m.group("m2"))
        return _explicit(anchor, day, month, None)
    if kind == "explicit":
        day = int(m.group("d") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else None
        return _explicit(anchor, day, _month(m.group("m") or m.group("m2")), year)
    if anchor is None:
        return None
    if kind in ("night_weekday", "attack_weekday"):
        return weekday_on_or_before(anchor, m.group("wd"))
    if kind == "weekday":
        return weekday_on_or_before(anchor, m.group("wd"))
    if kind == "yesterday":
        return anchor - timedelta(days=1)
    return anchor


def event_date(doc: Doc, title: str, published: str | None, lead_sentences: int = 3) -> tuple[str | None, tuple[int, int] | None]:
    """(ISO date, evidence span in the text) of the attack the report leads with."""
    anchor = parse_published(published)
    spans = doc.sentences[:lead_sentences] or [(0, len(doc.text))]
    skip = _dateline_end(doc.text)
    for s_start, s_end in spans:
        s_start = max(s_start, min(skip, s_end))
        segment = doc.lower[s_start:s_end]
        hit = _first_expression(segment)
        if hit:
            kind, m = hit
            resolved = _resolve(kind, m, anchor)
            if resolved:
                return resolved.isoformat(), (s_start + m.start(), s_start + m.end())
    hit = _first_expression(title.lower())
    if hit and (resolved := _resolve(*hit, anchor)):
        return resolved.isoformat(), None
    return (anchor.isoformat(), None) if anchor else (None, None)


_DATELINE = re.compile(r"\A\s*[A-ZА-ЯІЇЄҐ][\w'’ .-]{1,40},[^\n]{0,60}?(?:\s[-–—]\s|\)\s*[-–—:]?\s)")


def _dateline_end(text: str) -> int:
    """End of a dateline such as "KYIV, March 15 (Orbis) - ": its date is when the
    report was filed, not when the attack happened."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _first_expression(segment: str) -> tuple[str, re.Match[str]] | None:
    best: tuple[int, int, str, re.Match[str]] | None = None
    for rank, (kind, rx) in enumerate(_EXPRESSIONS):
        pos = _search_from(kind, segment)
        if pos < 0:
            continue
        for m in rx.finditer(segment, pos):
            if _CONTEXT.search(segment[max(0, m.start() - 30) : m.start()]):
                continue
            if kind in ("weekday", "explicit") and _SPEECH.search(segment[max(0, m.start() - 30) : m.start()]):
                continue  # "officials said on Thursday": when it was said, not when it happened
            if best is None or (m.start(), rank) < (best[0], best[1]):
                best = (m.start(), rank, kind, m)
            break
    if best and best[2] == "weekday":
        night = _EXPRESSIONS[2][1].search(segment) if _may_hold("night_weekday", segment) else None
        if night:  # "began late on Friday and ran overnight into Saturday"
            return "night_weekday", night
        named = _EXPRESSIONS[0][1].search(segment)  # "Wednesday evening's strike"
        if named:
            return "attack_weekday", named
    return (best[2], best[3]) if best else None


# Durations are quantities that numbers.py marks as ``hours``; these say which of them
# is how long the attack or the alert lasted.
_DURATION_BEFORE = re.compile(r"(?:lasted|lasting|went on|continued|for|spanning|over|alert|attack|assault|barrage|bombardment)\b")
_DURATION_AFTER = re.compile(r"[\s-]*hours?[\s-]+(?:long\s+)?(?:attack|assault|alert|barrage|bombardment|raid|air raid)\b")
_HOURS_WORD = re.compile(r"[\s-]*(?:hours?|hrs)\b")
_NOT_DURATION = re.compile(r"(?:past|last|previous|within|in the|next|every|per|less than|after|before)\s+(?:\S+\s+){0,2}$")
_NOT_DURATION_AFTER = re.compile(r"\s+(?:after|ago|before|later|earlier|since|of|in advance)\b")


def find_durations(doc: Doc) -> list[tuple[int | None, int | None, int, int]]:
    """[(low, high, start, end)] of attack/alert durations in hours."""
    out = []
    for q in doc.numbers:
        if q.kind != "hours" or q.vague or q.value > 48:
            continue
        word = _HOURS_WORD.match(doc.lower, q.end)
        end = word.end() if word else q.end
        before = re.split(r"[.;]", doc.lower[max(0, q.start - 50) : q.start])[-1]
        named = _DURATION_AFTER.match(doc.lower, q.end)  # "a nine-hour attack"
        if not (named or _DURATION_BEFORE.search(before)):
            continue
        if not q.qualifier and _NOT_DURATION.search(doc.lower[max(0, q.num_start - 30) : q.num_start]):
            continue
        if _NOT_DURATION_AFTER.match(doc.lower, end):
            continue
        out.append((q.low, q.high, q.start, named.end() if named else end))
    return out
