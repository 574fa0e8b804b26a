"""Which stored figures measure the same real-world quantity.

Figures are compared only inside blocks: the same dimension (people with people, area with
area), within one article or across two articles alike enough to tell the same story (found
through their top terms, so the work grows with the number of alike pairs, not with the
square of the ledger). A pair scores the IDF-weighted overlap of what the figures describe,
less penalties when their values are far apart, when they name different places or one
names a concept the other lacks, when one is a combined total and the other not, when a
running count falls sharply, or when one sentence lists them side by side; sharing a
concept (both count deaths, both a cost) earns a bonus. A pair is vetoed when the figures
name different nationalities in their own words ("North Korean troops" is not "Russian
troops"), different places after "in", exclusive concepts ("killed" is not "injured",
aid is not damage), different places in one article, values over 20 times apart across
articles without a shared concept, or when they are parts and total of a sum in one
article ("2,662 in A, taking the combined toll to 11,236"). A stated conversion ("£40m
($50m)") always joins the figure it restates. Groups grow greedily from pairs that score
well or are each other's best match, with complete-link vetoes and an average-link floor
so that chains of weak pairs do not merge unrelated figures. Shares (percent, fraction)
then join the group of the absolute figures they are a share of. The pair rules live in
`pairs`.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from claimledger.reconcile.features import Figure, cosine, doc_profiles
from claimledger.reconcile.lexicon import EXCLUSIVE, RELATED, WEAK
from claimledger.reconcile.pairs import (
    BIG_CHANGE,
    agrees,
    listed_apart,
    place_penalty,
    same_count,
    same_precise,
    same_value,
    shrinks,
    stated_sums,
    sum_parts,
    times_apart,
    value_penalty,
    vetoed,
)

LOGGER = logging.getLogger(__name__)

VETO = -1.0
GIVEN = frozenset({"aid"})  # the concept of money given (see features.money_concept)
# Dimensions too common in news for their rarity in an article to mean anything.
COMMON_DIMENSIONS = frozenset({"people", "count", "items", "money", "ratio", "duration"})
# Confidence in a pair by how many informative terms the two figures share.
CONFIDENCE = (0.3, 0.45, 0.85, 1.0)


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Thresholds of the grouping; the defaults were set on the project's examples."""

    threshold: float = 0.5  # least pair score that may join two groups on its own
    floor: float = 0.25  # least score of a pair that are each other's best match …
    near_best: float = 0.1  # … or within this much of each one's best match
    average: float = 0.25  # least mean pair score between two groups being joined
    share_link: float = 0.45  # least score for a share to join an absolute figure's group
    context_weight: float = 0.35  # weight of sentence words next to the figure
    max_block: int = 300  # terms shared by more articles than this do not propose pairs
    doc_terms: int = 25  # an article's top terms used to find alike articles
    min_doc_similarity: float = 0.08  # articles less alike than this share no groups
    alike_docs: float = 0.15  # articles less alike than this share groups only at a penalty
    listing_penalty: float = 0.4  # two different values listed side by side in one sentence
    rare_dimension: int = 4  # two articles with this few figures of a dimension …
    rare_bonus: float = 0.3  # … get this bonus for a pair of them
    overlap_weight: float = 0.3  # share of the overlap coefficient (vs Dice) in a pair score
    same_value_bonus: float = 0.2  # the very same number in two places
    repeat_score: float = 0.55  # a bare number repeating a described one in one article
    concept_bonus: float = 0.25  # both count the same exclusive concept (deaths, cases …)
    total_penalty: float = 0.35  # one is a combined total of that concept, the other is not
    big_change_penalty: float = 0.2  # values over BIG_CHANGE times apart, no shared concept
    shrink: float = 0.7  # a later running count below this share of an earlier one …
    shrink_penalty: float = 0.3  # … is more likely another measure than a revision
    later_growth_days: int = 7  # counts this far apart in time may differ more
    tolerance: float = 0.05
    cross_currency_tolerance: float = 0.3


class Scorer:
    """Pair scores over one set of figures, with IDF weights learnt from that set."""

    def __init__(self, figures: list[Figure], settings: ClusterSettings) -> None:
        self.figures = figures
        self.settings = settings
        df: dict[str, int] = defaultdict(int)
        for f in figures:
            for t in f.terms | f.context:
                df[t] += 1
        n = len(figures) + 1
        self.idf = {t: math.log(n / (c + 0.5)) + 1.0 for t, c in df.items()}
        self.cache: dict[tuple[int, int], float] = {}
        self.profiles = doc_profiles(figures)
        self.per_doc: dict[tuple[str, str], int] = defaultdict(int)
        for f in figures:
            if f.q.linked_to is None:
                self.per_doc[(f.doc, f.dimension)] += 1
        self.doc_cache: dict[tuple[str, str], float] = {}
        self.bags: dict[tuple[int, bool], tuple[dict[str, float], float]] = {}
        self.related = [tuple(pair) for pair in RELATED]
        self.parts = sum_parts(figures)
        self.sums = stated_sums(figures)

    def bag(self, f: Figure, with_context: bool) -> tuple[dict[str, float], float]:
        """A figure's weighted terms (optionally with its context words) and their sum."""
        key = (f.index, with_context)
        if key not in self.bags:
            bag = {t: self.weight(t) for t in sorted(f.terms)}
            if with_context:
                cw = self.settings.context_weight
                for t in sorted(f.context):
                    bag.setdefault(t, self.weight(t) * cw)
            self.bags[key] = (bag, math.fsum(bag.values()))
        return self.bags[key]

    def doc_similarity(self, a: str, b: str) -> float:
        """How alike two articles are (1.0 for the same article)."""
        if a == b:
            return 1.0
        key = (a, b) if a < b else (b, a)
        if key not in self.doc_cache:
            self.doc_cache[key] = cosine(self.profiles.get(a, {}), self.profiles.get(b, {}))
        return self.doc_cache[key]

    def stated(self, f: Figure) -> Figure:
        """The figure a conversion restates ("115 mph" in "185 km/h (115 mph)"), else f."""
        return self.figures[f.partner] if f.partner is not None else f

    def informative(self, f: Figure) -> bool:
        """True when a figure's own words say what it measures (beyond generic nouns)."""
        return any(t not in WEAK for t in f.terms)

    def weight(self, term: str) -> float:
        """How much a shared term says about two figures measuring the same thing."""
        w = self.idf.get(term, 1.0)
        return w * 0.3 if term in WEAK else w

    def score(self, a: Figure, b: Figure) -> float:
        """Pair score in [0, 1], or VETO when the two cannot measure the same thing."""
        key = (a.index, b.index) if a.index < b.index else (b.index, a.index)
        if key not in self.cache:
            self.cache[key] = self._score(a, b)
        return self.cache[key]

    def _score(self, a: Figure, b: Figure) -> float:
        if a.dimension != b.dimension:
            return VETO
        if a.partner == b.index or b.partner == a.index:
            return 1.0
        if (a.index, b.index) in self.parts or (b.index, a.index) in self.parts:
            return VETO
        if a.reference or b.reference:
            return VETO  # a target or threshold is a yardstick, not a measure
        if (a.index, b.index) in self.sums or (b.index, a.index) in self.sums:
            return 1.0
        if vetoed(a, b):
            return VETO
        if restates(a, b, self.settings):
            return 1.0
        alike = self.doc_similarity(a.doc, b.doc)
        if alike < self.settings.min_doc_similarity:
            return VETO
        best = self._dice(a, b, False)
        if a.context or b.context:
            best = max(best, self._dice(a, b, True))
        apart = value_penalty(a, b)
        if a.doc != b.doc and a.dimension not in COMMON_DIMENSIONS:
            n = self.per_doc[(a.doc, a.dimension)] + self.per_doc[(b.doc, b.dimension)]
            if n <= self.settings.rare_dimension and apart < 0.3:
                best += self.settings.rare_bonus
        if same_value(a, b) or same_count(a, b):
            best += self.settings.same_value_bonus
            if a.doc != b.doc and (same_count(a, b) or same_precise(a, b)):
                best = max(best, self.settings.repeat_score)  # "41 survivors" in both
            if a.doc == b.doc and not (self.informative(a) and self.informative(b)):
                best = max(best, self.settings.repeat_score)  # "But 230,000 is still …"
        if a.concepts and a.concepts == b.concepts and not a.concepts & GIVEN:
            best += self.settings.concept_bonus  # aid differs by donor, so earns none
        penalty = apart + place_penalty(a, b)
        if a.concepts and a.concepts == b.concepts and a.total != b.total:
            if a.doc != b.doc or not agrees(a, b, self.settings.tolerance):
                penalty += self.settings.total_penalty
        if a.doc != b.doc and times_apart(a, b) > BIG_CHANGE:
            if not (a.concepts and a.concepts == b.concepts):
                penalty += self.settings.big_change_penalty
        if shrinks(a, b, self.settings.shrink):
            penalty += self.settings.shrink_penalty
        if a.when and b.when and abs(a.when[0] - b.when[0]) > self.settings.later_growth_days:
            penalty -= 0.5 * min(apart, 0.3)
        penalty += 3 * max(0.0, self.settings.alike_docs - alike)
        if listed_apart(self.stated(a), self.stated(b), self.settings.tolerance):
            penalty += self.settings.listing_penalty
        return min(1.0, max(0.0, best - penalty))

    def _dice(self, a: Figure, b: Figure, with_context: bool) -> float:
        """Weighted overlap of two figures' terms (and optionally their sentence context)."""
        (ba, sa), (bb, sb) = self.bag(a, with_context), self.bag(b, with_context)
        common = sorted(ba.keys() & bb.keys())
        shared = 0.0
        informative = 0
        for t in common:
            shared += min(ba[t], bb[t])
            if t not in WEAK and (t in a.terms or t in b.terms):
                informative += 2 if t in EXCLUSIVE else 1  # a shared concept says more
        for x, y in self.related:
            if (x in a.terms and y in b.terms) or (y in a.terms and x in b.terms):
                shared += 0.5 * self.weight(x)
        total = 0.5 * (sa + sb)
        if total <= 0:
            return 0.0
        confidence = CONFIDENCE[min(informative, len(CONFIDENCE) - 1)]
        dice = shared / total
        overlap = shared / min(sa, sb) if min(sa, sb) > 0 else 0.0
        mix = self.settings.overlap_weight
        return min(1.0, (1 - mix) * dice + mix * overlap) * confidence


def restates(a: Figure, b: Figure, settings: ClusterSettings) -> bool:
    """True when one figure restates the other in another unit, in the same sentence."""
    if a.doc != b.doc or a.q.unit == b.q.unit:
        return False
    if a.partner == b.index or b.partner == a.index:
        return True
    if not a.q.sentence or a.q.sentence != b.q.sentence:
        return False
    money = a.dimension == "money"
    tol = settings.cross_currency_tolerance if money else settings.tolerance
    return agrees(a, b, tol)


def similar_docs(scorer: Scorer, settings: ClusterSettings) -> list[tuple[str, str]]:
    """Pairs of articles alike enough to share groups, found through their top terms."""
    index: dict[str, list[str]] = defaultdict(list)
    for doc, vec in scorer.profiles.items():
        top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[: settings.doc_terms]
        for term, _ in top:
            index[term].append(doc)
    pairs: set[tuple[str, str]] = set()
    for docs in index.values():
        if 1 < len(docs) <= settings.max_block:
            pairs.update(combinations(sorted(docs), 2))
    return sorted(p for p in pairs if scorer.doc_similarity(*p) >= settings.min_doc_similarity)


def candidate_pairs(scorer: Scorer, settings: ClusterSettings) -> list[tuple[int, int]]:
    """Pairs worth scoring: same dimension, in one article or in two alike articles."""
    by_doc: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for f in scorer.figures:
        by_doc[f.doc][f.dimension].append(f.index)
    pairs: list[tuple[int, int]] = []
    for dims in by_doc.values():
        for ids in dims.values():
            pairs.extend(combinations(ids, 2))
    for a, b in similar_docs(scorer, settings):
        da, db = by_doc[a], by_doc[b]
        for dim in sorted(da.keys() & db.keys()):
            pairs.extend((i, j) for i in da[dim] for j in db[dim])
    return pairs


class Links:
    """Score sums between groups of figures, kept up to date as groups merge.

    A pair never scored (different articles that are not alike) counts as a veto, so a
    group never spans two unrelated articles through a third.
    """

    def __init__(self) -> None:
        self.sums: dict[int, dict[int, list[float]]] = defaultdict(dict)

    def add(self, i: int, j: int, score: float) -> None:
        """Record the score of a pair of single figures."""
        for a, b in ((i, j), (j, i)):
            cell = self.sums[a].setdefault(b, [0.0, 0.0, 0.0])
            cell[0] += max(score, 0.0)
            cell[1] += 1
            cell[2] += score == VETO

    def mean(self, ci: int, cj: int, size: int) -> float:
        """Mean score between two groups, or VETO when a pair is vetoed or unscored."""
        cell = self.sums[ci].get(cj)
        if cell is None or cell[2] or cell[1] < size:
            return VETO
        return cell[0] / cell[1]

    def merge(self, ci: int, cj: int) -> None:
        """Fold group cj into group ci."""
        for k, cell in self.sums.pop(cj, {}).items():
            if k == ci:
                continue
            target = self.sums[ci].setdefault(k, [0.0, 0.0, 0.0])
            for n in range(3):
                target[n] += cell[n]
            self.sums[k][ci] = target
            self.sums[k].pop(cj, None)
        self.sums[ci].pop(cj, None)


def _merge_along(
    edges: list[tuple[float, int, int]],
    owner: dict[int, int],
    members: dict[int, list[Figure]],
    links: Links,
    floor: float,
) -> None:
    """Join the groups at the ends of each edge, best edge first, above a mean-score floor."""
    for _, i, j in edges:
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        size = len(members[ci]) * len(members[cj])
        if links.mean(ci, cj, size) < floor:
            continue
        if len(members[ci]) < len(members[cj]):
            ci, cj = cj, ci
        links.merge(ci, cj)
        for f in members.pop(cj):
            owner[f.index] = ci
            members[ci].append(f)


def group(figures: list[Figure], settings: ClusterSettings | None = None) -> list[list[Figure]]:
    """Group figures that measure the same thing; singletons are left out."""
    settings = settings or ClusterSettings()
    scorer = Scorer(figures, settings)
    links = Links()
    edges = []
    best: dict[tuple[int, str], float] = defaultdict(float)
    scored = []
    words = [f.terms | f.context for f in figures]
    for i, j in candidate_pairs(scorer, settings):
        a, b = figures[i], figures[j]
        if a.doc != b.doc and a.dimension in COMMON_DIMENSIONS and words[i].isdisjoint(words[j]):
            links.add(i, j, 0.0)  # nothing in common: not worth a full score
            continue
        s = scorer.score(a, b)
        links.add(i, j, s)
        if s < settings.floor:
            continue
        scored.append((s, i, j))
        best[(i, figures[j].doc)] = max(best[(i, figures[j].doc)], s)
        best[(j, figures[i].doc)] = max(best[(j, figures[i].doc)], s)
    for s, i, j in scored:
        margin = settings.near_best
        mutual = s + margin >= best[(i, figures[j].doc)] and s + margin >= best[(j, figures[i].doc)]
        if s >= settings.threshold or mutual:
            edges.append((s, i, j))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    owner = {f.index: f.index for f in figures}
    members: dict[int, list[Figure]] = {f.index: [f] for f in figures}
    _merge_along(edges, owner, members, links, settings.average)
    _join_partners(figures, owner, members)
    groups = attach_shares(scorer, members.values(), settings)
    return sorted((g for g in groups if len(g) > 1), key=lambda g: min(f.index for f in g))


def _join_partners(
    figures: list[Figure], owner: dict[int, int], members: dict[int, list[Figure]]
) -> None:
    """Move a conversion left on its own into the group of the figure it restates."""
    for f in figures:
        if f.partner is None or owner[f.index] == owner[f.partner]:
            continue
        if len(members[owner[f.index]]) == 1:
            members.pop(owner[f.index])
            owner[f.index] = owner[f.partner]
            members[owner[f.partner]].append(f)
        elif len(members[owner[f.partner]]) == 1:
            partner = figures[f.partner]
            members.pop(owner[partner.index])
            owner[partner.index] = owner[f.index]
            members[owner[f.index]].append(partner)


def _share_score(scorer: Scorer, share: Figure, whole: Figure) -> float:
    """How well a share (percent, fraction) fits as a share of an absolute figure."""
    if share.doc != whole.doc or vetoed(share, whole):
        return VETO
    if share.base is None or share.base > 1.0 or not share.share:
        return VETO
    if whole.dimension == "duration":
        return VETO
    same_sentence = bool(share.q.sentence) and share.q.sentence == whole.q.sentence
    (ba, sa), (bb, sb) = scorer.bag(share, True), scorer.bag(whole, True)
    shared = math.fsum(min(ba[t], bb[t]) for t in sorted(ba.keys() & bb.keys()))
    total = min(sa, sb) or 1.0
    return min(1.0, shared / total) + (0.5 if same_sentence else 0.0)


def _group_cover(scorer: Scorer, share: Figure, whole: list[Figure]) -> float:
    """How much of a share's description the terms of a whole group cover."""
    if not share.share or share.base is None or share.base > 1.0:
        return VETO
    words: set[str] = set()
    for f in whole:
        words |= f.terms
        if f.dimension == "area":
            words.add("ground")  # an area measures ground, land or territory
    _, total = scorer.bag(share, False)
    # The share's own words and those right around it ("40 percent of the ground it once
    # held in Kursk") may match; the share's own description is what must be covered.
    bag, _ = scorer.bag(share, True)
    informative = [t for t in sorted(bag.keys() & words) if t not in WEAK]
    if len(informative) < 3 or total <= 0:
        return 0.0
    return min(1.0, math.fsum(bag[t] for t in informative) / total)


def attach_shares(
    scorer: Scorer, groups: Iterable[list[Figure]], settings: ClusterSettings
) -> list[list[Figure]]:
    """Join each group of shares to the group of absolute figures it is the share of."""
    groups = list(groups)
    absolute = [g for g in groups if g[0].dimension != "ratio"]
    by_doc: dict[str, list[int]] = defaultdict(list)
    for n, g in enumerate(absolute):
        for doc in {f.doc for f in g}:
            by_doc[doc].append(n)
    out = list(absolute)
    for g in groups:
        # Levels tied to a change in points ("44.8 against 39.5 percent, a margin of 5.3
        # points") compare percentages with each other, not with a count.
        if g[0].dimension != "ratio" or not any(r.share for r in g) or any(r.points for r in g):
            if g[0].dimension == "ratio" and not any(r.points for r in g):
                out.append(_move_worked(g, [absolute[n] for n in by_doc[g[0].doc]]))
            elif g[0].dimension == "ratio":
                out.append(g)
            continue
        best, target = settings.share_link, None
        for n in sorted({n for r in g for n in by_doc[r.doc]}):
            cand = absolute[n]
            s = max(_share_score(scorer, r, w) for r in g for w in cand if w.doc == r.doc)
            if s != VETO and len(cand) > 1:
                s = max(s, max(_group_cover(scorer, r, cand) for r in g))
            if len(cand) < 2 and s < 1.0:
                continue
            if s > best:
                best, target = s, cand
        if target is None:
            out.append(g)
        else:
            target.extend(g)
    return out


NEAR_CHARS = 400  # a percent worked out from two figures is stated this close to one of them
WORKED_SLACK = 0.02  # … and matches their arithmetic this closely (beyond its own hedge)


def _move_worked(g: list[Figure], groups: list[list[Figure]]) -> list[Figure]:
    """Move the percents of a group that are worked out from two nearby figures into those
    figures' group (a lone percent as a change or a part, one among others only as a part);
    what stays behind is returned."""
    kept = []
    for r in g:
        worked = _worked_from(r, groups, parts_only=len(g) > 1)
        if worked is None:
            kept.append(r)
        else:
            worked.append(r)
    return kept


def _worked_from(
    r: Figure, groups: list[list[Figure]], parts_only: bool = False
) -> list[Figure] | None:
    """The group holding two figures a percent is worked out from, else None.

    "down to 2.1 million tonnes from 3.4 million … a drop of 38 percent" (the change
    between two levels) and "turnout was 69.3 percent … 1.46 million voters out of 2.1
    million registered" (the part over the whole): the percent joins the two figures.
    """
    if r.points or r.base is None or r.q.start < 0:
        return None
    low, high = r.low * (1 - WORKED_SLACK), r.high * (1 + WORKED_SLACK)
    for g in groups:
        near = [
            f for f in g if f.doc == r.doc and f.base and abs(f.q.start - r.q.start) <= NEAR_CHARS
        ]
        for a, b in combinations(near, 2):
            if a.q.unit != b.q.unit or not (a.base and b.base) or a.base == b.base:
                continue
            small, big = sorted((a.base, b.base))
            ratios = (
                (small / big,) if parts_only else (small / big, 1 - small / big, big / small - 1)
            )
            if any(low <= v <= high for v in ratios):
                return g
    return None
