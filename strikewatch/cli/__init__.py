"""The ``strikewatch`` command: a thin Typer skin over the library.

Each command group lives in its own module with a ``register(app)`` function; this
module only assembles them, so stages can be added without touching each other."""
from __future__ import annotations

import importlib
import importlib.util

import typer

app = typer.Typer(
    name="strikewatch",
    help="Turn news reports of missile and drone strikes into a source-linked event ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Order is the order of `strikewatch --help`.
COMMAND_MODULES = ("extract", "evaluate", "events", "ledger", "serve")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        module_name = f"{__name__}.{name}"
        if importlib.util.find_spec(module_name) is None:
            continue
        importlib.import_module(module_name).register(app)


_register_all()


def main() -> None:
    app()
