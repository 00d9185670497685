"""GeoJSON (RFC 7946): one Point feature per event and struck place with coordinates."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .rows import event_row

_PROPERTIES = ("event_date", "sub_event_type", "actor1", "attacker", "fatalities", "fatalities_low",
               "fatalities_high", "injured_low", "injured_best", "injured_high", "drones_launched_best",
               "missiles_launched_best", "official_drones_launched", "official_missiles_launched",
               "n_conflicts", "n_articles", "source")


def event_features(event: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Features of one event: one per located place, ``primary`` on the event's main place."""
    row = event_row(event)
    for place in event.get("place_details") or []:
        if place.get("lat") is None or place.get("lon") is None:
            continue
        props = {"event_id": event["id"], "place": place["name"], "admin1": place.get("admin1"),
                 "country": place.get("country"), "level": place.get("level"),
                 "primary": place["name"] == row["location"], **{k: row[k] for k in _PROPERTIES}}
        yield {"type": "Feature", "id": f"{event['id']}:{place['name']}",
               "geometry": {"type": "Point", "coordinates": [float(place["lon"]), float(place["lat"])]},
               "properties": props}


def iter_features(events: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield from event_features(event)


def events_geojson(events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection dict (for the web API)."""
    return {"type": "FeatureCollection", "features": list(iter_features(events))}
