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
