"""The seventh-session rewrites of quotes.py (speed only) against the forms they replace,
on generated texts full of near misses: words before speech verbs with odd white space
and non-letters, commas, capitals and case traps."""
from bisect import bisect_left

from hypothesis import example, given, settings, strategies as st

from strikewatch.extract import quotes
from strikewatch.extract.doc import Doc, lower_preserving

from .quotes_oracles import subject_reaches_verb_plain
from .test_speed_quo import _groups, prefixes, sentences
from .test_speed_quo2 import MORE, SPACES, SUBJECT_TOKENS, SURNAMES, _old_register, _old_reported, _people, _quotes, articles, spaced

WORD_TOKENS = MORE + ["Kyiv’s", "O'Neil", "x1", "élan", "İstanbul", "\u212aelvin", "K", "a-b", "_x", "said,said", "\u2009",
                      "\u00a0said", "mayor\u2009said", "Klitschko\nsaid", "Klitschko\tsaid", "42 said"]
words_texts = (st.lists(st.tuples(st.sampled_from(WORD_TOKENS), st.sampled_from(SPACES + ["", "\u2009", "\u3000"])),
                        min_size=1, max_size=30).map(lambda parts: "".join(w + s for w, s in parts)))


def _words_before_plain(text, verb_starts, offset):
    """``_words_before`` as it was: every word read with ``_last_word``'s character scan."""
    size = len(text)
    out = []
    for verb in verb_starts:
        at = verb - offset
        start = end = -1
        if 0 < at <= size and text[at - 1].isspace():
            start, end = quotes._last_word(text, 0, at)
        if start < 0:
            out.append((-1, False, False, False))
        else:
            word = text[start:end]
            named = quotes._is_name_word(word)
            out.append((offset + start, named or word in quotes._SUBJECT_HEAD_SET, named, word in quotes._AUXILIARIES))
    return out


def _rows(words):
    return list(zip(words.starts, words.ends_subject, words.name_word, words.auxiliary))


@settings(max_examples=1500, deadline=None)
@given(prefixes, words_texts | sentences | spaced)
def test_words_before_equal_the_character_scans(prefix, sentence):
    text = prefix + sentence
    starts = quotes._speech_verbs(lower_preserving(text)).starts
    assert _rows(quotes._words_before(text, starts, 0)) == _words_before_plain(text, starts, 0)
    assert _rows(quotes._words_before(sentence, starts, len(prefix))) == _words_before_plain(sentence, starts, len(prefix))


@settings(max_examples=1500, deadline=None)
@given(prefixes, sentences | spaced | words_texts)
def test_subject_reaches_verb_from_the_sentence_first_verb_equals_the_plain_loop(prefix, sentence):
    text = prefix + sentence + " Next"
    starts = quotes._speech_verbs(lower_preserving(text)).starts
    words = quotes._words_before(text, starts, 0)
    lo = bisect_left(starts, len(prefix))  # as _search_reported passes it
    for at in [0] + [i for i, c in enumerate(sentence) if c in ",;"] + [len(sentence)]:
        expected = subject_reaches_verb_plain(sentence, at, starts, len(prefix))
        assert quotes._subject_reaches_verb(sentence, at, starts, len(prefix), words, lo) == expected
        assert quotes._subject_reaches_verb(sentence, at, starts, len(prefix), words) == expected


CAPITAL_TOKENS = MORE + ["İ", "\u212aelvin", "ǅ", "Ω", "Élan", "ÉLAN", "x", "Y", "said", "Kyiv"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(CAPITAL_TOKENS), max_size=20).map(" ".join) | articles | st.text(max_size=20),
       st.integers(0, 200), st.integers(0, 200))
def test_no_name_pair_where_the_text_after_the_first_character_is_lower_case(text, s, e):
    """The gate of ``_reported``: where ``text[s + 1:e]`` equals ``doc.lower`` there, no
    ``_NAME_PAIR`` match starts in ``[s, e)``."""
    lower = lower_preserving(text)
    s, e = min(s, len(text)), min(e, len(text))
    for start, end in ((s, e), (s, len(text)), (0, e), (e, len(text))):
        if text[start + 1 : end] == lower[start + 1 : end]:
            assert quotes._NAME_PAIR.search(text, start, end) is None


SHORT_TOKENS = ["Al", "Bo Li", "Ed Oz", "Li", "O Neil", "Ab Cd", "A B", "said", "told", "reported", "the mayor", "x", ",", ".",
                ". ", ".\n\n", "Kyiv", "İ", "\u212a", "Ÿo", "according to", "by", "\u201c", "We will,\u201d"]
short_articles = st.lists(st.tuples(st.sampled_from(SHORT_TOKENS + ["Mayor Vitali Klitschko", "Oleh Syniehubov,"]),
                                    st.sampled_from([" ", "  ", "\n", ". ", ", "])),
                          min_size=1, max_size=40).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=800, deadline=None)
@given(articles | short_articles)
def test_reported_equals_the_bisect_walk_with_a_pair_search_per_sentence(text):
    """``_reported`` (sentences and verbs walked together, the name pair searched only
    where a capital follows the first character) quotes what the sixth-session form
    quoted (a ``bisect_left`` and a ``_NAME_PAIR`` search per verb sentence)."""
    doc = Doc.build(text)
    old = _old_register(doc)
    new = quotes.Speakers(doc)
    covered = [(q.start, q.end) for q in quotes._direct(doc, old)]
    assert [(q.start, q.end) for q in quotes._direct(doc, new)] == covered
    assert _quotes(quotes._reported(doc, new, covered)) == _quotes(_old_reported(doc, old, covered))
    assert _people(new) == _people(old)


ROLE_TOKENS = ["head", "ahead", "regional head", "head of the regional military administration", "the city military administration head",
               "Mayor", "mayor", "city mayor", "prime minister", "minister", "Prime Minister", "spokesman", "air force spokesman",
               "chief of staff", "chief", "human rights commissioner", "ombudsman", "adviser", "advisor", "x", "-", ",", "."]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(ROLE_TOKENS), max_size=25).map(" ".join)
       | st.lists(st.sampled_from(ROLE_TOKENS + [" "]), max_size=16).map("".join))
def test_role_starts_from_the_shared_pass_equal_the_find_loops(text):
    lower = lower_preserving(text)
    expected = set()
    for phrase in quotes._tables().roles:
        at = lower.find(phrase)
        while at >= 0:
            expected.add(at)
            at = lower.find(phrase, at + 1)
    assert quotes._roles_fast()  # (the phrases are lower-case ASCII: the pass is used)
    assert quotes._role_starts(lower) == sorted(expected)


GLUED_TOKENS = ["\u201c", "\"", "-", "(", " ", "  ", ",", ";", "said", "told", "says", "the", "mayor", "Klitschko", "Vitali Klitschko",
                "Ab Cd", "Oleh", " Syniehubov", "has", "x", "A", ":", "according to"]


glued = st.lists(st.sampled_from(GLUED_TOKENS), min_size=1, max_size=16).map("".join)
opened = st.tuples(st.sampled_from(["\u201c", "\"", "-", "(", "", ","]), st.sampled_from(["said", "told", "says", "Said"]),
                   glued).map("".join)


@settings(max_examples=2000, deadline=None)
@given(prefixes, glued | opened)
@example("", "\u201csaid Vitali Klitschko")
def test_search_reported_on_glued_tokens_equals_the_plain_search(prefix, sentence):
    """Verbs right after the sentence start (one character in), commas and names glued
    to them; with the first verb given as ``_reported`` walks it, and found."""
    text = prefix + sentence
    starts = quotes._speech_verbs(lower_preserving(text)).starts
    plain = quotes._attribution()[3].search(sentence)
    expected = plain and (plain.start(), _groups(plain))
    words = quotes._words_before(text, starts, 0)
    for found in (quotes._search_reported(sentence, starts, len(prefix)),
                  quotes._search_reported(sentence, starts, len(prefix), words, parts=quotes._reported_parts(),
                                          first_verb=bisect_left(starts, len(prefix)))):
        assert (found and (found.start(), _groups(found))) == expected


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SUBJECT_TOKENS + ["Kiss", "KISS", "Ivan", "kiss"]), min_size=1, max_size=8).map(" ".join),
       st.sets(st.sampled_from(SURNAMES + ["ki\u017fs", "k\u0131ss", "\u0131van"]), max_size=3),
       st.sets(st.sampled_from(SURNAMES + ["ki\u017fs", "k\u0131ss", "\u0131van"]), max_size=6))
def test_surname_gate_with_the_ascii_surnames_equals_the_word_patterns(subject, surnames, listed):
    """``_names_any`` with ``Speakers._ascii`` (surnames known to be ASCII, maybe not all
    of them) finds what the surname patterns find."""
    expected = any(quotes._word_rx(sn).search(subject) for sn in surnames)
    plain = not any(trap in subject for trap in quotes._CASE_TRAPS)
    ascii_names = {sn for sn in listed if sn.isascii()}
    assert quotes._names_any(subject, subject.lower(), plain, surnames, ascii_names) == expected


@settings(max_examples=300, deadline=None)
@given(articles | short_articles)
def test_speakers_keep_their_ascii_surnames(text):
    speakers = quotes.Speakers(Doc.build(text))
    assert speakers._ascii == {sn for p in speakers.people for sn in p.surnames if sn.isascii()}
