"""Pure conversions between contract dicts (Article, Report, Event) and table rows."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..models import RANGE_FIELDS, Article

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
FACT_FIELDS = ("kind", "low", "high", "start", "end", "evidence", "where", "attack", "scope",
               "place", "group", "weapon", "model", "speaker")
OFFICIAL_COLUMNS = ("id", "time_start", "time_end", "date_start", "date_end", "model", "category",
                    "launch_place", "target", "national", "launched", "destroyed", "row")
ARTICLE_FIELDS = ("id", "title", "url", "published", "outlet", "language", "source", "origin",
                  "event_date", "ingested_at")


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime string, else None."""
    if value and _ISO_DATE.match(value):
        return value[:10]
    return None


def article_row(
    article: Article, aid: str, digest: str, report: Mapping[str, Any] | None, origin: str | None, stamp: str
) -> dict[str, Any]:
    event_date = iso_date((report or {}).get("event_date")) or iso_date(article.published)
    return {
        "id": aid, "text_hash": digest, "url": article.url or None, "title": article.title or "",
        "text": article.text, "published": article.published, "outlet": article.outlet,
        "language": article.language, "source": article.source or "", "origin": origin,
        "event_date": event_date, "report": dict(report) if report is not None else None,
        "ingested_at": stamp,
    }


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def fact_rows(aid: str, report: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, fact in enumerate((report or {}).get("facts") or []):
        fid = str(fact.get("id") or f"f{n}")
        if fid in seen:
            fid = f"{fid}.{n}"
        seen.add(fid)
        row = {name: fact.get(name) for name in FACT_FIELDS}
        row.update(article_id=aid, fact_id=fid, is_update=bool(fact.get("update")),
                   low=_int_or_none(row["low"]), high=_int_or_none(row["high"]),
                   start=int(row["start"] or 0), end=int(row["end"] or 0),
                   evidence=row["evidence"] or "", where=row["where"] or "text",
                   attack=row["attack"] or "main", scope=row["scope"] or "total",
                   kind=row["kind"] or "unknown")
        out.append(row)
    return out


def fact_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored fact back into its contract shape (plus ``article_id``)."""
    fact = {name: row[name] for name in FACT_FIELDS}
    fact.update(id=row["fact_id"], update=bool(row["is_update"]), article_id=row["article_id"])
    return fact


def member_ids(event: Mapping[str, Any]) -> list[str]:
    """Article ids of an event, whether ``articles`` holds ids or dicts with an ``id``."""
    out = []
    for item in event.get("articles") or []:
        aid = item.get("id") if isinstance(item, Mapping) else item
        if aid:
            out.append(str(aid))
    return out


def _range_values(value: Any) -> tuple[int | None, int | None, int | None]:
    if not isinstance(value, Mapping):
        return None, None, None
    low, high = _int_or_none(value.get("low")), _int_or_none(value.get("high"))
    best = _int_or_none(value.get("best"))
    if best is None:
        best = low if low is not None else high
    return low, best, high


def event_row(event: Mapping[str, Any], stamp: str) -> dict[str, Any]:
    summary = event.get("summary") or {}
    row: dict[str, Any] = {
        "id": event["id"], "date": iso_date(event.get("date")), "attacker": event.get("attacker"),
        "n_articles": len(member_ids(event)), "n_conflicts": len(event.get("conflicts") or []),
        "data": dict(event), "updated_at": stamp,
    }
    for name in RANGE_FIELDS:
        row[f"{name}_low"], row[f"{name}_best"], row[f"{name}_high"] = _range_values(summary.get(name))
    return row


def place_name(place: Any) -> str | None:
    if isinstance(place, Mapping):
        return place.get("name")
    return str(place) if place else None


def place_details(reports: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Name -> first known {admin1, country, level, lat, lon} over the reports' places,
    preferring places reported as struck."""
    found: dict[str, dict[str, Any]] = {}
    for report in reports:
        for place in report.get("places") or []:
            name = place.get("name") if isinstance(place, Mapping) else None
            if not name:
                continue
            known = found.get(name)
            better = known is None or (known.get("lat") is None and place.get("lat") is not None)
            if better:
                found[name] = {k: place.get(k) for k in ("admin1", "country", "level", "lat", "lon")}
    return found


def event_place_rows(event: Mapping[str, Any], details: Mapping[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for place in event.get("places") or []:
        name = place_name(place)
        if not name or name in out:
            continue
        info = dict(details.get(name) or {})
        if isinstance(place, Mapping):
            info.update({k: place[k] for k in ("admin1", "country", "level", "lat", "lon") if place.get(k) is not None})
        out[name] = {"event_id": event["id"], "name": name[:200], **{
            k: info.get(k) for k in ("admin1", "country", "level", "lat", "lon")}}
    return list(out.values())


def summary_from_row(row: Mapping[str, Any]) -> dict[str, dict[str, int | None] | None]:
    out: dict[str, dict[str, int | None] | None] = {}
    for name in RANGE_FIELDS:
        low, best, high = (row[f"{name}_{p}"] for p in ("low", "best", "high"))
        out[name] = None if low is None and best is None and high is None else {"low": low, "best": best, "high": high}
    return out
