"""The offline gazetteer: place names to GeoNames-style entries, read lazily from SQLite.

The SQLite file is built once from installed packages (see `gazetteer_build`) the first time
it is needed, inside the package's `data/` folder when that is writable, otherwise in the
user's cache folder. Lookups are by folded name (`name_key`) and cached per process.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimledger.extract.places.gazetteer_build import SCHEMA_VERSION, build_gazetteer, name_key

LOGGER = logging.getLogger(__name__)

PACKAGE_DATA = Path(__file__).resolve().parents[2] / "data"
FILE_NAME = "gazetteer.sqlite"

__all__ = ["Entry", "Gazetteer", "distance_km", "gazetteer_path", "load_gazetteer", "name_key"]


class GazetteerError(RuntimeError):
    """The gazetteer could not be built or opened."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place as found under a name.

    `kind` is the gazetteer's own class: country, region, county, island, continent or city.
    `primary` says whether the name looked up is the place's main name (or a common English
    name) rather than one of its alternate names.
    """

    id: int
    geonames_id: int | None
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    primary: bool

    @property
    def is_area(self) -> bool:
        """Whether the entry is an area (a division, island, county) rather than a settlement."""
        return self.kind in {"region", "county", "island", "continent"}


def distance_km(a: Entry, b: Entry) -> float | None:
    """Great-circle distance between two entries, or None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """Read-only name lookups over the SQLite gazetteer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, tuple[Entry, ...]] = {}

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self._local.con = con
        return con

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every entry known under `name` (any spelling that folds to the same key)."""
        key = name_key(name)
        if not key:
            return ()
        hit = self._cache.get(key)
        if hit is None:
            rows = (
                self._con()
                .execute(
                    "SELECT p.id, p.geonames_id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon,"
                    " p.population, p.capital, n.is_primary FROM name n JOIN place p"
                    " ON p.id = n.place_id WHERE n.key = ? ORDER BY p.population DESC, p.id",
                    (key,),
                )
                .fetchall()
            )
            hit = tuple(
                Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]), bool(r[10]))
                for r in rows
            )
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))


def _schema_of(path: Path) -> str | None:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def gazetteer_path() -> Path:
    """Where the gazetteer lives: the package's data folder, or the user cache if read-only."""
    if os.access(PACKAGE_DATA, os.W_OK) or (PACKAGE_DATA / FILE_NAME).exists():
        return PACKAGE_DATA / FILE_NAME
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "claimledger" / FILE_NAME


@lru_cache(maxsize=1)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer, built first if it is missing or from an older schema (once per process)."""
    path = path or gazetteer_path()
    if _schema_of(path) != SCHEMA_VERSION:
        LOGGER.info("building the place gazetteer at %s (once; takes a few seconds)", path)
        try:
            build_gazetteer(path)
        except OSError as exc:
            raise GazetteerError(
                f"cannot write the gazetteer to {path}: {exc}; make the folder writable"
            ) from exc
    return Gazetteer(path)
