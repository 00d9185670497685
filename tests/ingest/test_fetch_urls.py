"""URLs over HTTP: pages and feeds served from 127.0.0.1, failures as coded problems."""
from __future__ import annotations

import pytest

from ledger_pages import PARAGRAPHS, article_page, rss
from strikewatch.errors import StrikewatchError
from strikewatch.ingest import InputProblem, read_inputs
from strikewatch.ingest.web import fetch


def test_url_of_a_page_gives_one_article(site):
    url = site.add("/news/kyiv", article_page("kyiv", "Kyiv hit overnight", "2026-07-14T08:10:00+03:00"))
    (article,) = list(read_inputs([url]))
    assert article.url == url and article.title == "Kyiv hit overnight"
    assert PARAGRAPHS["kyiv"][1] in article.text


def test_feed_is_recognised_even_when_served_as_text_html(site):
    page = site.add("/odesa", article_page("odesa", "Odesa port ablaze", "2026-07-20T01:00:00+03:00"))
    url = site.add("/rss", rss([{"title": "Odesa port ablaze", "link": page,
                                 "date": "Sat, 19 Jul 2026 22:10:00 +0000", "summary": "Teaser."}]),
                   content_type="text/html")
    (article,) = list(read_inputs([url]))
    assert article.url == page and PARAGRAPHS["odesa"][0] in article.text


def test_http_errors_non_http_schemes_and_size_cap(site):
    (gone,) = list(read_inputs([site.base + "/missing"]))
    assert isinstance(gone, InputProblem) and gone.code == "SW109" and "404" in gone.message
    with pytest.raises(StrikewatchError) as err:
        fetch("file:///etc/passwd")
    assert err.value.code == "SW109"
    big = site.add("/big", "x" * 5000, content_type="text/plain")
    with pytest.raises(StrikewatchError) as err:
        fetch(big, max_bytes=1000)
    assert err.value.code == "SW104"


def test_unreachable_host_is_a_problem_not_a_crash():
    (problem,) = list(read_inputs(["http://127.0.0.1:9/nothing-listens-here"]))
    assert isinstance(problem, InputProblem) and problem.code == "SW109"
