"""Reconcile stored figures across articles: group what measures the same thing, say how
the figures relate, and show the arithmetic.

    from claimledger.reconcile import FigureRef, reconcile
    clusters = reconcile(figures)            # list[Cluster], members in time order
    clusters_to_json(clusters)               # the clusters.json format the scorer reads

Re-running over the whole ledger is cheap (blocking by dimension and shared terms) and
idempotent, and incremental in effect: a cluster's id is fixed by its founding member, so
it survives new articles joining it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimledger.model import Cluster, ClusterMember, Quantity
from claimledger.reconcile.cluster import ClusterSettings, group
from claimledger.reconcile.features import Figure, apply_local_concepts, make_figure
from claimledger.reconcile.relate import RelateSettings, order, relate

LOGGER = logging.getLogger(__name__)

__all__ = ["FigureRef", "reconcile", "clusters_to_json", "ClusterSettings", "RelateSettings"]


@dataclass(frozen=True)
class FigureRef:
    """A stored figure and where it comes from."""

    doc: str
    quantity_id: int | None
    quantity: Quantity
    published: str | None


def reconcile(
    figures: Sequence[FigureRef],
    *,
    tolerance: float = 0.05,
    hedge_tolerance: float = 0.15,
    settings: ClusterSettings | None = None,
) -> list[Cluster]:
    """Group figures that measure the same quantity and relate each group (≥ 2 members).

    `tolerance` is how far apart (relative) two exact figures may be and still agree;
    `hedge_tolerance` is how far a hedged figure ("about", "nearly", "more than") may
    reach from its stated value. Figures without any value are skipped. Clusters come back
    sorted by id, their members in time order (`as_of`, else the publication date).

    A figure's `linked_to` is the place, in its article's list of figures (the order of
    `figures`), of the figure it restates in another unit; the two always share a cluster.
    """
    figs: list[Figure] = []
    position: dict[tuple[str, int], int] = {}  # (article, place in its list) -> figure index
    seen: dict[str, int] = {}
    for ref in figures:
        n = seen.get(ref.doc, 0)
        seen[ref.doc] = n + 1
        q = ref.quantity
        if q.value is None and q.low is None and q.high is None:
            continue
        position[(ref.doc, n)] = len(figs)
        figs.append(
            make_figure(len(figs), ref.doc, ref.quantity_id, q, ref.published, hedge_tolerance)
        )
    for f in figs:
        if f.q.linked_to is not None:
            f.partner = position.get((f.doc, f.q.linked_to))
    apply_local_concepts(figs)
    cluster_settings = settings or ClusterSettings(tolerance=tolerance)
    relate_settings = RelateSettings(tolerance=tolerance)
    clusters = []
    for members in group(figs, cluster_settings):
        relation, note = relate(members, relate_settings)
        clusters.append(_cluster(order(members), relation, note))
    _unique_ids(clusters)
    clusters.sort(key=lambda c: c.id)
    LOGGER.info("reconciled %d figures into %d clusters", len(figs), len(clusters))
    return clusters


def _unique_ids(clusters: list[Cluster]) -> None:
    """Suffix the ids of clusters whose founding members read alike (the same text at the
    same place of one article, as a ledger may store twice), so every id is unique."""
    seen: dict[str, int] = {}
    for c in clusters:
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        if n:
            c.id = f"{c.id}-{n + 1}"


def _measure(members: list[Figure]) -> str:
    """The member subject that shares the most terms with the other members' subjects."""
    described = [f for f in members if f.q.subject]
    if described:
        best = max(
            described,
            key=lambda f: (sum(len(f.terms & g.terms) for g in members if g is not f), -f.index),
        )
        return best.q.subject or ""
    for f in members:
        if f.q.noun:
            return f.q.noun
    return members[0].q.text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:48].rstrip("-")


def _cluster_id(members: list[Figure]) -> str:
    """An id named after the cluster's founding member: its first-stored figure (else the
    first by document and text), so a cluster keeps its id as later articles join it."""
    stored = [f for f in members if f.quantity_id is not None]
    if stored:
        first = min(stored, key=lambda f: f.quantity_id or 0)
    else:
        first = min(members, key=lambda f: (f.doc, f.q.text))
    key = f"{first.doc}\0{first.q.text}\0{first.q.start}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return f"{_slug(first.q.noun or first.q.unit) or 'figure'}-{digest}"


def _cluster(members: list[Figure], relation: str, note: str) -> Cluster:
    measure = _measure(members)
    values = [f for f in members if f.dimension != "ratio"] or members
    return Cluster(
        id=_cluster_id(members),
        measure=measure,
        dimension=values[0].dimension,
        relation=relation,
        note=note,
        members=[
            ClusterMember(
                quantity_id=f.quantity_id,
                doc=f.doc,
                text=f.q.text,
                value=f.q.value,
                unit=f.q.unit,
                as_of=f.q.as_of,
                claimant=f.q.claimant,
                canonical_value=f.base,
            )
            for f in members
        ],
    )


def clusters_to_json(clusters: Sequence[Cluster]) -> list[dict[str, Any]]:
    """Clusters in the clusters.json format: id, measure, relation, note, members."""
    return [
        {
            "id": c.id,
            "measure": c.measure,
            "dimension": c.dimension,
            "relation": c.relation,
            "note": c.note,
            "members": [
                {"doc": m.doc, "text": m.text, "as_of": m.as_of, "claimant": m.claimant}
                for m in c.members
            ],
        }
        for c in clusters
    ]
