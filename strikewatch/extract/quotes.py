"""Quotes and speakers.

People are registered where the text introduces them ("Kyiv Mayor Vitali Klitschko",
"Oleh Syniehubov, the head of the Kharkiv regional military administration"), then
found again by surname, by role ("the mayor") or by a known spelling variant
(resources/people.csv: Klychko -> Vitali Klitschko). Direct quotes are text in
quotation marks with a speech verb beside them; reported speech is a sentence whose
subject says something ("the governor said ..."), or "according to ..."."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz

from ..resources import load_csv, load_toml
from ._patterns import Hint, alternation, first_chars
from .doc import Doc
from .places import lookup


@dataclass(slots=True)
class Person:
    name: str
    role: str | None = None
    surnames: set[str] = field(default_factory=set)

    # Written out (what the dataclass would generate) so that mypyc compiles it: the
    # generated one runs interpreted, about 2,000 instructions a call (speed only).
    def __init__(self, name: str, role: str | None = None, surnames: set[str] | None = None) -> None:
        self.name = name
        self.role = role
        self.surnames = set() if surnames is None else surnames  # (a new set for each, as the factory gives)


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    role: str | None
    kind: str  # direct | reported
    start: int
    end: int
    is_person: bool = False

    # Written out (what the dataclass would generate) so that mypyc compiles it: the
    # generated one runs interpreted, about 2,000 instructions a call (speed only).
    def __init__(self, text: str, speaker: str | None, role: str | None, kind: str, start: int, end: int,
                 is_person: bool = False) -> None:
        self.text = text
        self.speaker = speaker
        self.role = role
        self.kind = kind
        self.start = start
        self.end = end
        self.is_person = is_person


# Letter runs in the name and subject patterns are possessive (``++``): what follows a
# run (a space, comma, colon or the end) can never match a letter given back from it,
# so backtracking into the run only wastes time. The matches are the same.
_NAME = r"[A-Z][a-zà-ÿ’'\-]++(?:\s+[A-Z][a-zà-ÿ’'\-]++){1,2}"
_QUOTE = re.compile(r"[“\"]([^“”\"]{12,1500}?)(?:[”\"]|(?=\n\s*\n))")
_QUOTE_MAX: Final = 1500
_NOT_NAME_WORDS: Final = frozenset(
    "The A An In On At Russian Ukrainian Russia Ukraine Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December Air Force State "
    "Emergency Service National Police Ministry Defence Defense Telegram Kremlin Army General Staff "
    "Regional City Military Administration Council Oblast Region President Mayor Governor Minister".split()
)


@dataclass(frozen=True, slots=True)
class _Tables:
    verbs: tuple[str, ...]
    verbs_rx: str
    roles: dict[str, str]
    role_rx: str
    orgs: dict[str, str]
    known: dict[str, tuple[str, str]]  # lower alias -> (name, role)
    one_word_aliases: dict[str, tuple[str, ...]]  # canonical name -> its one-word aliases
    # " " + each organisation / role phrase: one ``str.endswith`` call tells whether
    # any of them ends a subject before the tables are walked in order.
    org_suffixes: tuple[str, ...]
    role_suffixes: tuple[str, ...]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    t = load_toml("speakers.toml")
    # The scans below rely on this (a verb starts a word and is matched in the
    # lower-case text as in the original).
    if any(not re.fullmatch(r"[a-z]+(?: [a-z]+)*", verb) for verb in t["speech_verbs"]):
        raise ValueError("speakers.toml: speech_verbs must be lower-case words")
    roles = dict(t["roles"])
    known = {}
    for row in load_csv("people.csv"):
        known[row["alias"].lower()] = (row["name"], row["role"])
        known[row["name"].lower()] = (row["name"], row["role"])
    one_word: dict[str, list[str]] = {}
    for alias, (name, _) in known.items():
        if " " not in alias:
            one_word.setdefault(name, []).append(alias)
    return _Tables(
        tuple(sorted(set(t["speech_verbs"]))),
        alternation(t["speech_verbs"]),
        roles,
        alternation(roles),
        dict(t["organisations"]),
        known,
        {name: tuple(aliases) for name, aliases in one_word.items()},
        tuple(" " + phrase for phrase in t["organisations"]),
        tuple(" " + role for role in roles),
    )


def _led(pattern: str, first: str) -> re.Pattern[str]:
    """``pattern`` for ``search`` from position 1 on, tried only where the text holds one
    of the characters ``first`` (every character a match can start with there).

    A pattern that opens with ``^``, ``\\b`` or a lookaround gives ``re`` no first
    character to look for, so ``search`` runs the whole pattern at every position. This
    wrapper opens with a character set, which ``re`` scans for in a tight loop, then
    steps back over that character and runs ``pattern`` from it in a lookahead. The
    groups are those of ``pattern``'s match; the span is only its first character."""
    return re.compile(rf"[{first}](?<=(?=(?:{pattern}))[\s\S])")


# Keywords that can appear in a role (speakers.toml ``role_keywords``); people introduced
# with one are looked for only around them (found with ``str.find``, in this order for
# equal starts).
_ROLE_HINTS: Final[tuple[str, ...]] = tuple(load_toml("speakers.toml")["role_keywords"])


_ROLE_HINT: Final = Hint(_ROLE_HINTS)
_ROLE_RANK: Final[dict[str, int]] = {word: rank for rank, word in enumerate(_ROLE_HINTS)}


def _role_keyword_spans(lower: str) -> list[tuple[int, int]]:
    """``keyword_spans(lower, _ROLE_HINTS)`` (tests/extract/quotes_oracles.py: a ``str.find`` loop per keyword), from the shared Aho-Corasick pass (speed
    only: the pass is made for the other hints anyway, where each keyword cost a
    ``str.find`` scan over the whole text). The pass reports every occurrence of every
    keyword, overlapping ones too, by end: for one keyword in text order."""
    found: list[tuple[int, int, int]] = []
    for end, length in _ROLE_HINT.hits(lower):
        start = end - length + 1
        found.append((start, _ROLE_RANK[lower[start : end + 1]], end + 1))
    found.sort()
    spans: list[tuple[int, int]] = []
    stop = 0
    for start, _, end in found:
        if start >= stop:  # finditer resumes after the previous match
            spans.append((start, end))
            stop = end
    return spans


# Characters that re.IGNORECASE equates with an ASCII letter although ``str.lower``
# does not turn them into it (see the re docs on IGNORECASE). Where the text has none,
# a role matched case-insensitively in the text is the same role in ``doc.lower``.
_CASE_TRAPS: Final = ("\u0130", "\u0131", "\u017f")  # İ ı ſ


@lru_cache(maxsize=1)
def _roles_fast() -> bool:
    """Whether every role phrase is lower-case ASCII and contains a role keyword (where
    a phrase occurs, a keyword occurs): then role phrases are found in ``doc.lower``
    (:func:`_role_starts`) instead of by the case-insensitive pattern."""
    return all(phrase.isascii() and phrase == phrase.lower() and any(word in phrase for word in _ROLE_HINTS)
               for phrase in _tables().roles)


# Every role phrase (speakers.toml ``roles``) as a stem of the shared Aho-Corasick pass:
# where the phrases are lower-case ASCII (``_roles_fast``) its hits are
# where a role phrase starts in the lower-case text.
_ROLE_PHRASES: Final = Hint(load_toml("speakers.toml")["roles"])


def _role_starts(lower: str) -> list[int]:
    """Every offset at which a role phrase starts in ``lower`` (overlapping ones too), in
    order: a ``str.find`` loop per phrase would give them. Speed only: read from the
    shared pass, where they were found by ``str.startswith`` tests of every phrase
    containing each role keyword found, at that keyword."""
    return _ROLE_PHRASES.starts(lower)


def _intros(text: str, lo: int, hi: int, role_starts: list[int], role_first: re.Pattern[str],
            name_first: re.Pattern[str]) -> list[re.Match[str]]:
    """What ``intro.finditer(text, lo, hi)`` finds, with the groups of the branch that
    matched. ``intro`` tries at every position a role then a name (``role_first``)
    and a name then a role (``name_first``). A name starts at a capital, which the
    plain search of ``name_first`` skips to quickly; a role starts at one of
    ``role_starts``. So the leftmost match is whichever comes first, the role branch
    winning a tie as in ``intro``.

    Both branches hold a name, which starts with a match of ``_NAME_PAIR``: where none
    is left in the window nothing can match, and a name-first match starts no earlier
    than the first (speed only)."""
    out: list[re.Match[str]] = []  # a list, not a generator: cheaper once compiled
    pos = lo
    i = bisect_left(role_starts, lo)
    while True:
        pair = _NAME_PAIR.search(text, pos, hi)
        if pair is None:
            return out
        named = name_first.search(text, pair.start(), hi)
        limit = named.start() if named is not None else hi
        m = None
        while i < len(role_starts) and role_starts[i] <= limit:
            start = role_starts[i]
            i += 1  # a start that fails now fails later too (same text and end)
            if start >= pos:
                m = role_first.match(text, start, hi)
                if m is not None:
                    break
        m = m or named
        if m is None:
            return out
        out.append(m)
        pos = m.end()


@dataclass(slots=True)
class _Verbs:
    starts: list[int]  # every offset at which a speech verb starts a word
    spans: list[tuple[int, int]]  # the non-overlapping hits a finditer would give
    words: _WordsBefore | None = None  # the word before each of ``starts`` (see Speakers)

    # Written out (what the dataclass would generate) so that mypyc compiles it: the
    # generated one runs interpreted, about 2,000 instructions a call (speed only).
    def __init__(self, starts: list[int], spans: list[tuple[int, int]], words: _WordsBefore | None = None) -> None:
        self.starts = starts
        self.spans = spans
        self.words = words


@dataclass(slots=True)
class _WordsBefore:
    """The word before each speech verb (by its index in ``_Verbs.starts``), read once
    per text for the scans of :func:`_subject_reaches_verb`: where it starts (-1 if the
    verb follows no white space or only white space), and whether it can end a subject
    (a name word or one of ``_SUBJECT_HEADS``). A word is a run of non-space characters;
    the white space between it and the verb is its whole run."""
    starts: list[int]
    ends_subject: list[bool]
    name_word: list[bool]  # the word is a name word (``_NAME_WORD``)
    auxiliary: list[bool]  # the word is one of ``_AUXILIARIES``

    # Written out (what the dataclass would generate) so that mypyc compiles it: the
    # generated one runs interpreted, about 2,000 instructions a call (speed only).
    def __init__(self, starts: list[int], ends_subject: list[bool], name_word: list[bool], auxiliary: list[bool]) -> None:
        self.starts = starts
        self.ends_subject = ends_subject
        self.name_word = name_word
        self.auxiliary = auxiliary


def _words_before(text: str, verb_starts: list[int], offset: int) -> _WordsBefore:
    """:class:`_WordsBefore` for the verbs of ``text`` (``verb_starts``: offsets in a
    document in which ``text`` starts at ``offset``; verbs outside ``text`` get -1).
    Speed only: read once per verb, where the scans used to slice and split the text
    before each verb for each comma they were tried from."""
    size = len(text)
    starts: list[int] = []
    ends_subject: list[bool] = []
    name_word: list[bool] = []
    auxiliary: list[bool] = []
    for verb in verb_starts:
        at = verb - offset
        start = -1
        word = ""
        if 0 < at <= size and text[at - 1].isspace():
            # Usually one space, then a word of letters after a space: the word is the
            # run back to that space (``rfind``) when it is alphanumeric (no white space
            # is), where ``_last_word`` tests every character (speed only; the same word).
            end = at - 1
            while end > 0 and text[end - 1].isspace():
                end -= 1
            if end > 0:
                space = text.rfind(" ", 0, end)
                word = text[space + 1 : end]
                if word.isalnum():
                    start = space + 1
                else:
                    start, end = _last_word(text, 0, end)  # (found: text[end - 1] is no space)
                    word = text[start:end]
        if start < 0:
            starts.append(-1)
            ends_subject.append(False)
            name_word.append(False)
            auxiliary.append(False)
        else:
            starts.append(offset + start)
            named = "A" <= word[0] <= "Z" and _is_name_word(word)  # (most are lower case)
            kind = _HEAD_OR_AUXILIARY.get(word, 0)  # (one lookup for both sets)
            ends_subject.append(named or kind == 1)
            name_word.append(named)
            auxiliary.append(kind == 2)
    return _WordsBefore(starts, ends_subject, name_word, auxiliary)


def _last_word(text: str, lo: int, hi: int) -> tuple[int, int]:
    """(start, end) of the last run of non-space characters in ``text[lo:hi]`` (what
    ``text[lo:hi].split()[-1]`` is), or (-1, -1) if there is none."""
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo:
        return -1, -1
    start = end - 1
    while start > lo and not text[start - 1].isspace():
        start -= 1
    return start, end


def _is_name_word(word: str) -> bool:
    """``_NAME_WORD.fullmatch(word) is not None`` (a capital, then one or more of
    a-z, à-ÿ, ’, ' and -), without a regex call (speed only)."""
    if len(word) < 2 or not "A" <= word[0] <= "Z":
        return False
    for c in word[1:]:
        code = ord(c)
        if not (97 <= code <= 122 or 0xE0 <= code <= 0xFF or code == 0x2019 or code == 0x27 or code == 0x2D):
            return False
    return True


def _name_gate(text: str, words: _WordsBefore, i: int, lo: int, hi: int) -> bool:
    """``_name_may_end(text, lo, hi)`` for the window before verb ``i`` (which starts at
    ``hi``), read from the word before it (none: false) where that lies within the window
    and is no auxiliary (speed only)."""
    word = words.starts[i]
    if word < 0:
        return False
    if word >= lo and not words.auxiliary[i]:
        return words.name_word[i]
    return _name_may_end(text, lo, hi)


def _name_may_end(text: str, lo: int, hi: int) -> bool:
    """``may_end_name`` (tests/extract/quotes_oracles.py) without slicing and splitting the window (speed only)."""
    if hi <= lo or not text[hi - 1].isspace():
        return False
    start, end = _last_word(text, lo, hi)
    if start < 0:
        return False
    if text[start:end] in _AUXILIARIES:
        start, end = _last_word(text, lo, start)
        if start < 0:
            return False
    return _is_name_word(text[start:end])


@lru_cache(maxsize=1)
def _verb_hint() -> Hint:
    return Hint(_tables().verbs)


def _speech_verbs(lower: str) -> _Verbs:
    r"""Speech verbs of a lower-case text: what ``(?<!\w)(?:verbs)\b`` finds, and where
    (every verb ends with a letter, so ``\b`` after it means no word character)."""
    longest = _verb_hint().whole_words(lower, hyphen=False)
    starts = sorted(longest)
    spans: list[tuple[int, int]] = []
    stop = 0
    for start in starts:
        if start >= stop:  # finditer resumes after the previous match
            stop = start + longest[start]
            spans.append((start, stop))
    return _Verbs(starts, spans)


@lru_cache(maxsize=1)
def _register_patterns() -> tuple[re.Pattern[str], ...]:
    t = _tables()
    # The lookahead restates that a match starts with a role or a capital: one
    # character-set test instead of trying every role at every position.
    intro = re.compile(
        rf"(?=[A-Z]|(?i:[{first_chars(t.roles)}]))"
        rf"(?:(?:(?P<role1>(?i:{t.role_rx}))\s+(?P<n1>{_NAME}))"
        rf"|(?:(?P<n2>{_NAME}),\s+(?:the\s+|a\s+)?(?:[\w’'-]++\s+){{0,4}}?(?P<role2>(?i:{t.role_rx}))\b))"
    )
    name_before = re.compile(rf"(?P<n>{_NAME})\s+(?:has\s+|had\s+|also\s+)?$")
    role_first = re.compile(rf"(?P<role1>(?i:{t.role_rx}))\s+(?P<n1>{_NAME})")
    name_first = re.compile(rf"(?P<n2>{_NAME}),\s+(?:the\s+|a\s+)?(?:[\w’'-]++\s+){{0,4}}?(?P<role2>(?i:{t.role_rx}))\b")
    return intro, name_before, role_first, name_first


_AUXILIARIES: Final = frozenset(("has", "had", "also"))


class Speakers:
    """The people of one article and how to find them again."""

    def __init__(self, doc: Doc) -> None:
        self.people: list[Person] = []
        self._last: Person | None = None
        # Surnames known to be ASCII (``str.isascii``), filled by :meth:`add`: ``_names_any``
        # may skip them by an ``in`` test (one set lookup instead of ``isascii`` per
        # surname per subject; a surname missing here is only tested the slow way).
        self._ascii: set[str] = set()
        self.verbs = _speech_verbs(doc.lower)  # shared by the scans of quotes.py
        self.verbs.words = _words_before(doc.text, self.verbs.starts, 0)
        self._register(doc)

    def _register(self, doc: Doc) -> None:
        """People introduced with a role, and names right before a speech verb. Both
        scans start from cheap keyword hits and read a small window around each."""
        t = _tables()
        intro, name_before, role_first, name_first = _register_patterns()
        text = doc.text
        seen: set[int] = set()
        spans = _role_keyword_spans(doc.lower)
        fast = _roles_fast() and not any(trap in text for trap in _CASE_TRAPS)
        role_starts = _role_starts(doc.lower) if fast and spans else []
        for start, end in spans:
            lo, hi = max(0, start - 110), min(len(text), end + 60)
            found = _intros(text, lo, hi, role_starts, role_first, name_first) if fast else list(intro.finditer(text, lo, hi))
            for m in found:
                if m.start() in seen:
                    continue
                seen.add(m.start())
                groups = m.groupdict()
                name = _clean_name(groups.get("n1") or groups.get("n2"))
                role = (groups.get("role1") or groups.get("role2") or "").lower()
                if name:
                    self.add(name, t.roles.get(role, role))
        verb_starts = self.verbs.starts
        words = self.verbs.words
        if words is None:
            words = _words_before(text, verb_starts, 0)
        k = 0  # bisect_left(verb_starts, start), walked (the spans are in text order)
        count = len(verb_starts)
        for start, _ in self.verbs.spans:
            while k < count and verb_starts[k] < start:
                k += 1
            lo = start - 60 if start > 60 else 0
            if not _name_gate(text, words, k, lo, start):
                continue
            before = name_before.search(text, lo, start)
            if before:
                name = _clean_name(before.group("n"))
                if name:
                    self.add(name, None)

    def add(self, name: str, role: str | None) -> Person:
        canonical, known_role = _known(name)
        person = self.find_name(canonical)
        if person is None:
            person = Person(canonical, role or known_role, {canonical.split()[-1].lower()})
            person.surnames.update(_tables().one_word_aliases.get(canonical, ()))
            self.people.append(person)
            for surname in person.surnames:
                if surname.isascii():
                    self._ascii.add(surname)
        elif role and not person.role:
            person.role = role
        return person

    def find_name(self, name: str) -> Person | None:
        lower = name.lower()
        known = _tables().known.get(lower)
        if known:
            lower = known[0].lower()
        surname = lower.split()[-1]
        for p in self.people:
            if p.name.lower() == lower or surname in p.surnames:
                return p
            if fuzz.ratio(surname, p.name.lower().split()[-1]) >= 88:
                return p
        return None

    def nearest_before(self, text: str, offset: int) -> tuple[str | None, str | None, bool]:
        """The person named last before ``offset``: who "he said" refers to."""
        best: tuple[int, Person] | None = None
        window = text[max(0, offset - 600) : offset].lower()
        for person in self.people:
            for name in person.surnames:
                at = window.rfind(name)
                if at >= 0 and (best is None or at > best[0]):
                    best = (at, person)
        if best is None:
            return None, None, False
        return best[1].name, best[1].role, True

    def resolve(self, subject: str) -> tuple[str | None, str | None, bool]:
        """(speaker, role, is_person) for a subject phrase such as "the mayor"."""
        s, low, org, role, role_only = _parse_subject(subject)
        if low in ("he", "she"):
            return (self._last.name, self._last.role, True) if self._last else (None, None, False)
        if org is not None:
            return org, None, False
        if role_only:
            person = next((p for p in reversed(self.people) if p.role == role), None)
            if person:
                self._last = person
                return person.name, person.role, True
            return None, role, False
        low = s.lower()
        plain = not any(trap in s for trap in _CASE_TRAPS)
        for person in self.people:
            if _names_any(s, low, plain, person.surnames, self._ascii):
                self._last = person
                return person.name, person.role, True
        name_match = _last_name_run(s)
        if name_match:
            name = _clean_name(name_match)
            if name:
                known = " " not in name and name.lower() in _tables().known
                person = self.find_name(name) or (self.add(name, role) if " " in name or known else None)
                if person:
                    self._last = person
                    return person.name, person.role, True
        return None, None, False


def _names_any(subject: str, low: str, plain: bool, surnames: set[str], ascii_names: set[str] | None = None) -> bool:
    """``any(_word_rx(sn).search(subject) for sn in surnames)`` (speed only; surnames are
    lower case, see :meth:`Speakers.add`): an ASCII lower-case surname can match case-insensitively only where ``low`` (``subject.lower()``) holds
    it, unless ``subject`` holds one of ``_CASE_TRAPS`` (``plain`` is False then), so the
    pattern is run only where one ``in`` test cannot rule it out. ``ascii_names``:
    surnames known to be ASCII (see ``Speakers._ascii``; others are tested with
    ``isascii`` when not given, or run the pattern when given but not listed)."""
    for sn in surnames:
        if plain and sn not in low and (sn in ascii_names if ascii_names is not None else sn.isascii()):
            continue
        if _word_rx(sn).search(subject) is not None:
            return True
    return False


_ARTICLE: Final = re.compile(r"^(?:the|a|an)\s+")
_NAME_RX: Final = re.compile(_NAME)


@lru_cache(maxsize=4096)  # pure, and subjects repeat ("the mayor", "officials")
def _parse_subject(subject: str) -> tuple[str, str, str | None, str | None, bool]:
    """(trimmed subject, its lower case without an article, the organisation it names,
    the role it names, whether it names that role and no person)."""
    t = _tables()
    s = subject.strip().strip(",").strip()
    low = _ARTICLE.sub("", s.lower())
    if low in t.orgs or low.endswith(t.org_suffixes):
        for phrase, org in t.orgs.items():
            if low == phrase or low.endswith(" " + phrase):
                return s, low, org, None, False
    role = t.roles.get(low) or (next((r for k, r in t.roles.items() if low.endswith(" " + k)), None)
                                if low.endswith(t.role_suffixes) else None)
    return s, low, None, role, bool(role) and not _NAME_RX.search(s)


@lru_cache(maxsize=4096)
def _word_rx(word: str) -> re.Pattern[str]:
    """``word`` as a whole word, any case (one compiled pattern per surname)."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


@lru_cache(maxsize=4096)  # pure: the fuzzy scan over every alias runs once per spelling
def _known(name: str) -> tuple[str, str | None]:
    """A listed person's canonical name and role, also for near spellings (Terechow)."""
    known = _tables().known
    hit = known.get(name.lower())
    if hit:
        return hit
    if " " in name:
        for alias, entry in known.items():
            if " " in alias and fuzz.ratio(alias, name.lower()) >= 85:
                return entry
    return name, None


@lru_cache(maxsize=4096)  # pure (the gazetteer does not change)
def _last_name_run(subject: str) -> str | None:
    """The trailing run of capitalised words that are not roles or places: the name in
    "Kyiv Mayor Vitali Klitschko"."""
    words = subject.split()
    run: list[str] = []
    for word in reversed(words):
        clean = word.strip(",.:;")
        if not clean[:1].isupper() or clean in _NOT_NAME_WORDS or lookup(clean) is not None:
            break
        run.insert(0, clean)
    return _clean_name(" ".join(run[-3:])) if run else None


_ORG_WORDS: Final = frozenset(
    "Command Affairs Forces Force Ministry Service Services Council Administration Office Committee Agency "
    "Staff Department Police Army Navy Guard Operational Exterior Foreign Armed Defence Defense Media News "
    "Wire Press Center Centre Institute University Bureau Mission Commission Union Nations Group Company "
    "Energy Railways Authority Authorities Court Parliament Government Headquarters Directorate Region "
    "Oblast District Street Avenue Square Station Hospital Plant Port Bridge Airport".split()
)


@lru_cache(maxsize=4096)  # pure (the gazetteer does not change)
def _clean_name(name: str) -> str | None:
    """A person's name from a capitalised run, or None for organisations and places
    ("Poland's Operational Command", "Kryvyi Rih")."""
    words = [w.strip(",.:;") for w in name.split() if w not in _NOT_NAME_WORDS]
    if not words or any(w in _ORG_WORDS or w.endswith(("'s", "’s")) for w in words):
        return None
    joined = " ".join(words)
    if lookup(joined) is not None or (len(words) == 1 and lookup(words[0]) is not None):
        return None
    return joined


# The words a subject can end with besides a name ("the mayor", "officials", "he").
_SUBJECT_HEADS = (
    "mayor|governor|president|spokesman|spokeswoman|spokesperson|minister|police|service|services|force|"
    "administration|ministry|officials|rescuers|he|she|head|chief|commander|prosecutors|office|staff"
)
_SUBJECT = (
    r"(?P<subj>(?:(?:the|a)\s+)?(?:[A-Za-z’'\-]++\s+){0,6}?(?:[A-Z][a-zà-ÿ’'\-]++(?:\s+[A-Z][a-zà-ÿ’'\-]++){0,2}|"
    + _SUBJECT_HEADS + "))"
)
_SUBJECT_HEAD_SET: Final = frozenset(_SUBJECT_HEADS.split("|"))
# A word -> 1 if it is in _SUBJECT_HEAD_SET, 2 if in _AUXILIARIES (the sets do not meet).
if _SUBJECT_HEAD_SET & _AUXILIARIES:
    raise ValueError("quotes: a subject head word is also an auxiliary")
_HEAD_OR_AUXILIARY: Final[dict[str, int]] = {**{w: 1 for w in _SUBJECT_HEAD_SET}, **{w: 2 for w in _AUXILIARIES}}
# On the reversed text, from the verb back: its white space, then the word before it,
# marked ``ok`` if the whole word is a name word (``_NAME_WORD``) or a head word.
_NAME_WORD: Final = re.compile(r"[A-Z][a-zà-ÿ’'\-]+")


def _reported_branches() -> tuple[str, str, str]:
    """The three branches of ``reported``: a subject at the start or after a comma or
    semicolon, then a speech verb; a name (and a clause in commas), then a verb; a verb,
    then a name."""
    v = _tables().verbs_rx
    return (
        rf"(?:^|[,;]\s*){_SUBJECT}\s+(?:{v})(?:\s+(?:that|on\s+\w+))?\b",
        rf"(?P<named>{_NAME})(?:,[^,;]{{3,90}})?,?\s+(?:has\s+|had\s+|have\s+|also\s+)?(?:{v})\b",
        rf"\b(?:{v}),?\s+(?:(?:the\s+)?(?:[a-z’'\-]++\s+){{0,6}})?(?P<named2>{_NAME})",
    )


@lru_cache(maxsize=1)
def _attribution() -> tuple[re.Pattern[str], ...]:
    v = _tables().verbs_rx
    after_verb_first = re.compile(
        rf"^\s*[,.]?\s*(?:{v})\s+(?:(?:the\s+)?[^,\"“”.]{{0,70}},\s+(?P<named>{_NAME})(?=\s*[,.;])|{_SUBJECT})"
    )
    after_subject_first = re.compile(
        rf"^\s*[,.]?\s*(?:(?P<named>{_NAME})(?:,[^,;\"“”]{{3,90}})?,?|{_SUBJECT})\s+(?:has\s+|had\s+|also\s+)?(?:{v})\b"
    )
    before = re.compile(rf"(?:{_SUBJECT}\s+(?:{v})(?:\s+[\w’' ]{{0,30}}?)?\s*[,:]?|(?P<named>{_NAME}):)\s*$")
    reported = re.compile("|".join(_reported_branches()))
    according = re.compile(
        rf"[Aa]ccording\s+to\s+(?:the\s+)?[^.;,]{{0,100}},\s+(?P<named5>{_NAME})(?=\s*[,.;])"
        rf"|[Aa]ccording\s+to\s+{_SUBJECT}"
        rf"|(?:^|[-–—]\s+)(?:(?i:{_tables().role_rx})\s+)?(?P<named3>{_NAME}):\s"
        rf"|\bby\s+(?:the\s+)?(?:[\w’'-]++\s+){{0,8}}?(?P<named4>{_NAME})"
    )
    return after_verb_first, after_subject_first, before, reported, according


@lru_cache(maxsize=1)
def _led_according() -> re.Pattern[str]:
    """``according`` led by the characters its matches can start with after position 0:
    "A", "a", "b" or a dash (``reported`` is split by branch in :func:`_search_reported`)."""
    return _led(_attribution()[4].pattern, "Aab\\-–—")


def find_quotes(doc: Doc, speakers: Speakers) -> list[Quote]:
    quotes = _direct(doc, speakers)
    covered = [(q.start, q.end) for q in quotes]
    quotes += _reported(doc, speakers, covered)
    return sorted(quotes, key=lambda q: q.start)


def _direct(doc: Doc, speakers: Speakers) -> list[Quote]:
    after_v, after_s, before, _, _ = _attribution()
    verb_starts = speakers.verbs.starts
    text = doc.text
    out: list[Quote] = []
    for m_start, m_end, inner_start, inner_end in _quote_matches(text):
        inner = text[inner_start:inner_end].strip()
        if len(inner.split()) < 3:
            continue
        tail = text[m_end : m_end + 120].split("\n", 1)[0]
        hit = after_v.search(tail) or after_s.search(tail)
        if hit is None:
            head = text[max(0, m_start - 160) : m_start].rsplit("\n", 1)[-1]
            head_start = m_start - len(head)
            before_from = _before_start(head, verb_starts, head_start)
            if before_from is not None:
                hit = before.search(head, before_from)
        subject = (hit.groupdict().get("named") or hit.group("subj")) if hit else None
        if subject and subject.strip().lower() in ("he", "she"):
            speaker, role, is_person = speakers.nearest_before(text, m_start)
        else:
            speaker, role, is_person = speakers.resolve(subject) if subject else (None, None, False)
        if speaker is None and out and _continues(text, out[-1], m_start):
            speaker, role, is_person = out[-1].speaker, out[-1].role, out[-1].is_person
        out.append(Quote(inner, speaker, role, "direct", m_start, m_end, is_person))
    return out


def _quote_matches(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, start of group 1, end of group 1) of each match of
    ``_QUOTE.finditer(text)`` (speed only: ``str.find`` calls instead of the pattern's
    character tests).

    A match opens at a quote mark, takes at least 12 and at most 1500 characters that
    are no quote marks, and ends at the first point after the twelfth where a closing
    mark follows (taken) or a paragraph break does (not taken). No match opens there
    if the first quote mark after it is an opening one or comes too early, and no break
    comes before it."""
    out: list[tuple[int, int, int, int]] = []
    size = len(text)
    pos = 0
    while True:
        straight = text.find('"', pos)
        curly = text.find("“", pos)
        if straight < 0 and curly < 0:
            return out
        start = curly if straight < 0 or 0 <= curly < straight else straight
        inner = start + 1
        stop = _first_quote_mark(text, inner)  # the inner run cannot pass it
        end = -1
        if stop >= inner + 12:
            end = _paragraph_break(text, inner + 12, stop)
            if end < 0 and stop < size and text[stop] != "“":
                end = stop
        if end < 0 or end - inner > _QUOTE_MAX:
            pos = start + 1
            continue
        close = end + 1 if end < size and text[end] in "”\"" else end
        out.append((start, close, inner, end))
        pos = close


def _first_quote_mark(text: str, start: int) -> int:
    """The first of “ ” " at or after ``start``, or ``len(text)``."""
    stop = len(text)
    for mark in ('"', "“", "”"):
        at = text.find(mark, start, stop)
        if at >= 0:
            stop = at
    return stop


def _paragraph_break(text: str, start: int, stop: int) -> int:
    r"""The first offset in ``[start, stop)`` where ``\n\s*\n`` matches, or -1."""
    at = text.find("\n", start, stop)
    while at >= 0:
        if _PARAGRAPH.match(text, at) is not None:
            return at
        at = text.find("\n", at + 1, stop)
    return -1


_PARAGRAPH: Final = re.compile(r"\n\s*\n")


def _before_start(head: str, verb_starts: list[int], head_start: int) -> int | None:
    """Where a match of ``before`` can start in ``head`` at the earliest (None: nowhere);
    ``verb_starts`` are where speech verbs start in the document, ``head`` starting at
    ``head_start``. Speed only, like :func:`_before_from` (its first form) but tighter.

    A match is a subject (subject characters only, see ``_SUBJECT_RUN``), a speech verb
    and what may follow it up to the end of ``head`` (:func:`_before_tail`: a few words,
    a comma or colon, white space); or a name (the same characters) and the colon that
    ends ``head``. So it starts within the run of subject characters before a verb after
    which that tail matches, or before that colon. Most heads have no such verb (the
    speech verbs in them are followed by more text) and are not searched at all, where
    ``before`` tried every position from the first verb on."""
    tail = _before_tail()
    size = len(head)
    earliest = size
    for i in range(bisect_left(verb_starts, head_start), len(verb_starts)):
        at = verb_starts[i] - head_start
        if at >= size:
            break
        if tail.match(head, at) is not None:
            earliest = min(earliest, at - _letter_run_before(head, at))
    stripped = head.rstrip()
    if stripped.endswith(":"):
        colon = len(stripped) - 1
        earliest = min(earliest, colon - _letter_run_before(head, colon))
    return earliest if earliest < size else None


@lru_cache(maxsize=1)
def _before_tail() -> re.Pattern[str]:
    r"""What follows the subject and its white space in the first branch of ``before``,
    the outer ``\s*$`` included."""
    return re.compile(rf"(?:{_tables().verbs_rx})(?:\s+[\w’' ]{{0,30}}?)?\s*[,:]?\s*$")


def _before_from(head: str, first_verb: int | None) -> int | None:
    """Where a match of ``before`` can start in ``head`` at the earliest (None: nowhere).
    ``before`` tries every position, so starting late saves most of its time. A match
    is a subject (letters and spaces only) and a speech verb, the first of which is at
    ``first_verb``; or a name (letters and spaces) and the ":" that ends the head."""
    starts: list[int] = []
    if first_verb is not None:
        starts.append(first_verb - _letter_run_before(head, first_verb))
    stripped = head.rstrip()
    if stripped.endswith(":"):
        colon = len(stripped) - 1
        starts.append(colon - _letter_run_before(head, colon))
    return min(starts) if starts else None


# The characters of a subject or name in the attribution patterns (a superset).
_SUBJECT_RUN: Final = re.compile(r"[A-Za-zà-ÿ’'\-\s]*")


def _letter_run_before(text: str, at: int) -> int:
    """The length of the run of subject characters (letters, apostrophes, hyphens,
    spaces) that ends at ``at``."""
    run = _SUBJECT_RUN.match(text[at - 1 :: -1]) if at > 0 else None
    return run.end() if run else 0


def _continues(text: str, previous: Quote, start: int) -> bool:
    """A quote that opens a paragraph right after another quote's paragraph continues it."""
    between = text[previous.end : start]
    return "\n" in between and len(between.strip()) < 3


def _reported(doc: Doc, speakers: Speakers, covered: list[tuple[int, int]]) -> list[Quote]:
    verb_spans = speakers.verbs.spans
    verb_starts = speakers.verbs.starts
    words = speakers.verbs.words
    parts = _reported_parts()  # (fetched once per text, not per sentence)
    text = doc.text
    lower = doc.lower
    out: list[Quote] = []
    # Sentences are in text order and so are the verbs: walk both (speed only: the
    # first verb span at or after each sentence start, which ``bisect_left`` gave).
    j = 0
    count = len(verb_spans)
    first_verb = 0
    verb_count = len(verb_starts)
    for s_start, s_end in doc.sentences:
        while j < count and verb_spans[j][0] < s_start:
            j += 1
        if j == count:
            break  # no verb left: no later sentence holds one either
        if verb_spans[j][0] >= s_end:
            continue
        if covered and _overlaps_any(covered, s_start, s_end):
            continue
        while first_verb < verb_count and verb_starts[first_verb] < s_start:
            first_verb += 1  # bisect_left(verb_starts, s_start), walked
        sentence = text[s_start:s_end]
        speaker = role = None
        is_person = False
        # The matches of ``reported``, then of ``according``, until one names a speaker.
        # A name pair's second word starts with a capital (A-Z, which ``doc.lower``
        # turns into a-z at the same offset): where the sentence after its first
        # character equals its lower case, no pair starts (one slice comparison, where
        # ``_NAME_PAIR.search`` tests every character; speed only).
        if text[s_start + 1 : s_end] == lower[s_start + 1 : s_end]:
            name_at = -1
        else:
            pair = _NAME_PAIR.search(text, s_start, s_end)  # (as in ``sentence``: no anchors)
            name_at = pair.start() - s_start if pair is not None else -1
        m = _search_reported(sentence, verb_starts, s_start, words, name_at, parts, first_verb)
        if m is not None:
            subject = _subject_of(m)
            if subject:
                speaker, role, is_person = speakers.resolve(subject)
        if speaker is None:
            m = _search_according(sentence, name_at)
            if m is not None:
                subject = _subject_of(m)
                if subject:
                    speaker, role, is_person = speakers.resolve(subject)
        if speaker is None and role is None:
            continue
        out.append(Quote(sentence, speaker, role, "reported", s_start, s_end, is_person))
    return out


def _overlaps_any(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    """``any(a <= start < b or a < end <= b for a, b in covered)``, as a plain loop (no
    generator: cheaper once compiled)."""
    for a, b in covered:
        if a <= start < b or a < end <= b:
            return True
    return False


def _subject_of(m: re.Match[str]) -> str | None:
    """The subject an attribution match names (at most one of its groups is set)."""
    groups = m.groupdict()
    return (groups.get("named") or groups.get("named2") or groups.get("named3") or groups.get("named4")
            or groups.get("named5") or groups.get("subj"))


def _search_according(sentence: str, name_at: int) -> re.Match[str] | None:
    """``according.search(sentence)``, with its groups (speed only: every branch of
    ``according`` contains one of the literals tested first, and after position 0 a
    match starts with a character of :func:`_led_according`). ``name_at``: as for
    :func:`_search_reported`; only the branches that begin with "according" need no name."""
    if "ccording" in sentence or (name_at >= 0 and (":" in sentence or "by" in sentence)):
        according = _attribution()[4]
        return according.match(sentence) or _led_according().search(sentence, 1)
    return None


# ``_NAME``'s first two words, as far as the first letter of the second: every match of
# ``_NAME`` holds one from its start, so a sentence without one holds no name.
_NAME_PAIR: Final = re.compile(r"[A-Z][a-zà-ÿ’'\-]++\s+[A-Z][a-zà-ÿ’'\-]")
_UNKNOWN: Final = -2


_ReportedParts = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]


def _search_reported(sentence: str, verb_starts: list[int], offset: int,
                     words: _WordsBefore | None = None, name_at: int = _UNKNOWN,
                     parts: _ReportedParts | None = None, first_verb: int = -1) -> re.Match[str] | None:
    """A match with the groups of ``reported.search(sentence)`` (``verb_starts``: where
    speech verbs start, as offsets into the document; ``sentence`` starts at ``offset``).

    Speed only. ``reported`` has three branches, and after position 0 each can start on
    one kind of character only: the first (a subject, then a verb) at a comma or
    semicolon, the second (a name, then a verb) at a capital, the third (a verb, then a
    name) at a speech verb. So the leftmost match is found by trying each branch alone
    where it can start, in text order, the second by a led search; the groups are those
    of the branch that matches (``reported`` leaves the others unset). The first branch,
    the costly one, is tried only where a speech verb follows within the run of subject
    characters (:func:`_subject_reaches_verb`); the third carries a lookahead that a
    capital follows the verb across lower-case words (see :func:`_reported_parts`).

    ``words``: see :class:`_WordsBefore` (read from ``sentence`` if not given);
    ``name_at``: where ``_NAME_PAIR`` first matches in ``sentence`` (-1: nowhere; searched
    if not given). The second and third branches need a name, so a sentence without one
    (most) is tried with the first branch alone, at 0 and after its commas; and no name
    starts before ``name_at``. ``parts``: :func:`_reported_parts` (fetched if not given);
    ``first_verb``: ``bisect_left(verb_starts, offset)`` (found if not given)."""
    if parts is None:
        parts = _reported_parts()
    subject_verb, name_or_verb, led_name, verb_name, reported = parts
    if words is None:
        words = _words_before(sentence, verb_starts, offset)
    if name_at == _UNKNOWN:
        pair = _NAME_PAIR.search(sentence)
        name_at = pair.start() if pair is not None else -1
    # The first verb at or after the sentence start: the scans of the subject start there.
    if first_verb < 0:
        first_verb = bisect_left(verb_starts, offset)
    if name_at < 0:
        size = len(sentence)
        at = 0
        while at < size:
            if _subject_reaches_verb(sentence, at, verb_starts, offset, words, first_verb):
                m = subject_verb.match(sentence, at)
                if m is not None:
                    return m
            at = _next_comma(sentence, at + 1, size)
        return None
    first = reported if _subject_reaches_verb(sentence, 0, verb_starts, offset, words, first_verb) else name_or_verb
    m = first.match(sentence)
    if m is not None:
        return m
    named = led_name.search(sentence, max(1, name_at))
    limit = named.start() if named is not None else len(sentence)
    i = first_verb  # bisect_left(verb_starts, offset + 1), walked from it
    while i < len(verb_starts) and verb_starts[i] <= offset:
        i += 1
    comma = _next_comma(sentence, 1, limit)
    while True:
        verb = verb_starts[i] - offset if i < len(verb_starts) else limit
        if verb > limit:
            verb = limit
        if comma < verb:  # (never equal: a verb starts with a letter)
            if _subject_reaches_verb(sentence, comma, verb_starts, offset, words, first_verb):
                m = subject_verb.match(sentence, comma)
                if m is not None:
                    return m
            comma = _next_comma(sentence, comma + 1, limit)
        elif verb < limit:
            m = verb_name.match(sentence, verb)
            if m is not None:
                return m
            i += 1
        else:
            return named


@lru_cache(maxsize=1)
def _reported_parts() -> _ReportedParts:
    """The branches of ``reported`` for :func:`_search_reported`: the first alone, the
    second and third, the second led by a capital (see :func:`_led`), and the third
    behind a lookahead that restates what it needs: from the verb on, lower-case letters,
    apostrophes, hyphens, commas and spaces (the verb, "the", up to six lower-case words)
    up to the capital that starts the name. Most verbs are followed otherwise ("said."),
    and the lookahead rules them out before the verbs and word counts are tried. Last,
    ``reported`` itself (``_attribution()[3]``)."""
    subject_verb, name_verb, verb_name = _reported_branches()
    return (re.compile(subject_verb), re.compile(f"{name_verb}|{verb_name}"), _led(name_verb, "A-Z"),
            re.compile(rf"(?=[a-z’'\-,\s]*+[A-Z]){verb_name}"), _attribution()[3])


def _next_comma(sentence: str, start: int, limit: int) -> int:
    """The first "," or ";" in ``sentence[start:limit]``, or ``limit``."""
    comma = sentence.find(",", start, limit)
    semicolon = sentence.find(";", start, limit)
    if comma < 0:
        return semicolon if semicolon >= 0 else limit
    return comma if semicolon < 0 or comma < semicolon else semicolon


def _subject_reaches_verb(sentence: str, at: int, verb_starts: list[int], offset: int,
                          words: _WordsBefore, lo: int = 0) -> bool:
    """Whether the first branch of ``reported`` may match at ``at`` (0, or a comma or
    semicolon): its subject and the spaces after it are subject characters (see
    ``_SUBJECT_RUN``) from ``at`` (after the comma) up to a speech verb, which starts
    within their run; and the word before the spaces before the verb is a name word or
    one of ``_SUBJECT_HEADS`` (words are whole: the runs in ``_SUBJECT`` are possessive
    and end at white space).

    Speed only: what ``subject_reaches_verb_plain`` (tests/extract/quotes_oracles.py) gives, with the word before each
    verb read once per text (``words``, see :func:`_words_before`) instead of a slice and
    split of the sentence up to each verb for every comma. Only a word that begins before
    ``at`` (cut short by it here) is read again.

    ``lo``: an index of ``verb_starts`` no later than the first verb after ``at`` (the
    walk to it replaces ``bisect_right``; the callers pass the first verb of the
    sentence). The character tests replace ``startswith((",", ";"), at)`` (speed only)."""
    size = len(sentence)
    start = at
    if at < size:
        c = sentence[at]
        if c == "," or c == ";":
            start = at + 1
    begin = offset + start
    count = len(verb_starts)
    first = lo
    while first < count and verb_starts[first] <= begin:
        first += 1
    for i in range(first, count):
        verb = verb_starts[i] - offset
        if verb >= size:
            return False
        word = words.starts[i]
        if word < 0:
            continue
        if word >= begin:
            if not words.ends_subject[i]:
                continue
        else:
            # The subject ends with a name word or a head word, then white space.
            head = sentence[start:verb].rstrip()
            if not head:
                continue
            last = head.rsplit(None, 1)[-1]
            if last not in _SUBJECT_HEAD_SET and _NAME_WORD.fullmatch(last) is None:
                continue
        # The run up to this verb is also the run up to any later one.
        return _SUBJECT_RUN.fullmatch(sentence, start, verb) is not None
    return False
