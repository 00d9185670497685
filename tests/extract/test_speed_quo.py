"""The split scans and str.find scans of quotes.py give what the plain patterns they replace would give
(speed only), on generated sentences full of near misses: subjects with and without
verbs, names before and after verbs, commas, capitals, case variants of the verbs."""
from hypothesis import given, settings, strategies as st

from strikewatch.extract import quotes
from strikewatch.extract.doc import lower_preserving

TOKENS = [
    "said", "says", "Said", "told reporters", "said on Telegram", "wrote", "reported", "added that",
    "according to", "saying", "resaid", "the", "The", "a", "A", "mayor", "Mayor", "governor", "he", "she",
    "Vitali", "Klitschko", "Oleh", "Syniehubov", "Kyiv", "Kharkiv", "Ukrainian", "Air", "Force",
    "regional", "military", "administration", "head", "of", "officials", "police", "has", "also", "that",
    "on", "Telegram", "by", "were", "killed", "42", "people", ",", ";", ":", ".", "-", "’s", "O’Neil",
    "Zelenskyy", "élan", "İ", "\u201c", "\"", "in", "a", "statement", "x", "said,", "Klitschko,", "mayor,",
    "people,", "Kyiv;", "ex-mayor", "o’clock", "rock'n'roll",
]
sentences = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=30).map(" ".join)
prefixes = st.sampled_from(["", "Intro. ", "He said so. ", "a, "])

GROUPS = ("named", "named2", "subj")


def _groups(m):
    if m is None:
        return None
    d = m.groupdict()
    return tuple(d.get(g) for g in GROUPS)


@settings(max_examples=1500, deadline=None)
@given(prefixes, sentences)
def test_search_reported_equals_the_plain_search(prefix, sentence):
    text = prefix + sentence
    starts = quotes._speech_verbs(lower_preserving(text)).starts
    reported = quotes._attribution()[3]
    expected = _groups(reported.search(sentence))
    assert _groups(quotes._search_reported(sentence, starts, len(prefix))) == expected


QUOTE_TOKENS = ["\u201c", "\u201d", "\"", "\n", "\n\n", "\n \n", " \n", "said", "x" * 40, "y" * 400, "a", ",", ".", "\u2019"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(QUOTE_TOKENS), max_size=30).map(" ".join)
       | st.lists(st.sampled_from(QUOTE_TOKENS), max_size=30).map("".join))
def test_quote_matches_equal_the_lazy_pattern(text):
    expected = [(m.span(), m.group(1)) for m in quotes._QUOTE.finditer(text)]
    assert [((s, e), text[a:b]) for s, e, a, b in quotes._quote_matches(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["\u201c", "\""]), st.sampled_from([11, 12, 13, 1488, 1499, 1500, 1501]) | st.integers(0, 1520), st.sampled_from(["\u201d", "\"", "\n\n", "\n", "\u201c", ""]),
       st.lists(st.sampled_from(QUOTE_TOKENS), max_size=6).map(" ".join))
def test_quote_matches_keep_the_length_bound(opening, size, closing, rest):
    text = opening + "z" * size + closing + rest
    expected = [(m.span(), m.group(1)) for m in quotes._QUOTE.finditer(text)]
    assert [((s, e), text[a:b]) for s, e, a, b in quotes._quote_matches(text)] == expected
