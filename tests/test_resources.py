"""The packaged tables: they load, they are consistent, and they are documented."""
from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from strikewatch import resources
from strikewatch.resources import (
    PlaceEntry,
    ResourceError,
    load_csv,
    load_places,
    load_toml,
    load_weapons,
    resource_path,
)

RESOURCES = Path(resources.__file__).parent
ROOT = RESOURCES.parent.parent
OBLASTS = [
    "Cherkasy", "Chernihiv", "Chernivtsi", "Dnipropetrovsk", "Donetsk", "Ivano-Frankivsk",
    "Kharkiv", "Kherson", "Khmelnytskyi", "Kirovohrad", "Kyiv", "Luhansk", "Lviv", "Mykolaiv",
    "Odesa", "Poltava", "Rivne", "Sumy", "Ternopil", "Vinnytsia", "Volyn", "Zakarpattia",
    "Zaporizhzhia", "Zhytomyr",
]
UKRAINE_BOX = (44.0, 52.5, 22.0, 40.5)  # lat min/max, lon min/max
RUSSIA_BOX = (41.0, 82.0, 19.0, 180.0)


def _data_files() -> list[Path]:
    return sorted(p for p in RESOURCES.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _by_alias() -> dict[str, PlaceEntry]:
    return {p.alias.casefold(): p for p in load_places()}


def _load_build_script():
    spec = importlib.util.spec_from_file_location("build_places", ROOT / "scripts" / "build_places.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_places", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_every_table_loads(path: Path) -> None:
    if path.suffix == ".csv":
        rows = load_csv(path.name)
        assert rows, f"{path.name} is empty"
        assert all(None not in row and all(v is not None for v in row.values()) for row in rows)
    elif path.suffix == ".toml":
        assert load_toml(path.name)


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_every_file_is_documented(path: Path) -> None:
    readme = (RESOURCES / "README.md").read_text(encoding="utf-8")
    assert f"`{path.relative_to(RESOURCES).as_posix()}`" in readme


def test_resource_path_points_into_the_package() -> None:
    assert resource_path("places.csv").read_text(encoding="utf-8").startswith("canonical,alias,")


def test_places_load_as_validated_entries() -> None:
    places = load_places()
    assert len(places) > 2000
    assert load_places() is places  # cached
    levels = {p.level for p in places}
    assert levels == {"country", "capital", "oblast", "city", "district", "landmark"}


@pytest.mark.parametrize("fold", [str.casefold, str.lower])
def test_no_place_alias_has_two_canonical_names(fold) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for place in load_places():
        owners[fold(place.alias)].add(place.canonical)
    clashes = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert clashes == {}


def test_each_canonical_place_is_one_place_and_its_own_alias() -> None:
    facts: dict[str, set[tuple]] = defaultdict(set)
    aliases: dict[str, set[str]] = defaultdict(set)
    for p in load_places():
        facts[p.canonical].add((p.level, p.admin1, p.country, p.lat, p.lon))
        aliases[p.canonical].add(p.alias)
    assert {name for name, seen in facts.items() if len(seen) > 1} == set()
    assert {name for name, seen in aliases.items() if name not in seen} == set()


def test_coordinates_are_plausible() -> None:
    for p in load_places():
        box = {"Ukraine": UKRAINE_BOX, "Russia": RUSSIA_BOX}.get(p.country, (-90, 90, -180, 180))
        if p.level == "country":
            box = (-90, 90, -180, 180)
        assert box[0] <= p.lat <= box[1] and box[2] <= p.lon <= box[3], p
        assert (p.lat, p.lon) != (0.0, 0.0), p


def test_every_ukrainian_oblast_and_special_city_is_present() -> None:
    by_alias = _by_alias()
    for stem in OBLASTS:
        for alias in (f"{stem} Oblast", f"{stem} oblast", f"{stem} region"):
            entry = by_alias[alias.casefold()]
            assert (entry.canonical, entry.level, entry.country) == (f"{stem} Oblast", "oblast", "Ukraine")
    assert by_alias["crimea"].canonical == "Autonomous Republic of Crimea"
    assert (by_alias["kyiv"].level, by_alias["kyiv"].admin1) == ("city", "Kyiv")
    assert by_alias["sevastopol"].admin1 == "Sevastopol"


@pytest.mark.parametrize(
    ("alias", "canonical", "level"),
    [
        ("Kiev", "Kyiv", "city"), ("Kijów", "Kyiv", "city"), ("Київ", "Kyiv", "city"),
        ("Charkiw", "Kharkiv", "city"), ("Jarkov", "Kharkiv", "city"), ("Харьков", "Kharkiv", "city"),
        ("Saporischschja", "Zaporizhzhia", "city"), ("Zaporozhye", "Zaporizhzhia", "city"),
        ("Odessa", "Odesa", "city"), ("Lwow", "Lviv", "city"), ("Lemberg", "Lviv", "city"),
        ("Dnepropetrovsk", "Dnipro", "city"), ("Krivoy Rog", "Kryvyi Rih", "city"),
        ("Artemivsk", "Bakhmut", "city"), ("Kirovograd", "Kropyvnytskyi", "city"),
        ("Nikolaev", "Mykolaiv", "city"), ("Chervonohrad", "Sheptytskyi", "city"),
        ("Kharkov region", "Kharkiv Oblast", "oblast"), ("Kharkivshchyna", "Kharkiv Oblast", "oblast"),
        ("Dnipro region", "Dnipropetrovsk Oblast", "oblast"), ("Kirovohrad region", "Kirovohrad Oblast", "oblast"),
        ("Belgorod region", "Belgorod Oblast", "oblast"), ("Engels", "Engels", "city"),
        ("St Petersburg", "Saint Petersburg", "city"), ("Moskau", "Moscow", "capital"),
        ("Darnitsky district", "Darnytskyi", "district"), ("Goloseevsky", "Holosiivskyi", "district"),
        ("Okhmatdyt", "Okhmatdyt children's hospital", "landmark"), ("Kerch Bridge", "Crimean Bridge", "landmark"),
        ("DniproHES", "Dnipro HPP", "landmark"), ("Chernobyl", "Chornobyl Nuclear Power Plant", "landmark"),
        ("DPRK", "North Korea", "country"), ("Türkiye", "Turkey", "country"), ("Holland", "Netherlands", "country"),
        ("Czech Republic", "Czechia", "country"), ("Russian Federation", "Russia", "country"),
    ],
)
def test_key_spellings_resolve(alias: str, canonical: str, level: str) -> None:
    entry = _by_alias()[alias.casefold()]
    assert (entry.canonical, entry.level) == (canonical, level)


def test_districts_and_landmarks_belong_to_their_city() -> None:
    by_alias = _by_alias()
    assert by_alias["shevchenkivskyi district"].admin1 == "Kyiv"
    assert by_alias["saltivskyi district"].admin1 == "Kharkiv"
    assert by_alias["lukianivska"].admin1 == "Kyiv"
    assert by_alias["znpp"].admin1 == "Zaporizhzhia Oblast"


def test_admin1_is_a_first_level_unit_or_for_districts_a_city() -> None:
    places = load_places()
    units = {p.canonical for p in places if p.level == "oblast"} | {"Kyiv", "Sevastopol"}
    cities = {p.canonical for p in places if p.level == "city"}
    for p in places:
        if p.level == "district":
            assert p.admin1 in cities, p
        elif p.country in ("Ukraine", "Russia") and p.level in ("oblast", "city", "landmark"):
            assert p.admin1 in units or (p.country, p.admin1) == ("Russia", p.canonical), p


def test_ambiguous_words_are_case_sensitive_and_place_names_are_not() -> None:
    by_alias = _by_alias()
    for word in ("Chad", "Jordan", "Turkey", "China", "Niger", "Guinea", "US", "UK"):
        assert by_alias[word.casefold()].case_sensitive, word
    for name in ("Kyiv", "Kharkiv", "Odessa", "Kharkiv region"):
        assert not by_alias[name.casefold()].case_sensitive, name


def test_places_csv_is_sorted_as_the_build_script_writes_it() -> None:
    keys = [(p.canonical, p.alias) for p in load_places()]
    assert keys == sorted(keys)


def test_bad_place_row_is_rejected() -> None:
    row = {"canonical": "Kyiv", "alias": "Kiev", "level": "town", "admin1": "Kyiv",
           "country": "Ukraine", "lat": "50.45", "lon": "30.52", "case_sensitive": "0"}
    with pytest.raises(ResourceError, match="unknown level"):
        resources._place(row, "places.csv:2")
    with pytest.raises(ResourceError, match="out of range"):
        resources._place({**row, "level": "city", "lat": "150"}, "places.csv:2")


def test_weapons_load_with_known_categories() -> None:
    weapons = load_weapons()
    assert len(weapons) > 150
    assert {w.category for w in weapons} == set(resources.WEAPON_CATEGORIES)


def test_no_weapon_alias_has_two_meanings() -> None:
    meanings: dict[str, set[tuple]] = defaultdict(set)
    for w in load_weapons():
        meanings[w.alias.lower()].add((w.model, w.category, w.origin))
    assert {a: m for a, m in meanings.items() if len(m) > 1} == {}


def test_every_weapon_model_is_one_category_and_named_by_itself() -> None:
    categories: dict[str, set[str]] = defaultdict(set)
    for w in load_weapons():
        if w.model:
            categories[w.model].add(w.category)
    aliases = {w.alias.lower() for w in load_weapons()}
    assert {m: c for m, c in categories.items() if len(c) > 1} == {}
    assert {m for m in categories if m.lower() not in aliases} == set()


@pytest.mark.parametrize(
    ("alias", "model", "category", "origin"),
    [
        ("geran-2", "Shahed-136", "drone", "Iran"), ("Shaheds", "Shahed-136", "drone", "Iran"),
        ("Geran-3", "Shahed-238", "drone", "Iran"), ("Gerbera", "Gerbera", "decoy", "Russia"),
        ("imitation drones", None, "decoy", None), ("Kinzhal", "Kh-47M2 Kinzhal", "aeroballistic", "Russia"),
        ("X-101", "Kh-101", "cruise", "Russia"), ("Iskander", "Iskander-M", "ballistic", "Russia"),
        ("Iskander-K", "Iskander-K", "cruise", "Russia"), ("Hwasong-11", "KN-23", "ballistic", "North Korea"),
        ("Tsirkon", "3M22 Zircon", "aeroballistic", "Russia"), ("guided air missiles", None, "air_to_surface", None),
        ("glide bombs", None, "guided_bomb", None), ("FAB-3000", "FAB-3000", "guided_bomb", "Russia"),
        ("Yakhont", "P-800 Oniks", "other", "Russia"), ("rockets", None, "missile", None),
    ],
)
def test_key_weapon_spellings_resolve(alias: str, model: str | None, category: str, origin: str | None) -> None:
    by_alias = {w.alias.lower(): w for w in load_weapons()}
    entry = by_alias[alias.lower()]
    assert (entry.model, entry.category, entry.origin) == (model, category, origin)


def test_build_script_helpers_fold_accents_and_flag_acronyms() -> None:
    build = _load_build_script()
    assert build.ascii_fold("Charków") == "Charkow"
    assert build.ascii_fold("Járkov") == "Jarkov"
    assert build.ascii_fold("Łuck") is None  # would fold to the English word "Luck"
    assert build.ascii_fold("Київ") is None and build.ascii_fold("Kyiv") is None
    assert build.auto_case_sensitive("UAE") and build.auto_case_sensitive("Ufa")
    assert not build.auto_case_sensitive("Kyiv")
