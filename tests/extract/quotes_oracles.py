"""The plain forms of quotes.py's speed-only rewrites, as first written: the oracles
the hypothesis tests compare the rewrites with."""
from __future__ import annotations

from bisect import bisect_right

from strikewatch.extract.quotes import _AUXILIARIES, _NAME_WORD, _SUBJECT_HEAD_SET, _SUBJECT_RUN


def keyword_spans(lower: str, keywords: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans ``re.finditer("|".join(keywords), lower)`` would give, from one
    ``str.find`` loop per keyword (much faster than the regex scan over the text)."""
    found: list[tuple[int, int, int]] = []
    for rank, word in enumerate(keywords):
        at = lower.find(word)
        while at >= 0:
            found.append((at, rank, at + len(word)))
            at = lower.find(word, at + 1)
    found.sort()
    spans: list[tuple[int, int]] = []
    end = 0
    for start, _, stop in found:
        if start >= end:  # finditer resumes after the previous match
            spans.append((start, stop))
            end = stop
    return spans


def may_end_name(text: str, lo: int, hi: int) -> bool:
    r"""Whether ``name_before`` (a name, white space, maybe "has", "had" or "also" and
    white space, then the end) may match in ``text[lo:hi]``: that slice ends with white
    space, and its last word, or the one before if that is an auxiliary, is a name word.
    A name's last word is a whole word there (white space before and after it).

    Speed only: ``name_before.search`` tries every capital of the window; most speech
    verbs follow a lower-case word ("officials said") and are ruled out by this test."""
    if hi <= lo or not text[hi - 1].isspace():
        return False
    words = text[lo:hi].rsplit(None, 2)
    if not words:
        return False
    word = words[-1]
    if word in _AUXILIARIES:
        if len(words) < 2:
            return False
        word = words[-2]
    return _NAME_WORD.fullmatch(word) is not None


def subject_reaches_verb_plain(sentence: str, at: int, verb_starts: list[int], offset: int) -> bool:
    """``quotes._subject_reaches_verb`` as first written (reads every verb's word before,
    then the run up to the first verb that qualifies)."""
    start = at + 1 if sentence.startswith((",", ";"), at) else at
    for i in range(bisect_right(verb_starts, offset + start), len(verb_starts)):
        verb = verb_starts[i] - offset
        if verb >= len(sentence):
            return False
        head = sentence[start:verb]
        words = head.rstrip()
        if len(words) < len(head) and words:
            last = words.rsplit(None, 1)[-1]
            if last in _SUBJECT_HEAD_SET or _NAME_WORD.fullmatch(last) is not None:
                return _SUBJECT_RUN.fullmatch(sentence, start, verb) is not None
    return False
