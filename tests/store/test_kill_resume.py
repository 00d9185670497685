"""kill -9 during ingest loses nothing committed; a re-run (or `status --repair`) completes the rest once.

Ingest groups its articles at the end of the run, so a run killed before then leaves
them queued in ``pending_regroup``: ``status`` shows how many, and the next run groups them."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import sqlalchemy as sa

from ledger_corpus import write_jsonl
from strikewatch.store import open_store
from strikewatch.store import schema as t

TOTAL, BATCH = 160, 4  # killed after 3 of 40 batches: a loaded machine still leaves a margin


def _count(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one()


def _ingest(source, url) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "strikewatch", "ingest", str(source), "--db", url,
                             "--batch-size", str(BATCH)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_after(proc: subprocess.Popen, url: str, stored: int, limit_s: float = 120) -> int:
    deadline = time.monotonic() + limit_s
    with open_store(url) as store:
        while time.monotonic() < deadline and proc.poll() is None and _count(store) < stored:
            time.sleep(0.1)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return proc.returncode


def _check_consistent(url: str, settled: bool = True) -> int:
    """Whole batches only; no article in two events; every article not in an event is
    queued for grouping (and, once ``settled``, every article is in exactly one event)."""
    with open_store(url) as store:
        articles = {a["id"] for a in store.iter_articles()}
        grouped = [aid for e in store.iter_events() for aid in e["article_ids"]]
        facts = {f["article_id"] for f in store.iter_facts()}
        with store.engine.connect() as conn:
            queued = set(conn.execute(sa.select(t.pending_regroup.c.article_id)).scalars())
        assert store.status()["pending_regroup"] == len(queued)
    assert len(articles) % BATCH == 0, "only whole batches are committed"
    assert len(grouped) == len(set(grouped)), "no article is in two events"
    assert articles - set(grouped) <= queued, "an article outside every event is queued for grouping"
    if settled:
        assert queued == set() and sorted(grouped) == sorted(articles), "each stored article is in exactly one event"
    assert facts <= articles
    return len(articles)


def _killed_run(db_url, tmp_path) -> tuple[str, int]:
    source = write_jsonl(tmp_path / "archive.jsonl", TOTAL)
    code = _kill_after(_ingest(source, db_url), db_url, stored=3 * BATCH)
    assert code == -signal.SIGKILL
    before = _check_consistent(db_url, settled=False)
    assert 3 * BATCH <= before < TOTAL
    with open_store(db_url) as store:
        assert store.status()["pending_regroup"] > 0, "status shows the articles a killed run left ungrouped"
    return str(source), before


def test_kill_9_mid_ingest_then_rerun_completes_without_duplicates(db_url, tmp_path):
    source, before = _killed_run(db_url, tmp_path)
    rerun = _ingest(source, db_url)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{TOTAL - before} new, {before} duplicate, 0 failed" in " ".join(err.split())
    assert _check_consistent(db_url) == TOTAL
    with open_store(db_url) as store:
        assert store.status()["sources"][0]["articles_new"] == TOTAL
        assert store.status()["pending_regroup"] == 0


def test_status_detects_and_repairs_a_killed_run(db_url, tmp_path):
    from strikewatch.events import EventBuilder

    _, before = _killed_run(db_url, tmp_path)
    status = subprocess.run([sys.executable, "-m", "strikewatch", "status", "--db", db_url],
                            capture_output=True, text=True, timeout=120)
    assert "not grouped into events yet" in " ".join(status.stdout.split())
    done = subprocess.run([sys.executable, "-m", "strikewatch", "status", "--repair", "--db", db_url],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"grouped {before} queued article(s)" in " ".join(done.stderr.split())
    assert "not grouped into events yet" not in " ".join(done.stdout.split())
    assert _check_consistent(db_url) == before
    with open_store(db_url) as store:
        repaired = {e["id"]: sorted(e["article_ids"]) for e in store.iter_events()}
        store.regroup_all(EventBuilder())
        assert {e["id"]: sorted(e["article_ids"]) for e in store.iter_events()} == repaired


def test_two_writers_sharing_one_database_store_each_article_once(db_url, tmp_path):
    source = write_jsonl(tmp_path / "shared.jsonl", 16)
    open_store(db_url).close()
    writers = [_ingest(source, db_url) for _ in range(2)]
    outputs = [w.communicate(timeout=300) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], outputs
    news = [int(" ".join(err.split()).split("ingested: ")[1].split(" new")[0]) for _, err in outputs]
    assert sum(news) == 16
    assert _check_consistent(db_url) == 16
