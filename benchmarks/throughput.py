"""Throughput: words/second of `ingest` against bare `nlp.pipe`, and each extractor's cost.

Usage: python benchmarks/throughput.py [--repeat 50] [SOURCE ...]
Defaults to ../shared/seeds, each article repeated 50 times (each copy made distinct, so none
is skipped as already stored). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from claimledger.config import Settings
from claimledger.extract.dates import extract_dates
from claimledger.extract.places import extract_places
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.quotes import extract_quotes
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

    costs = {}
    for name, fn in (
        ("places", lambda d, a: extract_places(d, a)),
        ("dates", lambda d, a: extract_dates(d, a)),
        ("quotes", lambda d, a: extract_quotes(d, a)),
    ):
        t0 = time.perf_counter()
        for doc, article in zip(docs, articles, strict=True):
            fn(doc, article)
        costs[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        extract_quantities(
            doc,
            article,
            quotes=extract_quotes(doc, article),
            dates=extract_dates(doc, article),
            places=[],
        )
    costs["quantities"] = time.perf_counter() - t0 - costs["quotes"] - costs["dates"]
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
