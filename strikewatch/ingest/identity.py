"""Stable identities: an article without an id gets a hash of its normalised text."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", text).strip()


def text_id(text: str) -> str:
    """A short, stable id from the normalised text."""
    return "a" + hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:15]
