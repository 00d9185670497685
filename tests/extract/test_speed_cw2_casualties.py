"""The casualty shortcuts of the sixth pass find what the plain scans found: the toll
pattern tried at its subjects only, and the continuation test read from the end."""
from hypothesis import given, settings, strategies as st

from strikewatch.extract import casualties
from strikewatch.extract.doc import SLOT, Doc

from .test_scanning import _token_texts

_TOLL_TOKENS = ["death toll", "the toll", "toll", "tolls", "tolling", "injured toll", "injury toll", "number of dead",
                "number of the dead", "number of injured people", "number of victims", "number of casualties", "number",
                "number of", "a number of", "deaths", "dead", "deadline", "fatalities", "nonfatalities", "has", "had",
                "now", "since", "rose", "risen", "to", "at", "stands at", "stood", "is", "was", "of", "hit", "reached",
                "at least", "from", "in", "after", "the attack on Kyiv", "the", "\x01", "\x01\x01\x01", "5", "two",
                "12", "people", ".", ",", ";", "\n\n", "killed", "injured", "x", "-", "death toll rose to 12",
                "number of injured reached 7"]


@settings(max_examples=600, deadline=None)
@given(_token_texts(_TOLL_TOKENS, 40, 20))
def test_toll_at_its_subjects_equals_the_window_scan(text):
    doc = Doc.build(text)
    p = casualties._patterns()
    assert ([(m.span(), m.groupdict()) for m in casualties._toll_matches(doc, p)]
            == [(m.span(), m.groupdict()) for m in doc.finditer(p.toll, casualties.HINT, needs=SLOT, within=p.toll_subjects)])


@settings(max_examples=600, deadline=None)
@given(_token_texts(_TOLL_TOKENS, 30, 16), st.integers(0, 12), st.integers(0, 200))
def test_toll_matches_at_equal_finditer(text, start, length):
    p = casualties._patterns()
    end = min(len(text), start + length)
    got: list = []
    casualties.matches_at(p.toll, text, p.toll_subjects.starts(text), start, end, got)
    assert [(m.span(), m.groupdict()) for m in got] == [(m.span(), m.groupdict()) for m in p.toll.finditer(text, start, end)]


_CONT_TOKENS = [",", ";", "and", "band", "while", "awhile", "with", "within", "_with", "another", "anothe", "a", "a further",
                "further", "afurther", "a  further", "another ", "3", "x", " ", "  ", "\n", "\t", "\u00a0", "-", "é", "٣",
                "killed", "people", "in", "Kyiv", "and another", ", a further", "with a further"]


@settings(max_examples=1500, deadline=None)
@given(_token_texts(_CONT_TOKENS, 12, 12), st.integers(0, 30))
def test_continues_before_equals_the_end_anchored_search(text, cut):
    for t in (text, text[cut:], text[-24:]):
        assert casualties.continues_before(t) == (casualties._CONT_BEFORE.search(t) is not None), repr(t)


_BREAKDOWN_TOKENS = ["including", "includin", "among them", "among whom", "among", "of them", "of whom", "of those", "of",
                     "them", "whom", "those", "\x01", "\x01\x01\x01", "\x01-", "5", "children", "child", "women",
                     "small", "young", "boys", "police officers", "were", "are", "among the dead", "among those killed",
                     "victims", "casualties", "dead", "killed", "injured", "wounded", "a", "i", "o", "x", "-", ",", ".",
                     "including \x01 children", "\x01 of them were women", "\x01 children were among the dead",
                     "of them \x01 children", "of those \x01 young boys", "among whom \x01 women", "\x01 women"]


def _breakdown_key(m, p):
    if m.re is p.breakdown_words:
        return (m.span(), m.group("g1"), None, None, None, m.start("n"))
    if m.re is p.breakdown_slots:
        return (m.span(), None, m.group("g2"), m.group("g3"), m.group("w"), None)
    return (m.span(), m.group("g1"), m.group("g2"), m.group("g3"), m.group("w"), m.start("n") if m.group("g1") else None)


@settings(max_examples=800, deadline=None)
@given(_token_texts(_BREAKDOWN_TOKENS, 30, 16), st.integers(0, 12), st.integers(0, 200))
def test_breakdown_by_branches_equals_breakdown(text, start, length):
    p = casualties._patterns()
    end = min(len(text), start + length)
    got: list = []
    casualties.breakdown_in(p, text, start, end, got)
    assert [_breakdown_key(m, p) for m in got] == [_breakdown_key(m, p) for m in p.breakdown.finditer(text, start, end)]


@settings(max_examples=300, deadline=None)
@given(_token_texts(_BREAKDOWN_TOKENS + _TOLL_TOKENS, 40, 20))
def test_breakdown_matches_equal_the_document_scan(text):
    doc = Doc.build(text)
    p = casualties._patterns()
    assert ([_breakdown_key(m, p) for m in casualties._breakdown_matches(doc, p)]
            == [_breakdown_key(m, p) for m in doc.finditer(p.breakdown, casualties.HINT, needs=SLOT, within=p.group_hint)])
