"""Cut inputs into partitions that a worker can read by itself.

A partition is a small description (a list of paths, a byte range of a JSON Lines file
with its first line number, a row range of a Parquet file), so workers on a cluster read
their own shard from a shared file system instead of receiving texts from the client.
Inputs that only the client can read (standard input, URLs) are read here and shipped as
``items``. Partitions come out in the order :func:`strikewatch.ingest.read_inputs`
would yield their articles, so every engine gives the same sequence.
"""
from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..errors import StrikewatchError
from ..ingest import READERS, InputProblem, read_inputs
from ..ingest.jsonl import parse_line
from ..models import Article

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet"})


@dataclass(slots=True)
class Partition:
    """One unit of reading work. ``kind`` is files | jsonl | parquet | items."""

    kind: str
    paths: list[str] = field(default_factory=list)
    start: int = 0  # jsonl: byte offset; parquet: first row
    stop: int = 0  # jsonl: byte offset (exclusive); parquet: row (exclusive)
    first_line: int = 1  # jsonl: number of the line at ``start``
    items: list[Article | InputProblem] = field(default_factory=list)


def _walk(folder: Path) -> Iterator[Path]:
    """Files of a folder in the order the ingest package reads them."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() in READERS:
            yield path


def _expand(spec: str) -> Iterator[Path | str]:
    """Local files of one input spec, or the spec itself when the client must read it."""
    if spec == "-" or "://" in spec:
        yield spec
        return
    path = Path(spec)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield path
    else:
        yield spec  # read_inputs reports "no such file or folder"


def plan_partitions(inputs: Sequence[str], size: int) -> Iterator[Partition]:
    """Partitions of about ``size`` articles covering ``inputs`` in reading order."""
    pending: list[str] = []
    for spec in inputs:
        for target in _expand(spec):
            kind = _kind(target)
            if kind == "files":
                pending.append(str(target))
                if len(pending) >= size:
                    yield Partition("files", paths=pending)
                    pending = []
                continue
            if pending:
                yield Partition("files", paths=pending)
                pending = []
            yield from _split(kind, target, size)
    if pending:
        yield Partition("files", paths=pending)


def _kind(target: Path | str) -> str:
    if isinstance(target, str):
        return "items"
    suffix = target.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES and suffix in READERS:
        return "parquet"
    return "files"


def _split(kind: str, target: Path | str, size: int) -> Iterator[Partition]:
    if kind == "jsonl":
        yield from split_jsonl(Path(target), size)
    elif kind == "parquet":
        try:
            yield from split_parquet(Path(target), size)
        except StrikewatchError as err:
            yield Partition("items", items=[InputProblem(err.item or str(target), err.code, err.message)])
    else:
        items = iter(read_inputs([str(target)]))
        while chunk := list(islice(items, size)):
            yield Partition("items", items=chunk)


def split_jsonl(path: Path, size: int) -> Iterator[Partition]:
    """Byte ranges of ``size`` lines each, with the number of their first line."""
    start = offset = 0
    first = line = 1
    with path.open("rb") as handle:
        for raw in handle:
            offset += len(raw)
            if line - first + 1 >= size:
                yield Partition("jsonl", [str(path)], start, offset, first)
                start, first = offset, line + 1
            line += 1
    if offset > start:
        yield Partition("jsonl", [str(path)], start, offset, first)


def split_parquet(path: Path, size: int) -> Iterator[Partition]:
    """Row ranges of at least ``size`` rows made of whole row groups (a Parquet reader
    can only seek to a row group, so a large group is one partition)."""
    from ..ingest.parquet import parquet_row_groups

    start = stop = 0
    for rows in parquet_row_groups(path):
        stop += rows
        if stop - start >= size:
            yield Partition("parquet", [str(path)], start, stop)
            start = stop
    if stop > start:
        yield Partition("parquet", [str(path)], start, stop)


def read_partition(part: Partition) -> Iterator[Article | InputProblem]:
    """The articles (and problems) of one partition, read where this runs."""
    if part.kind == "items":
        yield from part.items
    elif part.kind == "files":
        yield from read_inputs(part.paths)
    elif part.kind == "jsonl":
        yield from _read_jsonl_range(part)
    elif part.kind == "parquet":
        yield from _read_parquet_range(part)
    else:
        raise ValueError(f"unknown partition kind {part.kind!r}")


def _read_parquet_range(part: Partition) -> Iterator[Article | InputProblem]:
    from ..ingest.parquet import read_parquet_rows

    try:
        yield from read_parquet_rows(Path(part.paths[0]), part.start, part.stop)
    except StrikewatchError as err:
        yield InputProblem(err.item or part.paths[0], err.code, err.message)


def _read_jsonl_range(part: Partition) -> Iterator[Article | InputProblem]:
    """Same records and problem names as ``ingest.jsonl`` gives for these lines."""
    name = part.paths[0]
    with open(name, "rb") as handle:
        handle.seek(part.start)
        data = handle.read(part.stop - part.start)
    for number, raw in enumerate(io.BytesIO(data), start=part.first_line):  # lines as the file gives them
        if raw.strip():
            yield parse_line(raw, f"{name}:{number}")


