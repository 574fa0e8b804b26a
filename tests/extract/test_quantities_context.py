"""Figures whose unit or value depends on context: the article's country for a currency word,
rates, what a counted noun is, people as subjects, percentage points, number words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimledger.extract.quantities.currencies import currency_name
from claimledger.extract.quantities.units import canonical
from tests.extract.figure_rows import Row, check, figures

CURRENCIES = [
    # a currency word several countries use takes the country of the story
    (
        "Floods swept through Pakistan. Farmers lost 12 billion rupees of crops.",
        [("12 billion rupees", 12e9, "PKR", None)],
    ),
    (
        "Officials in Sri Lanka said repairs would cost 800 million rupees.",
        [("800 million rupees", 8e8, "LKR", None)],
    ),
    (
        "Copper miners in Chile were offered a bonus of 5 million pesos each.",
        [("5 million pesos", 5e6, "CLP", None)],
    ),
    (
        "Coffee growers in Colombia lost 300 billion pesos.",
        [("300 billion pesos", 3e11, "COP", None)],
    ),
    ("Bread in Egypt now costs 20 pounds a kilo.", [("20 pounds a kilo", 20.0, "EGP", None)]),
    ("Fuel in Jordan rose to 1.2 dinars a litre.", [("1.2 dinars a litre", 1.2, "JOD", None)]),
    (
        "Teachers in Uganda earn 900,000 shillings a month.",
        [("900,000 shillings a month", 9e5, "UGX", None)],
    ),
    (
        "In Pakistan, the budget set aside Rs 50 billion for dams.",
        [("Rs 50 billion", 5e10, "PKR", None)],
    ),
    # the nearest country in the sentence wins over the story's main one
    (
        "Pakistan and India traded goods. India sold 40 million rupees of sugar to Pakistan.",
        [("40 million rupees", 4e7, "INR", None)],
    ),
    # a qualified name or a symbol is never second-guessed
    (
        "In Pakistan, the Indian company paid 9 million Indian rupees.",
        [("9 million Indian rupees", 9e6, "INR", None)],
    ),
    (
        "In Chile, the loan came to 30 million Mexican pesos.",
        [("30 million Mexican pesos", 3e7, "MXN", None)],
    ),
    ("Britain sent £4 million to Sudan.", [("£4 million", 4e6, "GBP", None)]),
    ("Aid to Chile reached $40 million.", [("$40 million", 4e7, "USD", None)]),
    ("Mining in Australia earned 7 billion dollars.", [("7 billion dollars", 7e9, "USD", None)]),
    (
        "Mining in Australia earned 7 billion Australian dollars.",
        [("7 billion Australian dollars", 7e9, "AUD", None)],
    ),
    # a demonym names the country when the place itself is not written
    (
        "Chilean unions asked for 2 million pesos per worker.",
        [("2 million pesos", 2e6, "CLP", None)],
    ),
    # "pounds" stays sterling unless the story is plainly set elsewhere
    (
        "Fighting spread in Sudan. Britain pledged 20 million pounds in aid to Sudan.",
        [("20 million pounds", 2e7, "GBP", None)],
    ),
    (
        "Sudan's army retook the city. Donors gave 20 million pounds.",
        [("20 million pounds", 2e7, "GBP", None)],
    ),
    # currency names that are plain words elsewhere
    ("There are 3 real problems with the plan.", [("3 real problems", 3.0, "count", None)]),
    ("Brazil's budget set aside 9 billion reais.", [("9 billion reais", 9e9, "BRL", None)]),
    # without any country, the usual default stays
    ("The fine was 50,000 rupees.", [("50,000 rupees", 5e4, "INR", None)]),
]


@pytest.mark.parametrize("text, expected", CURRENCIES)
def test_currency_by_country(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


@pytest.mark.parametrize(
    "word, name",
    [
        ("rupees", "rupee"),
        ("Rs", "rupee"),
        ("riyals", "rial"),
        ("kroner", "krone"),
        ("dollars", None),
        ("euros", None),
    ],
)
def test_currency_name(word: str, name: str | None) -> None:
    assert currency_name(word) == name


RATES = [
    (
        "The field pumps 120,000 barrels per day.",
        [("120,000 barrels per day", 1.2e5, "oil_barrel_per_day", None)],
    ),
    (
        "Exports averaged about 80,000 barrels a day in June.",
        [("about 80,000 barrels a day", 8e4, "oil_barrel_per_day", "about")],
    ),
    ("The refinery handles 300,000 bpd.", [("300,000 bpd", 3e5, "oil_barrel_per_day", None)]),
    (
        "Winds reached 140 km per hour on the coast.",
        [("140 km per hour", 140.0, "kilometer_per_hour", None)],
    ),
    (
        "The smelter produces 2 million tonnes a year.",
        [("2 million tonnes a year", 2e6, "metric_ton_per_year", None)],
    ),
    (
        "Output rose from 40,000 to 55,000 barrels per day.",
        [
            ("40,000", 4e4, "oil_barrel_per_day", None),
            ("55,000 barrels per day", 5.5e4, "oil_barrel_per_day", None),
        ],
    ),
    # a count per unit of time keeps its unit; the text keeps the rate
    (
        "Clinics saw about 150 patients a day.",
        [("about 150 patients a day", 150.0, "person", "about")],
    ),
    # a price per unit is money, and "a day after" places an event
    ("Crude sold at $71 a barrel.", [("$71 a barrel", 71.0, "USD", None)]),
    ("The tanker carried 600,000 barrels.", [("600,000 barrels", 6e5, "oil_barrel", None)]),
    ("Growth was 3 percent a year.", [("3 percent", 3.0, "percent", None)]),
]


@pytest.mark.parametrize("text, expected", RATES)
def test_rates(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


@pytest.mark.parametrize(
    "unit, value, expected",
    [
        ("oil_barrel_per_day", 1000.0, (1000.0, "oil_barrel_per_day")),
        ("metric_ton_per_year", 365.25, (365.25, "metric_ton_per_year")),
        ("kilometer_per_hour", 90.0, (90.0, "kilometer_per_hour")),
        ("mile_per_hour", 10.0, (16.0934, "kilometer_per_hour")),
    ],
)
def test_rate_units_convert(unit: str, value: float, expected: tuple[float, str]) -> None:
    got_value, got_unit = canonical(value, unit)
    assert (round(got_value or 0, 4), got_unit) == expected


NOUNS = [
    # physical things are items, abstract or collective ones counts
    ("Rescuers flew in six helicopters.", [("six helicopters", 6.0, "item", None)]),
    ("A dozen trucks waited at the border.", [("A dozen trucks", 12.0, "item", None)]),
    ("The hospital added 25 ventilators.", [("25 ventilators", 25.0, "item", None)]),
    (
        "The camp received 300 tents and 12 generators.",
        [("300 tents", 300.0, "item", None), ("12 generators", 12.0, "item", None)],
    ),
    ("The clinic has 80 beds.", [("80 beds", 80.0, "item", None)]),
    ("Three vessels were seized.", [("Three vessels", 3.0, "item", None)]),
    ("The navy tracked four tankers.", [("four tankers", 4.0, "item", None)]),
    ("Flooding cut off 70 villages.", [("70 villages", 70.0, "count", None)]),
    ("The agency shipped 40,000 vaccine doses.", [("40,000 vaccine doses", 4e4, "count", None)]),
    ("Food reached 9,000 households.", [("9,000 households", 9e3, "count", None)]),
    # plurals written like the singular
    (
        "The drought killed three sheep and five deer.",
        [("three sheep", 3.0, "count", None), ("five deer", 5.0, "count", None)],
    ),
    ("He lost two buffalo in the flood.", [("two buffalo", 2.0, "count", None)]),
    ("Ten aircraft were grounded.", [("Ten aircraft", 10.0, "item", None)]),
    ("Troops found 14 tunnels under the town.", [("14 tunnels", 14.0, "item", None)]),
    ("Emissions reached 37 gigatonnes.", [("37 gigatonnes", 37.0, "gigatonne", None)]),
]


@pytest.mark.parametrize("text, expected", NOUNS)
def test_counted_nouns(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


PEOPLE = [
    # disease cases are people; court cases are not
    (
        "A measles outbreak is spreading. Officials confirmed 140 cases on Friday.",
        [("140 cases", 140.0, "person", None)],
    ),
    (
        "The dengue count grew. Tens of thousands of cases were reported.",
        [("Tens of thousands of cases", (1e4, 1e5), "person", None)],
    ),
    ("The court heard 40 cases last month.", [("40 cases", 40.0, "count", None)]),
    # "of us", and a bare number doing what people do
    ('"Twelve of us slept in the school," she said.', [("Twelve of us", 12.0, "person", None)]),
    ("About 6,000 are sheltering in tents.", [("About 6,000", 6000.0, "person", "about")]),
    ("Nearly 2,000 have fled across the river.", [("Nearly 2,000", 2000.0, "person", "nearly")]),
    (
        "More than 9,000 people lost their homes. About 4,000 of them are staying in 20 camps.",
        [
            ("More than 9,000 people", 9000.0, "person", "more than"),
            ("About 4,000", 4000.0, "person", "about"),
            ("20 camps", 20.0, "count", None),
        ],
    ),
    # a tally passing a mark is hedged; a body passing a law is not
    (
        "The cholera toll passed 1,200 cases.",
        [("passed 1,200 cases", 1200.0, "person", "more than")],
    ),
    ("Parliament passed 12 bills.", [("12 bills", 12.0, "count", None)]),
    ("The death toll crossed 1,000 on Sunday.", [("crossed 1,000", 1000.0, "person", "more than")]),
    ("Refugees crossed 3 rivers to reach safety.", [("3 rivers", 3.0, "count", None)]),
    (
        "The number of infections has surpassed 50,000.",
        [("surpassed 50,000", 5e4, "person", "more than")],
    ),
    ("About 120 police were deployed.", [("About 120 police", 120.0, "person", "about")]),
]


@pytest.mark.parametrize("text, expected", PEOPLE)
def test_people(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


POINTS = [
    ("Support for the mayor fell 4 points in the poll.", [("4 points", 4.0, "percent", None)]),
    ("The unemployment rate rose by 2 points.", [("2 points", 2.0, "percent", None)]),
    (
        "Turnout was 61 percent. That is 5 points lower than in 2020.",
        [("61 percent", 61.0, "percent", None), ("5 points", 5.0, "percent", None)],
    ),
    ("The Nikkei index fell 300 points.", [("300 points", 300.0, "point", None)]),
    ("The Dow closed up 150 points.", [("150 points", 150.0, "point", None)]),
    (
        "The team won by 8 points, shooting 45 percent.",
        [("8 points", 8.0, "point", None), ("45 percent", 45.0, "percent", None)],
    ),
    ("The bank cut rates by half a point.", [("half a point", 0.5, "percent", None)]),
]


@pytest.mark.parametrize("text, expected", POINTS)
def test_points(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


WORDS = [
    ("The siege lasted two and a half years.", [("two and a half years", 2.5, "year", None)]),
    ("Talks ran for 3 and a half hours.", [("3 and a half hours", 3.5, "hour", None)]),
    ("Sales fell by about a third.", [("about a third", 0.3333, "fraction", "about")]),
    ("Costs were cut by a quarter.", [("a quarter", 0.25, "fraction", None)]),
    ("After a week of fighting, the town fell.", [("a week", 1.0, "week", None)]),
    ("The repairs took a month.", [("a month", 1.0, "month", None)]),
    ("The clinic opens twice a week.", []),
    ("The talks will resume in a week's time.", []),
    ("She won a third term in 2022.", []),
    ("A 200-bed hospital opened.", [("200-bed", 200.0, "item", None)]),
    (
        "The goal is to keep warming below 1.5C.",
        [("below 1.5C.", 1.5, "degree_Celsius", "less than")],
    ),
    ("It took an hour and a half.", [("an hour and a half", 1.5, "hour", None)]),
    ("The outage lasted a year and a half.", [("a year and a half", 1.5, "year", None)]),
    ("In one district we counted 14 wells.", [("14 wells", 14.0, "item", None)]),
    (
        "One person died and 12 were hurt.",
        [("One person", 1.0, "person", None), ("12", 12.0, "person", None)],
    ),
]


@pytest.mark.parametrize("text, expected", WORDS)
def test_number_words(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


GROUPS = [
    ("About 300 Americans were evacuated.", [("About 300 Americans", 300.0, "person", "about")]),
    (
        "Some 2,000 Sudanese crossed the border.",
        [("Some 2,000 Sudanese", 2000.0, "person", "some")],
    ),
    (
        "Eight people died and three others were hurt.",
        [("Eight people", 8.0, "person", None), ("three others", 3.0, "person", None)],
    ),
    ("Roughly 30 of them were children.", [("Roughly 30", 30.0, "person", "roughly")]),
    ("The ministry lent Kenya 2 billion shillings.", [("2 billion shillings", 2e9, "KES", None)]),
]


@pytest.mark.parametrize("text, expected", GROUPS)
def test_groups_and_others(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


def test_repeated_number_keeps_its_unit(parse: Callable) -> None:
    text = "The pipeline carries 310,000 barrels per day. But 310,000 is not enough, he said."
    units = [q.unit for q in figures(parse, text)]
    assert units == ["oil_barrel_per_day", "oil_barrel_per_day"]
