"""What grouping looks at in one report: dates, attacker, places struck, weapon counts.

Only the main attack counts: facts and attackers of a counter-claim (``attack ==
"counter"``) or of background attacks (``"context"``) never shape a report's features,
so a counter-claim cannot pull the article into the other side's event.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from .sketch import Packed, packed_sketches, report_text

# Weapon counts are distinctive (an air force's "310 drones" is repeated by every
# outlet); tolls move during the day, so they only weigh a little.
COUNT_FIELDS = ("drones_launched", "missiles_launched", "drones_intercepted", "missiles_intercepted")
TOLL_FIELDS = ("killed", "injured")
MIN_DISTINCTIVE_COUNT = 5
LATEST_UTC_OFFSET_HOURS = 14  # the easternmost time zone, for "published before the event"


@dataclass(slots=True)
class Features:
    index: int
    report_id: str
    day: int | None  # event date as a proleptic ordinal
    published_day: int | None
    published_ts: float | None  # seconds since the epoch, UTC
    attacker: str | None
    places: frozenset[str]
    regions: frozenset[str]
    countries: frozenset[str]
    counts: frozenset[tuple[str, int]]
    tolls: frozenset[tuple[str, int]]
    sketch: Packed  # the text's bottom-k sketch, packed (sketch.packed_sketches)


def parse_day(value: Any) -> int | None:
    """Ordinal of an ISO date or datetime string (its calendar date as written)."""
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def parse_timestamp(value: Any) -> float | None:
    """Seconds since the epoch for an ISO date/datetime; naive values are taken as UTC."""
    if not value or not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def plausible_day(day: int | None, published_ts: float | None) -> int | None:
    """The event day, unless it falls after the report was published in every time
    zone (a misread relative date): then the report is treated as undated."""
    if day is None or published_ts is None:
        return day
    latest = datetime.fromtimestamp(published_ts + LATEST_UTC_OFFSET_HOURS * 3600, tz=timezone.utc)
    return None if day > latest.date().toordinal() else day


_NORMALISED: dict[str, str] = {}  # place and attacker names repeat: normalise each once
_MAX_NORMALISED = 100_000


def _norm(name: Any) -> str | None:
    if not name or not isinstance(name, str):
        return None
    found = _NORMALISED.get(name)
    if found is None:
        if len(_NORMALISED) >= _MAX_NORMALISED:
            _NORMALISED.clear()
        found = _NORMALISED[name] = " ".join(name.lower().split())
    return found


def main_attacker(report: dict[str, Any]) -> str | None:
    summary = report.get("summary") or {}
    found = _norm(summary.get("attacker"))
    if found:
        return found
    for attack in report.get("attacks") or ():
        if attack.get("id") == "main":
            return _norm(attack.get("attacker"))
    return None


def struck_places(report: dict[str, Any]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(places, regions, countries) struck in the main attack: the summary's
    ``places_struck`` (else the places marked struck), with their oblasts and countries."""
    summary = report.get("summary") or {}
    places = report.get("places") or ()
    names = {n for n in map(_norm, summary.get("places_struck") or ()) if n}
    if not names:
        names = {n for n in [_norm(p.get("name")) for p in places if p.get("status") == "struck"] if n}
    mine = [p for p in places if _norm(p.get("name")) in names]
    if not mine:
        return frozenset(names) if names else _NONE, _NONE, _NONE
    regions = {r for r in [_norm(p.get("admin1")) for p in mine] if r}
    countries = {c for c in [_norm(p.get("country")) for p in mine] if c}
    return frozenset(names), frozenset(regions), frozenset(countries)


_NONE: frozenset = frozenset()  # one shared empty set (most reports lack most fields)


def exact_values(summary: dict[str, Any], fields: tuple[str, ...]) -> frozenset[tuple[str, int]]:
    found = []
    for name in fields:
        value = summary.get(name)
        if isinstance(value, dict) and value.get("low") is not None and value.get("low") == value.get("high"):
            found.append((name, int(value["low"])))
    return frozenset(found) if found else _NONE


def report_features(index: int, report: dict[str, Any], sk: Packed | None = None) -> Features:
    """Features of one report (``sk``: its sketch, when computed in a batch)."""
    summary = report.get("summary") or {}
    places, regions, countries = struck_places(report)
    counts = exact_values(summary, COUNT_FIELDS)
    if counts:
        counts = frozenset(c for c in counts if c[1] >= MIN_DISTINCTIVE_COUNT)
    published_ts = parse_timestamp(report.get("published"))
    return Features(
        index=index,
        report_id=str(report.get("id")),
        day=plausible_day(parse_day(report.get("event_date")), published_ts),
        published_day=parse_day(report.get("published")),
        published_ts=published_ts,
        attacker=main_attacker(report),
        places=places,
        regions=regions,
        countries=countries,
        counts=counts,
        tolls=exact_values(summary, TOLL_FIELDS),
        sketch=sk if sk is not None else packed_sketches([report_text(report)])[0],
    )


def _shared(features: Features, seen: dict[frozenset, frozenset]) -> Features:
    """The same features, with each set replaced by an equal one seen before: a million
    reports name a few thousand distinct place sets and counts, so sharing them saves
    most of the features' memory (frozensets are immutable, so sharing is safe)."""
    features.places = seen.setdefault(features.places, features.places)
    features.regions = seen.setdefault(features.regions, features.regions)
    features.countries = seen.setdefault(features.countries, features.countries)
    features.counts = seen.setdefault(features.counts, features.counts)
    features.tolls = seen.setdefault(features.tolls, features.tolls)
    return features


def features_of(reports: list[dict[str, Any]]) -> list[Features]:
    """Features of every report, sketches computed in one batch."""
    found = packed_sketches([report_text(r) for r in reports])
    seen: dict[frozenset, frozenset] = {}
    return [_shared(report_features(i, r, sk), seen) for i, (r, sk) in enumerate(zip(reports, found))]
