"""SQLAlchemy Core tables of the ledger (mirrors the Alembic migrations in ``migrations/``).

Dates are ISO strings (``YYYY-MM-DD``) and timestamps ISO UTC strings: they sort as
text and behave the same in SQLite and PostgreSQL. Whole records (reports, events)
are kept as JSON beside the flat columns used for filtering and exports.
"""
from __future__ import annotations

import sqlalchemy as sa

from ..models import RANGE_FIELDS

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("text_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("url", sa.Text, nullable=True),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.String(40), nullable=True),
    sa.Column("outlet", sa.Text, nullable=True),
    sa.Column("language", sa.String(16), nullable=True),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("origin", sa.Text, nullable=True),  # the input given: folder, feed URL, file
    sa.Column("event_date", sa.String(10), nullable=True, index=True),
    sa.Column("report", sa.JSON, nullable=True),
    sa.Column("ingested_at", sa.String(32), nullable=False),
    sa.Index("ix_articles_url", "url", unique=True),
)

facts = sa.Table(
    "facts",
    metadata,
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("fact_id", sa.String(32), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False, index=True),
    sa.Column("low", sa.Integer, nullable=True),
    sa.Column("high", sa.Integer, nullable=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False, default=""),
    sa.Column("where", sa.String(8), nullable=False, default="text"),
    sa.Column("attack", sa.String(16), nullable=False, default="main"),
    sa.Column("scope", sa.String(16), nullable=False, default="total"),
    sa.Column("place", sa.Text, nullable=True),
    sa.Column("group", sa.String(32), nullable=True),
    sa.Column("weapon", sa.String(32), nullable=True),
    sa.Column("model", sa.String(64), nullable=True),
    sa.Column("is_update", sa.Boolean, nullable=False, default=False),
    sa.Column("speaker", sa.Text, nullable=True),
)


def _range_columns() -> list[sa.Column]:
    return [sa.Column(f"{name}_{part}", sa.Integer, nullable=True)
            for name in RANGE_FIELDS for part in ("low", "best", "high")]


events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("date", sa.String(10), nullable=True, index=True),
    sa.Column("attacker", sa.Text, nullable=True),
    sa.Column("n_articles", sa.Integer, nullable=False, default=0),
    sa.Column("n_conflicts", sa.Integer, nullable=False, default=0),
    *_range_columns(),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)

event_articles = sa.Table(
    "event_articles",
    metadata,
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True),
)

event_places = sa.Table(
    "event_places",
    metadata,
    sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("admin1", sa.Text, nullable=True),
    sa.Column("country", sa.Text, nullable=True),
    sa.Column("level", sa.String(32), nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Index("ix_event_places_name", "name"),
)

official_reports = sa.Table(
    "official_reports",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("time_start", sa.String(32), nullable=True),
    sa.Column("time_end", sa.String(32), nullable=True),
    sa.Column("date_start", sa.String(10), nullable=True, index=True),
    sa.Column("date_end", sa.String(10), nullable=True, index=True),
    sa.Column("model", sa.Text, nullable=False),
    sa.Column("category", sa.String(16), nullable=False),
    sa.Column("launch_place", sa.Text, nullable=True),
    sa.Column("target", sa.Text, nullable=True),
    sa.Column("national", sa.Boolean, nullable=False, default=True),
    sa.Column("launched", sa.Integer, nullable=True),
    sa.Column("destroyed", sa.Integer, nullable=True),
    sa.Column("row", sa.JSON, nullable=False),
    sa.Column("imported_at", sa.String(32), nullable=False),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("name", sa.String(500), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False, default="file"),
    sa.Column("last_ingest_at", sa.String(32), nullable=True),
    sa.Column("articles_new", sa.Integer, nullable=False, default=0),
    sa.Column("articles_duplicate", sa.Integer, nullable=False, default=0),
    sa.Column("items_failed", sa.Integer, nullable=False, default=0),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item", sa.Text, nullable=False),
    sa.Column("code", sa.String(8), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)

# Articles stored but not yet grouped into events (``ingest`` regroups them once at the
# end of a run, in one sweep over their dates). A row is written in the same transaction as its article
# and deleted in the same transaction as the events that include it, so a run killed
# before grouping leaves rows here, and the next ingest (or ``strikewatch status --repair``)
# finishes the work.
pending_regroup = sa.Table(
    "pending_regroup",
    metadata,
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("event_date", sa.String(10), nullable=True, index=True),
)
