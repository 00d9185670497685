"""Plain text and Markdown articles: the first non-empty line is the title.

Optional front matter between ``---`` lines at the top gives published, outlet, url,
language, id and title."""
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


_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(?P<meta>(?:[^\n]*\n)*?)---[ \t]*\n")
_META_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")
_META_KEYS = ("id", "title", "url", "published", "outlet", "language")


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` front matter between ``---`` lines (the subset of YAML
    that Markdown tools write); unknown keys are ignored."""
    m = _FRONT.match(raw.replace("\r\n", "\n"))
    if not m:
        return {}, raw
    meta: dict[str, str] = {}
    for line in m.group("meta").splitlines():
        kv = _META_LINE.match(line)
        if kv and kv.group("key").lower() in _META_KEYS:
            meta[kv.group("key").lower()] = kv.group("value").strip("'\"")
    return meta, raw.replace("\r\n", "\n")[m.end() :]


def article_from_text(raw: str, source: str) -> Article:
    meta, raw = split_front_matter(raw)
    title, body = split_title(raw)
    title = meta.pop("title", None) or title
    rid = meta.pop("id", None) or text_id(title + "\n" + body)
    return Article(text=body, title=title, id=rid, source=source, **{k: v or None for k, v in meta.items()})


def read_text_file(path: Path) -> Iterator[Article]:
    yield article_from_text(decode_bytes(path.read_bytes(), str(path)), str(path))


def read_text_stream(data: bytes, source: str) -> Iterator[Article]:
    yield article_from_text(decode_bytes(data, source), source)
