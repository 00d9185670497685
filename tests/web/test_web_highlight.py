"""Span highlighting and the text filters of the dashboard (pure functions)."""
from __future__ import annotations

from strikewatch.web.formatting import figure_text, http_url, range_text
from strikewatch.web.highlight import Mark, fact_marks, place_marks, segments

TEXT = "Russia attacked Kyiv overnight, killing at least three people and injuring 14."


def _fact(fid: str, phrase: str, kind: str, where: str = "text") -> dict:
    start = TEXT.index(phrase)
    return {"id": fid, "kind": kind, "low": 3, "high": None, "start": start,
            "end": start + len(phrase), "where": where, "speaker": "Vitali Klitschko"}


def test_segments_rebuild_the_text_and_mark_each_span():
    facts = [_fact("f1", "killing at least three people", "killed"), _fact("f2", "injuring 14", "injured")]
    parts = segments(TEXT, fact_marks(facts))
    assert "".join(p.text for p in parts) == TEXT
    marked = [(p.text, p.mark.ref) for p in parts if p.mark]
    assert marked == [("killing at least three people", "f1"), ("injuring 14", "f2")]
    assert parts[1].mark.label == "killed: 3+ (per Vitali Klitschko)"


def test_overlapping_spans_keep_the_first_listed_and_places_come_after_facts():
    fact = _fact("f1", "killing at least three", "killed")
    start = TEXT.index("Kyiv")
    places = [{"name": "Kyiv", "surface": "Kyiv", "start": start, "end": start + 4, "status": "struck"},
              {"name": "Kill", "start": fact["start"], "end": fact["start"] + 4}]
    parts = segments(TEXT, fact_marks([fact]) + place_marks(places, TEXT))
    refs = [p.mark.ref for p in parts if p.mark]
    assert refs == ["Kyiv", "f1"]  # the place overlapping the fact is dropped
    assert "".join(p.text for p in parts) == TEXT


def test_place_marks_need_the_mention_at_their_span():
    start = TEXT.index("Kyiv")
    good = {"name": "Kyiv", "surface": "kyiv", "start": start, "end": start + 4}
    shifted = {"name": "Kyiv", "surface": "Kyiv", "start": start + 2, "end": start + 6}
    assert [m.ref for m in place_marks([good, shifted], TEXT)] == ["Kyiv"]


def test_spans_outside_the_text_or_empty_are_ignored():
    marks = [Mark(-1, 4, "a", "killed", ""), Mark(5, 5, "b", "killed", ""), Mark(70, 500, "c", "killed", "")]
    assert [p.text for p in segments(TEXT, marks)] == [TEXT]


def test_title_facts_are_not_placed_in_the_body():
    fact = _fact("f9", "Kyiv", "killed", where="title")
    assert fact_marks([fact], "text") == []
    assert [m.ref for m in fact_marks([fact], "title")] == ["f9"]


def test_markup_in_text_stays_a_plain_segment():
    text = "<script>alert(1)</script> two killed"
    parts = segments(text, [Mark(26, 36, "f1", "killed", "")])
    assert parts[0].text == "<script>alert(1)</script> " and parts[0].mark is None


def test_range_text_follows_the_contract_conventions():
    assert range_text(9, 9) == "9"
    assert range_text(9, None) == "9+"
    assert range_text(None, 650) == "up to 650"
    assert range_text(27, 33) == "27\u201333"
    assert range_text(None, None) == "unknown"
    assert range_text(1200, 1200) == "1,200"


def test_figure_text_shows_best_and_spread():
    assert figure_text({"low": 9, "best": 16, "high": 16}) == "16 (9\u201316)"
    assert figure_text({"low": 3, "best": 3, "high": 3}) == "3"
    assert figure_text(None) == "\u2013"


def test_only_http_urls_are_linked():
    assert http_url("https://example.org/a") == "https://example.org/a"
    assert http_url("javascript:alert(1)") is None
    assert http_url(" JAVASCRIPT:alert(1)") is None
    assert http_url(None) is None
