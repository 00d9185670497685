"""Killed and injured figures.

Patterns run over the document's shadow text, where every counted quantity is a run of
``SLOT`` characters: a pattern says where a number may stand ("N people were killed",
"killing N", "the death toll rose to N") and the quantity found there gives the range.
Ages, floors, years and other non-counts never become slots, so they cannot match.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ._patterns import Hint, alternation as _alt, literals, word_char, word_start_alternation
from ..resources import load_toml
from .doc import SLOT, SLOT_RUN, Doc, holds_any, slot_search


@dataclass(slots=True)
class CasualtyMention:
    kind: str  # killed | injured
    low: int | None
    high: int | None
    start: int
    end: int
    num_start: int
    group: str | None = None
    breakdown: bool = False
    update: bool = False
    increment: bool = False



@dataclass(frozen=True, slots=True)
class _Patterns:
    after: re.Pattern[str]
    after_slot: re.Pattern[str]  # the first branch of ``after`` ("N people were killed")
    after_labelled: re.Pattern[str]  # its second branch ("Dead - 2 persons")
    before: re.Pattern[str]
    toll: re.Pattern[str]
    singular: re.Pattern[str]
    breakdown: re.Pattern[str]
    zero: re.Pattern[str]
    killed_words: frozenset[str]
    groups: dict[str, str]
    update_verbs: frozenset[str]
    bodies: re.Pattern[str]
    toll_subjects: Hint  # every match of ``toll`` starts with one
    group_words: tuple[str, ...]  # every match of ``breakdown`` holds one (its group)
    group_hint: Hint  # the same words
    before_verbs: Hint  # every match of ``before`` starts with one
    breakdown_words: re.Pattern[str]  # the first branch of ``breakdown`` ("including N children")
    breakdown_slots: re.Pattern[str]  # its other two ("N of them were children", "N children were among the dead")
    singular_nouns: Hint  # the nouns of ``singular``: every match holds one, 1 to 4 words after its start


_N = rf"(?P<n>{SLOT}+)"
# Sentences without one of these stems hold no casualty figure; patterns skip them.
HINT = Hint(load_toml("casualty_terms.toml")["hints"])
_BODIES = Hint(["bodies"])  # in every match of the ``bodies`` pattern
_AUX = (r"(?:(?:were|was|have|has|had|are|is|been|being|got|reportedly|also|all|later|since|now|so\s+far|confirmed|initially"
        r"|officially|reported|feared|believed|thought|known|said|to\s+be|to\s+have)\s+){0,4}")
_CLAUSE = r"(?:\s*,[^,.;:]{1,60},)?"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    t = load_toml("casualty_terms.toml")
    kill_after, inj_after = _alt(t["killed_after"]), _alt(t["injured_after"])
    # up to two words before a people noun: "two port workers", "three young children"
    people = rf"(?:(?:{_alt(t['people_modifiers'])}|[a-z’'-]+)\s+){{0,2}}?(?:{_alt(t['people'])})"
    # "(?P<n>SLOT+)\s+...(?P<w>...)|(?P<label>dead|killed|deaths|injured|wounded|injured\s+persons)\s*[:–—-]\s*(?P<n4>SLOT+)",
    # written as word_start_alternation writes its phrases: one character set takes the
    # first character (SLOT or a label's first letter) and each branch checks it with a
    # lookbehind, so that ``re`` skips to those characters instead of trying both
    # branches at every offset (speed only). The quantity of the first branch starts
    # the match, and ``label`` holds the label without its first letter: see _after.
    after_counted = rf"\s+(?:(?P<noun>{people}){_CLAUSE}\s+|(?:further|more|other|additional)\s+)?{_AUX}(?P<w>{kill_after}|{inj_after})(?![\w-])"
    after_label = rf"(?P<label>(?<=d)(?:ead|eaths)|(?<=k)illed|(?<=i)(?:njured|njured\s+persons)|(?<=w)ounded)\s*[:–—-]\s*{_N.replace('<n>', '<n4>')}"
    after = re.compile(rf"[{SLOT}dkiw](?:(?<={SLOT}){SLOT}*{after_counted}|{after_label})")
    # its two branches apart, for _after_matches (speed only)
    after_slot = re.compile(rf"{SLOT_RUN}{after_counted}")
    after_labelled = re.compile(rf"[dkiw](?:{after_label})")
    before = re.compile(
        rf"(?P<w>{word_start_alternation(t['killed_before'], t['injured_before'])})\s+"
        rf"(?:(?:at\s+least|a\s+total\s+of|another|an\s+additional|a\s+further)\s+)?"
        rf"(?:{_N}|(?P<a>an?)\s+(?:[\w-]+\s+){{0,2}}?(?P<one>{_alt(t['singular']['nouns'])})\b)"
        rf"(?!\s*(?:of\s+the|of\s+them|percent|%))"
    )
    bodies = re.compile(rf"(?<![\w-])bodies\s+of\s+(?:(?:at\s+least|another|a\s+further)\s+)?{_N}(?:\s+(?:more\s+)?(?:people|persons|civilians|victims|residents))?")
    subjects = t["toll"]["killed_subjects"] + t["toll"]["injured_subjects"]
    toll = re.compile(
        rf"(?P<subj>{_alt(t['toll']['killed_subjects'])}|{_alt(t['toll']['injured_subjects'])})"
        rf"(?:\s+(?:from|in|of|after|following|caused\s+by)\s+[^.;{SLOT}]{{1,140}}?)?"
        rf"(?:\s+(?:has|had|have|later|now|then|since|subsequently|further|officially|also|reportedly|already))*"
        rf"(?:\s+(?P<v>{_alt(t['toll']['update_verbs'] + t['toll']['state_verbs'])})|(?=\s+to\s+{SLOT}))"
        rf"(?:\s+(?:the\s+)?(?:death\s+)?toll)?\s+(?:to\s+)?(?:at\s+least\s+)?{_N}"
    )
    singular = re.compile(
        rf"(?P<a>{word_start_alternation(['an', 'a', 'one', 'the'])})\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{_alt(t['singular']['nouns'])})"
        rf"(?:\s*,[^,.;]{{1,50}},)?\s+(?:(?:was|has\s+been|had\s+been|is|also|reportedly)\s+){{0,2}}"
        rf"(?:among\s+(?:the\s+|those\s+)?(?P<among>dead|killed|injured|wounded|hurt)|(?P<w>killed|died|dead|injured|wounded|hurt|hospitali[sz]ed))(?![\w-])"
    )
    groups = {k: v for k, v in t["groups"].items()}
    group_alt = _alt(list(groups))
    # "(?:(?:including|among\s+them|...)\s+(?P<n>SLOT+)...|(?P<n2>SLOT+)\s+of...|(?P<n3>SLOT+)\s+...)",
    # started with one character set for the first characters (i, a, o, SLOT) as
    # ``after`` is (speed only). The quantity of the second and third branches starts
    # the match (see _breakdowns).
    breakdown = re.compile(
        rf"[{SLOT}aio](?:(?:(?<=i)ncluding|(?<=a)(?:mong\s+them|mong\s+whom)|(?<=o)(?:f\s+them|f\s+whom|f\s+those))\s+{_N}\s+(?:(?:small|young)\s+)?(?P<g1>{group_alt})"
        rf"|(?<={SLOT}){SLOT}*\s+of\s+(?:them|whom|those)\s+(?:were\s+|are\s+)?(?P<g2>{group_alt})"
        rf"|(?<={SLOT}){SLOT}*\s+(?P<g3>{group_alt})\s+(?:were\s+|are\s+)?among\s+(?:the\s+|those\s+)?(?P<w>dead|killed|injured|wounded|victims|casualties))"
    )
    # its word-led branch and its quantity-led branches apart, for _breakdown_matches (speed only)
    breakdown_words = re.compile(
        rf"[aio](?:(?:(?<=i)ncluding|(?<=a)(?:mong\s+them|mong\s+whom)|(?<=o)(?:f\s+them|f\s+whom|f\s+those))\s+{_N}\s+(?:(?:small|young)\s+)?(?P<g1>{group_alt}))"
    )
    breakdown_slots = re.compile(
        rf"{SLOT_RUN}(?:\s+of\s+(?:them|whom|those)\s+(?:were\s+|are\s+)?(?P<g2>{group_alt})"
        rf"|\s+(?P<g3>{group_alt})\s+(?:were\s+|are\s+)?among\s+(?:the\s+|those\s+)?(?P<w>dead|killed|injured|wounded|victims|casualties))"
    )
    # "(?<![\w-])(?:(?:no\s+one|...)...|there\s+were...|without...)", written as
    # word_start_alternation writes it: the first letter by a set, the others after
    # a lookbehind on it, so that ``re`` skips to n, t and w (speed only).
    zero = re.compile(
        r"[ntw](?<![\w-].)(?:(?<=n)(?:o\s+one|obody|o-one|o\s+people|o\s+civilians|one)\s+(?:was|were|has\s+been|have\s+been)\s+(?P<w1>killed\s+or\s+injured|killed\s+or\s+wounded|injured\s+or\s+killed|killed|injured|hurt|wounded)"
        r"|(?<=t)here\s+were\s+no\s+(?P<w2>casualties|injuries|deaths|fatalities)|(?<=w)ithout\s+(?P<w3>casualties))"
    )
    killed_words = frozenset(t["killed_after"] + t["killed_before"] + ["dead", "killed", "died"])
    verbs = frozenset(t["toll"]["update_verbs"])
    return _Patterns(after, after_slot, after_labelled, before, toll, singular, breakdown, zero, killed_words, groups, verbs, bodies, Hint(subjects),
                     literals(list(groups)), Hint(literals(list(groups))), Hint(t["killed_before"] + t["injured_before"]),
                     breakdown_words, breakdown_slots, Hint(t["singular"]["nouns"]))


def _kind_of(word: str, killed_words: frozenset[str]) -> str:
    return "killed" if word in killed_words or word.startswith("kill") else "injured"


def find_casualties(doc: Doc) -> list[CasualtyMention]:
    """Every killed/injured figure in the document, in text order, one per quantity."""
    found: dict[int, CasualtyMention] = {}
    if not doc.windows(HINT):
        return []  # every pattern runs in these windows only, and _continuations extends what they found
    p = _patterns()
    _toll(doc, p, found)
    _bodies(doc, p, found)
    _after(doc, p, found)
    _before(doc, p, found)
    _breakdowns(doc, p, found)
    _singular(doc, p, found)
    _zero(doc, p, found)
    _continuations(doc, found)
    return sorted(found.values(), key=lambda m: m.start)


def _add(doc: Doc, found: dict[int, CasualtyMention], m: CasualtyMention) -> None:
    if m.num_start not in found:
        found[m.num_start] = m



def _bodies(doc: Doc, p: _Patterns, found: dict[int, CasualtyMention]) -> None:
    """"the bodies of five people were pulled from the rubble": five dead."""
    for m in doc.finditer(p.bodies, HINT, needs=SLOT, within=_BODIES):
        q = doc.quantity_at(m.start("n"))
        if q is not None:
            _add(doc, found, CasualtyMention("killed", q.low, q.high, m.start(), m.end(), q.start))


_LABEL_MARKS = ":–—-"  # every match of ``after_labelled`` holds one


def _after_matches(doc: Doc, p: _Patterns) -> list[re.Match[str]]:
    """The matches of ``doc.finditer(p.after, HINT, needs=SLOT)``, found by its two
    branches apart: a match of ``after`` at an offset is the match of its first branch
    there or else of its second, so at each step the next match is the leftmost of the
    next match of either branch (never at one offset: one starts with SLOT, the other
    with a letter) from the end of the last. The first branch then runs once per SLOT
    run (:func:`slot_search`) and the second only in windows holding one of the marks
    its matches hold, where ``after`` tried both at every d, i, k, w and SLOT (speed only)."""
    out: list[re.Match[str]] = []
    shadow = doc.shadow
    for start, end in doc.windows(HINT):
        if shadow.find(SLOT, start, end) >= 0:
            after_in(p, shadow, start, end, out)
    return out


def after_in(p: _Patterns, text: str, start: int, end: int, out: list[re.Match[str]]) -> None:
    """Appends the matches of ``p.after.finditer(text, start, end)`` to ``out`` (see _after_matches)."""
    _two_branches(p.after_slot, p.after_labelled, label_mark_before_slot(text, start, end), text, start, end, out)


def label_mark_before_slot(text: str, start: int, end: int) -> bool:
    r"""Whether ``text[start:end]`` holds one of ``_LABEL_MARKS`` followed by white space
    (``\s*``) and a SLOT, as every match of ``after_labelled`` does ("dead: 2"). Hyphens
    and dashes are common in windows that hold no such label; a window where the mark
    alone was required ran ``after_labelled`` at every d, i, k and w (speed only)."""
    for mark in _LABEL_MARKS:
        i = text.find(mark, start, end)
        while i >= 0:
            j = i + 1
            while j < end and text[j].isspace():
                j += 1
            if j < end and text[j] == SLOT:
                return True
            i = text.find(mark, i + 1, end)
    return False


def _two_branches(slot_led: re.Pattern[str], word_led: re.Pattern[str], words_may_match: bool,
                  text: str, start: int, end: int, out: list[re.Match[str]]) -> None:
    """Appends the matches of ``finditer(text, start, end)`` of a pattern made of the
    branches ``slot_led`` (which start with SLOT) and ``word_led`` (which never match
    where a SLOT-led one does): at each step the leftmost of the next match of either,
    from the end of the last. ``slot_led`` runs once per SLOT run (:func:`slot_search`);
    ``word_led`` not at all unless ``words_may_match``."""
    a = slot_search(slot_led, text, start, end)
    b = word_led.search(text, start, end) if words_may_match else None
    while True:
        if a is not None and (b is None or a.start() < b.start()):
            m = a
        elif b is not None:
            m = b
        else:
            return
        out.append(m)
        pos = m.end()
        if a is not None and a.start() < pos:
            a = slot_search(slot_led, text, pos, end)
        if b is not None and b.start() < pos:
            b = word_led.search(text, pos, end)


def _after(doc: Doc, p: _Patterns, found: dict[int, CasualtyMention]) -> None:
    for m in _after_matches(doc, p):
        if m.re is p.after_labelled:  # "Dead - 2 persons." (``label`` lacks the first letter)
            q = doc.quantity_at(m.start("n4"))
            if q is not None:
                kind = _kind_of(m.string[m.start() : m.end("label")].split()[0], p.killed_words)
                _add(doc, found, CasualtyMention(kind, q.low, q.high, m.start(), m.end(), q.start))
            continue
        q = doc.quantity_at(m.start())  # the quantity starts the match
        if q is None:
            continue
        noun = (m.group("noun") or "").strip()
        head = noun.split()[-1] if noun else ""
        increment = noun.startswith(("more ", "additional ", "further "))
        group = p.groups.get(head) or p.groups.get(noun)
        kind = _kind_of(m.group("w"), p.killed_words)
        _add(doc, found, CasualtyMention(kind, q.low, q.high, q.start, m.end(), q.start, group, increment=increment))


_AND_MORE = re.compile(rf"\s+(?:and|as\s+well\s+as)\s+(?:(?P<a>an?)\s+(?:[\w-]+\s+)?|(?P<n>{SLOT}+)\s+(?:other\s+|more\s+)?)"
                       r"(?:people|persons|adults|children|civilians|residents|others|men|women|man|woman|child|teenagers?|boys?|girls?)\b")


def _before_matches(doc: Doc, p: _Patterns) -> list[re.Match[str]]:
    """The matches of ``doc.finditer(p.before, HINT)``: see :func:`before_in`."""
    out: list[re.Match[str]] = []
    starts = p.before_verbs.starts(doc.lower)
    if starts:
        for start, end in doc.windows(HINT):
            before_in(p, doc.shadow, starts, start, end, out)
    return out


def before_in(p: _Patterns, text: str, starts: list[int], start: int, end: int, out: list[re.Match[str]]) -> None:
    """Appends the matches of ``p.before.finditer(text, start, end)`` to ``out``, given
    ``starts``, the sorted offsets of the verbs (``p.before_verbs``) in ``text`` as
    written in ``doc.lower`` (the shadow text differs only in quantities, where no
    verb stands).

    Every match starts with one of those verbs, so trying ``before`` at them alone, in
    order and from the end of the last match, finds what ``finditer`` finds, which tries
    it at every k, c, t, i, w and h (speed only). And only at those where
    :func:`figure_may_follow` holds."""
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    matches_at(p.before, text, [c for c in starts[lo:hi] if figure_may_follow(text, c, end)], start, end, out)


_AFTER_VERB = f"at{SLOT}"


def figure_may_follow(text: str, verb: int, end: int) -> bool:
    """Whether the first word after the one at ``verb`` (white space apart) starts with
    "a" or a SLOT, or with "t": after a verb of ``before`` comes white space and a
    quantity, "a"/"an", "at least", "a total of", "another", "an additional" or "a
    further", and its verbs of several words go on with "the" ("claimed the lives of").
    The verbs are letters and spaces, so a one-word verb ends at the first white space
    (speed only: "killed in", "injured by" and the like are not tried)."""
    k = verb
    while k < end and not text[k].isspace():
        k += 1
    if k == verb or k == end:
        return False
    while k < end and text[k].isspace():
        k += 1
    return k < end and text[k] in _AFTER_VERB


def matches_at(rx: re.Pattern[str], text: str, starts: list[int], start: int, end: int, out: list[re.Match[str]]) -> None:
    """Appends the matches of ``rx.finditer(text, start, end)`` to ``out``, for a pattern
    every match of which starts at one of ``starts`` (sorted): ``rx`` is tried there
    alone, in order, each from the end of the last match, as ``finditer`` goes on (speed
    only: ``finditer`` tries a pattern that starts with an alternation at every offset)."""
    pos = start
    for i in range(bisect_left(starts, start), len(starts)):
        c = starts[i]
        if c >= end:
            return
        if c < pos:
            continue
        m = rx.match(text, c, end)
        if m is not None:
            out.append(m)
            pos = m.end()


def _before(doc: Doc, p: _Patterns, found: dict[int, CasualtyMention]) -> None:
    for m in _before_matches(doc, p):
        if m.group("n"):
            q = doc.quantity_at(m.start("n"))
            if q is None:
                continue
            low, high, num_start = q.low, q.high, q.start
            tail = doc.shadow[m.end() : m.end() + 24]
            noun = re.match(r"\s+(?:(?:more|other|small|young)\s+)?([a-z]+)", tail)
            group = p.groups.get(noun.group(1)) if noun else None
            end = m.end() + (noun.end() if noun and (noun.group(1) in ("people", "civilians", "persons", "others", "residents", "adults") or group) else 0)
        else:  # "injuring a child"
            low = high = 1
            num_start, end, group = m.start("a"), m.end(), p.groups.get(m.group("one"))
        more = _AND_MORE.match(doc.shadow, end)
        if more:  # "injuring a child and two adults": one figure of three
            extra = 1 if more.group("a") else (doc.quantity_at(more.start("n")) or None)
            add = extra if isinstance(extra, int) else (extra.low if extra else None)
            if add is not None and low is not None:
                low, high, end, group = low + add, (high + add if high is not None else None), more.end(), None
        kind = _kind_of(m.group("w"), p.killed_words)
        _add(doc, found, CasualtyMention(kind, low, high, m.start(), end, num_start, group))


def _toll_matches(doc: Doc, p: _Patterns) -> list[re.Match[str]]:
    """``list(doc.finditer(p.toll, HINT, needs=SLOT, within=p.toll_subjects))``: every
    match starts with a subject (a stem of ``p.toll_subjects``, which the shadow text
    holds where ``doc.lower`` does), so ``toll`` is tried at their starts only
    (:func:`matches_at`; speed only)."""
    out: list[re.Match[str]] = []
    starts = p.toll_subjects.starts(doc.lower)
    if not starts:
        return out
    shadow = doc.shadow
    for start, end in doc.windows(HINT):
        if shadow.find(SLOT, start, end) >= 0:
            toll_in(p.toll, shadow, starts, start, end, out)
    return out


def toll_in(rx: re.Pattern[str], text: str, starts: list[int], start: int, end: int, out: list[re.Match[str]]) -> None:
    """``matches_at(rx, text, starts, start, end, out)`` for ``toll``, tried only at the
    subjects before whose first following quantity no "." or ";" stands. Nothing in a
    match of ``toll`` holds them or a SLOT before its figure (the words between its
    subject and figure are ``[^.;SLOT]``, white space and listed words), so its figure is
    the first SLOT after its start; without one no later subject matches either (speed
    only: "dead", "deaths" and "toll" stand in many sentences without a toll)."""
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    matches_at(rx, text, [c for c in starts[lo:hi] if _toll_may_start(text, c, end)], start, end, out)


def _toll_may_start(text: str, subject: int, end: int) -> bool:
    """A quantity (SLOT) follows ``subject`` before ``end``, with no "." or ";" between."""
    figure = text.find(SLOT, subject, end)
    return figure >= 0 and text.find(".", subject, figure) < 0 and text.find(";", subject, figure) < 0


def _toll(doc: Doc, p: _Patterns, found: dict[int, CasualtyMention]) -> None:
    for m in _toll_matches(doc, p):
        q = doc.quantity_at(m.start("n"))
        if q is None:
            continue
        subj = m.group("subj")
        kind = "injured" if subj.startswith(("number of injur", "number of the injur", "number of wound", "number of the wound", "number of people injured", "number of people wounded", "number of those injured", "number of victims", "number of casualties", "injur")) else "killed"
        update = m.group("v") in p.update_verbs or m.group("v") is None
        _add(doc, found, CasualtyMention(kind, q.low, q.high, m.start(), m.end(), q.start, update=update))


_BREAKDOWN_WORDS = ("including", "among", "them", "whom", "those")  # every match of ``breakdown_words`` holds one


def _breakdown_matches(doc: Doc, p: _Patterns) -> list[re.Match[str]]:
    """The matches of ``doc.finditer(p.breakdown, HINT, needs=SLOT, within=p.group_hint)``
    (windows without a group word hold none), found by its branches apart as
    :func:`_after_matches` finds ``after``'s: :func:`breakdown_in`."""
    out: list[re.Match[str]] = []
    shadow = doc.shadow
    for start, end in doc.windows(HINT):
        if shadow.find(SLOT, start, end) >= 0 and doc.holds_stem(p.group_hint, start, end):
            breakdown_in(p, shadow, start, end, out)
    return out


def breakdown_in(p: _Patterns, text: str, start: int, end: int, out: list[re.Match[str]]) -> None:
    """Appends the matches of ``p.breakdown.finditer(text, start, end)`` to ``out``: at
    each step the leftmost of the next match of its word-led branch and of its SLOT-led
    ones (never at one offset), from the end of the last. The SLOT-led ones run once
    per SLOT run (:func:`slot_search`), the word-led one only in windows holding one of
    ``_BREAKDOWN_WORDS``, where ``breakdown`` was tried at every a, i, o and SLOT
    (speed only)."""
    worded = holds_any(text, _BREAKDOWN_WORDS, start, end)
    _two_branches(p.breakdown_slots, p.breakdown_words, worded, text, start, end, out)


def _breakdowns(doc: Doc, p: _Patterns, found: dict[int, CasualtyMention]) -> None:
    for m in _breakdown_matches(doc, p):
        worded = m.re is p.breakdown_words
        # the quantity of the SLOT-led branches (g2, g3) starts the match
        q = doc.quantity_at(m.start("n") if worded else m.start())
        if q is None:
            continue
        gword = m.group("g1") if worded else (m.group("g2") or m.group("g3"))
        word = None if worded else m.group("w")
        if word:
            kind = _kind_of(word, p.killed_words) if word not in ("victims", "casualties") else None
        else:
            kind = None
        if kind is None:
            kind = _parent_kind(doc, found, q.start)
        if kind is None:
            continue
        found[q.start] = CasualtyMention(kind, q.low, q.high, m.start(), m.end(), q.start, p.groups[gword], breakdown=True)


def _parent_kind(doc: Doc, found: dict[int, CasualtyMention], offset: int) -> str | None:
    """The kind of the nearest figure before ``offset`` in the same sentence."""
    s_start, _ = doc.sentence_of(offset)
    best = None
    for m in found.values():
        if s_start <= m.num_start < offset and not m.breakdown and (best is None or m.num_start > best.num_start):
            best = m
    return best.kind if best else None


def _singular_matches(doc: Doc, p: _Patterns) -> list[re.Match[str]]:
    """The matches of ``doc.finditer(p.singular, HINT)``, ``singular`` tried only at the
    candidates of :func:`singular_starts` (:func:`matches_at`), where ``finditer`` tried
    it at every a, o and t of the windows (speed only)."""
    out: list[re.Match[str]] = []
    nouns = p.singular_nouns.starts(doc.lower)
    if not nouns:
        return out
    shadow = doc.shadow
    for start, end in doc.windows(HINT):
        starts = singular_starts(shadow, nouns, start, end)
        if starts:
            matches_at(p.singular, shadow, starts, start, end, out)
    return out


_ARTICLES = ("a", "an", "one", "the")  # the words a match of ``singular`` starts with


def singular_starts(text: str, nouns: list[int], start: int, end: int) -> list[int]:
    r"""The offsets in [start, end) where a match of ``singular`` may start, sorted:
    every whole word (a run of ``[\w-]``) "a", "an", "one" or "the" that stands one to
    four words before a noun of ``nouns`` (the sorted starts of its nouns in ``text``),
    the words separated by white space only. A match is such a word, white space, up
    to three words each followed by white space (``(?:[\w-]+\s+){0,3}?``), then its
    noun; read back from each noun, white space and a word at a time, those are the
    words met before anything else (speed only: the nouns are few)."""
    found: list[int] = []
    size = len(nouns)
    i = bisect_left(nouns, start)
    while i < size:
        n = nouns[i]
        i += 1
        if n >= end:
            break
        j = n
        for _ in range(4):
            k = j  # white space before j
            while k > start and text[k - 1].isspace():
                k -= 1
            if k == j:
                break
            j = k  # the word before it
            while j > start and word_char(text[j - 1], True):
                j -= 1
            if j == k:
                break
            if k - j <= 3 and text[j:k] in _ARTICLES:
                found.append(j)
    if len(found) > 1:
        found = sorted(set(found))
    return found


def _singular(doc: Doc, p: _Patterns, found: dict[int, CasualtyMention]) -> None:
    for m in _singular_matches(doc, p):
        if m.start() in found or m.group("a") == "one":
            continue
        kind = _kind_of(m.group("w") or m.group("among"), p.killed_words)
        group = p.groups.get(m.group("noun"))
        breakdown = m.group("among") is not None
        _add(doc, found, CasualtyMention(kind, 1, 1, m.start(), m.end(), m.start(), group, breakdown=breakdown))


_ZERO_WORDS = ("no", "without")  # every match of ``zero`` holds one ("none", "there were no")


def _zero(doc: Doc, p: _Patterns, found: dict[int, CasualtyMention]) -> None:
    for m in doc.finditer(p.zero, HINT, doc.lower, any_of=_ZERO_WORDS):
        word = m.group("w1") or m.group("w2") or m.group("w3")
        if word == "casualties" or " or " in word:
            kinds = ["killed", "injured"]
        else:
            kinds = ["killed" if word in ("killed", "deaths", "fatalities") else "injured"]
        for i, kind in enumerate(kinds):
            _add(doc, found, CasualtyMention(kind, 0, 0, m.start(), m.end(), m.start() + i))


_PART_OF = re.compile(r"\b(?:of which|of whom|including|among them|among whom)\b")
_CONT_BEFORE = re.compile(r"(?:,|;|\band|\bwhile|\bwith)\s+(?:another\s+|a\s+further\s+)?$")
_CONT_ENDINGS = (",", ";", "and", "while", "with", "another", "further")  # for search_tail
_CONT_AFTER = re.compile(r"\s+(?:(?:people|persons|others|civilians|residents)\s+)?(?:in|near|at|from)\s+(?:the\s+)?[A-ZА-ЯІЇЄҐ]")


def continues_before(text: str) -> bool:
    r"""``_CONT_BEFORE.search(text) is not None``, read from the end of ``text``: white
    space, before it "another" or "a further" (each after white space) or nothing, and
    before that a comma, a semicolon or "and", "while", "with" starting a word (``\b``:
    the start of ``text`` or no word character before it).

    ``re`` has no backward search: ``search`` tried the pattern at every offset of the
    24 characters, and most figures follow a comma (speed only)."""
    body = text.rstrip()
    if len(body) == len(text):
        return False
    if body.endswith("another"):
        head = body[:-7]
        core = head.rstrip()
        return len(core) < len(head) and _ends_with_connector(core)
    if body.endswith("further"):
        head = body[:-7]
        core = head.rstrip()
        if len(core) < len(head) and core.endswith("a"):
            head = core[:-1]
            core = head.rstrip()
            return len(core) < len(head) and _ends_with_connector(core)
        return False
    return _ends_with_connector(body)


def _ends_with_connector(text: str) -> bool:
    """``text`` ends with "," or ";" or with "and", "while" or "with" at a word start."""
    if text.endswith((",", ";")):
        return True
    for word in ("and", "while", "with"):
        if text.endswith(word):
            i = len(text) - len(word)
            return i == 0 or not word_char(text[i - 1], False)
    return False


def _continuations(doc: Doc, found: dict[int, CasualtyMention]) -> None:
    """"killed 3 people in Kharkiv and 2 in Sumy": the 2 inherits the kind before it."""
    if not found:
        return  # the kind comes from a figure found before (_parent_kind)
    lower = doc.lower
    for q in doc.numbers:
        if q.kind != "count" or q.start in found:
            continue
        # continues_before needs white space before the figure: most have none (speed only)
        if q.start == 0 or not lower[q.start - 1].isspace():
            continue
        if not continues_before(lower[max(0, q.start - 24) : q.start]):
            continue
        if not _CONT_AFTER.match(doc.text[q.end : q.end + 40]):
            continue
        kind = _parent_kind(doc, found, q.start)
        if kind is not None:
            s_start, _ = doc.sentence_of(q.start)
            part = bool(_PART_OF.search(doc.lower, s_start, q.start))  # "eight wounded, of which six in Odesa and two in Izmail"
            found[q.start] = CasualtyMention(kind, q.low, q.high, q.start, q.end, q.start, breakdown=part)
