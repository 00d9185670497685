"""A small ledger (the store tests' articles + Air Force rows) to export."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).parents[1]
sys.path.insert(0, str(TESTS / "store"))

from ledger_data import SAMPLE, group_by_date_and_place  # noqa: E402

from strikewatch.ingest.airforce import import_airforce  # noqa: E402
from strikewatch.store import Store, open_store  # noqa: E402


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'ledger.db'}") as store:
        store.add_batch([a for a, _ in SAMPLE], [r for _, r in SAMPLE], "tests", group_by_date_and_place)
        import_airforce(store, TESTS / "ingest" / "data" / "missile_attacks_daily.csv")
        yield store
