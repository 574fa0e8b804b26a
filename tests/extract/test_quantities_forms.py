"""Forms of figures: currency prefixes and symbols, exchange rates, basis points and fractions of
a point, "a" as the number one before a measure, fractions of a unit or a scale, group sizes and
measuring sites."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimledger.extract.quantities.currencies import split_prefix, symbol_codes
from claimledger.extract.quantities.records import extract_quantities
from claimledger.extract.quotes import Attribution
from tests.extract.figure_rows import Row, check, figures

PREFIXES = [
    # letter prefixes glued to the digits, confirmed by the article's country
    (
        "Mortgages in South Africa average R850,000, and the state will spend about R12 billion.",
        [("R850,000", 850000.0, "ZAR", None), ("about R12 billion", 12e9, "ZAR", "about")],
    ),
    ("Zambia repaid K2.4 billion of its debt.", [("K2.4 billion", 2.4e9, "ZMW", None)]),
    (
        "The Philippines set aside P7 billion and ₱450 million for schools.",
        [("P7 billion", 7e9, "PHP", None), ("₱450 million", 4.5e8, "PHP", None)],
    ),
    # without the country, a lone letter before digits is no money
    ("The K9 team checked the R4 motorway and gate P2.", []),
    # prefixes that need no country
    (
        "Investors put Rp3 trillion into Indonesia and RM800m into Malaysia.",
        [("Rp3 trillion", 3e12, "IDR", None), ("RM800m", 8e8, "MYR", None)],
    ),
    (
        "The bank raised HK$6bn and S$250 million, and paid NZ$40 a share.",
        [
            ("HK$6bn", 6e9, "HKD", None),
            ("S$250 million", 2.5e8, "SGD", None),
            ("NZ$40 a share", 40.0, "NZD", None),
        ],
    ),
    (
        "Farmers in Kenya were paid KSh 3,500 a bag.",
        [("KSh 3,500", 3500.0, "KES", None)],
    ),
    ("Seoul spent ₩9 trillion on chips.", [("₩9 trillion", 9e12, "KRW", None)]),
    ("Lagos collected ₦120 billion in taxes.", [("₦120 billion", 1.2e11, "NGN", None)]),
    ("Ankara budgeted ₺75 billion for rebuilding.", [("₺75 billion", 7.5e10, "TRY", None)]),
    # symbols several countries share take the country of the story
    ("Pakistan's tax on fuel rose to Rs. 60 a litre.", [("Rs. 60 a litre", 60.0, "PKR", None)]),
    ("China will spend ¥800 billion on railways.", [("¥800 billion", 8e11, "CNY", None)]),
    ("Japan will spend ¥800 billion on railways.", [("¥800 billion", 8e11, "JPY", None)]),
    (
        "Oslo fined the firm 400,000 kr, Norway's regulator said.",
        [("400,000 kr", 4e5, "NOK", None)],
    ),
    (
        "Traders in Nigeria paid N1,500 a crate and Kshs 900 in Kenya.",
        [("N1,500", 1500.0, "NGN", None), ("Kshs 900", 900.0, "KES", None)],
    ),
    ("The levy is N200 per parcel.", []),
    # a letter glued to a small number that names a thing is a code, even in the country
    ("Clinics in Nigeria ran out of N95 masks.", []),
    ("South Africa will widen the R2 road.", []),
    # symbols and ISO codes written after the number
    ("The ticket cost 45 € in Lyon.", [("45 €", 45.0, "EUR", None)]),
    ("The loan totals 3 million USD.", [("3 million USD", 3e6, "USD", None)]),
    ("The repo holds 5 PHP files.", [("5 PHP files", 5.0, "count", None)]),
    # ranges keep the symbol's currency
    (
        "South Africa's plan costs between R3bn and R4bn.",
        [("between R3bn and R4bn", (3e9, 4e9), "ZAR", None)],
    ),
    # ISO codes written before the number
    ("The fund holds ZAR 900 million.", [("ZAR 900 million", 9e8, "ZAR", None)]),
]


@pytest.mark.parametrize("text, expected", PREFIXES)
def test_currency_prefixes(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("R1,000", ("R", "1,000")),
        ("Rs500", ("Rs", "500")),
        ("RM10bn", ("RM", "10bn")),
        ("HK$2bn", ("HK$", "2bn")),
        ("R$30", ("R$", "30")),
        ("Road", None),
        ("R&B", None),
    ],
)
def test_split_prefix(text: str, expected: tuple[str, str] | None) -> None:
    assert split_prefix(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("₱", ("PHP",)),
        ("rs", ("INR", "PKR", "LKR", "NPR", "MUR", "SCR")),
        ("hk$", ("HKD",)),
        ("¥", ("JPY", "CNY")),
        ("x", None),
    ],
)
def test_symbol_codes(text: str, expected: tuple[str, ...] | None) -> None:
    assert symbol_codes(text) == expected


RATES = [
    (
        "The rand weakened after the vote, to 18.40 per dollar.",
        [("18.40 per dollar", 18.4, "ZAR", None)],
    ),
    (
        "In Pakistan the rupee closed at 281 against the dollar.",
        [("281 against the dollar", 281.0, "PKR", None)],
    ),
    (
        "The Turkish lira slid to 39.2 to the US dollar on Friday.",
        [("39.2 to the US dollar", 39.2, "TRY", None)],
    ),
    ("The peso ended at 58.1 per dollar.", [("58.1 per dollar", 58.1, "MXN", None)]),
    (
        "In the Philippines the peso ended at 58.1 per dollar.",
        [("58.1 per dollar", 58.1, "PHP", None)],
    ),
    # no currency in sight: a plain number per person stays what it was
    ("Tickets were capped at 4 per person.", [("4", 4.0, "count", None)]),
]


@pytest.mark.parametrize("text, expected", RATES)
def test_exchange_rates(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


RATE_MOVES = [
    (
        "The central bank raised its key rate by 50 basis points to 9 per cent.",
        [("50 basis points", 0.5, "percent", None), ("9 per cent", 9.0, "percent", None)],
    ),
    ("Markets priced in a 25-basis-point cut.", [("25-basis-point", 0.25, "percent", None)]),
    (
        "The peso gained roughly half a percent.",
        [("roughly half a percent", 0.5, "percent", "roughly")],
    ),
    (
        "Borrowers say a quarter of a point makes little difference.",
        [("a quarter of a point", 0.25, "percent", None)],
    ),
    ("The index slipped half a point.", [("half a point", 0.5, "point", None)]),
    ("The Fed lifted rates a quarter point.", [("a quarter point", 0.25, "percent", None)]),
    (
        "Analysts expect 25 to 75 basis points of easing.",
        [("25 to 75 basis points", (0.25, 0.75), "percent", None)],
    ),
]


@pytest.mark.parametrize("text, expected", RATE_MOVES)
def test_rate_moves(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


def test_rate_move_keeps_written_unit(parse: Callable) -> None:
    texts = [
        q.unit_text for q in figures(parse, "Yields fell 30 basis points, or half a per cent.")
    ]
    assert texts == ["basis points", "per cent"]


ONE_AND_FRACTIONS = [
    # "a" as the number one before a measure, when hedged or given as an extent
    (
        "The tailback stretched for more than a kilometre.",
        [("more than a kilometre", 1.0, "km", "more than")],
    ),
    ("Rescuers found him about a mile offshore.", [("about a mile", 1.0, "mi", "about")]),
    ("The crater is a metre deep.", [("a metre", 1.0, "meter", None)]),
    ("A litre of milk costs more now.", []),
    # a fraction of a unit or a scale
    ("The march covered half a mile.", [("half a mile", 0.5, "mi", None)]),
    ("The meeting lasted half an hour.", [("half an hour", 0.5, "hour", None)]),
    ("Half a million people signed.", [("Half a million people", 5e5, "person", None)]),
    ("Half a dozen ministers resigned.", [("Half a dozen ministers", 6.0, "person", None)]),
    # a fraction before a comparative
    (
        "Arrivals were almost a third lower than in 2023.",
        [("almost a third", 0.3333, "fraction", "almost")],
    ),
    ("Profits were a quarter higher.", [("a quarter", 0.25, "fraction", None)]),
    ("Revenue a quarter earlier was flat.", []),
    # a unit's multiplier covers a range and a bare number beside it
    (
        "The feud lasted two to three decades.",
        [("two to three decades", (20.0, 30.0), "year", None)],
    ),
    (
        "Bread cost 80 or 90 cents.",
        [("80", 0.8, "USD", None), ("90 cents", 0.9, "USD", None)],
    ),
]


@pytest.mark.parametrize("text, expected", ONE_AND_FRACTIONS)
def test_one_and_fractions(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


GROUPS_AND_SITES = [
    ("His family of five slept in a school.", [("five", 5.0, "person", None)]),
    ("A crew of 12 was rescued.", [("12", 12.0, "person", None)]),
    (
        "Only 9 monitoring stations and 4 fire stations were working.",
        [("9 monitoring stations", 9.0, "count", None), ("4 fire stations", 4.0, "item", None)],
    ),
]


@pytest.mark.parametrize("text, expected", GROUPS_AND_SITES)
def test_groups_and_sites(parse: Callable, text: str, expected: list[Row]) -> None:
    check(parse, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The doses will go to children aged 10 to 14, the ministry said.", []),
        ("Most of the 23 people who died were older than 60.", ["23 people"]),
        ("Few people under 20 have immunity to the new strain.", []),
        ("Support was strongest among voters aged 18 to 35.", []),
        ("Between the ages of 18 and 35, about 2,000 people signed up.", ["about 2,000 people"]),
        ("Children under 5 account for 30 percent of the deaths.", ["30 percent"]),
        (
            "Fewer than 20 trucks and under 20 buses crossed the border.",
            ["Fewer than 20 trucks", "under 20 buses"],
        ),
        (
            "The toll rose to over 60 after 12 more bodies were found.",
            ["over 60", "12 more bodies"],
        ),
    ],
)
def test_ages_are_not_figures(parse: Callable, text: str, expected: list[str]):
    doc, article = parse(text)
    found = extract_quantities(doc, article, attribution=Attribution(doc, []), dates=[], places=[])
    assert [q.text for q in found] == expected
