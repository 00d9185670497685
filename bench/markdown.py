"""Render a results JSON of ``bench/run.py`` as the Markdown table of docs/benchmarks.md."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

EXTRACT = ("{articles_per_s:,} articles/s wall, {articles_per_cpu_s:,} per CPU-second; bare `re.findall(r\"\\w+\")` {bare_articles_per_s:,}/s; "
           "ratio {ratio_to_bare}x; peak RSS {peak_rss_mb} MB")


def _cell(result: dict[str, Any], text: str) -> str:
    if not result.get("ok"):
        return f"skipped: {result.get('skipped', '')[:120]}"
    return text.format(**result)


def rows(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(measure, size, figure) for every measurement of the report."""
    out: list[tuple[str, str, str]] = []
    for entry in report["sizes"]:
        n = f"{entry['size']:,}"
        g = entry.get("grouping") or {}
        grouping = "grouping {grouping_seconds} s wall ({reports_per_s:,} reports/s)"
        if "grouping_cpu_seconds" in g:
            grouping += ", {grouping_cpu_seconds} s CPU"
        grouping += "; pairwise F1 {pairwise_f1}; peak RSS {peak_rss_mb} MB"
        if "build_events_seconds" in g:
            grouping += "; build_events {build_events_seconds} s"
        for stage, label, text in (
            ("extract", "extraction, one core (streamed)", EXTRACT + "; {build}"),
            ("extract_pure", "extraction, Python sources (not compiled)",
             "{articles_per_s:,} articles/s wall, {articles_per_cpu_s:,} per CPU-second; ratio {ratio_to_bare}x"),
            ("grouping", "grouping synthetic reports", grouping),
            ("sqlite", "SQLite write rate (store API)", "{articles_per_s:,} articles/s; DB {db_mb} MB"),
            ("ingest_cli", "`strikewatch ingest` end to end", "{articles_per_s:,} articles/s; peak RSS {peak_rss_mb} MB"),
            ("ingest_cpu", "ingest CPU besides extraction", "{overhead_ms_per_article} ms per article; peak RSS {peak_rss_mb} MB"),
        ):
            if stage in entry:
                out.append((label, n, _cell(entry[stage], text)))
        regroup = entry.get("regroup") or {}
        for run in regroup.get("runs", []) if regroup.get("ok") else []:
            out.append((f"end-of-run sweep, window {run['window']:,}", n,
                        "{seconds} s wall, {cpu_seconds} s CPU ({articles_per_s:,} articles/s), {transactions} transactions; "
                        "pairwise F1 {pairwise_f1}, B-cubed F1 {bcubed_f1}".format(**run)))
        for name, run in (entry.get("engines") or {}).items():
            out.append((f"engine {name.replace('-', ' x')}", n, _cell(run, "{articles_per_s:,} articles/s ({seconds} s wall, incl. start-up)")))
        if entry.get("speedup"):
            speed = ", ".join(f"{k} {v}x" if v else f"{k} n/a" for k, v in entry["speedup"].items())
            out.append(("speed-up 1 -> 2 workers", n, speed))
    for row in report.get("grouping_growth", []):
        out.append(("grouping growth", f"{row['from']:,} -> {row['to']:,}", f"x{row['time_factor']} time for x{row['size_factor']:.0f} reports"))
    return out


def render(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [
        f"Measured {report['when']} with `{report['command']}` on {m['cpus']} CPUs ({m['cpu_model']}), "
        f"{m['ram_gb']} GB RAM, Python {m['python']}.",
        "",
        "| measure | size | figure |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows(report)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("out") / "latest.json"
    sys.stdout.write(render(json.loads(path.read_text(encoding="utf-8"))))
