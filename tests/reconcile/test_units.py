"""Unit dimensions, conversions and the notes' number formatting."""

from __future__ import annotations

import pytest

from claimledger.reconcile.units import (
    conversion_text,
    convert,
    dimension,
    fmt_value,
    to_base,
)


@pytest.mark.parametrize(
    "value, unit, target, expected",
    [
        (1200, "km2", "mi2", 463.32),
        (463, "mi2", "km2", 1199.2),
        (2170, "acre", "hectare", 878.2),
        (2170, "acre", "mi2", 3.39),
        (18, "km", "mi", 11.18),
        (280, "mi", "km", 450.6),
        (7_000_000, "square_meter", "km2", 7.0),
        (40, "percent", "fraction", 0.4),
        (2, "week", "day", 14.0),
        (3, "person", "person", 3.0),
    ],
)
def test_convert(value: float, unit: str, target: str, expected: float) -> None:
    assert convert(value, unit, target) == pytest.approx(expected, rel=2e-3)


@pytest.mark.parametrize(
    "unit, target",
    [("km2", "km"), ("person", "item"), ("percent", "USD"), ("month", "mi2")],
)
def test_no_conversion_across_dimensions(unit: str, target: str) -> None:
    assert convert(1.0, unit, target) is None


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("person", "people"),
        ("item", "items"),
        ("count", "count"),
        ("km2", "area"),
        ("hectare", "area"),
        ("acre", "area"),
        ("mi", "length"),
        ("metric_ton", "mass"),
        ("percent", "ratio"),
        ("fraction", "ratio"),
        ("EUR", "money"),
        ("year", "duration"),
        (None, "count"),
    ],
)
def test_dimension(unit: str | None, expected: str) -> None:
    assert dimension(unit) == expected


@pytest.mark.parametrize(
    "value, unit, expected",
    [(2e9, "EUR", 2.16e9), (5.3e9, "USD", 5.3e9), (45, "percent", 0.45), (None, "km2", None)],
)
def test_to_base(value: float | None, unit: str, expected: float | None) -> None:
    assert to_base(value, unit) == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize(
    "value, unit, target, expected",
    [
        (1200, "km2", "mi2", "1,200 km² = 463.3 mi²"),
        (450, "km", "mi", "450 km = 279.6 mi"),
        (2170, "acre", "hectare", "2,170 acres = 878.2 ha"),
    ],
)
def test_conversion_text(value: float, unit: str, target: str, expected: str) -> None:
    assert conversion_text(value, unit, target) == expected


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (5.3e9, "USD", "$5.3 billion"),
        (40, "percent", "40%"),
        (2 / 3, "fraction", "0.667"),
        (38000, "person", "38,000 people"),
        (7e9, "EUR", "7 billion EUR"),
    ],
)
def test_fmt_value(value: float, unit: str, expected: str) -> None:
    assert fmt_value(value, unit) == expected
