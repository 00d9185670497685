"""``strikewatch serve``: the read-only JSON API and the dashboard."""
from __future__ import annotations

import os
from typing import Annotated

import typer

from ..errors import StrikewatchError
from ._common import fail


def serve_cli(
    db: Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file (default: $STRIKEWATCH_DB or strikewatch.db).")] = None,
    host: Annotated[str, typer.Option(help="Interface to bind; keep 127.0.0.1 unless behind a proxy.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (one per core helps under load).")] = 1,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the dashboard at http://HOST:PORT/ and the API at /api (docs at /docs).

    Example:
        strikewatch serve --db strikewatch-demo.db --port 8000
    """
    import uvicorn

    from ..web import create_app

    try:
        app = create_app(db)  # opens (and migrates) the database once, up front
    except StrikewatchError as err:
        fail(str(err))
        return
    typer.echo(f"strikewatch: dashboard on http://{host}:{port}/  (API docs: /docs; Ctrl+C to stop)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    os.environ["STRIKEWATCH_DB"] = app.state.store.engine.url.render_as_string(hide_password=False)
    app.state.store.close()
    uvicorn.run("strikewatch.web.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level=log_level)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)
