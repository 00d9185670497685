"""Every engine gives the same reports, in the same order, as the local one."""
from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from scale_helpers import explode_on_marker, figures_profile, real_extractor
from strikewatch.errors import MISSING_EXTRA, StrikewatchError
from strikewatch.ingest import InputProblem, read_inputs
from strikewatch.models import Article
from strikewatch.scale import get_executor, run_extraction, run_extraction_inputs
from strikewatch.scale.ordered import windowed
from strikewatch.scale.tasks import chunked


def _extractors() -> list[Any]:
    real = real_extractor()
    skip = pytest.mark.skipif(real is None, reason="strikewatch.extract is not importable yet")
    return [figures_profile, pytest.param(real, id="extract_article", marks=skip)]


def _local_items(inputs: list[str], extract: Any) -> list[Any]:
    """What the plain reader plus a loop gives: the reference."""
    out: list[Any] = []
    for item in read_inputs(inputs):
        out.append(item if isinstance(item, InputProblem) else extract(item))
    return out


@pytest.mark.parametrize("extract", _extractors())
def test_process_pool_matches_local(articles: list[Article], extract: Any) -> None:
    local = list(run_extraction(articles, extract=extract))
    pooled = list(run_extraction(articles, engine="process", workers=2, batch_size=7, extract=extract))
    assert len(local) == len(articles)
    assert [r["id"] for r in local] == [a.id for a in articles]
    assert pooled == local


def test_workers_on_local_engine_means_process_pool(articles: list[Article]) -> None:
    got = list(run_extraction(articles, workers=2, batch_size=11, extract=figures_profile))
    assert got == [figures_profile(a) for a in articles]


@pytest.mark.parametrize("engine", ["local", "process"])
def test_inputs_read_by_workers_match_reader(mixed_inputs: list[str], engine: str) -> None:
    expected = _local_items(mixed_inputs, figures_profile)
    got = list(run_extraction_inputs(mixed_inputs, engine=engine, workers=2, batch_size=4, extract=figures_profile))
    assert got == expected
    problems = [p.item for p in got if isinstance(p, InputProblem)]
    assert any(item.endswith("shard.jsonl:5") for item in problems)
    assert any(item.endswith("missing.jsonl") for item in problems)
    assert sum(isinstance(r, dict) for r in got) == 60


def test_failing_article_is_reported_and_batch_goes_on(articles: list[Article]) -> None:
    articles[3].text += " EXPLODE"
    problems: list[InputProblem] = []
    got = list(run_extraction(articles, engine="process", workers=2, batch_size=5,
                              extract=explode_on_marker, on_problem=problems.append))
    assert [r["id"] for r in got] == [a.id for i, a in enumerate(articles) if i != 3]
    assert len(problems) == 1 and problems[0].code == "SW201"
    assert "cannot read this one" in problems[0].message


def test_windowed_keeps_order_and_bounds_read_ahead() -> None:
    pulled: list[int] = []

    class Done:
        def __init__(self, value: int) -> None:
            self.value = value

        def result(self) -> int:
            return self.value * 10

    def source():
        for i in range(100):
            pulled.append(i)
            yield i

    results = windowed(Done, source(), window=4)
    first = [next(results) for _ in range(3)]
    assert first == [0, 10, 20]
    assert len(pulled) <= 3 + 4
    assert list(results) == [i * 10 for i in range(3, 100)]


def test_chunked_rejects_empty_batches() -> None:
    assert [len(c) for c in chunked(range(10), 4)] == [4, 4, 2]
    with pytest.raises(ValueError):
        list(chunked(range(3), 0))


def test_unknown_engine_names_the_known_ones() -> None:
    with pytest.raises(StrikewatchError) as err:
        get_executor("spark")
    assert "dask" in str(err.value) and "local" in str(err.value)


def test_missing_dask_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "strikewatch.scale.dask", raising=False)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(StrikewatchError) as err:
        list(run_extraction([Article(text="Two people were killed.")], engine="dask"))
    assert err.value.code == MISSING_EXTRA
    assert "pip install 'strikewatch[dask]'" in err.value.message


def test_jsonl_partitions_keep_line_numbers_across_blank_lines(tmp_path, records) -> None:
    from strikewatch.scale.partitions import plan_partitions

    lines = [json.dumps(r) for r in records[:10]]
    lines[2:2] = ["", "   "]
    lines.insert(7, "[1, 2]")  # valid JSON, not an article
    path = tmp_path / "gaps.jsonl"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    parts = list(plan_partitions([str(path)], 3))
    assert [p.first_line for p in parts] == [1, 4, 7, 10, 13]
    expected = _local_items([str(path)], figures_profile)
    got = list(run_extraction_inputs([str(path)], batch_size=3, extract=figures_profile))
    assert got == expected
    assert [p.item.rsplit(":", 1)[1] for p in got if isinstance(p, InputProblem)] == ["8"]


def test_process_pool_is_started_once_for_many_batches(articles: list[Article]) -> None:
    from strikewatch.scale import process, shutdown

    shutdown()
    first = list(run_extraction(articles[:20], engine="process", workers=2, extract=figures_profile))
    pool = process._POOLS[2]
    second = list(run_extraction(articles[20:40], engine="process", workers=2, extract=figures_profile))
    assert process._POOLS[2] is pool
    assert first + second == [figures_profile(a) for a in articles[:40]]
    shutdown()
    assert process._POOLS == {}


def test_short_lists_are_cut_so_every_worker_gets_work() -> None:
    from strikewatch.scale import _batch_size

    assert _batch_size(list(range(100)), 500, 2) == 25
    assert _batch_size(list(range(10_000)), 500, 2) == 500
    assert _batch_size(iter(range(100)), 500, 2) == 500  # a stream keeps the given size
    assert _batch_size(list(range(3)), 500, 4) == 1
