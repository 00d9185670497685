"""Run extraction on one core, a process pool, or a Dask cluster.

Extraction is a pure function of one article, so scaling out is only a question of who
maps it over which slice of the input. ``EXECUTORS`` names the engines; each one maps a
picklable function over a stream of work items and yields the results **in input
order**, holding only a bounded number of items in flight (memory stays flat on
million-article archives).

Two entry points:

* :func:`run_extraction` takes Articles already read (the caller reads, the engine
  extracts) and yields report dicts.
* :func:`run_extraction_inputs` takes input paths; local files are split into partitions
  (hundreds of articles each) that the workers read themselves, so texts are not shipped
  from the client. It yields report dicts and :class:`InputProblem` records.

Process pools and Dask clusters are started on first use and kept until
:func:`shutdown` or the end of the process, so extracting batch after batch (as the
store's ingest does) pays their start-up once. Dask is an optional extra and is
imported only by ``strikewatch.scale.dask``.
"""
from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import MISSING_EXTRA, StrikewatchError
from ..ingest import InputProblem
from ..models import Article
from .partitions import plan_partitions
from .tasks import ExtractFn, chunked, extract_batch, extract_partition

log = logging.getLogger(__name__)

__all__ = [
    "EXECUTORS",
    "Executor",
    "available_engines",
    "extract_batches",
    "get_executor",
    "run_extraction",
    "run_extraction_inputs",
    "shutdown",
    "write_parquet_shards",
]


class Executor(Protocol):
    """Maps ``fn`` over ``items`` and yields results in input order."""

    def __call__(
        self,
        fn: Callable[[Any], Any],
        items: Iterable[Any],
        workers: int,
        scheduler: str | None,
    ) -> Iterator[Any]: ...


@dataclass(frozen=True, slots=True)
class EngineSpec:
    """Where an engine lives and which optional extra it needs."""

    module: str
    extra: str | None = None  # pip extra that brings its dependencies


EXECUTORS: dict[str, EngineSpec] = {
    "local": EngineSpec("strikewatch.scale.local"),
    "process": EngineSpec("strikewatch.scale.process"),
    "dask": EngineSpec("strikewatch.scale.dask", extra="dask"),
}


def _missing_extra(name: str, spec: EngineSpec, err: ImportError) -> StrikewatchError:
    missing = err.name or "a dependency"
    return StrikewatchError(
        MISSING_EXTRA,
        f"the '{name}' engine needs {missing}, which is not installed: "
        f"pip install 'strikewatch[{spec.extra}]'",
    )


def get_executor(name: str) -> Executor:
    """The ``map_ordered`` function of engine ``name``; a clear error if it cannot run."""
    spec = EXECUTORS.get(name)
    if spec is None:
        known = ", ".join(sorted(EXECUTORS))
        raise StrikewatchError(MISSING_EXTRA, f"unknown engine '{name}' (known: {known})")
    try:
        module = importlib.import_module(spec.module)
    except ImportError as err:
        if spec.extra and not (err.name or "").startswith("strikewatch"):
            raise _missing_extra(name, spec, err) from err
        raise
    return module.map_ordered


def available_engines() -> list[str]:
    """Engines whose dependencies import on this machine."""
    names = []
    for name in EXECUTORS:
        try:
            get_executor(name)
        except StrikewatchError:
            continue
        names.append(name)
    return names


def _resolve(engine: str, workers: int, scheduler: str | None) -> tuple[Executor, int]:
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if engine == "local" and scheduler:
        engine = "dask"  # a scheduler address only means something to Dask
    elif engine == "local" and workers > 1:
        engine = "process"  # --workers N on one machine means a process pool
    return get_executor(engine), workers


def run_extraction(
    articles: Iterable[Article],
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    batch_size: int = 500,
    *,
    extract: ExtractFn | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Extract every article and yield its report dict, in input order.

    An article whose extraction raises is skipped and passed to ``on_problem`` (logged
    by default), so one bad text never stops a batch. ``extract`` replaces
    ``extract_article(a).to_dict()`` (it must be a picklable top-level function).
    """
    executor, workers = _resolve(engine, workers, scheduler)
    size = _batch_size(articles, batch_size, workers)
    batches = ((extract, batch) for batch in chunked(articles, size))
    for results in executor(extract_batch, batches, workers, scheduler):
        yield from _split_problems(results, on_problem)


def extract_batches(
    batches: Iterable[list[Article]],
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    *,
    extract: ExtractFn | None = None,
) -> Iterator[list[dict[str, Any] | InputProblem]]:
    """Extract each batch on one worker and yield, per batch and in order, one result
    per article (its report dict, or an InputProblem when extraction failed). Batches
    are taken from ``batches`` only as workers free up (a few in flight), so a caller
    can write batch k while later batches are being extracted."""
    executor, workers = _resolve(engine, workers, scheduler)
    yield from executor(extract_batch, ((extract, batch) for batch in batches), workers, scheduler)


def _batch_size(articles: Iterable[Article], batch_size: int, workers: int) -> int:
    """A short list is cut so that every worker gets a share (two batches each)."""
    if workers > 1 and isinstance(articles, Sized):
        return max(1, min(batch_size, -(-len(articles) // (workers * 2))))
    return batch_size


def shutdown() -> None:
    """Stop the process pools and Dask clusters the engines keep between calls (they
    are also stopped when the process exits)."""
    for spec in EXECUTORS.values():
        module = sys.modules.get(spec.module)
        if module is not None and hasattr(module, "shutdown"):
            module.shutdown()


def run_extraction_inputs(
    inputs: Sequence[str],
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    batch_size: int = 500,
    *,
    extract: ExtractFn | None = None,
) -> Iterator[dict[str, Any] | InputProblem]:
    """Read and extract ``inputs`` (paths, folders, JSON Lines, Parquet, ``-``, URLs).

    Local files are cut into partitions of about ``batch_size`` articles that the
    workers read themselves; stdin and URLs are read here and shipped. Yields report
    dicts and InputProblems in the order the local reader would give them.
    """
    executor, workers = _resolve(engine, workers, scheduler)
    tasks = ((extract, part) for part in plan_partitions(inputs, batch_size))
    for results in executor(extract_partition, tasks, workers, scheduler):
        yield from results


def _split_problems(
    results: list[dict[str, Any] | InputProblem],
    on_problem: Callable[[InputProblem], None] | None,
) -> Iterator[dict[str, Any]]:
    for item in results:
        if isinstance(item, InputProblem):
            if on_problem is None:
                log.warning("skipped %s", item)
            else:
                on_problem(item)
        else:
            yield item


def write_parquet_shards(report_dicts: Iterable[dict[str, Any]], out_dir: str, **options: Any) -> list[str]:
    """Write reports to Parquet shards under ``out_dir``; see :mod:`strikewatch.scale.parquet`."""
    from .parquet import write_parquet_shards as _write

    return [str(path) for path in _write(report_dicts, out_dir, **options)]
