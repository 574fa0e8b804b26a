"""Arithmetic an article spells out across sentences: parts of a total, margins in points."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.reconcile import FigureRef, reconcile
from tests.reconcile.figure_refs import figure_ref

TALLY = "The Green League won 18 of the 40 council seats in Tampere, officials said on Sunday."
REST = "The Social Democrats won 15 seats and independents took the remaining 7."
WRONG_REST = "The Social Democrats won 15 seats and independents took the remaining 9."
VOTE = (
    "The Green League took 38.2 percent of the vote against 31.6 percent for the "
    "Social Democrats, a margin of 6.6 points."
)


def ref(sentence: str, text: str, value: float, unit: str, **kw: Any) -> FigureRef:
    """A stored figure found in `sentence`."""
    return figure_ref(text, value, unit, sentence, doc="vote.txt", published="2025-04-14", **kw)


def seats(rest: str, last: float) -> list[FigureRef]:
    return [
        ref(TALLY, "18", 18, "count", noun="seat"),
        ref(TALLY, "40 council seats", 40, "count", noun="seat"),
        ref(rest, "15 seats", 15, "count", noun="seat"),
        ref(rest, str(int(last)), last, "count", noun="seat"),
    ]


def margin() -> list[FigureRef]:
    return [
        ref(VOTE, "38.2 percent", 38.2, "percent", subject="share of the vote"),
        ref(VOTE, "31.6 percent", 31.6, "percent", subject="share of the vote"),
        ref(VOTE, "6.6 points", 6.6, "percent", unit_text="points"),
    ]


@pytest.mark.parametrize(
    "refs, expected_group, expected_relation",
    [
        (seats(REST, 7), {"18", "40 council seats", "15 seats", "7"}, "derived"),
        (margin(), {"38.2 percent", "31.6 percent", "6.6 points"}, "derived"),
        (
            seats(REST, 7) + margin(),
            {"18", "40 council seats", "15 seats", "7"},
            "derived",
        ),
    ],
)
def test_spelled_out_arithmetic_groups(
    refs: list[FigureRef], expected_group: set[str], expected_relation: str
) -> None:
    clusters = {frozenset(m.text for m in c.members): c for c in reconcile(refs)}
    assert frozenset(expected_group) in clusters
    assert clusters[frozenset(expected_group)].relation == expected_relation


def test_margin_levels_stay_apart_from_counts() -> None:
    groups = [{m.text for m in c.members} for c in reconcile(seats(REST, 7) + margin())]
    assert {"38.2 percent", "31.6 percent", "6.6 points"} in groups


@pytest.mark.parametrize("rest, last", [(WRONG_REST, 9)])
def test_parts_that_do_not_add_up_are_not_a_sum(rest: str, last: float) -> None:
    assert all(c.relation != "derived" for c in reconcile(seats(rest, last)))


CATCH = (
    "The cod catch is expected to shrink to about 1.2 million tonnes this season, down "
    "from 1.6 million tonnes last season, the fisheries agency said."
)
COD = "cod catch expected this season"
FLAT = "rent for a two-room flat"
RENT = "Rent for a two-room flat reached 900 euros in June, up from 600 euros in March."


@pytest.mark.parametrize(
    "refs, expected_group",
    [
        (
            [
                ref(
                    CATCH,
                    "about 1.2 million tonnes",
                    1.2e6,
                    "metric_ton",
                    approx="about",
                    subject=COD,
                ),
                ref(CATCH, "1.6 million tonnes", 1.6e6, "metric_ton", subject=COD),
                ref(
                    f"{CATCH} That is a fall of 25 percent.",
                    "25 percent",
                    25,
                    "percent",
                    subject="fall",
                ),
            ],
            {"about 1.2 million tonnes", "1.6 million tonnes", "25 percent"},
        ),
        (
            [
                ref(RENT, "900 euros", 900, "EUR", subject=FLAT),
                ref(RENT, "600 euros", 600, "EUR", subject=FLAT),
                ref(f"{RENT} Rents rose by half.", "half", 0.5, "fraction", subject="rise"),
            ],
            {"900 euros", "600 euros", "half"},
        ),
    ],
)
def test_percent_worked_from_two_levels_is_derived(
    refs: list[FigureRef], expected_group: set[str]
) -> None:
    clusters = {frozenset(m.text for m in c.members): c for c in reconcile(refs)}
    assert frozenset(expected_group) in clusters
    assert clusters[frozenset(expected_group)].relation == "derived"


def test_percent_that_fits_no_change_stays_alone() -> None:
    refs = [
        ref(RENT, "900 euros", 900, "EUR", subject=FLAT),
        ref(RENT, "600 euros", 600, "EUR", subject=FLAT),
        ref(f"{RENT} Vacancies fell by 12 percent.", "12 percent", 12, "percent", subject="fall"),
    ]
    assert all("12 percent" not in {m.text for m in c.members} for c in reconcile(refs))


TURNOUT = "Turnout was 62 percent, up from 58 percent in 2019, the electoral board said."
VOTERS = "voters cast ballots registered"
BALLOTS = "About 3.1 million voters cast ballots, out of 5 million registered."


@pytest.mark.parametrize(
    "ballots, expected",
    [
        (3.1e6, {"62 percent", "About 3.1 million voters", "5 million"}),
        (4.0e6, {"About 4.0 million voters", "5 million"}),
    ],
)
def test_part_over_whole_leaves_its_group_of_levels(ballots: float, expected: set[str]) -> None:
    text = f"About {ballots / 1e6:.1f} million voters"
    sentence = BALLOTS.replace("About 3.1 million voters", text)
    refs = [
        ref(TURNOUT, "62 percent", 62, "percent", subject="turnout"),
        ref(TURNOUT, "58 percent", 58, "percent", subject="turnout"),
        ref(sentence, text, ballots, "person", approx="about", noun="voter", subject=VOTERS),
        ref(sentence, "5 million", 5e6, "person", noun="voter", subject=VOTERS),
    ]
    groups = [{m.text for m in c.members} for c in reconcile(refs)]
    assert expected in groups
