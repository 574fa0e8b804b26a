"""Number parsing: digits, words, fractions, ordinals, vague sizes."""

from __future__ import annotations

import pytest

from claimledger.extract.quantities import numbers as nb


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,200", (1200.0, "")),
        ("3.5bn", (3.5, "bn")),
        ("12", (12.0, "")),
        ("0.25", (0.25, "")),
        ("1,234,567.5", (1234567.5, "")),
        ("$12", None),
        ("12th", (12.0, "th")),
        ("1.5c.", (1.5, "c")),
        ("5.", None),
        ("abc", None),
    ],
)
def test_parse_digits(text: str, expected: tuple[float, str] | None) -> None:
    assert nb.parse_digits(text) == expected


@pytest.mark.parametrize(
    "words, expected",
    [
        (["seven"], 7.0),
        (["twenty-five"], 25.0),
        (["two", "hundred"], 200.0),
        (["two", "hundred", "and", "fifty", "thousand"], 250000.0),
        (["three", "million"], 3e6),
        (["dozen"], 12.0),
        (["banana"], None),
        ([], None),
    ],
)
def test_words_value(words: list[str], expected: float | None) -> None:
    assert nb.words_value(words) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("two-thirds", 2 / 3),
        ("one-third", 1 / 3),
        ("half", 0.5),
        ("a quarter", 0.25),
        ("three-quarters", 0.75),
        ("a fifth", 0.2),
        ("third", None),
        ("two-apples", None),
    ],
)
def test_fraction_value(text: str, expected: float | None) -> None:
    assert nb.fraction_value(text) == (pytest.approx(expected) if expected else None)


@pytest.mark.parametrize(
    "words, expected",
    [
        (["hundreds"], (100.0, 1000.0)),
        (["thousands"], (1000.0, 10000.0)),
        (["tens", "of", "thousands"], (1e4, 1e5)),
        (["hundreds", "of", "thousands"], (1e5, 1e6)),
        (["millions"], (1e6, 1e7)),
        (["several", "billions"], (3e9, 1e10)),
        (["dozens"], (24.0, 144.0)),
        (["people"], None),
    ],
)
def test_vague_bounds(words: list[str], expected: tuple[float, float] | None) -> None:
    assert nb.vague_bounds(words) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("105th", True),
        ("first", True),
        ("twenty-third", True),
        ("413th", True),
        ("twelve", False),
        ("12", False),
        ("thirtieth", True),
    ],
)
def test_is_ordinal(text: str, expected: bool) -> None:
    assert nb.is_ordinal(text) is expected
