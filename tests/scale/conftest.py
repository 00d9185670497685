from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from scale_helpers import corpus_records, write_jsonl
from strikewatch.ingest import articles_only, read_inputs
from strikewatch.models import Article


@pytest.fixture(scope="session")
def records() -> list[dict[str, Any]]:
    return corpus_records(60, seed=7)


@pytest.fixture()
def articles(records: list[dict[str, Any]], tmp_path: Path) -> list[Article]:
    path = write_jsonl(records, tmp_path / "corpus.jsonl")
    return list(articles_only(read_inputs([str(path)]), []))


@pytest.fixture()
def mixed_inputs(records: list[dict[str, Any]], tmp_path: Path) -> list[str]:
    """A folder of text files, a JSON Lines shard with a broken line, a Parquet file
    in small row groups, and a path that does not exist."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for i, record in enumerate(records[:9]):
        (folder / f"{i:02d}.txt").write_text(record["title"] + "\n\n" + record["text"], encoding="utf-8")
    shard = write_jsonl(records[9:35], tmp_path / "shard.jsonl", bad_line_at=4)
    table = pa.Table.from_pylist([{k: r[k] for k in ("id", "title", "text", "outlet")} for r in records[35:]])
    pq.write_table(table, tmp_path / "rows.parquet", row_group_size=5)
    return [str(folder), str(shard), str(tmp_path / "rows.parquet"), str(tmp_path / "missing.jsonl")]
