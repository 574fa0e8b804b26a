"""Shared helpers for figure tests: countries placed in the text, and figures as rows."""

from __future__ import annotations

from collections.abc import Callable

from claimledger.extract.quantities.records import extract_quantities
from claimledger.extract.quotes import Attribution
from claimledger.model import Mention, Place, Quantity

Row = tuple  # (text, value, unit, approx); value is a number or a (low, high) range

# country names the tests place in the text, with their ISO codes
COUNTRIES = {
    "Pakistan": "PK",
    "India": "IN",
    "Sri Lanka": "LK",
    "Chile": "CL",
    "Colombia": "CO",
    "Mexico": "MX",
    "Egypt": "EG",
    "Britain": "GB",
    "Sudan": "SD",
    "Jordan": "JO",
    "Kenya": "KE",
    "Uganda": "UG",
    "Australia": "AU",
    "South Africa": "ZA",
    "Philippines": "PH",
    "Zambia": "ZM",
    "China": "CN",
    "Japan": "JP",
    "Norway": "NO",
    "Malaysia": "MY",
    "Indonesia": "ID",
    "Turkey": "TR",
    "Nigeria": "NG",
}


def places_in(text: str) -> list[Place]:
    """The countries of COUNTRIES that `text` names, as places with their mentions."""
    out = []
    for name, iso in COUNTRIES.items():
        mentions = []
        at = text.find(name)
        while at >= 0:
            mentions.append(Mention(name, at, at + len(name)))
            at = text.find(name, at + 1)
        if mentions:
            out.append(Place(name, "country", country=iso, mentions=mentions))
    return out


def figures(parse: Callable, text: str) -> list[Quantity]:
    """The figures of `text`, with its countries as the article's places."""
    doc, article = parse(text)
    return extract_quantities(
        doc, article, attribution=Attribution(doc, []), dates=[], places=places_in(text)
    )


def row(q: Quantity) -> Row:
    """A figure as (text, value or (low, high), unit, approx)."""
    value = q.value if q.value is not None else (q.low, q.high)
    if isinstance(value, float):
        value = round(value, 4)
    return (q.text, value, q.unit, q.approx)


def check(parse: Callable, text: str, expected: list[Row]) -> None:
    """Assert the figures of `text` are exactly `expected`."""
    rows = [row(q) for q in figures(parse, text)]
    want = [(t, round(v, 4) if isinstance(v, float) else v, u, a) for t, v, u, a in expected]
    assert rows == want
