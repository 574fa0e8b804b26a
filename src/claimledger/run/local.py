"""The local pipeline: read sources, parse each article once in batches, extract, store."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from claimledger.config import Settings
from claimledger.extract import extract
from claimledger.ingest import SourceError, read
from claimledger.model import Article, Cluster, Extraction
from claimledger.nlp import load_nlp
from claimledger.reconcile import FigureRef, reconcile
from claimledger.store import Ledger

LOGGER = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What a run did: articles added, skipped as already known, and errors by source."""

    added: int = 0
    skipped: int = 0
    errors: list[SourceError] = field(default_factory=list)
    words: int = 0


def extract_all(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 16,
    workers: int = 1,
) -> Iterator[Extraction | SourceError]:
    """Parse each article once (nlp.pipe, batched) and run every extractor on its Doc."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=workers):
        try:
            yield extract(doc, article)
        except Exception as exc:  # one article's failure must not stop the run
            LOGGER.exception("extraction failed for %s", article.source)
            yield SourceError(article.source or article.id, f"extraction failed: {exc!r}")


def split_errors(items: Iterable[Article | SourceError], report: RunReport) -> Iterator[Article]:
    """Articles from `items`; errors are collected in `report`."""
    for item in items:
        if isinstance(item, SourceError):
            report.errors.append(item)
        else:
            yield item


def ingest(
    sources: Iterable[str],
    ledger: Ledger,
    settings: Settings,
    *,
    workers: int = 1,
    on_article: Callable[[Article | SourceError], None] | None = None,
) -> RunReport:
    """Read `sources` into `ledger`; articles already stored are skipped without parsing."""
    report = RunReport()
    seen: set[str] = set()

    def new_articles() -> Iterator[Article]:
        items = read(
            sources,
            max_bytes=settings.max_bytes,
            max_chars=settings.max_chars,
            http_timeout=settings.http_timeout,
        )
        for article in split_errors(items, report):
            if article.id in seen or ledger.has_article(article.id):
                report.skipped += 1
                if on_article:
                    on_article(article)
                continue
            seen.add(article.id)
            yield article

    nlp = load_nlp(settings.model)
    for result in extract_all(new_articles(), nlp, batch_size=settings.batch_size, workers=workers):
        if isinstance(result, SourceError):
            report.errors.append(result)
        elif ledger.save(result):
            report.added += 1
            report.words += len(result.article.text.split())
        else:
            report.skipped += 1
        if on_article:
            on_article(result if isinstance(result, SourceError) else result.article)
    return report


def reconcile_extractions(results: Sequence[Extraction], settings: Settings) -> list[Cluster]:
    """Clusters over the figures of a set of extractions (no database)."""
    figures = [
        FigureRef(
            doc=Path(ex.article.source or ex.article.id).name,
            quantity_id=None,
            quantity=q,
            published=ex.article.published,
        )
        for ex in results
        for q in ex.quantities
    ]
    return reconcile(
        figures, tolerance=settings.tolerance, hedge_tolerance=settings.hedge_tolerance
    )


def reconcile_ledger(ledger: Ledger, settings: Settings) -> int:
    """Re-group every stored figure into clusters, replacing the old ones; returns how many."""
    figures = [
        FigureRef(doc=doc, quantity_id=qid, quantity=q, published=published)
        for qid, doc, published, q in ledger.figures()
    ]
    clusters = reconcile(
        figures, tolerance=settings.tolerance, hedge_tolerance=settings.hedge_tolerance
    )
    ledger.replace_clusters(clusters)
    return len(clusters)
