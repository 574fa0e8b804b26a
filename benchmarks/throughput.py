"""Throughput: words/second of `ingest` against bare `nlp.pipe`, and each extractor's cost.

Usage: python benchmarks/throughput.py [--repeat 50] [SOURCE ...]
Defaults to ../shared/seeds, each article repeated 50 times (each copy made distinct, so none
is skipped as already stored). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from claimledger.config import Settings
from claimledger.extract.dates import extract_dates
from claimledger.extract.places import extract_places
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.quotes import Attribution, analyse_statements
from claimledger.ingest import read
from claimledger.ingest.normalise import article_id
from claimledger.model import Article
from claimledger.nlp import load_nlp
from claimledger.run.local import ingest
from claimledger.store import Ledger

ROOT = Path(__file__).resolve().parents[1]


def copies(articles: list[Article], repeat: int) -> list[Article]:
    """`repeat` distinct copies of each article (a numbered closing line keeps ids apart)."""
    out = []
    for n in range(repeat):
        for a in articles:
            text = f"{a.text}\n\nCopy {n}."
            out.append(replace(a, id=article_id(text), text=text, source=f"{a.source}#{n}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", default=[str(ROOT.parent / "shared" / "seeds")])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    base = [a for a in read(args.sources) if isinstance(a, Article)]
    articles = copies(base, args.repeat)
    words = sum(len(a.text.split()) for a in articles)
    settings = Settings.load()
    nlp = load_nlp(settings.model)
    print(f"{len(articles)} articles, {words:,} words")

    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
    parse_s = time.perf_counter() - t0
    print(f"bare nlp.pipe:   {parse_s:7.2f} s  {words / parse_s:8,.0f} words/s")

    costs: dict[str, float] = {}

    def timed(name: str, fn: Callable[[Doc, Article], object]) -> list[object]:
        t0 = time.perf_counter()
        out = [fn(doc, article) for doc, article in zip(docs, articles, strict=True)]
        costs[name] = time.perf_counter() - t0
        return out

    places = timed("places", extract_places)
    dates = timed("dates", extract_dates)
    statements = timed("quotes", lambda d, a: Attribution(d, *analyse_statements(d)))
    inputs = iter(zip(statements, dates, places, strict=True))

    def quantities(doc: Doc, article: Article) -> object:
        attribution, found_dates, found_places = next(inputs)
        return extract_quantities(
            doc, article, attribution=attribution, dates=found_dates, places=found_places
        )

    timed("quantities", quantities)
    for name, seconds in costs.items():
        print(f"  {name:11} {seconds:7.2f} s  {100 * seconds / parse_s:5.1f}% of parse time")

    with tempfile.TemporaryDirectory() as tmp:
        files = Path(tmp) / "in"
        files.mkdir()
        for i, a in enumerate(articles):
            header = f"date {a.published}\n" if a.published else ""
            (files / f"{i:05}.txt").write_text(header + a.text, encoding="utf-8")
        ledger = Ledger(f"sqlite:///{Path(tmp) / 'bench.db'}")
        t0 = time.perf_counter()
        report = ingest([str(files)], ledger, replace(settings, db=ledger.url))
        ingest_s = time.perf_counter() - t0
    print(
        f"ingest (read, parse, extract, store): {ingest_s:7.2f} s  "
        f"{words / ingest_s:8,.0f} words/s  ({report.added} added, "
        f"{ingest_s / parse_s:.2f}x bare parse)"
    )


if __name__ == "__main__":
    main()
