"""Shared pieces of the scale tests: a small synthetic corpus and extractors.

``figures_profile`` is a deterministic stand-in for extraction (numbers near casualty
words, with spans) used to test the plumbing of every engine before and independently
of the real extractor; the tests also run the real ``extract_article`` when it imports.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

from strikewatch.models import Article

ROOT = Path(__file__).resolve().parents[2]
_FIGURE = re.compile(r"\b(\d+)\s+(?:people|persons|drones|missiles)\b")


def load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("sw_bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_records(n: int = 60, seed: int = 7) -> list[dict[str, Any]]:
    return list(load_generator().generate(n, seed))


def figures_profile(article: Article) -> dict[str, Any]:
    """Stand-in extractor: a pure function of the article, like the real one."""
    figures = [
        {"value": int(m.group(1)), "noun": m.group(0).split()[-1], "start": m.start(), "end": m.end()}
        for m in _FIGURE.finditer(article.text)
    ]
    return {"id": article.id, "title": article.title, "outlet": article.outlet, "figures": figures}


def explode_on_marker(article: Article) -> dict[str, Any]:
    """Stand-in extractor that fails on one kind of text (to test batch isolation)."""
    if "EXPLODE" in article.text:
        raise RuntimeError("cannot read this one")
    return figures_profile(article)


def real_extractor() -> Any:
    """``extract_report`` when the extraction package is importable, else None."""
    try:
        from strikewatch.extract import extract_article  # noqa: F401
    except ImportError:
        return None
    from strikewatch.scale.tasks import extract_report

    return extract_report


def write_jsonl(records: list[dict[str, Any]], path: Path, bad_line_at: int | None = None) -> Path:
    lines = [json.dumps(r) for r in records]
    if bad_line_at is not None:
        lines.insert(bad_line_at, '{"text": "unterminated')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
