"""The benchmark runner's arithmetic and its Markdown table."""
from __future__ import annotations

import importlib.util
import sys
from typing import Any

from scale_helpers import ROOT


def _load(name: str) -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location(f"sw_bench_{name}", ROOT / "bench" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def _report() -> dict[str, Any]:
    grouping = lambda s: {"ok": True, "grouping_seconds": s, "reports_per_s": 1, "pairwise_f1": 1.0, "peak_rss_mb": 90}  # noqa: E731
    engines = {"process-1": {"ok": True, "seconds": 10.0, "articles_per_s": 100},
               "process-2": {"ok": True, "seconds": 6.0, "articles_per_s": 167},
               "dask-1": {"ok": False, "skipped": "needs the dask extra"}, "dask-2": {"ok": False, "skipped": "x"}}
    return {
        "when": "2026-11-23T20:00:00+00:00", "command": "run.py --sizes 10000,100000",
        "machine": {"cpus": 2, "cpu_model": "AMD EPYC", "ram_gb": 23.5, "python": "3.11.7"},
        "sizes": [
            {"size": 10_000, "grouping": grouping(2.0), "engines": engines,
             "extract": {"ok": False, "skipped": "strikewatch.extract is not importable yet"}},
            {"size": 100_000, "grouping": grouping(23.0)},
        ],
    }


def test_growth_and_speedups() -> None:
    run = _load("run")
    report = _report()
    assert run.growth(report["sizes"]) == [{"from": 10_000, "to": 100_000, "size_factor": 10.0, "time_factor": 11.5}]
    assert run.speedups(report["sizes"][0]["engines"]) == {"process": 1.67, "dask": None}


def test_markdown_table_shows_figures_and_skips() -> None:
    markdown = _load("markdown")
    report = _report()
    report["grouping_growth"] = _load("run").growth(report["sizes"])
    table = markdown.render(report)
    assert "on 2 CPUs (AMD EPYC), 23.5 GB RAM, Python 3.11.7" in table
    assert "| extraction, one core (streamed) | 10,000 | skipped: strikewatch.extract is not importable yet |" in table
    assert "| engine process x2 | 10,000 | 167 articles/s (6.0 s wall, incl. start-up) |" in table
    assert "| grouping growth | 10,000 -> 100,000 | x11.5 time for x10 reports |" in table


def test_pipeline_stages_run_once_on_the_small_corpus_unless_full() -> None:
    run = _load("run")
    every = ["extract", "grouping", "sqlite", "ingest_cli", "ingest_cpu", "engines"]
    assert run.plan([10_000, 100_000], every, None, 2_000, full=False) == [
        (2_000, ["sqlite", "ingest_cli", "ingest_cpu", "engines"], True, True),
        (10_000, ["extract", "grouping"], False, False),
        (100_000, ["extract", "grouping"], False, False)]
    assert run.plan([10_000, 100_000], every, "100000", 2_000, full=True) == [
        (10_000, every, False, False), (100_000, every, True, False)]
    assert run.plan([10_000], ["grouping"], None, 2_000, full=False) == [(10_000, ["grouping"], False, False)]
