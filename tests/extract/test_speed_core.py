"""Speed pass on the extraction core (doc.py, numbers.py, dates.py, pipeline.py, ...):
each shortcut is checked against the form it replaces on generated text.

SLOT, the stand-in for a quantity in the shadow text, is a Latin-1 control character
("\\x01") instead of the private-use "\\ue000", so that the shadow of a Latin-1 text is
a one-byte string (speed only). Every pattern that runs over the shadow must find the
same matches as it did written with "\\ue000" over the old shadow, and a SLOT character
already in the text must not become a phantom quantity."""
import re

from hypothesis import given, settings

from strikewatch.extract import casualties, weapons
from strikewatch.extract.doc import SLOT, SLOT_STAND_IN, Doc

from .test_scanning import _token_texts

_OLD_SLOT = "\ue000"

_TOKENS = ["5", "12", "310", "two", "twenty-one", "a dozen", "at least 3", "dozens of", "one", "people", "civilians",
           "were", "was", "killed", "injured", "wounded", "dead", "dead:", "including", "of them", "children", "women",
           "among the dead", "the death toll", "rose to", "toll", "bodies of", "in", "from", "and", "as well as",
           "other", "more", "drones", "missiles", "shahed", "cruise missiles", "of", "out of", "of the", "all but",
           "half", "most", "a quarter", "were intercepted", "intercepted", "shot down", "-", ",", ".", ";", "x",
           "\x01", "5\x01", "\x01\x01 people", "\x01 drones", "12 people\x01", "age", "years old", "%"]


def _old_shadow(doc: Doc) -> str:
    """The shadow text as built with the old SLOT: "\\ue000" for each character of a
    counted quantity, the rest of ``lower`` as it is."""
    chars = list(doc.lower)
    for q in doc.numbers:
        if q.kind == "count":
            chars[q.start : q.end] = _OLD_SLOT * (q.end - q.start)
    return "".join(chars)


def _shadow_patterns() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for holder in (casualties._patterns(), weapons._tables(), casualties, weapons):
        for name in dir(holder):
            value = getattr(holder, name)
            if isinstance(value, re.Pattern) and SLOT in value.pattern:
                found.append(value)
    return found


def _key(m: re.Match[str], back: dict[int, int]) -> tuple:
    return m.span(), {k: v.translate(back) if v else v for k, v in m.groupdict().items()}


@settings(max_examples=400, deadline=None)
@given(_token_texts(_TOKENS, 40, 20))
def test_the_latin1_slot_finds_what_the_private_use_one_found(text):
    """The shadow is the old shadow with SLOT for "\\ue000" and SLOT_STAND_IN for the
    text's own SLOT characters; every pattern over the shadow finds the same spans and
    groups as it did written with "\\ue000" over the old shadow."""
    _same_matches_as_with_the_old_slot(text)


def test_the_latin1_slot_on_written_cases():
    for text in ("The death toll from the 5 strikes in Odesa rose to 12.", "The death toll in 3 districts rose to 7",
                 "Of the 9 missiles, 8 were intercepted; 2 \x01 people were killed, 3 more injured.",
                 "\x01\x01 drones and 4 missiles were shot down, 12 of them over Kyiv \x01"):
        _same_matches_as_with_the_old_slot(text)


def _same_matches_as_with_the_old_slot(text: str) -> None:
    doc = Doc.build(text)
    old = _old_shadow(doc)
    assert len(doc.shadow) == len(doc.lower)
    assert doc.shadow == old.translate({ord(SLOT): SLOT_STAND_IN, ord(_OLD_SLOT): SLOT})
    back = {ord(SLOT): _OLD_SLOT, ord(SLOT_STAND_IN): SLOT}
    rxs = _shadow_patterns()
    assert len(rxs) >= 10
    for rx in rxs:
        old_rx = re.compile(rx.pattern.replace(SLOT, _OLD_SLOT), rx.flags)
        assert ([_key(m, back) for m in rx.finditer(doc.shadow)]
                == [_key(m, {}) for m in old_rx.finditer(old)]), rx.pattern[:60]


def test_a_slot_character_in_the_text_makes_no_quantity():
    text = "Officials said \x01\x01 people were killed and 3 were injured; \x01 drones were shot down."
    doc = Doc.build(text)
    assert SLOT not in doc.shadow[: doc.shadow.index("were killed")]
    assert doc.shadow.count(SLOT) == 1  # the "3"
    assert doc.shadow.count(SLOT_STAND_IN) == 3
    assert [(m.kind, m.low) for m in casualties.find_casualties(doc)] == [("injured", 3)]
