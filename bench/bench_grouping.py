"""Benchmark: how grouping time grows with the corpus (10k -> 100k -> 1M reports).

Synthetic extraction reports (no extraction is run): events are (night, attacker)
pairs with one to a dozen reports each from different outlets, a share of them wire
reprints, some undated (no event date, or no date at all). Prints seconds per size,
the growth ratio between sizes, and the grouping scores against the synthetic truth.

    .venv/bin/python bench/bench_grouping.py              # 10k, 100k, 1M
    .venv/bin/python bench/bench_grouping.py --sizes 10000 100000
    .venv/bin/python bench/bench_grouping.py --sizes 100000 --build   # also build_events (CPU s)

Compare CPU seconds (the machine is shared: wall time moves with other jobs).
"""
from __future__ import annotations

import argparse
import gc
import random
import time
from datetime import date, timedelta
from typing import Any

from strikewatch.events.build import build_events, group_reports
from strikewatch.events.scoring import score_grouping

PLACES = [f"City{i}" for i in range(400)]
ATTACKERS = [f"Attacker{i}" for i in range(60)]
VOCAB = [f"w{i}" for i in range(20000)]
START = date(2022, 2, 24)


def _event(rng: random.Random, number: int) -> dict[str, Any]:
    day = START + timedelta(days=number // len(ATTACKERS))
    return {
        "label": f"e{number}", "day": day, "attacker": ATTACKERS[number % len(ATTACKERS)],
        "places": rng.sample(PLACES, rng.randint(1, 3)), "drones": rng.randint(20, 700),
        "killed": rng.randint(0, 30), "wire": " ".join(rng.choices(VOCAB, k=60)),
    }


def _report(rng: random.Random, event: dict[str, Any], number: int) -> dict[str, Any]:
    reprint = rng.random() < 0.3
    text = event["wire"] if reprint else " ".join(rng.choices(VOCAB, k=60))
    published = f"{event['day'].isoformat()}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00+00:00"
    undated = rng.random()
    killed = max(0, event["killed"] - rng.randint(0, 3))
    return {
        "id": f"r{number:07d}", "title": "", "text": text, "outlet": f"outlet{rng.randint(0, 300)}",
        "published": None if undated < 0.02 else published,
        "event_date": None if undated < 0.07 else event["day"].isoformat(),
        "summary": {"killed": {"low": killed, "high": killed},
                    "drones_launched": {"low": event["drones"], "high": event["drones"]} if rng.random() < 0.6 else None,
                    "places_struck": rng.sample(event["places"], 1), "attacker": event["attacker"]},
    }


def corpus(size: int, seed: int = 7) -> tuple[list[dict[str, Any]], dict[str, str]]:
    rng = random.Random(seed)
    reports: list[dict[str, Any]] = []
    gold: dict[str, str] = {}
    number = 0
    while len(reports) < size:
        event = _event(rng, number)
        number += 1
        for _ in range(min(rng.randint(1, 12), size - len(reports))):
            report = _report(rng, event, len(reports))
            reports.append(report)
            gold[report["id"]] = event["label"]
    return reports, gold


def run(size: int) -> tuple[float, float, dict[str, Any]]:
    """(wall seconds, CPU seconds, scores) of grouping ``size`` synthetic reports."""
    reports, gold = corpus(size)
    gc.collect()
    gc.freeze()  # the generated corpus is not what we measure: keep it out of GC passes
    started, cpu = time.perf_counter(), time.process_time()
    grouping = group_reports(reports)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    gc.unfreeze()
    predicted = {reports[i]["id"]: str(members[0]) for members in grouping.events for i in members}
    return seconds, cpu, score_grouping(gold, predicted)


def run_build(size: int) -> tuple[float, int]:
    """(CPU seconds, events) of ``build_events`` (grouping + reconciliation) on the
    same synthetic reports."""
    reports, _gold = corpus(size)
    gc.collect()
    gc.freeze()
    cpu = time.process_time()
    events = build_events(reports)
    cpu = time.process_time() - cpu
    gc.unfreeze()
    return cpu, len(events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--build", action="store_true", help="also time build_events at each size")
    args = parser.parse_args()
    previous: tuple[int, float] | None = None
    for size in args.sizes:
        seconds, cpu, scores = run(size)
        growth = ""
        if previous:
            growth = f"  x{cpu / previous[1]:.1f} CPU time for x{size / previous[0]:.0f} reports"
        print(f"{size:>9,} reports: {seconds:7.2f} s wall, {cpu:7.2f} s CPU  ({size / cpu:,.0f} reports/CPU s)  "
              f"pairwise F1 {scores['pairwise_f1']:.3f}  B-cubed F1 {scores['bcubed_f1']:.3f}{growth}", flush=True)
        previous = (size, cpu)
        if args.build:
            cpu, events = run_build(size)
            print(f"{size:>9,} reports: build_events {cpu:7.2f} s CPU, {events:,} events", flush=True)


if __name__ == "__main__":
    main()
