"""Places: the gazetteer, tagger overruled, namesakes, kinds, organisations, mentions."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

from claimledger.extract.places.gazetteer import distance_km, load_gazetteer, name_key
from claimledger.extract.places.gazetteer_build import (
    SCHEMA_VERSION,
    build_gazetteer,
    division_names,
)
from claimledger.extract.places.recognise import extract_places

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


# names the gazetteer lacks (or holds only abroad), placed by the words around them
CONTEXT_CASES = [
    # an appositive kind word, also after "an" and a hyphenated adjective
    (
        "Pottersville, a hamlet of some 400 people, lost power on Sunday.",
        {"Pottersville": ("village", None)},
    ),
    (
        "Kalobeyei, an overcrowded refugee settlement, ran out of maize.",
        {"Kalobeyei": ("village", None)},
    ),
    # a plural kind word with a list
    (
        "Shelling hit the neighbourhoods of Shejaiya, Tuffah and Zeitoun in Gaza City.",
        {
            "Shejaiya": ("town", None),
            "Tuffah": ("town", None),
            "Zeitoun": ("town", None),
            "Gaza City": ("city", "PS"),
        },
    ),
    # "the port of X": the port itself when the gazetteer knows no such town nearby
    (
        "Chilean dockers blocked the port of Coloso, north of Antofagasta.",
        {"Coloso": ("facility", None), "Antofagasta": ("region", "CL")},
    ),
    # ... and the city when it does
    ("Grain ships left the port of Odesa on Monday.", {"Odesa": ("city", "UA")}),
    # people from, in or of a place
    (
        "Residents of Kibwezi said the borehole had dried up.",
        {"Kibwezi": ("town", "KE")},
    ),
    (
        "Nurses in Membaqui said the ward was full.",
        {"Membaqui": ("town", None)},
    ),
    (
        '"The river took everything," said Imran Sheikh, a farmer from Goth Allahdino.',
        {"Goth Allahdino": ("town", None)},
    ),
    # "in X, where ..."
    (
        "In Kfar Tebnit, where most homes were damaged, families returned.",
        {"Kfar Tebnit": ("town", None)},
    ),
    # a distance from a known place
    (
        "Rescuers reached Oyugis Ndege, about 40 kilometres south of Kisumu, on Friday.",
        {"Oyugis Ndege": ("town", None), "Kisumu": ("region", "KE")},
    ),
    # listed with a town the gazetteer knows
    (
        "Cholera spread in Memba and Angoche last week.",
        {"Memba": ("town", None), "Angoche": ("city", "MZ")},
    ),
    # the kind of a person-tagged name said once ("a village") holds for every mention
    (
        "Wahi Pandhi, a village near Johi, flooded. A farmer from Wahi Pandhi said so.",
        {"Wahi Pandhi": ("village", None), "Johi": ("town", "PK")},
    ),
    # "X, a village in Y" with no X in Y: no coordinates from a namesake elsewhere
    (
        "Gunmen attacked Tudun Wada, a village in Zamfara state.",
        {"Tudun Wada": ("village", None), "Zamfara": ("region", "NG")},
    ),
    # a direction word before a division the gazetteer lacks in English
    (
        "Rebels advanced on Bukavu, the capital of South Kivu province.",
        {"Bukavu": ("city", "CD"), "South Kivu": ("region", None)},
    ),
    # particles inside unknown names; elided articles inside known ones
    (
        "Jets bombed the towns of Kafr Nabl and Maarat al-Numan.",
        {"Kafr Nabl": ("town", "SY"), "Maarat al-Numan": ("town", None)},
    ),
    (
        "Cocoa growers from Soubre in Côte d'Ivoire held a strike.",
        {"Soubre": ("city", "CI"), "Côte d'Ivoire": ("country", "CI")},
    ),
    # seas and gulfs
    (
        "A storm in the Gulf of Mexico shut platforms off Louisiana.",
        {"Gulf of Mexico": ("region", None), "Louisiana": ("region", "US")},
    ),
    # a plural division word gives the kind to every name of its list
    (
        "Cases rose in Tete and Zambezia provinces.",
        {"Tete": ("region", "MZ"), "Zambezia": ("region", "MZ")},
    ),
    # a gazetteer name taken by force is a place even when tagged a person
    ("Rebels seized Goma overnight.", {"Goma": ("city", "CD")}),
    # "X, a town on Y" with no X by Y: no coordinates from a namesake elsewhere
    (
        "Fishermen from Baga, a fishing town on Lake Chad, fled.",
        {"Baga": ("town", None), "Lake Chad": ("region", None)},
    ),
    # a city named like its own country is the country unless the text says city
    (
        "Boats sank off the coast of Djibouti near Obock.",
        {"Djibouti": ("country", "DJ"), "Obock": ("region", "DJ")},
    ),
    # "X, in Y" places X inside a division the gazetteer knows
    (
        "The storm moved inland across Kutch, in Gujarat.",
        {"Kutch": ("town", None), "Gujarat": ("region", "IN")},
    ),
    # "the camp of X"
    (
        "Troops raided Jenin and the nearby camp of Nur Shams.",
        {"Jenin": ("region", "PS"), "Nur Shams": ("facility", None)},
    ),
    # a possessive owner does not rule out the towns it owns
    (
        "Floods in Spain's Paiporta and Catarroja left dozens dead.",
        {
            "Spain": ("country", "ES"),
            "Paiporta": ("city", "ES"),
            "Catarroja": ("city", "ES"),
        },
    ),
    # a possessive inside a gazetteer name
    (
        "Fires swept through shelters in Cox's Bazar overnight.",
        {"Cox's Bazar": ("region", "BD")},
    ),
    # camel case marks a brand, except in names such as McAllen or KwaZulu-Natal
    (
        "Investors in BlackRock funds sold, while rain fell in McAllen and KwaZulu-Natal.",
        {"McAllen": ("city", "US"), "KwaZulu-Natal": ("region", "ZA")},
    ),
    # organisations, modifiers, owners, sources and people are still not places
    ("People in Congress and residents of Trump Tower were angry.", {}),
    (
        "Georgia Harrison, a town councillor, said Harrison would not run again in Toronto.",
        {"Toronto": ("city", "CA")},
    ),
    (
        "said Sara Levin, an analyst at Coral Ridge Consulting in Dubai.",
        {"Dubai": ("city", "AE")},
    ),
    ("Workers in Zentrix's Berlin factory walked out.", {"Berlin": ("city", "DE")}),
    (
        "Officials in Beijing rejected the claim, according to Xinhua.",
        {"Beijing": ("city", "CN")},
    ),
    ("Workers in Acmeco warehouses walked out, officials from Zentrix said.", {}),
    ("Officials at the University of Nairobi said the strike would go on.", {}),
    (
        "The Dallas Cowboys beat the Houston Texans, and fans in Dallas cheered.",
        {"Dallas": ("city", "US")},
    ),
    ("Talks between Hamas and Fatah resumed in Doha.", {"Doha": ("city", "QA")}),
    # a kind word after adjectives overrules the tagger's nationality tag
    (
        "In the coastal village of Sumalay, residents said the sea rose.",
        {"Sumalay": ("village", None)},
    ),
    (
        "Aid reached the small mountain town of Quenbaro on Tuesday.",
        {"Quenbaro": ("town", None)},
    ),
    # a sentence opening "In X," sets the scene in a place
    ("In Sumalay, residents said the sea rose.", {"Sumalay": ("town", None)}),
    ("In Tolimbay, fishermen said the boats were gone.", {"Tolimbay": ("town", None)}),
    # ... but not in a faith, a language or an institution
    ("In Christianity, the feast is important.", {}),
    ("In Islam, fasting is required during the month.", {}),
    ("In English, the word is short.", {}),
    ("The sign was written in English and French.", {}),
    ("In Congress, Republicans objected to the bill.", {}),
    # island groups and regions the city lists lack
    (
        "Repair crews from the Visayas and Mindanao were sent north.",
        {"Visayas": ("region", "PH"), "Mindanao": ("region", "PH")},
    ),
    (
        "Tourists flocked to the Azores and the Hebrides.",
        {"Azores": ("region", "PT"), "Hebrides": ("region", "GB")},
    ),
    (
        "Drought spread across the Maghreb and the Levant.",
        {"Maghreb": ("region", None), "Levant": ("region", None)},
    ),
]


@pytest.mark.parametrize("text, expected", CASES + CONTEXT_CASES)
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


def test_owner_picks_the_namesake(parse) -> None:
    doc, article = parse("Voters in Ohio's Fulton County waited for hours.")
    county = next(p for p in extract_places(doc, article) if p.name == "Fulton County")
    assert (county.country, county.admin1) == ("US", "Ohio")


def test_named_division_picks_the_namesake(parse) -> None:
    doc, article = parse("The Jackson County sheriff closed roads near Kansas City, Missouri.")
    county = next(p for p in extract_places(doc, article) if p.name == "Jackson County")
    assert (county.country, county.admin1) == ("US", "Missouri")


@pytest.mark.parametrize("text", [case[0] for case in CASES + CONTEXT_CASES])
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
