"""Numbers as news writes them: digits, number words, scales, fractions, vague magnitudes.

These functions read plain word lists; they know nothing of spaCy, so they are easy to test.
"""

from __future__ import annotations

import re

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
}
# scales that only count when written without a space after digits ("3.5bn", "$5m")
ATTACHED_SCALES = {"k", "m", "b", "bn", "mn", "tn"}
WORD_SCALES = {
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "bn",
    "mn",
    "mln",
    "tn",
    "lakh",
    "lakhs",
    "crore",
    "crores",
}
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# vague sizes in words -> nominal bounds (a plural scale word alone: "hundreds", "millions")
VAGUE = {
    "dozens": (24.0, 144.0),
    "scores": (40.0, 200.0),
    "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7),
    "billions": (1e9, 1e10),
    "trillions": (1e12, 1e13),
}
VAGUE_MULTIPLIERS = {"tens": 10.0, "hundreds": 100.0}
SEVERAL = {"several": (3.0, 10.0), "a few": (2.0, 10.0), "few": (2.0, 10.0)}

_DIGITS = re.compile(
    r"^(?P<sign>[-−]?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:(?P<suffix>[a-z°]+)\.?)?$"
)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
ORDINAL_WORDS = {
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
    "hundredth",
    "thousandth",
    "millionth",
}


def parse_digits(text: str) -> tuple[float, str] | None:
    """A number written in digits and the letters glued after it: "3.5bn" -> (3.5, "bn")."""
    m = _DIGITS.match(text.lower())
    if not m:
        return None
    value = float(m.group("num").replace(",", ""))
    return (-value if m.group("sign") else value), m.group("suffix") or ""


def is_ordinal(text: str) -> bool:
    """True for "105th", "first", "twenty-third" and the like."""
    low = text.lower()
    if _ORDINAL.match(low):
        return True
    last = low.split("-")[-1]
    return last in ORDINAL_WORDS or (last.endswith("ieth") and last[:-4] + "y" in TENS_WORDS)


def word_value(word: str) -> float | None:
    """The value of one number word: "seven" -> 7, "twenty-five" -> 25, "dozen" -> 12."""
    low = word.lower()
    if low in UNITS_WORDS:
        return float(UNITS_WORDS[low])
    if low in TENS_WORDS:
        return float(TENS_WORDS[low])
    if low == "dozen":
        return 12.0
    parts = low.split("-")
    if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in UNITS_WORDS:
        return float(TENS_WORDS[parts[0]] + UNITS_WORDS[parts[1]])
    return None


def words_value(words: list[str]) -> float | None:
    """The value of a run of number words: "two hundred and fifty thousand" -> 250000."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        low = word.lower()
        if low == "and" and seen:
            continue
        val = word_value(low)
        if val is not None:
            current += val
            seen = True
        elif low == "hundred" and seen:
            current *= 100
        elif low in SCALES and low in WORD_SCALES and seen:
            total += current * SCALES[low]
            current = 0.0
        else:
            return None
    return total + current if seen else None


def fraction_value(text: str) -> float | None:
    """A fraction in words: "two-thirds" -> 0.667, "half" -> 0.5, "a quarter" -> 0.25."""
    low = text.lower().replace(" ", "-")
    parts = [p for p in low.split("-") if p]
    if not parts:
        return None
    if len(parts) == 1:
        return 0.5 if parts[0] == "half" else None
    num = 1.0 if parts[0] in ("a", "an", "one") else word_value(parts[0])
    den = DENOMINATORS.get(parts[-1])
    if num is None or den is None or len(parts) != 2:
        return None
    return num / den


def vague_bounds(words: list[str]) -> tuple[float, float] | None:
    """Bounds of a vague size: "tens of thousands" -> (1e4, 1e5), "hundreds" -> (100, 1000)."""
    low = [w.lower() for w in words]
    if len(low) == 3 and low[1] == "of" and low[0] in VAGUE_MULTIPLIERS and low[2] in VAGUE:
        lo, hi = VAGUE[low[2]]
        k = VAGUE_MULTIPLIERS[low[0]]
        return lo * k, hi * k
    if len(low) == 1 and low[0] in VAGUE:
        return VAGUE[low[0]]
    if len(low) == 2 and low[0] in ("several", "few") and low[1].rstrip("s") in SCALES:
        scale = SCALES[low[1].rstrip("s")]
        lo, hi = SEVERAL[low[0]]
        return lo * scale, hi * scale
    return None
