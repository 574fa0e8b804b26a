"""The rules that decide what a figure counts and how a group of figures relates."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.model import Quantity
from claimledger.reconcile import FigureRef, reconcile
from claimledger.reconcile.features import (
    money_concept,
    nearest_concept,
    sentence_initial,
)
from claimledger.reconcile.pairs import shrinks, sum_parts, times_apart
from claimledger.reconcile.relate import same_claimant
from tests.reconcile.figure_refs import built, figure_ref

STORY = (
    "Storm Orla struck the Vistula coast of Poland on Sunday, flooding towns around Gdansk "
    "and cutting power across Pomerania."
)


def fig(
    text: str,
    value: float,
    unit: str = "person",
    doc: str = "a.txt",
    published: str = "2025-10-06",
    **kw: Any,
) -> FigureRef:
    """A stored figure; its sentence defaults to one naming only it, inside the story."""
    sentence = kw.pop("sentence", f"{STORY} Officials reported {text} on the coast.")
    return figure_ref(text, value, unit, sentence, doc=doc, published=published, **kw)


def texts(refs: list[FigureRef]) -> list[set[str]]:
    return [{m.text for m in c.members} for c in reconcile(refs)]


@pytest.mark.parametrize(
    "left, right, expected",
    [
        ("The death toll rose to ", " on Tuesday", "death"),
        ("Rescuers said ", " people were injured, and more were missing", "injury"),
        ("The storm killed 12 people and ", " were hurt", "injury"),
        ("The toll stood at ", ", and 9,000 people remained in shelters", "death"),
        ("", " people fled their homes", "displace"),
        ("Prices rose by ", " over the year", None),
        ("The count rose above ", ", as rescue crews searched the ruins", None),
        ("Health officials have recorded ", " cases of cholera", "case"),
    ],
)
def test_nearest_concept(left: str, right: str, expected: str | None) -> None:
    assert nearest_concept(left, right) == expected


@pytest.mark.parametrize(
    "sentence, texts_, subject, expected",
    [
        (
            "The agency said 412 people had died and nearly 3,000 had been injured.",
            ["412 people", "nearly 3,000"],
            "people died injured",
            ["death", "injury"],
        ),
        (
            "The death toll stood at 52, and around 8,000 people remained in shelters.",
            ["52", "around 8,000 people"],
            "people remained in shelters",
            ["death", "shelter"],
        ),
    ],
)
def test_local_concepts_split_a_shared_subject(
    sentence: str, texts_: list[str], subject: str, expected: list[str]
) -> None:
    refs = [fig(t, 1.0, sentence=sentence, start=sentence.find(t), subject=subject) for t in texts_]
    assert [f.local for f in built(refs)] == expected


def test_parts_and_their_total_are_kept_apart() -> None:
    one = "Officials said 300 people died in Gdansk and 120 died in Sopot."
    two = "That took the combined toll to 420, the agency said."
    refs = [
        fig("300 people", 300, sentence=one, start=15, subject="people died in Gdansk"),
        fig("120", 120, sentence=one, start=44, subject="died in Sopot"),
        fig("420", 420, sentence=two, start=100, subject="combined toll"),
    ]
    figs = built(refs)
    parts = sum_parts(figs)
    assert {(0, 2), (1, 2), (0, 1)} <= parts
    assert figs[2].total


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((100, 100), (100, 100), 1.0),
        ((100, 100), (700, 700), 7.0),
        ((100, 200), (150, 150), 1.0),
    ],
)
def test_times_apart(a: tuple[float, float], b: tuple[float, float], expected: float) -> None:
    fa, fb = built([fig("x", a[0]), fig("y", b[0])])
    fa.low, fa.high, fb.low, fb.high = a[0], a[1], b[0], b[1]
    fa.base = fb.base = None
    assert times_apart(fa, fb) == pytest.approx(expected)


@pytest.mark.parametrize(
    "first, later, expected",
    [
        (1000, 450, True),  # a toll at less than half a week later: another measure
        (115, 97, False),  # a downward revision
        (38, 71, False),  # a rising toll
    ],
)
def test_shrinks(first: float, later: float, expected: bool) -> None:
    refs = [
        fig(f"{first:g} people", first, as_of="2025-10-06", subject="people killed"),
        fig(f"{later:g} people", later, as_of="2025-10-13", subject="people killed", doc="b.txt"),
    ]
    a, b = built(refs)
    assert shrinks(a, b, 0.7) is expected


def toll(text: str, value: float, doc: str, as_of: str, claimant: str, **kw: Any) -> FigureRef:
    return fig(
        text,
        value,
        doc=doc,
        published=as_of,
        as_of=as_of,
        claimant=claimant,
        subject=kw.pop("subject", "people killed by Storm Orla in Poland"),
        **kw,
    )


@pytest.mark.parametrize(
    "refs, expected, why",
    [
        (  # a rising toll from officials, then from a named agency days later
            [
                toll(
                    "at least 38 people", 38, "a.txt", "2025-10-06", "officials", approx="at least"
                ),
                toll("71 people", 71, "b.txt", "2025-10-09", "the Polish fire service"),
            ],
            "update",
            "",
        ),
        (  # two claimants on the same day
            [
                toll("71 people", 71, "a.txt", "2025-10-09", "the Polish fire service"),
                toll("96 people", 96, "b.txt", "2025-10-09", "the Red Cross"),
            ],
            "conflict",
            "same time",
        ),
        (  # estimates of damage from two bodies a week apart
            [
                fig(
                    "$1.2 billion",
                    1.2e9,
                    "USD",
                    as_of="2025-10-06",
                    claimant="the World Bank",
                    subject="damage caused by Storm Orla",
                ),
                fig(
                    "$3.5 billion",
                    3.5e9,
                    "USD",
                    doc="b.txt",
                    as_of="2025-10-13",
                    claimant="the Polish government",
                    subject="damage caused by Storm Orla",
                ),
            ],
            "conflict",
            "estimates",
        ),
    ],
)
def test_relation_rules(refs: list[FigureRef], expected: str, why: str) -> None:
    (cluster,) = reconcile(refs)
    assert cluster.relation == expected
    assert why in cluster.note


def test_forecast_against_outcome_conflicts() -> None:
    sentence = "Analysts had expected a quarter-point rise in the Orla bond yield."
    refs = [
        fig(
            "a quarter-point",
            0.25,
            "percent",
            as_of="2025-09",
            claimant="analysts",
            sentence=sentence,
            subject="rise in the Orla bond yield",
        ),
        fig(
            "half-point",
            0.5,
            "percent",
            doc="b.txt",
            as_of="2025-10-01",
            sentence="The Orla bond yield rose by a half-point.",
            subject="rise in the Orla bond yield",
        ),
    ]
    (cluster,) = reconcile(refs)
    assert cluster.relation == "conflict"
    assert "forecast vs outcome" in cluster.note


@pytest.mark.parametrize(
    "refs, expected",
    [
        (  # a death toll and people in shelters, listed in one sentence
            [
                fig(
                    "74",
                    74,
                    sentence="The death toll stood at 74, and around 91,000 people "
                    "remained in shelters in Pomerania.",
                    start=24,
                    subject="people remained in shelters in Pomerania",
                ),
                fig(
                    "around 91,000 people",
                    91000,
                    sentence="The death toll stood at 74, and around 91,000 people "
                    "remained in shelters in Pomerania.",
                    start=33,
                    subject="people remained in shelters in Pomerania",
                ),
            ],
            [],
        ),
        (  # one article, two fires named by place
            [
                fig("2,100 acres", 2100, "acre", subject="Gdansk fire burned"),
                fig("640 acres", 640, "acre", subject="Sopot fire burned"),
            ],
            [],
        ),
    ],
)
def test_grouping_rules(refs: list[FigureRef], expected: list[set[str]]) -> None:
    assert texts(refs) == expected


def test_a_stated_conversion_joins_its_partner() -> None:
    sentence = "The government pledged 40 million zloty ($10 million) for Orla relief."
    refs = [
        fig(
            "40 million zloty",
            4e7,
            "PLN",
            sentence=sentence,
            start=23,
            subject="pledged for Orla relief",
        ),
        fig(
            "$10 million",
            1e7,
            "USD",
            sentence=sentence,
            start=41,
            linked_to=0,
            subject="government",
        ),
    ]
    (cluster,) = reconcile(refs)
    assert cluster.relation == "derived"
    assert {m.text for m in cluster.members} == {"40 million zloty", "$10 million"}


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Ministry of Health", "World Health Organization", False),
        ("Oil Ministry", "Ministry of Natural Resources", False),
        ("Recep Tayyip Erdogan", "Erdogan", True),
        ("Gdansk city council", "the Gdansk city council", True),
        ("Pomeranian police", "Pomeranian fire service", False),
    ],
)
def test_claimants_must_share_their_distinctive_words(a: str, b: str, expected: bool) -> None:
    assert same_claimant(a, b) is expected


@pytest.mark.parametrize(
    "stretch, expected",
    [
        ("the storm will cost the region  to repair", {"cost"}),
        ("the commission pledged  for reconstruction", {"aid"}),
        ("insured losses are  according to the firm", {"cost"}),
        ("the ministry spent  on fuel", {"aid"}),
        ("the bonds sold for", set()),
    ],
)
def test_money_concept(stretch: str, expected: set[str]) -> None:
    assert set(money_concept(stretch)) == expected


def test_a_rate_is_not_a_total() -> None:
    (rate,) = built([fig("10 to 20 a day", 15, subject="rise in the death toll")])
    assert rate.scope == {"per"}


def test_money_in_one_sentence_shares_its_concept() -> None:
    sentence = (
        "Repairs will cost Pomerania about $1.2 billion, the bank estimated, while the "
        "government put the figure at $2 billion."
    )
    refs = [
        fig(
            "about $1.2 billion",
            1.2e9,
            "USD",
            sentence=sentence,
            claimant="the bank",
            approx="about",
            subject="repairs cost Pomerania",
        ),
        fig("$2 billion", 2e9, "USD", sentence=sentence, subject="government put figure"),
    ]
    figs = built(refs)
    assert [set(f.concepts) for f in figs] == [{"cost"}, {"cost"}]
    (cluster,) = reconcile(refs)
    assert cluster.relation == "conflict"
    assert "unattributed figure, same time" in cluster.note


def test_an_outlet_revision_is_an_update() -> None:
    sentence = (
        "Instead of the 240 homes previously estimated, surveyors found 310 homes flooded "
        "in Gdansk."
    )
    refs = [
        fig("240 homes", 240, "item", sentence=sentence, subject="homes flooded in Gdansk"),
        fig(
            "310 homes",
            310,
            "item",
            sentence=sentence,
            claimant="surveyors",
            subject="homes flooded in Gdansk",
        ),
    ]
    (cluster,) = reconcile(refs)
    assert cluster.relation == "update"


def test_a_conversion_without_a_reference_rate_shows_the_implied_one() -> None:
    sentence = "Each worker gets a bonus of 9 million tugrik (about $2,600)."
    refs = [
        fig("9 million tugrik", 9e6, "MNT", sentence=sentence, subject="bonus per worker"),
        fig(
            "about $2,600",
            2600,
            "USD",
            sentence=sentence,
            approx="about",
            linked_to=0,
            subject="bonus per worker",
        ),
    ]
    (cluster,) = reconcile(refs)
    assert cluster.relation == "derived"
    assert "restated as about $2,600: 3,462 MNT per USD" in cluster.note


@pytest.mark.parametrize(
    "text, unit, expected",
    [
        ("230,000 barrels per day", "oil_barrel_per_day", set()),
        ("242,000 jobs a month", "count", {"per"}),
        ("an average of 3,000", "person", {"per"}),
        ("3,000 people", "person", set()),
    ],
)
def test_rate_scope(text: str, unit: str, expected: set[str]) -> None:
    (f,) = built([fig(text, 1.0, unit, subject=text)])
    assert f.scope == expected


def test_a_bare_number_repeating_a_figure_joins_it() -> None:
    refs = [
        fig(
            "about 230,000 barrels per day",
            230000,
            "oil_barrel_per_day",
            approx="about",
            subject="oil exports through the Gdansk terminal",
        ),
        fig(
            "230,000",
            230000,
            "oil_barrel_per_day",
            sentence='"But 230,000 is still far below capacity," she said.',
        ),
    ]
    assert texts(refs) == [{"about 230,000 barrels per day", "230,000"}]


def test_displacement_reported_higher_by_another_body_is_an_update() -> None:
    refs = [
        toll(
            "more than 60,000 residents",
            60000,
            "a.txt",
            "2025-10-06",
            "officials",
            approx="more than",
            subject="residents forced from their homes by Storm Orla",
        ),
        toll(
            "about 94,000 people",
            94000,
            "b.txt",
            "2025-10-10",
            "the Polish fire service",
            approx="about",
            subject="people displaced by Storm Orla",
        ),
    ]
    (cluster,) = reconcile(refs)
    assert cluster.relation == "update"
    assert "running count reported 4 days later by another claimant" in cluster.note


@pytest.mark.parametrize(
    "subject, sentence, expected",
    [
        ("Estimates for November", "Estimates for November were raised by 49,000.", "estimates"),
        ("Gdansk fire burned", "The Gdansk fire burned 2,100 acres.", ""),
        ("homes flooded", "Officials said 300 homes flooded.", ""),
    ],
)
def test_sentence_initial(subject: str, sentence: str, expected: str) -> None:
    q = Quantity(text="x", start=0, end=1, value=1.0, subject=subject, sentence=sentence)
    assert sentence_initial(q) == expected
