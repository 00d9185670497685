"""Store fixtures: every store test runs on SQLite and on a live PostgreSQL server.

The PostgreSQL server is started once per session on 127.0.0.1 (see pgserver.py) and
each test gets an empty database; the ``pg`` variants skip with a reason when the
server cannot be started here."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pgserver import PgServer, unavailable_reason  # noqa: E402

from strikewatch.store import Store, open_store  # noqa: E402


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    server = PgServer()
    try:
        server.start()
    except Exception as err:  # noqa: BLE001 - report why, then skip
        server.stop()
        pytest.skip(f"could not start PostgreSQL: {err}")
    server.create_database("sw_test")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.empty_database("sw_test")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened
