"""HTML files: main text without navigation, title, date and outlet."""
from __future__ import annotations

import pytest

from ledger_pages import PARAGRAPHS, article_page
from strikewatch.errors import StrikewatchError
from strikewatch.ingest import InputProblem, read_inputs
from strikewatch.ingest.html import article_from_html


def test_main_text_title_date_outlet():
    html = article_page("kyiv", "Six killed as drones and missiles hit Kyiv", "2026-07-14T08:10:00+03:00")
    article = article_from_html(html, "saved.html", url="https://ledger.example/kyiv")
    assert article.title == "Six killed as drones and missiles hit Kyiv"
    assert article.published == "2026-07-14T08:10:00+03:00"
    assert article.outlet == "Dnipro Ledger" and article.language == "en"
    assert article.url == "https://ledger.example/kyiv"
    for paragraph in PARAGRAPHS["kyiv"]:
        assert paragraph in article.text
    for boilerplate in ("cookies", "Most read", "Copyright", "Football"):
        assert boilerplate not in article.text
    assert not article.text.startswith(article.title)


def test_folder_of_saved_pages_reads_html_and_canonical_url(tmp_path):
    (tmp_path / "a.html").write_text(article_page("kyiv", "Kyiv hit overnight", "2026-07-14T08:10:00+03:00",
                                                  canonical="https://ledger.example/kyiv"), encoding="utf-8")
    (tmp_path / "b.htm").write_text(article_page("odesa", "Odesa port ablaze", "2026-07-20T01:00:00+03:00"),
                                    encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    articles = [i for i in items if not isinstance(i, InputProblem)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [a.title for a in articles] == ["Kyiv hit overnight", "Odesa port ablaze"]
    assert articles[0].url == "https://ledger.example/kyiv" and articles[1].url is None
    assert len(problems) == 1 and problems[0].code == "SW107" and "empty.html" in problems[0].item


def test_a_page_without_text_raises_a_coded_error():
    with pytest.raises(StrikewatchError) as err:
        article_from_html("<html><head><title>Live</title></head><body></body></html>", "live.html")
    assert err.value.code == "SW107"
