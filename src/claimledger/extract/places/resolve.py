"""Choosing among namesakes, and the kind of a place.

A name is resolved once per article, from all its mentions together: a kind cue on any
mention ("Kursk region", "the city of X") restricts the choice; "X, Y" restricts it to places
inside Y; then entries score by what they are (country, division, city by population and
capital status), whether their country is named in the article, and whether they lie near
the article's other places.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from claimledger.extract.places.gazetteer import Entry, Gazetteer, distance_km, name_key

if TYPE_CHECKING:
    from claimledger.extract.places.recognise import Candidate

CITY_POPULATION = 20_000
TOWN_POPULATION = 1_000
METROPOLIS = 1_000_000
SMALL_TOWN = 100_000
NEAR_KM = 300.0
CLEAR_MARGIN = 15.0
AREA_KINDS = {"region", "county", "island", "continent"}


def settlement_kind(entry: Entry) -> str:
    """city, town or village for a populated place, by capital status and population."""
    if entry.capital or entry.population >= CITY_POPULATION:
        return "city"
    if entry.population >= TOWN_POPULATION or entry.population == 0:
        return "town"
    return "village"


def _base_score(entry: Entry) -> float:
    if entry.kind == "country":
        return 100.0
    if entry.kind == "continent":
        return 80.0
    if entry.kind in AREA_KINDS:
        return 60.0 if entry.primary else 40.0
    score = 8 * math.log10(entry.population + 10)
    if entry.capital:
        score += 30
    if entry.population >= METROPOLIS:
        score += 20
    if not entry.primary:
        # big cities are often filed under a longer name ("New York City")
        score -= 5 if entry.population >= METROPOLIS else 25
    return score


class Resolver:
    """Resolves the names of one article against the gazetteer, using the whole article."""

    def __init__(self, gaz: Gazetteer, cands: Sequence[Candidate]) -> None:
        self.gaz = gaz
        self._by_key: dict[str, list[Candidate]] = {}
        for cand in cands:
            if cand.entries and not cand.special:
                self._by_key.setdefault(name_key(cand.surface), []).append(cand)
        self.countries: dict[str, set[str]] = {}  # country -> names that place us there
        # (country, first-level division) -> names of divisions the article names
        self.divisions: dict[tuple[str | None, str], set[str]] = {}
        self.anchors: list[tuple[str, Entry]] = []
        self._chosen: dict[str, Entry | None] = {}
        self._settled: dict[str, Entry] = {}  # names whose choice stands clear of namesakes
        for key, group in self._by_key.items():
            entry = self._choose(key, group)
            if entry is None or not self._clear(key, group, entry):
                continue
            self._settled[key] = entry
            if entry.kind == "country" or (entry.kind in AREA_KINDS and entry.primary):
                if entry.country:
                    self.countries.setdefault(entry.country, set()).add(key)
                if entry.kind == "region" and entry.admin1:
                    self.divisions.setdefault((entry.country, entry.admin1), set()).add(key)
            if entry.kind != "country" and entry.lat is not None and self._strong(entry):
                self.anchors.append((key, entry))
        self._chosen = {key: self._choose(key, group) for key, group in self._by_key.items()}

    def _clear(self, key: str, group: Sequence[Candidate], entry: Entry) -> bool:
        """Whether the first choice for a name stands well clear of its namesakes."""
        scores = sorted((self._score(key, e) for e in group[0].entries), reverse=True)
        return len(scores) < 2 or scores[0] - scores[1] >= CLEAR_MARGIN

    @staticmethod
    def _strong(entry: Entry) -> bool:
        return (entry.kind in AREA_KINDS and entry.primary) or (
            entry.primary and (entry.capital or entry.population >= 100_000)
        )

    def _choose(self, key: str, group: Sequence[Candidate]) -> Entry | None:
        entries: Iterable[Entry] = group[0].entries
        if any(e.kind == "city" and e.primary and e.population >= 100_000 for e in entries):
            # "Philadelphia" is the US city, not Amman under one of its old names
            entries = [e for e in entries if e.primary or e.kind != "city"]
        cues = {c.kind_cue for c in group if c.kind_cue}
        if "region" in cues:
            areas = [e for e in entries if e.kind in AREA_KINDS or e.kind == "country"]
            entries = areas or list(entries)
        elif cues:
            towns = [e for e in entries if e.kind == "city"]
            entries = towns or list(entries)
        withins = [c.within for c in group if c.within]
        owned = not withins
        for within in withins or [c.owner for c in group if c.owner]:
            outer = [e for e in self.gaz.lookup(within) if e.kind != "city"]
            if outer:
                inside = [e for e in entries if self._inside(e, outer)]
                if "region" not in cues:
                    # "Florence, Italy" is written of a town, not of its province
                    inside = [e for e in inside if e.kind == "city"] or inside
                if not inside and not owned and all(e.kind == "city" for e in entries):
                    return None  # "X, a village in Y": no X in Y is known; a namesake elsewhere
                entries = inside or list(entries)
        scored = [(self._score(key, e), -e.id, e) for e in entries]
        if not scored:
            return None
        return max(scored)[2]

    @staticmethod
    def _inside(entry: Entry, outer: Sequence[Entry]) -> bool:
        for o in outer:
            if o.kind == "country" and entry.country == o.country:
                return True
            if o.kind in AREA_KINDS and entry.country == o.country:
                if o.admin1 is None or entry.admin1 == o.admin1:
                    return True
        return False

    def _is_country_name(self, key: str, entry: Entry) -> bool:
        """'Djibouti', 'Luxembourg': a city named like its own country."""
        return any(e.kind == "country" and e.country == entry.country for e in self.gaz.lookup(key))

    def _score(self, key: str, entry: Entry) -> float:
        score = _base_score(entry)
        named = self.countries.get(entry.country or "", set()) - {key}
        if entry.kind != "country" and named and not self._is_country_name(key, entry):
            score += 30
        if entry.kind != "region" and entry.admin1:
            if self.divisions.get((entry.country, entry.admin1), set()) - {key}:
                score += 15  # "Jackson County ... Independence, Missouri"
        for other_key, anchor in self.anchors:
            if other_key == key:
                continue
            dist = distance_km(entry, anchor)
            if dist is not None and dist <= NEAR_KM:
                score += 10
                break
        if entry.kind in AREA_KINDS:
            # a division that shares its name with a big city of its own country
            same = [
                e for e in self.gaz.lookup(key) if e.kind == "city" and e.country == entry.country
            ]
            if same:
                score += 5
        return score

    def best(self, cand: Candidate) -> Entry | None:
        """The entry a candidate's name resolves to in this article."""
        if cand.special or not cand.entries:
            return None
        return self._chosen.get(name_key(cand.surface))

    def foreign(self, entry: Entry) -> bool:
        """Whether a small town (or a town under one of its alternate names) lies outside
        every country the article places itself in, far from its well-known places: the
        article means a place the gazetteer lacks."""
        small = entry.population < (METROPOLIS if not entry.primary else SMALL_TOWN)
        if entry.kind != "city" or entry.capital or not small:
            return False
        countries = set(self.countries) | {a.country for _, a in self.anchors if a.country}
        sure = [*self._settled.values(), *(e for e in self._chosen.values() if e and e.capital)]
        countries |= {
            e.country
            for e in sure
            if e.id != entry.id and e.country and (e.capital or e.population >= SMALL_TOWN)
        }
        if not countries or entry.country in countries:
            return False
        return not any(
            (dist := distance_km(entry, anchor)) is not None and dist <= NEAR_KM
            for _, anchor in self.anchors
        )

    def near_others(self, cand: Candidate, entry: Entry | None) -> bool:
        """Whether the entry lies near another well-known place of the article."""
        if entry is None:
            return False
        key = name_key(cand.surface)
        for other_key, anchor in self.anchors:
            if other_key != key and anchor.id != entry.id:
                dist = distance_km(entry, anchor)
                if dist is not None and dist <= NEAR_KM:
                    return True
        return False

    def group_key(self, cand: Candidate, entry: Entry | None) -> str:
        """Mentions with the same key are one place."""
        if cand.special:
            return f"{cand.special}:{name_key(cand.surface)}"
        if entry is not None:
            return f"entry:{entry.id}"
        return f"name:{name_key(cand.surface)}"

    def entry_for_group(self, cands: Sequence[Candidate]) -> Entry | None:
        """The entry shared by a group's mentions (the first resolved one)."""
        for cand in cands:
            entry = self.best(cand)
            if entry is not None:
                return entry
        return None

    def default_kind(self, cands: Sequence[Candidate], entry: Entry | None) -> str:
        """The kind of a place with no cue in the text."""
        if entry is None:
            return "town"
        if entry.kind == "country":
            return "country"
        if entry.kind in AREA_KINDS:
            return "region"
        return "city"
