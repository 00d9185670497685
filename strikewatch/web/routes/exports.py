"""File exports through the CLI's ``EXPORTERS`` registry: ``/api/events.csv`` (with the
event filters), ``.jsonl``, ``.geojson``, ``.parquet``; also ``/api/articles.<fmt>``
and ``/api/facts.<fmt>``."""
from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Path
from fastapi.responses import StreamingResponse

from ...export import EXPORTERS, SUFFIXES, records
from ...store import web_queries
from ..deps import QueryDep, StoreDep
from ..errors import NOT_FOUND, WebError
from ..schemas import ERROR_RESPONSES

router = APIRouter(prefix="/api", tags=["exports"], responses=ERROR_RESPONSES)

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
               "geojson": "application/geo+json", "parquet": "application/vnd.apache.parquet"}
_SPOOL = 8 * 1024 * 1024
_CHUNK = 64 * 1024


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        spool.seek(0)
        while chunk := spool.read(_CHUNK):
            yield chunk
    finally:
        spool.close()


def _with_weapon(events: Iterable[dict[str, Any]], ids: set[str]) -> Iterator[dict[str, Any]]:
    return (e for e in events if e["id"] in ids)


@router.get("/{what}.{fmt}", summary="Export events, articles or facts as a file")
def export_file(
    store: StoreDep,
    query: QueryDep,
    what: Annotated[Literal["events", "articles", "facts"], Path()],
    fmt: Annotated[str, Path(description="csv, jsonl, geojson (events only) or parquet")],
) -> StreamingResponse:
    """The same writers as ``strikewatch export``; event exports honour the event
    filters (paging parameters are ignored: the whole selection is written)."""
    writer = EXPORTERS.get(fmt)
    if writer is None or (fmt == "geojson" and what != "events"):
        raise WebError(404, NOT_FOUND, f"no {what} export as '{fmt}' (formats: {', '.join(EXPORTERS)})", fmt)
    rows = records(store, what, query.to_filter() if what == "events" else None)
    if what == "events" and query.weapon:
        rows = _with_weapon(rows, web_queries.weapon_event_ids(store, query.weapon))
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)
    writer(rows, what, spool)  # type: ignore[arg-type]
    filename = f"strikewatch-{what}{SUFFIXES.get(fmt, '.' + fmt)}"
    return StreamingResponse(_chunks(spool), media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})
