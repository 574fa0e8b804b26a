"""Unit lexicon and conversions."""

from __future__ import annotations

import pytest

from claimledger.extract.quantities.units import (
    canonical,
    currency_symbol,
    currency_word,
    measure_unit,
    pint_expression,
)


@pytest.mark.parametrize(
    "words, expected",
    [
        (["square", "kilometers"], ("km2", 2)),
        (["sq", "mi"], ("mi2", 2)),
        (["hectares"], ("hectare", 1)),
        (["acres", "of"], ("acre", 1)),
        (["kilometres", "away"], ("km", 1)),
        (["miles"], ("mi", 1)),
        (["tonnes"], ("metric_ton", 1)),
        (["kilograms"], ("kilogram", 1)),
        (["barrels", "a", "day"], ("oil_barrel", 1)),
        (["mph"], ("mile_per_hour", 1)),
        (["miles", "per", "hour"], ("mile_per_hour", 3)),
        (["degrees", "celsius"], ("degree_Celsius", 2)),
        (["per", "cent"], ("percent", 2)),
        (["percentage", "points"], ("percent", 2)),
        (["%"], ("percent", 1)),
        (["basis", "points"], ("percent", 2)),
        (["months"], ("month", 1)),
        (["decades"], ("year", 1)),
        (["gigawatts"], ("gigawatt", 1)),
        (["bananas"], None),
    ],
)
def test_measure_unit(words: list[str], expected: tuple[str, int] | None) -> None:
    hit = measure_unit(words)
    assert (hit[0].name, hit[1]) == expected if expected else hit is None


def test_century_is_a_hundred_years() -> None:
    hit = measure_unit(["century"])
    assert hit is not None and hit[0].name == "year" and hit[0].factor == 100


@pytest.mark.parametrize(
    "words, expected",
    [
        (["euros"], "EUR"),
        (["lira"], "TRY"),
        (["turkish", "lira"], "TRY"),
        (["hryvnias"], "UAH"),
        (["yen"], "JPY"),
        (["canadian", "dollars"], "CAD"),
        (["dollars"], "USD"),
        (["cents"], "USD"),
        (["pounds"], "GBP"),
        (["sudanese", "pounds"], "SDG"),
        (["rubles"], "RUB"),
        (["chilean", "pesos"], "CLP"),
        (["pakistani", "rupees"], "PKR"),
        (["lebanese", "pounds"], "LBP"),
        (["meticais"], "MZN"),
        (["cedis"], "GHS"),
        (["people"], None),
    ],
)
def test_currency_word(words: list[str], expected: str | None) -> None:
    hit = currency_word(words)
    assert (hit[0].name if hit else None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("$", "USD"),
        ("US$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("¥", "JPY"),
        ("C$", "CAD"),
        ("₱", "PHP"),
        ("₦", "NGN"),
        ("R", "ZAR"),
        ("Rs.", "INR"),
        ("KSh", "KES"),
        ("ZAR", "ZAR"),
        ("zar", None),
        ("x", None),
    ],
)
def test_currency_symbol(text: str, expected: str | None) -> None:
    assert currency_symbol(text) == expected


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (1.0, "mi2", (2.589988, "km2")),
        (100.0, "hectare", (1.0, "km2")),
        (1.0, "mi", (1.609344, "km")),
        (2.0, "week", (14.0, "day")),
        (1.0, "metric_ton", (1000.0, "kilogram")),
        (100.0, "USD", (100.0, "USD")),
        (100.0, "EUR", (108.0, "USD")),
        (5.0, "percent", (5.0, "percent")),
        (7.0, "person", (7.0, "person")),
        (25.0, "basis_point", (0.25, "percent")),
        (None, "km", (None, None)),
        (1000.0, "CLP", (1.06, "USD")),
        (2.0, "megatonne", (2e9, "kilogram")),
    ],
)
def test_canonical(value: float | None, unit: str, expected: tuple) -> None:
    got = canonical(value, unit)
    if expected[0] is None:
        assert got == expected
    else:
        assert got[1] == expected[1] and got[0] == pytest.approx(expected[0], rel=1e-4)


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("oil_barrel_per_day", "oil_barrel / day"),
        ("kilometer_per_hour", "kilometer / hour"),
        ("metric_ton_per_year", "metric_ton / year"),
        ("cubic_meter_per_second", "meter ** 3 / second"),
        ("km2", "kilometer ** 2"),
        ("hectare", "hectare"),
    ],
)
def test_pint_expression(unit: str, expected: str) -> None:
    assert pint_expression(unit) == expected
