"""Read the number that starts at a token: digits, words, scales, fractions, ratios, vague sizes.

The result says where the number ends, its value (or bounds), and any currency symbol or
unit written onto it; what the number counts is read afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from claimledger.extract.quantities import numbers as nb
from claimledger.extract.quantities.currencies import split_prefix
from claimledger.extract.quantities.units import TIME_UNITS, Unit, currency_symbol, measure_unit


@dataclass
class Num:
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    kind: str = "num"
    scaled: bool = False
    word: bool = False
    glued_unit: Unit | None = None  # "10km", "100m": a unit written onto the digits
    start: int = -1  # the token the number itself starts at, after any currency symbol
    symbol: str | None = None  # the currency symbol or prefix as written: "$", "R", "Rs."
    article: bool = False  # "a" or "an" read as the number one: "more than a kilometre"


def _number_word_run(doc: Doc, i: int, stop: int) -> tuple[int, float] | None:
    """Number words from i: "two hundred", "twenty-five", "a dozen"."""
    words: list[str] = []
    j = i
    while j < stop:
        low = doc[j].lower_
        if nb.word_value(low) is not None or (words and low in nb.WORD_SCALES):
            words.append(low)
            j += 1
        elif low == "-" and words and j + 1 < stop and nb.word_value(doc[j + 1].lower_):
            words[-1] = words[-1] + "-" + doc[j + 1].lower_
            j += 2
        elif low == "and" and words and j + 1 < stop and nb.word_value(doc[j + 1].lower_):
            j += 1
        else:
            break
    if not words:
        return None
    val = nb.words_value([w for part in words for w in ([part] if "-" not in part else [part])])
    if val is None:
        return None
    return j, val


def _currency_before(doc: Doc, i: int, stop: int) -> tuple[str, str, int] | None:
    """A currency symbol at token i with the number after it: (ISO code, symbol as written,
    token of the number). "Rs. 500" and "Fr. 20" may keep their full stop; a single letter
    ("R", "K") is a currency only when glued to the digits, which `_glued_currency` reads."""
    text = doc[i].text
    j = i + 1
    if j + 1 < stop and doc[j].text == "." and not doc[i].whitespace_ and text.isalpha():
        if currency_symbol(text + "."):
            text, j = text + ".", j + 1
    code = currency_symbol(text)
    if code is None or (len(text) == 1 and text.isalpha()):
        return None
    if j < stop and (doc[j].like_num or nb.parse_digits(doc[j].text)):
        return code, text, j
    return None


def _glued_currency(text: str) -> tuple[str, str, str] | None:
    """ "R1,000", "Rs500", "RM10bn", "HK$2bn": (ISO code, prefix, the digits after it)."""
    split = split_prefix(text)
    if split is None or nb.parse_digits(split[1]) is None:
        return None
    code = currency_symbol(split[0])
    return (code, split[0], split[1]) if code else None


def read_number(doc: Doc, i: int, stop: int) -> Num | None:
    """A number starting at token i (with a currency symbol before it or glued to it), or None."""
    num = _read_number(doc, i, stop)
    if num is not None and _letter_code(doc, num, stop):
        return None
    if num is not None and num.kind == "fraction":
        num = _fraction_of_scale(doc, num, stop) or num
    if num is not None and num.start < 0:
        num.start = i + 1 if num.currency else i
    if num is not None and num.currency and num.symbol is None:
        num.symbol = doc[i].text
    return num


def _letter_code(doc: Doc, num: Num, stop: int) -> bool:
    """ "N95 masks", "an R2 road", "K9 unit": a letter glued to a small whole number that
    names a thing is a code, not money, even where the letter is a currency."""
    symbol = num.symbol or ""
    if not (len(symbol) == 1 and symbol.isalpha() and num.start < len(doc)):
        return False
    digits = doc[num.start].text[len(symbol) :]
    small = num.value is not None and num.value < 100 and digits.isdigit() and not num.scaled
    return small and num.end < stop and doc[num.end].pos_ in ("NOUN", "PROPN")


def _read_number(doc: Doc, i: int, stop: int) -> Num | None:
    currency: str | None = None
    symbol: str | None = None
    j = i
    digits = doc[j].text
    before = _currency_before(doc, i, stop)
    glued = None if before else _glued_currency(doc[j].text)
    if before is not None:
        currency, symbol, j = before
        digits = doc[j].text
    elif glued is not None:
        currency, symbol, digits = glued
    tok = doc[j]
    low = tok.lower_
    parsed = nb.parse_digits(digits)
    num: Num | None = None
    if parsed:
        value, suffix = parsed
        glued_unit = measure_unit([suffix]) if suffix else None
        nxt_noun = j + 1 < stop and doc[j + 1].pos_ == "NOUN"
        if suffix == "m" and not currency and not nxt_noun:
            suffix = ""  # "100m": metres, not millions
        elif suffix and suffix not in nb.ATTACHED_SCALES:
            if glued_unit is None:
                return None
            suffix = ""
        else:
            glued_unit = None
        if suffix:
            value *= nb.SCALES[suffix]
        if j > 0 and doc[j - 1].text in ("-", "−") and not doc[j - 1].whitespace_:
            if j < 2 or doc[j - 2].whitespace_ or doc[j - 2].is_punct:
                value = -value
        num = Num(j + 1, value, currency=currency, scaled=bool(suffix), start=j, symbol=symbol)
        num.glued_unit = glued_unit[0] if glued_unit else None
        if not tok.whitespace_ and j + 1 < stop and not suffix and glued_unit is None:
            _glued_suffix(doc, num, stop)
    elif low in ("a", "an") and j + 1 < stop:
        nxt = doc[j + 1].lower_
        if nxt == "dozen":
            num = Num(j + 2, 12.0, currency=currency, word=True, start=j, symbol=symbol)
        elif nxt in nb.WORD_SCALES:
            num = Num(j + 2, nb.SCALES[nxt], currency=currency, word=True, scaled=True, start=j)
            num.symbol = symbol
        elif nxt in nb.DENOMINATORS:
            return _read_fraction(doc, j, stop)
        elif nxt == "few" and j + 2 < stop and doc[j + 2].lower_ in nb.SCALES:
            return _read_vague(doc, j + 1, stop, currency)
        elif nxt == "full" and j + 2 < stop and doc[j + 2].lower_ == "percentage":
            return Num(j + 2, 1.0, word=True)
        elif nxt == "percentage" or is_time_unit(nxt):
            return Num(j + 1, 1.0, word=True)
        elif _measure_follows(doc, j + 1, stop):
            return Num(j + 1, 1.0, word=True, article=True)  # "more than a kilometre"
        else:
            return None
    elif low in nb.VAGUE or low in ("tens", "several", "few"):
        return _read_vague(doc, j, stop, currency)
    elif nb.word_value(low) is not None:
        run = _number_word_run(doc, j, stop)
        if run is None:
            return None
        end, value = run
        scaled = any(doc[x].lower_ in nb.WORD_SCALES for x in range(j, end))
        num = Num(end, value, currency=currency, word=True, scaled=scaled, start=j, symbol=symbol)
        frac = _read_fraction(doc, j, stop)
        if frac:
            return frac
    elif low in ("half", "third", "quarter") or "-" in low:
        return _read_fraction(doc, j, stop)
    if num is None:
        return None
    _and_a_half(doc, num, stop)
    ratio = _ratio(doc, num, stop)
    if ratio is not None:
        return ratio
    # scale words after the number: "1.5 million", "two billion"
    k = num.end
    while k < stop and doc[k].lower_ in nb.WORD_SCALES and not num.scaled:
        num.value = (num.value or 0) * nb.SCALES[doc[k].lower_]
        num.scaled = True
        k += 1
    num.end = k
    return num


HALVES = {"half": 0.5, "quarter": 0.25}


def _fraction_of_scale(doc: Doc, num: Num, stop: int) -> Num | None:
    """ "half a million", "a quarter of a billion", "half a dozen": a fraction of a scale word
    is a plain number."""
    k = num.end + 1 if num.end < stop and doc[num.end].lower_ == "of" else num.end
    if num.value is None or k + 1 >= stop or doc[k].lower_ not in ("a", "an"):
        return None
    word = doc[k + 1].lower_
    scale = 12.0 if word == "dozen" else nb.SCALES.get(word) if word in nb.WORD_SCALES else None
    if scale is None:
        return None
    return Num(k + 2, num.value * scale, word=True, scaled=word != "dozen")


def _and_a_half(doc: Doc, num: Num, stop: int) -> None:
    """ "two and a half", "3 and a quarter": the fraction written after the whole number."""
    k = num.end
    if (
        num.value is not None
        and not num.scaled
        and k + 2 < stop
        and doc[k].lower_ == "and"
        and doc[k + 1].lower_ in ("a", "an")
        and doc[k + 2].lower_ in HALVES
    ):
        num.value += HALVES[doc[k + 2].lower_]
        num.end = k + 3


def _glued_suffix(doc: Doc, num: Num, stop: int) -> None:
    """ "$5m", "100m", "10km" split by the tokenizer: a scale or a unit written onto the digits."""
    nxt = doc[num.end].lower_
    after_noun = num.end + 1 < stop and doc[num.end + 1].pos_ == "NOUN"
    if nxt in nb.ATTACHED_SCALES and (num.currency or nxt != "m" or after_noun):
        num.value = (num.value or 0) * nb.SCALES[nxt]
        num.scaled, num.end = True, num.end + 1
        return
    hit = measure_unit([nxt])
    if hit and not num.currency:
        num.glued_unit, num.end = hit[0], num.end + 1
        if nxt == "m":
            num.glued_unit = Unit("meter")


def _ratio(doc: Doc, num: Num, stop: int) -> Num | None:
    """ "one in five", "3 out of 4": a share written as a ratio."""
    k = num.end
    if num.currency or num.value is None or k + 1 >= stop:
        return None
    if doc[k].lower_ == "in":
        k += 1
    elif doc[k].lower_ == "out" and k + 2 < stop and doc[k + 1].lower_ == "of":
        k += 2
    else:
        return None
    den = nb.parse_digits(doc[k].text)
    value = den[0] if den and not den[1] else nb.word_value(doc[k].lower_)
    if (
        value is None
        or not (num.value < value <= 1000)
        or doc[k].text.isdigit()
        and len(doc[k].text) == 4
    ):
        return None
    return Num(k + 1, num.value / value, kind="fraction")


def _read_fraction(doc: Doc, j: int, stop: int) -> Num | None:
    """ "two-thirds", "one third", "a quarter", "half"."""
    low = doc[j].lower_
    if low == "half":
        before = doc[j - 1].lower_ if j > 0 else ""
        glued = j + 1 < stop and doc[j + 1].lower_ == "-"
        if not glued and (before in nb.ORDINAL_WORDS or before in ("the", "latter", "in", "a")):
            return None
        return Num(j + 1, 0.5, kind="fraction")
    if low == "quarter" and j + 2 < stop and doc[j + 1].lower_ == "-":
        return Num(j + 1, 0.25, kind="fraction")
    if j + 2 < stop and doc[j + 1].lower_ == "-" and doc[j + 2].lower_ in nb.DENOMINATORS:
        val = nb.fraction_value(low + "-" + doc[j + 2].lower_)
        if val is not None and low not in ("a", "an"):
            return Num(j + 3, val, kind="fraction")
    if j + 1 < stop and doc[j + 1].lower_ in nb.DENOMINATORS and low in ("a", "an", "one"):
        if (j + 2 < stop and doc[j + 2].lower_ == "of") or _bare_share(doc, j, stop):
            val = nb.fraction_value(low + "-" + doc[j + 1].lower_)
            if val is not None:
                return Num(j + 2, val, kind="fraction")
    if "-" in low:
        val = nb.fraction_value(low)
        if val is not None:
            return Num(j + 1, val, kind="fraction")
    return None


# words before "a third" that make it a time, an ordinal or part of a longer number
NOT_SHARE_BEFORE = frozenset(
    "in for within after per each every last next this that the and its their his her".split()
)


COMPARATIVES = frozenset("more fewer less higher lower larger smaller bigger cheaper".split())


def _bare_share(doc: Doc, j: int, stop: int) -> bool:
    """ "fell by about a third", "cut by a quarter": a fraction with no "of" after it, as long as
    no noun follows ("a third term" is an ordinal) and no time word comes before."""
    if doc[j + 1].lower_ not in ("third", "quarter", "fifth", "tenth", "half"):
        return False
    if j > 0 and doc[j - 1].lower_ in NOT_SHARE_BEFORE:
        return False
    after = doc[j + 2] if j + 2 < stop else None
    if after is not None and after.lower_ in ("point", "percentage"):
        return True  # "a quarter point", "a half percentage point"
    if after is not None and after.lower_ in ("earlier", "later", "sooner", "ago", "before"):
        return False  # "a quarter earlier" places an event
    if after is not None and (after.lower_ in COMPARATIVES or after.tag_ == "JJR"):
        return True  # "a third fewer than", "a quarter more"
    if j + 2 < stop and (
        doc[j + 2].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or doc[j + 2].text in ("-", "–")
    ):
        return False
    return True


def _read_vague(doc: Doc, j: int, stop: int, currency: str | None) -> Num | None:
    words = [doc[k].lower_ for k in range(j, min(stop, j + 3))]
    for n in (3, 2, 1):
        bounds = nb.vague_bounds(words[:n]) if len(words) >= n else None
        if bounds:
            end = j + n
            return Num(end, None, bounds[0], bounds[1], currency=currency, kind="vague")
    return None


# measures that "a" does not count: "to a degree", "at a point", "a percent of"
NOT_ONE_OF = frozenset("point degree percent".split())


def _measure_follows(doc: Doc, k: int, stop: int) -> bool:
    """True when a measure unit ("kilometre", "square mile", "tonne") starts at token k."""
    words = [doc[x].lower_ for x in range(k, min(stop, k + 3))]
    hit = measure_unit(words)
    return (
        hit is not None
        and hit[0].name not in NOT_ONE_OF
        and not doc[k].text[:1].isupper()
        and len(words[0]) > 2
    )


def is_time_unit(word: str) -> bool:
    """True for a word naming a unit of time ("week", "months", "decade")."""
    hit = measure_unit([word])
    return hit is not None and hit[0].name in TIME_UNITS
