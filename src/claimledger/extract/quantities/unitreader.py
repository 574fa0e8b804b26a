"""The unit written after a number: currency words, measures, rates, prices per unit, points.

A measure followed by a time ("barrels per day", "tonnes of coal a year", "km an hour") is a
rate named in pint style (`oil_barrel_per_day`, `metric_ton_per_year`, `kilometer_per_hour`).
A count of people or things per time ("300 patients a day") keeps its unit, `person`, `item`
or `count`: the schema has no unit for counts per time, and the rate stays in the text. Money
per unit ("$71 a barrel", "$900 a month") stays money, with the rate in the text. "Points"
are percentage points when the sentence, or the one before, speaks of a rate or a share.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.quantities.currencies import needs_country
from claimledger.extract.quantities.nonfigures import RELATIVE_AFTER
from claimledger.extract.quantities.numreader import Num
from claimledger.extract.quantities.units import (
    MAX_UNIT_WORDS,
    SYMBOL_ONLY,
    TIME_UNITS,
    Unit,
    currency_symbol,
    currency_word,
    measure_unit,
)

# time words that make a measure a rate ("barrels per day"), by their unit name
PER_DENOMS = {
    "second": "second",
    "sec": "second",
    "s": "second",
    "minute": "minute",
    "min": "minute",
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "yr": "year",
    "annum": "year",
}
# units that stay as they are before "a day": shares, counts of time, temperatures
NOT_RATED = (
    frozenset("percent fraction point basis_point degree degree_Celsius degree_Fahrenheit".split())
    | TIME_UNITS
)
# schema short names spelled out inside a compound pint name
RATE_BASE = {"km": "kilometer", "mi": "mile", "km2": "square_kilometer", "mi2": "square_mile"}


# currency names that are also plain English words: "3 real problems", "won 3 seats"
PLAIN_WORD_CURRENCIES = frozenset("real won sol kip lev dram rand lei som leone".split())


def _plain_word(doc: Doc, k: int, stop: int) -> bool:
    """True when the word at k is used as plain English: a verb, or an adjective before a noun."""
    if doc[k].pos_ in ("VERB", "AUX"):
        return True
    return k + 1 < stop and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def read_unit(doc: Doc, k: int, stop: int, num: Num) -> tuple[Unit | None, int, int | None]:
    """The unit written at token k: (unit, end token, counted-noun token)."""
    words = [doc[x].lower_ for x in range(k, min(stop, k + 4))]
    glued = k > 0 and not doc[k - 1].whitespace_
    if num.kind == "fraction":
        if words[:2] == ["-", "point"]:
            return Unit("percent"), k + 2, None
        return _fraction_of_unit(doc, k, stop)
    if num.kind == "vague" and words[:1] == ["of"]:
        cur = currency_word(words[1:])
        if cur:
            return cur[0], k + 1 + cur[1], None
    if num.glued_unit is not None:
        return num.glued_unit, k, None
    cur = currency_word(words)
    if cur and words[0] in PLAIN_WORD_CURRENCIES and _plain_word(doc, k, stop):
        cur = None
    if cur:
        unit, n = cur
        if (
            unit.name == "GBP"
            and words[0].startswith("pound")
            and not num.scaled
            and not num.currency
        ):
            if len(words) > 1 and words[1] == "of":
                return Unit("pound"), k + 1, None
        if num.currency and unit.name != num.currency and words[0] not in ("dollars", "dollar"):
            return Unit(num.currency, money=True), k, None
        return unit, k + n, None
    if num.currency:
        return Unit(num.currency, money=True), k, None
    after = _currency_after(doc, k, stop)
    if after is not None:
        return after, k + 1, None
    # hyphenated measures: "a 5-mile stretch", "a 50-basis-point cut"
    if words[:1] == ["-"] and len(words) > 1:
        hyphenated = _hyphenated_unit(doc, k + 1, stop)
        if hyphenated is not None:
            return hyphenated[0], hyphenated[1], None
    hit = measure_unit(words)
    if hit:
        unit, n = hit
        if words[0] in SYMBOL_ONLY and not glued:
            return None, k, None
        return per_time_unit(doc, unit, k + n, stop)
    return None, k, None


def _currency_after(doc: Doc, k: int, stop: int) -> Unit | None:
    """ "500 €", "3 million USD": a currency symbol or ISO code written after the number, as
    long as no number follows it (then it is the next figure's symbol)."""
    if k >= stop:
        return None
    text = doc[k].text
    if text.isalpha() and not (len(text) == 3 and text.isupper()):
        return None  # letter prefixes ("R", "Rs") belong to the number after them
    if "$" in text or needs_country(text):
        return None
    code = currency_symbol(text)
    if code is None or (k + 1 < stop and (doc[k + 1].like_num or doc[k + 1].is_digit)):
        return None
    return Unit(code, money=True)


def _fraction_of_unit(doc: Doc, k: int, stop: int) -> tuple[Unit, int, None]:
    """The unit a fraction takes a share of: "half a per cent", "a quarter of a point", "half
    an hour", "a third of a mile"; else the fraction stands alone."""
    if k < stop and doc[k].lower_ == "point":
        return Unit("point"), k + 1, None  # "a quarter point": a rate move when rates are near
    if k + 1 < stop and doc[k].lower_ == "percentage" and doc[k + 1].lower_ == "point":
        return Unit("percent"), k + 2, None
    x = k + 1 if k < stop and doc[k].lower_ == "of" else k
    if x + 1 < stop and doc[x].lower_ in ("a", "an"):
        words = [doc[y].lower_ for y in range(x + 1, min(stop, x + 1 + MAX_UNIT_WORDS))]
        hit = measure_unit(words)
        if hit is not None and not hit[0].money and words[0] not in SYMBOL_ONLY:
            return hit[0], x + 1 + hit[1], None  # "half a point": a rate move when rates are near
    return Unit("fraction"), k, None


def _hyphenated_unit(doc: Doc, k: int, stop: int) -> tuple[Unit, int] | None:
    """ "5-mile", "50-basis-point": a measure written onto the number with hyphens."""
    words: list[str] = []
    ends: list[int] = []
    x = k
    while x < stop and len(words) < MAX_UNIT_WORDS:
        if doc[x].text == "-" and words and not doc[x - 1].whitespace_:
            x += 1
            continue
        words.append(doc[x].lower_)
        ends.append(x + 1)
        if doc[x].whitespace_:
            break
        x += 1
    hit = measure_unit(words)
    if hit is None or (hit[0].name == "point" and hit[1] == 1 and words[0] == "point"):
        return None
    return hit[0], ends[hit[1] - 1]


def per_time(doc: Doc, k: int, stop: int) -> tuple[str, int] | None:
    """ "per day", "a year", "/h", "per annum" right at token k: (time unit, end token)."""
    if k + 1 >= stop or doc[k].lower_ not in ("per", "a", "an", "/", "every"):
        return None
    denom = PER_DENOMS.get(doc[k + 1].lower_)
    if denom is None:
        return None
    if k + 2 < stop and doc[k + 2].lower_ in RELATIVE_AFTER | {"after", "before"}:
        return None  # "a day after the storm" places an event; it is no rate
    return denom, k + 2


def per_time_unit(doc: Doc, unit: Unit, k: int, stop: int) -> tuple[Unit, int, None]:
    """A measure followed by "per day" becomes a rate: barrels -> `oil_barrel_per_day`."""
    if unit.money or unit.name in NOT_RATED or "_per_" in unit.name:
        return unit, k, None
    rate = per_time(doc, k, stop)
    if rate is None and k + 2 < stop and doc[k].lower_ == "of":
        # "90 million tonnes of coal a year": the rate comes after what is measured
        x = k + 1
        while x < min(stop, k + 4) and doc[x].pos_ in ("NOUN", "ADJ", "PROPN"):
            x += 1
            rate = per_time(doc, x, stop) if x > k + 1 else None
            if rate is not None:
                break
    if rate is None:
        return unit, k, None
    base = RATE_BASE.get(unit.name, unit.name)
    return Unit(f"{base}_per_{rate[0]}", unit.factor), rate[1], None


# words that make "points" percentage points: a rate or a share moved, not a market index
SHARE_WORDS = frozenset(
    "rate rates percent cent % share turnout support approval poll polls polling survey "
    "inflation unemployment jobless vote votes ballot participation coverage literacy "
    "occupancy".split()
)
MARKET_WORDS = frozenset(
    "index indices indexes dow nasdaq ftse nikkei dax cac kospi sensex nifty hang s&p stocks "
    "bourse futures benchmark game games match season team teams scored score league "
    "championship".split()
)


def share_points(
    doc: Doc, i: int, k: int, sent_start: int, stop: int, fractional: bool = False
) -> bool:
    """ "fell by 3 points" is 3 percent when the sentence (or the one before) speaks of a rate
    or a share; index points in markets and points in games stay points. A fraction of a point
    ("a quarter of a point") is a rate move unless the sentence speaks of a market."""
    words = {t.lower_ for t in doc[sent_start:stop] if not i <= t.i < k}
    if words & MARKET_WORDS:
        return False
    if words & SHARE_WORDS or fractional:
        return True
    if sent_start == 0:
        return False
    prev = doc[sent_start - 1].sent
    return (
        any(t.lower_ in ("percent", "%", "cent") for t in prev)
        and not {t.lower_ for t in prev} & MARKET_WORDS
    )


RATE_WORDS = frozenset("per to against a".split())


def exchange_rate(doc: Doc, k: int, stop: int, sent_start: int) -> tuple[Unit, int, str] | None:
    """ "(the rand weakened) to 17.92 per dollar": a price of one currency in another is in the
    currency the sentence (or the one before) speaks of. Returns (unit, end token, the
    currency word as written)."""
    if k + 1 >= stop or doc[k].lower_ not in RATE_WORDS:
        return None
    x = k + 1
    if doc[x].lower_ in ("the", "one", "each", "1", "a", "us", "u.s.") and x + 1 < stop:
        x += 1
    per = currency_word([doc[y].lower_ for y in range(x, min(stop, x + 3))])
    if per is None or not per[0].money or doc[x + per[1] - 1].lower_.endswith("s"):
        return None
    end = x + per[1]
    first = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    for y in list(range(sent_start, k)) + list(range(end, stop)) + list(range(first, sent_start)):
        tok = doc[y]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_.endswith("s"):
            continue  # the currency itself ("the rand"), not an amount of it ("rupees")
        named = currency_word([tok.lower_])
        before = doc[y - 1] if y > 0 else None
        if named is None or named[0].name == per[0].name or before is None:
            continue
        qualified = currency_word([before.lower_, tok.lower_])
        if qualified is not None and qualified[1] == 2:  # "the Turkish lira"
            return Unit(qualified[0].name, money=True), end, doc[y - 1 : y + 1].text
        if before.pos_ in ("DET", "ADJ", "PROPN") or before.tag_ == "POS":
            return Unit(named[0].name, money=True), end, tok.text
    return None


PRICED_PER = frozenset("share head person capita unit ticket item piece seat".split())


def price_per(doc: Doc, k: int, stop: int) -> int:
    """ "$71 a barrel", "$1.20 per litre", "$900 a month": the end of a price per unit."""
    if k + 1 >= stop or doc[k].lower_ not in ("a", "an", "per"):
        return k
    nxt = doc[k + 1].lower_
    if nxt in PRICED_PER or nxt in PER_DENOMS or measure_unit([nxt]):
        if not (k + 2 < stop and doc[k + 2].lower_ in RELATIVE_AFTER | {"after", "before"}):
            return k + 2
    return k
