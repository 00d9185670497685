"""The Dask engine: the same work items on a Dask cluster.

Imported only when ``--engine dask`` is asked for; importing this module without the
``dask`` extra raises ImportError, which :func:`strikewatch.scale.get_executor` turns
into an error naming the extra to install. With no scheduler address a LocalCluster of
``workers`` single-threaded processes (listening on loopback only) is started. Clients
and clusters are kept for the life of the process (or until :func:`shutdown`), so a
caller extracting batch after batch starts the cluster once. Workers must have
``strikewatch`` installed: they import the task functions by name.
"""
from __future__ import annotations

import atexit
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster

from .ordered import windowed

log = logging.getLogger(__name__)

# Partitions queued per worker thread: keeps workers fed, bounds client memory.
QUEUE_PER_WORKER = 3
_SESSIONS: dict[tuple[str | None, int], tuple[Client, LocalCluster | None]] = {}


def _local_cluster(workers: int) -> LocalCluster:
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",  # loopback only
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # its health server: any free port
        silence_logs=logging.WARNING,
    )


def connect(scheduler: str | None, workers: int) -> Client:
    """A client on ``scheduler``, or on a LocalCluster started here; reused while alive."""
    key = (scheduler, 0 if scheduler else workers)
    session = _SESSIONS.get(key)
    if session is not None and session[0].status == "running":
        return session[0]
    if session is not None:
        _close(*_SESSIONS.pop(key))
    cluster = None if scheduler else _local_cluster(workers)
    client = Client(scheduler) if scheduler else Client(cluster, set_as_default=False)
    _SESSIONS[key] = (client, cluster)
    log.info("dask: connected to %s", client.scheduler.address)
    return client


def _close(client: Client, cluster: LocalCluster | None) -> None:
    client.close()
    if cluster is not None:
        cluster.close()


def shutdown() -> None:
    """Close the clients (and the LocalClusters) opened here."""
    while _SESSIONS:
        _, session = _SESSIONS.popitem()
        _close(*session)


atexit.register(shutdown)


def map_ordered(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    workers: int = 2,
    scheduler: str | None = None,
) -> Iterator[Any]:
    """Submit ``fn(item)`` for each item to the cluster, results in input order."""
    client = connect(scheduler, workers)
    threads = sum(client.nthreads().values()) or workers
    submit = lambda item: client.submit(fn, item, pure=False)  # noqa: E731
    yield from windowed(submit, items, threads * QUEUE_PER_WORKER + 1)
