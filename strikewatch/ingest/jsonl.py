"""JSON Lines: one article object per line.

Fields: text (required), id, title, url, published, outlet, language. A bad line is
reported with its line number and the rest of the file is still read."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import BAD_JSON, StrikewatchError
from ..models import Article
from .decode import decode_bytes
from .problems import InputProblem
from .identity import text_id

MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
_FIELDS = ("title", "url", "published", "outlet", "language")


def article_from_record(record: Any, source: str) -> Article:
    """Validate one decoded record; raises ValueError with a short reason."""
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text'")
    values = {}
    for name in _FIELDS:
        value = record.get(name)
        values[name] = None if value is None else str(value)
    rid = record.get("id")
    title = values.pop("title") or ""
    return Article(
        text=text,
        id=str(rid) if rid not in (None, "") else text_id(title + "\n" + text),
        title=title,
        source=source,
        **values,
    )


def parse_line(raw: bytes, item: str) -> Article | InputProblem:
    """One JSON Lines record as an article, or the reason it is not one."""
    try:
        return article_from_record(json.loads(decode_bytes(raw, item)), item)
    except json.JSONDecodeError as err:
        return InputProblem(item, BAD_JSON, f"malformed JSON ({err.msg} at column {err.colno})")
    except StrikewatchError as err:
        return InputProblem(item, err.code, err.message)
    except ValueError as err:
        return InputProblem(item, BAD_JSON, str(err))


def _read_lines(lines: Iterator[bytes], name: str) -> Iterator[Article | InputProblem]:
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield parse_line(raw, f"{name}:{number}")


def read_jsonl_file(path: Path) -> Iterator[Any]:
    with path.open("rb") as handle:
        yield from _read_lines(iter(handle), str(path))


def read_jsonl_stream(data: bytes, name: str) -> Iterator[Any]:
    yield from _read_lines(iter(data.splitlines()), name)
