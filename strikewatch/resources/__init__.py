"""Data tables shipped with strikewatch (word lists, gazetteer, weapons).

Every table is a file in this package, documented in ``README.md`` beside it. Tables are
read through :mod:`importlib.resources`, cached, and returned as immutable data:

- :func:`load_csv` / :func:`load_toml` read any table as plain rows / a dict;
- :func:`load_places` / :func:`load_weapons` read ``places.csv`` / ``weapons.csv`` into
  validated frozen dataclasses (a malformed row raises :class:`ResourceError`).
"""
from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from ..errors import StrikewatchError

BAD_RESOURCE = "SW190"
PLACE_LEVELS = frozenset({"country", "capital", "oblast", "city", "district", "landmark"})
WEAPON_CATEGORIES = frozenset(
    {"drone", "decoy", "cruise", "ballistic", "aeroballistic", "air_to_surface", "guided_bomb",
     "missile", "other"}
)
PLACE_COLUMNS = ("canonical", "alias", "level", "admin1", "country", "lat", "lon", "case_sensitive")
WEAPON_COLUMNS = ("alias", "model", "category", "origin")


class ResourceError(StrikewatchError):
    """A packaged table is missing a column or has a malformed row."""

    def __init__(self, message: str, item: str | None = None) -> None:
        super().__init__(BAD_RESOURCE, message, item)


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One spelling (``alias``) of a place; ``canonical`` is the name used in output."""

    canonical: str
    alias: str
    level: str
    admin1: str
    country: str
    lat: float
    lon: float
    case_sensitive: bool


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    """One spelling (``alias``) of a weapon; ``model`` is None for generic words."""

    alias: str
    model: str | None
    category: str
    origin: str | None


def resource_path(name: str) -> Traversable:
    """The packaged file ``name`` (relative to this package)."""
    return resources.files(__name__).joinpath(name)


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict[str, Any]:
    """A TOML table as a dict (cached: treat it as read-only)."""
    return tomllib.loads(resource_path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """A CSV table as rows keyed by the header (cached: treat the rows as read-only)."""
    text = resource_path(name).read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


def _check_columns(name: str, rows: tuple[dict[str, str], ...], columns: tuple[str, ...]) -> None:
    if rows and set(columns) - set(rows[0]):
        missing = ", ".join(sorted(set(columns) - set(rows[0])))
        raise ResourceError(f"missing column(s): {missing}", name)


def _place(row: dict[str, str], where: str) -> PlaceEntry:
    if not row["canonical"] or not row["alias"]:
        raise ResourceError("empty canonical name or alias", where)
    if row["level"] not in PLACE_LEVELS:
        raise ResourceError(f"unknown level {row['level']!r}", where)
    if row["case_sensitive"] not in ("0", "1"):
        raise ResourceError("case_sensitive must be 0 or 1", where)
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise ResourceError("lat/lon are not numbers", where) from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ResourceError(f"coordinates out of range: {lat}, {lon}", where)
    return PlaceEntry(row["canonical"], row["alias"], row["level"], row["admin1"],
                      row["country"], lat, lon, row["case_sensitive"] == "1")


def _weapon(row: dict[str, str], where: str) -> WeaponEntry:
    if not row["alias"]:
        raise ResourceError("empty alias", where)
    if row["category"] not in WEAPON_CATEGORIES:
        raise ResourceError(f"unknown category {row['category']!r}", where)
    return WeaponEntry(row["alias"], row["model"] or None, row["category"], row["origin"] or None)


@lru_cache(maxsize=1)
def load_places() -> tuple[PlaceEntry, ...]:
    """Every row of ``places.csv``, validated."""
    rows = load_csv("places.csv")
    _check_columns("places.csv", rows, PLACE_COLUMNS)
    return tuple(_place(row, f"places.csv:{n}") for n, row in enumerate(rows, start=2))


@lru_cache(maxsize=1)
def load_weapons() -> tuple[WeaponEntry, ...]:
    """Every row of ``weapons.csv``, validated."""
    rows = load_csv("weapons.csv")
    _check_columns("weapons.csv", rows, WEAPON_COLUMNS)
    return tuple(_weapon(row, f"weapons.csv:{n}") for n, row in enumerate(rows, start=2))
