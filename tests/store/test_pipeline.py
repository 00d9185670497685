"""Ingest through the real extraction and grouping: counts, duplicates, failures, events."""
from __future__ import annotations

import json

from ledger_corpus import article, write_jsonl
from strikewatch.store import open_store
from strikewatch.store.pipeline import ingest


def test_ingest_extracts_stores_and_groups(db_url, tmp_path):
    source = write_jsonl(tmp_path / "news.jsonl", 12)
    ticks: list[int] = []
    with open_store(db_url) as store:
        summary = ingest(store, [str(source)], batch_size=5, progress=ticks.append)
        assert (summary.new, summary.duplicates, summary.failed, summary.batches) == (12, 0, [], 3)
        assert sum(ticks) == 12
        status = store.status()
        assert status["counts"]["articles"] == 12 and status["counts"]["facts"] > 12
        assert status["sources"][0]["name"] == str(source) and status["sources"][0]["articles_new"] == 12
        grouped = [aid for e in store.iter_events() for aid in e["article_ids"]]
        assert sorted(grouped) == sorted(a["id"] for a in store.iter_articles())  # each article in one event
        first = store.get_article("gen-0000")
        killed = [f for f in first["facts"] if f["kind"] == "killed"]
        assert killed and killed[0]["low"] == 1
        assert first["text"][killed[0]["start"]:killed[0]["end"]] == killed[0]["evidence"]


def test_second_run_counts_duplicates_and_adds_only_new(db_url, tmp_path):
    first = write_jsonl(tmp_path / "day1.jsonl", 6)
    second = write_jsonl(tmp_path / "day2.jsonl", 9)  # the same six and three new
    with open_store(db_url) as store:
        ingest(store, [str(first)], batch_size=4)
        ids = {e["id"] for e in store.iter_events()}
        summary = ingest(store, [str(second)], batch_size=4)
        assert (summary.new, summary.duplicates) == (3, 6)
        assert store.status()["counts"]["articles"] == 9
        untouched = {e["id"] for e in store.iter_events()} & ids
        assert untouched, "events of earlier days keep their ids"


def test_failures_are_counted_with_reasons_and_do_not_stop_the_batch(db_url, tmp_path):
    lines = [json.dumps(article(0)), "{not json", json.dumps({"id": "x", "text": ""}), json.dumps(article(1))]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    missing = str(tmp_path / "missing-folder")
    with open_store(db_url) as store:
        summary = ingest(store, [str(source), missing], batch_size=10)
        assert summary.new == 2
        reasons = {item.rsplit(":", 1)[-1] if item.endswith(("2", "3")) else item: msg
                   for item, _, msg in summary.failed}
        assert "malformed JSON" in reasons["2"] and "text" in reasons["3"]
        assert reasons[missing] == "no such file or folder"
        assert store.status()["counts"]["failures"] == 3


def test_an_extraction_crash_is_one_failure(db_url, tmp_path):
    source = write_jsonl(tmp_path / "news.jsonl", 4)

    def flaky(a):
        if a.id == "gen-0002":
            raise ValueError("tokeniser exploded")
        from strikewatch.extract import extract_article
        return extract_article(a).to_dict()

    with open_store(db_url) as store:
        summary = ingest(store, [str(source)], batch_size=10, extractor=flaky)
        assert summary.new == 3
        ((item, code, message),) = summary.failed
        assert code == "SW201" and "tokeniser exploded" in message
        again = ingest(store, [str(source)], batch_size=10)  # the re-run picks it up
        assert (again.new, again.duplicates) == (1, 3)


def test_incremental_batches_give_the_same_events_as_one_full_regrouping(tmp_path):
    from strikewatch.events import EventBuilder

    source = write_jsonl(tmp_path / "month.jsonl", 36)
    with open_store(f"sqlite:///{tmp_path / 'inc.db'}") as store:
        ingest(store, [str(source)], batch_size=4)
        incremental = {e["id"]: sorted(e["article_ids"]) for e in store.iter_events()}
        store.regroup_all(EventBuilder())
        full = {e["id"]: sorted(e["article_ids"]) for e in store.iter_events()}
    assert len(full) > 5 and incremental == full


def test_estimate_total_counts_local_items_only(tmp_path):
    from strikewatch.store.pipeline import estimate_total

    write_jsonl(tmp_path / "a.jsonl", 7)
    (tmp_path / "b.txt").write_text("Kyiv hit\nDrones struck Kyiv overnight.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # no reader: not counted
    assert estimate_total([str(tmp_path)]) == 8
    assert estimate_total([str(tmp_path / "a.jsonl"), "https://example.org/rss"]) is None
    assert estimate_total(["-"]) is None


def test_grouping_in_many_small_date_spans_gives_the_same_events_as_one_full_regrouping(tmp_path):
    from strikewatch.events import EventBuilder
    from strikewatch.ingest import read_inputs
    from strikewatch.store.pipeline import Ingester

    source = write_jsonl(tmp_path / "month.jsonl", 36)
    with open_store(f"sqlite:///{tmp_path / 'spans.db'}") as store:
        summary = Ingester(store, batch_size=4).run(read_inputs([str(source)]), origin=str(source), regroup=False)
        assert summary.new == 36 and store.pending_regroup() == 36 and store.count_events() == 0
        done = store.regroup_pending(EventBuilder(), max_reports=4)
        assert done.spans >= 6 and done.articles == 36 and store.pending_regroup() == 0
        spans = {e["id"]: sorted(e["article_ids"]) for e in store.iter_events()}
        store.regroup_all(EventBuilder())
        full = {e["id"]: sorted(e["article_ids"]) for e in store.iter_events()}
    assert len(full) > 5 and spans == full


def test_a_process_pool_extracts_later_batches_while_one_is_stored(tmp_path):
    from strikewatch.store.pipeline import ExtractOptions

    lines = [json.dumps(article(n)) for n in range(14)]
    lines.insert(5, lines[2])  # a repeat in the next batch, extracted before the first copy is stored
    lines.insert(9, json.dumps({"id": "empty", "text": ""}))
    source = tmp_path / "pooled.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 'pool.db'}") as store:
        summary = ingest(store, [str(source)], batch_size=4, options=ExtractOptions(engine="process", workers=2))
        assert (summary.new, summary.duplicates, len(summary.failed)) == (14, 1, 1)
        assert summary.batches == 4
        grouped = sorted(aid for e in store.iter_events() for aid in e["article_ids"])
        assert grouped == sorted(a["id"] for a in store.iter_articles()) and len(grouped) == 14
        again = ingest(store, [str(source)], batch_size=4, options=ExtractOptions(engine="process", workers=2))
        assert (again.new, again.duplicates) == (0, 15)


def test_the_grouping_phase_reports_its_progress(tmp_path):
    source = write_jsonl(tmp_path / "month.jsonl", 12)
    phases: list[int] = []
    grouped: list[int] = []

    def grouping(queued: int):
        phases.append(queued)
        return grouped.append

    with open_store(f"sqlite:///{tmp_path / 'p.db'}") as store:
        summary = ingest(store, [str(source)], batch_size=5, grouping=grouping)
        again = ingest(store, [str(source)], batch_size=5, grouping=grouping)  # nothing new: nothing queued
    assert summary.new == 12 and again.new == 0
    assert phases == [12, 0] and sum(grouped) == 12


def test_a_figure_too_large_to_store_fails_that_article_only(db_url, tmp_path):
    """A 23-digit toll is not a count for our extractor (kind "large"); another
    extractor's report with one must not take the batch down with an integer overflow:
    that article is a failure naming it, the others are stored."""
    source = write_jsonl(tmp_path / "news.jsonl", 4)
    huge = {"id": "huge-1", "title": "Drone attack on Sumy", "published": "2025-03-02T08:00:00+02:00",
            "text": "Russia attacked Sumy with drones overnight. At least 12345678901234567890123 people were "
                    "killed and 4 injured, the regional governor said."}
    with open(source, "a", encoding="utf-8") as out:
        out.write(json.dumps(huge) + "\n")
    from strikewatch.extract import extract_article

    def naive(a):  # reads the huge number as a toll
        report = extract_article(a).to_dict()
        if a.id == "huge-1":
            report["facts"].append({**report["facts"][0], "id": "f9", "kind": "killed",
                                    "low": 12345678901234567890123, "high": None, "evidence": "12345678901234567890123"})
        return report

    with open_store(db_url) as store:
        summary = ingest(store, [str(source)], batch_size=10, extractor=naive)
        assert summary.new == 4
        ((item, code, reason),) = summary.failed
        assert item.endswith("news.jsonl:5") and code == "SW301" and "12345678901234567890123" in reason
        assert store.get_article("huge-1") is None and store.count_events() >= 1
        again = ingest(store, [str(source)], batch_size=10)  # our extractor: stored, toll unknown
        assert again.new == 1 and again.failed == []
        stored = store.get_article("huge-1")
        assert [f for f in stored["facts"] if f["kind"] == "killed"] == []
        assert [(f["kind"], f["low"]) for f in stored["facts"] if f["kind"] == "injured"] == [("injured", 4)]


def test_a_copy_of_an_article_still_in_flight_is_not_extracted_again(db_url, tmp_path):
    """With ``--workers`` or Dask, later batches are read and checked while earlier ones
    are still being extracted (nothing of them is stored yet): a wire copy of an article
    in flight is a duplicate before extraction, not extracted twice and rejected later."""
    from strikewatch.models import Article
    from strikewatch.store.pipeline import Ingester

    rows = [article(n) for n in range(3)]
    first = [Article(**rows[0]), Article(**rows[1])]
    second = [Article(**{**rows[0], "id": "copy", "url": "https://copy.example/1"}), Article(**rows[2])]
    with open_store(db_url) as store:
        ingester = Ingester(store, group=False)
        batches = ingester._prepare([first, second])
        a, b = next(batches), next(batches)  # both read before either is stored
        assert [x.id for x in a.fresh] == ["gen-0000", "gen-0001"] and a.duplicates == 0
        assert [x.id for x in b.fresh] == ["gen-0002"] and b.duplicates == 1
        ingester._store(a, [], [], "tests")  # once a batch is done, its texts are no longer in flight
        assert ingester._in_flight == {b.hashes[0]}
