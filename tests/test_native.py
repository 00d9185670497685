"""The mypyc build of the extraction and events modules: chosen only when it matches
the sources, and giving exactly the reports and events of the Python sources."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import strikewatch.events as events
import strikewatch.extract as extract
from strikewatch import native
from strikewatch.events import grouping
from strikewatch.extract import pipeline

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ["tests/data/dev/articles.jsonl", "tests/data/challenge/articles.jsonl", "strikewatch/samples"]

# Prints the builds, one JSON report per line, then the events of all the reports.
_DUMP = """
import json, sys
import strikewatch.events as events
import strikewatch.extract as extract
from strikewatch.ingest import read_inputs, InputProblem
print(extract.BUILD, events.BUILD)
reports = []
for item in read_inputs(sys.argv[1:]):
    if not isinstance(item, InputProblem):
        reports.append({**extract.extract_article(item).to_dict(), "text": item.text})
        print(json.dumps(reports[-1], sort_keys=True, ensure_ascii=False))
print(json.dumps(events.build_events(reports), sort_keys=True, ensure_ascii=False))
"""


def _dump(pure: bool) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "STRIKEWATCH_PURE"}
    if pure:
        env["STRIKEWATCH_PURE"] = "1"
    out = subprocess.run([sys.executable, "-c", _DUMP, *INPUTS], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True, timeout=300)
    return out.stdout.splitlines()


def test_compiled_build_gives_the_reports_and_events_of_the_python_sources():
    if extract.BUILD != "compiled":
        pytest.skip(f"no compiled build to compare: {extract.BUILD}")
    assert events.BUILD == "compiled"
    assert pipeline.__file__.endswith(".so") and grouping.__file__.endswith(".so")  # compiled modules loaded
    compiled, pure = _dump(pure=False), _dump(pure=True)
    assert compiled[0] == "compiled compiled" and pure[0].startswith("pure: STRIKEWATCH_PURE")
    assert len(compiled) == len(pure) > 100
    for a, b in zip(compiled[1:], pure[1:]):  # each report, then the events
        assert json.loads(a) == json.loads(b)
    assert len(json.loads(compiled[-1])) >= 30
    # no article fell back to an empty report because compiled code met a type it did not expect
    assert not any('"extraction failed' in line for line in compiled)


def _package(tmp_path: Path) -> Path:
    root = tmp_path / "strikewatch"
    for path in native.sources():
        (root / path.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, root / path.parent.name / path.name)
    shutil.copy(native.ROOT / "extract" / "__init__.py", root / "extract" / "__init__.py")
    return root


def _manifest(compiled: Path, **fields) -> None:
    compiled.mkdir(exist_ok=True)
    (compiled / native.MANIFEST).write_text(json.dumps(fields), encoding="utf-8")


def test_a_build_is_used_only_while_it_matches_the_sources(tmp_path, monkeypatch):
    monkeypatch.delenv("STRIKEWATCH_PURE", raising=False)
    root, compiled = _package(tmp_path), tmp_path / "_compiled"
    assert native.state(root, compiled).startswith("pure: not compiled")

    _manifest(compiled, built=True, digest=native.digest(root))
    assert native.state(root, compiled) == "compiled"

    for edited in (root / "extract" / "numbers.py", root / "events" / "grouping.py"):
        original = edited.read_text(encoding="utf-8")
        edited.write_text(original + "\n# edited\n", encoding="utf-8")
        assert "out of date" in native.state(root, compiled)
        edited.write_text(original, encoding="utf-8")
        assert native.state(root, compiled) == "compiled"
    (root / "extract" / "__init__.py").write_text("# a package init is not compiled\n", encoding="utf-8")
    assert native.state(root, compiled) == "compiled"

    monkeypatch.setenv("STRIKEWATCH_PURE", "1")
    assert native.state(root, compiled) == "pure: STRIKEWATCH_PURE is set"
    monkeypatch.delenv("STRIKEWATCH_PURE")
    _manifest(compiled, built=False, reason="no C compiler")
    assert native.state(root, compiled) == "pure: the compiled build failed (no C compiler)"
    (compiled / native.MANIFEST).write_text("{not json", encoding="utf-8")
    assert native.state(root, compiled).startswith("pure: not compiled")


_SPAWNED = """
import multiprocessing, sys
import strikewatch.extract  # the parent has the build loaded, as ingest has
from strikewatch.ingest import read_inputs

def extract(path):
    import strikewatch.events as events
    import strikewatch.extract as extract
    reports = [extract.extract_article(a).to_dict() for a in read_inputs([path])]
    return events.BUILD, [r["problems"] for r in reports], len(events.build_events(reports))

if __name__ == "__main__":
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        build, problems, n_events = pool.apply(extract, (sys.argv[1],))
    print(build)
    print(len(problems), sum(1 for p in problems if p), n_events)
"""


def test_spawned_workers_outside_the_project_load_the_same_build(tmp_path):
    """``ingest --workers`` and Dask workers start from the parent's ``sys.path`` and
    may run in any folder: the compiled build must leave nothing there that shadows the
    ``strikewatch`` package (it did: its folder became a namespace package in workers)."""
    script = tmp_path / "spawn.py"
    script.write_text(_SPAWNED, encoding="utf-8")
    samples = ROOT / "strikewatch" / "samples"
    out = subprocess.run([sys.executable, str(script), str(samples)], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    build, counts = out.stdout.splitlines()[-2:]
    assert build == extract.BUILD
    assert counts == "15 0 3"  # every bundled sample extracted, none with a problem; its 3 attacks
