"""Quality gate: pinned minimum scores on the annotated articles.

Extracts the seeds, the dev set and tests/data with the real pipeline and scores them with
the project's scorer (../shared/eval/score.py). A change that lowers accuracy below a pinned
minimum fails here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from claimledger.config import Settings
from claimledger.export import write_extractions
from claimledger.ingest import read
from claimledger.model import Article
from claimledger.nlp import load_nlp
from claimledger.run.local import extract_all, reconcile_extractions

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "gold"),
    "dev": (SHARED / "dev" / "articles", SHARED / "dev" / "gold"),
    "tests": (ROOT / "tests" / "data" / "articles", ROOT / "tests" / "data" / "gold"),
}
# (set, measure) -> pinned minimum. Raise these as the extractors improve; never lower them
# to make a change pass.
MINIMUMS: dict[tuple[str, str], float] = {
    ("seeds", "quantities"): 0.97,
    ("seeds", "quotes_attributed"): 0.97,
    ("seeds", "places"): 0.97,
    ("seeds", "approx"): 0.97,
    ("seeds", "claimant"): 0.95,
    ("seeds", "subject"): 0.90,
    ("seeds", "speaker"): 0.97,
    ("seeds", "direct"): 0.97,
    ("seeds", "clusters"): 0.95,
    ("seeds", "relation_accuracy"): 0.95,
    ("dev", "quantities"): 0.98,
    ("dev", "quotes_attributed"): 0.98,
    ("dev", "places"): 0.98,
    ("dev", "approx"): 0.98,
    ("dev", "claimant"): 0.95,
    ("dev", "subject"): 0.60,
    ("dev", "speaker"): 0.98,
    ("dev", "direct"): 0.98,
    ("dev", "clusters"): 0.65,
    ("dev", "relation_accuracy"): 0.65,
    ("tests", "quantities"): 0.97,
    ("tests", "quotes_attributed"): 0.98,
    ("tests", "places"): 0.98,
    ("tests", "approx"): 0.98,
    ("tests", "claimant"): 0.95,
    ("tests", "subject"): 0.70,
    ("tests", "speaker"): 0.98,
    ("tests", "direct"): 0.98,
    ("tests", "clusters"): 0.82,
    ("tests", "relation_accuracy"): 0.75,
}


def _scorer() -> ModuleType:
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.fail(f"the scorer {path} is missing: the tests need ../shared beside the repo")
    spec = importlib.util.spec_from_file_location("claimledger_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    scorer, nlp, out = _scorer(), load_nlp(), {}
    for name, (articles, gold) in SETS.items():
        found = [a for a in read([articles]) if isinstance(a, Article)]
        assert found, f"no articles in {articles}"
        results = [r for r in extract_all(found, nlp) if not isinstance(r, Exception)]
        assert len(results) == len(found)
        pred = tmp_path_factory.mktemp(name)
        write_extractions(results, reconcile_extractions(results, Settings.load()), pred)
        out[name] = scorer.score(gold, pred)
    return out


def _measure(result: dict[str, Any], measure: str) -> float | None:
    if measure in result["attributes"]:
        return result["attributes"][measure]
    if measure == "clusters":
        return result["clusters"]["f1"]
    if measure == "relation_accuracy":
        return result["clusters"]["relation_accuracy"]
    return result[measure]["f1"]


@pytest.mark.slow
@pytest.mark.parametrize(("dataset", "measure"), sorted(MINIMUMS))
def test_score_at_least_pinned_minimum(
    scores: dict[str, dict[str, Any]], dataset: str, measure: str
):
    value = _measure(scores[dataset], measure)
    assert value is not None and value >= MINIMUMS[(dataset, measure)], (
        f"{dataset} {measure} = {value}, below the pinned {MINIMUMS[(dataset, measure)]}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("dataset", sorted(SETS))
def test_no_date_year_or_ordinal_reported_as_a_figure(
    scores: dict[str, dict[str, Any]], dataset: str
):
    spurious = [s for s in scores[dataset]["spurious"] if "quantity" in s]
    bad = [
        s
        for s in spurious
        if any(s.rstrip("'\"").endswith(suffix) for suffix in ("th", "st", "nd", "rd"))
        or any(str(year) in s.split("quantity", 1)[1] for year in range(1900, 2100))
    ]
    assert not bad, bad
