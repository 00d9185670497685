"""Alembic migrations, run from inside the package (no alembic.ini needed).

``upgrade(engine)`` brings any database to the latest schema; it is called by
``open_store``. To add a migration after changing ``schema.py``:
``python -m strikewatch.store.migrate revision -m "what changed"``, then write its
``upgrade``/``downgrade`` by hand (``render_as_batch`` keeps ALTERs working on SQLite).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Create or migrate the schema to ``revision`` in one transaction."""
    if revision == "head" and current_revision(engine) == head_revision():
        return
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    log.info("database schema at %s", current_revision(engine))


def _main(argv: list[str]) -> None:  # pragma: no cover - developer helper
    if len(argv) >= 3 and argv[0] == "revision" and argv[1] == "-m":
        command.revision(alembic_config(), message=argv[2])
    else:
        print("usage: python -m strikewatch.store.migrate revision -m MESSAGE")


if __name__ == "__main__":  # pragma: no cover
    _main(sys.argv[1:])
