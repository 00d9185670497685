"""FastAPI dependency aliases: the app's store and the parsed event filters."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..store import Store
from .query import EventQuery, event_query


def get_store(request: Request) -> Store:
    """The store opened by ``create_app`` (tests may override this dependency)."""
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
QueryDep = Annotated[EventQuery, Depends(event_query)]
