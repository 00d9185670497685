"""Load benchmark of the web API on a generated ledger (>= 10,000 events).

1. Generates synthetic articles with matching extraction reports (figures with exact
   spans, struck places with coordinates) and stores them through ``Store.add_batch``;
   events are assembled by ``strikewatch.events.build.make_event`` from reports grouped
   by their generated event number (grouping itself is benchmarked elsewhere).
2. Serves the app with uvicorn in a subprocess on 127.0.0.1.
3. Drives a mix of API requests with many concurrent clients (httpx, asyncio) and
   reports requests per second and p50/p99 latency, overall and per route.

    .venv/bin/python bench/bench_api.py --events 10000 --requests 2000 --concurrency 32 [--workers 2]

The database is kept (``--db``) and reused when it already holds enough events.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

from strikewatch.events.build import make_event
from strikewatch.models import Article
from strikewatch.store import EventFilter, open_store

PLACES = [  # name, admin1, lat, lon
    ("Kyiv", "Kyiv", 50.45, 30.52), ("Kharkiv", "Kharkiv", 49.99, 36.23),
    ("Odesa", "Odesa", 46.48, 30.73), ("Dnipro", "Dnipropetrovsk", 48.46, 35.05),
    ("Zaporizhzhia", "Zaporizhzhia", 47.84, 35.14), ("Lviv", "Lviv", 49.84, 24.03),
    ("Sumy", "Sumy", 50.91, 34.80), ("Mykolaiv", "Mykolaiv", 46.98, 31.99),
    ("Kherson", "Kherson", 46.64, 32.62), ("Chernihiv", "Chernihiv", 51.49, 31.29),
    ("Poltava", "Poltava", 49.59, 34.55), ("Kryvyi Rih", "Dnipropetrovsk", 47.91, 33.39),
    ("Vinnytsia", "Vinnytsia", 49.23, 28.47), ("Zhytomyr", "Zhytomyr", 50.25, 28.66),
    ("Ternopil", "Ternopil", 49.55, 25.59), ("Rivne", "Rivne", 50.62, 26.25),
    ("Lutsk", "Volyn", 50.75, 25.34), ("Khmelnytskyi", "Khmelnytskyi", 49.42, 26.99),
    ("Cherkasy", "Cherkasy", 49.44, 32.06), ("Kramatorsk", "Donetsk", 48.74, 37.58),
    ("Sloviansk", "Donetsk", 48.85, 37.60), ("Pavlohrad", "Dnipropetrovsk", 48.53, 35.87),
    ("Bila Tserkva", "Kyiv Oblast", 49.80, 30.11), ("Izmail", "Odesa", 45.35, 28.84),
]
OUTLETS = ["Example Wire", "Daily Ledger", "Kyiv Evening", "Regional Herald", "Morning Post"]
SPEAKERS = ["the regional governor", "the State Emergency Service", "the mayor", "the Air Force"]


class _Text:
    """Builds an article body and remembers where each figure's phrase sits."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        return start, self.size

    def text(self) -> str:
        return "".join(self.parts)


def _fact(fid: str, kind: str, value: int, span: tuple[int, int], evidence: str, **extra: Any) -> dict[str, Any]:
    return {"id": fid, "kind": kind, "low": value, "high": value, "start": span[0], "end": span[1],
            "evidence": evidence, "where": "text", "attack": "main", "scope": "total", "place": None,
            "group": None, "weapon": extra.get("weapon"), "model": None, "update": False,
            "speaker": extra.get("speaker")}


def synth_article(event_no: int, copy: int, day: dt.date, rng: random.Random, figures: dict[str, int],
                  place: tuple[str, str, float, float]) -> tuple[Article, dict[str, Any]]:
    """One generated report of event ``event_no`` (copy ``copy``): a short body whose
    figures sit at known spans, and the matching extraction report."""
    name, admin1, lat, lon = place
    speaker = rng.choice(SPEAKERS)
    body = _Text()
    body.add(f"{name} came under a combined drone and missile attack overnight. ")
    killed_ev = f"{figures['killed']} people were killed"
    k = body.add(killed_ev)
    body.add(" and ")
    injured_ev = f"{figures['injured']} were injured"
    i = body.add(injured_ev)
    body.add(f", {speaker} said. Russia launched ")
    d = body.add(f"{figures['drones']} drones")
    body.add(" and ")
    m = body.add(f"{figures['missiles']} missiles")
    body.add("; air defences shot down ")
    di = body.add(f"{figures['drones_down']} drones")
    body.add(f". Emergency crews worked through the morning in {name}.\n")
    aid = f"ev{event_no:06d}-r{copy}"
    published = f"{day.isoformat()}T{6 + copy * 3:02d}:{rng.randint(0, 59):02d}:00+03:00"
    facts = [
        _fact("f1", "killed", figures["killed"], k, killed_ev, speaker=speaker),
        _fact("f2", "injured", figures["injured"], i, injured_ev, speaker=speaker),
        _fact("f3", "drones_launched", figures["drones"], d, f"{figures['drones']} drones", weapon="drone"),
        _fact("f4", "missiles_launched", figures["missiles"], m, f"{figures['missiles']} missiles",
              weapon=rng.choice(["cruise", "ballistic"])),
        _fact("f5", "drones_intercepted", figures["drones_down"], di, f"{figures['drones_down']} drones", weapon="drone"),
    ]
    summary = {key: {"low": f["low"], "high": f["high"]} for key, f in zip(
        ("killed", "injured", "drones_launched", "missiles_launched", "drones_intercepted"), facts)}
    summary.update(missiles_intercepted=None, duration_hours=None, places_struck=[name],
                   speakers=[speaker], attacker="Russia")
    report = {
        "id": aid, "title": f"Attack on {name} kills {figures['killed']}", "url": None,
        "published": published, "language": "en", "outlet": OUTLETS[(event_no + copy) % len(OUTLETS)],
        "event_date": day.isoformat(), "summary": summary,
        "summary_evidence": {f["kind"]: [f["id"]] for f in facts}, "facts": facts,
        "places": [{"name": name, "surface": name, "start": 0, "end": len(name), "status": "struck",
                    "level": "city", "admin1": admin1, "country": "Ukraine", "lat": lat, "lon": lon}],
        "weapons": [], "casualties": facts[:2], "damage": [], "quotes": [],
        "attacks": [{"id": "main", "attacker": "Russia", "target": "Ukraine"}], "problems": [],
    }
    article = Article(text=body.text(), id=aid, title=report["title"], published=published,
                      outlet=report["outlet"], language="en", source="bench")
    return article, report


class SyntheticBuilder:
    """Groups generated reports by their event number, then assembles real event records."""

    def features(self, reports: list[dict[str, Any]]) -> list[str]:
        return [str(r["id"]).split("-")[0] for r in reports]

    def group(self, features: list[str]) -> list[tuple[list[int], list[int]]]:
        groups: dict[str, list[int]] = defaultdict(list)
        for i, number in enumerate(features):
            groups[number].append(i)
        return [(members, list(range(len(members)))) for members in groups.values()]

    def event(self, reports: list[dict[str, Any]], stories: list[int]) -> dict[str, Any]:
        return make_event(reports, stories)


def populate(url: str, n_events: int, seed: int = 7, batch: int = 400) -> int:
    """Fill the ledger with ``n_events`` generated events (1-3 reports each)."""
    rng = random.Random(seed)
    store = open_store(url)
    have = store.count_events(EventFilter())
    if have >= n_events:
        return have
    start = dt.date(2023, 1, 1)
    articles: list[Article] = []
    reports: list[dict[str, Any]] = []
    for n in range(have, n_events):
        day = start + dt.timedelta(days=n // 8)
        killed = rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20])
        figures = {"killed": killed, "injured": killed * 3 + rng.randint(0, 9),
                   "drones": rng.randint(10, 500), "missiles": rng.randint(0, 60)}
        figures["drones_down"] = int(figures["drones"] * rng.uniform(0.6, 0.95))
        place = PLACES[(n * 7 + rng.randint(0, 3)) % len(PLACES)]
        for copy in range(rng.choice([1, 1, 2, 3])):
            article, report = synth_article(n, copy, day, rng, figures, place)
            articles.append(article)
            reports.append(report)
        if len(articles) >= batch:
            store.add_batch(articles, reports, origin="bench", builder=SyntheticBuilder(), window_days=0)
            articles, reports = [], []
    if articles:
        store.add_batch(articles, reports, origin="bench", builder=SyntheticBuilder(), window_days=0)
    total = store.count_events(EventFilter())
    store.close()
    return total


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(url: str, port: int, workers: int = 1) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "strikewatch", "serve", "--db", url, "--port", str(port),
           "--workers", str(workers), "--log-level", "warning"]
    proc = subprocess.Popen(cmd)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start")


def request_mix(base: str, event_ids: list[str], article_ids: list[str], n: int, seed: int) -> list[tuple[str, str]]:
    """(route label, URL) pairs: lists with filters and pages, details, stats."""
    rng = random.Random(seed)
    makers = [
        (30, "events list", lambda: f"/api/events?limit=50&offset={rng.randint(0, 2000)}"),
        (10, "events filtered", lambda: f"/api/events?place={rng.choice(PLACES)[0]}&min_killed={rng.choice([0, 3, 10])}"),
        (5, "events by date", lambda: f"/api/events?date_from=2024-0{rng.randint(1, 9)}-01&date_to=2024-0{rng.randint(1, 9)}-28"),
        (30, "event detail", lambda: f"/api/events/{rng.choice(event_ids)}"),
        (20, "article detail", lambda: f"/api/articles/{rng.choice(article_ids)}"),
        (5, "stats", lambda: f"/api/stats?period={rng.choice(['day', 'week', 'month'])}"),
    ]
    weights = [w for w, _, _ in makers]
    out = []
    for _ in range(n):
        _, label, make = rng.choices(makers, weights)[0]
        out.append((label, base + make()))
    return out


async def _get(client: httpx.AsyncClient, url: str) -> bool:
    """GET once; retry once when the server had closed an idle kept-alive connection
    (as browsers do). Every failure is printed and counted."""
    for attempt in (1, 2):
        try:
            return (await client.get(url)).status_code == 200
        except (httpx.ReadError, httpx.RemoteProtocolError) as err:
            print(f"attempt {attempt}: {url}: {err!r}", file=sys.stderr)
        except httpx.TransportError as err:
            print(f"failed: {url}: {err!r}", file=sys.stderr)
            return False
    return False


async def drive(mix: list[tuple[str, str]], concurrency: int) -> tuple[float, dict[str, list[float]], int]:
    """Run the requests with ``concurrency`` workers; (seconds, latencies by label, errors)."""
    queue: asyncio.Queue = asyncio.Queue()
    for item in mix:
        queue.put_nowait(item)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty():
            label, url = queue.get_nowait()
            t0 = time.perf_counter()
            ok = await _get(client, url)
            latencies[label].append(time.perf_counter() - t0)
            errors += not ok

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        return time.perf_counter() - t0, latencies, errors


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def summarise(seconds: float, latencies: dict[str, list[float]], errors: int) -> dict[str, Any]:
    every = [v for vs in latencies.values() for v in vs]
    return {
        "requests": len(every), "errors": errors, "seconds": round(seconds, 2),
        "rps": round(len(every) / seconds, 1), "p50_ms": round(_pct(every, 0.50), 1),
        "p99_ms": round(_pct(every, 0.99), 1), "mean_ms": round(statistics.mean(every) * 1000, 1),
        "routes": {k: {"n": len(v), "p50_ms": round(_pct(v, 0.5), 1), "p99_ms": round(_pct(v, 0.99), 1)}
                   for k, v in sorted(latencies.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "strikewatch-bench-api.db"),
                        help="SQLite file or database URL (kept and reused)")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()
    url = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
    t0 = time.perf_counter()
    total = populate(url, args.events)
    print(f"ledger: {total} events ready in {time.perf_counter() - t0:.1f}s ({url})", flush=True)
    store = open_store(url)
    events = store.list_events(EventFilter(), limit=2000)
    event_ids = [e["id"] for e in events]
    article_ids = [a["id"] for a in store.list_articles(limit=2000)]
    store.close()
    port = _free_port()
    server = start_server(url, port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(drive(request_mix(base, event_ids, article_ids, 200, args.seed + 1), 8))  # warm-up
        mix = request_mix(base, event_ids, article_ids, args.requests, args.seed)
        result = summarise(*asyncio.run(drive(mix, args.concurrency)))
    finally:
        server.terminate()
        server.wait(10)
    result.update(events=total, concurrency=args.concurrency, server=f"uvicorn, {args.workers} process(es)")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
