"""Small helpers shared by the extraction components to build patterns from tables."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first so that the most specific
    phrase wins ("shot down or suppressed" before "shot down").

    Python's ``re`` tries every branch in turn at every position, so the phrases are
    grouped by first character ("m(?:ayor|inister)|g(?:overnor)") and preceded by a
    lookahead on those characters: most positions are rejected by one character-set
    test, the rest by one test per group. Matches are unchanged: branches of different
    groups can never match at the same position, each group keeps the longest-first
    order, and the lookahead only restates what a match requires (it sits in the same
    flag context as the phrases, so it folds case the same way)."""
    phrases = sorted(set(words), key=len, reverse=True)
    flat = "|".join(re.escape(w) for w in phrases)
    if not phrases or "" in phrases:
        return flat
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0], []).append(phrase[1:])
    guard = f"(?=[{first_chars(phrases)}])"
    if len({c.casefold() for c in groups}) < len(groups):
        return f"{guard}(?:{flat})"  # "A…" and "a…" would compete under IGNORECASE: keep the order
    branches = "|".join(f"{re.escape(c)}(?:{'|'.join(re.escape(r) for r in rests)})" for c, rests in groups.items())
    return f"{guard}(?:{branches})"


def word_start_alternation(*lists: Iterable[str]) -> str:
    r"""What ``(?<![\w-])(?:{alternation(a)}|{alternation(b)}|...)`` matches (a phrase
    of the lists, the lists tried in turn, that no word character or hyphen precedes),
    written to start with a character set. For case-sensitive patterns only.

    ``re`` tries a pattern that starts with a lookbehind or a lookahead at every offset;
    one that starts with a character set is tried only at the characters of the set,
    which the engine skips to (as ``_BOUNDARY`` in doc.py): several times faster. So the
    set consumes the first character, the lookbehind follows it (``(?<![\w-].)``: no
    word character or hyphen before that character) and each group of phrases checks
    the first character with ``(?<=c)`` before its remainder. The match, its start
    and the order in which phrases are tried are unchanged."""
    branches: list[str] = []
    firsts: list[str] = []
    for words in lists:
        groups: dict[str, list[str]] = {}
        for phrase in sorted(set(words), key=len, reverse=True):
            groups.setdefault(phrase[0], []).append(phrase[1:])
        firsts += groups
        branches += [f"(?<={re.escape(c)})(?:{'|'.join(re.escape(r) for r in rests)})" for c, rests in groups.items()]
    return rf"[{first_chars(firsts)}](?<![\w-].)(?:{'|'.join(branches)})"


def literals(words: list[str]) -> tuple[str, ...]:
    """``words`` less those that contain another of them: a text holds one of the
    result exactly when it holds one of ``words``."""
    unique = sorted(set(words), key=lambda w: (len(w), w))
    kept: list[str] = []
    for w in unique:
        if not any(k in w for k in kept):
            kept.append(w)
    return tuple(kept)


def first_chars(phrases: Iterable[str]) -> str:
    """The escaped first characters of ``phrases``, for use inside a character set."""
    return "".join(re.escape(c) for c in sorted({p[0] for p in phrases}))


def search_tail(rx: re.Pattern[str], endings: tuple[str, ...], text: str) -> re.Match[str] | None:
    r"""``rx.search(text)`` for a pattern anchored at the end of ``text`` ("...\s+$")
    every match of which is one of ``endings`` followed by white space only.

    ``re`` has no backward search: ``search`` tries the pattern at every offset of
    ``text``. Text whose end, white space stripped, is none of ``endings`` cannot
    match, and one ``endswith`` says so (speed only)."""
    if not text.rstrip().endswith(endings):
        return None
    return rx.search(text)


class Hint:
    """Literal stems (lower case) whose presence marks a sentence worth reading with a
    component's slower patterns. Found with Aho-Corasick, about three times faster than
    the equivalent regex alternation.

    The stems of every Hint share one automaton (see :func:`_shared_hits`): one
    pass over a text finds the stems of all of them, where a pass per Hint costs about
    as much each (the cost is per character, not per hit). Hints with the same stems
    share one key."""

    __slots__ = ("words", "_key")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(sorted(set(words)))
        key = _HINT_KEYS.get(self.words)
        if key is None:
            key = _HINT_KEYS[self.words] = _NEXT_KEY[0]
            _NEXT_KEY[0] += 1
            _changed()
        _HINT_USERS[key] = _HINT_USERS.get(key, 0) + 1
        self._key = key

    def retire(self) -> None:
        """Say that this Hint will not be asked again (its maker replaced it). When no
        other Hint has its stems, they leave the shared automaton, which then no longer
        reports their occurrences to nobody."""
        users = _HINT_USERS[self._key] - 1
        if users:
            _HINT_USERS[self._key] = users
            return
        del _HINT_USERS[self._key]
        del _HINT_KEYS[self.words]
        _changed()

    def hits(self, lower: str) -> list[tuple[int, int]]:
        """(end offset, length) of every occurrence of a stem, as Aho-Corasick reports
        them (by end; at one end, longest first)."""
        return _shared_hits(lower).get(self._key, [])

    def starts(self, lower: str) -> list[int]:
        """Start offsets of every occurrence of a stem, in order."""
        return sorted({end - length + 1 for end, length in self.hits(lower)})

    def whole_words(self, lower: str, hyphen: bool = True) -> dict[int, int]:
        r"""Start -> length of the longest stem at each offset that stands as a whole
        word: neither preceded nor followed by a word character (Python's ``\w``:
        ``str.isalnum()`` or the underscore), nor, with ``hyphen``, by a hyphen. That is
        what ``(?<![\w-])(?:stems)(?![\w-])`` (or ``(?<!\w)(?:stems)(?!\w)``) accepts at
        each offset, the alternation trying the longest stem first."""
        size = len(lower)
        longest: dict[int, int] = {}
        for end, length in self.hits(lower):
            start = end - length + 1
            if start and word_char(lower[start - 1], hyphen):
                continue
            if end + 1 < size and word_char(lower[end + 1], hyphen):
                continue
            if length > longest.get(start, 0):
                longest[start] = length
        return longest

    def word_starts(self, lower: str) -> list[int]:
        """Start offsets of the whole-word occurrences (see :meth:`whole_words`), in order."""
        return sorted(self.whole_words(lower))


# The stems of every live Hint -> its key. Hints are module constants or made once by
# a cached table builder, so this changes at import and when a builder replaces its
# Hint (and in tests that make their own); _HINT_USERS counts the Hints per key.
_HINT_KEYS: dict[tuple[str, ...], int] = {}
_HINT_USERS: dict[int, int] = {}
_NEXT_KEY = [0]


def _changed() -> None:
    """The set of stems changed: the automaton and the cached passes are out of date."""
    _shared_automaton.cache_clear()
    _HITS.clear()


@lru_cache(maxsize=1)
def _shared_automaton() -> "ahocorasick.Automaton":
    """stem -> (length, keys of the Hints that hold it). Rebuilt when a Hint is made."""
    holders: dict[str, list[int]] = {}
    for words, key in _HINT_KEYS.items():
        for word in words:
            holders.setdefault(word, []).append(key)
    automaton = ahocorasick.Automaton()
    for word, keys in holders.items():
        automaton.add_word(word, (len(word), tuple(keys)))
    if holders:
        automaton.make_automaton()
    return automaton


# The passes of the last few texts (_shared_hits), oldest first. A plain dict instead of
# ``lru_cache``: compiled, a call through the ``lru_cache`` wrapper costs several times
# the dict look-up, and ``Hint.hits`` asks about twenty times an article (speed only).
_HITS: dict[str, defaultdict[int, list[tuple[int, int]]]] = {}
_HITS_KEPT = 4


def _shared_hits(lower: str) -> defaultdict[int, list[tuple[int, int]]]:
    """Hint key -> its hits in ``lower``, from one pass of the shared automaton. Cached
    for the last few texts: the components reading the same text share the pass."""
    found = _HITS.get(lower)
    if found is not None:
        return found
    found = defaultdict(list)
    automaton = _shared_automaton()
    if len(automaton):
        for end, (length, keys) in automaton.iter(lower):
            for key in keys:
                found[key].append((end, length))
    if len(_HITS) >= _HITS_KEPT:
        del _HITS[next(iter(_HITS))]
    _HITS[lower] = found
    return found


def word_char(c: str, hyphen: bool) -> bool:
    r"""``c`` matches ``\w`` (or ``[\w-]`` with ``hyphen``)."""
    return c.isalnum() or c == "_" or (hyphen and c == "-")
