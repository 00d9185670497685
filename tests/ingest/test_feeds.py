"""RSS/Atom feeds: entries become articles; teasers are completed from the entry's page."""
from __future__ import annotations

from ledger_pages import PARAGRAPHS, article_page, atom, rss
from strikewatch.ingest import InputProblem, read_inputs
from strikewatch.ingest.feeds import html_to_text, read_feed_bytes

LONG = " ".join(PARAGRAPHS["kyiv"] + PARAGRAPHS["odesa"])


def test_atom_entries_with_full_content_need_no_fetch():
    feed = atom([{"title": "Kyiv struck overnight", "link": "http://127.0.0.1:9/kyiv", "date": "2026-07-14T05:10:00Z",
                  "content": "".join(f"<p>{p}</p>" for p in PARAGRAPHS["kyiv"] + PARAGRAPHS["odesa"])}])
    (article,) = list(read_feed_bytes(feed.encode(), "east.atom"))
    assert article.title == "Kyiv struck overnight" and article.outlet == "Eastern Desk"
    assert article.published == "2026-07-14T05:10:00+00:00"
    assert article.url == "http://127.0.0.1:9/kyiv"  # port 9: a fetch would have failed
    assert article.text.split("\n\n")[0] == PARAGRAPHS["kyiv"][0]


def test_teaser_entries_fetch_the_page_and_dead_links_fall_back(site):
    page = site.add("/odesa", article_page("odesa", "Odesa port ablaze", "2026-07-20T01:00:00+03:00"))
    feed = rss([
        {"title": "Odesa port ablaze", "link": page, "date": "Sat, 19 Jul 2026 22:10:00 +0000",
         "summary": "A grain terminal caught fire after a drone attack."},
        {"title": "Dead link with a usable summary", "link": site.base + "/gone",
         "date": "Sat, 19 Jul 2026 23:00:00 +0000", "summary": PARAGRAPHS["odesa"][1]},
        {"title": "Dead link, no text", "link": site.base + "/gone2", "date": "Sat, 19 Jul 2026 23:30:00 +0000"},
    ])
    items = list(read_feed_bytes(feed.encode(), "south.rss"))
    fetched, fallback, problem = items
    assert PARAGRAPHS["odesa"][0] in fetched.text and fetched.url == page
    assert fetched.outlet == "Dnipro Ledger" and fetched.source == "south.rss#1"
    assert fallback.text == PARAGRAPHS["odesa"][1]
    assert isinstance(problem, InputProblem) and "HTTP 404" in problem.message


def test_known_entries_are_not_fetched(site):
    page = site.add("/kyiv", article_page("kyiv", "Kyiv hit", "2026-07-14T08:10:00+03:00"))
    feed = rss([{"title": "Kyiv hit", "link": page, "date": "Mon, 14 Jul 2026 05:00:00 +0000", "summary": "Short."}])
    (item,) = list(read_feed_bytes(feed.encode(), "f.rss", known_url=lambda url: url == page))
    assert item.url == page and site.hits.get("/kyiv") is None


def test_malformed_feed_file_is_one_problem(tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text("<rss><channel><title>Broken</title><item><title>Half", encoding="utf-8")
    (problem,) = list(read_inputs([str(bad)]))
    assert isinstance(problem, InputProblem) and problem.code == "SW108"


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    text = html_to_text("<p>First &amp; foremost.</p><script>alert(1)</script><p>Second<br>line</p>")
    assert text == "First & foremost.\n\nSecond\n\nline"
