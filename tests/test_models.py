"""The hand-written record helpers of models.py agree with the dataclasses they serve."""
from dataclasses import asdict, fields

from hypothesis import given, strategies as st

from strikewatch.models import Fact

_text = st.text(max_size=12)
_maybe_int = st.none() | st.integers(min_value=0, max_value=10**6)


@given(st.builds(Fact, id=_text, kind=_text, low=_maybe_int, high=_maybe_int, start=st.integers(0, 10**5),
                 end=st.integers(0, 10**5), evidence=_text, where=_text, attack=_text, scope=_text,
                 place=st.none() | _text, group=st.none() | _text, weapon=st.none() | _text,
                 model=st.none() | _text, update=st.booleans(), speaker=st.none() | _text))
def test_fact_to_dict_is_every_field_in_order(fact: Fact) -> None:
    out = fact.to_dict()
    assert list(out) == [f.name for f in fields(Fact)]  # the JSON field order is part of the output
    assert out == asdict(fact)
