"""HTML pages: main text, title, date and outlet through trafilatura.

Navigation, footers and comment sections are dropped; the headline repeated as the
first line of the body is removed so spans index the body only."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import BAD_HTML, StrikewatchError
from ..models import Article
from .decode import decode_bytes
from .identity import text_id

log = logging.getLogger(__name__)

_LANG = re.compile(r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
_PUBLISHED = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished|pubdate|"
    r"publishdate|date)[\"'][^>]*content\s*=\s*[\"']([^\"']{10,40})[\"']", re.I)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
MIN_TEXT_CHARS = 40


def _published(html: str, fallback: str | None) -> str | None:
    """The page's own publication timestamp when it states a full ISO one, else
    trafilatura's date (day precision)."""
    match = _PUBLISHED.search(html[:200_000])
    if match and _ISO.match(match.group(1).strip()):
        return match.group(1).strip().replace(" ", "T")
    return fallback


def _body(text: str, title: str) -> str:
    lines = text.split("\n")
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]
    return "\n\n".join(line.strip() for line in lines if line.strip())


def _outlet(sitename: str | None, hostname: str | None, url: str | None) -> str | None:
    if sitename:
        return sitename
    host = hostname or (urlsplit(url).hostname if url else None)
    return host[4:] if host and host.startswith("www.") else host


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    """Extract one article from an HTML document; raises StrikewatchError (SW107)
    when no main text can be found."""
    import trafilatura  # 0.3 s import: only when HTML is read

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_recall=True)
    text = getattr(doc, "text", None) or ""
    title = (getattr(doc, "title", None) or "").strip()
    body = _body(text, title)
    if len(body) < MIN_TEXT_CHARS:
        raise StrikewatchError(BAD_HTML, "no article text found in the page", source)
    lang = _LANG.search(html[:5000])
    return Article(
        text=body,
        id=text_id(title + "\n" + body),
        title=title,
        url=url or getattr(doc, "url", None) or None,
        published=_published(html, getattr(doc, "date", None)),
        outlet=_outlet(getattr(doc, "sitename", None), getattr(doc, "hostname", None), url),
        language=lang.group(1).lower() if lang else None,
        source=source,
    )


def read_html_file(path: Path) -> Iterator[Article]:
    """Reader for ``.html``/``.htm`` files (registered in ``strikewatch.ingest``)."""
    html = decode_bytes(path.read_bytes(), str(path))
    yield article_from_html(html, str(path), url=_canonical(html))


_CANONICAL = re.compile(r"<link[^>]+rel\s*=\s*[\"']canonical[\"'][^>]*href\s*=\s*[\"'](https?://[^\"']+)[\"']", re.I)


def _canonical(html: str) -> str | None:
    """A saved page's canonical URL, so the same story saved and fetched is one article."""
    match = _CANONICAL.search(html[:100_000])
    return match.group(1) if match else None
