"""find_damage reads the category words from the shared Aho-Corasick pass; it finds
what the bounded alternation it replaces found in each sentence with a damage verb."""
import re

from hypothesis import given, settings, strategies as st

from strikewatch.extract import damage
from strikewatch.extract._patterns import alternation
from strikewatch.extract.doc import Doc

from .test_scanning import _token_texts


def _old_find_damage(doc: Doc) -> list[damage.Damage]:
    """find_damage as it was: the pattern run over each sentence with a verb."""
    verbs, word_category = damage._VERBS, damage._WORD_CATEGORY
    words = re.compile(rf"(?<![\w-])(?:{alternation(word_category)})(?![\w-])")
    out: list[damage.Damage] = []
    if not doc.sentences:
        return out
    last = -1
    for offset in verbs.word_starts(doc.lower):
        index = doc.sentence_index(offset)
        if index == last:
            continue
        last = index
        start, end = doc.sentences[index]
        seen: set[str] = set()
        for m in words.finditer(doc.lower, start, end):
            category = word_category[m.group()]
            if category in seen:
                continue
            seen.add(category)
            out.append(damage.Damage(category, doc.text[m.start() : m.end()], m.start(), m.end()))
    return out


_TOKENS = ["hit", "damaged", "were hit", "set on fire", "fire", "struck", "destroyed", "damage", "hitting", "hits",
           "power plant", "Power Plant", "plant", "plants", "power", "powerplant", "power-plant", "thermal power plant",
           "port", "airport", "reported", "sport", "port infrastructure", "car", "cars", "scar", "carport", "home",
           "homes", "Homes", "homeland", "high-rise", "high-rises", "rise", "grain terminal", "grain", "block of flats",
           "flats", "flat", "oil depot", "depot", "apartment", "apartment building", "buildings", "city council",
           "city", "council", "shop", "shops", "shopping centre", "school", "schools", "-", "_", "x", "2", "the",
           "a", ",", ".", ". The", ".\n", "\n", "\n\n", "\n- ", "St.", "!", "? A", ")", "\"", "İ", "ǅ", "Kyiv"]


@settings(max_examples=500, deadline=None)
@given(_token_texts(_TOKENS, 40, 24))
def test_find_damage_equals_the_pattern_per_sentence(text):
    doc = Doc.build(text)
    assert damage.find_damage(doc) == _old_find_damage(doc)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="hitplanorpwe .-\n_A", max_size=60))
def test_find_damage_equals_the_pattern_on_letter_soup(text):
    doc = Doc.build(text)
    assert damage.find_damage(doc) == _old_find_damage(doc)
