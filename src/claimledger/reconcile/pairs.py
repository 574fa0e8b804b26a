"""Pair rules: whether two figures can measure the same thing, read from their features
and from what their article says between them.

Vetoes (different concepts, places, scopes; a part and its whole; parts and total of a
sum), the arithmetic an article spells out (a count split into parts, a change in points
and its two levels), restatements of one number, and how far apart two values are.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from decimal import Decimal
from itertools import combinations

from claimledger.reconcile.features import Figure
from claimledger.reconcile.lexicon import RELATED, RUNNING, STOP, WEAK, fold, stem

# Dimensions whose figures count people or things.
COUNTED = frozenset({"people", "count", "items"})


def related(a: Figure, b: Figure) -> bool:
    """True when the two figures' concepts overlap without being equal (casualties, deaths)."""
    return any(
        (x in a.concepts and y in b.concepts) or (y in a.concepts and x in b.concepts)
        for x, y in (tuple(pair) for pair in RELATED)
    )


def place_penalty(a: Figure, b: Figure) -> float:
    """Penalty when one figure names more places (or concepts) than the other."""
    penalty = 0.0
    if a.where and b.where and a.where != b.where:
        penalty += 0.35  # a part and a whole: "in Syria" and "in Turkey and Syria"
    elif a.places and b.places and not (a.places <= b.places or b.places <= a.places):
        penalty += 0.1 if a.places & b.places else 0.2
    if bool(a.concepts) != bool(b.concepts):
        penalty += 0.2
    if a.scope != b.scope:
        penalty += 0.2  # "average monthly gain" against a total
    return penalty


def same_sentence(a: Figure, b: Figure) -> bool:
    """True when two figures stand in one sentence of one article."""
    return a.doc == b.doc and bool(a.q.sentence) and a.q.sentence == b.q.sentence


def part_of(a: Figure, b: Figure) -> bool:
    """True when one figure names a part of the other: "64 rescued, among them nine children"."""
    if not same_sentence(a, b):
        return False
    sentence = a.q.sentence
    ia, ib = sentence.find(a.q.text), sentence.find(b.q.text)
    if ia < 0 or ib < 0:
        return False
    first = a if ia <= ib else b
    between = sentence[min(ia, ib) + len(first.q.text) : max(ia, ib)]
    if ADDED.search(sentence[: min(ia, ib)]):
        return True  # "Together with the 41 survivors, … on board at 93": an addend
    return bool(PART_CUE.search(between)) and not PARENTHESIS.fullmatch(between.strip())


def vetoed(a: Figure, b: Figure) -> bool:
    """True when two figures name incompatible concepts, places or directions."""
    if a.doc == b.doc and a.q.text == b.q.text:
        return True
    if a.concepts and b.concepts and not a.concepts & b.concepts and not related(a, b):
        return True
    if a.local and b.local and a.local != b.local and same_sentence(a, b):
        return True  # "22 died and as many as 30 were missing": each names its own count
    if part_of(a, b):
        return True
    if a.head_places and b.head_places and not a.head_places & b.head_places:
        return True
    if a.where and b.where and not a.where & b.where:
        return True
    if a.scope and b.scope and a.scope != b.scope:
        return True
    if a.dimension == b.dimension == "ratio" and (a.share != b.share or a.points != b.points):
        return True
    if a.dimension != b.dimension:
        return bool(a.q.change and b.q.change and a.q.change != b.q.change)
    if a.doc == b.doc and a.places and b.places and a.places.isdisjoint(b.places):
        # One article names different places for them: "Kula fire", "Lahaina fire". Tolls
        # are left to the place penalty: a town's count may be a claim about the whole.
        return not (a.dimension in COUNTED and a.concepts and a.concepts == b.concepts)
    if a.doc != b.doc and times_apart(a, b) > HUGE_CHANGE:
        return not (a.dimension in COUNTED and a.concepts and a.concepts == b.concepts)
    if a.doc == b.doc and a.q.sentence != b.q.sentence and times_apart(a, b) > HUGE_CHANGE:
        # One article does not report one count at 22 and at 1,200 in two places: the
        # larger is a wider measure (the year's toll on a route, the whole country's).
        return True
    return bool(a.q.change and b.q.change and a.q.change != b.q.change)


MAX_PART_GROUP = 16  # sums are looked for among at most this many figures of one concept
SUM_SLACK = 0.01  # stated values of parts and total add up this closely …
MIN_PART = 0.05  # … and each part is at least this share of the total


def sum_parts(figures: list[Figure]) -> set[tuple[int, int]]:
    """Pairs that are parts and whole of a sum in one article: a + b = c, same concept.

    "2,662 died in A, taking the combined toll to 11,236" after "8,574 died in B": the
    three figures count deaths in different places, so none of them measures another.
    Only figures with a concept of their own (deaths, cases …) are summed; two parts of a
    total are kept apart from each other and from the total.
    """
    by_concept: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        concept = f.local or (next(iter(f.concepts)) if len(f.concepts) == 1 else None)
        if concept and f.base and f.q.linked_to is None and f.dimension in COUNTED:
            by_concept[(f.doc, f.dimension, concept)].append(f)
    out: set[tuple[int, int]] = set()
    for group in by_concept.values():
        if len(group) < 3 or len(group) > MAX_PART_GROUP:
            continue
        for total in group:
            for a, b in combinations([f for f in group if f is not total], 2):
                if a.base is None or b.base is None or total.base is None:
                    continue
                whole = a.base + b.base
                if min(a.base, b.base) < MIN_PART * total.base:
                    continue
                if abs(whole - total.base) <= SUM_SLACK * total.base:
                    out.update({(a.index, total.index), (b.index, total.index)})
                    out.add((a.index, b.index))
    return out


MAX_SENTENCE_FIGURES = 8  # sums are looked for in sentences with at most this many figures


def stated_sums(figures: list[Figure]) -> set[tuple[int, int]]:
    """Pairs tied by arithmetic the article spells out, so they belong to one group.

    - a count split into parts in one sentence: "Five of the seven judges … the other two";
    - a change in points and the two levels it is the difference of, the change sharing a
      sentence with one of them: "fell by 0.4 points, from 5.1 percent to 4.7 percent".
    """
    out: set[tuple[int, int]] = set()
    by_sentence: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    levels: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.base is None or f.q.linked_to is not None:
            continue
        if f.dimension in COUNTED and f.q.sentence and not f.concepts:
            by_sentence[(f.doc, f.q.sentence)].append(f)
        if f.dimension == "ratio":
            levels[f.doc].append(f)
    for group in by_sentence.values():
        if len(group) < 3 or len(group) > MAX_SENTENCE_FIGURES:
            continue
        for total in group:
            for a, b in combinations([f for f in group if f is not total], 2):
                if a.base and b.base and total.base and a.base + b.base == total.base:
                    out.update({(a.index, total.index), (b.index, total.index), (a.index, b.index)})
    out |= _spread_sums(figures)
    for group in levels.values():
        changes = [f for f in group if f.points and f.base]
        plain = [f for f in group if not f.points]
        for p in changes:
            for x, y in combinations(plain, 2):
                if p.q.sentence not in (x.q.sentence, y.q.sentence) or not (x.base and y.base):
                    continue
                if x.base == y.base or abs(abs(x.base - y.base) - (p.base or 0)) > 1e-9:
                    continue
                out.update({(p.index, x.index), (p.index, y.index), (x.index, y.index)})
    return out


MAX_NOUN_FIGURES = 8  # multi-part sums are looked for among at most this many counts


def _spread_sums(figures: list[Figure]) -> set[tuple[int, int]]:
    """Pairs of a total and the three parts it is split into across sentences.

    "won 71 of the 126 seats … the opposition won 43 seats, and others the remaining 12":
    counts of one noun in one article whose three parts add up exactly to a total that
    shares a sentence with one of them.
    """
    by_noun: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.base is None or f.q.linked_to is not None or f.concepts:
            continue
        if f.dimension in COUNTED and f.q.noun and f.q.value and not f.q.approx:
            by_noun[(f.doc, f.q.noun)].append(f)
    out: set[tuple[int, int]] = set()
    for group in by_noun.values():
        if len(group) < 4 or len(group) > MAX_NOUN_FIGURES:
            continue
        for total in group:
            rest = [f for f in group if f is not total]
            for parts in combinations(rest, 3):
                if sum(f.q.value or 0.0 for f in parts) != total.q.value:
                    continue
                if not any(f.q.sentence and f.q.sentence == total.q.sentence for f in parts):
                    continue
                for f in parts:
                    out.add((f.index, total.index))
                out.update((a.index, b.index) for a, b in combinations(parts, 2))
    return out


def shrinks(a: Figure, b: Figure, ratio: float) -> bool:
    """True when a running count (deaths, injuries, cases) falls sharply between reports.

    Tolls are revised down now and then (115 to 97), but a later toll at half an earlier
    one is far more likely a part (one country, one town) than the same count.
    """
    if not (a.concepts & b.concepts & RUNNING) or not a.when or not b.when:
        return False
    if a.when[0] == b.when[0]:  # same start: no order between the two reports
        return False
    first, last = (a, b) if a.when[0] < b.when[0] else (b, a)
    return last.high < first.low * ratio


def agrees(a: Figure, b: Figure, tolerance: float) -> bool:
    """True when the intervals two figures allow overlap, widened by `tolerance`."""
    return a.low <= b.high * (1 + tolerance) and b.low <= a.high * (1 + tolerance)


CHANGE_CUE = re.compile(
    r"\b(to|down|up|revis\w*|lower\w*|raised?|cut|compared|versus|vs|against|than|"
    r"or|previous\w*|earlier|before|after|instead|rather|only|first|initially|"
    r"originally|now|later|at|average|combined|total|together|bringing|taking|making)\b"
    r"|[(\u2013\u2014]",
    re.I,
)


PARENTHESIS = re.compile(r"\([^()]*\)")
ADDED = re.compile(
    r"\b(?:together with|along with|in addition to|on top of|added to)\s+(?:the\s+|an?\s+)?$",
    re.I,
)
PART_CUE = re.compile(
    r"\b(?:among them|among whom|including|included|of whom|of them|of which)\b", re.I
)


def listed_apart(a: Figure, b: Figure, tolerance: float) -> bool:
    """True for two different values listed side by side in one sentence ("X in A and Y in B").

    "according to" between them says nothing about how they relate, so it is ignored.
    Figures joined by a change or comparison ("from X to Y", "revised … to", "X (Y)") are
    not listed apart: they often measure the same thing.
    """
    if a.doc != b.doc or not a.q.sentence or a.q.sentence != b.q.sentence:
        return False
    if agrees(a, b, tolerance):
        return False
    sentence = a.q.sentence
    ia, ib = sentence.find(a.q.text), sentence.find(b.q.text)
    if ia < 0 or ib < 0:
        return False
    first, second = (a, b) if ia <= ib else (b, a)
    between = sentence[min(ia, ib) + len(first.q.text) : max(ia, ib)]
    # "185 km/h (115 mph) and gusts of 230 km/h": a restatement in brackets between them
    # says nothing of how the two relate; what is left of the stretch does.
    between = PARENTHESIS.sub(" ", between)
    if ")" in between:  # the later figure's own conversion ends inside the stretch
        between = between.split(")", 1)[1]
    return not CHANGE_CUE.search(re.sub(r"\baccording to\b", " ", between, flags=re.I))


def same_value(a: Figure, b: Figure) -> bool:
    """True when two figures state the very same, not trivially small, number."""
    if a.q.value is None or b.q.value is None or a.q.unit != b.q.unit:
        return False
    if a.dimension in {"people", "items", "count"} and a.q.value < 20:
        return False
    return abs(a.q.value - b.q.value) <= 0.005 * max(abs(a.q.value), abs(b.q.value))


def same_count(a: Figure, b: Figure) -> bool:
    """True when two exact counts give the same number of the same thing ("41 survivors",
    "a dozen children" and "12 children"): a restatement, however small the number."""
    if a.q.value is None or b.q.value is None or a.dimension not in COUNTED:
        return False
    if a.q.approx or b.q.approx or a.q.value != b.q.value:
        return False
    na, nb = stem(fold(a.q.noun)), stem(fold(b.q.noun))
    return bool(na) and na == nb and na not in WEAK and na not in STOP


def significant_digits(value: float) -> int:
    """How many significant digits a stated value has: 8,500,000 has 2, 1,000,000 has 1."""
    return len(Decimal(f"{abs(value):.9g}").normalize().as_tuple().digits)


def same_precise(a: Figure, b: Figure) -> bool:
    """True when two exact figures state one precise number in one unit ("$8.5 million",
    "1.3%"): round numbers such as "$1 million" coincide too often to count."""
    if a.q.value is None or b.q.value is None or a.q.unit != b.q.unit:
        return False
    if a.dimension in COUNTED or a.q.approx or b.q.approx or a.q.value != b.q.value:
        return False
    return significant_digits(a.q.value) >= 2


# Across articles, values this many times apart without a shared concept pay a penalty …
BIG_CHANGE = 5.0
HUGE_CHANGE = 20.0  # … and this many times apart they cannot be one measure


def times_apart(a: Figure, b: Figure) -> float:
    """How many times larger the larger figure is (1.0 when the values overlap)."""
    if agrees(a, b, 0.0):
        return 1.0
    lo, hi = sorted((a.mid, b.mid))
    if lo <= 0 or not math.isfinite(hi):
        return 1.0
    return hi / lo


def value_penalty(a: Figure, b: Figure) -> float:
    """Penalty that grows with how many times apart two figures' values are."""
    if agrees(a, b, 0.25):
        return 0.0
    lo, hi = sorted((a.mid, b.mid))
    if lo <= 0 or not math.isfinite(hi):
        return 0.0
    if a.dimension in COUNTED:
        return min(0.6, 0.3 * math.log10(hi / lo))
    return min(0.8, 0.5 * math.log10(hi / lo))
