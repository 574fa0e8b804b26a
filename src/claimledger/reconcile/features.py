"""What a stored figure measures, as comparable features: terms, concepts, places, time.

Reconciliation reads stored claims, never re-parses articles, so the features come from
the figure's own fields: its `subject` (a short noun phrase), its counted `noun`, its
`text` and, more weakly, the words next to it in its `sentence` (see `lexicon`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from claimledger.model import Quantity
from claimledger.reconcile.lexicon import (
    EXCLUSIVE,
    MODAL,
    MONEY_FORMS,
    SCOPE,
    fold,
    places_in,
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
    head_places: frozenset[str]
    places: frozenset[str]  # names in the subject (actors and places alike)
    where: frozenset[str]  # names after "in", "across", "inside" …: where it is measured
    when: tuple[int, int] | None
    forecast: bool
    share: bool  # a percent or fraction *of* something ("40 percent of the ground")
    points: bool  # a change in percentage points, not a level in percent
    scope: frozenset[str]  # rate markers: per (average, monthly …), year (annual …)

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
    places = places_in(" ".join(x for x in (q.subject, q.place) if x), demonyms=False)
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
        concepts=frozenset(t for t in term_set if t in EXCLUSIVE),
        head_places=frozenset(places_in(q.text)),
        places=frozenset(places),
        where=frozenset(where_in(q.subject)),
        when=parse_as_of(q.as_of or published),
        forecast=forecast,
        share=dim == "ratio" and is_share(q),
        points=dim == "ratio" and "point" in fold(f"{q.unit_text} {q.text}"),
        scope=frozenset(SCOPE[w] for w in fold(described).split() if w in SCOPE),
    )


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
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[doc] = {w: v / norm for w, v in vec.items()}
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
