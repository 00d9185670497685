"""One error shape for every failure of the web layer.

API paths answer ``{"ok": false, "error": message, "code": "SW4xx", "status": N,
"details": [...]}``; dashboard pages render the same fields as an HTML page.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import MISSING_EXTRA, STORE, StrikewatchError

log = logging.getLogger(__name__)

# SW4xx: web. Stable codes clients can switch on.
BAD_REQUEST = "SW400"
NOT_FOUND = "SW404"
METHOD_NOT_ALLOWED = "SW405"
INTERNAL = "SW499"

_HTTP_CODES = {400: BAD_REQUEST, 404: NOT_FOUND, 405: METHOD_NOT_ALLOWED, 422: BAD_REQUEST}
_STORE_STATUS = {STORE: 503, MISSING_EXTRA: 503}


class WebError(StrikewatchError):
    """A failure with an HTTP status, raised by routes (e.g. unknown event id)."""

    def __init__(self, status: int, code: str, message: str, item: str | None = None) -> None:
        super().__init__(code, message, item)
        self.status = status


def not_found(kind: str, item_id: str) -> WebError:
    return WebError(404, NOT_FOUND, f"no {kind} with id '{item_id}'", item_id)


def error_body(status: int, code: str, message: str, details: list[Any] | None = None) -> dict[str, Any]:
    return {"ok": False, "error": message, "code": code, "status": status, "details": details or []}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/openapi") or path.startswith("/static"))


def _respond(request: Request, body: dict[str, Any]) -> Response:
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"error": body}, status_code=body["status"])
    return JSONResponse(body, status_code=body["status"])


async def _strikewatch_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StrikewatchError)
    status = exc.status if isinstance(exc, WebError) else _STORE_STATUS.get(exc.code, 500)
    if status >= 500:
        log.error("request %s failed: %s", request.url.path, exc)
    return _respond(request, error_body(status, exc.code, exc.message))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, INTERNAL if exc.status_code >= 500 else BAD_REQUEST)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    return _respond(request, error_body(exc.status_code, code, message))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
               for e in exc.errors()]
    message = "; ".join(f"{d['where']}: {d['message']}" for d in details) or "invalid request"
    return _respond(request, error_body(422, BAD_REQUEST, message, details))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path)
    return _respond(request, error_body(500, INTERNAL, "internal error"))


def install(app: FastAPI) -> None:
    """Route every failure through the one error shape."""
    app.add_exception_handler(StrikewatchError, _strikewatch_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
