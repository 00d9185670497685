"""The Store on SQLite and PostgreSQL: storage, deduplication, queries, transactions."""
from __future__ import annotations

import dataclasses
import json

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from ledger_data import KYIV_MORNING, KYIV_NOON, ODESA_LATER, SAMPLE, DateAndPlace, group_by_date_and_place, report
from strikewatch.errors import StrikewatchError
from strikewatch.store import EventFilter, open_store
from strikewatch.store.migrate import current_revision, head_revision
from strikewatch.store.store import dump_json, load_json


def _add(store, pairs, grouper=group_by_date_and_place):
    return store.add_batch([a for a, _ in pairs], [r for _, r in pairs], "tests", grouper)


def test_schema_is_migrated_to_head_and_reopening_is_a_no_op(store, db_url):
    assert current_revision(store.engine) == head_revision() == "0002"
    _add(store, SAMPLE[:1])
    with open_store(db_url) as again:
        assert again.status()["counts"]["articles"] == 1


def test_batch_stores_articles_facts_and_events(store):
    result = _add(store, SAMPLE)
    assert len(result.new) == 4 and result.duplicates == []
    counts = store.status()["counts"]
    assert counts["articles"] == 4
    assert counts["facts"] == sum(len(r["facts"]) for _, r in SAMPLE)
    assert counts["events"] == 3  # Kyiv (two reports), Kharkiv, Odesa
    kyiv = store.list_events(EventFilter(place="kyiv"))
    assert len(kyiv) == 1 and kyiv[0]["n_articles"] == 2
    assert kyiv[0]["summary"]["killed"] == {"low": 9, "best": 9, "high": 9}


def test_same_url_or_same_normalised_text_is_stored_once(store):
    _add(store, SAMPLE)
    same_url = dataclasses.replace(KYIV_MORNING, text=KYIV_MORNING.text + " Updated at 09:00.", id="other-id")
    reflowed = dataclasses.replace(KYIV_NOON, text="  " + KYIV_NOON.text.upper().replace(" ", "\n  "), url=None,
                                   id="reflowed")
    result = _add(store, [(same_url, report(same_url, "2026-07-14", ["Kyiv"])),
                          (reflowed, report(reflowed, "2026-07-14", ["Kyiv"]))])
    assert result.new == []
    assert sorted(existing for _, existing in result.duplicates) == sorted([KYIV_MORNING.id, KYIV_NOON.id])
    assert store.status()["counts"]["articles"] == 4


def test_repeats_inside_one_batch_are_stored_once(store):
    a, r = SAMPLE[0]
    copy = dataclasses.replace(a, id="copy", source="mirror")
    result = _add(store, [(a, r), (copy, {**r, "id": "copy"})])
    assert result.new == [a.id] and result.duplicates == [("mirror", a.id)]


def test_an_id_taken_by_another_text_gets_a_suffix(store):
    _add(store, SAMPLE[:1])
    other = dataclasses.replace(ODESA_LATER, id=KYIV_MORNING.id)
    result = _add(store, [(other, report(other, "2026-07-20", ["Odesa"], injured=(1,)))])
    (new_id,) = result.new
    assert new_id.startswith(KYIV_MORNING.id + "-") and new_id != KYIV_MORNING.id
    stored = store.get_article(new_id)
    assert stored["text"] == ODESA_LATER.text and stored["report"]["id"] == new_id


def test_get_article_returns_text_facts_and_events(store):
    _add(store, SAMPLE)
    article = store.get_article(KYIV_MORNING.id)
    assert article["text"] == KYIV_MORNING.text and article["url"] == KYIV_MORNING.url
    kinds = {f["kind"]: (f["low"], f["high"]) for f in article["facts"]}
    assert kinds["killed"] == (3, None) and kinds["drones_launched"] == (312, 312)
    for fact in article["facts"]:
        assert article["text"][fact["start"]:fact["end"]] == fact["evidence"]
    assert len(article["event_ids"]) == 1
    assert store.get_article("no-such-article") is None


def test_get_event_lists_articles_and_located_places(store):
    _add(store, SAMPLE)
    (brief,) = store.list_events(EventFilter(place="Kyiv"))
    event = store.get_event(brief["id"])
    assert [a["id"] for a in event["articles"]] == [KYIV_MORNING.id, KYIV_NOON.id]  # by publication time
    assert event["articles"][1]["outlet"] == "Capital Herald"
    (kyiv,) = event["place_details"]
    assert kyiv["name"] == "Kyiv" and kyiv["lat"] == pytest.approx(50.4501)
    assert event["official"] is None and event["official_mismatches"] == []
    assert store.get_event("ev-none") is None


def test_filters_paging_and_counts(store):
    _add(store, SAMPLE)
    assert store.count_events() == 3
    dates = [e["date"] for e in store.list_events()]
    assert dates == sorted(dates, reverse=True)
    assert store.count_events(EventFilter(date_from="2026-07-15")) == 1
    assert store.count_events(EventFilter(date_to="2026-07-14", min_killed=5)) == 1
    assert store.count_events(EventFilter(q="substation")) == 1  # article title
    assert store.count_events(EventFilter(q="odes")) == 1  # place name
    assert store.count_events(EventFilter(q="100%_")) == 0  # LIKE wildcards are literal
    assert store.count_events(EventFilter(attacker="RUSSIA")) == 3
    first, second = store.list_events(limit=2), store.list_events(limit=2, offset=2)
    assert len(first) == 2 and len(second) == 1
    assert {e["id"] for e in first + second} == {e["id"] for e in store.list_events()}


def test_stats_per_period(store):
    _add(store, SAMPLE)
    weeks = store.stats("week")
    assert [w["period"] for w in weeks] == ["2026-W29", "2026-W30"]
    assert weeks[0]["events"] == 2 and weeks[0]["killed"] == 9 and weeks[0]["injured"] == 31 + 2
    assert store.stats("month") == [{"period": "2026-07", "events": 3, "articles": 4, "killed": 9,
                                      "injured": 34, "drones_launched": 360, "missiles_launched": 20}]
    with pytest.raises(StrikewatchError):
        store.stats("fortnight")


def test_a_failing_batch_leaves_nothing_behind(store):
    class Broken(DateAndPlace):
        def group(self, features):
            raise RuntimeError("grouping crashed")

    with pytest.raises(RuntimeError):
        _add(store, SAMPLE, grouper=Broken())
    assert store.status()["counts"] == {"articles": 0, "facts": 0, "events": 0, "official_reports": 0, "failures": 0}


def test_status_counts_sources(store):
    store.add_batch([a for a, _ in SAMPLE[:2]], [r for _, r in SAMPLE[:2]], "news/", group_by_date_and_place)
    store.record_source("news/", "path", new=2, duplicate=1, failed=0)
    store.record_source("news/", "path", new=0, duplicate=0, failed=1)
    store.record_failures([("news/bad.txt", "SW102", "binary data, not text")])
    status = store.status()
    (source,) = status["sources"]
    # stored articles are counted from the articles table, so they are exact after a crash
    assert (source["articles_new"], source["articles_duplicate"], source["items_failed"]) == (2, 1, 1)
    assert source["last_ingest_at"] and status["counts"]["failures"] == 1


def test_iterators_cover_everything(store):
    _add(store, SAMPLE)
    assert len(list(store.iter_events())) == 3
    assert {a["id"] for a in store.iter_articles()} == {a.id for a, _ in SAMPLE}
    assert len(list(store.iter_facts())) == store.status()["counts"]["facts"]
    assert {r["id"] for r in store.iter_reports()} == {a.id for a, _ in SAMPLE}
    assert len(store.list_articles(limit=10)) == 4


def test_bad_url_and_unreachable_server_give_a_coded_error(tmp_path):
    with pytest.raises(StrikewatchError) as err:
        open_store("nosuchdialect://x")
    assert err.value.code == "SW301"
    with pytest.raises(StrikewatchError) as err:
        open_store("postgresql://nobody@127.0.0.1:1/none")
    assert err.value.code == "SW301"


def test_bare_path_and_environment_variable_select_sqlite(tmp_path, monkeypatch):
    monkeypatch.setenv("STRIKEWATCH_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with open_store() as store:
        assert store.dialect == "sqlite"
    assert (tmp_path / "env.db").exists()
    with open_store(str(tmp_path / "bare.db")) as store:
        assert store.dialect == "sqlite"
        with store.engine.connect() as conn:
            assert "articles" in sa.inspect(conn).get_table_names()


def test_migrations_build_exactly_the_schema_module_and_downgrade_cleanly(store):
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from strikewatch.store.migrate import alembic_config
    from strikewatch.store.schema import metadata

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    with store.engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
    | st.integers(min_value=2**63 - 2, max_value=2**90) | st.integers(min_value=-(2**90), max_value=-(2**63) + 2),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=8), _JSON, max_size=4))
def test_json_columns_round_trip_every_value_exactly(value):
    """orjson writes and reads the JSON columns; integers beyond 64 bits, which orjson
    refuses to write and would read back as floats, go through ``json`` both ways, and
    so does every row ``json`` wrote (before orjson, or PostgreSQL's JSONB)."""
    written = dump_json(value)
    assert json.loads(written) == value
    assert load_json(written) == value and load_json(written.encode()) == value
    for old in (json.dumps(value), json.dumps(value, ensure_ascii=False)):
        assert load_json(old) == value
