"""The weapon breakdown tests of the sixth pass give what the patterns they replace gave:
the "including ..." ending read from the end, and the list opener found with str.find."""
from hypothesis import given, settings, strategies as st

from strikewatch.extract import weapons

from .test_scanning import _token_texts

_INCLUDING_TOKENS = ["including", "includin", "among them", "among", "them", "of them", "of themselves", "of which",
                     "of these", "incl.", "incl", "were", "werewolf", "swere", "x", "3", " ", "  ", "\n", "\t", "-",
                     "_", "é", "including were", "of them were", "of whichwere", "among themwere"]


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_INCLUDING_TOKENS, 10, 10), st.integers(0, 30))
def test_ends_naming_parts_equals_the_end_anchored_search(text, cut):
    for t in (text, text[cut:], text[-30:]):
        assert weapons.ends_naming_parts(t) == (weapons._INCLUDING.search(t) is not None), repr(t)


_OPENER_TOKENS = [":", "(", ")", "-", "–", "—", " - ", " – ", " — ", "; - ", ";  - ", "\n - ", "\n- ", ";- ", "a - b",
                  "x", "Kh-101", "drones", ",", ";", "\n", " ", "  ", "\t", "\u00a0", "missiles - 24 Kh-101", "2"]


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_OPENER_TOKENS, 16, 16), st.integers(0, 20), st.integers(-2, 60))
def test_opens_list_equals_the_list_opener_search(text, start, length):
    end = start + length
    assert weapons.opens_list(text, start, end) == (weapons._LIST_OPENER.search(text, start, end) is not None)


_BREAK_TOKENS = [";", ",", "—", "–", "(", ")", "and", "band", "andy", "and_", "_and", "but", "butter", "while", "awhile",
                 "whereas", "where", "of which", "of whichever", "of them", "of themselves", "ofthem", "of  them", "off them",
                 "a", "b", "w", "o", "x", "3", "-", " ", "é", "missiles", "were", "launched", "shot down", "hit"]


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_BREAK_TOKENS, 16, 16))
def test_break_scans_from_the_ends_equal_break_rx(text):
    rx = weapons._tables().break_rx
    cuts = list(rx.finditer(text))
    assert weapons.last_break_end(text) == (cuts[-1].end() if cuts else 0)
    first = rx.search(text)
    assert weapons.first_break_start(text) == (first.start() if first else len(text))


def _old_role(doc, t, start, end):
    s_start, s_end = doc.sentence_of(start)
    before = doc.lower[s_start:start]
    cuts = list(t.break_rx.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = doc.lower[end:s_end]
    cut = t.break_rx.search(after)
    if cut:
        after = after[: cut.start()]
    verbs_after = [t.verb_role[m.group()] for m in t.verb_rx.finditer(after)]
    if verbs_after and verbs_after[0] in ("intercepted", "hits"):
        return verbs_after[0]
    verbs_before = [t.verb_role[m.group()] for m in t.verb_rx.finditer(before)]
    if verbs_before:
        return verbs_before[-1]
    return verbs_after[0] if verbs_after else None


@settings(max_examples=600, deadline=None)
@given(_token_texts(_BREAK_TOKENS + [".", ". The", "intercepted", "struck", "launching", "destroyed", "12"], 30, 16),
       st.integers(0, 200), st.integers(0, 40))
def test_role_equals_the_pattern_form(text, start, length):
    from strikewatch.extract.doc import Doc

    doc = Doc.build(text)
    t = weapons._tables()
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert weapons._role(doc, t, start, end) == _old_role(doc, t, start, end)


_OLD_DERIVED_PRE = (r"(?P<pre>all\s+but\s+(?P<k>\x01+)|more\s+than\s+half|over\s+half|half|most|nearly\s+all|almost\s+all|all"
                    r"|a\s+third|two[\s-]thirds|a\s+quarter)")
_DERIVED_TOKENS = ["all", "all but", "overall", "small", "almost all", "almost", "nearly all", "nearly", "more than half",
                   "more", "than", "half", "behalf", "over half", "over", "most", "almost", "a third", "a quarter", "a",
                   "two thirds", "two-thirds", "two", "thirds", "but", "of", "of the", "of these", "of its", "the",
                   "\x01", "\x01\x01\x01", "missiles", "drones", "shahed drones", "cruise missiles", "-", "x", ",",
                   "all but \x01 of the \x01 missiles", "half of the \x01 drones", "of the \x01 missiles",
                   "of its \x01\x01 shahed drones", "of \x01 cruise missiles", "most of the \x01 drones",
                   "nearly all of \x01 missiles", "two-thirds of these \x01 drones", "a quarter of the \x01 missiles"]


@settings(max_examples=800, deadline=None)
@given(_token_texts(_DERIVED_TOKENS, 30, 20), st.integers(0, 10))
def test_derived_pattern_equals_the_alternation_form(text, pos):
    import re

    t = weapons._tables()
    old = re.compile(_OLD_DERIVED_PRE + t.derived_rx.pattern[t.derived_rx.pattern.index(r"\s+of\s+(?:the"):])
    assert ([(m.span(), m.groupdict()) for m in t.derived_rx.finditer(text, pos)]
            == [(m.span(), m.groupdict()) for m in old.finditer(text, pos)])
