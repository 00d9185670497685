"""Damage by category: a sentence with a damage verb and a word naming what was hit."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._patterns import Hint, alternation as _alt
from ..resources import load_toml
from .doc import Doc


@dataclass(slots=True)
class Damage:
    category: str
    evidence: str
    start: int
    end: int



@lru_cache(maxsize=1)
def _patterns() -> tuple[Hint, re.Pattern[str], dict[str, str]]:
    t = load_toml("damage.toml")
    word_category = {w: cat for cat, words in t["categories"].items() for w in words}
    verbs = Hint(t["verbs"])
    words = re.compile(rf"(?<![\w-])(?:{_alt(word_category)})(?![\w-])")
    return verbs, words, word_category


def find_damage(doc: Doc) -> list[Damage]:
    """One record per category per sentence that reports damage."""
    verbs, words, word_category = _patterns()
    out: list[Damage] = []
    if not doc.sentences:
        return out
    last = -1
    for offset in verbs.word_starts(doc.lower):  # one scan, then only the sentences hit
        index = doc.sentence_index(offset)
        if index == last:
            continue
        last = index
        start, end = doc.sentences[index]
        seen: set[str] = set()
        for m in words.finditer(doc.lower, start, end):
            category = word_category[m.group()]
            if category in seen:
                continue
            seen.add(category)
            out.append(Damage(category, doc.text[m.start() : m.end()], m.start(), m.end()))
    return out
