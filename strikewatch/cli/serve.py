"""``strikewatch serve``: the read-only JSON API and the dashboard."""
from __future__ import annotations

from typing import Annotated

import typer

from ..errors import StrikewatchError
from ._common import fail


def serve_cli(
    db: Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file (default: $STRIKEWATCH_DB or strikewatch.db).")] = None,
    host: Annotated[str, typer.Option(help="Interface to bind; keep 127.0.0.1 unless behind a proxy.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the dashboard at http://HOST:PORT/ and the API at /api (docs at /docs).

    Example:
        strikewatch serve --db strikewatch-demo.db --port 8000
    """
    import uvicorn

    from ..web import create_app

    try:
        app = create_app(db)
    except StrikewatchError as err:
        fail(str(err))
        return
    typer.echo(f"strikewatch: dashboard on http://{host}:{port}/  (API docs: /docs; Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)
