"""Fixtures: a ledger built from our own test articles through the real pipeline
(read -> extract -> store with event grouping), and a TestClient over it."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from strikewatch.ingest import InputProblem, articles_only, read_inputs
from strikewatch.store import Store, open_store
from strikewatch.web import create_app
from web_helpers import ARTICLES, load_articles


def build_ledger(url: str) -> Store:
    """Ingest ``ARTICLES`` into the ledger at ``url``."""
    from strikewatch.events import build_events
    from strikewatch.extract import extract_article

    store = open_store(url)
    problems: list[InputProblem] = []
    articles = list(articles_only(read_inputs([str(ARTICLES)]), problems))
    assert not problems, problems
    reports = [extract_article(article).to_dict() for article in articles]
    store.add_batch(articles, reports, origin=str(ARTICLES), build_events=build_events)
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
