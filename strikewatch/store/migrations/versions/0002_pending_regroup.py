"""Articles waiting to be grouped: ingest defers regrouping to the end of a run.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_regroup",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("event_date", sa.String(10), nullable=True),
    )
    op.create_index("ix_pending_regroup_event_date", "pending_regroup", ["event_date"])


def downgrade() -> None:
    op.drop_index("ix_pending_regroup_event_date", table_name="pending_regroup")
    op.drop_table("pending_regroup")
