"""Ingest into the ledger: read -> skip known -> extract -> store, batch by batch; then regroup.

Each batch is committed in one transaction (its articles, facts, and their entries in
the ``pending_regroup`` queue), so a process killed mid-run loses only the batch in
flight, and a re-run skips what is stored and completes the rest. Grouping runs once
at the end of the run over the queued articles, in one sweep over their dates
(``sweep.py``, each part one transaction): regrouping a +-2-day window for every batch
made each report be grouped many times over. A run killed before or during grouping
leaves the rest queued; the next run (or ``strikewatch status --repair``) groups it. A
bad item is counted with its reason and never stops the run.
"""
from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EXTRACTION, MISSING_EXTRA, STORE, StrikewatchError
from ..ingest import READERS, InputProblem, read_inputs
from ..models import Article
from .store import SWEEP_REPORTS, Store
from .types import EventBuilder
from .writes import text_hash

log = logging.getLogger(__name__)

Extractor = Callable[[Article], dict[str, Any]]
Progress = Callable[[int], None]  # called with how many items were just handled
Failures = list[tuple[str, str, str]]  # (item, code, reason)
Extracted = list[tuple[Article, dict[str, Any], str]]  # (article, report, text hash)
DEFAULT_BATCH = 500  # articles per transaction: a commit is cheap, a killed run loses one batch


@dataclass(slots=True)
class ExtractOptions:
    """Where extraction runs: in-process (default) or through ``strikewatch.scale``."""

    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    out: str | None = None  # also write the new reports to Parquet shards here

    @property
    def scaled(self) -> bool:
        return self.engine != "local" or self.workers > 1 or self.scheduler is not None


@dataclass(slots=True)
class IngestSummary:
    """Counts of one ingest run; ``failed`` holds (item, code, reason)."""

    new: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)
    events_upserted: int = 0  # event rows written (an event rewritten by two steps counts twice)
    batches: int = 0
    seconds: float = 0.0
    shards: list[str] = field(default_factory=list)  # Parquet shards written with ``--out``

    @property
    def rate(self) -> float:
        """New articles stored per second."""
        return self.new / self.seconds if self.seconds > 0 else 0.0

    def merge(self, other: "IngestSummary") -> None:
        self.new += other.new
        self.duplicates += other.duplicates
        self.failed.extend(other.failed)
        self.events_upserted += other.events_upserted
        self.batches += other.batches
        self.shards.extend(other.shards)


def default_extractor() -> Extractor:
    """``strikewatch.extract.extract_article(a).to_dict()``."""
    try:
        from ..extract import extract_article
    except ImportError as err:
        raise StrikewatchError(MISSING_EXTRA, f"extraction is not available: {err}") from err

    def extract(article: Article) -> dict[str, Any]:
        return extract_article(article).to_dict()

    return extract


def default_builder() -> EventBuilder | None:
    """``strikewatch.events.EventBuilder()``, or None (articles are stored ungrouped)."""
    try:
        from ..events import EventBuilder as Builder
    except ImportError as err:
        log.warning("event grouping is not available (%s): storing articles only", err)
        return None
    return Builder()


def _batches(items: Iterable[Article | InputProblem], size: int,
             summary: IngestSummary) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, InputProblem):
            summary.failed.append((item.item, item.code, item.message))
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(slots=True)
class _Prepared:
    """A read batch after the duplicate check: what is left to extract."""

    articles: list[Article]
    fresh: list[Article]
    hashes: list[str]  # text_hash of each fresh article
    duplicates: int


def _extract_local(prepared: _Prepared, extractor: Extractor, failed: Failures) -> Extracted:
    done = []
    for article, digest in zip(prepared.fresh, prepared.hashes):
        try:
            done.append((article, extractor(article), digest))
        except Exception as err:  # noqa: BLE001 - one bad text must not stop the batch
            log.debug("extraction failed for %s", article.source, exc_info=True)
            failed.append((article.source or article.id, EXTRACTION, f"extraction failed: {type(err).__name__}: {err}"))
    return done


# No count of people or weapons comes near this; a figure beyond it (a garbled or hostile
# text spelling out 23 digits) would overflow the integer columns of facts and events.
MAX_FIGURE = 10**12


def _storable(done: Extracted, failed: Failures) -> Extracted:
    """The extracted articles whose figures fit the store; the others become failures
    naming the article and the figure, so the rest of the batch is stored."""
    kept = []
    for article, report, digest in done:
        bad = next((f for f in report.get("facts") or () for key in ("low", "high")
                    if isinstance(f.get(key), int) and abs(f[key]) >= MAX_FIGURE), None)
        if bad is None:
            kept.append((article, report, digest))
        else:
            failed.append((article.source or article.id, STORE,
                           f"figure too large to store: {bad.get('evidence')!r} ({bad.get('id')})"))
    return kept


def _results(prepared: _Prepared, results: list[dict[str, Any] | InputProblem], failed: Failures) -> Extracted:
    """(article, report, hash) of the fresh articles that were extracted; failures to ``failed``."""
    done = []
    for article, digest, result in zip(prepared.fresh, prepared.hashes, results):
        if isinstance(result, InputProblem):
            failed.append((result.item, result.code, result.message))
        else:
            done.append((article, result, digest))
    return done


class ShardSink:
    """Writes reports to Parquet shards as batches arrive (``ingest --out``): rows go
    out in row groups of 1,000, so memory stays bounded however large the archive.
    Shards are numbered after those already in ``out_dir``."""

    def __init__(self, out_dir: str, rows_per_shard: int = 10_000, batch_rows: int = 1_000) -> None:
        from ..scale.parquet import SHARD_NAME, ShardWriter

        folder = Path(out_dir)
        first = len(list(folder.glob(SHARD_NAME.replace("{:05d}", "*")))) if folder.is_dir() else 0
        self.writer = ShardWriter(out_dir, rows_per_shard=rows_per_shard, batch_rows=batch_rows, first_index=first)

    def add(self, reports: list[dict[str, Any]]) -> list[str]:
        """Returns the shards completed by these reports."""
        return [str(p) for p in self.writer.add(reports)]

    def close(self) -> list[str]:
        return [str(p) for p in self.writer.close()]


class Ingester:
    """Runs batches into one store; reusable across inputs (``ingest`` and ``watch``)."""

    def __init__(self, store: Store, batch_size: int = 100, extractor: Extractor | None = None,
                 builder: EventBuilder | None = None, options: ExtractOptions | None = None,
                 progress: Progress | None = None, group: bool = True, window_reports: int = SWEEP_REPORTS) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.options = options or ExtractOptions()
        self.extractor = extractor
        if builder is None and group:
            builder = default_builder()
        self.builder = builder
        self.progress = progress or (lambda n: None)
        self.window_reports = window_reports  # most reports the end-of-run sweep holds (bounds memory)
        self.sink = ShardSink(self.options.out) if self.options.out else None
        self._in_flight: set[str] = set()  # text hashes read but not stored yet

    def _prepare(self, batches: Iterable[list[Article]]) -> Iterator[_Prepared]:
        """Each batch without the articles stored already, nor those whose text was read
        earlier in this batch or in a batch still being extracted (``--workers`` and Dask
        keep several in flight): those are counted as duplicates, not extracted twice."""
        for articles in batches:
            hashes = [text_hash(a) for a in articles]  # normalising a text costs: once per article
            dupes = self.store.find_duplicates(articles, hashes)
            fresh = []
            for i, (article, digest) in enumerate(zip(articles, hashes)):
                if i not in dupes and digest not in self._in_flight:
                    self._in_flight.add(digest)
                    fresh.append((article, digest))
            yield _Prepared(articles, [a for a, _ in fresh], [h for _, h in fresh], len(articles) - len(fresh))

    def _extracted(self, batches: Iterable[list[Article]]) -> Iterator[tuple[_Prepared, Extracted, Failures]]:
        """Each batch with its extracted (article, report, hash) and its failures. With a
        process pool or Dask, later batches are extracted while the caller stores this one."""
        if self.extractor is None and self.options.scaled:
            from ..scale import extract_batches  # lazy: the scale extras are optional

            in_flight: deque[_Prepared] = deque()

            def fresh_lists() -> Iterator[list[Article]]:
                for prepared in self._prepare(batches):
                    in_flight.append(prepared)
                    yield prepared.fresh

            opts = self.options
            for results in extract_batches(fresh_lists(), opts.engine, opts.workers, opts.scheduler):
                prepared, failed = in_flight.popleft(), []
                yield prepared, _results(prepared, results, failed), failed
            return
        if self.extractor is None:
            self.extractor = default_extractor()
        for prepared in self._prepare(batches):
            failed: Failures = []
            yield prepared, _extract_local(prepared, self.extractor, failed), failed

    def run_batch(self, articles: list[Article], origin: str | None) -> IngestSummary:
        """Check, extract and store one batch (``watch`` and tests; ``run`` pipelines batches)."""
        ((prepared, done, failed),) = list(self._extracted([articles]))
        return self._store(prepared, done, failed, origin)

    def _store(self, prepared: _Prepared, done: Extracted, failed: Failures, origin: str | None) -> IngestSummary:
        summary = IngestSummary(batches=1, duplicates=prepared.duplicates, failed=failed)
        done = _storable(done, failed)
        if done:
            result = self.store.add_batch([a for a, _, _ in done], [r for _, r, _ in done], origin, self.builder,
                                          defer=self.builder is not None, hashes=[h for _, _, h in done])
            summary.new = len(result.new)
            summary.duplicates += len(result.duplicates)
            summary.events_upserted = len(result.events_upserted)
            if self.sink is not None:
                summary.shards.extend(self.sink.add([r for _, r, _ in done]))
        self._in_flight.difference_update(prepared.hashes)
        self.progress(len(prepared.articles))
        return summary

    def regroup(self, grouping: Callable[[int], Progress] | None = None) -> int:
        """Group every queued article (this run's and any left by a killed run);
        returns the number of event rows written. ``grouping(queued)`` gives the
        progress callback of this phase (called with the articles each transaction grouped)."""
        if self.builder is None:
            return 0
        progress = grouping(self.store.pending_regroup()) if grouping is not None else None
        return self.store.regroup_pending(self.builder, max_reports=self.window_reports, progress=progress).events_upserted

    def run(self, items: Iterable[Article | InputProblem], origin: str, kind: str = "file",
            regroup: bool = True) -> IngestSummary:
        """Ingest a stream of read items, then (``regroup``) group what it stored;
        records the source's counts and failures."""
        total, unread = IngestSummary(), IngestSummary()
        started = time.perf_counter()
        for prepared, done, failed in self._extracted(_batches(items, self.batch_size, unread)):
            part = self._store(prepared, done, failed, origin)
            total.merge(part)
            self.store.record_source(origin, kind, part.new, part.duplicates, len(part.failed))
            self.store.record_failures(part.failed)
        self.progress(len(unread.failed))
        self.store.record_source(origin, kind, 0, 0, len(unread.failed))
        self.store.record_failures(unread.failed)
        total.failed = unread.failed + total.failed
        if regroup:
            total.events_upserted += self.regroup()
        total.seconds = time.perf_counter() - started
        return total


_LINE_FORMATS = (".jsonl", ".ndjson")
_ONE_PER_FILE = (".txt", ".md", ".markdown", ".html", ".htm")


def _count_file(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix in _ONE_PER_FILE:
        return 1
    if suffix in _LINE_FORMATS:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    return None


def estimate_total(inputs: Iterable[str]) -> int | None:
    """How many items local inputs hold (for a progress bar); None when unknown
    (URLs, stdin, feeds, Parquet)."""
    total = 0
    for spec in inputs:
        path = Path(spec)
        if "://" in spec or spec == "-" or not path.exists():
            return None
        files = [p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith(".")] if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() not in READERS:
                continue
            count = _count_file(file)
            if count is None:
                return None
            total += count
    return total


def source_kind(spec: str) -> str:
    if "://" in spec:
        return "url"
    return "stdin" if spec == "-" else "path"


def ingest(store: Store, inputs: Iterable[str], batch_size: int = DEFAULT_BATCH, extractor: Extractor | None = None,
           builder: EventBuilder | None = None, options: ExtractOptions | None = None,
           progress: Progress | None = None, grouping: Callable[[int], Progress] | None = None) -> IngestSummary:
    """Ingest every input spec (file, folder, feed file, URL, ``-``) into ``store``.

    Returns the counts of new, duplicate and failed items (with reasons). ``progress``
    is called with the items each batch handled; ``grouping(queued)``, when the run
    groups what it queued, gives the progress callback of that phase."""
    ingester = Ingester(store, batch_size, extractor, builder, options, progress)
    total = IngestSummary()
    started = time.perf_counter()
    for spec in inputs:
        part = ingester.run(read_inputs([spec]), origin=spec, kind=source_kind(spec), regroup=False)
        total.merge(part)
    if ingester.sink is not None:
        total.shards.extend(ingester.sink.close())
    total.events_upserted += ingester.regroup(grouping)  # once, over every input (and leftovers of a killed run)
    total.seconds = time.perf_counter() - started
    return total
