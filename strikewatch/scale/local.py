"""The default engine: one process, no extra dependency."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any


def map_ordered(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[Any]:
    """Apply ``fn`` to each item here, lazily and in order."""
    for item in items:
        yield fn(item)
