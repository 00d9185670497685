"""The article summary: one range per field for the main attack, with the facts behind it.

Tolls: the latest, widest-scope total (a nationwide figure when given, else the sum of
the places listed separately; a district inside a listed city is not added twice).
Weapons: articles repeat their figures, so counts are not added across sentences; a
sentence that lists several types is added up ("40 cruise and ballistic missiles, two
guided air missiles" -> 42), and types named in separate sentences are added too."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..models import Fact
from .places import PlaceMention, lookup
from .quotes import Quote

Range = tuple[int | None, int | None]


def _key(r: Range) -> tuple[int, int]:
    """Order ranges by their low end; on a tie the open or wider one ("at least 3"
    over "3") wins, as it is the running tally."""
    low, high = r
    first = low if low is not None else (high if high is not None else -1)
    return first, high if high is not None else 10**9


def _add(a: Range, b: Range) -> Range:
    low = None if a[0] is None or b[0] is None else a[0] + b[0]
    high = None if a[1] is None or b[1] is None else a[1] + b[1]
    if low is None and high is None:
        return (a[0] or 0) + (b[0] or 0) or None, None
    return low, high


def _as_dict(r: Range | None) -> dict[str, int | None] | None:
    return None if r is None else {"low": r[0], "high": r[1]}


def _max(items: Iterable[tuple[Range, list[str]]]) -> tuple[Range, list[str]] | None:
    best = None
    for item in items:
        if best is None or _key(item[0]) > _key(best[0]):
            best = item
    return best


def _toll(facts: list[Fact], kind: str) -> tuple[Range, list[str]] | None:
    pool = [f for f in facts if f.kind == kind and f.attack == "main" and f.scope != "breakdown"]
    text = [f for f in pool if f.where == "text"]
    pool = text or pool
    pool = _drop_group_parts(pool)
    if not pool:
        return None
    totals = [((f.low, f.high), [f.id]) for f in pool if f.place is None]
    per_place: dict[str, tuple[Range, list[str]]] = {}
    for f in pool:
        if f.place is None:
            continue
        item = ((f.low, f.high), [f.id])
        current = per_place.get(f.place)
        if current is None or _key(item[0]) > _key(current[0]):
            per_place[f.place] = item
    summed = _sum_places(per_place)
    return _max(totals + ([summed] if summed else []))


def _drop_group_parts(pool: list[Fact]) -> list[Fact]:
    """"two children were killed" beside "nine people were killed" in the same place
    is a part of the nine, not more deaths."""
    def covered(f: Fact) -> bool:
        return any(o.group is None and o.place == f.place and _key((o.low, o.high)) >= _key((f.low, f.high))
                   for o in pool)

    return [f for f in pool if f.group is None or not covered(f)]


def _sum_places(per_place: dict[str, tuple[Range, list[str]]]) -> tuple[Range, list[str]] | None:
    if not per_place:
        return None
    names = list(per_place)
    children: dict[str, list[str]] = defaultdict(list)
    for name in names:
        parent = _parent(name, names)
        if parent:
            children[parent].append(name)
    total: Range | None = None
    ids: list[str] = []
    for name in names:
        if _parent(name, names):
            continue
        value, fact_ids = per_place[name]
        if children[name]:
            kids = _sum_places({k: per_place[k] for k in children[name]})
            if kids and _key(kids[0]) > _key(value):
                value, fact_ids = kids
        total = value if total is None else _add(total, value)
        ids += fact_ids
    return (total, ids) if total is not None else None


def _parent(name: str, names: list[str]) -> str | None:
    entry = lookup(name)
    if entry is None:
        return None
    for other in names:
        if other == name:
            continue
        if entry.admin1 == other:
            return other
        other_entry = lookup(other)
        if other_entry and other_entry.level == "oblast" and entry.level != "oblast" and entry.admin1 == other_entry.admin1 == other:
            return other
    return None


def _weapons(facts: list[Fact], sentence_of: dict[str, int], kind: str) -> tuple[Range, list[str]] | None:
    pool = [f for f in facts if f.kind == kind and f.attack == "main" and f.scope != "breakdown" and f.where == "text"]
    if any(f.weapon != "decoy" for f in pool):
        pool = [f for f in pool if f.weapon != "decoy"]  # decoys counted apart stay apart
    if not pool:
        return None
    by_sentence: dict[int, tuple[Range, list[str]]] = {}
    by_category: dict[str, tuple[Range, list[str]]] = {}
    for f in pool:
        r = (f.low, f.high)
        s = sentence_of.get(f.id, -1)
        if s in by_sentence:
            prev = by_sentence[s]
            by_sentence[s] = (_add(prev[0], r), prev[1] + [f.id])
        else:
            by_sentence[s] = (r, [f.id])
        if f.weapon not in ("missile", "drone"):
            key = f"{f.weapon}:{f.model or ''}"  # 24 Kh-101 and 3 Kalibr are both cruise missiles
            cur = by_category.get(key)
            if cur is None or _key(r) > _key(cur[0]):
                by_category[key] = (r, [f.id])
    candidates = list(by_sentence.values())
    if by_category:
        parts = list(by_category.values())
        total, ids = parts[0][0], list(parts[0][1])
        for r, fid in parts[1:]:
            total = _add(total, r)
            ids += fid
        candidates.append((total, ids))
    return _max(candidates)


def _hits_as_launched(facts: list[Fact], family_name: str) -> list[Fact]:
    """"Three ballistic missiles hit the city": with no launch figure, what hit was launched."""
    from .weapons import family

    return [f for f in facts if f.kind == "hits" and f.weapon and family(f.weapon) == family_name
            for f in [Fact(**{**f.to_dict(), "kind": f"{family_name}s_launched"})]]


def _duration(facts: list[Fact]) -> tuple[Range, list[str]] | None:
    pool = [f for f in facts if f.kind == "duration_hours" and f.attack == "main"]
    return ((pool[0].low, pool[0].high), [pool[0].id]) if pool else None


def _struck_names(places: list[PlaceMention], where: str) -> list[str]:
    """Struck places of the main attack in order; the headline counts only when the
    body names none."""
    names: list[str] = []
    for p in places:
        if (p.where == where and p.status == "struck" and p.attack == "main"
                and p.place.level != "landmark" and p.place.canonical not in names):
            names.append(p.place.canonical)
    return names


# Typed parameters: the compiled code reads the places' and quotes' fields directly (speed only).
def summarise(facts: list[Fact], sentence_of: dict[str, int], places: list[PlaceMention],
              quotes: list[Quote]) -> tuple[dict, dict]:
    missiles = _weapons(facts, sentence_of, "missiles_launched") if facts else None
    if missiles is None and facts:
        missiles = _weapons(_hits_as_launched(facts, "missile"), sentence_of, "missiles_launched")
    fields = {
        "killed": _toll(facts, "killed"),
        "injured": _toll(facts, "injured"),
        "drones_launched": _weapons(facts, sentence_of, "drones_launched") if facts else None,
        "missiles_launched": missiles,
        "drones_intercepted": _weapons(facts, sentence_of, "drones_intercepted") if facts else None,
        "missiles_intercepted": _weapons(facts, sentence_of, "missiles_intercepted") if facts else None,
        "duration_hours": _duration(facts),
    }
    summary: dict[str, Any] = {name: _as_dict(v[0]) if v else None for name, v in fields.items()}
    evidence = {name: v[1] for name, v in fields.items() if v}
    struck = _struck_names(places, "text")
    in_body = {p.place.canonical for p in places if p.where == "text"}
    # the headline counts when the body names none, or when it says a place the body names was hit
    struck += [n for n in _struck_names(places, "title") if n not in struck and (not struck or n in in_body)]
    summary["places_struck"] = struck
    speakers: list[str] = []
    for q in quotes:
        if q.is_person and q.speaker and q.speaker not in speakers:
            speakers.append(q.speaker)
    summary["speakers"] = speakers
    return summary, evidence
