"""Unit lexicon: the words and symbols news uses for units, their canonical names, conversions.

A unit is known by its canonical name: one of the schema's short list (`km2`, `mi2`, `km`,
`mi`, `percent`, `USD`, `day`, `week`, `month`, `year` …), else its pint unit name
(`hectare`, `metric_ton`, `mile_per_hour` …) or an ISO 4217 currency code (`EUR`, `TRY` …).
Surface forms are built from unit names, plurals, spellings and symbols, not from any text.

Conversions go through pint for physical units. Money goes to US dollars at the fixed
reference rates in `USD_PER_UNIT` (rounded 2024 annual averages); these are indicative only
and meant for comparing orders of magnitude across articles, never for accounting.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import pint

from claimledger.extract.quantities.currencies import qualified_names, symbol_codes

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as the extractor reports it: canonical name and a multiplier into it."""

    name: str  # canonical name: schema unit, pint name or ISO currency code
    factor: float = 1.0  # "cents" are 0.01 USD, "centuries" 100 years
    money: bool = False


# canonical name -> pint expression, for the names pint does not spell the same way
PINT_NAME = {
    "km2": "kilometer ** 2",
    "mi2": "mile ** 2",
    "km": "kilometer",
    "mi": "mile",
    "square_meter": "meter ** 2",
    "square_foot": "foot ** 2",
    "cubic_meter": "meter ** 3",
}

# dimensionality -> (pint target expression, canonical label)
CANONICAL = {
    "[length] ** 2": ("kilometer ** 2", "km2"),
    "[length]": ("kilometer", "km"),
    "[mass]": ("kilogram", "kilogram"),
    "[time]": ("day", "day"),
    "[length] ** 3": ("liter", "liter"),
    "[length] / [time]": ("kilometer / hour", "kilometer_per_hour"),
    "[length] ** 3 / [time]": ("oil_barrel / day", "oil_barrel_per_day"),
    "[length] ** 2 / [time]": ("kilometer ** 2 / year", "square_kilometer_per_year"),
    "[mass] / [time]": ("metric_ton / year", "metric_ton_per_year"),
    "[mass] * [length] ** 2 / [time] ** 2": ("kilowatt_hour", "kilowatt_hour"),
    "[mass] * [length] ** 2 / [time] ** 3": ("megawatt", "megawatt"),
}

USD_PER_UNIT = {
    "USD": 1.0,
    "EUR": 1.08,
    "GBP": 1.28,
    "JPY": 0.0066,
    "CNY": 0.139,
    "CHF": 1.14,
    "CAD": 0.73,
    "AUD": 0.66,
    "NZD": 0.61,
    "HKD": 0.128,
    "SGD": 0.75,
    "TWD": 0.031,
    "KRW": 0.00073,
    "INR": 0.012,
    "PKR": 0.0036,
    "BDT": 0.0085,
    "RUB": 0.011,
    "UAH": 0.025,
    "TRY": 0.031,
    "ILS": 0.27,
    "SAR": 0.267,
    "AED": 0.272,
    "QAR": 0.275,
    "EGP": 0.021,
    "SDG": 0.0017,
    "NGN": 0.00068,
    "ZAR": 0.055,
    "KES": 0.0075,
    "MXN": 0.055,
    "BRL": 0.19,
    "ARS": 0.0011,
    "PLN": 0.25,
    "SEK": 0.095,
    "NOK": 0.093,
    "DKK": 0.145,
    "THB": 0.028,
    "IDR": 0.000063,
    "MYR": 0.22,
    "PHP": 0.0175,
    "VND": 0.00004,
    "IRR": 0.000024,
    "IQD": 0.00076,
    "CLP": 0.00106,
    "COP": 0.00025,
    "PEN": 0.27,
    "UYU": 0.025,
    "DOP": 0.017,
    "LKR": 0.0033,
    "NPR": 0.0075,
    "MUR": 0.022,
    "LBP": 0.0000112,
    "SYP": 0.000077,
    "JOD": 1.41,
    "KWD": 3.26,
    "BHD": 2.65,
    "OMR": 2.6,
    "YER": 0.004,
    "LYD": 0.21,
    "TND": 0.32,
    "DZD": 0.0074,
    "MAD": 0.1,
    "XOF": 0.00165,
    "XAF": 0.00165,
    "CDF": 0.00036,
    "RWF": 0.00075,
    "TZS": 0.00039,
    "UGX": 0.00027,
    "SOS": 0.00175,
    "ETB": 0.012,
    "GHS": 0.069,
    "MZN": 0.0157,
    "ZMW": 0.038,
    "MWK": 0.00058,
    "AFN": 0.014,
    "MMK": 0.00048,
    "KZT": 0.0021,
    "GEL": 0.37,
    "HUF": 0.0027,
    "CZK": 0.043,
    "RON": 0.22,
    "BGN": 0.55,
    "ISK": 0.0072,
    "AZN": 0.59,
    "RSD": 0.0092,
}

# currency words written after the number; a qualifier picks among same-named currencies
CURRENCY_WORDS = {
    "dollar": "USD",
    "cent": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "penny": "GBP",
    "pence": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "ruble": "RUB",
    "rouble": "RUB",
    "hryvnia": "UAH",
    "hryvna": "UAH",
    "hryvnias": "UAH",
    "lira": "TRY",
    "liras": "TRY",
    "shekel": "ILS",
    "riyal": "SAR",
    "dirham": "AED",
    "naira": "NGN",
    "rand": "ZAR",
    "peso": "MXN",
    "real": "BRL",
    "reais": "BRL",
    "zloty": "PLN",
    "zlotys": "PLN",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "baht": "THB",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "taka": "BDT",
    "dinar": "IQD",
    "rial": "IRR",
    "franc": "CHF",
    "won": "KRW",
    "shilling": "KES",
    "dong": "VND",
    "kwacha": "ZMW",
    "leu": "RON",
    "lei": "RON",
    "manat": "AZN",
    "metical": "MZN",
    "meticais": "MZN",
    "cedi": "GHS",
    "birr": "ETB",
    "afghani": "AFN",
    "kyat": "MMK",
    "riel": "KHR",
    "tenge": "KZT",
    "lari": "GEL",
    "dram": "AMD",
    "forint": "HUF",
    "koruna": "CZK",
    "lev": "BGN",
    "sol": "PEN",
    "soles": "PEN",
    "bolivar": "VES",
    "bolivares": "VES",
    "quetzal": "GTQ",
    "lempira": "HNL",
    "cordoba": "NIO",
    "guarani": "PYG",
    "boliviano": "BOB",
    "kip": "LAK",
    "tugrik": "MNT",
    "ouguiya": "MRU",
    "dalasi": "GMD",
    "leone": "SLE",
    "zł": "PLN",
    "kr": "SEK",
    "kr.": "DKK",
    "kč": "CZK",
}
SUBUNIT = {"cent": 0.01, "penny": 0.01, "pence": 0.01}
CURRENCY_QUALIFIED = {
    ("canadian", "dollar"): "CAD",
    ("australian", "dollar"): "AUD",
    ("new zealand", "dollar"): "NZD",
    ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD",
    ("taiwan", "dollar"): "TWD",
    ("taiwanese", "dollar"): "TWD",
    ("us", "dollar"): "USD",
    ("u.s.", "dollar"): "USD",
    ("american", "dollar"): "USD",
    ("egyptian", "pound"): "EGP",
    ("sudanese", "pound"): "SDG",
    ("swiss", "franc"): "CHF",
    ("pakistani", "rupee"): "PKR",
    ("indian", "rupee"): "INR",
    ("turkish", "lira"): "TRY",
    ("mexican", "peso"): "MXN",
    ("argentine", "peso"): "ARS",
    ("philippine", "peso"): "PHP",
    ("brazilian", "real"): "BRL",
    ("south african", "rand"): "ZAR",
    ("iraqi", "dinar"): "IQD",
    ("iranian", "rial"): "IRR",
    ("saudi", "riyal"): "SAR",
    ("qatari", "riyal"): "QAR",
    ("danish", "krone"): "DKK",
    ("norwegian", "krone"): "NOK",
    ("swedish", "krona"): "SEK",
    ("chinese", "yuan"): "CNY",
    ("japanese", "yen"): "JPY",
    ("russian", "ruble"): "RUB",
    ("russian", "rouble"): "RUB",
    ("ukrainian", "hryvnia"): "UAH",
    ("israeli", "shekel"): "ILS",
    ("kenyan", "shilling"): "KES",
    ("south korean", "won"): "KRW",
    ("north korean", "won"): "KPW",
    ("lebanese", "lira"): "LBP",
    ("syrian", "lira"): "SYP",
    ("cfa", "franc"): "XOF",
    ("saudi", "rial"): "SAR",
    ("omani", "rial"): "OMR",
    ("qatari", "rial"): "QAR",
    ("yemeni", "rial"): "YER",
}

# measure units: surface form (lower case, words joined by one space) -> Unit
_MEASURES: dict[str, tuple[str, float]] = {}


def _add(name: str, forms: str, factor: float = 1.0) -> None:
    for form in forms.split("|"):
        _MEASURES[form.strip()] = (name, factor)


for _sq in ("square", "sq", "sq.", "sq ."):
    _add("km2", f"{_sq} kilometer|{_sq} kilometers|{_sq} kilometre|{_sq} kilometres|{_sq} km")
    _add("mi2", f"{_sq} mile|{_sq} miles|{_sq} mi")
    _add("square_meter", f"{_sq} meter|{_sq} meters|{_sq} metre|{_sq} metres|{_sq} m")
    _add("square_foot", f"{_sq} foot|{_sq} feet|{_sq} ft")
_add("km2", "km2|km²|sqkm")
_add("mi2", "mi2|mi²")
_add("square_meter", "m2|m²")
_add("hectare", "hectare|hectares|ha")
_add("acre", "acre|acres")
_add("km", "kilometer|kilometers|kilometre|kilometres|km|kms")
_add("mi", "mile|miles")
_add("nautical_mile", "nautical mile|nautical miles")
_add("meter", "meter|meters|metre|metres|m")
_add("centimeter", "centimeter|centimeters|centimetre|centimetres|cm")
_add("millimeter", "millimeter|millimeters|millimetre|millimetres|mm")
_add("foot", "foot|feet|ft")
_add("inch", "inch|inches")
_add("yard", "yard|yards")
_add("kilogram", "kilogram|kilograms|kilo|kilos|kg|kgs")
_add("gram", "gram|grams|g")
_add("metric_ton", "tonne|tonnes|metric ton|metric tons|metric tonnes|mt")
_add("ton", "ton|tons")
_add("megatonne", "megatonne|megatonnes|megaton|megatons")
_add("gigatonne", "gigatonne|gigatonnes|gigaton|gigatons")
_add("gigawatt_hour", "gigawatt-hour|gigawatt-hours|gigawatt hours|gwh")
_add("pound", "lb|lbs")
_add("ounce", "ounce|ounces|oz")
_add("oil_barrel", "barrel|barrels|bbl")
_add("oil_barrel_per_day", "bpd|b/d|bbl/d|bopd")
_add("gallon", "gallon|gallons")
_add("liter", "liter|liters|litre|litres")
_add("cubic_meter", "cubic meter|cubic meters|cubic metre|cubic metres")
_add("mile_per_hour", "mph|miles per hour|mile per hour|miles an hour")
_add(
    "kilometer_per_hour",
    "km/h|kph|kmh|kilometers per hour|kilometres per hour|kilometers an hour|kilometres an hour",
)
_add("knot", "knot|knots")
_add("degree_Celsius", "degrees celsius|degree celsius|degrees centigrade|°c|° c|c")
_add("degree_Fahrenheit", "degrees fahrenheit|degree fahrenheit|°f|° f|f")
_add("degree", "degree|degrees|°")
_add("megawatt", "megawatt|megawatts|mw")
_add("gigawatt", "gigawatt|gigawatts|gw")
_add("kilowatt", "kilowatt|kilowatts|kw")
_add("kilowatt_hour", "kilowatt-hour|kilowatt-hours|kilowatt hours|kwh")
_add("megawatt_hour", "megawatt-hour|megawatt-hours|megawatt hours|mwh")
_add("terawatt_hour", "terawatt-hour|terawatt-hours|terawatt hours|twh")
_add("percent", "percent|per cent|pct|%|percentage point|percentage points|pp")
_add("percent", "percent point|percent points|per cent point|per cent points")
# basis points are hundredths of a percentage point, stored as percent: 25 bp = 0.25
_add("percent", "basis point|basis points|bps|bp", 0.01)
_add("point", "point|points")
_add("second", "second|seconds|secs")
_add("minute", "minute|minutes|mins")
_add("hour", "hour|hours|hrs")
_add("day", "day|days")
_add("week", "week|weeks")
_add("month", "month|months")
_add("year", "year|years|yr|yrs")
_add("year", "decade|decades", 10.0)
_add("year", "century|centuries", 100.0)

TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year"}
# units that only count as such right after a number (a bare "f" or "c" is not a unit)
SYMBOL_ONLY = {"c", "f", "g", "m", "mt", "ha", "pp", "bp", "oz", "°"}
MAX_UNIT_WORDS = 3


def measure_unit(words: list[str]) -> tuple[Unit, int] | None:
    """The longest measure unit at the start of `words` (lower case) and its length."""
    for n in range(min(MAX_UNIT_WORDS, len(words)), 0, -1):
        hit = _MEASURES.get(" ".join(words[:n]))
        if hit:
            return Unit(hit[0], hit[1]), n
    return None


def currency_word(words: list[str]) -> tuple[Unit, int] | None:
    """A currency written as words at the start of `words` ("Turkish lira", "euros")."""
    for n in (3, 2):
        if len(words) >= n:
            qual, noun = " ".join(words[: n - 1]), _singular(words[n - 1])
            code = CURRENCY_QUALIFIED.get((qual, noun)) or qualified_names().get(f"{qual} {noun}")
            if code:
                return Unit(code, SUBUNIT.get(noun, 1.0), money=True), n
    if words:
        noun = _singular(words[0])
        code = CURRENCY_WORDS.get(words[0]) or CURRENCY_WORDS.get(noun)
        if code:
            return Unit(code, SUBUNIT.get(noun, 1.0), money=True), 1
    return None


def currency_symbol(text: str) -> str | None:
    """ISO code of a currency symbol or code written before a number ("$", "US$", "€", "R",
    "ZAR"); for a symbol several currencies share, the usual one (see currencies.SYMBOLS)."""
    codes = symbol_codes(text)
    if codes is not None:
        return codes[0]
    if len(text) == 3 and text.isupper() and text in USD_PER_UNIT:
        return text
    return None


def _singular(word: str) -> str:
    if word in ("pence", "reais", "kronor", "kroner", "liras", "hryvnias", "zlotys", "soles"):
        return word
    if word == "pennies":
        return "penny"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def pint_expression(unit: str) -> str:
    """The pint expression for a canonical unit name: "oil_barrel_per_day" -> "oil_barrel / day"."""
    if unit in PINT_NAME:
        return PINT_NAME[unit]
    if "_per_" in unit:
        base, denom = unit.rsplit("_per_", 1)
        if base in PINT_NAME:
            return f"{PINT_NAME[base]} / {denom}"
        for prefix, power in (("square_", " ** 2"), ("cubic_", " ** 3")):
            if base.startswith(prefix):
                return f"{base[len(prefix) :]}{power} / {denom}"
        return f"{base} / {denom}"
    return unit


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    return pint.UnitRegistry()


def canonical(value: float | None, unit: str) -> tuple[float | None, str | None]:
    """`value` in `unit` expressed in its dimension's canonical unit (km2, km, day, USD …)."""
    if value is None:
        return None, None
    if unit in USD_PER_UNIT:
        return value * USD_PER_UNIT[unit], "USD"
    if unit in ("person", "item", "count", "percent", "fraction", "point", "basis_point"):
        if unit == "basis_point":
            return value / 100, "percent"
        return value, unit
    reg = _registry()
    try:
        qty = reg.Quantity(value, pint_expression(unit))
        dim = str(qty.dimensionality)
        target = CANONICAL.get(dim)
        if target is None or dim == "[temperature]":
            return value, unit
        return float(qty.to(target[0]).magnitude), target[1]
    except (pint.errors.PintError, AttributeError, TypeError, ValueError) as exc:
        LOGGER.debug("no conversion for %s %s: %s", value, unit, exc)
        return value, unit
