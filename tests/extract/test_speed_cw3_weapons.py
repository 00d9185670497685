"""The weapon shortcuts of the seventh pass give what the forms they replace gave: the
verb and "none intercepted" patterns started with a character set, the quantity-led
patterns tried only at quantities followed by a word they can start with, the
interception verb before a count read from its end, and the "a handful of" test."""
import re

from hypothesis import given, settings, strategies as st

from strikewatch.extract import weapons
from strikewatch.extract.doc import slot_matches

from .test_scanning import _token_texts

_VERB_TOKENS = ["launched", "launch", "relaunched", "launched-", "-launched", "_fired", "fired", "shot down", "shot",
                "shoot down", "downed", "intercepted", "hit", "hits", "hit by air defence", "struck", "struck with",
                "attacked", "attack with", "were not intercepted", "lost track", "were lost", "x", "a", "-", "_", ",",
                ".", " ", "  ", "\n", "é", "drones", "missiles", "\x01", "sent", "sending", "consisting of"]


def _old_classify(np, t):
    categories = []
    models = []
    head_cat = None
    head_families = set()
    covered = []
    for m in t.alias_rx.finditer(np):
        surface = m.group()[:-2] if m.group().endswith("'s") else m.group()
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
        categories += [t.modifier_categories[m.group()] for m in t.modifier_rx.finditer(np)
                       if not any(a <= m.start() < b for a, b in covered)]
    if {"drone", "missile"} <= head_families or head_cat == "mixed":
        return "mixed", None, None
    distinct = set(categories)
    if not distinct:
        category = head_cat or "missile"
    elif len(distinct) == 1:
        category = distinct.pop()
    elif all(t.families.get(c) == "missile" for c in distinct):
        category = "missile"
    elif all(t.families.get(c) == "drone" for c in distinct):
        category = "drone"
    else:
        category = head_cat or sorted(distinct)[0]
    if head_cat == "decoy" or (category == "missile" and head_cat in ("drone", "decoy")):
        category = head_cat
    model_names = {m for m, _ in models}
    model = model_names.pop() if len(model_names) == 1 else None
    origin = next((o for m, o in models if o), None)
    return category, model, origin


def _weapon_words():
    t = weapons._tables()
    words = sorted(set(t.aliases) | set(t.modifier_categories) | set(t.heads))
    return words + ["and", "or", "of", "the", "type", "-type", "attack", "'s", "s", "x", "-", " ", "drones and missiles"]


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_classify_equals_the_generator_form(data):
    words = _weapon_words()
    np = data.draw(_token_texts(words, 8, 6))
    t = weapons._tables()
    assert weapons._classify(np, t) == _old_classify(np, t)


_OLD_NONE = re.compile(r"(?<![\w-])(?:neither|none)\s+(?:of\s+(?:them|the\s+[a-z-]+)\s+)?(?:was|were)\s+(?:intercepted|shot\s+down|destroyed|downed)"
                       r"|could\s+not\s+be\s+(?:intercepted|shot\s+down)|(?:was|were)\s+not\s+intercepted")
_NONE_TOKENS = ["neither", "none", "noneither", "-none", "_neither", "of them", "of the drones", "of", "the", "was", "were",
                "intercepted", "shot down", "destroyed", "downed", "could", "not", "be", "could not be", "was not",
                "were not intercepted", "n", "c", "w", "x", "-", " ", "  ", "\n", "é", "nothing", "cwas"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_NONE_TOKENS, 24, 16), st.integers(0, 10))
def test_none_pattern_equals_the_lookbehind_form(text, pos):
    assert [m.span() for m in weapons._NONE.finditer(text, pos)] == [m.span() for m in _OLD_NONE.finditer(text, pos)]


_SLOT_LED_TOKENS = ["\x01", "\x01\x01\x01", "of", "out of", "out", "of the", "of them", "offer", "more", "others",
                    "other drones", "other missiles", "were", "was", "have been", "had been", "are", "being", '"', "“", "'",
                    "‘", "shot down", "intercepted", "destroyed", "downed", "hit by air defence", "drones", "missiles",
                    "shahed", "kh-101", "cruise", "the", "these", "x", "-", ",", ".", " ", "  ", "\n", "\t", "\u00a0",
                    "\x01 out of \x01 drones", "\x01 of the \x01 missiles", "\x01\n of \x01 drones",
                    '\x01 "shot down"', "\x01 ‘intercepted’", "\x01 were “destroyed”", "\x01 'downed'",
                    "\x01 of them were shot down", "\x01 more were intercepted", "\x01 were jammed"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_SLOT_LED_TOKENS, 30, 20), st.integers(0, 12), st.integers(0, 200))
def test_slot_matches_before_their_first_words_equal_slot_matches(text, start, length):
    t = weapons._tables()
    end = min(len(text), start + length)
    for rx, firsts in ((t.of_rx, weapons._OF_FIRSTS), (t.bare_rx, t.bare_firsts)):
        got: list = []
        weapons.slot_matches_before(rx, firsts, text, start, end, got)
        assert [(m.span(), m.groupdict()) for m in got] == [(m.span(), m.groupdict()) for m in slot_matches(rx, text, start, end)]
        assert [(m.span(), m.groupdict()) for m in got] == [(m.span(), m.groupdict()) for m in rx.finditer(text, start, end)]


_VERB_BEFORE_TOKENS = ["shot down", "destroyed", "intercepted", "neutralised", "neutralized", "downed", "suppressed",
                       "at least", "another", "a further", "further", "least", "x", "were", ",", " ", "  ", "\n", "\t",
                       "\u00a0", "é", "5", "shot", "down"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_VERB_BEFORE_TOKENS, 12, 12), st.integers(0, 80))
def test_verb_before_equals_search_tail_on_the_slice(text, offset):
    from strikewatch.extract._patterns import search_tail

    offset = min(offset, len(text))
    expected = search_tail(weapons._VERB_BEFORE, weapons._VERB_ENDINGS, text[max(0, offset - 40) : offset]) is not None
    assert weapons.verb_before(text, offset) == expected


_HANDFUL_TOKENS = ["a handful of", "handful of", "a handful", "a", "of", "x", " ", "\n", "\n\n", "5", "a handful of\n",
                   "a handful of\n\n"]


@settings(max_examples=400, deadline=None)
@given(_token_texts(_HANDFUL_TOKENS, 6, 6), st.integers(0, 20), st.integers(0, 40))
def test_imprecise_equals_the_pattern(text, start, length):
    for end in (min(len(text), start + length), len(text)):
        assert weapons.imprecise(text, start, end) == (weapons._IMPRECISE.search(text, start, end) is not None)


_DERIVED_TOKENS = ["all", "all but", "almost all", "nearly all", "half", "more than half", "over half", "most", "a third",
                   "two thirds", "two-thirds", "a quarter", "small", "called", "of", "of the", "of these", "of its", "the",
                   "its", "bits", "soft", "\x01", "\x01\x01", "drones", "missiles", "shahed drones", "cruise missiles",
                   "were", "shot down", ",", ".", " ", "  ", "\n", "x", "-", "most of the \x01 drones",
                   "all but \x01 of the \x01 missiles", "half of \x01 drones", "half of its \x01 drones",
                   "most of these \x01 missiles", "all of those \x01 drones", "a third of its \x01 missiles"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_DERIVED_TOKENS, 30, 16), st.integers(0, 12), st.integers(0, 200))
def test_of_before_slot_holds_where_derived_matches(text, start, length):
    end = min(len(text), start + length)
    if weapons._tables().derived_rx.search(text, start, end) is not None:
        assert weapons.of_before_slot(text, start, end)


@settings(max_examples=300, deadline=None)
@given(_token_texts(_DERIVED_TOKENS, 40, 20))
def test_derived_matches_equal_the_document_scan(text):
    from strikewatch.extract.doc import SLOT, Doc

    doc = Doc.build(text)
    t = weapons._tables()
    assert ([(m.span(), m.groupdict()) for m in weapons._derived_matches(doc, t)]
            == [(m.span(), m.groupdict()) for m in doc.finditer(t.derived_rx, weapons.HINT, needs=SLOT, any_of=weapons._DERIVED_WORDS)])


def _old_mark_breakdowns(doc, mentions):
    for i, w in enumerate(mentions):
        sentence = doc.sentence_index(w.num_start)
        before = doc.lower[max(0, w.start - 30) : w.start]
        named = bool(weapons._INCLUDING.search(before) or weapons._OF_THEM_AFTER.match(doc.lower[w.end : w.end + 20])
                     or weapons._SLOT_OF_THEM.match(doc.shadow[w.num_start : w.num_start + 40]))
        listed = i > 0 and mentions[i - 1].breakdown and weapons._same_list(doc, mentions[i - 1], w)
        for other in reversed(mentions[:i]):
            if other.breakdown or other.role != w.role or doc.sentence_index(other.num_start) not in (sentence, sentence - 1):
                continue
            opened = doc.sentence_index(other.num_start) == sentence and weapons._LIST_OPENER.search(doc.text, other.end, w.start)
            if not (named or listed or opened):
                continue
            if weapons.family(other.category) == weapons.family(w.category) and (other.low or 0) >= (w.low or 0):
                w.breakdown = True
            break


def _unmarked_mentions(doc):
    """find_weapons up to _mark_breakdowns."""
    t = weapons._tables()
    found: dict = {}
    taken: set = set()
    if not doc.windows(weapons.HINT):
        return []
    weapons._derived(doc, t, found, taken)
    weapons._of_counts(doc, t, found, taken)
    weapons._phrases(doc, t, found, taken)
    weapons._derived_from_antecedent(doc, t, found, taken)
    weapons._bare(doc, t, found, taken)
    weapons._singular(doc, found)
    weapons._none_intercepted(doc, found)
    mentions = sorted(found.values(), key=lambda w: w.num_start)
    weapons._fill_roles(doc, t, mentions)
    return mentions


_BREAKDOWN_TOKENS = ["5 missiles", "40 cruise missiles", "310 drones", "12 Kh-101", "five Kinzhal", "20 Shahed drones",
                     "including", "among them", "of them", "of which", "incl.", ",", "and", "plus", ":", "(", ")", " - ",
                     ".", "Russia launched", "were shot down", "launched", "hit", "12 of them were destroyed", "x",
                     "air targets", "308 air targets", "2 missiles", "3", "The",
                     "Russia launched 47 missiles, including 20 Kh-101, 12 Kalibr and five Kinzhal.",
                     "38 missiles - 24 Kh-101, nine Iskander-M", "47 missiles, of which 20 Kh-101 plus 12 Kalibr",
                     "among them 12 Kh-101 and five Kinzhal"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_BREAKDOWN_TOKENS, 30, 12))
def test_mark_breakdowns_equals_the_eager_form(text):
    import copy

    from strikewatch.extract.doc import Doc

    doc = Doc.build(text)
    mentions = _unmarked_mentions(doc)
    old = copy.deepcopy(mentions)
    weapons._mark_breakdowns(doc, mentions)
    _old_mark_breakdowns(doc, old)
    assert [w.breakdown for w in mentions] == [w.breakdown for w in old]
