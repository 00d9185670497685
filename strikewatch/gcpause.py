"""Run a block with Python's cyclic garbage collector paused."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, then restore it as it was (also when
    the block fails).

    For work that allocates and drops millions of small acyclic objects (decoded
    reports, features, event records) while a large heap is alive: reference counting
    frees them at once, and each full pass of the collector rescans the whole heap to
    free almost nothing. Whatever cyclic garbage the block leaves is collected once the
    collector is back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
