"""``create_app``: the read-only JSON API and the server-rendered dashboard.

    from strikewatch.web import create_app
    app = create_app("sqlite:///strikewatch-demo.db")   # or a Store

Pages and JSON routes share the builders in ``views``; every failure goes through
``errors`` (one shape). Static files (CSS, vanilla JS, the schematic boundary file) are
packaged: the dashboard works offline, and /docs uses bundled Swagger UI files.
"""
from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store import Store, open_store
from . import errors, formatting
from .routes import api, exports, pages

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(str(files("strikewatch.web")))
# Pages load scripts, styles and the boundary file from this server only.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _version() -> str:
    try:
        return version("strikewatch")
    except PackageNotFoundError:
        return "0"


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(PACKAGE_DIR / "templates"))
    env = templates.env
    env.autoescape = True  # article text is untrusted: escape everything
    formatting.install(env)
    return templates


class SecurityHeaders:
    """Pure ASGI middleware: no-sniff, no referrer, and a strict CSP on dashboard pages
    (the bundled Swagger UI at /docs sets its own inline script, so it is left out)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(("/docs", "/redoc"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if not docs and headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", PAGE_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(store: Store | str | None = None) -> FastAPI:
    """The web app over ``store`` (a Store, a database URL, or None for the default
    database: ``$STRIKEWATCH_DB`` or ``sqlite:///strikewatch.db``)."""
    if not isinstance(store, Store):
        store = open_store(store)
    app = FastAPIOffline(
        title="strikewatch",
        version=_version(),
        description="Read-only API over the strike event ledger. Dashboard at /.",
        static_url="/static/docs",
    )
    app.state.store = store
    app.state.templates = make_templates()
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(PACKAGE_DIR / "static")), name="static")
    app.include_router(api.router)
    app.include_router(exports.router)
    app.include_router(pages.router)
    return app


def app_from_env() -> FastAPI:
    """App factory for ``uvicorn --factory`` and multi-process serving: the database
    comes from ``$STRIKEWATCH_DB`` (see ``strikewatch serve --workers``)."""
    return create_app(None)
