"""The Dask engine: the same work items on a Dask cluster.

Imported only when ``--engine dask`` is asked for; importing this module without the
``dask`` extra raises ImportError, which :func:`strikewatch.scale.get_executor` turns
into an error naming the extra to install. With no scheduler address a LocalCluster of
``workers`` single-threaded processes is started for the run and closed after it.
Workers must have ``strikewatch`` installed (they import the task functions by name).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, LocalCluster

from .ordered import windowed

log = logging.getLogger(__name__)

# Partitions queued per worker thread: keeps workers fed, bounds client memory.
QUEUE_PER_WORKER = 3


@contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client on ``scheduler``, or on a LocalCluster made (and closed) here."""
    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",  # loopback only
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # its health server: any free port
        silence_logs=logging.WARNING,
    )
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _thread_count(client: Client, fallback: int) -> int:
    threads = sum(client.nthreads().values())
    return threads or fallback


def map_ordered(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    workers: int = 2,
    scheduler: str | None = None,
) -> Iterator[Any]:
    """Submit ``fn(item)`` for each item to the cluster, results in input order."""
    with connect(scheduler, workers) as client:
        window = _thread_count(client, workers) * QUEUE_PER_WORKER + 1
        log.info("dask: %s, window of %d partitions", client.scheduler.address, window)
        submit = lambda item: client.submit(fn, item, pure=False)  # noqa: E731
        yield from windowed(submit, items, window)
