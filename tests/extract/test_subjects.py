"""Subject phrases: the measured noun, its modifiers and what happened to it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimledger.extract.quantities.records import extract_quantities
from claimledger.extract.quantities.subjects import conversion_subject
from claimledger.extract.quotes import Attribution
from claimledger.model import Quantity


def _figures(parse: Callable, text: str) -> list[Quantity]:
    doc, article = parse(text)
    return extract_quantities(doc, article, attribution=Attribution(doc, []), dates=[], places=[])


def _subject(parse: Callable, text: str, figure: str) -> str:
    found = [q for q in _figures(parse, text) if q.text == figure]
    assert found, f"no figure {figure!r} in {text!r}"
    return found[0].subject or ""


SUBJECTS = [
    # the counted noun with the verb that says what happened to it, and who did it
    (
        "The storm destroyed 1,300 homes in the valley.",
        "1,300 homes",
        {"homes", "destroyed", "valley", "storm"},
    ),
    (
        "Rescuers pulled 14 survivors from the rubble.",
        "14 survivors",
        {"survivors", "pulled", "rubble", "rescuers"},
    ),
    (
        "The army deployed 800 soldiers to the region.",
        "800 soldiers",
        {"soldiers", "deployed", "region", "army"},
    ),
    (
        "About 2,000 people were evacuated from the coastal towns.",
        "About 2,000 people",
        {"people", "evacuated", "coastal", "towns"},
    ),
    # a death is named as a killing
    (
        "More than 300 people died in the fire.",
        "More than 300 people",
        {"people", "killed", "fire"},
    ),
    # money: the thing the sum is for, the verb in its participle, the giver
    (
        "The government pledged €500 million in aid for farmers.",
        "€500 million",
        {"aid", "pledged", "farmers", "government", "(euros)"},
    ),
    ("Britain pledged £20 million.", "£20 million", {"pledged", "britain", "sterling)"}),
    ("Investors poured $3 billion into the fund.", "$3 billion", {"poured", "fund", "investors"}),
    (
        "The company said it would invest $400 million in new plants.",
        "$400 million",
        {"invested", "new", "plants", "company"},
    ),
    (
        "Donors gave $1 million to the hospital, and the city added $250,000.",
        "$250,000",
        {"city"},
    ),
    # list items keep their own source
    (
        "Pledges included €10 million from Spain and €5 million from Italy.",
        "€10 million",
        {"pledges", "spain"},
    ),
    ("Pledges included €10 million from Spain and €5 million from Italy.", "€5 million", {"italy"}),
    # shares and changes
    ("About 40 percent of the harvest was lost.", "About 40 percent", {"share", "harvest", "lost"}),
    ("Half of the students failed the exam.", "Half", {"share", "students"}),
    ("Oil prices fell 3% on Tuesday.", "3%", {"fall", "oil", "prices"}),
    (
        "Unemployment rose 0.4 percentage point to 5.1 percent in March.",
        "0.4 percentage point",
        {"rise", "unemployment"},
    ),
    ("Sales were 12 percent higher than a year earlier.", "12 percent", {"rise", "sales"}),
    ("The firm offered a 4 percent pay rise.", "4 percent", {"pay", "rise", "offered", "firm"}),
    # a change made to an estimate is a revision, with its direction
    (
        "Growth forecasts for the region were revised down by 0.4 percent.",
        "0.4 percent",
        {"downward", "revision", "growth", "forecasts"},
    ),
    ("Earlier tallies were revised up by 300.", "300", {"upward", "revision", "tallies"}),
    # a level reached names what reached it, not the verb
    ("The death toll rose to 212 on Sunday.", "212", {"death", "toll"}),
    ("Exports rose to $12 billion in May.", "$12 billion", {"exports"}),
    (
        "The number of people killed in the clashes rose to 57.",
        "57",
        {"people", "killed", "clashes"},
    ),
    # a bare count borrows the noun of the count before it
    (
        "Some 6,000 refugees crossed the border, and 2,500 returned home.",
        "2,500",
        {"refugees", "returned"},
    ),
    # a part of a counted whole keeps the whole's description and the clause
    (
        "Three of the nine judges of the Supreme Court dissented from the ruling.",
        "Three",
        {"judges", "supreme", "court", "dissented", "ruling"},
    ),
    # populations, dimensions and spans of time
    ("Dalby, a town of 40,000 people, lost power.", "40,000 people", {"population", "dalby"}),
    ("The quake struck at a depth of 10 kilometres.", "10 kilometres", {"depth", "quake"}),
    ("The bridge spans 1.2 kilometres across the bay.", "1.2 kilometres", {"length", "bridge"}),
    (
        "The village lies 30 kilometres north of the capital.",
        "30 kilometres",
        {"distance", "village"},
    ),
    ("The strike lasted 12 days.", "12 days", {"time", "strike", "lasted"}),
    ("It has been three years since the plant closed.", "three years", {"time", "plant", "closed"}),
    (
        "Six weeks after the vote, no government has been formed.",
        "Six weeks",
        {"time", "after", "vote"},
    ),
    # measures named by what they measure: temperature, speed, rainfall
    (
        "Temperatures in the mountain town of Banff reached 35 degrees Celsius on Monday.",
        "35 degrees Celsius",
        {"temperature", "banff"},
    ),
    ("Weather stations in the valley recorded 41C on Sunday.", "41C", {"temperature", "recorded"}),
    ("The storm was moving north at 15 km/h on Friday.", "15 km/h", {"speed"}),
    ("Gusts of up to 140 km/h lashed the coast.", "up to 140 km/h", {"gusts"}),
    ("The town recorded 120 millimetres overnight.", "120 millimetres", {"rainfall"}),
    (
        "Up to 200 millimetres of rain could fall in 48 hours in the northern hills.",
        "Up to 200 millimetres",
        {"rain", "hills"},
    ),
    # a level reached or averaged names what reached it; a forecast says so
    ("Insured losses hit $3 billion.", "$3 billion", {"insured", "losses"}),
    (
        "The bank expects inflation to average 4.1 percent this year.",
        "4.1 percent",
        {"average", "inflation", "expected"},
    ),
    (
        "Economists forecast exports to fall by 3 percent.",
        "3 percent",
        {"fall", "exports", "forecast"},
    ),
    # verbs sharing the counted noun
    (
        "More than 300 migrants have died or gone missing on the route this year.",
        "More than 300 migrants",
        {"migrants", "killed", "missing", "route"},
    ),
    # a part of a counted whole keeps the whole's description and the clause
    (
        "Three of the nine judges of the Supreme Court dissented from the ruling.",
        "Three",
        {"judges", "supreme", "court", "dissented", "ruling"},
    ),
    # populations
    (
        "Floods cut off the 12,000 residents of Dunmore.",
        "12,000 residents",
        {"population", "dunmore"},
    ),
    ("Tarvik, a fishing port, is home to 4,500 people.", "4,500 people", {"population", "tarvik"}),
    # a length from a place, after a noun phrase with "of"
    (
        "Most of the wreckage was found 30 kilometres east of the harbour.",
        "30 kilometres",
        {"distance", "wreckage"},
    ),
    # a clause for subject: what the sum is the cost of
    (
        "Rebuilding the damaged schools will cost about $80 million.",
        "about $80 million",
        {"cost", "rebuilding", "schools"},
    ),
]


@pytest.mark.parametrize("text, figure, words", SUBJECTS)
def test_subject_words(parse: Callable, text: str, figure: str, words: set[str]) -> None:
    subject = _subject(parse, text, figure)
    assert words <= set(subject.lower().split()), subject


@pytest.mark.parametrize(
    "text, figure, absent",
    [
        # the other items of a list do not leak into a figure's phrase
        (
            "Pledges included €10 million from Spain and €5 million from Italy.",
            "€10 million",
            {"italy"},
        ),
        (
            "Pledges included €10 million from Spain and €5 million from Italy.",
            "€5 million",
            {"spain"},
        ),
        # dates and the reporting verb are not what is measured
        (
            "Officials said 120 houses collapsed on Monday.",
            "120 houses",
            {"said", "monday", "officials"},
        ),
        # "it" in a person's words is not that person
        (
            '"It is moving west at 20 km/h," said Ana Ruiz, a forecaster.',
            "20 km/h",
            {"ana", "ruiz"},
        ),
        # a time word modifying the measured noun stays, a date goes
        ("Night temperatures stayed above 30C on Monday.", "above 30C", {"monday"}),
        # a comma-set aside about the agent is left out
        (
            "The union, which has 9,000 members, said it won a 5 percent raise.",
            "5 percent",
            {"members"},
        ),
    ],
)
def test_subject_leaves_out(parse: Callable, text: str, figure: str, absent: set[str]) -> None:
    subject = _subject(parse, text, figure)
    assert not absent & set(subject.lower().split()), subject


def test_subject_is_short(parse: Callable) -> None:
    text = (
        "The regional health authority, citing hospital records gathered over the past month "
        "across dozens of districts, said 4,200 patients were admitted with severe symptoms "
        "in crowded wards in the north and the east of the country after the outbreak began."
    )
    subject = _subject(parse, text, "4,200 patients")
    assert {"patients", "admitted"} <= set(subject.split())
    assert len(subject.split()) <= 14


@pytest.mark.parametrize(
    "subject, unit, expected",
    [
        ("aid pledged by donors (euros)", "USD", "aid pledged by donors (US dollars)"),
        ("crop losses (pesos)", "USD", "crop losses (US dollars)"),
        ("homes destroyed", "EUR", "homes destroyed (euros)"),
        ("distance from the coast", "mi", "distance from the coast"),
        ("bonus offered (rand)", "mi", "bonus offered"),
        (None, "USD", None),
    ],
)
def test_conversion_subject(subject: str | None, unit: str, expected: str | None) -> None:
    assert conversion_subject(subject, unit) == expected
