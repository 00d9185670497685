"""Fixtures: a ledger built from our own test articles through the real pipeline
(read -> extract -> store with event grouping), and a TestClient over it."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from strikewatch.store import Store, open_store
from strikewatch.web import create_app
from web_helpers import ARTICLES, load_articles


def build_ledger(url: str) -> Store:
    """Ingest ``ARTICLES`` into the ledger at ``url`` with the store's ingest pipeline
    (read, extract, store, group into events)."""
    from strikewatch.store.pipeline import ingest

    store = open_store(url)
    summary = ingest(store, [str(ARTICLES)])
    assert summary.new == len(load_articles()) and not summary.failed, summary.failed
    return store


@pytest.fixture(scope="session")
def ledger_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}"
    build_ledger(url).close()
    return url


@pytest.fixture(scope="session")
def store(ledger_url: str) -> Iterator[Store]:
    store = open_store(ledger_url)
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def articles_by_id() -> dict[str, dict]:
    return load_articles()
