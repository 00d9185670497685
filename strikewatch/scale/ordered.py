"""Keep a bounded window of submitted work and hand results back in input order."""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol


class Pending(Protocol):
    def result(self) -> Any: ...


def windowed(
    submit: Callable[[Any], Pending],
    items: Iterable[Any],
    window: int,
) -> Iterator[Any]:
    """Submit items as earlier ones finish, never more than ``window`` at a time, and
    yield their results in the order the items came (memory stays bounded however
    long ``items`` is)."""
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    pending: deque[Pending] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
