"""Local parallelism without Dask: a process pool on one machine (``--workers N``).

The pool is started on first use and kept for the life of the process (or until
:func:`shutdown`), so a caller that extracts batch after batch pays the start-up once.
"""
from __future__ import annotations

import atexit
import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .ordered import windowed

log = logging.getLogger(__name__)

# Batches queued per worker: enough to keep every core busy while the client reads.
QUEUE_PER_WORKER = 2
_POOLS: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    pool = _POOLS.get(workers)
    if pool is None:
        log.info("starting a pool of %d worker processes", workers)
        pool = _POOLS[workers] = ProcessPoolExecutor(max_workers=workers)
    return pool


def shutdown() -> None:
    """Stop the pools started here (queued work is cancelled)."""
    while _POOLS:
        _, pool = _POOLS.popitem()
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown)


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
    pool = _pool(workers)
    try:
        yield from windowed(lambda item: pool.submit(fn, item), items, workers * QUEUE_PER_WORKER + 1)
    except BrokenProcessPool:
        _POOLS.pop(workers, None)  # a worker died: start afresh next time
        raise
