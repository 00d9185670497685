"""Group reports of the same attack.

1. Stories: near-duplicate texts (a wire story and its reprints) are joined through the
   sketch index (no all-pairs comparison).
2. Blocks: stories with an event date and a known attacker form one event per
   (date, attacker): one night's attack on several cities is one event, the same city on
   consecutive nights is two.
3. Moves: a story whose date is probably off by one (it shares the air force's weapon
   count and places with the neighbouring night, not with its own) moves there.
4. Weak stories (no date, or no attacker) join the best-scoring event found through the
   day, place and weapon-count indexes, or start their own.

Every step depends on the set of reports only, never on their order.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .features import Features
from .profile import Profile, affinity, shares_count
from .sketch import candidate_pair_array, hash_set, similarity

logger = logging.getLogger(__name__)

NEAR_DUPLICATE = 0.2  # sketch resemblance (sketch.similarity), same or unknown day
NEAR_DUPLICATE_NEXT_DAY = 0.5  # reprints whose dates differ by one day
ATTACH = 2.0  # minimum affinity for a weak story to join an event
MOVE = 2.0  # minimum affinity, and margin over its own block, to move a story
MAX_CANDIDATES = 300
MOVE_PASSES = 2
LONE_STORY_NEIGHBOURS = 2  # stories a night needs to absorb a lone story dated a day off


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _conflicting(a: frozenset[tuple[str, int]], b: frozenset[tuple[str, int]]) -> bool:
    values_a = dict(a)
    return any(name in values_a and values_a[name] != value for name, value in b)


def _duplicate_threshold(a: Features, b: Features) -> float | None:
    """Similarity needed to call two reports copies of one story (None: never)."""
    if a.attacker and b.attacker and a.attacker != b.attacker:
        return None
    if _conflicting(a.counts, b.counts):
        return None
    if a.day is None or b.day is None or a.day == b.day:
        return NEAR_DUPLICATE
    if abs(a.day - b.day) == 1 and not _conflicting(a.tolls, b.tolls):
        return NEAR_DUPLICATE_NEXT_DAY
    return None


def find_stories(features: Sequence[Features]) -> list[list[int]]:
    """Indices of near-duplicate reports, grouped; every report is in one story."""
    sks = [f.sketch for f in features]
    sets: dict[int, frozenset[int]] = {}
    uf = UnionFind(len(features))
    # Stories are the connected components of the pairs that pass, so the order in
    # which pairs are tried does not matter (and a pair already joined is skipped).
    for a, b in candidate_pair_array(sks).tolist():
        if uf.find(a) == uf.find(b):
            continue
        threshold = _duplicate_threshold(features[a], features[b])
        if threshold is None:
            continue
        set_a = sets.get(a) or sets.setdefault(a, hash_set(sks[a]))
        set_b = sets.get(b) or sets.setdefault(b, hash_set(sks[b]))
        if similarity(set_a, set_b) >= threshold:
            uf.union(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for f in features:
        groups[uf.find(f.index)].append(f.index)
    return sorted(groups.values(), key=min)


def _profile(members: list[int], features: Sequence[Features]) -> Profile:
    profile = Profile()
    for i in members:
        profile.add(features[i])
    return profile


def _blocks(stories: list[Profile]) -> tuple[dict[tuple[int, str], list[int]], list[int]]:
    """Strong stories keyed by (day, attacker); the indices of weak stories."""
    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    weak: list[int] = []
    for i, story in enumerate(stories):
        day, attacker = story.day, story.attacker
        if day is None or attacker is None:
            weak.append(i)
        else:
            blocks[(day, attacker)].append(i)
    return blocks, weak


def _block_profile(block: list[int], stories: list[Profile]) -> Profile:
    if not block:
        return Profile()
    total = stories[block[0]].copy()  # what merging it into an empty profile gives, faster
    for i in block[1:]:
        total.merge(stories[i])
    return total


def _move_target(i: int, key: tuple[int, str], stories: list[Profile],
                 profiles: dict[tuple[int, str], Profile]) -> tuple[int, str] | None:
    """The neighbouring night that story ``i`` fits much better than its own, if any:
    it must share a weapon count there and not in its own block."""
    story = stories[i]
    # Cheap tests first: most stories share no count with a neighbouring night, or
    # share one with the rest of their own block; only then is that rest built.
    neighbours = [profile for profile in (profiles.get((key[0] - 1, key[1])), profiles.get((key[0] + 1, key[1])))
                  if profile is not None and shares_count(story, profile)]
    if not neighbours:
        return None
    block = profiles[key]
    has_rest = len(block.members) > len(story.members)  # the story's members are the block's
    if has_rest and any(block.counts.get(c, 0) > n for c, n in story.counts.items()):
        return None  # shares a count with the rest of its own block
    own = (affinity(story, block.without(story), use_date=False) or 0.0) if has_rest else 0.0
    best: tuple[float, tuple[int, str]] | None = None
    for other in ((key[0] - 1, key[1]), (key[0] + 1, key[1])):
        profile = profiles.get(other)
        if profile is None or not shares_count(story, profile):
            continue
        score = affinity(story, profile, use_date=False) or 0.0
        if score >= MOVE and score >= own + MOVE and (best is None or score > best[0]):
            best = (score, other)
    return best[1] if best else None


def _block_target(key: tuple[int, str], blocks: dict[tuple[int, str], list[int]], stories: list[Profile],
                  profiles: dict[tuple[int, str], Profile]) -> tuple[int, str] | None:
    """The larger neighbouring night a whole block belongs to (all of its reports
    misdated by one day): every story in it shares a weapon count with that night, or
    the block is one lone story that shares a place with a night of several stories
    and contradicts none of its weapon counts."""
    block = blocks[key]
    neighbours = [k for k in ((key[0] - 1, key[1]), (key[0] + 1, key[1])) if k in profiles]
    found: list[tuple[int, str]] = []
    if all(stories[i].counts for i in block):
        found = [k for k in neighbours if len(blocks[k]) > len(block)
                 and all(shares_count(stories[i], profiles[k]) for i in block)]
    if not found and len(block) == 1:
        found = [k for k in neighbours if len(blocks[k]) >= LONE_STORY_NEIGHBOURS
                 and _fits_lone(stories[block[0]], profiles[k])]
    return found[0] if len(found) == 1 else None


def _fits_lone(story: Profile, night: Profile) -> bool:
    shares_place = any(p in night.places for p in story.places)
    night_counts = {name for name, _ in night.counts}
    contradicts = any(name in night_counts and (name, v) not in night.counts for name, v in story.counts)
    return shares_place and not contradicts


def _apply_moves(blocks: dict[tuple[int, str], list[int]], stories: list[Profile],
                 profiles: dict[tuple[int, str], Profile]) -> dict[tuple[int, str], Profile]:
    """Move stories whose date is probably off by one night (all decided on the
    current blocks, then applied together); returns the profile of every block."""
    moves: list[tuple[int, tuple[int, str], tuple[int, str]]] = []
    for key, block in blocks.items():
        whole = _block_target(key, blocks, stories, profiles)
        for i in block:
            target = whole or (_move_target(i, key, stories, profiles) if stories[i].counts else None)
            if target is not None:
                moves.append((i, key, target))
    for i, source, target in moves:
        blocks[source].remove(i)
        blocks[target].append(i)
    for key in {k for _, source, target in moves for k in (source, target)}:
        profiles[key] = _block_profile(blocks[key], stories)
    return {key: profile for key, profile in profiles.items() if blocks[key]}


class _EventIndex:
    """Events found by day, place and weapon count, for attaching weak stories.

    The day index is split by each event's current attacker: a story with an attacker
    only needs the events of that attacker and those without one (any other attacker
    excludes, see ``affinity``), which spares scoring every attacker's events of the day.
    """

    def __init__(self) -> None:
        self.events: list[Profile] = []
        self.by_day: dict[int, dict[str | None, set[int]]] = defaultdict(lambda: defaultdict(set))
        self.days_of: list[set[int]] = []  # per event: the days it is indexed under
        self.attacker_of: list[str | None] = []  # per event: the attacker it is indexed under
        self.by_key: dict[object, list[int]] = defaultdict(list)

    def add(self, profile: Profile) -> int:
        number = len(self.events)
        self.events.append(profile)
        self.days_of.append(set())
        self.attacker_of.append(profile.attacker)
        self._index(number, profile)
        return number

    def _index(self, number: int, profile: Profile) -> None:
        if profile.day is not None:
            self.days_of[number].add(profile.day)
            self.by_day[profile.day][self.attacker_of[number]].add(number)
        for key in list(profile.counts) + list(profile.places):
            self.by_key[key].append(number)

    def _reindex_attacker(self, number: int) -> None:
        old, new = self.attacker_of[number], self.events[number].attacker
        if old == new:
            return
        for day in self.days_of[number]:
            self.by_day[day][old].discard(number)
            self.by_day[day][new].add(number)
        self.attacker_of[number] = new

    def candidates(self, story: Profile) -> list[int]:
        days = [story.day] if story.day is not None else []
        if not days and story.published_day is not None:
            days = [story.published_day - 1, story.published_day]
        found: set[int] = set()
        attacker = story.attacker
        for day in days:
            for d in (day - 1, day, day + 1):
                by_attacker = self.by_day.get(d)
                if not by_attacker:
                    continue
                if attacker is None:
                    for numbers in by_attacker.values():
                        found.update(numbers)
                else:
                    found.update(by_attacker.get(attacker, ()))
                    found.update(by_attacker.get(None, ()))
        if not days:
            for key in list(story.counts) + sorted(story.places):
                found.update(self.by_key.get(key, ())[-MAX_CANDIDATES:])
            if attacker is not None:  # another attacker's event would be excluded anyway
                found = {n for n in found if self.attacker_of[n] is None or self.attacker_of[n] == attacker}
        return sorted(found)

    def join(self, number: int, story: Profile) -> None:
        self.events[number].merge(story)
        self._reindex_attacker(number)
        self._index(number, story)


def _attach(weak: list[int], stories: list[Profile], index: _EventIndex) -> None:
    for i in sorted(weak, key=lambda i: stories[i].anchor):
        story = stories[i]
        best: tuple[float, int, int] | None = None
        for number in index.candidates(story):
            score = affinity(story, index.events[number])
            if score is None or score < ATTACH:
                continue
            key = (score, -index.events[number].anchor, number)
            if best is None or key > best:
                best = key
        if best is None:
            index.add(_block_profile([i], stories))
        else:
            index.join(best[2], story)


@dataclass(slots=True)
class Grouping:
    events: list[list[int]]  # report indices per event, each sorted, ordered by first index
    story_of: list[int]  # per report index: the smallest index of its near-duplicate story


def group_features(features: Sequence[Features], drop_sketches: bool = False) -> Grouping:
    """Group reports (by their features) into events. ``drop_sketches``: the caller
    owns ``features`` and lets the sketches go once stories are found (the largest part
    of the features' memory, unused by the later steps)."""
    story_members = find_stories(features)
    if drop_sketches:
        for f in features:
            f.sketch = b""
    stories = [_profile(m, features) for m in story_members]
    blocks, weak = _blocks(stories)
    profiles = {key: _block_profile(block, stories) for key, block in blocks.items()}
    for _ in range(MOVE_PASSES):  # a story left alone by one pass may move as a lone one
        profiles = _apply_moves(blocks, stories, profiles)
        blocks = {key: block for key, block in blocks.items() if block}
    index = _EventIndex()
    for key in sorted(profiles):
        index.add(profiles[key])
    _attach(weak, stories, index)
    logger.debug("%d reports, %d stories, %d events", len(features), len(stories), len(index.events))
    story_of = [0] * len(features)
    for members in story_members:
        for i in members:
            story_of[i] = members[0]
    events = sorted((sorted(e.members) for e in index.events), key=lambda m: m[0])
    return Grouping(events=events, story_of=story_of)
