"""Aggregated features of a story (a wire story and its reprints) or of an event, and
the affinity score that decides whether a story belongs to an event."""
from __future__ import annotations

from dataclasses import dataclass, field

from .features import Features

# Affinity weights (see docs/events.md, "Grouping").
SAME_DAY = 2.0
NEXT_DAY = 0.5
PUBLISHED_SAME_DAY = 1.0
PUBLISHED_NEXT_DAY = 0.5
SAME_ATTACKER = 1.0
SHARED_PLACE = 1.0
MAX_SHARED_PLACES = 2
SHARED_REGION = 0.5
FOREIGN_PLACES = -2.0
SHARED_COUNT = 2.0
CONFLICTING_COUNT = -1.0
SHARED_TOLL = 0.5
MAX_PUBLISHED_GAP_DAYS = 3


def _mode(counter: dict) -> object | None:
    """Most common key; ties go to the smallest key so the result is order-free."""
    if not counter:
        return None
    if len(counter) == 1:
        return next(iter(counter))
    best = max(counter.values())
    return min(k for k, v in counter.items() if v == best)


_COUNTERS = ("days", "published_days", "attackers", "places", "regions", "countries", "counts", "tolls")
Tally = dict  # key -> number of member reports (plain dicts: Counter() is slow to build)


def _bump(tally: Tally, key: object, by: int = 1) -> None:
    left = tally.get(key, 0) + by
    if left > 0:
        tally[key] = left
    else:
        tally.pop(key, None)


@dataclass(slots=True)
class Profile:
    members: list[int] = field(default_factory=list)
    days: Tally = field(default_factory=dict)
    published_days: Tally = field(default_factory=dict)
    attackers: Tally = field(default_factory=dict)
    places: Tally = field(default_factory=dict)
    regions: Tally = field(default_factory=dict)
    countries: Tally = field(default_factory=dict)
    counts: Tally = field(default_factory=dict)
    tolls: Tally = field(default_factory=dict)
    _cache: tuple | None = None  # (day, published_day, attacker, anchor)

    def add(self, f: Features) -> None:
        # Adding only raises counts, so plain ``get(key, 0) + 1`` (no ``_bump`` call).
        self.members.append(f.index)
        self._cache = None
        if f.day is not None:
            self.days[f.day] = self.days.get(f.day, 0) + 1
        if f.published_day is not None:
            self.published_days[f.published_day] = self.published_days.get(f.published_day, 0) + 1
        if f.attacker:
            self.attackers[f.attacker] = self.attackers.get(f.attacker, 0) + 1
        for tally, keys in ((self.places, f.places), (self.regions, f.regions),
                            (self.countries, f.countries), (self.counts, f.counts),
                            (self.tolls, f.tolls)):
            for key in keys:
                tally[key] = tally.get(key, 0) + 1

    def _tallies(self) -> tuple[Tally, ...]:
        return (self.days, self.published_days, self.attackers, self.places, self.regions,
                self.countries, self.counts, self.tolls)  # the order of _COUNTERS

    def merge(self, other: Profile, sign: int = 1) -> None:
        """Add ``other``'s reports (``sign=-1``: remove their tallies; members unchanged)."""
        self._cache = None
        if sign > 0:
            self.members.extend(other.members)
            for tally, more in zip(self._tallies(), other._tallies()):
                for key, n in more.items():  # tallies hold positive counts: no removal here
                    tally[key] = tally.get(key, 0) + n
            return
        for tally, more in zip(self._tallies(), other._tallies()):
            for key, n in more.items():
                _bump(tally, key, sign * n)

    def copy(self) -> Profile:
        return Profile(list(self.members), dict(self.days), dict(self.published_days), dict(self.attackers),
                       dict(self.places), dict(self.regions), dict(self.countries), dict(self.counts),
                       dict(self.tolls))

    def without(self, other: Profile) -> Profile:
        gone = set(other.members)
        rest = self.copy()
        rest.members = [m for m in self.members if m not in gone]
        rest.merge(other, sign=-1)
        return rest

    def _summary(self) -> tuple:
        if self._cache is None:
            published = min(self.published_days) if self.published_days else None
            self._cache = (_mode(self.days), published, _mode(self.attackers), min(self.members, default=-1))
        return self._cache

    @property
    def day(self) -> int | None:
        return self._summary()[0]

    @property
    def published_day(self) -> int | None:
        return self._summary()[1]

    @property
    def attacker(self) -> str | None:
        return self._summary()[2]

    @property
    def anchor(self) -> int:
        return self._summary()[3]


def _date_score(story: Profile, event: Profile) -> float | None:
    s_day, e_day = story.day, event.day
    if s_day is not None and e_day is not None:
        gap = abs(s_day - e_day)
        return SAME_DAY if gap == 0 else NEXT_DAY if gap == 1 else None
    pub = story.published_day
    if s_day is None and pub is not None and e_day is not None:
        if e_day == pub:
            return PUBLISHED_SAME_DAY
        if e_day == pub - 1:
            return PUBLISHED_NEXT_DAY
        return None if abs(e_day - pub) > MAX_PUBLISHED_GAP_DAYS else 0.0
    return 0.0


def _place_score(story: Profile, event: Profile) -> float:
    shared = sum(1 for p in story.places if p in event.places)
    if shared:
        return SHARED_PLACE * min(shared, MAX_SHARED_PLACES)
    if any(r in event.regions for r in story.regions):
        return SHARED_REGION
    if story.countries and event.countries and not any(c in event.countries for c in story.countries):
        return FOREIGN_PLACES
    return 0.0


def _count_score(story: Profile, event: Profile) -> float:
    score = 0.0
    event_fields = {name for name, _ in event.counts}
    for name in {n for n, _ in story.counts}:
        values = {v for n, v in story.counts if n == name}
        if any((name, v) in event.counts for v in values):
            score += SHARED_COUNT
        elif name in event_fields:
            score += CONFLICTING_COUNT
    if any(t in event.tolls for t in story.tolls):
        score += SHARED_TOLL
    return score


def shares_count(story: Profile, event: Profile) -> bool:
    return any(key in event.counts for key in story.counts)


def affinity(story: Profile, event: Profile, use_date: bool = True) -> float | None:
    """How strongly ``story`` belongs to ``event``; None when it cannot (another
    attacker, or dates too far apart)."""
    s_att, e_att = story.attacker, event.attacker
    if s_att and e_att and s_att != e_att:
        return None
    score = SAME_ATTACKER if s_att and s_att == e_att else 0.0
    if use_date:
        date_score = _date_score(story, event)
        if date_score is None:
            return None
        score += date_score
    return score + _place_score(story, event) + _count_score(story, event)
