"""Plain text and Markdown articles: the first non-empty line is the title."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..models import Article
from .decode import decode_bytes
from .identity import text_id

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")


def split_title(raw: str) -> tuple[str, str]:
    """Return (title, body). The title is the first non-empty line, without a Markdown '#'."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            title = _MD_HEADING.sub("", line).strip()
            body = "\n".join(lines[i + 1 :]).strip("\n")
            return title, body
    return "", ""


def article_from_text(raw: str, source: str) -> Article:
    title, body = split_title(raw)
    return Article(text=body, title=title, id=text_id(title + "\n" + body), source=source)


def read_text_file(path: Path) -> Iterator[Article]:
    yield article_from_text(decode_bytes(path.read_bytes(), str(path)), str(path))


def read_text_stream(data: bytes, source: str) -> Iterator[Article]:
    yield article_from_text(decode_bytes(data, source), source)
