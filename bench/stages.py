"""The measurements of the benchmark suite, one function per stage.

``bench/run.py`` runs each stage in its own Python process (``run.py --stage NAME``), so
peak memory (``ru_maxrss``) belongs to that stage alone and a stage that cannot import
yet is reported as skipped without stopping the others. Each stage returns a dict of
figures; none of them invents a number: a missing piece raises :class:`Skip`.
"""
from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
CHUNK = 2_000  # articles held in memory at once by the streamed stages
_WORD = re.compile(r"\w+")


class Skip(Exception):
    """A stage that cannot run here (a piece is not importable yet, ...)."""


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory in MB (Linux reports ru_maxrss in kB)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def _need(what: str, loader: Callable[[], Any]) -> Any:
    try:
        return loader()
    except ImportError as err:
        raise Skip(f"{what} is not importable yet ({err})") from err


def _extractor() -> Callable[[Any], Any]:
    def load() -> Any:
        from strikewatch.extract import extract_article

        return extract_article

    return _need("strikewatch.extract.extract_article", load)


def _articles(corpus: Path) -> Iterator[Any]:
    from strikewatch.ingest import articles_only, read_inputs

    return articles_only(read_inputs([str(corpus)]), [])


def _chunks(items: Iterator[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    while chunk := list(islice(items, size)):
        yield chunk


def stage_extract(corpus: Path, size: int) -> dict[str, Any]:
    """One core, streamed: per chunk, the bare ``re.findall(r"\\w+")`` pass and then
    extraction over the same texts, each timed on its own (reading is not counted).
    Wall time and CPU time are both kept: on a shared machine the CPU time is the
    per-core figure. ``build`` says whether the compiled extraction modules ran."""
    extract_article = _extractor()
    from strikewatch.extract import BUILD

    n = words = 0
    bare = extract = extract_cpu = 0.0
    for chunk in _chunks(_articles(corpus)):
        started = time.perf_counter()
        for article in chunk:
            words += len(_WORD.findall(article.text))
        bare += time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        for article in chunk:
            extract_article(article).to_dict()
        extract += time.perf_counter() - started
        extract_cpu += time.process_time() - cpu
        n += len(chunk)
    return {
        "articles": n, "mean_words": round(words / max(n, 1)),
        "extract_seconds": round(extract, 2), "articles_per_s": round(n / extract),
        "extract_cpu_seconds": round(extract_cpu, 2), "articles_per_cpu_s": round(n / extract_cpu),
        "bare_seconds": round(bare, 3), "bare_articles_per_s": round(n / bare),
        "ratio_to_bare": round(extract / bare, 1), "peak_rss_mb": peak_rss_mb(), "build": BUILD,
    }


def stage_extract_pure(corpus: Path, size: int) -> dict[str, Any]:
    """:func:`stage_extract` with the Python sources, not the compiled build (``run.py``
    starts this stage with ``STRIKEWATCH_PURE=1``)."""
    _extractor()
    from strikewatch.extract import BUILD

    if BUILD == "compiled":
        raise Skip("the compiled build is loaded: run this stage with STRIKEWATCH_PURE=1")
    return stage_extract(corpus, size)


def _score(scores: dict[str, Any], name: str) -> float | None:
    value = scores.get(f"{name}_f1", (scores.get(name) or {}).get("f1"))
    return None if value is None else round(value, 3)


def stage_grouping(corpus: Path, size: int) -> dict[str, Any]:
    """``bench/bench_grouping.py`` (the events engineer's generator and timing), then
    ``build_events`` (grouping + reconciliation) on the same synthetic reports."""
    sys.path.insert(0, str(BENCH))
    grouping = _need("bench/bench_grouping.py", lambda: __import__("bench_grouping"))
    measured = grouping.run(size)  # (wall, [CPU,] scores): the file is still evolving
    seconds, scores = measured[0], measured[-1]
    out: dict[str, Any] = {
        "reports": size, "grouping_seconds": round(seconds, 2), "reports_per_s": round(size / seconds),
        "pairwise_f1": _score(scores, "pairwise"), "bcubed_f1": _score(scores, "bcubed"),
    }
    if len(measured) == 3:
        out["grouping_cpu_seconds"] = round(measured[1], 2)
    build_events = _need("strikewatch.events.build_events", lambda: __import__("strikewatch.events", fromlist=["build_events"]).build_events)
    reports, _gold = grouping.corpus(size)
    started = time.perf_counter()
    try:
        out["events"] = len(build_events(reports))
        out["build_events_seconds"] = round(time.perf_counter() - started, 2)
    except Exception as err:  # their stage may be mid-change: keep the grouping figures
        out["build_events_error"] = f"{type(err).__name__}: {err}"
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def _sweep(reports: list[dict[str, Any]], gold: dict[str, str], window: int, folder: str) -> dict[str, Any]:
    """Store ``reports`` queued (not grouped) in a fresh SQLite file, then time the
    end-of-run sweep with a window of ``window`` reports and score its events."""
    from strikewatch.events import EventBuilder, score_grouping
    from strikewatch.models import Article
    from strikewatch.store import open_store

    store = open_store(f"sqlite:///{folder}/sweep-{window}.db")
    for start in range(0, len(reports), CHUNK):
        part = reports[start:start + CHUNK]
        # the id keeps wire reprints (identical texts) from being stored once as duplicates
        articles = [Article(text=f"{r['text']}\n{r['id']}", id=r["id"], published=r["published"]) for r in part]
        store.add_batch(articles, part, origin="bench", defer=True)
    builder = EventBuilder()
    started, cpu = time.perf_counter(), time.process_time()
    done = store.regroup_pending(builder, max_reports=window)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    predicted = {aid: event["id"] for event in store.iter_events() for aid in event["article_ids"]}
    store.close()
    scores = score_grouping(gold, predicted)
    return {"window": window, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "articles_per_s": round(len(reports) / seconds), "transactions": done.spans,
            "events": len(set(predicted.values())), "pairwise_f1": _score(scores, "pairwise"),
            "bcubed_f1": _score(scores, "bcubed")}


def stage_regroup(corpus: Path, size: int) -> dict[str, Any]:
    """The end-of-run sweep that groups an ingest's queued articles (``store/sweep.py``),
    on the grouping stage's synthetic reports with their true events: stored queued in
    SQLite, then grouped with the default window and with one a tenth of the corpus
    (several steps), each scored against the truth."""
    sys.path.insert(0, str(BENCH))
    grouping = _need("bench/bench_grouping.py", lambda: __import__("bench_grouping"))
    from strikewatch.store.store import SWEEP_REPORTS

    reports, gold = grouping.corpus(size)
    with tempfile.TemporaryDirectory() as tmp:
        runs = [_sweep(reports, gold, window, tmp) for window in (SWEEP_REPORTS, max(1, size // 10))]
    return {"reports": size, "runs": runs, "peak_rss_mb": peak_rss_mb()}


def stage_sqlite(corpus: Path, size: int) -> dict[str, Any]:
    """Store API write rate: extract each chunk (timed apart), then ``add_batch`` into a
    fresh SQLite file with grouping off (the write path alone)."""
    extract_article = _extractor()
    open_store = _need("strikewatch.store.open_store", lambda: __import__("strikewatch.store", fromlist=["open_store"]).open_store)
    n = 0
    write = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/bench.db")
        for chunk in _chunks(_articles(corpus), 500):
            reports = [extract_article(a).to_dict() for a in chunk]
            started = time.perf_counter()
            store.add_batch(chunk, reports, origin=str(corpus))
            write += time.perf_counter() - started
            n += len(chunk)
        db_mb = os.path.getsize(f"{tmp}/bench.db") / 1e6
        store.close()
    return {"articles": n, "write_seconds": round(write, 2), "articles_per_s": round(n / write),
            "db_mb": round(db_mb, 1), "peak_rss_mb": peak_rss_mb()}


def stage_engine(corpus: Path, size: int, engine: str, workers: int) -> dict[str, Any]:
    """Wall time of ``run_extraction_inputs`` on the corpus file (workers read their
    partitions); includes pool / cluster start-up."""
    _extractor()
    from strikewatch.scale import run_extraction_inputs

    from strikewatch.scale import shutdown

    started = time.perf_counter()
    n, problems = 0, []
    for result in run_extraction_inputs([str(corpus)], engine=engine, workers=workers):
        if isinstance(result, dict):
            n += 1
        else:
            problems.append(result)
    seconds = time.perf_counter() - started
    shutdown()  # reap the pool / cluster so their peak memory is counted below
    if problems:  # a broken engine must not read as a slow one
        raise RuntimeError(f"{len(problems)} articles failed, the first: {problems[0].message}")
    return {"engine": engine, "workers": workers, "articles": n, "seconds": round(seconds, 2),
            "articles_per_s": round(n / seconds), "peak_rss_mb": peak_rss_mb(),
            "workers_peak_rss_mb": peak_rss_mb(children=True)}


def stage_ingest_cli(corpus: Path, size: int) -> dict[str, Any]:
    """The whole streamed pipeline as a user runs it: ``strikewatch ingest CORPUS
    --db ...`` (read, skip duplicates, extract, store, group), with the wall time, the
    CPU time (user + system) and the peak memory of that process."""
    exe = Path(sys.executable).with_name("strikewatch")
    help_text = subprocess.run([str(exe), "--help"], capture_output=True, text=True).stdout
    if " ingest " not in help_text:
        raise Skip("the 'strikewatch ingest' command is not there yet")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        done = subprocess.run([str(exe), "ingest", str(corpus), "--db", f"sqlite:///{tmp}/ingest.db"],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise Skip(f"strikewatch ingest failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"articles": size, "seconds": round(seconds, 2), "articles_per_s": round(size / seconds),
            "cpu_seconds": round(cpu, 2), "cpu_ms_per_article": round(1000 * cpu / size, 2),
            "peak_rss_mb": peak_rss_mb(children=True)}


def stage_ingest_cpu(corpus: Path, size: int) -> dict[str, Any]:
    """CPU time of an in-process ``ingest`` (one core, into a fresh SQLite file), split
    into extraction (``extract_article(a).to_dict()``, timed around each call) and
    everything else: reading, duplicate checks, writes and grouping."""
    extract_article = _extractor()
    from strikewatch.store import open_store
    from strikewatch.store.pipeline import ingest

    spent = [0.0]

    def timed(article: Any) -> dict[str, Any]:
        started = time.process_time()
        try:
            return extract_article(article).to_dict()
        finally:
            spent[0] += time.process_time() - started

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/cpu.db")
        started = time.process_time()
        summary = ingest(store, [str(corpus)], extractor=timed)
        cpu = time.process_time() - started
        store.close()
    n = max(summary.new, 1)
    return {"articles": summary.new, "cpu_seconds": round(cpu, 2), "extract_cpu_seconds": round(spent[0], 2),
            "overhead_ms_per_article": round(1000 * (cpu - spent[0]) / n, 2),
            "cpu_articles_per_s": round(n / cpu), "peak_rss_mb": peak_rss_mb()}


STAGES: dict[str, Callable[..., dict[str, Any]]] = {
    "ingest_cpu": stage_ingest_cpu,
    "extract": stage_extract,
    "extract_pure": stage_extract_pure,
    "grouping": stage_grouping,
    "regroup": stage_regroup,
    "sqlite": stage_sqlite,
    "engine": stage_engine,
    "ingest_cli": stage_ingest_cli,
}


def run_stage(name: str, corpus: Path, size: int, engine: str = "local", workers: int = 1) -> dict[str, Any]:
    """Run one stage here; the result (or the skip reason) as a dict."""
    kwargs = {"engine": engine, "workers": workers} if name == "engine" else {}
    try:
        return {"ok": True, **STAGES[name](corpus, size, **kwargs)}
    except Skip as err:
        return {"ok": False, "skipped": str(err)}


def emit(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)
