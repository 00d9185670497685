"""strikewatch: news reports of missile and drone strikes -> a source-linked event ledger.

The library is the product; the CLI and the web app are thin skins over it::

    from strikewatch import read_inputs, extract_article, build_events, open_store

Names are imported on first use, so ``import strikewatch`` stays cheap.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_PUBLIC = {
    "read_inputs": "strikewatch.ingest",
    "extract_article": "strikewatch.extract",
    "build_events": "strikewatch.events",
    "score_grouping": "strikewatch.events",
    "open_store": "strikewatch.store",
    "EXPORTERS": "strikewatch.export",
    "Article": "strikewatch.models",
    "Report": "strikewatch.models",
    "StrikewatchError": "strikewatch.errors",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'strikewatch' has no attribute {name!r}")
