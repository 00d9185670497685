"""RSS and Atom feeds through feedparser: one article per entry.

An entry's own content is used when it is a full article; when the feed carries only
a teaser, the entry's page is fetched (``fetch_links``). Malformed feeds give one
problem, never an exception."""
from __future__ import annotations

import calendar
import logging
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..errors import BAD_FEED, StrikewatchError
from ..models import Article
from .identity import text_id

log = logging.getLogger(__name__)

FULL_TEXT_CHARS = 600  # shorter entry content is a teaser: fetch the page
MIN_TEXT_CHARS = 40
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "section", "article"})


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an entry's HTML content, one paragraph per block element."""
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _when(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()


def _entry_text(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    best = max(contents + [entry.get("summary") or ""], key=len)
    return html_to_text(best)


def _from_entry(entry: Any, source: str, outlet: str | None, language: str | None) -> Article:
    text, title = _entry_text(entry), html_to_text(entry.get("title") or "").replace("\n", " ")
    return Article(text=text, id=text_id(title + "\n" + text), title=title, url=entry.get("link") or None,
                   published=_when(entry), outlet=outlet, language=language, source=source)


def _fetch_full(article: Article) -> Article:
    from .web import fetch_article

    page = fetch_article(article.url or "")
    page.published = page.published or article.published
    page.outlet = page.outlet or article.outlet
    page.source = article.source
    page.url = article.url
    return page


def _complete(article: Article, fetch_links: bool) -> Iterator[Any]:
    from . import InputProblem

    if fetch_links and article.url and len(article.text) < FULL_TEXT_CHARS:
        try:
            yield _fetch_full(article)
            return
        except StrikewatchError as err:
            if len(article.text) < MIN_TEXT_CHARS:
                yield InputProblem(article.source, err.code, f"{article.url}: {err.message}")
                return
            log.info("%s: using the feed's summary (%s)", article.url, err.message)
    if len(article.text) < MIN_TEXT_CHARS:
        yield InputProblem(article.source, BAD_FEED, "entry has no text and no page to fetch")
        return
    yield article


def read_feed_bytes(
    data: bytes, source: str, fetch_links: bool = True, known_url: Callable[[str], bool] | None = None
) -> Iterator[Any]:
    """Articles (and problems) of one feed document. ``known_url(url)`` lets a caller
    skip entries it already has before any page is fetched: they are yielded as they
    are in the feed, for the store to count as duplicates."""
    import feedparser  # imported on use: the other readers do not need it

    from . import InputProblem

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")[:200] if parsed.get("bozo") else "no entries"
        yield InputProblem(source, BAD_FEED, f"not a readable RSS/Atom feed ({reason})")
        return
    meta = parsed.get("feed") or {}
    outlet = html_to_text(meta.get("title") or "") or None
    language = (meta.get("language") or "")[:2].lower() or None
    for n, entry in enumerate(parsed.entries, start=1):
        article = _from_entry(entry, f"{source}#{n}", outlet, language)
        if known_url is not None and article.url and known_url(article.url):
            yield article
            continue
        yield from _complete(article, fetch_links)


def read_feed_file(path: Path) -> Iterator[Any]:
    """Reader for ``.rss``/``.atom``/``.xml`` files (registered in ``strikewatch.ingest``)."""
    yield from read_feed_bytes(path.read_bytes(), str(path))
