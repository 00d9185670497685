"""Near-duplicate detection for wire copies: word shingles, bottom-k sketches, buckets.

A report's text (or, when the report carries no text, its title, evidence strings and
quotes) is cut into 4-word shingles; each shingle gets a 64-bit hash built from the
CRC-32 of its words (deterministic across processes, unlike ``hash``), and the
``SKETCH_SIZE`` smallest distinct hashes form the report's bottom-k sketch.

Candidate pairs come from buckets keyed by each report's ``BAND_KEYS`` smallest hashes
(MinHash with one hash function: two texts share their smallest shingle hash with
probability equal to their Jaccard index), so near-duplicates meet without comparing
every pair of reports. Inside a bucket each member is compared with the bucket's first
member and with its neighbour in sketch order: linear in bucket size. Sketching and
bucketing run in numpy over whole batches of reports.

Grouping keeps each sketch packed (``packed_sketches``): its hashes as big-endian
64-bit words in one ``bytes`` object, about 5x smaller than a tuple of Python ints and
ordered exactly like the tuple (bytewise order of big-endian words is numeric order).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from itertools import accumulate, chain
from typing import Any

import numpy as np

SKETCH_SIZE = 64
SHINGLE_WORDS = 4
MAX_WORDS = 800  # only the first words are sketched: reprints share their ledes
CHUNK = 20_000  # texts per numpy batch in ``sketches`` (at most 2**(64 - HASH_BITS))
HASH_BITS = 44  # bits kept of each shingle hash
BAND_KEYS = 8  # index keys per report: its smallest hashes
_MULTIPLIERS = tuple(np.uint64(m) for m in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                                              0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD))
_PUNCTUATION_CHARS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d\u2013\u2014\u00ab\u00bb\u2026"
_PUNCTUATION = str.maketrans(dict.fromkeys(_PUNCTUATION_CHARS, " "))

Sketch = tuple[int, ...]
Packed = bytes  # a sketch as big-endian uint64 words (see ``packed_sketches``)
_BIG_ENDIAN = np.dtype(">u8")


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


# Texts that are ASCII once the typographic punctuation is blanked (most English news)
# take a bytes path: bytes.lower/translate/split do the same as the str methods on
# ASCII (``str.split`` also splits at \x1c-\x1f, so those become spaces too) at about
# a third of the cost, and CRC-32 of an ASCII word is the same either way: computing it
# directly is cheaper than a cache lookup. Other texts go through ``words_of``.
_ASCII_SPACES = "".join(c for c in _PUNCTUATION_CHARS if c.isascii()) + "\x1c\x1d\x1e\x1f"
_ASCII_PUNCTUATION = bytes.maketrans(_ASCII_SPACES.encode("ascii"), b" " * len(_ASCII_SPACES))
_WIDE_PUNCTUATION = tuple(c for c in _PUNCTUATION_CHARS if not c.isascii())


def _ascii_words(text: str) -> list[bytes] | None:
    """``words_of(text)`` as ASCII bytes, or None when the text has other characters."""
    if not text.isascii():
        for mark in _WIDE_PUNCTUATION:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            return None
    return text.encode("ascii").lower().translate(_ASCII_PUNCTUATION).split()


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """The text's distinct word-shingle hashes (``HASH_BITS`` bits), sorted."""
    found = _shingles_of([_words(text, size)], size)[0]
    return np.unique(found >> np.uint64(64 - HASH_BITS))


def _words(text: str, size: int) -> list[int]:
    """Word hashes of the text's first ``MAX_WORDS`` words, padded to one shingle."""
    ascii_words = _ascii_words(text)
    if ascii_words is not None:
        hashes = list(map(zlib.crc32, ascii_words[:MAX_WORDS]))
    else:
        hashes = _word_hashes(words_of(text)[:MAX_WORDS])
    if 0 < len(hashes) < size:
        hashes += [0] * (size - len(hashes))
    return hashes


def _shingles_of(word_lists: list[list[int]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """(hashes, owner) of every shingle of every text: a shingle combines its words'
    CRC-32 with fixed odd multipliers (wrapping 64-bit arithmetic)."""
    lengths = np.fromiter(map(len, word_lists), dtype=np.int64, count=len(word_lists))
    counts = np.maximum(lengths - size + 1, 0)
    flat = np.fromiter(chain.from_iterable(word_lists), dtype=np.uint64, count=int(lengths.sum()))
    owner = np.repeat(np.arange(len(word_lists)), counts)
    first_shingle = np.cumsum(counts) - counts
    pos = (np.cumsum(lengths) - lengths)[owner] + (np.arange(owner.size) - first_shingle[owner])
    combined = flat[pos] * _MULTIPLIERS[0]
    for offset in range(1, size):
        combined += flat[pos + offset]
        combined *= _MULTIPLIERS[offset]
    return combined, owner


def _bottom_k_flat(hashes: np.ndarray, owner: np.ndarray, n: int, k: int) -> tuple[np.ndarray, list[int]]:
    """Per text, the ``k`` smallest distinct hashes, all texts' in one array, and how
    many each text has (hashes are kept to ``HASH_BITS`` bits so that text and hash
    sort together as one 64-bit key)."""
    keys = (owner.astype(np.uint64) << np.uint64(HASH_BITS)) | (hashes >> np.uint64(64 - HASH_BITS))
    keys.sort()
    if keys.size:
        keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
    owner = (keys >> np.uint64(HASH_BITS)).astype(np.int64)
    per_owner = np.bincount(owner, minlength=n)
    rank = np.arange(owner.size) - np.repeat(np.cumsum(per_owner) - per_owner, per_owner)
    values = keys[rank < k] & np.uint64((1 << HASH_BITS) - 1)
    return values, np.minimum(per_owner, k).tolist()


def _bottom_k(hashes: np.ndarray, owner: np.ndarray, n: int, k: int) -> list[Sketch]:
    values, taken = _bottom_k_flat(hashes, owner, n, k)
    flat = values.tolist()
    return [tuple(flat[end - t : end]) for t, end in zip(taken, accumulate(taken))]


def _packed_bottom_k(hashes: np.ndarray, owner: np.ndarray, n: int, k: int) -> list[Packed]:
    values, taken = _bottom_k_flat(hashes, owner, n, k)
    buffer = values.astype(_BIG_ENDIAN).tobytes()
    return [buffer[8 * (end - t) : 8 * end] for t, end in zip(taken, accumulate(taken))]


def _chunked(texts: Sequence[str], k: int, size: int, bottom_k: Any) -> list[Any]:
    found: list[Any] = []
    for begin in range(0, len(texts), CHUNK):
        word_lists = [_words(t, size) for t in texts[begin : begin + CHUNK]]
        hashes, owner = _shingles_of(word_lists, size)
        del word_lists
        found.extend(bottom_k(hashes, owner, len(texts[begin : begin + CHUNK]), k))
    return found


def sketches(texts: Sequence[str], k: int = SKETCH_SIZE, size: int = SHINGLE_WORDS) -> list[Sketch]:
    """Bottom-k sketches (the ``k`` smallest distinct shingle hashes) of many texts,
    computed with numpy in chunks of ``CHUNK`` texts."""
    return _chunked(texts, k, size, _bottom_k)


def packed_sketches(texts: Sequence[str], k: int = SKETCH_SIZE, size: int = SHINGLE_WORDS) -> list[Packed]:
    """The same sketches packed: ``pack(sketch)`` of each (one ``bytes`` object each)."""
    return _chunked(texts, k, size, _packed_bottom_k)


def pack(sk: Sketch | Packed) -> Packed:
    """A sketch as big-endian uint64 words; ``pack(a) < pack(b)`` exactly when ``a < b``."""
    if isinstance(sk, bytes):
        return sk
    return np.asarray(sk, dtype=np.uint64).astype(_BIG_ENDIAN).tobytes()


def hash_set(sk: Sketch | Packed) -> frozenset[int]:
    """The sketch's hashes as a set. A packed sketch is read in native byte order: the
    numbers differ from the hashes but map one to one, so set sizes and overlaps (all
    that ``similarity`` needs) are the same."""
    if isinstance(sk, bytes):
        return frozenset(memoryview(sk).cast("Q").tolist())  # tolist: faster than iterating
    return frozenset(sk)


def sketch(text: str, k: int = SKETCH_SIZE) -> Sketch:
    """Bottom-k sketch of one text."""
    return sketches([text], k)[0]


def similarity(a: Sketch | Packed | frozenset[int], b: Sketch | Packed | frozenset[int]) -> float:
    """Resemblance of two sketches: the Jaccard index of their hash sets. It runs below
    the Jaccard index of the full shingle sets (edited reprints score 0.3-0.5, unrelated
    reports of one event under 0.1) but is cheap and monotone in it."""
    sa, sb = [x if isinstance(x, frozenset) else hash_set(x) for x in (a, b)]
    if not sa or not sb:
        return 0.0
    both = len(sa & sb)
    return both / (len(sa) + len(sb) - both)


def band_keys(sk: Sketch, count: int = BAND_KEYS) -> Iterator[int]:
    """Index keys: the report's ``count`` smallest hashes (two reports with Jaccard J
    share their smallest one with probability J; eight keys catch edited reprints)."""
    return iter(sk[:count])


def candidate_pairs(sks: Sequence[Sketch | Packed], keys: int = BAND_KEYS) -> Iterator[tuple[int, int]]:
    """Pairs of items worth comparing: items sharing one of their ``keys`` smallest
    hashes meet in a bucket (found by sorting all keys with numpy); in each bucket every
    member is paired with the bucket's first item and with its neighbour in sketch
    order, so the work stays linear in the bucket's size. Each pair once, as
    ``(smaller, larger)``."""
    for a, b in candidate_pair_array(sks, keys).tolist():
        yield a, b


def candidate_pair_array(sks: Sequence[Sketch | Packed], keys: int = BAND_KEYS) -> np.ndarray:
    """``candidate_pairs`` as an array of shape (pairs, 2), all in numpy."""
    packed = [pack(sk) for sk in sks]
    taken = [min(len(sk) // 8, keys) for sk in packed]
    flat = np.frombuffer(b"".join([sk[: 8 * keys] for sk in packed]), dtype=_BIG_ENDIAN)
    owner = np.repeat(np.arange(len(packed), dtype=np.int64), taken)
    order = np.lexsort((owner, flat))  # buckets of equal keys, members in index order
    flat, owner = flat[order], owner[order]
    starts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1]])
    sizes = np.diff(np.r_[starts, flat.size])
    bucket = np.repeat(np.arange(starts.size), sizes)
    shared = np.repeat(sizes > 1, sizes)
    owner, bucket = owner[shared], bucket[shared]  # members of buckets of two or more
    if not owner.size:
        return np.empty((0, 2), dtype=np.int64)
    # every member with its bucket's first (smallest) member
    is_first = np.r_[True, bucket[1:] != bucket[:-1]]
    first = owner[is_first][np.cumsum(is_first) - 1]
    with_first = np.column_stack((first, owner))[first != owner]
    # every member with its neighbour in sketch order (ties by index: Python's stable sort)
    members = np.unique(owner)
    rank = np.zeros(len(packed), dtype=np.int64)
    rank[sorted(members.tolist(), key=packed.__getitem__)] = np.arange(members.size)
    order = np.lexsort((rank[owner], bucket))
    owner, bucket = owner[order], bucket[order]
    same = bucket[1:] == bucket[:-1]
    neighbours = np.column_stack((owner[:-1][same], owner[1:][same]))
    pairs = np.sort(np.concatenate((with_first, neighbours)), axis=1)
    codes = np.unique(pairs[:, 0] * len(packed) + pairs[:, 1])
    return np.column_stack((codes // len(packed), codes % len(packed)))
