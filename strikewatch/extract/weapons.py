"""Weapon counts: launched, intercepted and hits, by category and model.

A count is a quantity followed by a weapon phrase ("310 Shahed-type attack drones",
"40 cruise and ballistic missiles"), or a quantity that refers back to one ("of which
280 were shot down", "29 of the 31 missiles"). The verb nearest to it in its clause
gives the role; a clause without a verb continues the one before ("launched 40 cruise
missiles, two guided air missiles and 310 drones")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._patterns import Hint, alternation as _alt, word_char
from ..resources import load_csv, load_toml
from .doc import SLOT, SLOT_RUN, Doc, holds_any, slot_matches


# Sentences without one of these hold no weapon count; patterns skip them.
HINT = Hint(load_toml("weapon_terms.toml")["hints"])


@dataclass(slots=True)
class WeaponMention:
    role: str  # launched | intercepted | hits
    category: str
    model: str | None
    low: int | None
    high: int | None
    start: int
    end: int
    num_start: int
    breakdown: bool = False
    derived: bool = False
    origin: str | None = None
    reference: bool = False  # the whole in "29 of the 31 missiles": said again, not a new clause


@dataclass(frozen=True, slots=True)
class _Alias:
    model: str | None
    category: str
    origin: str | None


@dataclass(frozen=True, slots=True)
class _Tables:
    aliases: dict[str, _Alias]
    alias_rx: re.Pattern[str]
    np_rx: re.Pattern[str]
    of_rx: re.Pattern[str]
    derived_rx: re.Pattern[str]
    derived_ref_rx: re.Pattern[str]
    bare_rx: re.Pattern[str]
    bare_firsts: tuple[str, ...]  # what may follow the white space after bare_rx's quantity (see _OF_FIRSTS)
    verb_rx: re.Pattern[str]
    verb_role: dict[str, str]
    break_rx: re.Pattern[str]
    modifier_categories: dict[str, str]
    modifier_rx: re.Pattern[str]
    families: dict[str, str]
    heads: dict[str, str]



@lru_cache(maxsize=1)
def _tables() -> _Tables:
    terms = load_toml("weapon_terms.toml")
    heads = dict(terms["heads"])
    aliases: dict[str, _Alias] = {}
    for row in load_csv("weapons.csv"):
        alias = row["alias"].strip().lower()
        if alias:
            aliases[alias] = _Alias(row.get("model") or None, row["category"], row.get("origin") or None)
    for head, category in heads.items():
        aliases.setdefault(head, _Alias(None, category, None))
    alias_alt = _alt(aliases)
    mods = _alt(terms["modifiers"] + list(terms["modifier_categories"]))
    alias_rx = re.compile(rf"(?<![\w-])(?:{alias_alt})(?:s|es|'s)?(?![\w])")
    word = rf"(?:{mods}|{alias_alt})(?:s|es|'s)?"
    np_tail = (
        rf"(?:[\s-]+{word})*?[\s-]+(?:{alias_alt})(?:s|es)?(?:[\s-]+(?:type|-type|attack|strike|kamikaze|{_alt(heads)}))*"
        rf"(?:\s+(?:and|or|and/or)\s+(?:{_alt(heads)}))?(?![\w-])"
    )
    np_rx = re.compile(rf"(?P<n>{SLOT_RUN})(?P<np>{np_tail})")
    of_rx = re.compile(rf"(?P<n>{SLOT_RUN})\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+)?(?P<m>{SLOT}+)(?P<np>{np_tail})")
    derived_ref_rx = re.compile(rf"all\s+but\s+(?P<k>{SLOT}+)\s+of\s+(?:the|these|those|its)(?P<np>{np_tail})")
    # "(?P<pre>all\s+but\s+(?P<k>SLOT+)|more\s+than\s+half|over\s+half|half|most|nearly\s+all|almost\s+all|all|a\s+third|two[\s-]thirds|a\s+quarter)..."
    # (tests/extract/test_speed_cw2_weapons.py), started with one character set for the
    # first letters, each branch then checking its letter with a lookbehind, so that ``re``
    # skips to those letters instead of trying the alternation at every offset. Branches
    # with one first letter keep their order, and no others can match at one offset
    # (speed only).
    derived_rx = re.compile(
        rf"(?P<pre>[ahmnot](?:(?<=a)(?:ll\s+but\s+(?P<k>{SLOT}+)|lmost\s+all|ll|\s+third|\s+quarter)|(?<=m)(?:ore\s+than\s+half|ost)"
        rf"|(?<=o)ver\s+half|(?<=h)alf|(?<=n)early\s+all|(?<=t)wo[\s-]thirds))"
        rf"\s+of\s+(?:the\s+|these\s+|those\s+|its\s+)?(?P<m>{SLOT}+)(?P<np>{np_tail})"
    )
    verb_role = {v: role for role in ("intercepted", "launched", "hits") for v in terms[role]}
    # Not written as word_start_alternation writes its phrases: with some fifteen first
    # letters, the lookbehind on each letter tried in turn at every candidate cost more
    # than this lookbehind at every offset of the short clause texts it reads (measured).
    verb_rx = re.compile(rf"(?<![\w-])(?:{_alt(verb_role)})(?![\w-])")
    bare_rx = re.compile(rf"(?P<n>{SLOT_RUN})(?:\s+(?:of\s+them|more|others|other\s+drones|other\s+missiles))?(?=\s+(?:(?:were|was|have\s+been|had\s+been|are|being)\s+)?[\"“'‘]?(?:{_alt(terms['intercepted'])})(?![\w-]))")
    # its optional words, its auxiliaries, a quote or an interception verb
    bare_firsts = ("of", "more", "other", "were", "was", "have", "had", "are", "being", '"', "“", "'", "‘",
                   *terms["intercepted"])
    # Where a clause ends: r";|,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|\bof which\b|\bof them\b|—|–|\(|\)"
    # (tests/extract/test_speed_cw.py), written to start with one character set: ``re`` tries a pattern that
    # starts with an alternation at every offset, this one only at those characters.
    # The branches then check which character it was, and "\b" before a word by
    # "(?<!\w.)" after its first letter (no word character before it). No two branches
    # match at one offset, so the order does not matter (speed only).
    break_rx = re.compile(r"[;,—–()abwo](?:(?<=[;,—–()])|(?<=a)(?<!\w.)nd\b|(?<=b)(?<!\w.)ut\b"
                          r"|(?<=w)(?<!\w.)(?:hile|hereas)\b|(?<=o)(?<!\w.)f (?:which|them)\b)")
    families = {c: fam for fam, cats in terms["families"].items() for c in cats}
    return _Tables(aliases, alias_rx, np_rx, of_rx, derived_rx, derived_ref_rx, bare_rx, bare_firsts, verb_rx, verb_role, break_rx,
                   dict(terms["modifier_categories"]),
                   re.compile(rf"(?<![\w-])(?:{_alt(terms['modifier_categories'])})(?![\w])"), families, heads)


def family(category: str) -> str:
    return _tables().families.get(category, "other")


def _classify(np: str, t: _Tables) -> tuple[str, str | None, str | None]:
    """(category, model, origin) of a weapon phrase."""
    categories: list[str] = []
    models: list[tuple[str, str | None]] = []
    head_cat = None
    head_families: set[str] = set()
    covered: list[tuple[int, int]] = []
    for m in t.alias_rx.finditer(np):
        surface = m.group()
        if surface.endswith("'s"):
            surface = surface[:-2]
        entry = t.aliases.get(surface) or t.aliases.get(surface.rstrip("s")) or t.aliases.get(surface[:-2])
        if entry is None:
            continue
        if entry.model:
            models.append((entry.model, entry.origin))
            categories.append(entry.category)
        elif surface in t.heads or surface.rstrip("s") in t.heads:
            head_cat = entry.category
            head_families.add(t.families.get(entry.category, "other"))
            continue
        else:
            categories.append(entry.category)
        covered.append((m.start(), m.end()))
    if not models:
        # "cruise and ballistic missiles": a modifier outside a matched name adds its category
        # (loops rather than generators, which compiled code builds an object for: speed only)
        for m in t.modifier_rx.finditer(np):
            at = m.start()
            inside = False
            for a, b in covered:
                if a <= at < b:
                    inside = True
                    break
            if not inside:
                categories.append(t.modifier_categories[m.group()])
    if {"drone", "missile"} <= head_families or head_cat == "mixed":
        return "mixed", None, None  # "550 drones and missiles", "96 targets"
    distinct = set(categories)
    if not distinct:
        category = head_cat or "missile"
    elif len(distinct) == 1:
        category = distinct.pop()
    elif _all_of_family(distinct, t.families, "missile"):
        category = "missile"
    elif _all_of_family(distinct, t.families, "drone"):
        category = "drone"
    else:
        category = head_cat or min(distinct)
    if head_cat == "decoy" or (category == "missile" and head_cat in ("drone", "decoy")):
        category = head_cat
    model_names = {m for m, _ in models}
    model = model_names.pop() if len(model_names) == 1 else None
    origin: str | None = None
    for _, o in models:
        if o:
            origin = o
            break
    return category, model, origin


def _all_of_family(categories: set[str], families: dict[str, str], name: str) -> bool:
    """``all(families.get(c) == name for c in categories)``."""
    for c in categories:
        if families.get(c) != name:
            return False
    return True


def _clause(doc: Doc, t: _Tables, start: int, end: int) -> tuple[str, str]:
    """Text of the clause before ``start`` and after ``end``, both within the sentence."""
    s_start, s_end = doc.sentence_of(start)
    before = doc.lower[s_start:start]
    before = before[last_break_end(before) :]
    after = doc.lower[end:s_end]
    return before, after[: first_break_start(after)]


# The breaks of ``break_rx``: its characters, and its words with a word boundary on both
# sides. Its matches never overlap (no break starts inside another), so ``finditer``
# finds one at every offset where it matches.
_BREAK_CHARS = ";,—–()"
_BREAK_WORDS = ("and", "but", "while", "whereas", "of which", "of them")


def _break_word_at(text: str, i: int, word: str) -> bool:
    r"""``word`` at ``text[i:]`` stands as ``break_rx`` takes it: no word character
    before it (``(?<!\w.)`` after its first letter) nor after it (``\b``)."""
    j = i + len(word)
    return (i == 0 or not word_char(text[i - 1], False)) and (j == len(text) or not word_char(text[j], False))


def last_break_end(text: str) -> int:
    """The end of the last match of ``break_rx`` in ``text`` (0 when none), found from
    the end with ``str.rfind``: the clause before a count. ``finditer`` tried the
    pattern at every a, b, o and w of the sentence before it (speed only)."""
    best, best_end = -1, 0
    for c in _BREAK_CHARS:
        i = text.rfind(c)
        if i > best:
            best, best_end = i, i + 1
    for word in _BREAK_WORDS:
        i = text.rfind(word)
        while i > best:
            if _break_word_at(text, i, word):
                best, best_end = i, i + len(word)
                break
            i = text.rfind(word, 0, i + len(word) - 1)
    return best_end


def first_break_start(text: str) -> int:
    """The start of the first match of ``break_rx`` in ``text`` (its length when none),
    found with ``str.find`` (speed only, as :func:`last_break_end`)."""
    best = len(text)
    for c in _BREAK_CHARS:
        i = text.find(c, 0, best)
        if i >= 0:
            best = i
    for word in _BREAK_WORDS:
        i = text.find(word, 0, best)
        while 0 <= i < best:
            if _break_word_at(text, i, word):
                best = i
                break
            i = text.find(word, i + 1, best)
    return best


def _role(doc: Doc, t: _Tables, start: int, end: int) -> str | None:
    before, after = _clause(doc, t, start, end)
    first = t.verb_rx.search(after)  # the first verb after: finditer's first match
    role_after = t.verb_role[first.group()] if first is not None else None
    if role_after == "intercepted" or role_after == "hits":
        return role_after
    role_before = None
    for m in t.verb_rx.finditer(before):
        role_before = t.verb_role[m.group()]
    if role_before is not None:
        return role_before
    return role_after


def find_weapons(doc: Doc, taken: set[int]) -> list[WeaponMention]:
    """Weapon counts; ``taken`` holds quantity starts already used as casualties."""
    if not doc.windows(HINT):
        return []  # every pattern runs in these windows only, and what the rest adds refers to what they found
    t = _tables()
    found: dict[int, WeaponMention] = {}
    _derived(doc, t, found, taken)
    _of_counts(doc, t, found, taken)
    _phrases(doc, t, found, taken)
    _derived_from_antecedent(doc, t, found, taken)
    _bare(doc, t, found, taken)
    _singular(doc, found)
    _none_intercepted(doc, found)
    mentions = sorted(found.values(), key=lambda w: w.num_start)
    _fill_roles(doc, t, mentions)
    _mark_breakdowns(doc, mentions)
    return mentions


_IMPRECISE = re.compile(r"(?:a handful of)$")


def imprecise(text: str, start: int, end: int) -> bool:
    """``_IMPRECISE.search(text, start, end) is not None``: the span ends with "a handful
    of", or with it and a newline (where ``$`` also matches). ``endswith`` instead of a
    regex call per count (speed only)."""
    if text.endswith("a handful of", start, end):
        return True
    return end > start and text[end - 1] == "\n" and text.endswith("a handful of", start, end - 1)


def _mention(doc: Doc, t: _Tables, n_start: int, np_start: int, np_end: int, start: int | None = None) -> WeaponMention | None:
    q = doc.quantity_at(n_start)
    if q is None or imprecise(doc.lower, q.start, q.end):
        return None
    category, model, origin = _classify(doc.lower[np_start:np_end], t)
    return WeaponMention("", category, model, q.low, q.high, start if start is not None else q.start, np_end, q.start, origin=origin)


def _slot_matches(doc: Doc, rx: re.Pattern[str], firsts: tuple[str, ...] = ()) -> list[re.Match[str]]:
    """``doc.finditer(rx, HINT, needs=SLOT)`` for the patterns that start with a quantity
    (np_rx, of_rx, bare_rx): see doc.slot_matches (speed only). With ``firsts``, see
    :func:`slot_matches_before`."""
    out: list[re.Match[str]] = []
    for start, end in doc.windows(HINT):
        if firsts:
            slot_matches_before(rx, firsts, doc.shadow, start, end, out)
        else:
            out += slot_matches(rx, doc.shadow, start, end)
    return out


def slot_matches_before(rx: re.Pattern[str], firsts: tuple[str, ...], text: str, start: int, end: int,
                        out: list[re.Match[str]]) -> None:
    r"""Appends ``slot_matches(rx, text, start, end)`` to ``out`` for a pattern whose
    every match is a SLOT run, white space (``\s+``), then one of ``firsts``: ``rx``
    is tried only at the runs so followed (one ``startswith``), not at every run
    (speed only; most runs are followed by a weapon noun, which neither of_rx nor
    bare_rx can take)."""
    pos = start
    while True:
        p = text.find(SLOT, pos, end)
        if p < 0:
            return
        q = p + 1
        while q < end and text[q] == SLOT:
            q += 1
        k = q
        while k < end and text[k].isspace():
            k += 1
        if k > q and text.startswith(firsts, k, end):
            m = rx.match(text, p, end)
            if m is not None:
                out.append(m)
                pos = m.end()
                continue
        pos = q


# every match of ``derived_rx`` holds one ("all but", "more than half", "two-thirds"...)
_DERIVED_WORDS = ("all", "half", "most", "third", "quarter")
_DERIVED_REF_WORDS = ("all",)  # every match of ``derived_ref_rx`` starts with "all but"


# What may follow the white space after the quantity of a match of ``of_rx`` ("N of the
# M ...", "N out of M ..."); for ``bare_rx`` ("N of them were", "N more", "N were shot
# down") see ``_Tables.bare_firsts``.
_OF_FIRSTS = ("of", "out")


def _phrases(doc: Doc, t: _Tables, found: dict[int, WeaponMention], taken: set[int]) -> None:
    for m in _slot_matches(doc, t.np_rx):
        if m.start("n") in taken or m.start("n") in found:
            continue
        w = _mention(doc, t, m.start("n"), m.start("np"), m.end("np"))
        if w:
            found[w.num_start] = w


def _of_counts(doc: Doc, t: _Tables, found: dict[int, WeaponMention], taken: set[int]) -> None:
    """"29 of the 31 missiles were shot down": 29 takes the verb, 31 was launched."""
    for m in _slot_matches(doc, t.of_rx, _OF_FIRSTS):
        if m.start("n") in taken:
            continue
        part = _mention(doc, t, m.start("n"), m.start("np"), m.end("np"))
        whole = _mention(doc, t, m.start("m"), m.start("np"), m.end("np"))
        if part and whole:
            whole.role, whole.reference = "launched", True
            found.setdefault(part.num_start, part)
            found.setdefault(whole.num_start, whole)


def _derived_matches(doc: Doc, t: _Tables) -> list[re.Match[str]]:
    """``doc.finditer(t.derived_rx, HINT, needs=SLOT, any_of=_DERIVED_WORDS)``, in the
    windows where :func:`of_before_slot` also holds (speed only)."""
    out: list[re.Match[str]] = []
    shadow = doc.shadow
    for start, end in doc.windows(HINT):
        if holds_any(shadow, _DERIVED_WORDS, start, end) and of_before_slot(shadow, start, end):
            out += t.derived_rx.finditer(shadow, start, end)
    return out


_OF_DETERMINERS = ("of", "the", "these", "those", "its")


def of_before_slot(text: str, start: int, end: int) -> bool:
    r"""Whether a SLOT run in ``text[start:end]`` follows white space after "of" or
    after one of the determiners that may stand between them, as the total of every
    match of ``derived_rx`` does (``\s+of\s+(?:the\s+|these\s+|those\s+|its\s+)?SLOT+``):
    a window without one is not searched (speed only: "all" stands in many words)."""
    p = text.find(SLOT, start, end)
    while p >= 0:
        k = p
        while k > start and text[k - 1].isspace():
            k -= 1
        if k < p and text.endswith(_OF_DETERMINERS, start, k):
            return True
        p += 1
        while p < end and text[p] == SLOT:
            p += 1
        p = text.find(SLOT, p, end)
    return False


def _derived(doc: Doc, t: _Tables, found: dict[int, WeaponMention], taken: set[int]) -> None:
    """"all but two of the 31 missiles" -> 29; "more than half of the 318 drones" -> 160..318."""
    for m in _derived_matches(doc, t):
        whole = _mention(doc, t, m.start("m"), m.start("np"), m.end("np"))
        if whole is None or whole.low is None or whole.low != whole.high:
            continue
        total = whole.low
        pre = m.group("pre")
        low, high = _derived_range(pre, total, doc.quantity_at(m.start("k")) if m.group("k") else None)
        if low is None and high is None:
            continue
        whole.role, whole.reference = "launched", True
        found.setdefault(whole.num_start, whole)
        part = WeaponMention("", whole.category, whole.model, low, high, m.start(), m.end("np"), m.start(), derived=True)
        found[m.start()] = part
        if m.group("k"):
            taken.add(m.start("k"))


def _derived_from_antecedent(doc: Doc, t: _Tables, found: dict[int, WeaponMention], taken: set[int]) -> None:
    """"launched ... 31 missiles ... shot down all but two of the missiles" -> 29."""
    for m in doc.finditer(t.derived_ref_rx, HINT, needs=SLOT, any_of=_DERIVED_REF_WORDS):
        found.pop(m.start("k"), None)
        k = doc.quantity_at(m.start("k"))
        category, model, _ = _classify(doc.lower[m.start("np") : m.end("np")], t)
        whole = _antecedent(doc, {p: w for p, w in found.items() if family(w.category) == family(category)}, m.start())
        if k is None or k.low is None or whole is None or whole.low is None or whole.low != whole.high or k.low != k.high:
            continue
        value = whole.low - k.low
        found[m.start()] = WeaponMention("", whole.category, whole.model, value, value, m.start(), m.end("np"), m.start(), derived=True)
        taken.add(m.start("k"))


def _derived_range(pre: str, total: int, k) -> tuple[int | None, int | None]:
    pre = re.sub(r"\s+", " ", pre)
    if pre.startswith("all but"):
        if k is None or k.low != k.high or k.low is None:
            return None, None
        return total - k.low, total - k.low
    table = {
        "more than half": (total // 2 + 1, total), "over half": (total // 2 + 1, total),
        "half": (total // 2, total - total // 2), "most": (total // 2 + 1, total),
        "nearly all": (round(total * 0.9), total - 1), "almost all": (round(total * 0.9), total - 1),
        "all": (total, total), "a third": (total // 3, -(-total // 3)),
        "two thirds": (2 * total // 3, -(-2 * total // 3)), "two-thirds": (2 * total // 3, -(-2 * total // 3)),
        "a quarter": (total // 4, -(-total // 4)),
    }
    return table.get(pre, (None, None))


_VERB_BEFORE = re.compile(r"(?:shot down|destroyed|intercepted|neutrali[sz]ed|downed|suppressed)\s+(?:(?:at least|another|a further)\s+)?$")
_VERB_ENDINGS = ("shot down", "destroyed", "intercepted", "neutralised", "neutralized", "downed", "suppressed",
                 "at least", "another", "a further")  # for search_tail


def verb_before(text: str, offset: int) -> bool:
    """``search_tail(_VERB_BEFORE, _VERB_ENDINGS, text[max(0, offset - 40) : offset])``
    is a match, without the slice for the many counts that are not preceded by white
    space and one of ``_VERB_ENDINGS`` (speed only)."""
    lo = max(0, offset - 40)
    k = offset
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == offset or not text.endswith(_VERB_ENDINGS, lo, k):
        return False
    return _VERB_BEFORE.search(text, lo, offset) is not None


def _bare(doc: Doc, t: _Tables, found: dict[int, WeaponMention], taken: set[int]) -> None:
    """"of which 280 were shot down": a count with an interception verb and no noun
    refers to the nearest weapon phrase before it (same or previous sentence)."""
    for m in _slot_matches(doc, t.bare_rx, t.bare_firsts):
        n = m.start("n")
        if n in taken or n in found:
            continue
        antecedent = _named_before(doc, t, n) or _antecedent(doc, found, n)
        q = doc.quantity_at(n)
        if antecedent is None or q is None:
            continue
        found[n] = WeaponMention("intercepted", antecedent.category, antecedent.model, q.low, q.high, q.start, m.end(), q.start)
    if not found:
        return  # a count found below refers to an antecedent among them
    lower = doc.lower
    for q in doc.numbers:
        if q.kind != "count" or q.start in taken or q.start in found:
            continue
        if not verb_before(lower, q.start):
            continue
        after = doc.lower[q.end : q.end + 12]
        if re.match(r"\s+(?:people|of the|in |at |on |over |near )", after) and not after.startswith(" of them"):
            continue
        antecedent = _antecedent(doc, found, q.start)
        if antecedent is not None:
            found[q.start] = WeaponMention("intercepted", antecedent.category, antecedent.model, q.low, q.high, q.start, q.end, q.start)


# "(?<![\w-])(?:with|by)\s+an?\s+...|(?<![\w-])an?\s+...", written as
# _patterns.word_start_alternation writes it: the first letter by a set, the rest
# after a lookbehind on it, so that ``re`` skips to w, b and a (speed only).
_SINGULAR = re.compile(
    r"[wba](?<![\w-].)(?:(?:(?<=w)ith|(?<=b)y)\s+an?\s+(?:(?:[\w-]+)\s+){0,2}?(?:missile|rocket)(?!\s*(?:attack|strike|fragments?|debris|wreckage|parts?|alert|threat|danger|defen))(?![\w-])"
    r"|(?<=a)n?\s+(?:(?:ballistic|cruise|russian|iskander|kh-\d+)\s+){0,2}(?:missile|rocket)\s+(?:hit|struck|slammed|landed|exploded|crashed))"
)

_SINGULAR_WORDS = ("missile", "rocket")  # every match of _SINGULAR holds one


def _singular(doc: Doc, found: dict[int, WeaponMention]) -> None:
    """"struck Kryvyi Rih with a ballistic missile", "a missile hit": one missile."""
    if any(family(w.category) == "missile" for w in found.values()):
        return
    for m in doc.finditer(_SINGULAR, HINT, doc.lower, any_of=_SINGULAR_WORDS):
        category, model, origin = _classify(m.group(), _tables())
        found[m.start()] = WeaponMention("launched", category, model, 1, 1, m.start(), m.end(), m.start(), origin=origin)
        return


_OF_THE = re.compile(r"of\s+(?:the|these|those|its)\s+(?P<np>[a-z-]+(?:\s+[a-z-]+)?)\s*,?\s*$")


def _named_before(doc: Doc, t: _Tables, offset: int) -> WeaponMention | None:
    """"Of the missiles, 31 were destroyed": the phrase before the count names it."""
    m = _OF_THE.search(doc.lower, max(0, offset - 40), offset)
    if not m or not t.alias_rx.search(m.group("np")):
        return None
    category, model, _ = _classify(m.group("np"), t)
    return WeaponMention("", category, model, None, None, m.start(), m.end(), m.start())


# r"(?<![\w-])(?:neither|none)\s+(?:of\s+(?:them|the\s+[a-z-]+)\s+)?(?:was|were)\s+(?:intercepted|shot\s+down|destroyed|downed)"
# r"|could\s+not\s+be\s+(?:intercepted|shot\s+down)|(?:was|were)\s+not\s+intercepted" (tests/extract/test_speed_cw3_weapons.py),
# written to start with one character set (n, c, w; each branch then checks its letter with
# a lookbehind, the first also that no word character or hyphen precedes it), so that
# ``re`` skips to those letters instead of trying the alternation at every offset. The
# branches start with different letters, so their order does not matter (speed only).
_NONE = re.compile(r"[ncw](?:(?<=n)(?<![\w-].)(?:either|one)\s+(?:of\s+(?:them|the\s+[a-z-]+)\s+)?(?:was|were)\s+(?:intercepted|shot\s+down|destroyed|downed)"
                   r"|(?<=c)ould\s+not\s+be\s+(?:intercepted|shot\s+down)|(?<=w)(?:as|ere)\s+not\s+intercepted)")
_NONE_STEMS = Hint(["neither", "none", "not"])  # every match of _NONE holds one


def _none_intercepted(doc: Doc, found: dict[int, WeaponMention]) -> None:
    """"Neither was intercepted": zero interceptions of the weapons named before."""
    for m in doc.finditer(_NONE, HINT, doc.lower, within=_NONE_STEMS):
        antecedent = _antecedent(doc, found, m.start())
        if antecedent is not None and not any(w.role == "intercepted" and family(w.category) == family(antecedent.category)
                                              for w in found.values()):
            found[m.start()] = WeaponMention("intercepted", antecedent.category, antecedent.model, 0, 0, m.start(), m.end(), m.start())


def _antecedent(doc: Doc, found: dict[int, WeaponMention], offset: int) -> WeaponMention | None:
    index = doc.sentence_index(offset)
    window_start = doc.sentences[max(0, index - 1)][0] if doc.sentences else 0
    best = None
    for w in found.values():
        if window_start <= w.num_start < offset and (best is None or w.num_start > best.num_start):
            best = w
    return best


def _fill_roles(doc: Doc, t: _Tables, mentions: list[WeaponMention]) -> None:
    previous: WeaponMention | None = None
    for i, w in enumerate(mentions):
        if not w.role:
            role = _role(doc, t, w.num_start, w.end)
            following = mentions[i + 1] if i + 1 < len(mentions) else None
            if role is None and following is not None and _AND.fullmatch(doc.lower[w.end : following.start]):
                # "11 missiles and 29 drones hit 14 locations": the verb after the pair
                role = _role(doc, t, following.num_start, following.end)
            if role is None and previous is not None and doc.sentence_index(previous.num_start) == doc.sentence_index(w.num_start):
                role = previous.role
            w.role = role or "launched"
            if w.derived and w.role == "launched":
                w.breakdown = True  # "more than half of the 318 drones were decoys"
        if not w.reference:
            previous = w


def _same_list(doc: Doc, previous: WeaponMention, w: WeaponMention) -> bool:
    """"among them 12 Kh-101 and five Kinzhal": the list goes on after "and" or a comma."""
    gap = doc.lower[previous.end : w.start]
    return len(gap) < 40 and bool(_LIST_GAP.fullmatch(gap)) and not _GAP_VERB.search(gap)


_AND = re.compile(r"\s+and\s+")
_LIST_GAP = re.compile(r"[^.;:]*?(?:,|\band\b|\bplus\b)[^.;:]*")
_GAP_VERB = re.compile(r"\b(?:were|was|shot|destroyed|launched)\b")
_OF_THEM_AFTER = re.compile(r"\s+of\s+them\s+(?:were|are)")
_SLOT_OF_THEM = re.compile(rf"{SLOT}+\s+of\s+them")
_LIST_OPENER = re.compile(r":|(?<![;\n])(?<![;\n] )\s[-–—]\s|\(")
_INCLUDING = re.compile(r"(?:including|among them|of them|of which|of these|incl\.)\s*(?:were\s+)?$|\bof them\s+(?:were\s+)?$")

_INCLUDING_WORDS = ("including", "among them", "of them", "of which", "of these", "incl.")


def ends_naming_parts(text: str) -> bool:
    """``_INCLUDING.search(text) is not None``, read from the end: one of
    ``_INCLUDING_WORDS``, then "were" (after any white space, itself followed by
    some) or nothing, then white space only. (Its second branch, "of them" after a word
    boundary, matches only where the first does.) ``re`` has no backward search and
    tried the alternation at every offset of the 30 characters (speed only)."""
    body = text.rstrip()
    if body.endswith(_INCLUDING_WORDS):
        return True
    if len(body) < len(text) and body.endswith("were"):
        return body[:-4].rstrip().endswith(_INCLUDING_WORDS)
    return False


def opens_list(text: str, start: int, end: int) -> bool:
    """``_LIST_OPENER.search(text, start, end) is not None``: a colon or an opening
    bracket, or a dash with white space on both sides whose first white space follows
    neither ";" or a newline nor one of them and a space (the lookbehinds see the text
    before ``start`` too). Found with ``str.find`` where the alternation was tried at
    every offset (speed only)."""
    end = min(end, len(text))
    if end <= start:
        return False
    if text.find(":", start, end) >= 0 or text.find("(", start, end) >= 0:
        return True
    for dash in "-–—":
        i = text.find(dash, start + 1, end - 1)
        while i >= 0:
            s = i - 1
            if (text[s].isspace() and text[i + 1].isspace() and (s == 0 or text[s - 1] not in ";\n")
                    and (s < 2 or text[s - 2] not in ";\n" or text[s - 1] != " ")):
                return True
            i = text.find(dash, i + 1, end - 1)
    return False


def _mark_breakdowns(doc: Doc, mentions: list[WeaponMention]) -> None:
    """"47 missiles, including 20 Kh-101" or "38 missiles - 24 Kh-101, nine Iskander-M":
    a part named after its total is not added. Parts of a mixed total ("308 air
    targets: 29 Kh-101 ...") are not parts of a missile total and stay."""
    # The first mention has none before it. Whether a mention is named or listed as a
    # part is read only when a mention before it could be its total and opens no list
    # to it (speed only: the tests are pure, their order does not matter).
    for i in range(1, len(mentions)):
        w = mentions[i]
        sentence = doc.sentence_index(w.num_start)
        told = -1  # named or listed: 1 or 0 once read
        for j in range(i - 1, -1, -1):
            other = mentions[j]
            if other.breakdown or other.role != w.role:
                continue
            other_sentence = doc.sentence_index(other.num_start)
            if other_sentence != sentence and other_sentence != sentence - 1:
                continue
            if not (other_sentence == sentence and opens_list(doc.text, other.end, w.start)):
                if told < 0:
                    told = 1 if _named_or_listed(doc, mentions, i) else 0
                if not told:
                    continue
            if family(other.category) == family(w.category) and (other.low or 0) >= (w.low or 0):
                w.breakdown = True
            break


def _named_or_listed(doc: Doc, mentions: list[WeaponMention], i: int) -> bool:
    """Mention ``i`` is named as a part ("including 20 Kh-101", "12 of them were") or
    goes on a list of parts after the mention before it."""
    w = mentions[i]
    if (ends_naming_parts(doc.lower[max(0, w.start - 30) : w.start]) or _OF_THEM_AFTER.match(doc.lower, w.end, w.end + 20)
            or _SLOT_OF_THEM.match(doc.shadow, w.num_start, w.num_start + 40)):
        return True
    return mentions[i - 1].breakdown and _same_list(doc, mentions[i - 1], w)
