from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strikewatch.extract import extract_article
from strikewatch.ingest import InputProblem, read_inputs

DATA = Path(__file__).parent / "data"
STORIES = DATA / "stories.jsonl"


@pytest.fixture(scope="session")
def story_reports() -> list[dict[str, Any]]:
    """Our multi-outlet stories, through the real extractor (with the article text)."""
    reports = []
    for item in read_inputs([str(STORIES)]):
        assert not isinstance(item, InputProblem), item
        reports.append({**extract_article(item).to_dict(), "text": item.text})
    return reports


@pytest.fixture(scope="session")
def expected_events() -> dict[str, str]:
    return json.loads((DATA / "expected_events.json").read_text())
