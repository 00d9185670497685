"""The Dask engine on a LocalCluster gives what the local engine gives."""
from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest

from scale_helpers import figures_profile, real_extractor
from strikewatch.ingest import InputProblem
from strikewatch.models import Article
from strikewatch.scale import run_extraction, run_extraction_inputs, shutdown

HAS_DASK = all(importlib.util.find_spec(m) is not None for m in ("dask", "distributed"))
pytestmark = [
    pytest.mark.dask,
    pytest.mark.skipif(not HAS_DASK, reason="needs the dask extra: pip install 'strikewatch[dask]'"),
]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        shutdown()  # the engine keeps its client between calls
        cluster.close()


def test_dask_matches_local_on_articles(articles: list[Article], scheduler: str) -> None:
    local = list(run_extraction(articles, extract=figures_profile))
    remote = list(run_extraction(articles, engine="dask", scheduler=scheduler, batch_size=6, extract=figures_profile))
    assert remote == local and len(local) == 60


def test_dask_workers_read_their_partitions(mixed_inputs: list[str], scheduler: str) -> None:
    local = list(run_extraction_inputs(mixed_inputs, batch_size=1000, extract=figures_profile))
    remote = list(run_extraction_inputs(mixed_inputs, engine="dask", scheduler=scheduler, batch_size=4,
                                        extract=figures_profile))
    assert remote == local
    assert sum(isinstance(r, InputProblem) for r in remote) == 2


def test_dask_starts_its_own_local_cluster_with_the_real_extractor(articles: list[Article]) -> None:
    extract: Any = real_extractor()
    if extract is None:
        pytest.skip("strikewatch.extract is not importable yet")
    sample = articles[:12]
    local = list(run_extraction(sample))
    try:
        remote = list(run_extraction(sample, engine="dask", workers=2, batch_size=5))
        again = list(run_extraction(sample[:3], engine="dask", workers=2))  # same cluster, reused
    finally:
        shutdown()
    assert remote == local and again == local[:3]
    assert all("summary" in r for r in remote)


def test_a_scheduler_address_means_dask(articles: list[Article], scheduler: str) -> None:
    from strikewatch.scale import dask as dask_engine

    got = list(run_extraction(articles[:8], scheduler=scheduler, extract=figures_profile))
    assert got == [figures_profile(a) for a in articles[:8]]
    assert (scheduler, 0) in dask_engine._SESSIONS
