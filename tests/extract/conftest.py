import pytest

from strikewatch.extract import extract_article
from strikewatch.models import Article


@pytest.fixture
def extract():
    """Extract one article given as text (and optional title/published)."""

    def run(text: str, title: str = "", published: str | None = "2026-03-14T08:00:00+02:00") -> dict:
        return extract_article(Article(text=text, title=title, id="t", published=published)).to_dict()

    return run
