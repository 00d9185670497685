"""Poll feeds and ingest what is new; a dead or malformed feed is reported and skipped."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BAD_FEED, StrikewatchError
from ..ingest import InputProblem
from .pipeline import Ingester, IngestSummary

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Round:
    """One polling round: counts per feed."""

    number: int
    per_feed: dict[str, IngestSummary] = field(default_factory=dict)

    @property
    def new(self) -> int:
        return sum(s.new for s in self.per_feed.values())


def read_feed(feed: str, known_url: Callable[[str], bool]) -> Iterator[Any]:
    """Entries of a feed URL or file; entries already stored (by URL) are not fetched."""
    from ..ingest.feeds import read_feed_bytes
    from ..ingest.web import fetch

    if "://" in feed:
        page = fetch(feed)
        if not page.is_feed:
            yield InputProblem(feed, BAD_FEED, f"not an RSS/Atom feed ({page.content_type or 'no content type'})")
            return
        data = page.data
    else:
        data = Path(feed).read_bytes()
    yield from read_feed_bytes(data, source=feed, known_url=known_url)


def poll_once(ingester: Ingester, feeds: Sequence[str], number: int = 1) -> Round:
    """Ingest every feed once; never raises for one feed's failure."""
    result = Round(number)
    for feed in feeds:
        try:
            result.per_feed[feed] = ingester.run(read_feed(feed, ingester.store.has_url), origin=feed, kind="feed")
        except (StrikewatchError, OSError) as err:
            code = getattr(err, "code", BAD_FEED)
            summary = IngestSummary(failed=[(feed, code, getattr(err, "message", None) or str(err))])
            ingester.store.record_source(feed, "feed", 0, 0, 1)
            ingester.store.record_failures(summary.failed)
            result.per_feed[feed] = summary
        except Exception as err:  # noqa: BLE001 - a watcher must outlive any one feed
            log.exception("feed %s failed", feed)
            result.per_feed[feed] = IngestSummary(failed=[(feed, BAD_FEED, f"{type(err).__name__}: {err}")])
    return result


def watch(ingester: Ingester, feeds: Sequence[str], every_s: float, rounds: int | None = None,
          on_round: Callable[[Round], None] | None = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll ``feeds`` every ``every_s`` seconds (``rounds`` times, or until interrupted);
    returns the number of new articles stored."""
    total, number = 0, 0
    while rounds is None or number < rounds:
        number += 1
        started = time.monotonic()
        result = poll_once(ingester, feeds, number)
        total += result.new
        if on_round is not None:
            on_round(result)
        if rounds is not None and number >= rounds:
            break
        sleep(max(0.0, every_s - (time.monotonic() - started)))
    return total


def parse_every(text: str) -> float:
    """``"10m"`` -> 600.0; units s, m, h (seconds when none)."""
    text = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600}
    factor = units.get(text[-1:], None)
    number = text[:-1] if factor else text
    try:
        value = float(number) * (factor or 1)
    except ValueError:
        raise ValueError(f"not a duration: {text!r} (use e.g. 30s, 10m, 1h)") from None
    if value <= 0:
        raise ValueError("the interval must be positive")
    return value
