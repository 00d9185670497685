"""Near-duplicate detection for wire copies: word shingles, bottom-k sketches, an index.

A report's text (or, when the report carries no text, its title, evidence strings and
quotes) is cut into word shingles; each shingle gets a 64-bit hash built from the CRC-32
of its words (deterministic across processes, unlike ``hash``) and the ``SKETCH_SIZE``
smallest hashes form its bottom-k sketch. Two sketches estimate the Jaccard similarity of the shingle sets.

Candidate pairs come from an index keyed by each report's smallest hashes (MinHash
with one hash function: two texts share their smallest shingle hash with probability
equal to their Jaccard index), so near-duplicates meet in a bucket without comparing
every pair of reports. Inside a bucket each member is compared with the
bucket's first member and with its neighbour in sketch order: linear in bucket size.
"""
from __future__ import annotations

import zlib

import numpy as np
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

SKETCH_SIZE = 64
SHINGLE_WORDS = 4
MAX_WORDS = 800  # only the first words are sketched: reprints share their ledes
BAND_KEYS = 8  # index keys per report: its smallest hashes
_MULTIPLIERS = tuple(np.uint64(m) for m in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                                              0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD))
_PUNCTUATION = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d\u2013\u2014\u00ab\u00bb\u2026"})

Sketch = tuple[int, ...]


def report_text(report: dict[str, Any]) -> str:
    """The text to compare: ``text`` when the report carries it, else the title, the
    evidence strings and the quotes (enough to recognise a reprint)."""
    text = report.get("text")
    if text:
        return f"{report.get('title') or ''}\n{text}"
    parts = [report.get("title") or ""]
    parts.extend(str(f.get("evidence") or "") for f in report.get("facts") or ())
    parts.extend(str(q.get("text") or "") for q in report.get("quotes") or ())
    return "\n".join(parts)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word shingles (for explanation and tests; ``sketch`` hashes them arithmetically)."""
    words = words_of(text)
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


_WORD_HASHES: dict[str, int] = {}
_MAX_CACHED_WORDS = 500_000


def _word_hashes(words: list[str]) -> list[int]:
    """CRC-32 of each word, through a bounded cache (news vocabulary repeats a lot)."""
    found = list(map(_WORD_HASHES.get, words))
    if None in found:
        if len(_WORD_HASHES) >= _MAX_CACHED_WORDS:
            _WORD_HASHES.clear()
        for i, value in enumerate(found):
            if value is None:
                found[i] = _WORD_HASHES[words[i]] = zlib.crc32(words[i].encode("utf-8"))
    return found  # type: ignore[return-value]


def words_of(text: str) -> list[str]:
    """Lower-cased words: punctuation becomes space (faster than a ``\\w+`` scan)."""
    return text.lower().translate(_PUNCTUATION).split()


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """The text's word-shingle hashes, sorted (may repeat): each word is hashed with
    CRC-32 and a shingle combines its words' hashes with fixed odd multipliers."""
    words = np.array(_word_hashes(words_of(text)[:MAX_WORDS]), dtype=np.uint64)
    if words.size == 0:
        return words
    if words.size < size:
        words = np.concatenate([words, np.zeros(size - words.size, dtype=np.uint64)])
    count = words.size - size + 1
    combined = words[:count] * _MULTIPLIERS[0]
    for offset in range(1, size):
        combined += words[offset : offset + count]
        combined *= _MULTIPLIERS[offset]
    combined.sort()
    return combined


def sketch(text: str, k: int = SKETCH_SIZE) -> Sketch:
    """Bottom-k sketch: the ``k`` smallest distinct shingle hashes of the text."""
    smallest = shingle_hashes(text)[: 2 * k].tolist()
    return tuple(sorted(set(smallest)))[:k]


def similarity(a: Sketch | frozenset[int], b: Sketch | frozenset[int]) -> float:
    """Resemblance of two sketches: the Jaccard index of their hash sets. It runs below
    the Jaccard index of the full shingle sets (edited reprints score 0.3-0.5, unrelated
    reports of one event under 0.1) but is cheap and monotone in it."""
    sa, sb = (x if isinstance(x, frozenset) else frozenset(x) for x in (a, b))
    if not sa or not sb:
        return 0.0
    both = len(sa & sb)
    return both / (len(sa) + len(sb) - both)


def band_keys(sk: Sketch, count: int = BAND_KEYS) -> Iterator[int]:
    """Index keys: the report's ``count`` smallest hashes (two reports with Jaccard J
    share their smallest one with probability J; eight keys catch edited reprints)."""
    return iter(sk[:count])


class SketchIndex:
    """Buckets of items that share a band key; ``candidate_pairs`` yields the pairs
    worth checking (each bucket member against the bucket's first member and its
    neighbour in sketch order)."""

    def __init__(self) -> None:
        self._buckets: dict[int, list[int]] = defaultdict(list)
        self._sketches: dict[int, Sketch] = {}
        self.sets: dict[int, frozenset[int]] = {}

    def add(self, item: int, sk: Sketch) -> None:
        self._sketches[item] = sk
        self.sets[item] = frozenset(sk)
        for key in band_keys(sk):
            self._buckets[key].append(item)

    def lookup(self, sk: Sketch) -> set[int]:
        """Items sharing at least one band key with ``sk``."""
        found: set[int] = set()
        for key in band_keys(sk):
            found.update(self._buckets.get(key, ()))
        return found

    def candidate_pairs(self) -> Iterator[tuple[int, int]]:
        for members in self._buckets.values():
            if len(members) > 1:
                yield from _bucket_pairs(members, self._sketches)


def _bucket_pairs(members: list[int], sketches: dict[int, Sketch]) -> Iterable[tuple[int, int]]:
    ordered = sorted(members, key=lambda m: (sketches[m], m))
    first = min(members)
    for prev, cur in zip(ordered, ordered[1:]):
        yield (prev, cur)
    for m in members:
        if m != first:
            yield (first, m)
