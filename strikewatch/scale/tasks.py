"""The units of work every engine runs: extract a batch, or read and extract a partition.

These are top-level functions of plain data so that a process pool or a Dask worker can
receive them by reference (the worker imports ``strikewatch``; nothing but articles,
partition descriptions and report dicts crosses the wire).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from ..errors import EXTRACTION
from ..ingest import InputProblem
from ..models import Article
from .partitions import Partition, read_partition

log = logging.getLogger(__name__)

T = TypeVar("T")
ExtractFn = Callable[[Article], dict[str, Any]]
Result = dict[str, Any] | InputProblem


def extract_report(article: Article) -> dict[str, Any]:
    """The default extractor: ``extract_article(article).to_dict()``."""
    from ..extract import extract_article  # late: keeps engine start-up light

    return extract_article(article).to_dict()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _extract_one(extract: ExtractFn, article: Article) -> Result:
    try:
        return extract(article)
    except Exception as err:  # one bad article must not stop the batch
        log.debug("extraction failed for %s", article.id, exc_info=True)
        name = article.source or article.id
        return InputProblem(name, EXTRACTION, f"extraction failed: {type(err).__name__}: {err}")


def extract_batch(task: tuple[ExtractFn | None, list[Article]]) -> list[Result]:
    """Extract a list of articles already read by the client."""
    extract, articles = task
    fn = extract or extract_report
    return [_extract_one(fn, article) for article in articles]


def extract_partition(task: tuple[ExtractFn | None, Partition]) -> list[Result]:
    """Read one partition where it runs, then extract its articles."""
    extract, partition = task
    fn = extract or extract_report
    out: list[Result] = []
    for item in read_partition(partition):
        out.append(item if isinstance(item, InputProblem) else _extract_one(fn, item))
    return out
