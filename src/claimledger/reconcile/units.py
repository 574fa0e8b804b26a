"""Units of stored figures: their dimension, a common base unit, and readable conversions.

Physical units go through pint. Counts keep what they count (people, items, other things)
as separate dimensions; shares (percent, fraction) are one `ratio` dimension with base 1.
Money is converted to US dollars with approximate reference rates, good enough to compare
figures within the hedges of news reporting, and always shown in the note.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from functools import lru_cache

import pint

LOGGER = logging.getLogger(__name__)

COUNT_UNITS = {"person": "people", "item": "items", "count": "count"}
RATIO_UNITS = {"percent": 0.01, "fraction": 1.0, "percentage_point": 0.01, "basis_point": 0.0001}
DURATION_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25, "hour": 1 / 24}

# Approximate US dollars per unit of currency (recent multi-year averages). A figure and
# its conversion in the same sentence are checked against the implied rate instead.
USD_PER = {
    "USD": 1.0,
    "EUR": 1.08,
    "GBP": 1.26,
    "JPY": 0.0072,
    "CNY": 0.14,
    "CHF": 1.12,
    "CAD": 0.74,
    "AUD": 0.66,
    "INR": 0.012,
    "RUB": 0.011,
    "UAH": 0.025,
    "TRY": 0.045,
    "BRL": 0.19,
    "MXN": 0.055,
    "ZAR": 0.054,
    "KRW": 0.00075,
    "SAR": 0.27,
    "AED": 0.27,
    "ILS": 0.27,
    "EGP": 0.03,
    "NGN": 0.0009,
    "PLN": 0.25,
    "CLP": 0.0011,
    "COP": 0.00025,
    "ARS": 0.002,
    "PEN": 0.27,
    "PKR": 0.0036,
    "BDT": 0.0088,
    "IDR": 0.000064,
    "PHP": 0.018,
    "THB": 0.028,
    "VND": 0.00004,
    "KES": 0.0075,
    "GHS": 0.075,
    "ETB": 0.012,
    "MAD": 0.1,
    "TWD": 0.031,
    "HKD": 0.128,
    "SGD": 0.74,
    "NZD": 0.6,
    "SEK": 0.095,
    "NOK": 0.093,
    "DKK": 0.145,
    "CZK": 0.043,
    "HUF": 0.0027,
    "RON": 0.22,
    "IQD": 0.00076,
    "QAR": 0.27,
    "KWD": 3.25,
    "SDG": 0.0017,
    "LBP": 0.000011,
    "SYP": 0.00008,
}

SHORT = {
    "km2": "km²",
    "mi2": "mi²",
    "km": "km",
    "mi": "mi",
    "percent": "%",
    "fraction": "",
    "USD": "$",
    "person": "people",
    "item": "items",
    "count": "",
    "hectare": "ha",
    "acre": "acres",
    "square_meter": "m²",
    "metric_ton": "t",
    "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F",
    "kilometer_per_hour": "km/h",
    "mile_per_hour": "mph",
    "millimeter": "mm",
    "centimeter": "cm",
    "meter": "m",
    "gigawatt": "GW",
    "megawatt": "MW",
    "basis_point": "bp",
}

# The base unit of each physical dimension, as a pint expression and a short label.
PHYSICAL_BASE = {
    "[length] ** 2": ("area", "km**2", "km2"),
    "[length]": ("length", "km", "km"),
    "[mass]": ("mass", "metric_ton", "metric_ton"),
    "[length] / [time]": ("speed", "km/hour", "km/h"),
    "[length] ** 3": ("volume", "m**3", "m³"),
    "[time]": ("duration", "day", "day"),
    "[temperature]": ("temperature", "degree_Celsius", "degree_Celsius"),
    "[power]": ("power", "MW", "MW"),
    "[energy]": ("energy", "MWh", "MWh"),
}
PINT_ALIASES = {"km2": "km**2", "mi2": "mi**2", "sq_km": "km**2", "sq_mi": "mi**2"}


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """How a stored unit maps to a dimension and a base unit."""

    unit: str
    dimension: str
    base: str
    factor: float | None  # base units per unit; None when not convertible
    offset: float = 0.0  # base value of zero units (temperatures: 0 °F = -17.8 °C)


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The shared pint registry, built once."""
    return pint.UnitRegistry()


def _pint_name(unit: str) -> str:
    if unit in PINT_ALIASES:
        return PINT_ALIASES[unit]
    for prefix, power in (("square_", 2), ("cubic_", 3)):
        if unit.startswith(prefix):
            return f"{unit[len(prefix) :]}**{power}"
    return unit


@lru_cache(maxsize=512)
def unit_info(unit: str | None) -> UnitInfo:
    """Dimension, base unit and factor for a stored unit name (SCHEMA.md's list, pint, ISO)."""
    unit = (unit or "count").strip()
    if unit in COUNT_UNITS:
        return UnitInfo(unit, COUNT_UNITS[unit], unit, 1.0)
    if unit in RATIO_UNITS:
        return UnitInfo(unit, "ratio", "fraction", RATIO_UNITS[unit])
    if unit in DURATION_DAYS:
        return UnitInfo(unit, "duration", "day", DURATION_DAYS[unit])
    if len(unit) == 3 and unit.isupper():
        return UnitInfo(unit, "money", "USD", USD_PER.get(unit))
    ureg = registry()
    try:
        q = ureg.Quantity(1.0, _pint_name(unit))
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        LOGGER.debug("unit %r unknown to pint; kept as its own dimension", unit)
        return UnitInfo(unit, unit, unit, 1.0)
    dim = str(q.dimensionality)
    if dim in PHYSICAL_BASE:
        name, base_expr, base = PHYSICAL_BASE[dim]
        one = float(q.to(base_expr).magnitude)
        zero = float(ureg.Quantity(0.0, _pint_name(unit)).to(base_expr).magnitude)
        return UnitInfo(unit, name, base, one - zero, zero)
    return UnitInfo(unit, dim, unit, 1.0)


def dimension(unit: str | None) -> str:
    """The dimension figures must share to be compared: people, area, money, ratio …"""
    return unit_info(unit).dimension


def to_base(value: float | None, unit: str | None) -> float | None:
    """A value in its dimension's base unit (km², km, fraction, USD, day, tonne)."""
    if value is None:
        return None
    info = unit_info(unit)
    return None if info.factor is None else value * info.factor + info.offset


def convert(value: float, unit: str, target: str) -> float | None:
    """Convert between two units of one dimension; None when they do not share one."""
    a, b = unit_info(unit), unit_info(target)
    if a.dimension != b.dimension or a.factor is None or not b.factor:
        return None
    return (value * a.factor + a.offset - b.offset) / b.factor


def fmt_number(value: float) -> str:
    """A number as a person writes it: 1,200 / 463.3 / 0.667 / 5.52 billion."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    mag = abs(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if mag >= scale:
            return f"{_trim(value / scale, 2)} {word}"
    if mag >= 100:
        return _trim(value, 1) if mag < 1000 else f"{value:,.0f}"
    if mag >= 1:
        return _trim(value, 2)
    return _trim(value, 3)


def _trim(value: float, digits: int) -> str:
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_value(value: float, unit: str | None) -> str:
    """A value with its unit, short: '1,200 km²', '$5.3 billion', '40%', '0.667'."""
    unit = unit or "count"
    if unit == "fraction":
        return _trim(value, 3)
    if unit == "percent":
        return f"{_trim(value, 2)}%"
    if unit == "USD":
        return f"${fmt_number(value)}"
    label = SHORT.get(unit, unit.replace("_", " "))
    number = fmt_number(value)
    return f"{number} {label}".strip()


def fmt_base(value: float, unit: str | None) -> str:
    """A value already in the base unit of `unit`'s dimension, written with that base."""
    info = unit_info(unit)
    if info.dimension == "ratio":
        return f"{_trim(value * 100, 2)}%"
    return fmt_value(value, info.base)


def conversion_text(value: float, unit: str, target: str) -> str | None:
    """'1,200 km² = 463.3 mi²', or None when the units do not convert."""
    out = convert(value, unit, target)
    if out is None or unit == target:
        return None
    return f"{fmt_value(value, unit)} = {fmt_value(out, target)}"
