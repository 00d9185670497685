"""The casualty shortcuts of the seventh pass find what the plain scans found: the
singular pattern tried only at the articles read back from its nouns, and the labelled
branch of ``after`` run only where a label mark is followed by a quantity."""
from hypothesis import given, settings, strategies as st

from strikewatch.extract import casualties
from strikewatch.extract.doc import SLOT, Doc

from .test_scanning import _token_texts

_SINGULAR_TOKENS = ["a", "an", "one", "the", "A", "The", "ana", "then", "-a", "a-", "_an", "x", "man", "woman", "men",
                    "many", "child", "children", "person", "police officer", "police", "officer", "security guard",
                    "guard", "paramedic", "medic", "young", "elderly", "local", "was", "were", "has been", "is", "also",
                    "reportedly", "killed", "died", "dead", "injured", "wounded", "hurt", "hospitalised", "among the dead",
                    "among those injured", "among", ",", ", aged 40,", ".", ";", "-", "\x01", "\x01\x01", "5", " ",
                    "  ", "\n", "\t", "\u00a0", "é", "a man was killed", "an elderly woman died", "the driver was injured"]


def _key(m):
    return (m.span(), m.groupdict())


@settings(max_examples=500, deadline=None)
@given(_token_texts(_SINGULAR_TOKENS, 30, 20), st.integers(0, 20), st.integers(0, 300))
def test_singular_at_its_article_candidates_equals_finditer(text, start, length):
    p = casualties._patterns()
    end = min(len(text), start + length)
    got: list = []
    casualties.matches_at(p.singular, text, casualties.singular_starts(text, p.singular_nouns.starts(text), start, end),
                          start, end, got)
    assert [_key(m) for m in got] == [_key(m) for m in p.singular.finditer(text, start, end)]


@settings(max_examples=400, deadline=None)
@given(_token_texts(_SINGULAR_TOKENS, 40, 20))
def test_singular_matches_equal_the_document_scan(text):
    doc = Doc.build(text)
    p = casualties._patterns()
    assert [_key(m) for m in casualties._singular_matches(doc, p)] == [_key(m) for m in doc.finditer(p.singular, casualties.HINT)]


_LABEL_TOKENS = ["dead", "killed", "injured", "wounded", "injured persons", "deaths", "dead:", "killed -", "injured –",
                 ":", "-", "–", "—", " ", "  ", "\n", "\t", "\u00a0", "\x01", "\x01\x01", "5", "two", "persons",
                 "people", "were", "x", "d", "k", "i", "w", "Kh-101", "well-known", "dead - \x01", "wounded:\x01"]


def _after_key(m, p):
    if m.re is p.after_labelled:
        return (m.span(), m.start("n4"), m.group("label"))
    if m.re is p.after_slot:
        return (m.span(), None, m.group("noun"), m.group("w"))
    if m.group("label") is not None:
        return (m.span(), m.start("n4"), m.group("label"))
    return (m.span(), None, m.group("noun"), m.group("w"))


@settings(max_examples=500, deadline=None)
@given(_token_texts(_LABEL_TOKENS, 30, 20), st.integers(0, 12), st.integers(0, 200))
def test_after_by_branches_with_the_label_gate_equals_after(text, start, length):
    p = casualties._patterns()
    end = min(len(text), start + length)
    got: list = []
    casualties.after_in(p, text, start, end, got)
    assert [_after_key(m, p) for m in got] == [_after_key(m, p) for m in p.after.finditer(text, start, end)]


_TOLL_TOKENS = ["death toll", "the toll", "toll", "injured toll", "number of dead", "number of the dead", "number of victims",
                "deaths", "dead", "deadline", "fatalities", "has", "had", "now", "since", "rose", "risen", "to", "at",
                "stands at", "stood", "is", "was", "of", "hit", "reached", "at least", "from", "in", "after", "the attack on",
                "Kyiv", "the", "\x01", "\x01\x01\x01", "5", "people", ".", ",", ";", "\n\n", "killed", "x", "-",
                "death toll rose to \x01", "number of injured reached \x01", "dead in the attack. \x01",
                "toll from the strike; \x01", "deaths in Odesa rose to \x01", "toll at \x01", "toll is \x01",
                "deaths at \x01", "dead rose to \x01", "toll to \x01", "dead hit \x01"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_TOLL_TOKENS, 30, 16), st.integers(0, 12), st.integers(0, 200))
def test_toll_before_its_first_figure_equals_finditer(text, start, length):
    p = casualties._patterns()
    end = min(len(text), start + length)
    got: list = []
    casualties.toll_in(p.toll, text, p.toll_subjects.starts(text), start, end, got)
    assert [_key(m) for m in got] == [_key(m) for m in p.toll.finditer(text, start, end)]


_BEFORE_TOKENS = ["killing", "killed", "kills", "kill", "skilled", "claimed the lives of", "taking the lives of", "injuring",
                  "injured", "wounded", "hurt", "hurting", "at least", "a total of", "another", "an additional", "a further",
                  "\x01", "\x01\x01", "a", "an", "the", "man", "child", "in", "by", "and", ",", "killed,", "-", "x",
                  " ", "  ", "\n", "\t", "\u00a0", "killing\x01", "killed  \x01", "injured\n\x01", "people", "%",
                  "claimed the lives of \x01", "taking the lives of a child", "took the lives of at least \x01"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_BEFORE_TOKENS, 30, 16), st.integers(0, 12), st.integers(0, 200))
def test_before_where_a_figure_may_follow_equals_finditer(text, start, length):
    p = casualties._patterns()
    end = min(len(text), start + length)
    got: list = []
    casualties.before_in(p, text, p.before_verbs.starts(text), start, end, got)
    assert [_key(m) for m in got] == [_key(m) for m in p.before.finditer(text, start, end)]


def _old_continuations(doc, found):
    for q in doc.numbers:
        if q.kind != "count" or q.start in found:
            continue
        if not casualties._CONT_BEFORE.search(doc.lower[max(0, q.start - 24) : q.start]):
            continue
        if not casualties._CONT_AFTER.match(doc.text[q.end : q.end + 40]):
            continue
        kind = casualties._parent_kind(doc, found, q.start)
        if kind is not None:
            s_start, _ = doc.sentence_of(q.start)
            part = bool(casualties._PART_OF.search(doc.lower, s_start, q.start))
            found[q.start] = casualties.CasualtyMention(kind, q.low, q.high, q.start, q.end, q.start, breakdown=part)


_CONT_TOKENS = ["killed 3 people in Kharkiv", "and 2 in Sumy", ", 4 in Odesa", "while 5 near Lviv", "with another 6 at Dnipro",
                "injured 7 people", "3 people were killed", "2", "12", "in", "Kyiv", "and", ",", ";", ".", "of which",
                "including", "x", " ", "\n", "another", "a further", "people", "5 civilians in Kherson", "and\n2 in Lviv",
                ",\t3 in Kyiv", ", \u00a04 in Sumy"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_CONT_TOKENS, 20, 10))
def test_continuations_equal_the_plain_loop(text):
    import copy

    doc = Doc.build(text)
    p = casualties._patterns()
    found: dict = {}
    if doc.windows(casualties.HINT):
        casualties._toll(doc, p, found)
        casualties._after(doc, p, found)
        casualties._before(doc, p, found)
    old = copy.deepcopy(found)
    casualties._continuations(doc, found)
    _old_continuations(doc, old)
    assert found == old
