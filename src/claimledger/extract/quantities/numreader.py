"""Read the number that starts at a token: digits, words, scales, fractions, ratios, vague sizes.

The result says where the number ends, its value (or bounds), and any currency symbol or
unit written onto it; what the number counts is read afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from claimledger.extract.quantities import numbers as nb
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


def read_number(doc: Doc, i: int, stop: int) -> Num | None:
    """A number starting at token i (with a currency symbol before it), or None."""
    currency = None
    j = i
    sym = currency_symbol(doc[j].text)
    if sym and j + 1 < stop and (doc[j + 1].like_num or nb.parse_digits(doc[j + 1].text)):
        currency, j = sym, j + 1
    tok = doc[j]
    low = tok.lower_
    parsed = nb.parse_digits(tok.text)
    num: Num | None = None
    if parsed:
        value, suffix = parsed
        glued = measure_unit([suffix]) if suffix else None
        nxt_noun = j + 1 < stop and doc[j + 1].pos_ == "NOUN"
        if suffix == "m" and not currency and not nxt_noun:
            suffix = ""  # "100m": metres, not millions
        elif suffix and suffix not in nb.ATTACHED_SCALES:
            if glued is None:
                return None
            suffix = ""
        else:
            glued = None
        if suffix:
            value *= nb.SCALES[suffix]
        if j > 0 and doc[j - 1].text in ("-", "−") and not doc[j - 1].whitespace_:
            if j < 2 or doc[j - 2].whitespace_ or doc[j - 2].is_punct:
                value = -value
        num = Num(j + 1, value, currency=currency, scaled=bool(suffix))
        num.glued_unit = glued[0] if glued else None
        if not tok.whitespace_ and j + 1 < stop and not suffix and glued is None:
            _glued_suffix(doc, num, stop)
    elif low in ("a", "an") and j + 1 < stop:
        nxt = doc[j + 1].lower_
        if nxt == "dozen":
            num = Num(j + 2, 12.0, currency=currency, word=True)
        elif nxt in nb.WORD_SCALES:
            num = Num(j + 2, nb.SCALES[nxt], currency=currency, word=True, scaled=True)
        elif nxt in nb.DENOMINATORS:
            return _read_fraction(doc, j, stop)
        elif nxt == "few" and j + 2 < stop and doc[j + 2].lower_ in nb.SCALES:
            return _read_vague(doc, j + 1, stop, currency)
        elif nxt == "full" and j + 2 < stop and doc[j + 2].lower_ == "percentage":
            return Num(j + 2, 1.0, word=True)
        elif nxt == "percentage" or is_time_unit(nxt):
            return Num(j + 1, 1.0, word=True)
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
        num = Num(end, value, currency=currency, word=True, scaled=scaled)
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


def _bare_share(doc: Doc, j: int, stop: int) -> bool:
    """ "fell by about a third", "cut by a quarter": a fraction with no "of" after it, as long as
    no noun follows ("a third term" is an ordinal) and no time word comes before."""
    if doc[j + 1].lower_ not in ("third", "quarter", "fifth", "tenth", "half"):
        return False
    if j > 0 and doc[j - 1].lower_ in NOT_SHARE_BEFORE:
        return False
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


def is_time_unit(word: str) -> bool:
    """True for a word naming a unit of time ("week", "months", "decade")."""
    hit = measure_unit([word])
    return hit is not None and hit[0].name in TIME_UNITS
