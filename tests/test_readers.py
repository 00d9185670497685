"""Readers: text/Markdown, folders, JSON Lines, stdin, and bad input."""
import json

from hypothesis import given, settings, strategies as st

from strikewatch.errors import StrikewatchError
from strikewatch.ingest import InputProblem, read_inputs
from strikewatch.ingest.identity import text_id


def items(*specs):
    return list(read_inputs([str(s) for s in specs]))


def test_markdown_title_and_body(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("\n\n# Drones hit Lviv\n\nRussian drones struck Lviv overnight.\n", encoding="utf-8")
    (article,) = items(f)
    assert article.title == "Drones hit Lviv"
    assert article.text == "Russian drones struck Lviv overnight."
    assert article.id == text_id("Drones hit Lviv\nRussian drones struck Lviv overnight.")


def test_id_is_stable_across_whitespace_and_case(tmp_path):
    assert text_id("Drones  hit\nLviv") == text_id("drones hit lviv")


def test_folder_is_read_recursively_and_ignores_other_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Title B\nBody B", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title A\nBody A", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    got = items(tmp_path)
    assert [a.title for a in got] == ["Title A", "Title B"]


def test_jsonl_keeps_ids_and_reports_bad_lines(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "x1", "title": "T", "text": "Body one", "outlet": "Wire", "published": "2026-01-14"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Body two"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = items(f)
    articles = [g for g in got if not isinstance(g, InputProblem)]
    problems = [g for g in got if isinstance(g, InputProblem)]
    assert [a.id for a in articles][0] == "x1"
    assert articles[0].outlet == "Wire" and articles[0].published == "2026-01-14"
    assert articles[1].id == text_id("\nBody two")
    assert [p.item for p in problems] == [f"{f}:2", f"{f}:3", f"{f}:4"]
    assert "malformed JSON" in problems[0].message


def test_bad_files_are_named_and_the_rest_goes_through(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "cyrillic.txt").write_bytes("Удар по Харкову\nЗагинули троє людей.".encode("cp1251"))
    (tmp_path / "latin.txt").write_bytes("Attaque sur Odessa\nDeux bless\xe9s, selon la mairie.".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"a" * (6 * 1024 * 1024))
    got = {(g.item if isinstance(g, InputProblem) else g.source): g for g in items(tmp_path)}
    assert isinstance(got[str(tmp_path / "empty.txt")], InputProblem)
    assert "binary" in got[str(tmp_path / "binary.txt")].message
    assert "too large" in got[str(tmp_path / "huge.txt")].message
    assert got[str(tmp_path / "cyrillic.txt")].title == "Удар по Харкову"
    assert "blessés" in got[str(tmp_path / "latin.txt")].text


def test_missing_path(tmp_path):
    (problem,) = items(tmp_path / "nope.txt")
    assert isinstance(problem, InputProblem) and "no such file" in problem.message


def test_markdown_front_matter_gives_metadata(tmp_path):
    f = tmp_path / "b.md"
    f.write_text(
        "---\npublished: 2026-03-14T07:40:00+02:00\noutlet: Meridian Wire\nurl: https://wire.example/a\n"
        "colour: blue\n---\n# Drones hit Kyiv\n\nRussian drones struck Kyiv overnight.\n",
        encoding="utf-8",
    )
    (article,) = items(f)
    assert article.published == "2026-03-14T07:40:00+02:00"
    assert article.outlet == "Meridian Wire" and article.url == "https://wire.example/a"
    assert article.title == "Drones hit Kyiv" and article.text.startswith("Russian drones")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_binary_check_counts_control_bytes_other_than_white_space(head):
    from strikewatch.ingest.decode import _looks_binary

    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    assert _looks_binary(head) == (control > max(8, len(head) // 20))


def test_a_few_control_bytes_in_text_are_not_binary():
    from strikewatch.ingest.decode import decode_bytes

    text = "Line one\twith a tab\r\nand a form feed\f" + "\x07" * 8 + " rest of the article " * 10
    assert decode_bytes(text.encode(), "a.txt") == text
    try:
        decode_bytes(("\x07" * 40 + "x" * 200).encode(), "b.txt")
    except StrikewatchError as err:
        assert "binary" in str(err) and "b.txt" in str(err)
    else:
        raise AssertionError("40 bell characters in 240 bytes should read as binary")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab É\t\n\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000\u200b")), max_size=40))
def test_normalised_text_makes_white_space_runs_one_space_as_the_regex_did(text):
    import re
    import unicodedata

    from strikewatch.ingest.identity import normalise_text

    assert normalise_text(text) == re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


def test_text_ids_are_stable():
    # An article's id is stored: it must not change between versions.
    assert text_id("Drones hit  Kyiv\n\nAt least\u00a0two people were killed.") == text_id("drones hit kyiv at least two people were killed.")
    assert text_id("Drones hit Kyiv") == "a" + __import__("hashlib").sha1(b"drones hit kyiv").hexdigest()[:15]
