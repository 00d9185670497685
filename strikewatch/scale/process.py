"""Local parallelism without Dask: a process pool on one machine (``--workers N``)."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .ordered import windowed

log = logging.getLogger(__name__)

# Batches queued per worker: enough to keep every core busy while the client reads.
QUEUE_PER_WORKER = 2


def map_ordered(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    workers: int = 2,
    scheduler: str | None = None,
) -> Iterator[Any]:
    """Apply ``fn`` to each item in a pool of ``workers`` processes, results in order.

    Items and results are pickled between our own processes (never data from outside).
    """
    if scheduler:
        log.warning("the process engine ignores --scheduler %s", scheduler)
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        submit = lambda item: pool.submit(fn, item)  # noqa: E731
        yield from windowed(submit, items, workers * QUEUE_PER_WORKER + 1)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
