"""Find figures in a parsed sentence: the number, its scale, range, hedge and unit.

The scanner walks the tokens of one sentence. At each token it tries to read a number
(digits, words, fractions, vague sizes, with a currency symbol before and a scale after),
then a unit (a currency word, a measure, or the counted noun from the parse), then a second
number that makes it a range. Dates, years, clock times, ordinals, magnitudes and numbers
inside names are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimledger.extract.quantities import numbers as nb
from claimledger.extract.quantities.hedges import hedge_after, hedge_before
from claimledger.extract.quantities.nonfigures import (
    NAMED_TERMS,
    RELATIVE_AFTER,
    is_idiom,
    is_not_figure,
    is_year,
)
from claimledger.extract.quantities.nouns import INVARIANT_PLURALS, PERSON_PRONOUNS, counted_unit_of
from claimledger.extract.quantities.numreader import Num, read_number
from claimledger.extract.quantities.unitreader import (
    exchange_rate,
    per_time,
    price_per,
    read_unit,
    share_points,
)
from claimledger.extract.quantities.units import TIME_UNITS, Unit, measure_unit

RATE_DENOMS = {"day", "week", "month", "year", "hour", "minute", "night", "person", "capita"}
# a figure right after these is the size of a change ("rose $2.10 to $84.50"), not a range end
CHANGE_VERBS = frozenset(
    "rise increase grow climb jump gain surge soar fall drop decline decrease shrink slip slide "
    "plunge tumble sink dip".split()
)


@dataclass
class Figure:
    """One figure found in a sentence, with token positions (doc indices, end exclusive)."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    unit_text: str | None = None
    noun: int | None = None  # token index of the counted noun
    approx: str | None = None
    money: bool = False
    kind: str = "num"  # num, fraction, vague
    num_tokens: list[int] = field(default_factory=list)
    from_change: bool = False  # "from X to Y": the first of two point figures
    linked_to: int | None = None
    factor: float = 1.0  # the unit's multiplier already applied: 0.01 for cents and basis points


def _counted_noun(
    doc: Doc, i: int, k: int, stop: int, vague: bool = False
) -> tuple[int | None, int]:
    """The noun the number at i..k counts, from the parse: (noun token, end of the text)."""
    num_tok = doc[k - 1]
    head = num_tok.head
    # "a 200-bed hospital", "a 12-member panel": the count written onto its noun
    if (
        k + 1 < stop
        and doc[k].text in ("-", "–")
        and not num_tok.whitespace_
        and not doc[k].whitespace_
        and doc[k + 1].pos_ == "NOUN"
        and not measure_unit([doc[k + 1].lower_])
        and not nb.is_ordinal(doc[k + 1].text)
    ):
        return k + 1, k + 2
    if num_tok.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod", "nmod", "appos"):
        if k <= head.i < min(stop, k + 6) and head.pos_ in ("NOUN", "PROPN", "ADJ"):
            between = doc[k : head.i]
            if all(
                t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "VERB", "ADV")
                and t.text not in (",", "(", ")", ";")
                for t in between
            ):
                return _of_complement(doc, head.i, stop)
    # "two buffalo", "five aircraft": plurals like the singular, whatever the tagger made of them
    if k < stop and doc[k].lower_ in INVARIANT_PLURALS and not _is_one(doc, k - 1):
        return k, k + 1
    # the next token may be the noun even when the parse attaches it elsewhere
    if (
        k < stop
        and doc[k].pos_ == "NOUN"
        and doc[k].tag_ in ("NNS", "NN")
        and doc[k].dep_ != "npadvmod"
    ):
        return _of_complement(doc, k, stop)
    # partitive: "three of the dead", "six of our neighbours", "forty of us"
    if k + 1 < stop and doc[k].lower_ == "of":
        if doc[k + 1].lower_ in PERSON_PRONOUNS:
            return k + 1, k + 2
        x = k + 1
        while x < stop and doc[x].pos_ in ("DET", "PRON") and doc[x].dep_ in ("det", "poss"):
            x += 1
        while (
            x < stop
            and doc[x].pos_ in ("ADJ", "NOUN", "PROPN")
            and doc[x].dep_
            in (
                "amod",
                "compound",
            )
        ):
            x += 1
        if (
            x < stop
            and doc[x].pos_ in ("NOUN", "ADJ")
            and (x > k + 1 or vague)
            and doc[x].dep_ == "pobj"
        ):
            return x, x + 1
    return None, k


def _of_complement(doc: Doc, noun: int, stop: int) -> tuple[int, int]:
    """ "pieces of (enemy) equipment": the counted noun is the object of "of"."""
    if doc[noun].lower_ in ("piece", "pieces", "units", "items", "head", "kinds", "types"):
        x = noun + 1
        if x < stop and doc[x].lower_ == "of":
            for y in range(x + 1, min(stop, x + 5)):
                if doc[y].dep_ == "pobj" and doc[y].head.i == x:
                    return y, y + 1
    return noun, noun + 1


MASS_NOUNS = frozenset("equipment infantry".split()) | INVARIANT_PLURALS


def _is_one(doc: Doc, k: int) -> bool:
    return doc[k].lower_ in ("one", "a", "an", "1")


def _not_counted(noun: Token, num: Num) -> bool:
    """ "the 818,000 reduction": a singular noun after a plural number is not what it counts."""
    if noun.lower_ in MASS_NOUNS or noun.tag_ != "NN" or num.kind != "num":
        return False
    if noun.i > 0 and noun.doc[noun.i - 1].text in ("-", "–"):
        return False  # "a 200-bed hospital"
    if noun.dep_ == "pobj" and noun.head.i > num.end and noun.head.lower_ == "of":
        return False  # "45 pieces of debris": the object of "of" is what is counted
    return num.value is not None and num.value > 1


def _rate_suffix(doc: Doc, k: int, stop: int) -> int:
    """ "10 to 20 a day", "$3 per gallon": the end of a rate written after a figure."""
    if (
        k + 1 < stop
        and doc[k].lower_ in ("a", "an", "per", "each")
        and doc[k + 1].lemma_.lower() in (RATE_DENOMS)
    ):
        return k + 2
    return k


def _read_figure(doc: Doc, i: int, stop: int, sent_start: int) -> Figure | None:
    """A whole figure starting with the number at token i (hedge not included)."""
    num = read_number(doc, i, stop)
    if num is None:
        return None
    first_num = num.start
    if is_not_figure(doc, first_num, num, sent_start) or is_year(doc, first_num, num):
        return None
    if is_idiom(doc, first_num, num, sent_start):
        return None
    unit, k, noun = read_unit(doc, num.end, stop, num)
    if num.article and not _one_measure(doc, i, k, stop, sent_start):
        return None
    fractional = num.kind == "fraction"
    if unit is not None and unit.name == "point":
        if share_points(doc, i, k, sent_start, stop, fractional):
            unit = Unit("percent")
    if unit is not None and unit.name in TIME_UNITS and k < stop and doc[k].lower_ in NAMED_TERMS:
        return None
    rate_of = None
    if unit is None and num.kind == "num" and num.value is not None:
        rate_of = exchange_rate(doc, k, stop, sent_start)
        if rate_of is not None:
            unit, k = rate_of[0], rate_of[1]
    if unit is None and num.kind != "fraction":
        noun, k = _counted_noun(doc, first_num, num.end, stop, num.kind == "vague")
        if noun is not None and _not_counted(doc[noun], num):
            noun, k = None, num.end
        if noun is not None:
            hit = measure_unit([doc[noun].lemma_.lower()]) or measure_unit([doc[noun].lower_])
            if hit and hit[0].name in TIME_UNITS:
                unit = Unit(hit[0].name, hit[0].factor)
            elif doc[noun].lower_ in ("percent",):
                unit = Unit("percent")
    if unit is None and noun is None and i > sent_start and doc[i - 1].lower_ in ("aged", "age"):
        unit = Unit("year")
    if (
        unit is not None
        and unit.name in TIME_UNITS
        and num.value is not None
        and [t.lower_ for t in doc[k : k + 3]] == ["and", "a", "half"]
    ):
        num.value, k = num.value + 0.5, k + 3  # "a year and a half"
    fig = Figure(i, k, num.value, num.low, num.high, kind=num.kind)
    fig.num_tokens = list(range(first_num, num.end))
    fig.noun = noun
    if unit is not None:
        fig.unit, fig.money = unit.name, unit.money
        fig.unit_text = rate_of[2] if rate_of else _unit_text(doc, i, num, k)
        if unit.money and not rate_of:
            fig.end = price_per(doc, k, stop)
        fig.factor = unit.factor
        if unit.factor != 1.0:
            fig.value = None if fig.value is None else fig.value * unit.factor
            fig.low = None if fig.low is None else fig.low * unit.factor
            fig.high = None if fig.high is None else fig.high * unit.factor
    elif noun is not None and doc[noun].lemma_.lower() in ANAPHORIC_NOUNS:
        fig.unit_text = doc[noun].text  # "four others": the unit of the figure it follows
    elif noun is not None:
        fig.unit = counted_unit_of(doc[noun])
        fig.unit_text = doc[noun].text
        rate = per_time(doc, fig.end, stop)
        if rate is not None and fig.end == noun + 1:
            fig.end = rate[1]  # "300 patients a day": the count keeps its unit, the text the rate
    return fig


# words after "a mile" that make it a distance: "a mile away", "a kilometre long"
EXTENT_AFTER = frozenset("away long wide deep high tall inland offshore across thick".split())


def _one_measure(doc: Doc, i: int, k: int, stop: int, sent_start: int) -> bool:
    """ "more than a kilometre", "about a mile", "a metre deep": "a" counts as one before a
    measure only when hedged or given as an extent; "a litre of petrol" names no figure."""
    if hedge_before(doc, i, sent_start)[0] is not None:
        return True
    return k < stop and doc[k].lower_ in EXTENT_AFTER


# nouns that count whatever the figure before them counted: "11 killed and four others hurt"
ANAPHORIC_NOUNS = frozenset("other more".split())


def _unit_text(doc: Doc, i: int, num: Num, k: int) -> str:
    """The unit as written: "square miles", "$", "lira", "percentage point"."""
    if k > num.end:
        x = num.end
        while x < k - 1 and doc[x].lower_ in ("-", "of", "a", "an"):
            x += 1
        return doc[x:k].text
    if num.currency:
        return num.symbol or doc[i].text
    if num.glued_unit is not None:
        return doc[num.end - 1].text.lstrip("0123456789.,")
    return doc[i : num.end].text


def _join_range(doc: Doc, a: Figure, stop: int, sent_start: int, between: bool) -> Figure:
    """ "12 to 18 months", "between 10,000 and 15,000 people", "10,000-12,000": one range."""
    k = a.end
    if k >= stop:
        return a
    joiner = doc[k].lower_
    if not ((joiner in ("to", "-", "–", "—") and not between) or (joiner == "and" and between)):
        return a
    if a.noun is not None and a.unit not in (None, "person", "item", "count") or a.kind == "vague":
        if a.noun is not None:
            return a
    b = _read_figure(doc, k + 1, stop, sent_start)
    if b is None or b.value is None or a.value is None:
        return a
    if a.unit and b.unit and a.unit != b.unit:
        return a
    if a.noun is not None and a.unit in ("person", "item", "count"):
        return a
    if a.unit_text and b.unit_text and a.unit_text.lower() != b.unit_text.lower() and not a.money:
        return a
    low, high = a.value, b.value
    if b.unit and not a.unit:
        low *= b.factor  # "25 to 50 basis points", "two to three decades": one unit for both
    # "between 10 and 12 million": the scale written once covers both ends
    digits_a = doc[a.num_tokens[-1]].text if a.num_tokens else ""
    if len(b.num_tokens) > 1 and len(a.num_tokens) == 1 and low < high / 1000 and digits_a:
        scale = nb.SCALES.get(doc[b.num_tokens[-1]].lower_, 1.0)
        low *= scale
    if low > high:
        return a
    rng = Figure(a.start, b.end, None, low, high, unit=b.unit or a.unit, kind="range")
    rng.unit_text, rng.money, rng.noun = b.unit_text or a.unit_text, b.money or a.money, b.noun
    rng.num_tokens = a.num_tokens + b.num_tokens
    rng.end = _rate_suffix(doc, rng.end, stop)
    return rng


def scan_sentence(doc: Doc, start: int, end: int) -> list[Figure]:
    """Every figure in the sentence doc[start:end], in order."""
    figures: list[Figure] = []
    i = start
    covered = start
    while i < end:
        fig = _read_figure(doc, i, end, start) if i >= covered or _is_inner(doc, i) else None
        if fig is None:
            i += 1
            continue
        prev = doc[i - 1].lower_ if i > start else ""
        hedge, hstart = hedge_before(doc, i, start)
        between = prev == "between" or (hstart > start and doc[hstart - 1].lower_ == "between")
        from_start = hstart - 1 if hedge else i - 1
        from_change = from_start >= start and doc[from_start].lower_ == "from"
        before = doc[(hstart if hedge else i) - 1] if (hstart if hedge else i) > start else None
        change_amount = before is not None and before.lemma_.lower() in CHANGE_VERBS
        if not from_change and not change_amount:
            fig = _join_range(doc, fig, end, start, between)
        if fig.kind == "range" and between:
            hstart = (hstart if hedge else i) - 1
            hedge = None
        if hedge is None:
            hedge, fig.end = hedge_after(doc, fig.end, end)
            noun = doc[fig.end] if hedge and fig.end < end else None
            if noun is not None and fig.noun is None and noun.tag_ == "NNS" and fig.unit is None:
                fig.noun, fig.end = noun.i, noun.i + 1
                fig.unit, fig.unit_text = counted_unit_of(noun), noun.text
        if hedge:
            fig.approx = hedge
        fig.start = min(fig.start, hstart)
        if fig.kind != "range" and _hyphen_pair(doc, fig, end):
            i = fig.end + 2
            continue
        if _is_relative_date(doc, fig, end):
            i = max(fig.end, i + 1)
            continue
        fig.from_change = from_change
        fig.end = _rate_suffix(doc, fig.end, end) if fig.kind == "range" else fig.end
        figures.append(fig)
        covered = max(fig.end, i + 1)
        i = max(fig.num_tokens[-1] + 1, i + 1) if fig.num_tokens else covered
    return _link_restatements(doc, figures)


def _hyphen_pair(doc: Doc, fig: Figure, stop: int) -> bool:
    """ "won 3-1", "a 2-0 lead": a score or code, not a range, when written X-Y with X > Y."""
    k = fig.end
    return (
        fig.unit is None
        and k + 1 < stop
        and doc[k].text in ("-", "–")
        and not doc[k - 1].whitespace_
        and doc[k + 1].text.isdigit()
    )


def _is_inner(doc: Doc, i: int) -> bool:
    """A figure nested inside another: "quarter-point" in "two quarter-point cuts"."""
    return (
        doc[i].lower_ in ("half", "quarter") and i + 2 < len(doc) and doc[i + 2].lower_ == "point"
    )


# before "a week", words that make it a length of time rather than a point in time
DURATION_PREPS = frozenset("within for than of in over during throughout across nearly".split())
DURATION_VERBS = frozenset("last take spend wait need require endure lose".split())


def _is_relative_date(doc: Doc, fig: Figure, stop: int) -> bool:
    """ "two weeks ago", "a year earlier": a time that only places an event."""
    if fig.unit not in TIME_UNITS:
        return False
    if fig.end < stop and doc[fig.end].lower_ in RELATIVE_AFTER:
        return True
    first = doc[fig.num_tokens[0]] if fig.num_tokens else doc[fig.start]
    if first.lower_ in ("a", "an") and len(fig.num_tokens) == 1 and fig.approx is None:
        if fig.end < stop and doc[fig.end].lower_ == "of":
            return False  # "after a week of heavy rain": how long something went on
        if fig.end < stop and doc[fig.end].lower_ in ("'s", "’s"):
            return True  # "in a week's time" places an event
        before = doc[fig.start - 1] if fig.start > 0 else None
        if before is not None and before.lemma_.lower() in DURATION_VERBS:
            return False  # "the search took a week"
        return before is None or before.lower_ not in DURATION_PREPS
    return False


def _link_restatements(doc: Doc, figures: list[Figure]) -> list[Figure]:
    """ "1,200 square kilometers (463 square miles)": the second restates the first."""
    for n in range(1, len(figures)):
        a, b = figures[n - 1], figures[n]
        gap = doc[a.end : b.start].text.strip()
        if gap in ("(", ", or", "or", "— or", ", or about", "(about") and a.unit and b.unit:
            if a.unit != b.unit and (a.money == b.money):
                b.linked_to = n - 1
    return figures
