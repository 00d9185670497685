"""Flat rows for exports: ACLED-style event rows, article rows and fact rows.

Event rows start with ACLED's columns (so they load into tools built for ACLED) and
go on with strikewatch's own: every figure as low/best/high, official Air Force counts
beside the media ones, and the sources' conflicts.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..models import RANGE_FIELDS

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1",
                 "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes", "fatalities")
OFFICIAL_FIELDS = ("drones_launched", "drones_destroyed", "missiles_launched", "missiles_destroyed")
OWN_COLUMNS = (
    "fatalities_low", "fatalities_high",
    *(f"{name}_{part}" for name in RANGE_FIELDS if name != "killed" for part in ("low", "best", "high")),
    *(f"official_{name}" for name in OFFICIAL_FIELDS),
    "official_mismatches", "conflicts", "n_conflicts", "places", "attacker", "n_articles", "article_ids",
)
EVENT_COLUMNS = ACLED_COLUMNS + OWN_COLUMNS
ARTICLE_COLUMNS = ("id", "title", "url", "published", "outlet", "language", "source", "origin",
                   "event_date", "ingested_at", "text")
FACT_COLUMNS = ("article_id", "id", "kind", "low", "high", "start", "end", "evidence", "where", "attack",
                "scope", "place", "group", "weapon", "model", "update", "speaker")
INT_COLUMNS = frozenset({"year", "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
                         "n_conflicts", "n_articles", "low", "high", "start", "end",
                         *(c for c in OWN_COLUMNS if c.endswith(("_low", "_best", "_high")) or c.startswith("official_")
                           and c != "official_mismatches")})
FLOAT_COLUMNS = frozenset({"latitude", "longitude"})
BOOL_COLUMNS = frozenset({"update"})

ACTORS = {"russia": "Military Forces of Russia (2000-)", "ukraine": "Military Forces of Ukraine (2019-)"}
_PRECISION = {"landmark": 1, "district": 1, "city": 1, "town": 1, "village": 1, "oblast": 3,
              "region": 3, "country": 3}


def _range(summary: Mapping[str, Any], name: str) -> tuple[Any, Any, Any]:
    value = summary.get(name)
    if not isinstance(value, Mapping):
        return None, None, None
    return value.get("low"), value.get("best"), value.get("high")


def main_place(event: Mapping[str, Any]) -> dict[str, Any]:
    """The event's first-ranked place that has coordinates (else its first place)."""
    details = {p["name"]: p for p in event.get("place_details") or []}
    names = [p if isinstance(p, str) else p.get("name") for p in event.get("places") or []]
    ordered = [details.get(n) or {"name": n} for n in names if n] or list(details.values())
    located = [p for p in ordered if p.get("lat") is not None and p.get("lon") is not None]
    return (located or ordered or [{}])[0]


def _sub_event_type(summary: Mapping[str, Any]) -> str:
    low, best, high = _range(summary, "missiles_launched")
    missiles = best if best is not None else (low if low is not None else high)
    return "Shelling/artillery/missile attack" if missiles else "Air/drone strike"


def _notes(event: Mapping[str, Any], place_names: list[str]) -> str:
    summary = event.get("summary") or {}
    bits = []
    for name, label in (("drones_launched", "drones"), ("missiles_launched", "missiles"),
                        ("killed", "killed"), ("injured", "injured")):
        _, best, _ = _range(summary, name)
        if best is not None:
            bits.append(f"{best} {label}")
    who = event.get("attacker") or "Unknown attacker"
    where = ", ".join(place_names[:6]) or "unknown places"
    n = len(event.get("articles") or [])
    return f"On {event.get('date') or 'an unknown date'}, {who} struck {where}: {'; '.join(bits) or 'no figures'} ({n} article(s))."


def _conflict_text(conflict: Any) -> str:
    if isinstance(conflict, Mapping):
        return str(conflict.get("message") or conflict.get("field") or conflict)
    return str(conflict)


def event_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One event (``Store.get_event`` shape) as a flat ACLED-style row."""
    summary = event.get("summary") or {}
    place = main_place(event)
    names = [p if isinstance(p, str) else p.get("name") for p in event.get("places") or []]
    outlets = sorted({a.get("outlet") for a in event.get("articles") or [] if isinstance(a, Mapping) and a.get("outlet")})
    low, best, high = _range(summary, "killed")
    date = event.get("date")
    row: dict[str, Any] = {
        "event_id_cnty": event["id"], "event_date": date, "year": int(date[:4]) if date else None,
        "event_type": "Explosions/Remote violence", "sub_event_type": _sub_event_type(summary),
        "actor1": ACTORS.get((event.get("attacker") or "").lower(), event.get("attacker") or ""),
        "country": place.get("country") or "", "admin1": place.get("admin1") or "",
        "location": place.get("name") or "", "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": _PRECISION.get(place.get("level") or "", 2) if place.get("name") else None,
        "source": "; ".join(outlets), "notes": _notes(event, [n for n in names if n]),
        "fatalities": best if best is not None else 0, "fatalities_low": low, "fatalities_high": high,
    }
    for name in RANGE_FIELDS:
        if name != "killed":
            row[f"{name}_low"], row[f"{name}_best"], row[f"{name}_high"] = _range(summary, name)
    official = event.get("official") or {}
    for name in OFFICIAL_FIELDS:
        row[f"official_{name}"] = official.get(name)
    row["official_mismatches"] = "; ".join(m.get("message", "") for m in event.get("official_mismatches") or [])
    conflicts = event.get("conflicts") or []
    row.update(conflicts="; ".join(_conflict_text(c) for c in conflicts), n_conflicts=len(conflicts),
               places="; ".join(n for n in names if n), attacker=event.get("attacker") or "",
               n_articles=len(event.get("article_ids") or event.get("articles") or []),
               article_ids="; ".join(event.get("article_ids") or []))
    return row


def event_rows(events: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield event_row(event)


def article_rows(articles: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    for article in articles:
        yield {c: article.get(c) for c in ARTICLE_COLUMNS}


def fact_rows(facts: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    for fact in facts:
        yield {c: fact.get(c) for c in FACT_COLUMNS}


COLUMNS = {"events": EVENT_COLUMNS, "articles": ARTICLE_COLUMNS, "facts": FACT_COLUMNS}
