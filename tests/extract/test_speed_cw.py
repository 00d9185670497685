"""The shortcuts of the casualty and weapon scans find what the plain scans found.

``Doc.finditer(..., any_of=...)`` skips windows that hold none of a few literal strings, which every
match of the pattern holds; ``slot_matches`` tries a pattern that starts with a SLOT run
once per run. Each is checked against ``Doc.finditer`` / ``re.finditer`` on generated
text full of near misses."""
import re

from hypothesis import given, settings, strategies as st

from strikewatch.extract import casualties, doc as doc_module, weapons
from strikewatch.extract._patterns import literals
from strikewatch.extract.doc import SLOT, Doc

from .test_scanning import _token_texts

# Where a clause ends, as weapons.break_rx was written before it started with a character set.
_OLD_BREAK = r";|,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|\bof which\b|\bof them\b|—|–|\(|\)"

_TOKENS = ["\x01", "\x01\x01\x01", "\x01\x01\x01\x01\x01", "5", "two", "310", "people", "civilians",
           "were", "was", "killed", "injured", "wounded", "dead", "dead:", "including", "of them", "children", "child",
           "women", "boys", "pregnant women", "among the dead", "no one", "nobody", "no-one", "none", "no people",
           "there were no casualties", "without casualties", "no", "not", "with", "by", "a", "an", "with a missile",
           "a missile hit", "by an old rocket", "missile", "rocket", "missiles", "drones", "shahed", "kh-101",
           "cruise", "ballistic", "shahed-type attack drones", "all but", "all", "half", "more than half", "most",
           "a third", "two-thirds", "two thirds", "a quarter", "of the", "of", "out of", "these", "its", "were intercepted",
           "intercepted", "shot down", "were shot down", "destroyed", "more", "others", "launched", "-", ",", ".",
           ". The", "x", "1", "Kyiv", "\n\n", "a quarter of the \x01 drones", "all but \x01 of the \x01 missiles",
           "half of its \x01\x01 shahed drones", "two-thirds of these \x01 missiles", "all but \x01 of the missiles"]


def _gated_cases():
    c = casualties._patterns()
    t = weapons._tables()
    return [
        (c.zero, casualties.HINT, "lower", casualties._ZERO_WORDS, ""),
        (c.breakdown, casualties.HINT, "shadow", c.group_words, SLOT),
        (t.derived_rx, weapons.HINT, "shadow", weapons._DERIVED_WORDS, SLOT),
        (t.derived_ref_rx, weapons.HINT, "shadow", weapons._DERIVED_REF_WORDS, SLOT),
        (weapons._SINGULAR, weapons.HINT, "lower", weapons._SINGULAR_WORDS, ""),
    ]


@settings(max_examples=400, deadline=None)
@given(_token_texts(_TOKENS, 40, 20))
def test_every_match_of_a_gated_pattern_holds_one_of_its_words(text):
    """What lets ``Doc.finditer`` skip a window by ``any_of``: on any text, not only in windows."""
    shadowish = text.lower()
    for rx, _, _, words, _ in _gated_cases():
        for m in rx.finditer(shadowish):
            assert any(w in m.group() for w in words), (rx.pattern[:40], m.group())


@settings(max_examples=300, deadline=None)
@given(_token_texts(_TOKENS, 40, 20))
def test_the_any_of_gate_keeps_every_match(text):
    doc = Doc.build(text)
    for rx, hint, view, words, needs in _gated_cases():
        target = getattr(doc, view)
        expected = [(m.span(), m.groupdict()) for m in doc.finditer(rx, hint, target, needs=needs)]
        got = [(m.span(), m.groupdict()) for m in doc.finditer(rx, hint, target, needs=needs, any_of=words)]
        assert got == expected


@settings(max_examples=300, deadline=None)
@given(_token_texts(_TOKENS, 40, 20))
def test_breakdowns_skip_only_windows_without_a_group(text):
    doc = Doc.build(text)
    p = casualties._patterns()
    assert set(p.group_hint.words) == set(p.group_words)
    assert ([(m.span(), m.groupdict()) for m in doc.finditer(p.breakdown, casualties.HINT, needs=SLOT, within=p.group_hint)]
            == [(m.span(), m.groupdict()) for m in doc.finditer(p.breakdown, casualties.HINT, needs=SLOT)])


def test_literals_drop_words_holding_another():
    assert literals(["children", "child", "women", "pregnant women", "boys", "boy"]) == ("boy", "child", "women")


_SLOT_TOKENS = ["\x01", "\x01\x01\x01", "\x01\x01\x01\x01\x01", "\x01-", "-\x01", "people",
                "drones", "missiles", "shahed", "shahed-type", "kh-101", "cruise", "and", "ballistic missiles", "attack",
                "of", "out of", "the", "of them", "were", "were intercepted", "intercepted", "shot down", "more", "others",
                "-", ",", ".", "x", "1", "'s", "\x01 drones\x01 drones", "\x01x\x01 drones", "\x01\x01-\x01 missiles",
                "missiles\x01\x01 of the\x01 drones"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_SLOT_TOKENS, 30, 16), st.integers(0, 12), st.integers(0, 200))
def test_slot_matches_equal_finditer(text, start, length):
    """From any offset, also inside a SLOT run, and up to any end."""
    t = weapons._tables()
    end = min(len(text), start + length)
    for rx in (t.np_rx, t.of_rx, t.bare_rx):
        assert ([(m.span(), m.groupdict()) for m in doc_module.slot_matches(rx, text, start, end)]
                == [(m.span(), m.groupdict()) for m in rx.finditer(text, start, end)])


def test_slot_matches_skip_the_run_of_a_failed_try():
    rx = re.compile(f"{SLOT}+ drones")
    text = f"{SLOT * 3} x {SLOT * 2} drones"
    assert [m.span() for m in doc_module.slot_matches(rx, text, 0, len(text))] == [(6, 15)]
    assert [m.span() for m in doc_module.slot_matches(rx, text, 7, len(text))] == [(7, 15)]


_AFTER_TOKENS = ["\x01", "\x01\x01\x01", "\x01-", "people", "civilians", "other", "young", "children", "more",
                 "further", "were", "was", "have been", "reportedly", "killed", "injured", "wounded", "dead", "died",
                 "dead:", "dead -", "deaths:", "killed –", "injured persons:", "injured persons", "wounded—", "ddead:",
                 "iinjured:", "dilled:", "kead -", "wnjured:", "-", ":", "—", "–", ",", "a", "x", "lost their lives",
                 "taken to hospital", "\x01 people were killed", "dead: \x01", "killed:\x01\x01 people were injured",
                 "\x01 dead - \x01 injured", "injured:\x01 dead"]


def _after_key(m, labelled):
    if labelled:
        return ("label", m.span(), m.start("n4"), m.string[m.start() : m.end("label")])
    return ("count", m.span(), m.group("noun"), m.group("w"))


@settings(max_examples=600, deadline=None)
@given(_token_texts(_AFTER_TOKENS, 30, 16), st.integers(0, 12), st.integers(0, 200))
def test_after_by_branches_equals_after(text, start, length):
    """The two branches of ``after`` run apart and merged find what ``after`` finds."""
    p = casualties._patterns()
    end = min(len(text), start + length)
    got: list = []
    casualties.after_in(p, text, start, end, got)
    assert ([_after_key(m, m.re is p.after_labelled) for m in got]
            == [_after_key(m, bool(m.group("label"))) for m in p.after.finditer(text, start, end)])


@settings(max_examples=200, deadline=None)
@given(_token_texts(_TOKENS + _AFTER_TOKENS, 40, 20))
def test_after_matches_equal_the_document_scan(text):
    doc = Doc.build(text)
    p = casualties._patterns()
    assert ([_after_key(m, m.re is p.after_labelled) for m in casualties._after_matches(doc, p)]
            == [_after_key(m, bool(m.group("label"))) for m in doc.finditer(p.after, casualties.HINT, needs=SLOT)])


_BEFORE_TOKENS = ["killing", "killed", "kills", "kill", "skill", "skilled", "claimed the lives of", "claiming the lives of",
                  "took the lives of", "taking the lives of", "the lives of", "injuring", "injured", "injures", "wounding",
                  "wounded", "wounds", "hurting", "hurt", "at least", "a total of", "another", "an additional", "a further",
                  "\x01", "\x01\x01\x01", "a", "an", "man", "woman", "child", "old", "of the", "of them", "percent",
                  "%", "people", "-", "x", "_", ",", ".", "killing\x01", "kill\x01 people", "killing a injuring a man",
                  "wounding an old hurt a child"]


@settings(max_examples=600, deadline=None)
@given(_token_texts(_BEFORE_TOKENS, 30, 16), st.integers(0, 12), st.integers(0, 200))
def test_before_at_its_verbs_equals_before(text, start, length):
    p = casualties._patterns()
    end = min(len(text), start + length)
    got: list = []
    casualties.before_in(p, text, p.before_verbs.starts(text), start, end, got)
    assert ([(m.span(), m.groupdict()) for m in got]
            == [(m.span(), m.groupdict()) for m in p.before.finditer(text, start, end)])


@settings(max_examples=200, deadline=None)
@given(_token_texts(_TOKENS + _BEFORE_TOKENS, 40, 20))
def test_before_matches_equal_the_document_scan(text):
    doc = Doc.build(text)
    p = casualties._patterns()
    assert ([(m.span(), m.groupdict()) for m in casualties._before_matches(doc, p)]
            == [(m.span(), m.groupdict()) for m in doc.finditer(p.before, casualties.HINT)])


_BREAK_TOKENS = [";", ",", "and", "band", "andy", "but", "butter", "abut", "while", "awhile", "whereas", "of which",
                 "of whom", "of them", "proof them", "of themselves", "—", "–", "(", ")", "a", "b", "w", "o", "of",
                 "which", "them", "x", "_", "-", "5", "é", "éand", "and_", "\x01", "drones", "missiles"]


@settings(max_examples=600, deadline=None)
@given(_token_texts(_BREAK_TOKENS, 30, 16), st.integers(0, 12))
def test_clause_break_pattern_matches_the_alternation(text, pos):
    t = weapons._tables()
    old = re.compile(_OLD_BREAK)
    assert [m.span() for m in t.break_rx.finditer(text, pos)] == [m.span() for m in old.finditer(text, pos)]
    assert [m.span() for m in t.break_rx.finditer(text[pos:])] == [m.span() for m in old.finditer(text[pos:])]
