"""Places: gazetteer look-up (strikewatch/resources/places.csv) and struck vs mentioned.

One Aho-Corasick pass finds every alias; the longest whole-word match that starts
with a capital wins ("Kryvyi Rih", "Kharkiv region", "Shevchenkivskyi district"). A place is *struck*
when its clause says something happened there and no cue makes it a mere mention
(a title such as "Kharkiv Mayor", a visit, the country that made a missile, a
dateline)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ._patterns import alternation as _alt
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




@dataclass(frozen=True, slots=True)
class _Gazetteer:
    by_alias: dict[str, Place]
    automaton: "ahocorasick.Automaton"  # lower alias -> (alias, Place)
    struck_rx: re.Pattern[str]
    before_rx: re.Pattern[str]
    after_rx: re.Pattern[str]
    total_rx: re.Pattern[str]


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None



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
    # Matched on the reversed text before a place, so the cue is anchored where it ends
    # (one attempt instead of one per character of the window).
    reversed_cues = _alt(c[::-1] for c in cues["mention_before"])
    before = re.compile(rf"\s+(?:fo\s+(?:ytic|nwot|egalliv)\s+)?(?:eht\s+)?(?:{reversed_cues})(?![\w-])")
    after = re.compile(rf"^\s*(?:{_alt(cues['mention_after'])})(?![\w])")
    total = re.compile(rf"(?<![\w-])(?:{_alt(cues['total_markers'])})(?![\w-])")
    automaton = ahocorasick.Automaton()
    for alias, place in by_alias.items():
        automaton.add_word(alias, (alias, place))
    automaton.make_automaton()
    return _Gazetteer(by_alias, automaton, struck, before, after, total)


def lookup(name: str) -> Place | None:
    """The gazetteer entry for a name in any listed spelling, or None."""
    return gazetteer().by_alias.get(name.strip().lower())


_DISTRICT = re.compile(r"(?<![\w’'-])([A-Z][a-z’'-]+(?:skyi|skyy|skiy|sky|kyi|nyi|ryi|zkyi|tskyi))\s+district")
_REGION_REF = re.compile(r"(?<!head )(?<!governor )(?<!chief )(?:in|across|of|around|throughout|elsewhere in)\s+the\s+(?:surrounding\s+|wider\s+|same\s+)?(?:region|oblast|province)\b(?!\s+[A-Z])")


def find_places(text: str) -> list[PlaceMention]:
    """Gazetteer matches, city districts not in the gazetteer ("the Saltivskyi
    district" of whatever city the text is about) and "the region" meaning the oblast
    of the city named before it."""
    found = _gazetteer_places(text)
    _districts_of_the_city_in_question(found)
    _cities_as_regions(text, found)
    found += _unlisted_districts(text, found)
    found += _region_references(text, found)
    return sorted(found, key=lambda m: m.start)


# "[Rr]egion|[Oo]blast|[Pp]rovince", written to start with a character set so that
# ``re`` can skip ahead to candidate letters instead of trying each branch everywhere.
_REGION_WORD = re.compile(r"[RrOoPp](?:(?<=[Rr])egion|(?<=[Oo])blast|(?<=[Pp])rovince)")
_DISTRICT_WORD = re.compile(r"district")


def _near(rx: re.Pattern[str], anchor: re.Pattern[str], text: str, before: int, after: int = 12):
    """Matches of ``rx`` around an ``anchor`` word: scan only a window around each
    anchor instead of the whole text."""
    last = -1
    for a in anchor.finditer(text):
        lo = max(last, a.start() - before, 0)
        for m in rx.finditer(text, lo, min(len(text), a.end() + after)):
            if m.end() > last:
                last = m.end()
                yield m
_NAME_LIST = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?"
_REGION_LIST = re.compile(
    rf"(?P<list>{_NAME_LIST}(?:\s*,\s*{_NAME_LIST})*(?:\s*,?\s+and\s+{_NAME_LIST})?)\s+(?:regions?|oblasts?|provinces?)\b"
    rf"|(?:regions?|oblasts?|provinces?)\s+of\s+(?P<list2>{_NAME_LIST}(?:\s*,\s*{_NAME_LIST})*(?:\s*,?\s+and\s+{_NAME_LIST})?)"
)


def _cities_as_regions(text: str, found: list[PlaceMention]) -> None:
    """"the Poltava and Lviv regions", "the Lwów region": a city's name before
    "region" names its oblast."""
    for m in _near(_REGION_LIST, _REGION_WORD, text, 120, 120):
        start, end = m.span("list") if m.group("list") else m.span("list2")
        for mention in found:
            if start <= mention.start < end and mention.place.level == "city" and mention.place.admin1:
                oblast = lookup(mention.place.admin1)
                if oblast is not None and oblast.level == "oblast":
                    mention.place = oblast


# The leading lookahead lists the first letters of the opening words (aircraft,
# bombers, carriers, directions, from, fired, launched, ships, warships): a cheap
# test that skips most positions before the alternation is tried.
_LAUNCH_SITES = re.compile(
    r"(?=[abcdflsw])(?:(?:aircraft|bombers|ships?|submarines?|carriers?|warships?)\s+(?:over|from|in)|\bfrom|\bdirections?\s+of|\blaunched\s+from|\bfired\s+from)\s+(?:the\s+)?(?:areas?\s+of\s+|territory\s+of\s+|(?:temporarily\s+)?occupied\s+)?"
    r"(?:(?:[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*)(?:\s+(?:regions?|oblasts?))?(?:\s*\([^)]{1,40}\))?(?:\s*,\s*|\s+and\s+|\s+in\s+(?:the\s+)?|\s*$)?)+"
)


def launch_site_spans(text: str) -> list[tuple[int, int]]:
    """Where a list of launch sites stands ("from Kursk, Millerovo and
    Primorsko-Akhtarsk"): places there are origins, not targets."""
    return [m.span() for m in _LAUNCH_SITES.finditer(text)]


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


def _unlisted_districts(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    taken = [(m.start, m.end) for m in found]
    out = []
    for m in _near(_DISTRICT, _DISTRICT_WORD, text, 40):
        if any(a <= m.start() < b for a, b in taken):
            continue
        city = _nearest_city(found, m.start())
        place = Place(m.group(1), "district", city.canonical if city else "", "Ukraine",
                      city.lat if city else None, city.lon if city else None, True, m.group(1))
        out.append(PlaceMention(place, m.group(1), m.start(1), m.end(1)))
    return out


def _region_references(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in _near(_REGION_REF, _REGION_WORD, text, 50):
        city = _nearest_city(found, m.start())
        oblast = lookup(city.admin1) if city and city.admin1 else None
        if oblast is not None and oblast.level == "oblast":
            out.append(PlaceMention(oblast, text[m.start() : m.end()], m.start(), m.end()))
    return out


def _gazetteer_places(text: str) -> list[PlaceMention]:
    """Gazetteer matches in ``text``: every alias found by one Aho-Corasick pass over
    the lower-cased text, kept when it is a whole word that starts with a capital
    (or, for case-sensitive aliases, matches exactly); longest first, no overlaps."""
    g = gazetteer()
    lower = lower_preserving(text)
    candidates = []
    for end, (alias, place) in g.automaton.iter(lower):
        start = end - len(alias) + 1
        candidates.append((start, -len(alias), end + 1, place))
    candidates.sort(key=lambda c: (c[0], c[1]))
    found: list[PlaceMention] = []
    last_end = -1
    for start, _, stop, place in candidates:
        if start < last_end or not _whole_word(text, start, stop):
            continue
        surface = text[start:stop]
        if place.case_sensitive and surface != place.alias:
            continue
        if _RIVER.match(text, stop):
            continue  # "the Dnipro River" is not the city
        if not (surface[0].isupper() or not surface[0].isalpha()):
            continue
        found.append(PlaceMention(place, surface, start, stop))
        last_end = stop
    return found


_RIVER = re.compile(r"\s+[Rr]iver\b")


def _whole_word(text: str, start: int, stop: int) -> bool:
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
        return False
    if stop < len(text) and (text[stop].isalnum() or text[stop] == "_"):
        return False
    return not (stop < len(text) - 1 and text[stop] == "-" and text[stop + 1].isalnum())


def classify_places(doc: Doc, mentions: list[PlaceMention], attack_of, sites: list[tuple[int, int]] | None = None) -> None:
    """Set ``status`` (struck/mentioned) and ``attack`` on each mention in place."""
    g = gazetteer()
    struck_sentences: dict[int, bool] = {}
    sites = launch_site_spans(doc.text) if sites is None else sites
    for m in mentions:
        m.attack = attack_of(m.start)
        origin = any(a <= m.start < b for a, b in sites)
        m.status = "struck" if not origin and _is_struck(doc, g, m, struck_sentences) else "mentioned"


def _is_struck(doc: Doc, g: _Gazetteer, m: PlaceMention, cache: dict[int, bool]) -> bool:
    if m.place.level == "country" or (m.place.level == "capital" and m.place.country != "Ukraine"):
        return False
    if _is_dateline(doc.text, m):
        return False
    if g.before_rx.match(doc.lower[max(0, m.start - 60) : m.start][::-1]):
        return False
    if g.after_rx.match(doc.lower[m.end : m.end + 40]):
        return False
    index = doc.sentence_index(m.start)
    if index not in cache:
        s_start, s_end = doc.sentence_of(m.start)
        if len(doc.text[s_start:s_end].split()) <= 4 and index + 1 < len(doc.sentences):
            # a heading ("Darnytskyi district.") and the two sentences under it
            s_end = doc.sentences[min(index + 2, len(doc.sentences) - 1)][1]
        cache[index] = bool(g.struck_rx.search(doc.lower, s_start, s_end))
    return cache[index]


def _is_dateline(text: str, m: PlaceMention) -> bool:
    """"KYIV, March 14 (Wire) -": where the reporter files from, not a target."""
    if m.start > 3 or text[:m.start].strip():
        return False
    rest = text[m.end : m.end + 40]
    return bool(re.match(r"\s*(?:,|\(|—|–|-|/)", rest)) and (text[m.start : m.end].isupper() or bool(re.match(r"\s*,\s*(?:[A-Z][a-z]+\.? \d|\d)", rest)) or bool(re.match(r"\s*(?:\(|—|–)", rest)))


def is_total_sentence(doc: Doc, offset: int) -> bool:
    s_start, s_end = doc.sentence_of(offset)
    return bool(gazetteer().total_rx.search(doc.lower, s_start, s_end))
