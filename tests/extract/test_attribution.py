"""The attribution index: who asserts the text at an offset."""

from __future__ import annotations

import pytest

from claimledger.extract.quotes.attribution import Attribution
from claimledger.extract.quotes.statements import extract_quotes

CASES = [
    # a figure inside a reported clause belongs to its speaker
    ("Ana Torres said 40 homes had been lost.", "40 homes", "Ana Torres"),
    # inside a direct quote, resolved through the pronoun
    (
        "Ben Cole runs the shelter. “We have 120 beds,” he said.",
        "120 beds",
        "Ben Cole",
    ),
    # "according to X" names a claimant for its sentence
    ("About 5,000 people fled, according to the Red Cross.", "5,000 people", "Red Cross"),
    ("According to the ministry, 40 people died in the floods.", "40 people", "ministry"),
    # ... but not for the next sentence
    (
        "About 5,000 people fled, according to the Red Cross. Another 300 stayed behind.",
        "300",
        None,
    ),
    # the outlet's own sentence
    ("The storm destroyed 200 homes on Tuesday.", "200 homes", None),
    # "by X's count" and "by their estimate", resolved to the body named before
    ("The fire burned 600 acres by the agency's count.", "600 acres", "agency"),
    (
        "Researchers at Leeds University studied the outbreak. "
        "By their estimate, 900 people were infected.",
        "900 people",
        "Researchers at Leeds University",
    ),
    # two sources in one sentence: each figure takes the phrase that follows it
    (
        "The fire burned 600 acres by the park service's count, or 650 according to the county.",
        "650",
        "county",
    ),
    (
        "The fire burned 600 acres by the park service's count, or 650 according to the county.",
        "600 acres",
        "park service",
    ),
    # "X did Y, saying Z": X asserts Y too
    (
        "The ministry raised the toll to 40 on Sunday, saying more bodies had been found.",
        "40",
        "ministry",
    ),
    # a body's report speaks for the body
    (
        "The bureau's final revision cut payroll growth by 598,000 jobs.",
        "598,000 jobs",
        "bureau",
    ),
]


@pytest.mark.parametrize("text, figure, expected", CASES)
def test_claimant_at(parse, text, figure, expected):
    doc, article = parse(text)
    attribution = Attribution(doc, extract_quotes(doc, article))
    got = attribution.claimant_at(article.text.index(figure))
    if expected is None:
        assert got is None
    else:
        assert got is not None and expected.lower() in got.lower()


def test_according_to_gives_no_quote(parse):
    doc, article = parse("According to the ministry, 40 people died in the floods.")
    assert extract_quotes(doc, article) == []
    assert [s.name for s in Attribution(doc, []).sources] == ["the ministry"]
