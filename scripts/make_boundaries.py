"""Build the dashboard's bundled, schematic boundary file of Ukraine and its oblasts.

There is no network access at build time, so this does not use Natural Earth or any
survey data. The country outline is a coarse polygon traced by hand from well-known
border points (tripoints, coastal cities, capes); each oblast is the union of the
Voronoi cells of one or more hand-placed seed points inside it, clipped to the outline.
Kyiv and Sevastopol (cities with special status) are small discs cut out of their
regions. The result is APPROXIMATE and SCHEMATIC: good enough to show where strikes
landed on a national map, never for measuring distances or borders.

Dev-only (needs shapely, from the ``test`` extra)::

    .venv/bin/python scripts/make_boundaries.py
"""
from __future__ import annotations

import json
from pathlib import Path

from shapely.geometry import MultiPoint, Point, Polygon, mapping
from shapely.ops import unary_union, voronoi_diagram

OUT = Path(__file__).resolve().parents[1] / "strikewatch/web/static/geo/ukraine.geojson"

# (lon, lat), clockwise from the Poland-Belarus-Ukraine tripoint.
OUTLINE: list[tuple[float, float]] = [
    (23.60, 51.52), (24.30, 51.80), (25.00, 51.90), (25.70, 51.92), (26.50, 51.80),
    (27.20, 51.65), (27.80, 51.60), (28.30, 51.55), (28.80, 51.45), (29.30, 51.38),
    (30.00, 51.48), (30.55, 51.28), (30.65, 51.50), (30.95, 52.05), (31.80, 52.10),
    (32.40, 52.30), (33.20, 52.35), (33.80, 52.35), (34.10, 51.80), (34.40, 51.30),
    (35.10, 51.20), (35.40, 50.65), (35.90, 50.45), (36.60, 50.25), (37.40, 50.40),
    (37.95, 50.05), (38.30, 50.05), (39.20, 49.85), (40.00, 49.60), (40.15, 49.25),
    (39.70, 48.80), (39.95, 48.30), (39.75, 47.85), (38.80, 47.85), (38.25, 47.55),
    (38.20, 47.10), (37.55, 47.08), (36.80, 46.75), (35.80, 46.60), (35.20, 46.40),
    (34.80, 46.17), (35.45, 45.35), (36.00, 45.45), (36.60, 45.38), (36.40, 45.10),
    (35.40, 45.00), (34.90, 44.80), (34.40, 44.65), (34.15, 44.45), (33.75, 44.40),
    (33.50, 44.55), (33.55, 44.90), (33.35, 45.20), (32.90, 45.35), (32.50, 45.38),
    (32.75, 45.55), (33.20, 45.85), (33.60, 46.12), (32.50, 46.10), (31.90, 46.30),
    (31.50, 46.58), (30.90, 46.58), (30.75, 46.45), (30.50, 46.12), (30.20, 45.90),
    (29.75, 45.62), (29.70, 45.22), (29.30, 45.40), (28.85, 45.30), (28.20, 45.47),
    (28.50, 45.60), (28.75, 45.75), (28.95, 46.05), (29.05, 46.50), (29.50, 46.45),
    (29.90, 46.50), (30.12, 46.40), (30.10, 46.60), (29.95, 46.95), (29.60, 47.40),
    (29.25, 47.90), (28.80, 48.15), (28.40, 48.25), (27.80, 48.45), (27.20, 48.45),
    (26.60, 48.25), (26.10, 47.98), (25.30, 47.90), (24.90, 47.75), (24.55, 47.95),
    (23.50, 48.00), (22.90, 47.95), (22.60, 48.10), (22.15, 48.40), (22.40, 48.80),
    (22.56, 49.08), (22.70, 49.60), (23.40, 50.20), (24.05, 50.50), (24.10, 50.85),
    (23.70, 51.30),
]

# Oblast -> seed points (lon, lat) placed by eye inside each region.
SEEDS: dict[str, list[tuple[float, float]]] = {
    "Volyn": [(24.9, 51.2), (25.4, 51.6)],
    "Rivne": [(26.3, 50.6), (26.5, 51.35)],
    "Zhytomyr": [(28.5, 50.6), (28.2, 51.2)],
    "Kyiv Oblast": [(30.2, 50.0), (30.0, 50.9), (31.2, 50.3)],
    "Chernihiv": [(32.2, 51.4), (31.6, 51.0), (32.8, 51.8)],
    "Sumy": [(34.1, 51.0), (33.8, 51.6), (34.6, 50.6)],
    "Kharkiv": [(36.4, 49.6), (37.4, 49.6), (35.7, 49.9)],
    "Luhansk": [(39.2, 48.8), (39.0, 49.5)],
    "Donetsk": [(37.8, 48.2), (37.6, 47.5), (38.4, 48.0)],
    "Zaporizhzhia": [(35.6, 47.3), (36.4, 47.0), (35.0, 46.9)],
    "Dnipropetrovsk": [(34.9, 48.4), (33.9, 48.0), (35.9, 48.5)],
    "Poltava": [(33.6, 49.6), (34.4, 49.8), (32.9, 50.0)],
    "Cherkasy": [(31.3, 49.2), (31.9, 49.6), (30.5, 49.0)],
    "Kirovohrad": [(32.0, 48.4), (32.9, 48.4), (31.0, 48.4)],
    "Vinnytsia": [(28.7, 49.0), (29.2, 49.5), (28.2, 48.6)],
    "Khmelnytskyi": [(27.0, 49.5), (27.1, 50.2), (26.9, 48.8)],
    "Ternopil": [(25.6, 49.4), (25.7, 48.8), (25.6, 49.9)],
    "Lviv": [(24.0, 49.8), (23.4, 49.5), (24.6, 50.3)],
    "Ivano-Frankivsk": [(24.7, 48.8), (24.4, 48.3)],
    "Zakarpattia": [(23.2, 48.4), (22.6, 48.6)],
    "Chernivtsi": [(26.0, 48.3), (25.4, 48.1), (26.9, 48.3)],
    "Odesa": [(29.8, 47.6), (30.3, 46.8), (29.4, 45.8), (29.5, 46.3)],
    "Mykolaiv": [(31.8, 47.3), (31.2, 47.8), (31.5, 46.8)],
    "Kherson": [(33.6, 46.7), (32.8, 46.6), (34.4, 46.4)],
    "Crimea": [(34.2, 45.3), (33.5, 45.4), (35.7, 45.3), (34.3, 45.8)],
}

# Cities with special status, cut out of their region as small discs.
CITIES: dict[str, tuple[float, float, float]] = {
    "Kyiv": (30.52, 50.45, 0.22),
    "Sevastopol": (33.55, 44.60, 0.12),
}

METADATA = {
    "title": "Ukraine and its oblasts (approximate, schematic)",
    "approximate": True,
    "note": (
        "Hand-traced coarse outline; oblasts are Voronoi cells of hand-placed seed "
        "points clipped to the outline. Schematic only: not survey data, not for "
        "measuring. Built by scripts/make_boundaries.py."
    ),
    "licence": "CC0; written for strikewatch",
}


def _oblast_polygons(outline: Polygon) -> dict[str, Polygon]:
    labelled = [(name, Point(p)) for name, pts in SEEDS.items() for p in pts]
    cells = voronoi_diagram(MultiPoint([p for _, p in labelled]), envelope=outline.buffer(2))
    regions: dict[str, list] = {name: [] for name in SEEDS}
    for cell in cells.geoms:
        owner = next(name for name, p in labelled if cell.contains(p))
        regions[owner].append(cell)
    return {name: unary_union(parts).intersection(outline) for name, parts in regions.items()}


def _feature(name: str, kind: str, geometry) -> dict:
    geom = mapping(geometry.simplify(0.01, preserve_topology=True))
    return {"type": "Feature", "properties": {"name": name, "kind": kind},
            "geometry": _round(geom)}


def _round(geom: dict) -> dict:
    def walk(c):
        return [round(c[0], 3), round(c[1], 3)] if isinstance(c[0], float) else [walk(x) for x in c]
    return {"type": geom["type"], "coordinates": walk(geom["coordinates"])}


def build() -> dict:
    outline = Polygon(OUTLINE).buffer(0)
    discs = {n: Point(lon, lat).buffer(r, quad_segs=4) for n, (lon, lat, r) in CITIES.items()}
    cut = unary_union(list(discs.values()))
    features = [_feature("Ukraine", "country", outline)]
    for name, poly in _oblast_polygons(outline).items():
        features.append(_feature(name, "oblast", poly.difference(cut)))
    for name, disc in discs.items():
        features.append(_feature(name, "city", disc.intersection(outline)))
    return {"type": "FeatureCollection", "metadata": METADATA, "features": features}


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(build(), separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
