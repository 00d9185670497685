"""The benchmark suite (``make bench``; larger sizes with ``BENCH_ARGS="--sizes 10000,100000,1000000"``).

For each size it makes (once, seeded) a synthetic corpus with ``bench/generate.py`` under
``bench/data/``, then runs every stage in its own process (see ``bench/stages.py``):

* extract     articles/s on one core and peak memory, streamed, beside a bare
              ``re.findall(r"\\w+")`` pass over the same texts, and their ratio;
* grouping    grouping time of synthetic reports (bench/bench_grouping.py) and
              ``build_events`` time, to see it grow about linearly with size;
* regroup     the end-of-run sweep that groups queued articles (store/sweep.py) on the
              grouping stage's reports, stored in SQLite: time and F1 against the truth,
              with the default window and with one a tenth of the corpus;
* sqlite      the store's write rate into SQLite;
* ingest_cli  the whole streamed ``strikewatch ingest`` with its peak memory;
* ingest_cpu  CPU time of an in-process ingest, extraction apart from the rest
              (reading, duplicate checks, writes, grouping) per article;
* engines     process pool and Dask LocalCluster with 1 and 2 workers (speed-up).

``extract``, ``grouping`` and ``regroup`` run at every size. ``sqlite``, ``ingest_cli``,
``ingest_cpu`` and ``engines`` run the whole extraction too and scale linearly, so by
default they run once, on a ``--small-size`` corpus (2,000 articles), reported as a
size of its own; ``--full`` runs them at every size instead (``engines`` at the first
size, or at ``--engine-sizes``). This keeps ``make bench`` to a few minutes.

Prints a table and writes ``bench/out/bench-<UTC time>.json`` (and ``latest.json``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from markdown import render  # noqa: E402
from stages import emit, run_stage  # noqa: E402

DATA = BENCH / "data"
OUT = BENCH / "out"
ENGINE_RUNS = (("process", 1), ("process", 2), ("dask", 1), ("dask", 2))
SIZE_STAGES = ("extract", "extract_pure", "grouping", "regroup", "sqlite", "ingest_cli", "ingest_cpu")
CORPUS_STAGES = ("extract", "extract_pure", "sqlite", "ingest_cli", "ingest_cpu")  # grouping makes its own reports
SMALL_STAGES = ("sqlite", "ingest_cli", "ingest_cpu", "engines")  # on the --small-size corpus unless --full
SMALL_SIZE = 2_000


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"cpus": len(__import__("os").sched_getaffinity(0)), "cpu_model": cpu,
            "ram_gb": round(mem_kb / 1024 / 1024, 1), "python": platform.python_version(),
            "platform": platform.platform()}


def corpus_for(size: int, seed: int) -> Path:
    path = DATA / f"corpus-{size}-seed{seed}.jsonl"
    if not path.exists():
        print(f"generating {size:,} articles -> {path}", flush=True)
        subprocess.run([sys.executable, str(BENCH / "generate.py"), "--n", str(size), "--seed", str(seed),
                        "--out", str(path)], check=True)
    return path


def in_process(stage: str, corpus: Path, size: int, engine: str = "local", workers: int = 1) -> dict[str, Any]:
    """Run one stage in a fresh Python process; its last stdout line is the result."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--stage", stage, "--corpus", str(corpus),
           "--size", str(size), "--engine", engine, "--workers", str(workers)]
    env = {**os.environ, "STRIKEWATCH_PURE": "1"} if stage == "extract_pure" else None
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"ok": False, "skipped": f"stage crashed (exit {done.returncode}): {done.stderr.strip()[-400:]}"}
    return json.loads(lines[-1])


def _line(label: str, result: dict[str, Any], keys: tuple[str, ...]) -> str:
    if not result.get("ok"):
        return f"  {label:<28} skipped: {result.get('skipped')}"
    return f"  {label:<28} " + "  ".join(f"{k}={result[k]}" for k in keys if k in result)


KEYS = {
    "extract": ("articles_per_s", "articles_per_cpu_s", "bare_articles_per_s", "ratio_to_bare", "peak_rss_mb", "mean_words", "build"),
    "extract_pure": ("articles_per_s", "articles_per_cpu_s", "ratio_to_bare", "build"),
    "grouping": ("grouping_seconds", "grouping_cpu_seconds", "reports_per_s", "build_events_seconds", "events", "peak_rss_mb",
                 "build_events_error"),
    "regroup": ("reports", "runs", "peak_rss_mb"),
    "sqlite": ("articles", "articles_per_s", "write_seconds", "db_mb", "peak_rss_mb"),
    "ingest_cli": ("articles", "articles_per_s", "seconds", "cpu_seconds", "cpu_ms_per_article", "peak_rss_mb"),
    "ingest_cpu": ("articles", "cpu_seconds", "extract_cpu_seconds", "overhead_ms_per_article", "cpu_articles_per_s",
                   "peak_rss_mb"),
    "engine": ("articles", "articles_per_s", "seconds", "peak_rss_mb", "workers_peak_rss_mb"),
}


def plan(sizes: list[int], stages: list[str], engine_sizes: str | None, small_size: int,
         full: bool) -> list[tuple[int, list[str], bool, bool]]:
    """(size, stages, with engines, is the small run) in the order they run: with
    ``full``, every stage at every size (engines at ``engine_sizes``, default the
    first size); otherwise the small stages once at ``small_size``, first."""
    if full:
        engine_at = {int(s) for s in engine_sizes.split(",")} if engine_sizes else {sizes[0]}
        return [(size, stages, size in engine_at, False) for size in sizes]
    small = [s for s in stages if s in SMALL_STAGES]
    large = [s for s in stages if s not in SMALL_STAGES]
    runs = [(small_size, small, "engines" in small, True)] if small else []
    return runs + [(size, large, False, False) for size in sizes if large]


def run_size(size: int, seed: int, stages: list[str], engines: bool, small: bool = False) -> dict[str, Any]:
    needs_corpus = any(s in stages for s in CORPUS_STAGES) or (engines and "engines" in stages)
    corpus = corpus_for(size, seed) if needs_corpus else Path("/dev/null")
    results: dict[str, Any] = {"size": size, "corpus": str(corpus.relative_to(BENCH.parent)) if needs_corpus else None}
    if small:
        results["note"] = f"{', '.join(stages)} on a {size:,}-article corpus (--small-size; --full for every size)"
    weight = f" ({corpus.stat().st_size / 1e6:.0f} MB)" if needs_corpus else ""
    ran = [s for s in stages if s in SIZE_STAGES or (s == "engines" and engines)]
    print(f"\n== {size:,} articles{weight}: {', '.join(ran)}"
          + (" (--small-size; --full runs them at every size)" if small else "") + " ==", flush=True)
    for stage in (s for s in SIZE_STAGES if s in stages):
        results[stage] = in_process(stage, corpus, size)
        print(_line(stage, results[stage], KEYS[stage]), flush=True)
    if engines and "engines" in stages:
        results["engines"] = {}
        for engine, workers in ENGINE_RUNS:
            result = in_process("engine", corpus, size, engine, workers)
            results["engines"][f"{engine}-{workers}"] = result
            print(_line(f"{engine} x{workers}", result, KEYS["engine"]), flush=True)
        results["speedup"] = speedups(results["engines"])
        print(f"  {'speed-up 1 -> 2 workers':<28} {results['speedup']}", flush=True)
    return results


def speedups(runs: dict[str, dict[str, Any]]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for engine in ("process", "dask"):
        one, two = runs.get(f"{engine}-1", {}), runs.get(f"{engine}-2", {})
        ok = one.get("ok") and two.get("ok")
        out[engine] = round(one["seconds"] / two["seconds"], 2) if ok else None
    return out


def growth(by_size: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Time ratio against size ratio between consecutive sizes (1.0 = linear)."""
    rows = []
    for small, large in zip(by_size, by_size[1:]):
        a, b = small.get("grouping", {}), large.get("grouping", {})
        if a.get("ok") and b.get("ok"):
            factor = large["size"] / small["size"]
            rows.append({"from": small["size"], "to": large["size"], "size_factor": factor,
                         "time_factor": round(b["grouping_seconds"] / max(a["grouping_seconds"], 1e-9), 2)})
    return rows


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes (default 10000)")
    parser.add_argument("--engine-sizes", default=None, help="sizes that also run the engine speed-ups (default: the first)")
    parser.add_argument("--stages", default="extract,extract_pure,grouping,regroup,sqlite,ingest_cli,ingest_cpu,engines")
    parser.add_argument("--small-size", type=int, default=SMALL_SIZE,
                        help=f"corpus size for the {', '.join(SMALL_STAGES)} stages (default {SMALL_SIZE:,})")
    parser.add_argument("--full", action="store_true",
                        help="run the sqlite, ingest_cli, ingest_cpu and engines stages at every size instead")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.stage:  # child process: one measurement
        emit(run_stage(args.stage, args.corpus, args.size, args.engine, args.workers))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    stages = args.stages.split(",")
    info = machine()
    print(f"machine: {info}", flush=True)
    runs = plan(sizes, stages, args.engine_sizes, args.small_size, args.full)
    by_size = [run_size(size, args.seed, only, engines, small=small) for size, only, engines, small in runs]
    report = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": info,
              "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]), "sizes": by_size,
              "grouping_growth": growth(by_size)}
    for row in report["grouping_growth"]:
        print(f"grouping: x{row['time_factor']} time for x{row['size_factor']:.0f} reports", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for path in (OUT / f"bench-{stamp}.json", OUT / "latest.json"):
        path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    table = render(report)
    (OUT / "latest.md").write_text(table, encoding="utf-8")
    print(f"\n{table}\nresults: {OUT / f'bench-{stamp}.json'} (table: {OUT / 'latest.md'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
