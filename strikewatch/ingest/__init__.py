"""Readers: turn inputs (files, folders, JSON Lines, stdin, ...) into Articles.

``read_inputs`` yields :class:`Article` objects and :class:`InputProblem` records; a bad
item never stops the batch. Readers are looked up by file suffix in ``READERS``; other
modules (HTML, feeds) add themselves there.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import NOT_FOUND, StrikewatchError
from ..models import Article
from .problems import InputProblem
from .text import read_text_file, read_text_stream
from .jsonl import read_jsonl_file, read_jsonl_stream


Item = Article | InputProblem
Reader = Callable[[Path], Iterator[Item]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
}


def register_reader(suffix: str, reader: Reader) -> None:
    READERS[suffix.lower()] = reader


def _read_path(path: Path) -> Iterator[Item]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield InputProblem(str(path), NOT_FOUND, f"no reader for '{path.suffix or 'no suffix'}' files")
        return
    try:
        yield from reader(path)
    except StrikewatchError as err:
        yield InputProblem(err.item or str(path), err.code, err.message)
    except OSError as err:
        yield InputProblem(str(path), NOT_FOUND, f"cannot read: {err.strerror or err}")


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() in READERS:
            yield path


def read_inputs(inputs: Iterable[str], stdin_format: str = "auto") -> Iterator[Item]:
    """Yield articles and problems from paths, folders, URLs (when a URL reader is
    registered) and ``-`` for standard input."""
    for spec in inputs:
        if spec == "-":
            yield from _read_stdin(stdin_format)
            continue
        if "://" in spec:
            yield from _read_url(spec)
            continue
        path = Path(spec)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_path(file)
        elif path.exists():
            yield from _read_path(path)
        else:
            yield InputProblem(spec, NOT_FOUND, "no such file or folder")


def _read_url(url: str) -> Iterator[Item]:
    reader = URL_READER.get("url")
    if reader is None:
        yield InputProblem(url, NOT_FOUND, "no URL reader installed")
        return
    try:
        yield from reader(url)
    except StrikewatchError as err:
        yield InputProblem(err.item or url, err.code, err.message)


# Filled by ingest.web (HTTP pages and feeds) when available.
URL_READER: dict[str, Callable[[str], Iterator[Item]]] = {}


def _read_stdin(fmt: str) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    if fmt == "jsonl" or (fmt == "auto" and data.lstrip()[:1] == b"{"):
        yield from read_jsonl_stream(data, "stdin")
    else:
        yield from read_text_stream(data, "stdin")


def articles_only(items: Iterable[Item], problems: list[InputProblem]) -> Iterator[Article]:
    """Pass articles through; collect problems into ``problems``."""
    for item in items:
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            yield item


def _read_parquet(path: Path) -> Iterator[Item]:
    """Parquet files with a text column; pyarrow is imported on first use only."""
    try:
        from .parquet import read_parquet_file
    except ImportError as err:  # pragma: no cover - pyarrow missing
        raise StrikewatchError(NOT_FOUND, f"reading Parquet needs pyarrow ({err}): pip install pyarrow") from err
    yield from read_parquet_file(path)


register_reader(".parquet", _read_parquet)


def _register_builtin_readers() -> None:
    """HTML, feeds and URLs (strikewatch.ingest.html/feeds/web); skipped when their
    optional libraries are missing."""
    try:
        from .feeds import read_feed_file
        from .html import read_html_file
        from .web import read_url
    except ImportError:  # pragma: no cover - trafilatura/feedparser/httpx not installed
        return
    for suffix in (".html", ".htm"):
        register_reader(suffix, read_html_file)
    for suffix in (".xml", ".rss", ".atom"):
        register_reader(suffix, read_feed_file)
    URL_READER.setdefault("url", read_url)


_register_builtin_readers()
