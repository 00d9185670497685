"""Web API and dashboard: ``create_app(store_or_url)`` (see docs/web.md)."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
