"""Small helpers shared by the extraction components to build patterns from tables."""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first so that the most specific
    phrase wins ("shot down or suppressed" before "shot down").

    The alternation is preceded by a lookahead on the phrases' first characters:
    Python's ``re`` tries every branch in turn at every position, so one character-set
    test that rejects most positions makes long lists much cheaper to scan for. The
    lookahead only restates what a match already requires, so matches are unchanged
    (it sits in the same flag context as the phrases, so it folds case the same way)."""
    phrases = sorted(set(words), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in phrases)
    if not phrases or "" in phrases:
        return alt
    return f"(?=[{first_chars(phrases)}])(?:{alt})"


def first_chars(phrases: Iterable[str]) -> str:
    """The escaped first characters of ``phrases``, for use inside a character set."""
    return "".join(re.escape(c) for c in sorted({p[0] for p in phrases}))
