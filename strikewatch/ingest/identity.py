"""Stable identities: an article without an id gets a hash of its normalised text."""
from __future__ import annotations

import hashlib
import unicodedata


def normalise_text(text: str) -> str:
    r"""NFKC, case-folded, white space runs made one space and the ends stripped.

    ``" ".join(text.split())`` is ``re.sub(r"\s+", " ", text).strip()``: both use
    Python's one definition of white space, and the join is about ten times faster
    on an article (ids depend on it: tests/test_readers.py checks the two agree)."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def text_id(text: str) -> str:
    """A short, stable id from the normalised text."""
    return "a" + hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:15]
