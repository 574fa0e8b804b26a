"""Scale: how long `reconcile` takes over N stored figures (default 10,000).

Usage: python benchmarks/scale.py [--figures 10000]
Builds a ledger of synthetic articles whose figures mix many measures (people, areas, money,
shares) across claimants and dates, then times reading them back and reconciling. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from claimledger.config import Settings
from claimledger.model import Article, Extraction, Quantity
from claimledger.run.local import reconcile_ledger
from claimledger.store import Ledger

NOUNS = [
    ("troop", "person"),
    ("civilian", "person"),
    ("refugee", "person"),
    ("home", "item"),
    ("village", "count"),
    ("drone", "item"),
    ("territory", "km2"),
    ("aid", "USD"),
    ("loss", "percent"),
]
ADJECTIVES = ["Russian", "Ukrainian", "Sudanese", "displaced", "North Korean", "local", "foreign"]
CLAIMANTS = [None, "the ministry", "the army", "the United Nations", "the governor"]
FIGURES_PER_ARTICLE = 20


def synthetic(n_figures: int, seed: int = 7) -> list[Extraction]:
    """Articles holding `n_figures` figures in all."""
    rng = random.Random(seed)
    out = []
    for i in range(n_figures // FIGURES_PER_ARTICLE):
        published = f"2024-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        text = f"Synthetic article {i}."
        article = Article(id=f"a{i:07}", text=text, published=published, source=f"a{i}.txt")
        figures = []
        for _ in range(FIGURES_PER_ARTICLE):
            noun, unit = rng.choice(NOUNS)
            adjective = rng.choice(ADJECTIVES)
            value = float(rng.choice([1, 10, 100, 1000]) * rng.randint(1, 60))
            figures.append(
                Quantity(
                    text=f"{value:,.0f} {noun}s",
                    start=0,
                    end=len(text),
                    value=value,
                    unit=unit,
                    noun=noun,
                    subject=f"{adjective} {noun}s",
                    approx=rng.choice([None, None, "about", "more than"]),
                    claimant=rng.choice(CLAIMANTS),
                    as_of=published,
                    sentence=text,
                )
            )
        out.append(Extraction(article, quantities=figures))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(f"sqlite:///{Path(tmp) / 'scale.db'}")
        t0 = time.perf_counter()
        for extraction in synthetic(args.figures):
            ledger.save(extraction)
        stored = ledger.counts()["quantities"]
        print(f"stored {stored:,} figures in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        n = reconcile_ledger(ledger, Settings.load())
        print(
            f"reconcile over {stored:,} figures: {time.perf_counter() - t0:.2f} s, {n:,} clusters"
        )
        t0 = time.perf_counter()
        reconcile_ledger(ledger, Settings.load())
        print(
            f"re-run (idempotent): {time.perf_counter() - t0:.2f} s, "
            f"{ledger.counts()['clusters']:,} clusters"
        )


if __name__ == "__main__":
    main()
