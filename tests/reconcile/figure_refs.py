"""Shared builders for reconcile tests: stored figures placed in their sentences."""

from __future__ import annotations

from typing import Any

from claimledger.model import Quantity
from claimledger.reconcile import FigureRef
from claimledger.reconcile.features import Figure, apply_local_concepts, make_figure


def figure_ref(
    text: str,
    value: float | None,
    unit: str,
    sentence: str,
    *,
    doc: str,
    published: str,
    start: int | None = None,
    **kw: Any,
) -> FigureRef:
    """A stored figure whose text sits in `sentence` (at `start`, else where it is found)."""
    start = sentence.find(text) if start is None else start
    q = Quantity(
        text=text, start=start, end=start + len(text), value=value, unit=unit,
        sentence=sentence, **kw,
    )  # fmt: skip
    return FigureRef(doc=doc, quantity_id=None, quantity=q, published=published)


def built(refs: list[FigureRef], *, link_partners: bool = False) -> list[Figure]:
    """Reconcile's figures for `refs`, with their local concepts applied."""
    figs = [make_figure(i, r.doc, None, r.quantity, r.published, 0.15) for i, r in enumerate(refs)]
    if link_partners:
        for f in figs:
            if f.q.linked_to is not None:
                f.partner = f.q.linked_to
    apply_local_concepts(figs)
    return figs
