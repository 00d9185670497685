"""The fast scans give exactly what the plain regular expressions they replace would.

Numbers are tried only at Aho-Corasick/digit candidates, hint stems are found with
Aho-Corasick, and sentence boundaries are anchored on the stop character: each is
checked here against the straightforward regex on generated text full of near misses
(number words inside other words, hyphens, decimals, abbreviations)."""
import re

from hypothesis import given, settings, strategies as st

from strikewatch.extract import doc as doc_module, numbers
from strikewatch.extract import _patterns
from strikewatch.extract._patterns import Hint, alternation, search_tail
from strikewatch.extract.damage import _VERBS as DAMAGE_VERBS
from strikewatch.resources import load_toml
from .quotes_oracles import keyword_spans, may_end_name, subject_reaches_verb_plain

TOKENS = [
    "one", "someone", "none", "often", "ten", "tense", "twenty-one", "forty five", "a few", "a dozen",
    "dozens of", "several", "at least", "over", "overnight", "up to", "some", "under", "about",
    "approx.", "1", "12", "1,200", "3.5", "2024", "10-15", "x-101", "-", "$", "5%", "km", "hit",
    "hit-and-run", "shelling", "damaged", "set on fire", "drones", "Mr.", "Dr.", "St.", "U.S.",
    "Kyiv", "said", "killed", ".", "!", "?", ",", "\u201c", "\u201d", "\n", "\n\n", "- ", "\u2022 ",
    "(", ")", "Kharkiv.", "people", "_one", "one_", "٣",
]
texts = st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_number_scan_equals_the_pattern_everywhere(text):
    tables = numbers._tables()
    lower = doc_module.lower_preserving(text)
    assert [m.span() for m in numbers._scan(lower, tables)] == [m.span() for m in tables.pattern.finditer(lower)]


_OLD_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9А-ЯІЇЄҐ])|\n\s*\n|\n(?=\s*[-*•]\s)")


def _old_split(text):
    spans, start = [], 0
    for m in _OLD_BOUNDARY.finditer(text):
        cut = m.start()
        if "\n" not in m.group() and doc_module._ABBREV.search(text[max(start, cut - 6) : cut]):
            continue
        if text[start:cut].strip():
            spans.append(doc_module._trim(text, start, cut))
        start = m.end()
    if text[start:].strip():
        spans.append(doc_module._trim(text, start, len(text)))
    return spans


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS + ["The", "A", "9", "\"We"]), max_size=40).map(" ".join))
def test_sentence_split_equals_the_lookbehind_version(text):
    assert doc_module.split_sentences(text) == _old_split(text)


_GROUP_BOUNDARY = re.compile(r"(?P<stop>[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9А-ЯІЇЄҐ])|\n\s*\n|\n(?=\s*[-*•]\s)")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS + ["The", "A", "9", "\"We", "\n- ", "\n \n", ".\u201d ", "!) "]), max_size=40).map(" ".join)
       | st.text(alphabet=".!?\n -*•\"'()[]\u201c\u201dAa9 ", max_size=40))
def test_sentence_boundary_equals_the_alternation_it_replaces(text):
    assert [m.span() for m in doc_module._BOUNDARY.finditer(text)] == [m.span() for m in _GROUP_BOUNDARY.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_hint_starts_are_the_stem_occurrences(text):
    words = load_toml("casualty_terms.toml")["hints"]
    lower = text.lower()
    expected = sorted({m.start() for w in words for m in re.finditer(f"(?={re.escape(w)})", lower)})
    assert Hint(words).starts(lower) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["one", "on", "ne", "kill", "killed", "ill", "dro", "drone", "s"]), min_size=1, max_size=5),
       st.lists(st.sampled_from(["one", "n", "killed", "led", "drones", "rone", "z"]), min_size=1, max_size=5),
       texts)
def test_hints_sharing_one_automaton_each_find_their_own_stems(first, second, text):
    """All live Hints share one Aho-Corasick pass: overlapping stem lists, made in any
    order, still give each Hint exactly the occurrences of its own stems."""
    lower = text.lower() + " someone killed drones"
    a, b = Hint(first), Hint(second)
    for hint, words in ((a, first), (b, second)):
        expected = sorted({m.start() for w in words for m in re.finditer(f"(?={re.escape(w)})", lower)})
        assert hint.starts(lower) == expected
        assert sorted(hint.hits(lower)) == sorted((m.start() + len(w) - 1, len(w)) for w in set(words)
                                                  for m in re.finditer(f"(?={re.escape(w)})", lower))


def test_a_retired_hint_leaves_the_shared_pass_once_no_other_hint_has_its_stems():
    text = "the zqxalpha and the zqxbeta"
    a, b, c = Hint(["zqxalpha"]), Hint(["zqxalpha"]), Hint(["zqxbeta"])
    b.retire()  # a has the same stems and still needs them
    assert a.hits(text) == [(11, 8)] and c.hits(text) == [(27, 7)]
    a.retire()
    assert ("zqxalpha",) not in _patterns._HINT_KEYS
    assert "zqxalpha" not in _patterns._shared_automaton()
    assert c.hits(text) == [(27, 7)]
    assert Hint(["zqxgamma"]).hits("zqxgamma zqxbeta") == [(7, 8)]  # a new key, not a reused one
    c.retire()


def test_places_keep_one_hint_in_the_shared_pass_after_other_components_add_tables():
    """places.scan's Hint is rebuilt when a component registers a phrase table (the
    attack classifier does, on first use); the one it replaces must leave the shared
    automaton, or every place name in every text is collected twice."""
    from strikewatch.extract import extract_article, places
    from strikewatch.models import Article

    places.scan("kharkiv")  # builds the scan's Hint
    places.add_phrase_table("test.extra", ("zqxdelta",))
    extract_article(Article(text="A drone hit Kharkiv overnight, injuring two people.", title="Drone hits Kharkiv"))
    holders = [words for words in _patterns._HINT_KEYS if "kharkiv" in words]
    assert len(holders) == 1 and "zqxdelta" in holders[0]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_whole_word_hits_match_the_bounded_alternation(text):
    verbs = load_toml("damage.toml")["verbs"]
    lower = text.lower()
    rx = re.compile(rf"(?<![\w-])(?:{alternation(verbs)})(?![\w-])")
    # every regex hit is a whole-word hit; every whole-word hit is a verb with a
    # boundary on both sides (the regex may prefer a longer verb at the same start)
    hits = DAMAGE_VERBS.word_starts(lower)
    assert {m.start() for m in rx.finditer(lower)} <= set(hits)
    for start in hits:
        assert start == 0 or not re.match(r"[\w-]", lower[start - 1])
        assert any(lower.startswith(v, start) and not re.match(r"[\w-]", lower[start + len(v) : start + len(v) + 1])
                   for v in verbs)


def test_every_month_spelling_dates_accept_starts_with_a_stem_attacks_pre_checks():
    """attacks.py skips the date patterns in sentences without one of the twelve month
    stems; a month spelling added to dates.py without such a stem would be missed."""
    from strikewatch.extract import attacks, dates

    spellings = re.findall(r"[a-z]+", dates._MONTH_RX)
    assert spellings and all(s.startswith(attacks._MONTH_STEMS) for s in spellings)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS + ["said", "says", "told reporters", "unsaid", "said_", "wrote on telegram",
                                          "according to", "the mayor", "governor", "spokesperson"]),
                max_size=40).map(" ".join))
def test_speech_verb_scan_equals_the_bounded_alternation(text):
    from strikewatch.extract import quotes

    lower = text.lower()
    rx = re.compile(rf"(?<![\w])(?:{quotes._tables().verbs_rx})\b")
    assert quotes._speech_verbs(lower).spans == [m.span() for m in rx.finditer(lower)]
    spans = keyword_spans(lower, quotes._ROLE_HINTS)
    assert spans == [m.span() for m in re.finditer("|".join(quotes._ROLE_HINTS), lower)]


_WITHIN_TOKENS = [
    "death toll", "the toll", "number of dead", "number of injured", "deaths", "dead", "rose", "to", "at", "reached",
    "bodies", "bodies of", "of", "two", "12", "people", "killed", "injured", "neither", "none", "not", "nothing",
    "was", "were", "intercepted", "could", "be", "shot", "down", "missiles", "drones", "of them", ".", ". The",
    "\n\n", ",", "hospital", "victims", "none were intercepted", "could not be intercepted", "was not intercepted",
    "two drones", "neither of them was destroyed", "death toll rose to 12",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WITHIN_TOKENS), max_size=40).map(" ".join))
def test_windows_skipped_for_want_of_a_stem_hold_no_match(text):
    """``Doc.finditer(..., within=stems)`` skips windows holding no stem: it finds what
    the plain window scan finds, for the patterns that use it."""
    from strikewatch.extract import casualties, weapons
    from strikewatch.extract.doc import Doc

    p = casualties._patterns()
    for rx, hint, target, stems in ((p.toll, casualties.HINT, None, p.toll_subjects),
                                    (p.bodies, casualties.HINT, None, casualties._BODIES),
                                    (weapons._NONE, weapons.HINT, "lower", weapons._NONE_STEMS)):
        doc = Doc.build(text)
        on = doc.lower if target == "lower" else None
        plain = [m.span() for m in doc.finditer(rx, hint, on)]
        assert [m.span() for m in doc.finditer(rx, hint, on, within=stems)] == plain
        # and the stems are in every match (so this holds for any text, not just these)
        for m in rx.finditer(doc.shadow if on is None else on):
            assert any(w in m.group() for w in stems.words)


_ENDINGS = ["Mr", "mrs", "Sept", "capt", "approx", "U.S", "a.m", "e.g", "x", "A", "ab", "abc", "abcd", "Kyiv",
            "people", "said", "Gen", "nov", "5", "no", "-a", "_", "\u212a", "\u017f", "ſept", "ɑ", "é", "Ü.S"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ENDINGS + [" ", "  ", "\n", ".", ". ", "\t"]), max_size=8).map("".join),
       st.sampled_from(_ENDINGS), st.integers(0, 8))
def test_abbreviation_shortcut_equals_the_pattern(head, last, start):
    """``_is_abbreviation`` skips the pattern when five letters precede the ".": it
    says what ``_ABBREV.search`` on the window says, for sentence starts that follow
    white space (as every sentence start but the first does)."""
    text = head + last + "."
    cut = len(text)
    start = min(start, cut - 1)
    if start and not text[start - 1].isspace():
        start = 0
    expected = doc_module._ABBREV.search(text[max(start, cut - 6) : cut]) is not None
    assert doc_module._is_abbreviation(text, start, cut) == expected


_TAIL_TOKENS = ["aged", "age of", "ages", "of", "floor", "storey", "story", "floors", "at", "that", "about", "by",
                "from", "before", "jan", "jan.", "january", "may", "dec.", "sept", "uah", "usd", "eur", "$", "€", "£",
                "and", "band", "while", "with", "another", "a", "further", "shot down", "shot", "destroyed",
                "intercepted", "neutralised", "neutralized", "downed", "suppressed", "at least", "least",
                "people", "killed", "x", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ".", ",", ";"]


def _tail_searches():
    from strikewatch.extract import casualties, weapons

    return [(numbers._BEFORE_ANY, numbers._BEFORE_ENDINGS), (casualties._CONT_BEFORE, casualties._CONT_ENDINGS),
            (weapons._VERB_BEFORE, weapons._VERB_ENDINGS)]


_TAIL_PHRASES = ["and a further", "while another", "with a  further", ", another", "; a further", "band another",
                 "shot down at least", "downed a further", "intercepted another", "neutralized", "jan.", "sept",
                 "ages of", "age of", "aged", "that", "usd", "$", "a further", "x further", "at  least"]
_WHITE = st.sampled_from(["", " ", "  ", "\n", " \n", "\t ", "\u00a0", "\n\n"])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_TAIL_TOKENS), max_size=8).map("".join)
       | st.tuples(st.lists(st.sampled_from(_TAIL_TOKENS), max_size=3).map(" ".join), _WHITE,
                   st.sampled_from(_TAIL_PHRASES), _WHITE).map("".join)
       | st.text(max_size=24))
def test_tail_search_shortcut_equals_the_search(before):
    """``search_tail`` tries an end-anchored pattern only on text ending in one of its
    words: it finds what the plain search finds, for every pattern it is used with."""
    for rx, endings in _tail_searches():
        found, expected = search_tail(rx, endings, before), rx.search(before)
        assert (found and found.span()) == (expected and expected.span())


def _casualty_pattern_pairs():
    """(new, old) for the casualty patterns written with ``word_start_alternation``:
    the old ones are the plain ``(?<![\\w-])(?:...)`` forms they replace."""
    from strikewatch.extract import casualties
    from strikewatch.extract._patterns import word_start_alternation

    t = load_toml("casualty_terms.toml")
    p = casualties._patterns()
    pairs = []
    for rx, new, old in (
        (p.before, f"(?P<w>{word_start_alternation(t['killed_before'], t['injured_before'])})",
         f"(?<![\\w-])(?P<w>{alternation(t['killed_before'])}|{alternation(t['injured_before'])})"),
        (p.singular, f"(?P<a>{word_start_alternation(['an', 'a', 'one', 'the'])})", "(?<![\\w-])(?P<a>an?|one|the)"),
        (p.zero, r"[ntw](?<![\w-].)(?:(?<=n)(?:o\s+one|obody|o-one|o\s+people|o\s+civilians|one)",
         r"(?<![\w-])(?:(?:no\s+one|nobody|no-one|no\s+people|no\s+civilians|none)"),
    ):
        assert rx.pattern.count(new) == 1
        pattern = rx.pattern.replace(new, old)
        if rx is p.zero:
            pattern = pattern.replace("|(?<=t)here", "|there").replace("|(?<=w)ithout", "|without")
        pairs.append((rx, re.compile(pattern)))
    return pairs



def _token_texts(tokens: list[str], words: int, glued: int) -> st.SearchStrategy[str]:
    """Texts of ``tokens``: up to ``words`` of them joined by spaces, or up to ``glued``
    (spaces among them) run together, which makes words that only look like tokens."""
    return (st.lists(st.sampled_from(tokens), max_size=words).map(" ".join)
            | st.lists(st.sampled_from(tokens + [" "]), max_size=glued).map("".join))

_CASUALTY_TOKENS = sorted({*load_toml("casualty_terms.toml")["killed_before"], *load_toml("casualty_terms.toml")["injured_before"],
                           "a", "an", "one", "the", "man", "woman", "child", "person", "was", "were", "killed", "injured",
                           "no one", "nobody", "no-one", "none", "no people", "there were no casualties", "without casualties",
                           "at least", "\x01", "\x01\x01", "people", "x", "-", "_", "5", "the-", "anone", "ithout",
                           "here", "o one", ",", "."})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CASUALTY_TOKENS), max_size=30).map(" ".join)
       | st.lists(st.sampled_from(_CASUALTY_TOKENS), max_size=12).map("".join),
       st.integers(0, 12))
def test_word_start_alternations_match_the_lookbehind_patterns(text, pos):
    """The casualty patterns that start with a character set (``word_start_alternation``)
    find what the ``(?<![\\w-])`` patterns they replace find, also from an offset
    (where the lookbehind reads the character before it)."""
    for new, old in _casualty_pattern_pairs():
        assert ([(m.span(), m.groupdict()) for m in new.finditer(text, pos)]
                == [(m.span(), m.groupdict()) for m in old.finditer(text, pos)])


_OLD_WEAPON_SINGULAR = re.compile(
    r"(?<![\w-])(?:with|by)\s+an?\s+(?:(?:[\w-]+)\s+){0,2}?(?:missile|rocket)(?!\s*(?:attack|strike|fragments?|debris|wreckage|parts?|alert|threat|danger|defen))(?![\w-])"
    r"|(?<![\w-])an?\s+(?:(?:ballistic|cruise|russian|iskander|kh-\d+)\s+){0,2}(?:missile|rocket)\s+(?:hit|struck|slammed|landed|exploded|crashed)"
)
_WEAPON_TOKENS = ["with", "by", "a", "an", "ban", "-a", "_an", "wwith", "bby", "missile", "rocket", "ballistic", "cruise",
                  "kh-101", "iskander", "attack", "strike", "debris", "hit", "struck", "crashed", "x", "5", "-", "the", "old",
                  "with a missile", "by an old rocket", "a missile hit", "an iskander missile struck", "ban missile hit",
                  "wwith a missile", "-by a rocket", "a rocket attack", "bith a missile", "ay a rocket", "wn missile hit"]


@settings(max_examples=400, deadline=None)
@given(_token_texts(_WEAPON_TOKENS, 24, 16),
       st.integers(0, 10))
def test_weapon_singular_pattern_matches_the_lookbehind_one(text, pos):
    from strikewatch.extract import weapons

    assert ([m.span() for m in weapons._SINGULAR.finditer(text, pos)]
            == [m.span() for m in _OLD_WEAPON_SINGULAR.finditer(text, pos)])


_SLOT_TOKENS = ["\x01", "\x01\x01\x01", "\x01\x01\x01\x01\x01", "people", "civilians", "were", "was",
                "killed", "injured", "wounded", "dead", "dead:", "including", "of them", "children", "among the dead",
                "the death toll", "rose to", "toll", "at least", "bodies of", "drones", "missiles", "shahed", "of",
                "out of", "the", "were intercepted", "intercepted", "shot down", "more", "-", ",", ".", "x", "1"]


@settings(max_examples=400, deadline=None)
@given(_token_texts(_SLOT_TOKENS, 30, 16),
       st.integers(0, 12))
def test_slot_run_patterns_match_the_slot_plus_ones(text, pos):
    """Patterns written with ``SLOT_RUN`` find what they find written with "SLOT+", from any offset."""
    from strikewatch.extract import weapons
    from strikewatch.extract.doc import SLOT, SLOT_RUN

    t = weapons._tables()
    for rx in (t.np_rx, t.of_rx, t.bare_rx):
        assert SLOT_RUN in rx.pattern
        old = re.compile(rx.pattern.replace(SLOT_RUN, SLOT + "+"))
        assert ([(m.span(), m.groupdict()) for m in rx.finditer(text, pos)]
                == [(m.span(), m.groupdict()) for m in old.finditer(text, pos)])


def _old_after_and_breakdown():
    """``after`` and ``breakdown`` as they were written before they started with a
    character set: each branch opening with a capture group."""
    from strikewatch.extract import casualties as c

    t = load_toml("casualty_terms.toml")
    kill_after, inj_after = alternation(t["killed_after"]), alternation(t["injured_after"])
    people = rf"(?:(?:{alternation(t['people_modifiers'])}|[a-z’'-]+)\s+){{0,2}}?(?:{alternation(t['people'])})"
    after = re.compile(
        rf"{c._N}\s+(?:(?P<noun>{people}){c._CLAUSE}\s+|(?:further|more|other|additional)\s+)?{c._AUX}(?P<w>{kill_after}|{inj_after})(?![\w-])"
        rf"|(?P<label>dead|killed|deaths|injured|wounded|injured\s+persons)\s*[:–—-]\s*{c._N.replace('<n>', '<n4>')}"
    )
    group_alt = alternation(list(t["groups"]))
    breakdown = re.compile(
        rf"(?:(?:including|among\s+them|among\s+whom|of\s+them|of\s+whom|of\s+those)\s+{c._N}\s+(?:(?:small|young)\s+)?(?P<g1>{group_alt})"
        rf"|{c._N.replace('<n>', '<n2>')}\s+of\s+(?:them|whom|those)\s+(?:were\s+|are\s+)?(?P<g2>{group_alt})"
        rf"|{c._N.replace('<n>', '<n3>')}\s+(?P<g3>{group_alt})\s+(?:were\s+|are\s+)?among\s+(?:the\s+|those\s+)?(?P<w>dead|killed|injured|wounded|victims|casualties))"
    )
    return after, breakdown


_BREAKDOWN_TOKENS = ["including", "among them", "among whom", "of them", "of whom", "of those", "small", "young",
                     "children", "child", "women", "were", "are", "among the dead", "among those injured", "victims",
                     "casualties", "dead:", "dead -", "deaths:", "killed –", "injured persons:", "injured persons",
                     "wounded—", "injured", "persons", "people", "more", "further", "have been", "reportedly",
                     "aincluding", "oof them", "ddead:", "iinjured:", "a", "o", "i", "w", "dilled:", "kead -",
                     "wnjured:", "iounded:", "\x01a", "a\x01", "a of them children", "io of whom women", "o children",
                     "ancluding", "imong them", "af whom",
                     "ai women were among the dead"]  # near misses for the first-character set


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SLOT_TOKENS + _BREAKDOWN_TOKENS), max_size=30).map(" ".join)
       | st.lists(st.sampled_from(_SLOT_TOKENS + _BREAKDOWN_TOKENS + [" "]), max_size=16).map("".join),
       st.integers(0, 12))
def test_casualty_after_and_breakdown_match_the_capture_group_versions(text, pos):
    """``after`` and ``breakdown``, started with a character set, find what the versions
    opening with capture groups found, from any offset: the same spans, the quantity at
    the same place and the same words (``label`` less its first letter)."""
    from strikewatch.extract import casualties as c

    p = c._patterns()
    old_after, old_breakdown = _old_after_and_breakdown()
    assert ([(m.span(), m.start("n4") if m.group("label") else m.start(), m.group("noun"), m.group("w"),
              m.string[m.start() : m.end("label")] if m.group("label") else None) for m in p.after.finditer(text, pos)]
            == [(m.span(), m.start("n4") if m.group("label") else m.start("n"), m.group("noun"), m.group("w"),
                 m.group("label")) for m in old_after.finditer(text, pos)])
    assert ([(m.span(), m.start("n") if m.group("g1") else m.start(), m.group("g1") or m.group("g2") or m.group("g3"),
              m.group("w")) for m in p.breakdown.finditer(text, pos)]
            == [(m.span(), m.start("n") if m.group("n") else m.start("n2") if m.group("n2") else m.start("n3"),
                 m.group("g1") or m.group("g2") or m.group("g3"), m.group("w")) for m in old_breakdown.finditer(text, pos)])


_DIGIT_TOKENS = ["1", "12", "1,200", "3.5", "٣", "٣4", "۵", "५", "x", " ", "a1", "1a", "\u2019", "\x01", "-", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DIGIT_TOKENS), max_size=30).map("".join) | st.text(max_size=60))
def test_digit_run_starts_equal_the_plain_pattern(text):
    """The digit-run starts (set-first pattern, [0-9] in ASCII text) are the starts of ``\\d+``,
    in ASCII text and in text with other decimal digits."""
    assert numbers._digit_run_starts(text) == {m.start() for m in re.finditer(r"\d+", text)}
    ascii_text = "".join(c for c in text if c.isascii())
    assert numbers._digit_run_starts(ascii_text) == {m.start() for m in re.finditer(r"\d+", ascii_text)}


_TOTAL_TOKENS = [*load_toml("place_cues.toml")["total_markers"], "in", "a", "total", "all", "ukraine", "x", "-", "_", "5",
                 "the", "country", ",", ".", "\n", "ain total", "-overall", "overalls", "nationwide-", "tin all", "ototal of"]


@settings(max_examples=400, deadline=None)
@given(_token_texts(_TOTAL_TOKENS, 24, 12),
       st.integers(0, 12))
def test_total_marker_pattern_matches_the_lookbehind_one(text, pos):
    """The set-first total-marker pattern finds what the ``(?<![\\w-])`` one found, from any offset."""
    from strikewatch.extract.places import gazetteer

    old = re.compile(rf"(?<![\w-])(?:{alternation(load_toml('place_cues.toml')['total_markers'])})(?![\w-])")
    new = gazetteer().total_rx
    assert [m.span() for m in new.finditer(text, pos)] == [m.span() for m in old.finditer(text, pos)]
    assert [m and m.span() for m in [new.search(text, pos, pos + 20)]] == [m and m.span() for m in [old.search(text, pos, pos + 20)]]
