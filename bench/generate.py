"""Seeded, reproducible synthetic strike reports for the benchmarks.

Each *story* is one attack (a date, a struck city and district, tolls, drone and missile
counts, interceptions, officials); each story is told by one to four *articles* from
different outlets: fresh write-ups, wire copies with small edits, early reports with a
lower toll. Sentences come from ``bench/templates.toml`` (our own templates following
the field guide: vague figures, number words, spelling variants, counter-claims, and
trap numbers such as ages, floors, years, percentages and money). Articles run from
about 150 to 600 words. The same ``--seed`` and ``--n`` always give the same bytes.

Usage::

    python bench/generate.py --n 10000 --seed 1 --out bench/data/corpus-10k.jsonl
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).with_name("templates.toml")
BASE_DATE = dt.date(2024, 1, 1)


def load_templates(path: Path = TEMPLATES) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def number_words(n: int, t: dict[str, Any]) -> str:
    """English words for 0..999 ("forty-five", "three hundred and ten")."""
    ones, tens = t["numbers"]["ones"], t["numbers"]["tens"]
    if n < 20:
        return ones[n]
    if n < 100:
        return tens[n // 10] + ("-" + ones[n % 10] if n % 10 else "")
    rest = n % 100
    head = ones[n // 100] + " hundred"
    return head + (" and " + number_words(rest, t) if rest else "")


def phrase(n: int, rng: random.Random, t: dict[str, Any]) -> str:
    """A figure as a reporter might write it: exact, bounded or approximate."""
    style = rng.random()
    if style < 0.35:
        return str(n)
    if style < 0.5 and n < 100:
        return number_words(n, t)
    if style < 0.65:
        return f"at least {n}"
    if style < 0.75:
        return f"more than {max(n - 1, 1)}"
    if style < 0.85:
        return f"about {n}"
    if style < 0.92 and n >= 10:
        return f"nearly {n + max(1, n // 20)}"
    return f"up to {n}" if n > 20 else str(n)


def _numbers(rng: random.Random) -> dict[str, int]:
    drones = rng.choice([rng.randint(20, 120), rng.randint(120, 480), rng.randint(480, 810)])
    missiles = rng.choice([0, rng.randint(2, 12), rng.randint(12, 60)])
    cruise = missiles - missiles // 3
    killed = rng.choice([0, 1, rng.randint(2, 9), rng.randint(10, 45)])
    return {
        "drones": drones, "drones_down": int(drones * rng.uniform(0.55, 0.97)),
        "missiles": missiles, "cruise": cruise, "ballistic": missiles - cruise,
        "missiles_down": int(missiles * rng.uniform(0.4, 1.0)),
        "killed": killed, "killed_early": max(0, killed - rng.randint(0, max(1, killed // 2))),
        "injured": rng.choice([rng.randint(1, 20), rng.randint(20, 160)]),
        "hours": rng.randint(3, 11), "counter": rng.randint(8, 140),
    }


def make_story(index: int, rng: random.Random, t: dict[str, Any]) -> dict[str, Any]:
    """One attack: everything its articles may say."""
    city = rng.choice(t["cities"])
    date = BASE_DATE + dt.timedelta(days=rng.randint(0, 3 * 365))
    story: dict[str, Any] = {"index": index, "date": date, "city": city, **_numbers(rng)}
    story["governor"] = rng.choice(t["governors"])
    story["president"] = rng.choice(t["presidents"])
    story["district"] = rng.choice(city["districts"])
    story["damage"] = rng.sample(t["damage"]["items"], 3)
    return story


def _base_values(story: dict[str, Any], rng: random.Random, t: dict[str, Any]) -> dict[str, Any]:
    city, date, w = story["city"], story["date"], t["weapons"]
    ru = rng.sample(t["russian_regions"], 2)
    return {
        "city": city["name"], "city_var": rng.choice(city["variants"]), "region": city["region"],
        "district": story["district"], "weekday": t["weekdays"][date.weekday()],
        "weekday_before": t["weekdays"][(date.weekday() - 1) % 7],
        "role_city": rng.choice(["city military administration", "mayor's office", "regional governor"]),
        "mayor": city["mayor"], "mayor_surname": city["mayor"].split()[-1],
        "governor": story["governor"], "governor_title": rng.choice(["regional governor", "the head of the regional military administration,"]),
        "president": story["president"], "spokesperson": rng.choice(t["spokespeople"]),
        "damage": story["damage"][0], "damage2": story["damage"][1], "damage3": story["damage"][2],
        "drone_model": rng.choice(w["drone_models"]), "drone_word": rng.choice(w["drone_words"]),
        "decoy": rng.choice(w["decoys"]), "cruise_model": rng.choice(w["cruise"]),
        "ballistic_model": rng.choice(w["ballistic"]), "aero_model": rng.choice(w["aeroballistic"]),
        "ru_region": ru[0], "ru_region2": ru[1], "visit_place": rng.choice(t["visit_places"]),
    }


def _figure_values(story: dict[str, Any], early: bool, rng: random.Random, t: dict[str, Any]) -> dict[str, Any]:
    killed = story["killed_early"] if early else story["killed"]
    injured, drones, missiles = story["injured"], story["drones"], story["missiles"]
    words = lambda n: number_words(n, t) if n < 1000 else str(n)  # noqa: E731
    return {
        "killed_phrase": phrase(killed, rng, t), "killed_digits": killed, "killed_words": words(killed),
        "killed_short": killed, "killed_cap": words(killed).capitalize(),
        "injured_phrase": phrase(injured, rng, t), "injured_digits": injured, "injured_words": words(injured),
        "injured_short": injured, "injured_cap": words(injured).capitalize(),
        "children_words": words(min(killed, rng.randint(1, 4))),
        "drones_digits": drones, "drones_phrase": phrase(drones, rng, t), "drones_words": words(drones),
        "drones_short": drones, "drones_down_digits": story["drones_down"],
        "drones_down_phrase": phrase(story["drones_down"], rng, t), "drones_down_short": story["drones_down"],
        "missiles_digits": missiles, "missiles_phrase": phrase(missiles, rng, t),
        "cruise_digits": story["cruise"], "ballistic_digits": story["ballistic"],
        "missiles_down_digits": story["missiles_down"],
        "missiles_missed_words": words(missiles - story["missiles_down"]),
        "decoy_share": rng.choice(["some", "about a third", "dozens"]),
        "hits_digits": missiles - story["missiles_down"], "drone_hits_digits": drones - story["drones_down"],
        "locations_digits": rng.randint(2, 15), "hours_phrase": phrase(story["hours"], rng, t) + " hours",
        "counter_digits": story["counter"], "counter_words": words(story["counter"]),
    }


def _trap_values(rng: random.Random, t: dict[str, Any]) -> dict[str, Any]:
    return {
        "age": rng.randint(2, 88), "floors": rng.choice([5, 9, 12, 16, 24]),
        "build_year": rng.randint(1958, 2019), "war_year": rng.choice(["third", "fourth", "fifth"]),
        "percent": rng.randint(5, 80), "hour": rng.randint(9, 21), "days_words": number_words(rng.randint(2, 40), t),
        "money": rng.randint(2, 90), "km": rng.randint(2, 40), "weekly_words": number_words(rng.randint(1, 9), t) + " hundred",
        "damage_count_words": number_words(rng.randint(2, 12), t),
    }


def _fill(template: str, values: dict[str, Any]) -> str:
    return template.format_map(values)


def _pick(section: str, k: int, rng: random.Random, t: dict[str, Any]) -> list[str]:
    pool = t["sentences"][section]
    return rng.sample(pool, min(k, len(pool)))


def _paragraphs(story: dict[str, Any], early: bool, rng: random.Random, t: dict[str, Any]) -> list[str]:
    """Sentence templates of one article, grouped into paragraphs (still unfilled)."""
    body = [_pick("lead", 1, rng, t), _pick("casualties", rng.randint(1, 2), rng, t)]
    if not early and rng.random() < 0.5:
        body.append(_pick("update", 1, rng, t))
    if story["missiles"] and rng.random() < 0.8:
        body.append(_pick("weapons", 1, rng, t) + _pick("intercepts", 1, rng, t))
    body.append(_pick("damage", rng.randint(1, 2), rng, t))
    body.extend([s] for s in _pick("quotes", rng.randint(0, 2), rng, t))
    if rng.random() < 0.3:
        body.append(_pick("counter", 1, rng, t))
    body.append(_pick("traps", rng.randint(1, 2), rng, t))
    head, tail = body[:2], body[2:]
    rng.shuffle(tail)
    return [" ".join(p) for p in head + tail]


def _pad(paragraphs: list[str], target: int, rng: random.Random, t: dict[str, Any]) -> list[str]:
    """Background paragraphs until the article reaches about ``target`` words."""
    pool = t["sentences"]["filler"]
    fillers = rng.sample(pool, len(pool))
    words = sum(p.count(" ") + 1 for p in paragraphs)
    while words < target:
        chunk = [fillers.pop() if fillers else rng.choice(pool) for _ in range(rng.randint(1, 3))]
        paragraphs.append(" ".join(chunk))
        words += sum(s.count(" ") + 1 for s in chunk)
    return paragraphs


def write_article(story: dict[str, Any], outlet: str, rng: random.Random, t: dict[str, Any]) -> dict[str, Any]:
    """One fresh article about ``story``."""
    early = rng.random() < 0.3
    values = {**_base_values(story, rng, t), **_figure_values(story, early, rng, t), **_trap_values(rng, t)}
    paragraphs = _pad(_paragraphs(story, early, rng, t), rng.randint(150, 600), rng, t)
    text = "\n\n".join(_fill(p, values) for p in paragraphs)
    title = _fill(rng.choice(t["titles"]["plain"]), values)
    hour = rng.randint(3, 11) if early else rng.randint(12, 23)
    published = dt.datetime.combine(story["date"], dt.time(hour, rng.randint(0, 59)))
    return {"title": title, "text": text, "published": published.isoformat() + "+03:00", "outlet": outlet}


def rewrite(article: dict[str, Any], outlet: str, rng: random.Random, t: dict[str, Any]) -> dict[str, Any]:
    """A wire copy: same text and headline, another outlet, one paragraph dropped."""
    paragraphs = article["text"].split("\n\n")
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(2, len(paragraphs))]
    return {**article, "text": "\n\n".join(paragraphs), "outlet": outlet}


def generate(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """``n`` article records (JSON Lines shape), reproducible from ``seed``."""
    rng, t = random.Random(seed), load_templates()
    made = story_index = 0
    while made < n:
        story = make_story(story_index, rng, t)
        outlets = rng.sample(t["outlets"], rng.choice([1, 1, 2, 3, 4]))
        first: dict[str, Any] | None = None
        for outlet in outlets:
            if made >= n:
                break
            copy = first is not None and rng.random() < 0.4
            record = rewrite(first, outlet, rng, t) if copy else write_article(story, outlet, rng, t)
            first = first or record
            slug = outlet.lower().replace(" ", "-")
            yield {"id": f"syn{seed}-{made:07d}", "url": f"https://news.example/{slug}/{made}", "language": "en", **record}
            made += 1
        story_index += 1


def write_jsonl(n: int, seed: int, out: Path) -> int:
    """Stream ``n`` articles to ``out``; returns the number of bytes written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for record in generate(n, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="JSON Lines file (default: stdout)")
    args = parser.parse_args(argv)
    if args.out is None:
        for record in generate(args.n, args.seed):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    size = write_jsonl(args.n, args.seed, args.out)
    print(f"wrote {args.n} articles ({size / 1e6:.1f} MB) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
