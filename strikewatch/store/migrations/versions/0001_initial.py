"""Initial ledger schema: articles, facts, events, places, official reports, sources.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_RANGE_FIELDS = ("killed", "injured", "drones_launched", "missiles_launched",
                 "drones_intercepted", "missiles_intercepted", "duration_hours")


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("text_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.String(40), nullable=True),
        sa.Column("outlet", sa.Text, nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=True),
        sa.Column("event_date", sa.String(10), nullable=True),
        sa.Column("report", sa.JSON, nullable=True),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_articles_url", "articles", ["url"], unique=True)
    op.create_index("ix_articles_event_date", "articles", ["event_date"])


def _facts() -> None:
    op.create_table(
        "facts",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("fact_id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("low", sa.Integer, nullable=True),
        sa.Column("high", sa.Integer, nullable=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("where", sa.String(8), nullable=False),
        sa.Column("attack", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("place", sa.Text, nullable=True),
        sa.Column("group", sa.String(32), nullable=True),
        sa.Column("weapon", sa.String(32), nullable=True),
        sa.Column("model", sa.String(64), nullable=True),
        sa.Column("is_update", sa.Boolean, nullable=False),
        sa.Column("speaker", sa.Text, nullable=True),
    )
    op.create_index("ix_facts_kind", "facts", ["kind"])


def _events() -> None:
    ranges = [sa.Column(f"{name}_{part}", sa.Integer, nullable=True)
              for name in _RANGE_FIELDS for part in ("low", "best", "high")]
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("attacker", sa.Text, nullable=True),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_conflicts", sa.Integer, nullable=False),
        *ranges,
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_table(
        "event_articles",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_event_articles_article_id", "event_articles", ["article_id"])
    op.create_table(
        "event_places",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("admin1", sa.Text, nullable=True),
        sa.Column("country", sa.Text, nullable=True),
        sa.Column("level", sa.String(32), nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
    )
    op.create_index("ix_event_places_name", "event_places", ["name"])


def _official_and_bookkeeping() -> None:
    op.create_table(
        "official_reports",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("time_start", sa.String(32), nullable=True),
        sa.Column("time_end", sa.String(32), nullable=True),
        sa.Column("date_start", sa.String(10), nullable=True),
        sa.Column("date_end", sa.String(10), nullable=True),
        sa.Column("model", sa.Text, nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("launch_place", sa.Text, nullable=True),
        sa.Column("target", sa.Text, nullable=True),
        sa.Column("national", sa.Boolean, nullable=False),
        sa.Column("launched", sa.Integer, nullable=True),
        sa.Column("destroyed", sa.Integer, nullable=True),
        sa.Column("row", sa.JSON, nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_official_reports_date_start", "official_reports", ["date_start"])
    op.create_index("ix_official_reports_date_end", "official_reports", ["date_end"])
    op.create_table(
        "sources",
        sa.Column("name", sa.String(500), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("last_ingest_at", sa.String(32), nullable=True),
        sa.Column("articles_new", sa.Integer, nullable=False),
        sa.Column("articles_duplicate", sa.Integer, nullable=False),
        sa.Column("items_failed", sa.Integer, nullable=False),
    )
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )


def upgrade() -> None:
    _articles()
    _facts()
    _events()
    _official_and_bookkeeping()


def downgrade() -> None:
    for name in ("failures", "sources", "official_reports", "event_places",
                 "event_articles", "events", "facts", "articles"):
        op.drop_table(name)
