"""Relations and grouping rules: conversions, revisions, forecasts, listings, frames."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.reconcile import FigureRef, reconcile
from claimledger.reconcile.cluster import ClusterSettings
from claimledger.reconcile.features import (
    Figure,
    exclusive_for,
    nearest_concept,
)
from claimledger.reconcile.lexicon import MODAL, frame_where
from claimledger.reconcile.pairs import (
    listed_apart,
    part_of,
    same_count,
    same_precise,
    significant_digits,
    stated_sums,
    vetoed,
)
from claimledger.reconcile.relate import relate
from claimledger.reconcile.units import convert, fmt_value, to_base
from tests.reconcile.figure_refs import built, figure_ref


def ref(
    text: str,
    value: float,
    unit: str,
    sentence: str,
    doc: str = "a.txt",
    published: str = "2025-03-02",
    **kw: Any,
) -> FigureRef:
    """A stored figure inside `sentence`."""
    return figure_ref(text, value, unit, sentence, doc=doc, published=published, **kw)


def figures(refs: list[FigureRef]) -> list[Figure]:
    return built(refs, link_partners=True)


@pytest.mark.parametrize(
    "value, unit, target, expected",
    [
        (30, "degree_Celsius", "degree_Fahrenheit", 86.0),
        (-40, "degree_Fahrenheit", "degree_Celsius", -40.0),
        (212, "degree_Fahrenheit", "degree_Celsius", 100.0),
        (50, "basis_point", "percent", 0.5),
        (160, "kilometer_per_hour", "mile_per_hour", 99.4),
    ],
)
def test_offset_and_point_conversions(
    value: float, unit: str, target: str, expected: float
) -> None:
    assert convert(value, unit, target) == pytest.approx(expected, rel=2e-3, abs=1e-6)


@pytest.mark.parametrize(
    "value, unit, base",
    [(0, "degree_Celsius", 0.0), (50, "degree_Fahrenheit", 10.0), (75, "basis_point", 0.0075)],
)
def test_temperature_and_basis_point_bases(value: float, unit: str, base: float) -> None:
    assert to_base(value, unit) == pytest.approx(base, abs=1e-6)


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (38.5, "degree_Celsius", "38.5 °C"),
        (90, "mile_per_hour", "90 mph"),
        (40, "millimeter", "40 mm"),
    ],
)
def test_short_unit_labels(value: float, unit: str, expected: str) -> None:
    assert fmt_value(value, unit) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("up to 200 millimetres of rain could fall overnight", True),
        ("the river may rise another metre", True),
        ("prices rose 4 percent in May", False),
        ("May was the hottest month", False),
        ("analysts had forecast a smaller cut", True),
    ],
)
def test_modal_marks_forecasts(text: str, expected: bool) -> None:
    assert bool(MODAL.search(text)) is expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In northern Kenya, officials said 40 people had died.", {"kenya"}),
        ("In Sabah and Sarawak, rescuers found 12 more bodies.", {"sabah", "sarawak"}),
        ("In March, 40 people died.", set()),
        ("In a statement, the ministry gave 40 deaths.", set()),
        ("Officials in Kenya said 40 people had died.", set()),
    ],
)
def test_frame_where(sentence: str, expected: set[str]) -> None:
    assert frame_where(sentence) == expected


GALE = (
    "Storm Ewa reached the coast with sustained winds of 150 km/h (93 mph) and gusts of "
    "up to 190 km/h (118 mph), the weather service said."
)
RESCUE = "Crews pulled 64 people from the river, among them nine children, police said."
FELL = "Inflation fell from 4.6 percent to 4.1 percent in May, the statistics office said."


@pytest.mark.parametrize(
    "sentence, a, b, expected",
    [
        (
            GALE,
            ("150 km/h", 150, "kilometer_per_hour"),
            ("up to 190 km/h", 190, "kilometer_per_hour"),
            True,
        ),
        (
            GALE,
            ("93 mph", 93, "mile_per_hour"),
            ("up to 190 km/h", 190, "kilometer_per_hour"),
            True,
        ),
        (RESCUE, ("64 people", 64, "person"), ("nine children", 9, "person"), True),
        (FELL, ("4.1 percent", 4.1, "percent"), ("4.6 percent", 4.6, "percent"), False),
    ],
)
def test_listed_apart(
    sentence: str, a: tuple[str, float, str], b: tuple[str, float, str], expected: bool
) -> None:
    fa, fb = figures([ref(*a, sentence), ref(*b, sentence)])
    assert listed_apart(fa, fb, 0.05) is expected


def test_two_conversion_pairs_in_one_sentence_stay_apart() -> None:
    refs = [
        ref("150 km/h", 150, "kilometer_per_hour", GALE),
        ref("93 mph", 93, "mile_per_hour", GALE, linked_to=0),
        ref("up to 190 km/h", 190, "kilometer_per_hour", GALE, approx="up to"),
        ref("118 mph", 118, "mile_per_hour", GALE, linked_to=2),
    ]
    groups = sorted(sorted(m.text for m in c.members) for c in reconcile(refs))
    assert groups == [["118 mph", "up to 190 km/h"], ["150 km/h", "93 mph"]]
    assert {c.relation for c in reconcile(refs)} == {"derived"}


@pytest.mark.parametrize(
    "small, large, expected",
    [
        # One article: a single wreck's toll and the year's toll on the route.
        (("14 people", 14), ("more than 900 people", 900), True),
        # Close enough to be one count.
        (("14 people", 14), ("17 people", 17), False),
    ],
)
def test_one_article_huge_gap_is_vetoed(
    small: tuple[str, float], large: tuple[str, float], expected: bool
) -> None:
    s1 = f"At least {small[0]} drowned when the ferry sank, the navy said."
    s2 = f"This year {large[0]} have drowned on the crossing, the agency said."
    fa, fb = figures([ref(*small, "person", s1), ref(*large, "person", s2)])
    assert vetoed(fa, fb) is expected


def _relation(refs: list[FigureRef]) -> str:
    return relate(figures(refs))[0]


LOSS_1 = "Farm losses reached 3 billion rupees ($36 million), the ministry said."
LOSS_2 = "The ministry raised its farm loss estimate to 7 billion rupees ($84 million)."
HOMES_1 = "More than 300,000 people sheltered in evacuation centres, the disaster agency said."
HOMES_2 = "As many as 360,000 people sheltered in evacuation centres, the disaster agency said."
RAIN_1 = "As much as 250 millimetres of rain could fall on the coast, the weather bureau said."
RAIN_2 = "The weather bureau said its coastal gauge measured 340 millimetres of rain."


@pytest.mark.parametrize(
    "refs, expected",
    [
        # A revision with each figure's conversion: the conversions do not explain the change.
        (
            [
                ref("3 billion rupees", 3e9, "INR", LOSS_1, claimant="ministry"),
                ref("$36 million", 36e6, "USD", LOSS_1, claimant="ministry", linked_to=0),
                ref(
                    "7 billion rupees",
                    7e9,
                    "INR",
                    LOSS_2,
                    doc="b.txt",
                    published="2025-03-09",
                    claimant="ministry",
                ),
                ref(
                    "$84 million",
                    84e6,
                    "USD",
                    LOSS_2,
                    doc="b.txt",
                    published="2025-03-09",
                    claimant="ministry",
                    linked_to=0,
                ),
            ],
            "update",
        ),
        # Hedged figures that overlap only through their hedges, days apart: a new count.
        (
            [
                ref(
                    "More than 300,000 people",
                    3e5,
                    "person",
                    HOMES_1,
                    approx="more than",
                    claimant="disaster agency",
                ),
                ref(
                    "As many as 360,000 people",
                    3.6e5,
                    "person",
                    HOMES_2,
                    doc="b.txt",
                    published="2025-03-06",
                    approx="up to",
                    claimant="disaster agency",
                ),
            ],
            "update",
        ),
        # The same number restated a week later still agrees.
        (
            [
                ref(
                    "More than 300,000 people",
                    3e5,
                    "person",
                    HOMES_1,
                    approx="more than",
                    claimant="disaster agency",
                ),
                ref(
                    "300,000 people",
                    3e5,
                    "person",
                    HOMES_2.replace("As many as 360,000", "300,000"),
                    doc="b.txt",
                    published="2025-03-09",
                    claimant="disaster agency",
                ),
            ],
            "agree",
        ),
        # A forecast ("could fall") against the measured amount, one agency: conflict.
        (
            [
                ref(
                    "As much as 250 millimetres",
                    250,
                    "millimeter",
                    RAIN_1,
                    approx="up to",
                    claimant="weather bureau",
                ),
                ref(
                    "340 millimetres",
                    340,
                    "millimeter",
                    RAIN_2,
                    doc="b.txt",
                    published="2025-03-03",
                    claimant="weather bureau",
                ),
            ],
            "conflict",
        ),
        # Temperatures and their conversions in one sentence: derived.
        (
            [
                ref("44.5C", 44.5, "degree_Celsius", "Temperatures hit 44.5C (112.1F) on Monday."),
                ref(
                    "112.1F",
                    112.1,
                    "degree_Fahrenheit",
                    "Temperatures hit 44.5C (112.1F) on Monday.",
                    linked_to=0,
                ),
            ],
            "derived",
        ),
    ],
)
def test_relation_rules(refs: list[FigureRef], expected: str) -> None:
    assert _relation(refs) == expected


def test_derived_sum_wins_over_claimant_mix() -> None:
    s = "Seven of the nine judges backed the ruling and the other two dissented, the court said."
    refs = [
        ref("Seven", 7, "person", s, claimant="the court"),
        ref("nine judges", 9, "person", s, claimant="the court"),
        ref("two", 2, "person", s, claimant="the court"),
    ]
    assert _relation(refs) == "derived"


def test_settings_default_unchanged() -> None:
    assert ClusterSettings().threshold == 0.5


VOTE = "Five of the seven judges backed the appeal and the other two dissented, the court said."
RATE = "Unemployment fell by 0.4 percentage points in June, from 5.1 percent to 4.7 percent."


@pytest.mark.parametrize(
    "sentence, items, linked",
    [
        # A count split into parts in one sentence.
        (
            VOTE,
            [("Five", 5, "person"), ("seven judges", 7, "person"), ("two", 2, "person")],
            {("Five", "seven judges"), ("two", "seven judges"), ("Five", "two")},
        ),
        # A change in points and the two levels it is the difference of.
        (
            RATE,
            [
                ("0.4 percentage points", 0.4, "percent"),
                ("5.1 percent", 5.1, "percent"),
                ("4.7 percent", 4.7, "percent"),
            ],
            {
                ("0.4 percentage points", "5.1 percent"),
                ("0.4 percentage points", "4.7 percent"),
                ("5.1 percent", "4.7 percent"),
            },
        ),
        # Numbers that do not add up are not tied.
        (
            "Six of the ten boats sank and three were towed home.",
            [("Six", 6, "item"), ("ten boats", 10, "item"), ("three", 3, "item")],
            set(),
        ),
    ],
)
def test_stated_sums(
    sentence: str, items: list[tuple[str, float, str]], linked: set[tuple[str, str]]
) -> None:
    figs = figures([ref(t, v, u, sentence) for t, v, u in items])
    pairs = {(figs[i].q.text, figs[j].q.text) for i, j in stated_sums(figs)}
    assert {frozenset(p) for p in pairs} == {frozenset(p) for p in linked}


@pytest.mark.parametrize(
    "refs, expected",
    [
        (
            [
                ref("Five", 5, "person", VOTE, claimant="the court"),
                ref("seven judges", 7, "person", VOTE, claimant="the court"),
                ref("two", 2, "person", VOTE, claimant="the court"),
            ],
            "derived",
        ),
        (
            [
                ref("0.4 percentage points", 0.4, "percent", RATE),
                ref("5.1 percent", 5.1, "percent", RATE),
                ref("4.7 percent", 4.7, "percent", RATE),
            ],
            "derived",
        ),
    ],
)
def test_spelled_out_arithmetic_is_one_derived_group(refs: list[FigureRef], expected: str) -> None:
    groups = reconcile(refs)
    assert len(groups) == 1 and len(groups[0].members) == 3
    assert groups[0].relation == expected


@pytest.mark.parametrize(
    "sentence, a, b, expected",
    [
        (
            "Crews pulled 64 people from the river, among them 9 children.",
            "64 people",
            "9 children",
            True,
        ),
        (
            "The storm killed 30 people, including 11 children, officials said.",
            "30 people",
            "11 children",
            True,
        ),
        ("Along with the 64 rescued, that puts the number aboard at 80.", "64", "80", True),
        ("The toll rose from 30 to 41 overnight.", "30", "41", False),
    ],
)
def test_part_of(sentence: str, a: str, b: str, expected: bool) -> None:
    value = {t: float("".join(c for c in t if c.isdigit())) for t in (a, b)}
    fa, fb = figures([ref(a, value[a], "person", sentence), ref(b, value[b], "person", sentence)])
    assert part_of(fa, fb) is expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (("41 survivors", 41, "survivors", None), ("41 survivors", 41, "survivors", None), True),
        (("a dozen children", 12, "children", None), ("12 children", 12, "children", None), True),
        (("12 children", 12, "children", None), ("12 boats", 12, "boats", None), False),
        (
            ("about 12 children", 12, "children", "about"),
            ("12 children", 12, "children", None),
            False,
        ),
        (("12 people", 12, "people", None), ("12 people", 12, "people", None), False),
    ],
)
def test_same_count(
    a: tuple[str, float, str, str | None], b: tuple[str, float, str, str | None], expected: bool
) -> None:
    s1, s2 = f"Police said {a[0]} were taken ashore.", f"Police said {b[0]} were taken ashore."
    fa, fb = figures(
        [
            ref(a[0], a[1], "person", s1, noun=a[2], approx=a[3]),
            ref(b[0], b[1], "person", s2, doc="b.txt", noun=b[2], approx=b[3]),
        ]
    )
    assert same_count(fa, fb) is expected


@pytest.mark.parametrize(
    "sentence, a, b, unit, expected",
    [
        # Different concepts named in one sentence never measure one count.
        (
            "At least 14 people died and as many as 20 were missing, the navy said.",
            "At least 14 people",
            "as many as 20",
            "person",
            True,
        ),
        # Houses damaged and houses destroyed are two counts.
        (
            "The council said 2,100 houses were damaged and 420 were destroyed.",
            "2,100 houses",
            "420",
            "item",
            True,
        ),
    ],
)
def test_concepts_in_one_sentence_are_vetoed(
    sentence: str, a: str, b: str, unit: str, expected: bool
) -> None:
    value = {t: float("".join(c for c in t if c.isdigit())) for t in (a, b)}
    fa, fb = figures([ref(a, value[a], unit, sentence), ref(b, value[b], unit, sentence)])
    assert vetoed(fa, fb) is expected


@pytest.mark.parametrize(
    "text, dimension, expected",
    [
        ("the fire that destroyed the old town killed at least 60 people", "people", "death"),
        ("the fire destroyed 600 homes", "items", "destroy"),
        ("homes damaged or destroyed numbered 900", "items", "destroy"),
    ],
)
def test_harm_concepts(text: str, dimension: str, expected: str) -> None:
    number = next(w for w in text.split() if w[0].isdigit())
    left, right = text.split(number, 1)
    assert nearest_concept(left, right, exclusive_for(dimension)) == expected


def test_cluster_ids_are_unique_when_founders_read_alike() -> None:
    s = "The ministry said 160 homes burned; the governor said 35 homes burned."
    refs = [
        ref("160 homes", 160, "item", s, claimant="the ministry"),
        ref("35 homes", 35, "item", s, claimant="the governor"),
        ref("160 homes", 160, "item", s, claimant="the ministry"),
        ref("35 homes", 35, "item", s, claimant="the governor"),
    ]
    ids = [c.id for c in reconcile(refs)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "sentence, text, expected",
    [
        (
            "The rate, 2.1 percent, is above the 2 percent level the bank aims for.",
            "2 percent",
            True,
        ),
        ("The bank kept its 3 percent inflation target.", "3 percent", True),
        ("Turnout passed the 50 percent threshold needed.", "50 percent", True),
        ("Inflation rose to 2.1 percent in March.", "2.1 percent", False),
    ],
)
def test_reference_figures(sentence: str, text: str, expected: bool) -> None:
    (f,) = figures([ref(text, float(text.split()[0]), "percent", sentence)])
    assert f.reference is expected


def test_reference_figure_joins_no_group() -> None:
    s1 = "The fatality rate, 1.8 percent, is above the 1 percent level experts worry about."
    s2 = "The fatality rate stood at 1.8 percent a week later."
    refs = [
        ref("1.8 percent", 1.8, "percent", s1),
        ref("1 percent", 1.0, "percent", s1),
        ref("1.8 percent", 1.8, "percent", s2, doc="b.txt", published="2025-03-09"),
    ]
    assert all("1 percent" not in {m.text for m in c.members} for c in reconcile(refs))


@pytest.mark.parametrize(
    "value, digits",
    [(8_500_000, 2), (1_000_000, 1), (120.9, 4), (0.25, 2), (3, 1), (2_450, 3)],
)
def test_significant_digits(value: float, digits: int) -> None:
    assert significant_digits(value) == digits


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((7.4e6, "USD", None), (7.4e6, "USD", None), True),
        ((5e6, "USD", None), (5e6, "USD", None), False),
        ((7.4e6, "USD", "about"), (7.4e6, "USD", None), False),
        ((7.4e6, "USD", None), (7.4e6, "EUR", None), False),
    ],
)
def test_same_precise(
    a: tuple[float, str, str | None], b: tuple[float, str, str | None], expected: bool
) -> None:
    s = "The agency said it needed the money for the response."
    fa, fb = figures(
        [
            ref("the money", a[0], a[1], s, approx=a[2]),
            ref("the money", b[0], b[1], s, doc="b.txt", approx=b[2]),
        ]
    )
    assert same_precise(fa, fb) is expected


def test_close_rates_are_two_values() -> None:
    s1 = "The bank cut its rate by 25 basis points to 6.5 percent on Thursday."
    s2 = "An economist expected another quarter-point cut, taking the rate to 6.25 percent."
    refs = [
        ref("6.5 percent", 6.5, "percent", s1),
        ref("25 basis points", 0.25, "percent", s1, unit_text="basis points"),
        ref("6.25 percent", 6.25, "percent", s2, claimant="an economist"),
    ]
    relation, note = relate(figures(refs))
    assert relation == "derived"
    assert "0.25% + 6.25% = 6.5%" in note
