"""Damage by category: a sentence with a damage verb and a word naming what was hit."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Final

from ._patterns import Hint, word_char
from ..resources import load_toml
from .doc import Doc


@dataclass(slots=True)
class Damage:
    category: str
    evidence: str
    start: int
    end: int

    # Written out (what the dataclass would generate) so that mypyc compiles it: the
    # generated one runs interpreted, about 2,000 instructions a call (speed only).
    def __init__(self, category: str, evidence: str, start: int, end: int) -> None:
        self.category = category
        self.evidence = evidence
        self.start = start
        self.end = end


_TABLE = load_toml("damage.toml")
# category word -> its category
_WORD_CATEGORY: Final[dict[str, str]] = {w: cat for cat, words in _TABLE["categories"].items() for w in words}
_VERBS: Final = Hint(_TABLE["verbs"])
_WORDS: Final = Hint(list(_WORD_CATEGORY))


def find_damage(doc: Doc) -> list[Damage]:
    r"""One record per category per sentence that reports damage.

    The category words of a sentence are what their bounded alternation
    (``(?<![\w-])(?:alternation(words))(?![\w-])``, longest first) finds with
    ``finditer(doc.lower, start, end)``: the longest category word at each offset that stands as a
    whole word (``Hint.whole_words``), taken in order, each from the end of the last
    (finditer does not overlap matches: "plant" in "power plant" is not taken). No
    category word can reach across a sentence edge (they hold letters, hyphens and
    single spaces only; a sentence ends at a stop or a newline), so the whole-word
    occurrences of the document, read once from the shared Aho-Corasick pass, serve
    every sentence, where the pattern (which starts with a lookbehind) stepped through
    every offset of each sentence with a damage verb (speed only). Only the
    occurrences that end in a sentence with a damage verb are tested for whole words
    (:func:`_words_in`), as only those sentences are read."""
    out: list[Damage] = []
    if not doc.sentences:
        return out
    verb_starts = _VERBS.word_starts(doc.lower)
    if not verb_starts:
        return out
    lower, text = doc.lower, doc.text
    sentences = doc.sentences
    count = len(sentences)
    index = 0
    last = -1
    read: list[tuple[int, int]] = []  # the sentences with a verb, in order
    for offset in verb_starts:
        # doc.sentence_index(offset), walked (the verbs are in text order, and so are
        # the sentence starts): the last sentence starting at or before the verb, else
        # the first (speed only: no bisect per verb).
        while index + 1 < count and sentences[index + 1][0] <= offset:
            index += 1
        if index == last:
            continue
        last = index
        read.append(sentences[index])
    found = _words_in(lower, read)
    if not found:
        return out
    starts = sorted(found)
    for start, end in read:
        seen: set[str] = set()
        pos = start
        for i in range(bisect_left(starts, start), len(starts)):
            s = starts[i]
            if s >= end:
                break
            if s < pos:
                continue
            e = s + found[s]
            pos = e
            category = _WORD_CATEGORY[lower[s:e]]
            if category in seen:
                continue
            seen.add(category)
            out.append(Damage(category, text[s:e], s, e))
    return out


def _words_in(lower: str, read: list[tuple[int, int]]) -> dict[int, int]:
    """``_WORDS.whole_words(lower)`` for the occurrences that end within one of ``read``
    (sentences in text order, not overlapping): the pass reports occurrences by end,
    so one walk over both finds them (speed only: the whole-word test is the costly
    part, and most occurrences lie in sentences without a damage verb)."""
    size = len(lower)
    longest: dict[int, int] = {}
    k = 0
    sentences = len(read)
    for end, length in _WORDS.hits(lower):
        while k < sentences and read[k][1] <= end:
            k += 1
        if k == sentences:
            break
        if end < read[k][0]:
            continue
        start = end - length + 1
        if start and word_char(lower[start - 1], True):
            continue
        if end + 1 < size and word_char(lower[end + 1], True):
            continue
        if length > longest.get(start, 0):
            longest[start] = length
    return longest
