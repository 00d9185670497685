"""The sixth-session rewrites of quotes.py (speed only) against the forms they replace, on
generated texts full of near misses: subjects with and without speech verbs, names
before verbs, auxiliaries, commas, capitals, case variants, odd white space."""
import re

from hypothesis import given, settings, strategies as st

from strikewatch.extract import quotes
from strikewatch.extract.doc import Doc, lower_preserving

from .test_speed_quo import TOKENS, _groups, prefixes, sentences
from .quotes_oracles import keyword_spans, may_end_name, subject_reaches_verb_plain

SPACES = [" ", "  ", "\n", "\t", "\u00a0", " \n "]
MORE = TOKENS + ["has", "had", "have", "also", "Has", "Mayor Vitali Klitschko", "Oleh Syniehubov,", "x1", "2",
                 "Kyiv Mayor", "Said", "\u2019", "-Klitschko", "Ihor Terekhov", "Terekhov", "head of the city military administration", "mayor,Klitschko", "x;Terekhov", "a,governor",
                 "Ihor  Terekhov", "Vitali\nKlitschko", "Oleh\u00a0Syniehubov",
                 "Klitschko has said", "Terekhov had  told reporters", "Oleh Syniehubov also said"]
spaced = st.lists(st.tuples(st.sampled_from(MORE), st.sampled_from(SPACES)), min_size=1, max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=1500, deadline=None)
@given(prefixes, sentences | spaced)
def test_subject_reaches_verb_equals_the_plain_loop(prefix, sentence):
    text = prefix + sentence + " Next"
    sentence = sentence.rstrip(",")  # the sentence may end where a word does, or inside it
    starts = quotes._speech_verbs(lower_preserving(text)).starts
    in_text = quotes._words_before(text, starts, 0)  # as Speakers reads them
    in_sentence = quotes._words_before(sentence, starts, len(prefix))
    for at in [0] + [i for i, c in enumerate(sentence) if c in ",;"]:
        expected = subject_reaches_verb_plain(sentence, at, starts, len(prefix))
        assert quotes._subject_reaches_verb(sentence, at, starts, len(prefix), in_text) == expected
        assert quotes._subject_reaches_verb(sentence, at, starts, len(prefix), in_sentence) == expected


@settings(max_examples=1500, deadline=None)
@given(sentences | spaced, st.integers(0, 80))
def test_name_before_only_matches_where_the_gate_lets_it(text, back):
    """``_may_end_name`` is true wherever ``name_before`` matches (so skipping the search
    elsewhere changes nothing)."""
    name_before = quotes._register_patterns()[1]
    for hi in range(len(text) + 1):
        lo = max(0, hi - back)
        gate = may_end_name(text, lo, hi)
        if name_before.search(text, lo, hi) is not None:
            assert gate
        # and the character scan that Speakers makes is the same test
        assert quotes._name_may_end(text, lo, hi) == gate


WORD_CHARS = "AZaz\u00e0\u00f7\u00ff\u00df\u00c0\u2019'-_.,1 \u0130\u0131\u017f\u00e9Kk"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=WORD_CHARS, max_size=8) | st.sampled_from(MORE) | st.text(max_size=6))
def test_name_word_scan_equals_the_pattern(word):
    assert quotes._is_name_word(word) == (quotes._NAME_WORD.fullmatch(word) is not None)


@settings(max_examples=1500, deadline=None)
@given(sentences | spaced | st.text(max_size=20), st.integers(0, 40), st.integers(0, 40))
def test_last_word_scan_equals_split(text, lo, hi):
    lo, hi = min(lo, len(text)), min(hi, len(text))
    window = text[lo:hi]
    start, end = quotes._last_word(text, lo, hi)
    if not window.split():
        assert (start, end) == (-1, -1)
    else:
        assert text[start:end] == window.split()[-1] and end == lo + len(window.rstrip())


def _old_attributions(sentence, verb_starts, offset):
    """The generator ``_reported`` used to read its matches from."""
    m = quotes._search_reported(sentence, verb_starts, offset)
    if m is not None:
        yield m
    if "ccording" in sentence or ":" in sentence or "by" in sentence:
        according = quotes._attribution()[4]
        m = according.match(sentence) or quotes._led_according().search(sentence, 1)
        if m is not None:
            yield m


def _old_reported(doc, speakers, covered):
    from bisect import bisect_left

    verb_spans = speakers.verbs.spans
    verb_starts = speakers.verbs.starts
    span_starts = [start for start, _ in verb_spans]
    text = doc.text
    out = []
    for s_start, s_end in doc.sentences:
        i = bisect_left(span_starts, s_start)
        if i == len(span_starts) or span_starts[i] >= s_end:
            continue
        if covered and any(a <= s_start < b or a < s_end <= b for a, b in covered):
            continue
        sentence = text[s_start:s_end]
        speaker = role = None
        is_person = False
        for m in _old_attributions(sentence, verb_starts, s_start):
            groups = m.groupdict()
            subject = (groups.get("named") or groups.get("named2") or groups.get("named3") or groups.get("named4")
                       or groups.get("named5") or groups.get("subj"))
            if subject:
                speaker, role, is_person = speakers.resolve(subject)
                if speaker is not None:
                    break
        if speaker is None and role is None:
            continue
        out.append(quotes.Quote(sentence, speaker, role, "reported", s_start, s_end, is_person))
    return out


def _old_register(doc):
    """The people ``Speakers`` registered before the sixth session (every speech verb's
    window searched for a name before it)."""
    speakers = quotes.Speakers(Doc.build(""))  # no one yet (``__new__`` alone fails on the compiled class)
    speakers.people = []
    speakers._last = None
    speakers.verbs = quotes._speech_verbs(doc.lower)
    t = quotes._tables()
    intro, name_before, _, _ = quotes._register_patterns()
    text = doc.text
    seen = set()
    spans = keyword_spans(doc.lower, quotes._ROLE_HINTS)
    for start, end in spans:
        lo, hi = max(0, start - 110), min(len(text), end + 60)
        for m in intro.finditer(text, lo, hi):
            if m.start() in seen:
                continue
            seen.add(m.start())
            groups = m.groupdict()
            name = quotes._clean_name(groups.get("n1") or groups.get("n2"))
            role = (groups.get("role1") or groups.get("role2") or "").lower()
            if name:
                speakers.add(name, t.roles.get(role, role))
    for start, _ in speakers.verbs.spans:
        before = name_before.search(text, max(0, start - 60), start)
        if before:
            name = quotes._clean_name(before.group("n"))
            if name:
                speakers.add(name, None)
    return speakers


def _people(speakers):
    return [(p.name, p.role, sorted(p.surnames)) for p in speakers.people]


def _quotes(found):
    return [(q.text, q.speaker, q.role, q.kind, q.start, q.end, q.is_person) for q in found]


ARTICLE_TOKENS = MORE + ["Kharkiv Governor Oleh Syniehubov", "Vitali Klitschko, the mayor of Kyiv,", "\u201cWe",
                         "will rebuild everything,\u201d", "\u201d", ". ", ".\n\n", "according to the Air Force,",
                         "by Ihor Terekhov", "- Mayor Ihor Terekhov: the", "the head of the regional administration",
                         "the governor said", "according to police", "the spokesman told reporters"]
articles = st.lists(st.tuples(st.sampled_from(ARTICLE_TOKENS), st.sampled_from(SPACES + [". ", ", "])),
                    min_size=1, max_size=60).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=600, deadline=None)
@given(articles)
def test_speakers_and_quotes_equal_the_old_scans(text):
    doc = Doc.build(text)
    old = _old_register(doc)
    new = quotes.Speakers(doc)
    assert _people(new) == _people(old)
    covered = [(q.start, q.end) for q in quotes._direct(doc, old)]
    assert [(q.start, q.end) for q in quotes._direct(doc, new)] == covered
    expected = _quotes(_old_reported(doc, old, covered))
    assert _quotes(quotes._reported(doc, new, covered)) == expected
    assert _people(new) == _people(old)


KEYWORD_TOKENS = ARTICLE_TOKENS + ["ahead", "headquarters", "spokes", "advisor", "adviser", "commissioner", "premiere",
                                   "vice-president", "ombudsmen", "secretary-general", "chiefs", "headhead", "mayorgovernor"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(KEYWORD_TOKENS), max_size=40).map(" ".join) | st.lists(st.sampled_from(KEYWORD_TOKENS), max_size=40).map("".join))
def test_role_keywords_from_the_shared_pass_equal_the_find_loops(text):
    lower = lower_preserving(text)
    assert quotes._role_keyword_spans(lower) == keyword_spans(lower, quotes._ROLE_HINTS)


HEAD_TOKENS = MORE + ["said:", "Klitschko:", "told reporters on Monday,", "added,", "wrote on Telegram:", "said in a statement:",
                      "Mayor Ihor Terekhov:", "the governor said", "that", "“", "said on social media", "x" * 31, "in", "on",
                      "Sunday", ":", "--", "\u2014"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HEAD_TOKENS), st.sampled_from([" ", "  ", "\t", ""])), max_size=25).map(
    lambda parts: "".join(w + s for w, s in parts)), st.sampled_from(["", "Intro ", "x. "]), st.sampled_from(["\u201c", "\""]))
def test_before_searched_from_its_earliest_start_equals_the_plain_search(head, prefix, mark):
    text = prefix + head + mark + "We will rebuild, he said."
    starts = quotes._speech_verbs(lower_preserving(text)).starts
    before = quotes._attribution()[2]
    plain = before.search(head)
    at = quotes._before_start(head, starts, len(prefix))
    found = before.search(head, at) if at is not None else None
    assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))


ACCORDING_TOKENS = MORE + ["according to", "According to", "by", "hit by", ":", "- ", "\u2014 ", "Mayor", "Governor Oleh Syniehubov:",
                           "Ihor Terekhov:", "the", "Air Force", "police", "Kharkiv Oblast"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ACCORDING_TOKENS), st.sampled_from(SPACES)), min_size=1, max_size=25).map(
    lambda parts: "".join(w + s for w, s in parts)))
def test_according_with_the_name_gate_equals_the_plain_search(sentence):
    according = quotes._attribution()[4]
    plain = according.search(sentence)
    pair = quotes._NAME_PAIR.search(sentence)
    found = quotes._search_according(sentence, pair.start() if pair is not None else -1)
    # (a led search's span is its first character only: the start and groups are kept)
    assert (found and (found.start(), found.groupdict())) == (plain and (plain.start(), plain.groupdict()))


@settings(max_examples=1500, deadline=None)
@given(prefixes, spaced)
def test_search_reported_with_odd_white_space_equals_the_plain_search(prefix, sentence):
    text = prefix + sentence
    starts = quotes._speech_verbs(lower_preserving(text)).starts
    plain = quotes._attribution()[3].search(sentence)
    found = quotes._search_reported(sentence, starts, len(prefix))
    assert (found and (found.start(), _groups(found))) == (plain and (plain.start(), _groups(plain)))


SURNAMES = ["klitschko", "klychko", "syniehubov", "terekhov", "o’neil", "o'neil", "kiss", "ski", "zelenskyy", "élan", "kelvin"]
SUBJECT_TOKENS = MORE + ["KLITSCHKO", "Klitſchko", "Kiſs", "KİSS", "Kıss", "\u212aelvin", "Élan", "ÉLAN", "O’Neil", "O'NEIL",
                         "Klitschkos", "xklitschko", "Syniehubov’s", "Terekhov-led"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SUBJECT_TOKENS), min_size=1, max_size=8).map(" ".join),
       st.sets(st.sampled_from(SURNAMES), max_size=3))
def test_surname_gate_equals_the_word_patterns(subject, surnames):
    expected = any(quotes._word_rx(sn).search(subject) for sn in surnames)
    plain = not any(trap in subject for trap in quotes._CASE_TRAPS)
    assert quotes._names_any(subject, subject.lower(), plain, surnames) == expected


@settings(max_examples=1500, deadline=None)
@given(articles | spaced | sentences, st.sampled_from([0, 3, 10, 60]))
def test_name_gate_from_the_words_before_equals_the_window_test(text, back):
    starts = quotes._speech_verbs(lower_preserving(text)).starts
    words = quotes._words_before(text, starts, 0)
    for i, start in enumerate(starts):
        lo = max(0, start - back)
        assert quotes._name_gate(text, words, i, lo, start) == may_end_name(text, lo, start)
