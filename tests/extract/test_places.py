"""Places: the gazetteer, tagger overruled, namesakes, kinds, organisations, mentions."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

from claimledger.extract.gazetteer import distance_km, load_gazetteer, name_key
from claimledger.extract.gazetteer_build import SCHEMA_VERSION, build_gazetteer, division_names
from claimledger.extract.places import extract_places

# (text, {name: (kind, country)}): every listed place must be found with that kind and
# country (None: no coordinates expected), and nothing else may be found.
CASES = [
    # the tagger calls these a person or a product; the gazetteer and the context overrule it
    (
        "Officials in Kiev said the shelling of Kharkiv continued overnight.",
        {"Kiev": ("city", "UA"), "Kharkiv": ("city", "UA")},
    ),
    (
        "Drones struck Kursk again, and Belgorod reported damage.",
        {"Kursk": ("region", "RU"), "Belgorod": ("region", "RU")},
    ),
    # namesakes picked by context
    (
        "Officials in Moscow, Idaho, said the campus would reopen.",
        {"Moscow": ("city", "US"), "Idaho": ("region", "US")},
    ),
    ("Floods hit Paris, Texas, on Sunday.", {"Paris": ("city", "US"), "Texas": ("region", "US")}),
    (
        "The mayor of Paris met French ministers in Lyon.",
        {"Paris": ("city", "FR"), "Lyon": ("city", "FR")},
    ),
    (
        "Ukrainian troops held the line near Pokrovsk in eastern Ukraine.",
        {"Pokrovsk": ("city", "UA"), "Ukraine": ("country", "UA")},
    ),
    (
        "Fire crews on Maui said the blaze near Kula in Hawaii was contained.",
        {"Maui": ("region", "US"), "Kula": ("town", "US"), "Hawaii": ("region", "US")},
    ),
    (
        "Victoria Beckham flew to Melbourne, the capital of Victoria.",
        {"Melbourne": ("city", "AU"), "Victoria": ("region", "AU")},
    ),
    # names the gazetteer lacks, reported because the context says they are places
    (
        "Soldiers entered the village of Zelenopillya-Nova after a week of shelling.",
        {"Zelenopillya-Nova": ("village", None)},
    ),
    (
        "Aid reached the towns of Qarabeldi and Tel Hamsi on Friday.",
        {"Qarabeldi": ("town", None), "Tel Hamsi": ("town", None)},
    ),
    # demonyms are not places
    (
        "Turkish and Syrian rescuers searched the rubble in Hatay province.",
        {"Hatay": ("region", "TR")},
    ),
    ("Sudanese refugees crossed into Chad.", {"Chad": ("country", "TD")}),
    # place names inside organisation names are not places
    ("The Bank of England and the London School of Economics issued forecasts.", {}),
    (
        "Analysts at the Kyiv School of Economics said prices in Lviv rose.",
        {"Lviv": ("city", "UA")},
    ),
    ("The Washington Post reported that Chicago police made arrests.", {"Chicago": ("city", "US")}),
    # people who share a name with a place
    ("Paris Hilton arrived in London for the premiere.", {"London": ("city", "GB")}),
    ("Norman Ellis, a farmer, said the harvest was poor. Norman said rain came late.", {}),
    ("Jordan Peterson spoke in Toronto.", {"Toronto": ("city", "CA")}),
    # administrative suffixes are dropped; the suffix gives the kind
    (
        "Shelling continued in the Donetsk region and in Zaporizhzhia Oblast.",
        {"Donetsk": ("region", "UA"), "Zaporizhzhia": ("region", "UA")},
    ),
    (
        "More than 60,000 people died in Sudan's Khartoum state.",
        {"Sudan": ("country", "SD"), "Khartoum": ("region", "SD")},
    ),
    # fronts and facilities
    ("Fighting intensified on the Bakhmut front.", {"Bakhmut front": ("front", None)}),
    (
        "Inspectors visited the Zaporizhzhia nuclear power plant.",
        {"Zaporizhzhia nuclear power plant": ("facility", None)},
    ),
    (
        "Famine was declared in the Zamzam camp near El Fasher.",
        {"Zamzam camp": ("facility", None), "El Fasher": ("city", "SD")},
    ),
    # countries under their common and abbreviated names, metonyms, historical states
    (
        "U.S. employers added jobs while Washington weighed tariffs on Britain.",
        {
            "United States": ("country", "US"),
            "Washington": ("city", "US"),
            "Britain": ("country", "GB"),
        },
    ),
    (
        "The battle shifted the war in the Soviet Union's favour.",
        {"Soviet Union": ("country", None)},
    ),
    (
        "Rescuers reached West Maui and Wailuku on Monday.",
        {"West Maui": ("region", None), "Wailuku": ("town", "US")},
    ),
    # months and weekdays that are also place names
    (
        "In March, exports to Germany fell; in August they recovered.",
        {"Germany": ("country", "DE")},
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_places(parse, text: str, expected: dict[str, tuple[str, str | None]]) -> None:
    doc, article = parse(text)
    found = {p.name: p for p in extract_places(doc, article)}
    assert set(found) == set(expected)
    for name, (kind, country) in expected.items():
        place = found[name]
        assert place.kind == kind, name
        assert place.country == country, name
        if country is not None and kind != "region":
            assert place.lat is not None and place.lon is not None, name


@pytest.mark.parametrize("text", [case[0] for case in CASES])
def test_mention_offsets(parse, text: str) -> None:
    doc, article = parse(text)
    for place in extract_places(doc, article):
        assert place.mentions
        for m in place.mentions:
            assert article.text[m.start : m.end] == m.text


def test_spellings_merge_into_one_place(parse) -> None:
    doc, article = parse("Kyiv said the talks in Kiev would resume; Kyiv wants guarantees.")
    places = extract_places(doc, article)
    assert [p.name for p in places] == ["Kyiv"]
    assert len(places[0].mentions) == 3
    assert places[0].geonames_id == 703448


def test_coordinates_come_from_geonames(parse) -> None:
    doc, article = parse("The offensive aimed at Sudzha, a town in Russia's Kursk region.")
    sudzha = next(p for p in extract_places(doc, article) if p.name == "Sudzha")
    assert sudzha.kind == "town"
    assert sudzha.geonames_id == 486816
    assert abs(sudzha.lat - 51.191) < 0.01 and abs(sudzha.lon - 35.271) < 0.01


@pytest.mark.parametrize(
    "raw, key",
    [
        ("Kahramanmaraş", "kahramanmaras"),
        ("Bol’shoye Soldatskoye", "bolshoye soldatskoye"),
        ("U.S.", "us"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("N'Djamena", "ndjamena"),
    ],
)
def test_name_key(raw: str, key: str) -> None:
    assert name_key(raw) == key


@pytest.mark.parametrize(
    "raw, names",
    [
        ("Volgograd Oblast", {"Volgograd Oblast", "Volgograd"}),
        ("Hatay", {"Hatay"}),
        ("Khartoum State", {"Khartoum State", "Khartoum"}),
    ],
)
def test_division_names(raw: str, names: set[str]) -> None:
    assert division_names(raw) == names


def test_gazetteer_loads_and_finds_names() -> None:
    gaz = load_gazetteer()
    kyiv = gaz.lookup("Kyiv")[0]
    assert kyiv.kind == "city" and kyiv.country == "UA" and kyiv.capital
    assert kyiv.id in {e.id for e in gaz.lookup("Kiev")}
    assert {e.country for e in gaz.lookup("Donetsk")} >= {"UA", "RU"}
    assert any(e.kind == "region" for e in gaz.lookup("Kursk"))
    assert gaz.lookup("United States")[0].kind == "country"
    assert gaz.lookup("Maui County")[0].kind == "county"
    assert gaz.lookup("Nowhere-at-all-ville") == ()
    paris, lyon = gaz.lookup("Paris")[0], gaz.lookup("Lyon")[0]
    assert 380 < distance_km(paris, lyon) < 420


# GeoNames' own feature ids and coordinates (cities from cities500, countries and divisions
# from their administrative features: PCLI, ADM1, ADM2).
GEONAMES_POINTS = [
    ("Kyiv", "city", "UA", 703448, 50.45466, 30.5238),
    ("Paris", "city", "FR", 2988507, 48.85341, 2.3488),
    ("Sudzha", "city", "RU", 486816, 51.191, 35.271),
    ("Kursk", "region", "RU", 538555, 51.5, 36.0),
    ("Kharkiv", "region", "UA", 706482, 49.5, 36.5),
    ("Zaporizhzhia", "region", "UA", 687699, 47.5, 35.5),
    ("Texas", "region", "US", 4736286, 31.25044, -99.25061),
    ("North Darfur", "region", "SD", 408666, 16.0, 25.5),
    ("United States", "country", "US", 6252001, 39.76, -98.5),
    ("Ukraine", "country", "UA", 690791, 49.0, 32.0),
    ("Russia", "country", "RU", 2017370, 60.0, 100.0),
    ("Germany", "country", "DE", 2921044, 51.5, 10.5),
    ("United Kingdom", "country", "GB", 2635167, 54.75844, -2.69531),
    ("England", "country", "GB", 6269131, 52.16045, -0.70312),
    ("Maui County", "county", "US", 5850871, 20.86667, -156.50056),
]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@pytest.mark.parametrize("name, kind, country, geonames_id, lat, lon", GEONAMES_POINTS)
def test_coordinates_within_10_km_of_geonames(
    name: str, kind: str, country: str, geonames_id: int, lat: float, lon: float
) -> None:
    gaz = load_gazetteer()
    entry = next(e for e in gaz.lookup(name) if e.kind == kind and e.country == country)
    assert entry.geonames_id == geonames_id
    assert entry.lat is not None and entry.lon is not None
    assert _km(entry.lat, entry.lon, lat, lon) <= 10.0


@pytest.mark.slow
def test_gazetteer_builds(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    stats = build_gazetteer(path)
    assert stats.places > 200_000 and stats.names > stats.places
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT value FROM meta").fetchone()[0] == SCHEMA_VERSION
        assert con.execute("SELECT count(*) FROM place").fetchone()[0] == stats.places
    finally:
        con.close()
