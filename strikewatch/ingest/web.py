"""URLs over HTTP(S): fetch with a timeout and a size cap, then read the page as an
HTML article or as an RSS/Atom feed, whichever the response turns out to be."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from ..errors import FETCH, TOO_LARGE, StrikewatchError
from ..models import Article
from .decode import decode_bytes

log = logging.getLogger(__name__)

TIMEOUT_S = 15.0
MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = "strikewatch/0.1 (+https://example.invalid/strikewatch; news ledger)"
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/feed+json", "text/xml", "application/xml")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_CHARSET = re.compile(r"charset=([\w-]+)", re.I)


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes

    @property
    def is_feed(self) -> bool:
        """Feed by declared type or by its root element (servers often say text/html or
        text/plain for feeds, and application/xml for anything)."""
        head = self.data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
        if _FEED_ROOT.search(head):
            return True
        declared = self.content_type.split(";")[0].strip().lower()
        return declared in _FEED_TYPES[:4]

    def text(self) -> str:
        match = _CHARSET.search(self.content_type)
        if match:
            try:
                return self.data.decode(match.group(1), errors="replace")
            except LookupError:
                pass
        return decode_bytes(self.data, self.url, max_bytes=MAX_BYTES)


def _client(timeout: float) -> httpx.Client:
    return httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=5,
                        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                                 "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"})


def fetch(url: str, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES, client: httpx.Client | None = None) -> Fetched:
    """GET ``url``; raises StrikewatchError SW109 (network, HTTP status, scheme) or
    SW104 (larger than ``max_bytes``)."""
    if not url.lower().startswith(("http://", "https://")):
        raise StrikewatchError(FETCH, "only http:// and https:// URLs are fetched", url)
    own = client is None
    client = client or _client(timeout)
    try:
        return _get(client, url, max_bytes)
    except httpx.HTTPError as err:
        raise StrikewatchError(FETCH, f"fetch failed: {type(err).__name__}: {err}", url) from err
    finally:
        if own:
            client.close()


def _get(client: httpx.Client, url: str, max_bytes: int) -> Fetched:
    with client.stream("GET", url) as response:
        if response.status_code >= 400:
            raise StrikewatchError(FETCH, f"HTTP {response.status_code}", url)
        declared = int(response.headers.get("content-length") or 0)
        if declared > max_bytes:
            raise StrikewatchError(TOO_LARGE, f"too large ({declared:,} bytes, limit {max_bytes:,})", url)
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise StrikewatchError(TOO_LARGE, f"too large (over {max_bytes:,} bytes)", url)
            chunks.append(chunk)
        return Fetched(str(response.url), response.headers.get("content-type", ""), b"".join(chunks))


def fetch_article(url: str, **kwargs: Any) -> Article:
    """Fetch one page and extract its article (HTML only)."""
    from .html import article_from_html

    page = fetch(url, **kwargs)
    return article_from_html(page.text(), source=url, url=page.url)


def read_url(url: str) -> Iterator[Any]:
    """The URL reader of ``strikewatch.ingest``: an HTML page gives one article, a feed
    gives its entries (each entry's page is fetched when the feed has only a summary)."""
    page = fetch(url)
    if page.is_feed:
        from .feeds import read_feed_bytes

        yield from read_feed_bytes(page.data, source=url)
        return
    from .html import article_from_html

    yield article_from_html(page.text(), source=url, url=page.url)
