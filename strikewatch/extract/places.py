"""Places: gazetteer look-up (strikewatch/resources/places.csv) and struck vs mentioned.

One Aho-Corasick pass finds every alias (and the phrases of any table another
component registers with :func:`add_phrase_table`, so that a text is scanned once
for all of them); the longest whole-word match that starts with a capital wins
("Kryvyi Rih", "Kharkiv region", "Shevchenkivskyi district"). A place is *struck*
when its clause says something happened there and no cue makes it a mere mention
(a title such as "Kharkiv Mayor", a visit, the country that made a missile, a
dateline)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ._patterns import Hint, alternation as _alt, word_start_alternation
from ..resources import load_csv, load_toml
from .doc import Doc, lower_preserving


@dataclass(frozen=True, slots=True)
class Place:
    canonical: str
    level: str
    admin1: str
    country: str
    lat: float | None
    lon: float | None
    case_sensitive: bool
    alias: str


@dataclass(slots=True)
class PlaceMention:
    place: Place
    surface: str
    start: int
    end: int
    status: str = "mentioned"  # struck | mentioned
    attack: str = "main"
    where: str = "text"  # text | title

    # Written out (what the dataclass would generate) so that mypyc compiles it: the
    # generated one runs interpreted, about 2,400 instructions a mention (speed only).
    def __init__(self, place: Place, surface: str, start: int, end: int, status: str = "mentioned",
                 attack: str = "main", where: str = "text") -> None:
        self.place = place
        self.surface = surface
        self.start = start
        self.end = end
        self.status = status
        self.attack = attack
        self.where = where




@dataclass(frozen=True, slots=True)
class _Gazetteer:
    by_alias: dict[str, Place]
    struck_rx: re.Pattern[str]
    struck_after_rx: re.Pattern[str]  # see _struck_in
    struck_at_rx: re.Pattern[str]
    before_rx: re.Pattern[str]
    after_rx: re.Pattern[str]
    after_firsts: str  # the first character of each mention_after cue but white space
    total_rx: re.Pattern[str]


def _float(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None



def _trie_alternation(phrases: list[str]) -> str:
    """A pattern that matches what ``(?:{alternation(phrases)})`` matches, written as a
    trie: "ni\\ (?:sklat|timmus|...)" instead of "ni\\ sklat|ni\\ timmus|...", so
    that the phrases sharing a beginning are told apart after reading it once (speed
    only). At each node the longer phrases come first and the end of a phrase last: of
    the phrases that match at an offset (each a beginning of the others) the longest
    is tried first, as in the alternation."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for c in phrase:
            node = node.setdefault(c, {})
        node[""] = {}
    return _trie_node(root)


def _trie_depth(node: dict[str, dict]) -> int:
    return max([1 + _trie_depth(child) if c else 0 for c, child in node.items()])


def _trie_node(node: dict[str, dict]) -> str:
    keys = sorted([c for c in node if c], key=lambda c: -_trie_depth(node[c]))
    branches = [re.escape(c) + _trie_node(node[c]) for c in keys]
    if "" in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    by_alias: dict[str, Place] = {}
    for row in load_csv("places.csv"):
        alias = row["alias"].strip()
        if not alias:
            continue
        place = Place(row["canonical"], row["level"], row.get("admin1", ""), row.get("country", ""),
                      _float(row.get("lat")), _float(row.get("lon")), row.get("case_sensitive") in ("1", "true", "True"), alias)
        by_alias.setdefault(alias.lower(), place)
    cues = load_toml("place_cues.toml")
    struck = re.compile(rf"(?<![\w-])(?:{_alt(cues['struck'])})(?![\w-])")
    # ``struck`` less its lookbehind, after the character that it tests (see _struck_in)
    struck_after = re.compile(rf"[^\w-](?:{_alt(cues['struck'])})(?![\w-])")
    struck_at = re.compile(rf"(?:{_alt(cues['struck'])})(?![\w-])")
    # Matched on the reversed text before a place, so the cue is anchored where it ends
    # (one attempt instead of one per character of the window).
    # As a trie (speed only: the pattern is matched at one offset, where an alternation
    # tries its phrases one by one; see _trie_alternation)
    reversed_cues = _trie_alternation([c[::-1] for c in cues["mention_before"]])
    before = re.compile(rf"\s+(?:fo\s+(?:ytic|nwot|egalliv)\s+)?(?:eht\s+)?(?:{reversed_cues})(?![\w-])")
    after = re.compile(rf"^\s*(?:{_alt(cues['mention_after'])})(?![\w])")
    # "(?<![\w-])(?:markers)(?![\w-])", opening with a set so that ``re`` skips to the
    # markers' first letters (see word_start_alternation; speed only)
    total = re.compile(rf"{word_start_alternation(cues['total_markers'])}(?![\w-])")
    after_firsts = "".join(sorted({c.lstrip()[0] for c in cues["mention_after"]}))
    return _Gazetteer(by_alias, struck, struck_after, struck_at, before, after, after_firsts, total)


# Phrase tables of other components (attacks.py registers its cue lists), found in
# the same Aho-Corasick pass over a text as the gazetteer's aliases.
# Its own words are found there too: the words the launch-site pattern starts with
# and the anchors of the region and district windows (see ``_occurrences``).
_PHRASE_TABLES: dict[str, tuple[str, ...]] = {}
_LAUNCH_STARTS = ("aircraft", "bombers", "ship", "submarine", "carrier", "warship", "from", "direction",
                  "launched", "fired")
_PLACE_TABLES = {"places.launch": _LAUNCH_STARTS, "places.region": ("region", "oblast", "province"),
                 "places.district": ("district",)}


def add_phrase_table(name: str, phrases: Iterable[str]) -> None:
    """Make :func:`scan` also report every occurrence of ``phrases`` under ``name``."""
    _PHRASE_TABLES[name] = tuple(phrases)
    if _entries.cache_info().currsize:
        _entries()[0].retire()  # the scan's stems change: the old Hint's must not stay in the shared pass
    _entries.cache_clear()
    scan.cache_clear()


@dataclass(frozen=True, slots=True)
class Scan:
    """What one pass over a lower-cased text found."""

    aliases: list[tuple[int, int, Place]]  # whole-word aliases: (start, -length, place), leftmost and longest first
    phrases: dict[str, list[tuple[int, int]]]  # every occurrence (start, end) of each registered table's phrases


@lru_cache(maxsize=1)
def _own_tables() -> dict[str, tuple[str, ...]]:
    """This module's phrase tables: ``_PLACE_TABLES`` and the markers of
    ``place_cues.toml`` that :func:`is_total_sentence` looks up in the scan instead of
    searching a sentence with a regex (see :func:`_cue_in`). Not the ``struck`` cues:
    they are common words, and the extra hits of the scan cost more than the search."""
    cues = load_toml("place_cues.toml")
    return _PLACE_TABLES | {"places.total": tuple(cues["total_markers"])}


@lru_cache(maxsize=1)
def _entries() -> tuple[Hint, dict[str, tuple[Place | None, tuple[str, ...]]], tuple[str, ...]]:
    """The stems of the scan (every lower-case alias and registered phrase, sharing
    the Aho-Corasick pass of the other components' hints) and, for each, its Place
    (None for a phrase only) and the names of the tables holding it; then the names
    of all the tables."""
    entries: dict[str, tuple[Place | None, list[str]]] = {alias: (place, []) for alias, place in gazetteer().by_alias.items()}
    tables = _own_tables() | _PHRASE_TABLES
    for name, phrases in tables.items():
        for phrase in phrases:
            names = entries.setdefault(phrase, (None, []))[1]
            if name not in names:
                names.append(name)
    return Hint(entries), {key: (place, tuple(names)) for key, (place, names) in entries.items()}, tuple(tables)


@lru_cache(maxsize=8)
def scan(lower: str) -> Scan:
    """The aliases and registered phrases in ``lower`` (a ``lower_preserving`` text),
    from the Aho-Corasick pass that all hints share (see ``Hint``). Cached: the components working on the same text
    share it. An alias is kept only as a whole word; the word tests read ``lower``,
    which lower-casing leaves unchanged (letters stay letters)."""
    n = len(lower)
    aliases: list[tuple[int, int, Place]] = []
    stems, entries, tables = _entries()
    phrases: dict[str, list[tuple[int, int]]] = {name: [] for name in tables}
    for last, length in stems.hits(lower):
        start, stop = last - length + 1, last + 1
        place, names = entries[lower[start:stop]]
        if place is not None:
            # A whole word: nothing before it that continues it ("-" does), nothing after
            # it ("Kharkiv's" yes; "Kyivskyi", "Kyiv-based" no).
            before = lower[start - 1] if start else " "
            after = lower[stop] if stop < n else " "
            if not (before.isalnum() or before == "_" or before == "-" or after.isalnum() or after == "_"
                    or (after == "-" and stop + 1 < n and lower[stop + 1].isalnum())):
                aliases.append((start, -length, place))
        for name in names:
            phrases[name].append((start, stop))
    # By start, then longest first. Speed only: the hits come by end, which is that
    # order unless aliases overlap ("Kharkiv" in "Kharkiv region"); a sort then needs
    # no key (no call per alias): no two hits share a start and a length, so the
    # Places are never compared.
    for i in range(1, len(aliases)):
        a0, n0, _ = aliases[i - 1]
        a1, n1, _ = aliases[i]
        if a1 < a0 or (a1 == a0 and n1 < n0):
            aliases.sort()
            break
    return Scan(aliases, phrases)


def _cue_in(lower: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    r"""Whether ``re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])")
    .search(lower, start, end)`` finds a match, given ``spans``, every occurrence of
    the phrases in ``lower`` (a table of :func:`scan`). Speed only: a look at the few
    occurrences instead of a regex run over the sentence. The lookbehind sees the
    character before ``start``; the lookahead holds at ``end``, where a search with
    ``endpos`` sees the end of the string; the alternation backtracks to a shorter
    phrase when a longer one fails a bound, so any bounded occurrence is a match."""
    for a, b in spans:
        if a >= start and b <= end and not (a and _word_or_hyphen(lower[a - 1])) and (b == end or not _word_or_hyphen(lower[b])):
            return True
    return False


def _word_or_hyphen(c: str) -> bool:
    return c.isalnum() or c == "_" or c == "-"


def lookup(name: str) -> Place | None:
    """The gazetteer entry for a name in any listed spelling, or None."""
    return gazetteer().by_alias.get(name.strip().lower())


# The word-start test follows the capital so that ``re`` can skip to capitals.
_DISTRICT = re.compile(r"([A-Z](?<![\w’'-].)[a-z’'-]+(?:skyi|skyy|skiy|sky|kyi|nyi|ryi|zkyi|tskyi))\s+district")
_REGION_REF = re.compile(r"(?<!head )(?<!governor )(?<!chief )(?:in|across|of|around|throughout|elsewhere in)\s+the\s+(?:surrounding\s+|wider\s+|same\s+)?(?:region|oblast|province)\b(?!\s+[A-Z])")


def find_places(text: str, lower: str | None = None) -> list[PlaceMention]:
    """Gazetteer matches, city districts not in the gazetteer ("the Saltivskyi
    district" of whatever city the text is about) and "the region" meaning the oblast
    of the city named before it. ``lower``: ``lower_preserving(text)``, when the caller
    has it (a ``Doc``)."""
    phrases = scan(lower_preserving(text) if lower is None else lower)
    found = _gazetteer_places(text, phrases)
    _districts_of_the_city_in_question(found)
    region_words = _occurrences(text, phrases, "places.region", ("Region", "region", "Oblast", "oblast", "Province", "province"))
    _cities_as_regions(text, found, region_words)
    found += _unlisted_districts(text, found, _occurrences(text, phrases, "places.district", ("district",)))
    found += _region_references(text, found, region_words)
    return sorted(found, key=lambda m: m.start)


def _occurrences(text: str, phrases: Scan, table: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of every occurrence of ``words`` (written exactly so; none overlaps
    another or itself) in order, from ``phrases``, the scan of the lower-cased text,
    whose ``table`` holds these words in lower case."""
    spans = phrases.phrases[table]
    return sorted((a, b) for a, b in spans if text[a:b] in words)  # the scan lists them by end


def _near(rx: re.Pattern[str], anchors: list[tuple[int, int]], text: str, before: int, after: int = 12,
          skip: Callable[[int, int], bool] | None = None,
          find: Callable[[int, int], list[re.Match[str]]] | None = None) -> list[re.Match[str]]:
    """Matches of ``rx`` around the ``anchors`` words: scan only a window around each
    anchor instead of the whole text. ``skip(lo, hi)`` may say that a window cannot
    matter; it is then not scanned when that cannot change later windows either.
    ``find(lo, hi)``, when given, stands for ``rx.finditer(text, lo, hi)``. A list, not
    a generator (speed only): the callers change nothing that ``skip`` or ``find`` read."""
    out: list[re.Match[str]] = []
    last = -1
    for i, (a_start, a_end) in enumerate(anchors):
        lo = max(last, a_start - before, 0)
        hi = min(len(text), a_end + after)
        if skip is not None and skip(lo, hi) and (i + 1 == len(anchors) or anchors[i + 1][0] - before >= hi):
            continue  # its matches could only have moved ``last``, which the next window is past
        for m in (rx.finditer(text, lo, hi) if find is None else find(lo, hi)):
            if m.end() > last:
                last = m.end()
                out.append(m)
    return out


_NAME_LIST = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?"
_REGION_LIST = re.compile(
    rf"(?P<list>{_NAME_LIST}(?:\s*,\s*{_NAME_LIST})*(?:\s*,?\s+and\s+{_NAME_LIST})?)\s+(?:regions?|oblasts?|provinces?)\b"
    rf"|(?:regions?|oblasts?|provinces?)\s+of\s+(?P<list2>{_NAME_LIST}(?:\s*,\s*{_NAME_LIST})*(?:\s*,?\s+and\s+{_NAME_LIST})?)"
)
# Every match of _REGION_LIST holds one of these (lower case: "the Poltava region").
_LIST_WORD = re.compile(r"region|oblast|province")


def _cities_as_regions(text: str, found: list[PlaceMention], region_words: list[tuple[int, int]]) -> None:
    """"the Poltava and Lviv regions", "the Lwów region": a city's name before
    "region" names its oblast."""
    cities = [m.start for m in found if _oblast_of_city(m.place) is not None]
    if not cities:
        return  # nothing that a list could turn into an oblast

    list_spans = [(a, b) for a, b in region_words if text[a:b] in _LIST_WORDS]
    list_words = [a for a, _ in list_spans]

    def skip(lo: int, hi: int) -> bool:
        """No city to convert in the window, or no match possible there. The last
        test is ``not _LIST_WORD.search(text, lo, hi)``, read from ``list_spans``
        (every "region", "oblast" and "province" in the text; speed only)."""
        at = bisect_left(cities, lo)
        return at == len(cities) or cities[at] >= hi or not _span_within(list_spans, lo, hi)

    def find(lo: int, hi: int) -> list[re.Match[str]]:
        return _region_lists(text, lo, hi, list_words)

    for m in _near(_REGION_LIST, region_words, text, 120, 120, skip, find):
        start, end = m.span("list") if m.group("list") else m.span("list2")
        for mention in found:
            if start <= mention.start < end:
                oblast = _oblast_of_city(mention.place)
                if oblast is not None:
                    mention.place = oblast


_LIST_WORDS = ("region", "oblast", "province")


def _span_within(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether one of ``spans`` lies in ``[lo, hi)``."""
    for a, b in spans:
        if a >= lo and b <= hi:
            return True
    return False


def _region_lists(text: str, lo: int, hi: int, list_words: list[int]) -> list[re.Match[str]]:
    """``list(_REGION_LIST.finditer(text, lo, hi))``, trying the pattern only where a
    match can start (speed only: the search tries it at every offset, and the names
    before most region words are short). ``list_words`` are the starts of "region",
    "oblast" and "province" (lower case, as written) in ``text``, in order. A match
    holds one (see ``_LIST_WORD``): the second branch starts with it; the first starts
    at a capital, no further back than :func:`_names_before` allows, and ends with it.
    ``match`` at each such offset in turn, from the end of the last match on, is what
    ``finditer`` finds."""
    starts: list[int] = []
    i = bisect_left(list_words, lo)
    while i < len(list_words) and list_words[i] < hi:
        word = list_words[i]
        for k in range(max(lo, _names_before(text, word)), word):
            if "A" <= text[k] <= "Z":
                starts.append(k)
        starts.append(word)
        i += 1
    out: list[re.Match[str]] = []
    pos = lo
    for start in sorted(set(starts)):
        if start >= pos:
            m = _REGION_LIST.match(text, start, hi)
            if m is not None:
                out.append(m)
                pos = m.end()
    return out


def _names_before(text: str, end: int) -> int:
    r"""Where a list of names (``_NAME_LIST``s joined by commas and "and") that ends
    before ``end`` can start at the earliest. Its words (runs of ``[\w'’-]``) are
    separated by white space and commas only, and each starts with a capital or is
    "and", but for the first, in which the list may start at any capital ("pro-Kyiv"):
    going back word by word, the first word that breaks the rule, or the first other
    character, ends the walk."""
    k = end
    while True:
        j = k
        while j > 0 and (text[j - 1].isspace() or text[j - 1] == ","):
            j -= 1
        t = j
        while t > 0 and _name_char(text[t - 1]):
            t -= 1
        if t == j:
            return j  # another character (or the start of the text) before
        if not ("A" <= text[t] <= "Z" or text[t:j] == "and"):
            return t
        k = t


def _name_char(c: str) -> bool:
    r"""``c`` matches ``[\w'’-]``."""
    return c.isalnum() or c == "_" or c == "-" or c == "'" or c == "’"


def _oblast_of_city(place: Place) -> Place | None:
    """The oblast a city lies in, when the gazetteer lists it."""
    return _oblast_named(place.admin1) if place.level == "city" and place.admin1 else None


def _oblast_named(name: str) -> Place | None:
    # (a plain dict as the cache: an lru_cache call is an interpreted call; speed only)
    if name in _OBLASTS:
        return _OBLASTS[name]
    oblast = lookup(name)
    found = _OBLASTS[name] = oblast if oblast is not None and oblast.level == "oblast" else None
    return found


_OBLASTS: dict[str, Place | None] = {}


# The leading lookahead lists the first letters of the opening words (aircraft,
# bombers, carriers, directions, from, fired, launched, ships, warships): a cheap
# test that skips most positions before the alternation is tried.
_LAUNCH_SITES = re.compile(
    r"(?=[abcdflsw])(?:(?:aircraft|bombers|ships?|submarines?|carriers?|warships?)\s+(?:over|from|in)|\bfrom|\bdirections?\s+of|\blaunched\s+from|\bfired\s+from)\s+(?:the\s+)?(?:areas?\s+of\s+|territory\s+of\s+|(?:temporarily\s+)?occupied\s+)?"
    r"(?:(?:[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*)(?:\s+(?:regions?|oblasts?))?(?:\s*\([^)]{1,40}\))?(?:\s*,\s*|\s+and\s+|\s+in\s+(?:the\s+)?|\s*$)?)+"
)


def launch_site_spans(text: str, lower: str | None = None) -> list[tuple[int, int]]:
    """Where a list of launch sites stands ("from Kursk, Millerovo and
    Primorsko-Akhtarsk"): places there are origins, not targets. Same matches as
    ``_LAUNCH_SITES.finditer(text)``, trying the pattern only where one of the words
    it starts with (``_LAUNCH_STARTS``) stands. ``lower`` as for :func:`find_places`."""
    spans: list[tuple[int, int]] = []
    last = 0
    for start, _ in _occurrences(text, scan(lower_preserving(text) if lower is None else lower), "places.launch", _LAUNCH_STARTS):
        if start < last:
            continue
        m = _LAUNCH_SITES.match(text, start)
        if m:
            spans.append(m.span())
            last = m.end()
    return spans


def _nearest_city(found: list[PlaceMention], offset: int) -> Place | None:
    before = [m for m in found if m.start < offset and m.place.level == "city" and m.place.country == "Ukraine"]
    return before[-1].place if before else None


def _districts_of_the_city_in_question(found: list[PlaceMention]) -> None:
    """Several cities have a "Kyivskyi district": a listed district belongs to the city
    the text is about (named before it, else anywhere), not to the one in the table."""
    for m in found:
        if m.place.level != "district":
            continue
        city = _nearest_city(found, m.start) or next(
            (c.place for c in found if c.place.level == "city" and c.place.country == "Ukraine"), None)
        if city is None or city.canonical == m.place.admin1:
            continue
        name = re.sub(r"\s+district$", "", m.place.canonical, flags=re.IGNORECASE)
        m.place = Place(name, "district", city.canonical, "Ukraine", city.lat, city.lon, True, m.place.alias)


def _unlisted_districts(text: str, found: list[PlaceMention], district_words: list[tuple[int, int]]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    if not district_words:
        return out
    taken = [(m.start, m.end) for m in found]
    for m in _near(_DISTRICT, district_words, text, 40):
        if any(a <= m.start() < b for a, b in taken):
            continue
        city = _nearest_city(found, m.start())
        place = Place(m.group(1), "district", city.canonical if city else "", "Ukraine",
                      city.lat if city else None, city.lon if city else None, True, m.group(1))
        out.append(PlaceMention(place, m.group(1), m.start(1), m.end(1)))
    return out


# The end of a _REGION_REF match, from "the" on (a literal start: a fast scan). The
# last test is bounded: a window scan sees at least 12 characters past a match.
_REGION_REF_TAIL = re.compile(r"the\s+(?:surrounding\s+|wider\s+|same\s+)?(?:region|oblast|province)\b(?!\s{1,11}[A-Z])")
_REGION_REF_HEAD = ("in", "of", "across", "around", "throughout")


def _may_refer_to_region(text: str, region_words: list[tuple[int, int]]) -> bool:
    """Whether any window can match _REGION_REF: a tail preceded by white space and
    one of its first words. A cheap, exact pre-test (most texts have none).

    Same answer as testing every match of ``_REGION_REF_TAIL.finditer(text)``, but the
    tail is only tried where it can start (speed only: "the" is everywhere): each tail
    ends with "region", "oblast" or "province" written so, one of ``region_words``
    (every occurrence of these words, as :func:`_occurrences` lists them), and "the"
    and at most one of ``_REGION_REF_MIDDLE`` stand before it, each followed by white
    space only (see :func:`_tail_start`). Tails cannot overlap (none holds "the" but
    at its start), so the matches that ``finditer`` finds are all these."""
    for a, b in region_words:
        if text[a:b] not in _LIST_WORDS:
            continue  # a capital: not the tail's word
        start = _tail_start(text, a)
        if start < 0 or _REGION_REF_TAIL.match(text, start) is None:
            continue
        head = start
        while head > 0 and text[head - 1].isspace():
            head -= 1
        if head < start and text.endswith(_REGION_REF_HEAD, 0, head):
            return True
    return False


_REGION_REF_MIDDLE = ("surrounding", "wider", "same")


def _tail_start(text: str, word: int) -> int:
    r"""Where "the" starts when the text before ``word`` ends as
    ``the\s+(?:surrounding\s+|wider\s+|same\s+)?`` does, else -1."""
    # (``text[j - n : j] == s`` with ``j >= n`` is ``text.endswith(s, 0, j)``, written
    # so because a compiled slice and compare cost less than the method call; speed only)
    j = _before_space(text, word)
    if j == word:
        return -1
    if j >= 3 and text[j - 3 : j] == "the":
        return j - 3
    for middle in _REGION_REF_MIDDLE:
        n = len(middle)
        if j >= n and text[j - n : j] == middle:
            k = _before_space(text, j - n)
            if k < j - n and k >= 3 and text[k - 3 : k] == "the":
                return k - 3
            return -1
    return -1


def _before_space(text: str, end: int) -> int:
    """Where the run of white space that ends at ``end`` starts."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _region_references(text: str, found: list[PlaceMention], region_words: list[tuple[int, int]]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    if not _may_refer_to_region(text, region_words):
        return out
    for m in _near(_REGION_REF, region_words, text, 50):
        city = _nearest_city(found, m.start())
        oblast = lookup(city.admin1) if city and city.admin1 else None
        if oblast is not None and oblast.level == "oblast":
            out.append(PlaceMention(oblast, text[m.start() : m.end()], m.start(), m.end()))
    return out


def _gazetteer_places(text: str, phrases: Scan) -> list[PlaceMention]:
    """Gazetteer matches in ``text``: every alias found by one Aho-Corasick pass over
    the lower-cased text, kept when it is a whole word that starts with a capital
    (or, for case-sensitive aliases, matches exactly); longest first, no overlaps."""
    found: list[PlaceMention] = []
    last_end = -1
    # Every match of _RIVER holds "iver": without it, no need to try (speed only).
    rivers = "iver" in text
    for start, negative_length, place in phrases.aliases:
        if start < last_end:
            continue
        first = text[start]
        # (an ASCII capital answers the test at once; speed only)
        if not ("A" <= first <= "Z") and first.isalpha() and not first.isupper():
            continue  # not a capital
        stop = start - negative_length
        surface = text[start:stop]
        if place.case_sensitive and surface != place.alias:
            continue
        if rivers and _RIVER.match(text, stop):
            continue  # "the Dnipro River" is not the city
        found.append(PlaceMention(place, surface, start, stop))
        last_end = stop
    return found


_RIVER = re.compile(r"\s+[Rr]iver\b")


def classify_places(doc: Doc, mentions: list[PlaceMention], attack_of, sites: list[tuple[int, int]] | None = None) -> None:
    """Set ``status`` (struck/mentioned) and ``attack`` on each mention in place."""
    if not mentions:
        return  # (nothing to set: no launch sites to find; speed only, most titles)
    g = gazetteer()
    struck_sentences: dict[int, bool] = {}
    sites = launch_site_spans(doc.text, doc.lower) if sites is None else sites
    index = 0
    for m in mentions:
        m.attack = attack_of(m.start)
        origin = False
        for a, b in sites:
            if a <= m.start < b:
                origin = True
                break
        if not origin:
            index = sentence_near(doc, m.start, index)
        m.status = "struck" if not origin and _is_struck(doc, g, m, index, struck_sentences) else "mentioned"


def sentence_near(doc: Doc, offset: int, guess: int) -> int:
    """``doc.sentence_index(offset)``: the last sentence that starts at or before
    ``offset``, else 0. Speed only: the sentence ``guess`` and the one after it are
    tried first (callers ask in text order, mostly in the same sentence as before or
    the next one), then ``doc.sentence_index``'s binary search. ``guess``: a sentence
    index, or 0."""
    sentences = doc.sentences
    n = len(sentences)
    if guess < n:
        if guess + 1 < n and sentences[guess + 1][0] <= offset:
            if guess + 2 >= n or sentences[guess + 2][0] > offset:
                return guess + 1
        elif guess == 0 or sentences[guess][0] <= offset:
            return guess
    return doc.sentence_index(offset)


def _is_struck(doc: Doc, g: _Gazetteer, m: PlaceMention, index: int, cache: dict[int, bool]) -> bool:
    """``index``: the sentence of ``m.start``; ``cache``: ``_struck_in`` by sentence."""
    if m.place.level == "country" or (m.place.level == "capital" and m.place.country != "Ukraine"):
        return False
    if m.start <= 3 and _is_dateline(doc.text, m):
        return False
    lower = doc.lower
    start = m.start
    if _mentioned_before(g, lower, start) or _mentioned_after(g, lower, m.end):
        return False
    cached = cache.get(index)
    if cached is None:
        s_start, s_end = doc.sentences[index] if doc.sentences else (0, len(doc.text))
        # (at most five pieces: enough to tell four words or fewer; speed only)
        if len(doc.text[s_start:s_end].split(None, 4)) <= 4 and index + 1 < len(doc.sentences):
            # a heading ("Darnytskyi district.") and the two sentences under it
            s_end = doc.sentences[min(index + 2, len(doc.sentences) - 1)][1]
        cached = cache[index] = _struck_in(g, lower, s_start, s_end)
    return cached


def _mentioned_before(g: _Gazetteer, lower: str, start: int) -> bool:
    r"""``g.before_rx.match(lower[max(0, start - 60) : start][::-1])``, run only when
    white space precedes ``start``, which the pattern opens with (``\s+``; speed only)."""
    return (start > 0 and lower[start - 1].isspace()
            and g.before_rx.match(lower[max(0, start - 60) : start][::-1]) is not None)


def _mentioned_after(g: _Gazetteer, lower: str, end: int) -> bool:
    """``g.after_rx.match(lower[end : end + 40])``, tried only when the first character
    after the white space that the pattern skips can start a cue (``after_firsts``).
    Speed only: most places are followed by a word no cue starts with."""
    n = len(lower)
    j = end
    while j < n and lower[j].isspace():
        j += 1
    return j < n and j < end + 40 and lower[j] in g.after_firsts and g.after_rx.match(lower[end : end + 40]) is not None


def _struck_in(g: _Gazetteer, lower: str, start: int, end: int) -> bool:
    r"""Whether ``g.struck_rx.search(lower, start, end)`` finds a cue. Speed only: ``re``
    tries a pattern that opens with a lookbehind at every offset, about twice as slow
    as ``struck_after_rx``, which opens with the set that the lookbehind excludes
    (``[^\w-]``): the engine skips to its characters (past whole words at a time) and
    tries the cues after them. A cue at ``p`` thus has a character before it, at
    ``p - 1 >= start - 1``, as the lookbehind requires; only at the start of the text
    is there none, where ``struck_at_rx`` (the cues alone) tries it."""
    if start <= 0:
        return g.struck_at_rx.match(lower, 0, end) is not None or g.struck_after_rx.search(lower, 0, end) is not None
    return g.struck_after_rx.search(lower, start - 1, end) is not None


def _is_dateline(text: str, m: PlaceMention) -> bool:
    """"KYIV, March 14 (Wire) -": where the reporter files from, not a target."""
    if m.start > 3 or text[:m.start].strip():
        return False
    rest = text[m.end : m.end + 40]
    return bool(re.match(r"\s*(?:,|\(|—|–|-|/)", rest)) and (text[m.start : m.end].isupper() or bool(re.match(r"\s*,\s*(?:[A-Z][a-z]+\.? \d|\d)", rest)) or bool(re.match(r"\s*(?:\(|—|–)", rest)))


def is_total_sentence(doc: Doc, offset: int) -> bool:
    """Whether the sentence of ``offset`` holds a marker of an article-wide figure:
    ``gazetteer().total_rx.search(doc.lower, *doc.sentence_of(offset))``, answered
    from the scan (:func:`_cue_in`; speed only)."""
    s_start, s_end = doc.sentence_of(offset)
    return _cue_in(doc.lower, scan(doc.lower).phrases["places.total"], s_start, s_end)
