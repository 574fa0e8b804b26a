"""What a stored figure measures, as comparable features: terms, concepts, places, time.

Reconciliation reads stored claims, never re-parses articles, so the features come from
the figure's own fields: its `subject` (a short noun phrase), its counted `noun`, its
`text` and, more weakly, the words next to it in its `sentence` (see `lexicon`). Figures
that share a sentence split it between them, so each reads what it counts from its own
stretch ("8,574 people had died" and "nearly 50,000 had been injured"), not from a subject
that may belong to its neighbour.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from claimledger.model import Quantity
from claimledger.reconcile.lexicon import (
    EXCLUSIVE,
    HARM,
    MODAL,
    MONEY_FORMS,
    MONEY_GIVEN,
    MONEY_LOST,
    SCOPE,
    WORD,
    fold,
    frame_where,
    harm_folded,
    places_in,
    stem,
    terms,
    where_in,
)
from claimledger.reconcile.units import dimension, to_base, unit_info


def parse_as_of(value: str | None) -> tuple[int, int] | None:
    """An ISO date, month, year or interval A/B as (first day, last day) ordinals."""
    if not value:
        return None
    parts = value.split("/")
    first, last = _bounds(parts[0]), _bounds(parts[-1])
    if first is None or last is None:
        return None
    return first[0], last[1]


def _bounds(text: str) -> tuple[int, int] | None:
    bits = text.strip()[:10].split("-")
    try:
        year = int(bits[0])
        if len(bits) == 1:
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(bits[1])
        if len(bits) == 2:
            end = date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1
            return date(year, month, 1).toordinal(), end
        day = date(year, month, int(bits[2])).toordinal()
        return day, day
    except (ValueError, IndexError):
        return None


@dataclass(slots=True)
class Figure:
    """One stored figure with the features reconciliation compares."""

    index: int
    doc: str
    quantity_id: int | None
    q: Quantity
    dimension: str
    base: float | None  # value in the base unit
    low: float  # lowest base value the figure allows, hedges and ranges included
    high: float
    terms: frozenset[str]  # subject, noun and text
    context: frozenset[str]  # words next to the figure in its sentence
    concepts: frozenset[str]  # exclusive concepts (death, injury …)
    local: str | None  # the concept named nearest the figure in its own part of the sentence
    total: bool  # said to be a combined total ("taking the combined toll to …")
    partner: int | None  # index of the figure this one restates in another unit ("(£40m)")
    head_places: frozenset[str]
    places: frozenset[str]  # names in the subject (actors and places alike)
    where: frozenset[str]  # names after "in", "across", "inside" …: where it is measured
    when: tuple[int, int] | None
    forecast: bool
    share: bool  # a percent or fraction *of* something ("40 percent of the ground")
    points: bool  # a change in percentage points, not a level in percent
    scope: frozenset[str]  # rate markers: per (average, monthly …), year (annual …)
    reference: bool = False  # a target or threshold ("the 1 per cent level"), not a measure

    @property
    def key(self) -> tuple[str, str]:
        """The figure's identity across runs: its article and its text."""
        return (self.doc, self.q.text)

    @property
    def mid(self) -> float:
        """A single representative base value (the point, or a range's geometric middle)."""
        if self.base is not None:
            return self.base
        if self.low > 0 and self.high < float("inf"):
            return (self.low * self.high) ** 0.5
        return self.low


TOTAL = re.compile(r"\b(?:combined|overall|altogether|all told|in all|grand total)\b", re.I)
# Dimensions whose figures count people or things, and so can count deaths, cases …
COUNTED = frozenset({"people", "count", "items"})
# A rate written into the figure itself: "10 to 20 a day", "242,000 jobs a month".
RATE = re.compile(r"\b(?:a|an|per|each)\s+(?:day|week|month|year|hour)\b", re.I)
HEDGE_UP = {"more than", "over", "at least", "above", "past", "upwards of"}
HEDGE_DOWN = {
    "less than",
    "up to",
    "under",
    "below",
    "as many as",
    "as high as",
    "almost",
    "nearly",
    "just under",
    "fewer than",
    "smaller than",
}


def value_bounds(q: Quantity, base: float | None, hedge_tolerance: float) -> tuple[float, float]:
    """The base-unit interval a figure allows, given its range and its hedge."""
    if base is None:
        low, high = to_base(q.low, q.unit), to_base(q.high, q.unit)
        if low is None and high is None:
            return 0.0, float("inf")
        low = low if low is not None else high
        high = high if high is not None else low
        return float(low or 0.0), float(high or 0.0)
    hedge = fold(q.approx).strip()
    if not hedge:
        return base, base
    if hedge in HEDGE_UP:
        return base, base * (1 + hedge_tolerance)
    if hedge in HEDGE_DOWN:
        return base * (1 - hedge_tolerance), base
    return base * (1 - hedge_tolerance), base * (1 + hedge_tolerance)


def context_window(q: Quantity, width: int = 6) -> str:
    """The words just around the figure's text in its sentence."""
    sentence, text = q.sentence or "", q.text or ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return ""
    before = sentence[:at].split()[-width:]
    after = sentence[at + len(text) :].split()[:width]
    return " ".join(before + after)


def make_figure(
    index: int,
    doc: str,
    quantity_id: int | None,
    q: Quantity,
    published: str | None,
    hedge_tolerance: float,
) -> Figure:
    """Build the comparable features of one stored figure."""
    base = to_base(q.value, q.unit)
    low, high = value_bounds(q, base, hedge_tolerance)
    described = " ".join(x for x in (q.subject, q.noun, q.text) if x)
    dim = dimension(q.unit) if unit_info(q.unit).factor is not None else q.unit
    found = terms(described)
    if dim == "money":
        found = [MONEY_FORMS.get(t, t) for t in found]
    term_set = frozenset(found)
    context = frozenset(terms(context_window(q, 10))) - term_set
    places = places_in(q.subject, demonyms=False) - {sentence_initial(q)}
    forecast = bool(MODAL.search(context_window(q, 8))) or bool(MODAL.search(q.subject or ""))
    return Figure(
        index=index,
        doc=doc,
        quantity_id=quantity_id,
        q=q,
        dimension=dim,
        base=base,
        low=low,
        high=high,
        terms=term_set,
        context=context,
        concepts=frozenset(t for t in term_set if t in exclusive_for(dim)),
        local=None,
        partner=None,
        total=bool(TOTAL.search(q.subject or "")),
        head_places=frozenset(places_in(q.text)),
        places=frozenset(places),
        where=frozenset(where_in(q.subject) or frame_where(q.sentence)),
        when=parse_as_of(q.as_of or published),
        forecast=forecast,
        share=dim == "ratio" and is_share(q),
        points=dim == "ratio" and "point" in fold(f"{q.unit_text} {q.text}"),
        scope=rate_scope(q, described),
        reference=is_reference(q),
    )


REFERENCE = re.compile(
    r"\s*(?:[a-z][\w-]*\s+)?(?:threshold|target|goal|benchmark|ceiling|cap|limit|level|mark)s?\b"
)


def is_reference(q: Quantity) -> bool:
    """True for a target or threshold named by the words after the figure ("above the 1 per
    cent level", "a 2 percent inflation target"): a yardstick, not a measurement."""
    sentence, text = q.sentence or "", q.text or ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return False
    return bool(REFERENCE.match(sentence[at + len(text) :]))


def sentence_initial(q: Quantity) -> str:
    """The subject's first word, folded, when it only has a capital for starting the sentence.

    "Estimates for November were raised …" gives a subject "Estimates for November": its
    capital says nothing about a name. A name the sentence opens with is lost too, which
    only costs a place check.
    """
    first = (q.subject or "").split(maxsplit=1)
    sentence = (q.sentence or "").split(maxsplit=1)
    if first and sentence and first[0] == sentence[0]:
        return fold(first[0]).removesuffix("'s")
    return ""


def rate_scope(q: Quantity, described: str) -> frozenset[str]:
    """Rate markers of a figure ("average", "a month"), unless its unit is itself a rate."""
    if "_per_" in (q.unit or ""):
        return frozenset()  # "barrels per day": every figure in that unit is a rate
    scope = {SCOPE[w] for w in fold(described).split() if w in SCOPE}
    if RATE.search(q.text or ""):
        scope.add("per")
    return frozenset(scope)


LOCAL_REACH = (20, 12)  # words before and after a figure searched for what it counts


def exclusive_for(dimension: str) -> frozenset[str]:
    """The exclusive concepts a figure of this dimension may count: none for measures,
    and no damage to buildings for people ("the fire that destroyed the town killed 99")."""
    if dimension not in COUNTED:
        return frozenset()
    return EXCLUSIVE - HARM if dimension == "people" else EXCLUSIVE


def nearest_concept(left: str, right: str, concepts: frozenset[str] = EXCLUSIVE) -> str | None:
    """The exclusive concept named nearest to a figure, given the text either side of it.

    "8,574 people had died … and nearly 50,000 had been injured": the second figure's own
    stretch holds only "had been injured", so it counts injuries whatever its subject says.
    A tie goes to the right, where English puts what a bare number counts. The right side
    ends at the first comma ("rose above 11,000, as rescue crews …"), the left at a semicolon.
    """
    before = [stem(w) for w in WORD.findall(harm_folded(fold(left.rsplit(";", 1)[-1])))][::-1]
    after_text = harm_folded(fold(re.split(r"[,;(]", right, maxsplit=1)[0]))
    after = [stem(w) for w in WORD.findall(after_text)]
    best: tuple[int, int, str] | None = None
    for side, words in ((1, before), (0, after)):
        for distance, w in enumerate(words[: LOCAL_REACH[1 - side]]):
            if w in concepts:
                if best is None or (distance, side) < best[:2]:
                    best = (distance, side, w)
                break
    return best[2] if best else None


def money_concept(stretch: str) -> frozenset[str]:
    """{"aid"} for money given, {"cost"} for money lost, from a figure's own words."""
    words = {stem(w) for w in WORD.findall(fold(stretch))}
    if words & MONEY_GIVEN:
        return frozenset({"aid"})
    if words & MONEY_LOST:
        return frozenset({"cost"})
    return frozenset()


BOUNDARY = re.compile(r"[,;:]|\b(?:and|but|while|whereas|as well as|plus)\b", re.I)


def split_between(between: str) -> tuple[str, str]:
    """Share the words between two figures: up to the first clause boundary they belong to
    the first figure ("412 people had died"), after it to the second ("and … injured").
    Without a boundary both figures read all of them."""
    m = BOUNDARY.search(between)
    if m is None:  # "rebuilding 3,088 homes would cost $1.3 billion": both read it
        return between, between
    return between[: m.start()], between[m.end() :]


def apply_local_concepts(figures: list[Figure]) -> None:
    """Set each figure's concept from its own stretch of sentence, between its neighbours.

    The stretch runs from the end of the figure before it in the sentence to the start of
    the one after it. A concept found there replaces the other exclusive concepts the
    figure's subject may have picked up from its neighbours.
    """
    by_sentence: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.q.sentence and f.q.text:
            by_sentence[(f.doc, f.q.sentence)].append(f)
    for (_, sentence), group in by_sentence.items():
        located: list[tuple[int, int, Figure]] = []
        cursor = 0
        for f in sorted(group, key=lambda g: (g.q.start, g.index)):
            at = sentence.find(f.q.text, cursor)
            if at < 0:
                at = sentence.find(f.q.text)
            if at < 0:
                continue
            located.append((at, at + len(f.q.text), f))
            cursor = at + len(f.q.text)
        located.sort(key=lambda x: x[0])
        for n, (at, end, f) in enumerate(located):
            if n > 0:
                left = split_between(sentence[located[n - 1][1] : at])[1]
            else:
                left = sentence[:at]
            if n + 1 < len(located):
                right = split_between(sentence[end : max(located[n + 1][0], end)])[0]
            else:
                right = sentence[end:]
            near = " ".join(left.split()[-8:] + re.split(r"[,;(]", right)[0].split()[:3])
            f.total = f.total or bool(TOTAL.search(near))
            if len(located) > 1:  # a neighbour's "expected" is not this figure's
                own = " ".join(left.split()[-8:] + right.split()[:8])
                f.forecast = bool(MODAL.search(own)) or bool(MODAL.search(f.q.subject or ""))
            if f.dimension == "money":
                f.concepts = money_concept(f"{left} {right}") or f.concepts
                continue
            local = nearest_concept(left, right, exclusive_for(f.dimension))
            if local is None or f.dimension not in COUNTED:
                continue
            f.local = local
            if f.concepts and local not in f.concepts:
                _own_stretch(f, f"{left} {f.q.text} {right}")
            f.concepts = frozenset({local})
            f.terms = frozenset(t for t in f.terms if t not in EXCLUSIVE) | {local}
            f.context = f.context - f.terms
        money = [f for _, _, f in located if f.dimension == "money"]
        kinds = {c for f in money for c in f.concepts}
        if len(kinds) == 1:  # "…, while the government put the figure at $2 billion"
            for f in money:
                f.concepts = f.concepts or frozenset(kinds)
        for f in money:  # a cost is one measure per story; aid differs by donor
            f.terms = f.terms | (f.concepts & {"cost"})
    for f in figures:
        if f.partner is not None and not f.concepts:  # "2 trillion lira ($103.6 billion)"
            f.concepts = figures[f.partner].concepts
        if f.dimension == "count" and f.concepts:
            f.dimension = "people"  # "7,450 cases", "97 deaths": people, whatever the unit


def _own_stretch(f: Figure, stretch: str) -> None:
    """Describe a figure by its own stretch of sentence when its subject is a neighbour's.

    A subject that names another concept than the figure's own stretch ("74" given the
    subject of the "91,000 people in shelters" next to it) also brings the neighbour's
    places, so terms and places are read from the stretch instead.
    """
    f.terms = frozenset(terms(stretch))
    f.places = frozenset(places_in(stretch, demonyms=False))
    f.where = frozenset(where_in(stretch))


def is_share(q: Quantity) -> bool:
    """True when a percent or fraction is a share of something, not a rate or a change."""
    subject = fold(q.subject)
    if subject.startswith(("share", "proportion", "fraction", "part")):
        return True
    sentence, text = q.sentence or "", q.text or ""
    at = sentence.find(text) if text else -1
    if at < 0:
        return False
    return bool(re.match(r"\s*(?:of\b|\(|,\s*or\b)", sentence[at + len(text) :]))


def doc_profiles(figures: list[Figure]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of each article, from the sentences of its figures."""
    counts: dict[str, dict[str, float]] = {}
    seen: set[tuple[str, str]] = set()
    for f in figures:
        if (f.doc, f.q.sentence) in seen:
            continue
        seen.add((f.doc, f.q.sentence))
        bag = counts.setdefault(f.doc, {})
        names = [f"@{p}" for p in places_in(f.q.sentence)]
        words = terms(f.q.sentence) + names + names
        for w in words:
            bag[w] = bag.get(w, 0.0) + 1.0
    df: dict[str, int] = {}
    for bag in counts.values():
        for w in bag:
            df[w] = df.get(w, 0) + 1
    n = len(counts)
    out: dict[str, dict[str, float]] = {}
    for doc, bag in counts.items():
        vec = {w: (1 + math.log(c)) * math.log(1 + n / df[w]) for w, c in bag.items()}
        vec = {w: v for w, v in vec.items() if v > 0}
        norm = math.sqrt(math.fsum(v * v for v in vec.values())) or 1.0
        out[doc] = {w: v / norm for w, v in vec.items()}
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return math.fsum(v * b.get(w, 0.0) for w, v in a.items())
