"""What looks like a number but is not a figure: dates, years, clock times, ordinals,
magnitudes, numbers inside names, and idioms such as "one of the" or "day one"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimledger.extract.quantities import numbers as nb
from claimledger.extract.quantities.nouns import counted_unit_of, is_person_noun
from claimledger.extract.quantities.numreader import Num
from claimledger.extract.quantities.units import currency_word, measure_unit

MONTHS = {
    m
    for name in (
        "january february march april may june july august september october november december"
    ).split()
    for m in (name, name[:3], name[:3] + ".", name[:4] + ".", name[:4])
} - {"mar", "may.", "june.", "july."}
MONTHS |= {"sept", "sept."}
TIME_WORDS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "et", "bst", "cet"}
NAME_WORDS = {
    "category",
    "level",
    "phase",
    "stage",
    "article",
    "section",
    "chapter",
    "resolution",
    "grade",
    "page",
    "route",
    "highway",
    "interstate",
    "flight",
    "room",
    "gate",
    "platform",
    "no",
    "no.",
    "number",
    "#",
    "version",
    "model",
    "class",
    "type",
    "seat",
    "tier",
    "district",
    "ward",
    "precinct",
    "unit",
    "act",
    "covid",
    "covid-",
    "g",
    "day",
    "week",
    "game",
    "round",
    "season",
    "vol.",
    "volume",
    "magnitude",
    "richter",
}
# "10-year yield", "a 52-week high": a hyphenated time that names a thing, not a length
NAMED_TERMS = frozenset(
    "old yield yields bond bonds note notes treasury high low anniversary".split()
)
ONE_IDIOMS = frozenset(
    "day time way side thing hand part point reason question issue example case kind sort "
    "option thing another".split()
)
# "one" after these prepositions picks out a thing rather than counting it
DETERMINER_PREPS = frozenset("in at on near from inside outside into across".split())
RELATIVE_AFTER = {"ago", "earlier", "later", "prior", "old", "hence"}
DIGITS_IN = re.compile(r"\d")


def is_not_figure(doc: Doc, i: int, num: Num, sent_start: int) -> bool:
    """True when the number at i is a date, year, time, ordinal, magnitude or part of a name."""
    tok = doc[i]
    text = tok.text
    prev = doc[i - 1] if i > sent_start else None
    nxt = doc[num.end] if num.end < len(doc) else None
    if ":" in text or "/" in text:
        return True
    if prev is not None and (prev.lower_ in MONTHS or prev.lower_.rstrip(".") in MONTHS):
        return True
    if nxt is not None and (nxt.lower_ in MONTHS and nxt.text[0].isupper()):
        return True
    if nxt is not None and nxt.lower_ in TIME_WORDS:
        return True
    if prev is not None and prev.lower_ in NAME_WORDS and num.currency is None:
        return True
    if nxt is not None and nxt.lower_ == "-" and num.end + 1 < len(doc):
        after = doc[num.end + 1].lower_
        if after in ("magnitude", "point") or (
            after == "year" and num.end + 3 < len(doc) and doc[num.end + 3].lower_ == "old"
        ):
            return after != "point"
    if nxt is not None and nxt.lower_ in ("magnitude", "richter"):
        return True
    if (
        num.currency is None
        and not num.scaled
        and DIGITS_IN.search(text)
        and not _unit_follows(doc, num.end)
        and _in_name(doc, i, sent_start)
    ):
        return True
    if _age_apposition(doc, i, num, sent_start) or _age(doc, i, num, sent_start):
        return True
    if prev is not None and prev.text in ("-", "–") and i - 2 >= sent_start:
        before = doc[i - 2].text
        if before.replace(",", "").isdigit() and not doc[i - 2].whitespace_:
            return num.value is not None and num.value < float(before.replace(",", ""))
        if before.isalpha() and before[:1].isupper() and not nb.word_value(before):
            return True
    return False


def _unit_follows(doc: Doc, k: int) -> bool:
    """ "lent Kenya 300 shillings": a currency or measure after the number, so no model name."""
    words = [t.lower_ for t in doc[k : k + 3]]
    return bool(words) and (currency_word(words) is not None or measure_unit(words) is not None)


def _age_apposition(doc: Doc, i: int, num: Num, sent_start: int) -> bool:
    """ "Maria Lopez, 45, said": an age set off by commas after a name."""
    if num.currency or num.end >= len(doc) or i - 2 < sent_start:
        return False
    return (
        doc[i - 1].text == ","
        and doc[num.end].text == ","
        and doc[i - 2].pos_ == "PROPN"
        and doc[i].text.isdigit()
        and int(doc[i].text) < 120
    )


AGE_WORDS = frozenset({"aged", "age", "ages"})
AGE_COMPARISONS = frozenset({"older", "younger"})


def _age(doc: Doc, i: int, num: Num, sent_start: int) -> bool:
    """An age, not a figure: "children aged 10 to 14", "between the ages of 18 and 35",
    "older than 60", "people under 20" (a person noun, then under/over and a bare number)."""
    value = num.value if num.value is not None else num.high
    if num.currency or num.scaled or num.glued_unit or value is None or value >= 130:
        return False
    nxt = doc[num.end] if num.end < len(doc) else None
    counts_a_noun = nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lemma_ != "year"
    if i - 2 >= sent_start and doc[i - 1].lower_ in ("to", "and", "-", "–") and doc[i - 2].like_num:
        i -= 2  # the upper end of "aged 10 to 14" or "the ages of 18 and 35"
    before = [t.lower_ for t in doc[max(sent_start, i - 4) : i]]
    if before[-1:] and before[-1] in AGE_WORDS or before[-2:] == ["ages", "of"]:
        return True
    if before[-2:] and before[-1] == "than" and before[-2] in AGE_COMPARISONS:
        return not counts_a_noun
    if len(before) >= 2 and before[-1] in ("under", "over"):
        owner = doc[i - 2]
        return owner.pos_ in ("NOUN", "PROPN", "PRON") and (
            is_person_noun(owner.lemma_.lower()) or owner.lower_ in ("those", "anyone", "everyone")
        )
    return False


def _in_name(doc: Doc, i: int, sent_start: int) -> bool:
    """ "Resolution 2736", "iPhone 15", "HR 1", "No. 2", "10 Downing Street": part of a name."""
    tok = doc[i]
    prev = doc[i - 1] if i > sent_start else None
    if prev is not None and i - 1 > sent_start:
        capital = any(c.isupper() for c in prev.text)
        if capital and (prev.pos_ == "PROPN" or (prev.text.isalpha() and prev.text.isupper())):
            return True
        if prev.text == "." and i - 2 >= sent_start and doc[i - 2].lower_ == "no":
            return True
    head = tok.head
    return (
        tok.dep_ in ("nummod", "compound")
        and head.i > i
        and head.pos_ == "PROPN"
        and head.text[:1].isupper()
        and doc[i + 1].pos_ == "PROPN"
        and not (head.i == i + 1 and counted_unit_of(head) == "person")  # "300 Americans"
    )


def is_year(doc: Doc, i: int, num: Num) -> bool:
    text = doc[i].text
    if num.currency or num.scaled or not text.isdigit() or len(text) != 4:
        return False
    return 1800 <= int(text) <= 2100


def is_idiom(doc: Doc, i: int, num: Num, sent_start: int) -> bool:
    """Idioms: "one of the", "no one", "day one", a capitalised number word inside a name."""
    tok = doc[i]
    low = tok.lower_
    if num.kind != "num" or not num.word or num.currency:
        return False
    if tok.text[:1].isupper() and i > sent_start and doc[i - 1].text not in ('"', "“", "(", "‘"):
        return True
    if i > sent_start and doc[i - 1].text == "-":
        return True
    if low == "one":
        nxt = doc[num.end] if num.end < len(doc) else None
        if nxt is None:
            return True
        if num.scaled or measure_unit([nxt.lower_]) or nxt.lower_ in ("percent", "%"):
            return False
        if i > sent_start and doc[i - 1].lower_ in DETERMINER_PREPS:
            return True  # "in one village near the river": a determiner, not a count
        later = {t.lower_ for t in doc[num.end : num.end + 8]}
        return not (
            nxt.pos_ == "NOUN"
            and tok.head.i == nxt.i
            and nxt.lemma_.lower() not in ONE_IDIOMS
            and not later & {"another", "other", "both"}
        )
    return False
