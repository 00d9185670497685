"""Alembic environment: runs on the connection handed over by ``store.migrate``."""
from __future__ import annotations

from alembic import context

from strikewatch.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # offline SQL generation is not supported
    raise RuntimeError("run migrations through strikewatch.store.migrate.upgrade(engine)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
