"""Small helpers shared by the extraction components to build patterns from tables."""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first so that the most specific
    phrase wins ("shot down or suppressed" before "shot down")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
