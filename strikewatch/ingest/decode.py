"""Bytes to text: size, emptiness, binary and encoding checks with one clear message."""
from __future__ import annotations

import re

from ..errors import BINARY, EMPTY, ENCODING, TOO_LARGE, StrikewatchError

MAX_BYTES = 5 * 1024 * 1024  # one article; larger inputs are almost certainly not an article
_FALLBACKS = ("cp1251", "latin-1")


def decode_bytes(data: bytes, item: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode an article's bytes: UTF-8 (with or without BOM), else cp1251, else latin-1.

    Raises StrikewatchError naming ``item`` for empty, binary or oversized input."""
    if len(data) > max_bytes:
        raise StrikewatchError(TOO_LARGE, f"too large ({len(data):,} bytes, limit {max_bytes:,})", item)
    if not data.strip():
        raise StrikewatchError(EMPTY, "empty", item)
    if b"\x00" in data[:4096] or _looks_binary(data[:4096]):
        raise StrikewatchError(BINARY, "binary data, not text", item)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in _FALLBACKS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1251" and not _plausible_cyrillic(text):
            continue
        return text
    raise StrikewatchError(ENCODING, "not UTF-8, cp1251 or latin-1 text", item)


# Control bytes other than tab, line feed, form feed and carriage return.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(head: bytes) -> bool:
    control = len(head) - len(head.translate(None, _CONTROL))  # counted in C: a byte loop cost ~0.2 ms an article
    return control > max(8, len(head) // 20)


def _plausible_cyrillic(text: str) -> bool:
    """cp1251 decodes almost any byte string; accept it only when the non-ASCII
    characters are mostly Cyrillic letters, in words of their own (a lone Cyrillic
    letter inside a Latin word, as in "blessйs", is a latin-1 text misread)."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    cyrillic = sum(1 for c in non_ascii if "\u0400" <= c <= "\u04ff")
    if cyrillic < 0.8 * len(non_ascii):
        return False
    words = [w for w in _WORD.findall(text) if _CYRILLIC.search(w)]
    mixed = sum(1 for w in words if _LATIN.search(w))
    return mixed <= 0.1 * len(words)


_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
