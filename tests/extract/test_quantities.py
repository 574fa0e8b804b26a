"""Figures in news sentences: what is found, its value, unit, hedge, and what is left out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimledger.extract.quantities.records import extract_quantities
from claimledger.extract.quotes import Attribution
from claimledger.model import Quantity

Row = tuple  # (text, value, unit, approx); value is a number or a (low, high) range


def _figures(parse: Callable, text: str) -> list[Quantity]:
    doc, article = parse(text)
    return extract_quantities(doc, article, attribution=Attribution(doc, []), dates=[], places=[])


def _row(q: Quantity) -> Row:
    value = q.value if q.value is not None else (q.low, q.high)
    if isinstance(value, float):
        value = round(value, 4)
    return (q.text, value, q.unit, q.approx)


FIGURES = [
    # digits, separators, decimals, scales
    ("Officials said 4,512 people were evacuated.", [("4,512 people", 4512.0, "person", None)]),
    ("The bridge cost $1.5 million to repair.", [("$1.5 million", 1.5e6, "USD", None)]),
    ("The fund holds $122 billion in reserves.", [("$122 billion", 1.22e11, "USD", None)]),
    (
        "The airline carried 2.3 million passengers.",
        [("2.3 million passengers", 2.3e6, "person", None)],
    ),
    ("The firm reported a loss of $3.5bn last quarter.", [("$3.5bn", 3.5e9, "USD", None)]),
    ("A total of 812 ballots were rejected.", [("812 ballots", 812.0, "count", None)]),
    # number words
    (
        "Three journalists were detained at the border.",
        [("Three journalists", 3.0, "person", None)],
    ),
    ("The talks lasted nine hours.", [("nine hours", 9.0, "hour", None)]),
    ("Rescuers found a dozen survivors.", [("a dozen survivors", 12.0, "person", None)]),
    ("Twenty-five villages lost power.", [("Twenty-five villages", 25.0, "count", None)]),
    ("The company will cut two thousand jobs.", [("two thousand jobs", 2000.0, "count", None)]),
    (
        "Some seven million people live in the region.",
        [("Some seven million people", 7e6, "person", "some")],
    ),
    # fractions and shares
    ("Two-thirds of the wells have run dry.", [("Two-thirds", 2 / 3, "fraction", None)]),
    ("About half of the voters stayed home.", [("About half", 0.5, "fraction", "about")]),
    ("A third of the harvest was lost.", [("A third", 0.3333, "fraction", None)]),
    (
        "Nearly three-quarters of the funds were spent.",
        [("Nearly three-quarters", 0.75, "fraction", "nearly")],
    ),
    # percentages
    ("Turnout reached 40 percent.", [("40 percent", 40.0, "percent", None)]),
    ("Prices are up 40% on the year.", [("40%", 40.0, "percent", None)]),
    ("The party won 12 per cent of the vote.", [("12 per cent", 12.0, "percent", None)]),
    (
        "Unemployment rose by 0.3 percentage points.",
        [("0.3 percentage points", 0.3, "percent", None)],
    ),
    ("The bank made a quarter-point cut.", [("quarter-point", 0.25, "percent", None)]),
    (
        "The bank is expected to cut by half a percentage point.",
        [("half a percentage point", 0.5, "percent", None)],
    ),
    # money in several currencies
    ("The ministry set aside €450 million for repairs.", [("€450 million", 4.5e8, "EUR", None)]),
    ("The city raised £12 million from the sale.", [("£12 million", 1.2e7, "GBP", None)]),
    (
        "Kyiv allocated 3 billion hryvnias to the region.",
        [("3 billion hryvnias", 3e9, "UAH", None)],
    ),
    ("The loan was worth US$400 million.", [("US$400 million", 4e8, "USD", None)]),
    ("The deal was valued at 80 billion yen.", [("80 billion yen", 8e10, "JPY", None)]),
    (
        "Ankara pledged 5 billion Turkish lira in aid.",
        [("5 billion Turkish lira", 5e9, "TRY", None)],
    ),
    ("Gasoline rose 19 cents a gallon.", [("19 cents a gallon", 0.19, "USD", None)]),
    # ranges
    ("Repairs will take 12 to 18 months.", [("12 to 18 months", (12.0, 18.0), "month", None)]),
    (
        "Between 10,000 and 12,000 people marched.",
        [("Between 10,000 and 12,000 people", (10000.0, 12000.0), "person", None)],
    ),
    (
        "The march drew 10,000-12,000 people.",
        [("10,000-12,000 people", (10000.0, 12000.0), "person", None)],
    ),
    (
        "Losses could reach $2 billion to $3 billion.",
        [("$2 billion to $3 billion", (2e9, 3e9), "USD", None)],
    ),
    (
        "Rates sit at 4 percent to 4.25 percent.",
        [("4 percent to 4.25 percent", (4.0, 4.25), "percent", None)],
    ),
    ("The toll could climb by 5 to 10 a day.", [("5 to 10 a day", (5.0, 10.0), "person", None)]),
    (
        "The budget grew from $10 million to $14 million.",
        [("$10 million", 1e7, "USD", None), ("$14 million", 1.4e7, "USD", None)],
    ),
    # vague magnitudes
    (
        "Tens of thousands of people fled the city.",
        [("Tens of thousands of people", (1e4, 1e5), "person", None)],
    ),
    ("Hundreds of homes were flooded.", [("Hundreds of homes", (100.0, 1000.0), "item", None)]),
    (
        "Thousands of workers went on strike.",
        [("Thousands of workers", (1000.0, 10000.0), "person", None)],
    ),
    ("Millions of people lack clean water.", [("Millions of people", (1e6, 1e7), "person", None)]),
    (
        "Several thousand protesters gathered.",
        [("Several thousand protesters", (3e3, 1e4), "person", None)],
    ),
    ("A few hundred people waited.", [("A few hundred people", (200.0, 1000.0), "person", None)]),
    (
        "Hundreds of thousands of refugees crossed.",
        [("Hundreds of thousands of refugees", (1e5, 1e6), "person", None)],
    ),
    (
        "It cost tens of millions of dollars.",
        [("tens of millions of dollars", (1e7, 1e8), "USD", None)],
    ),
    (
        "The deal is worth several billion euros.",
        [("several billion euros", (3e9, 1e10), "EUR", None)],
    ),
    # hedges
    (
        "Almost 60,000 soldiers took part.",
        [("Almost 60,000 soldiers", 60000.0, "person", "almost")],
    ),
    (
        "More than 300 civilians were hurt.",
        [("More than 300 civilians", 300.0, "person", "more than")],
    ),
    ("At least 14 miners are trapped.", [("At least 14 miners", 14.0, "person", "at least")]),
    (
        "Fewer than 50 inspectors remain.",
        [("Fewer than 50 inspectors", 50.0, "person", "less than")],
    ),
    ("Up to 800 refugees arrive daily.", [("Up to 800 refugees", 800.0, "person", "up to")]),
    ("As many as 90 hostages were freed.", [("As many as 90 hostages", 90.0, "person", "up to")]),
    (
        "Roughly 70 percent of the town burned.",
        [("Roughly 70 percent", 70.0, "percent", "roughly")],
    ),
    ("Over 200 firefighters responded.", [("Over 200 firefighters", 200.0, "person", "over")]),
    ("The count passed above 1,500 on Friday.", [("above 1,500", 1500.0, "count", "more than")]),
    (
        "Around 3,000 tourists were stranded.",
        [("Around 3,000 tourists", 3000.0, "person", "around")],
    ),
    (
        "Less than 5 percent of the aid arrived.",
        [("Less than 5 percent", 5.0, "percent", "less than")],
    ),
    (
        "The figure stood at approximately 1,100 patients.",
        [("approximately 1,100 patients", 1100.0, "person", "about")],
    ),
    # areas, distances, weights, speeds, volumes, temperatures
    ("The fire burned 5,000 acres.", [("5,000 acres", 5000.0, "acre", None)]),
    ("Troops seized 300 square kilometers.", [("300 square kilometers", 300.0, "km2", None)]),
    ("The lake covers 25 square miles.", [("25 square miles", 25.0, "mi2", None)]),
    ("The storm flattened 900 hectares of forest.", [("900 hectares", 900.0, "hectare", None)]),
    ("The convoy drove 120 kilometres.", [("120 kilometres", 120.0, "km", None)]),
    ("The plane crashed 40 miles offshore.", [("40 miles", 40.0, "mi", None)]),
    ("Police seized 350 kilograms of cocaine.", [("350 kilograms", 350.0, "kilogram", None)]),
    ("The mill exported 12,000 tonnes of wheat.", [("12,000 tonnes", 12000.0, "metric_ton", None)]),
    ("Winds reached 150 mph.", [("150 mph", 150.0, "mile_per_hour", None)]),
    (
        "Output fell to 9 million barrels a day.",
        [("9 million barrels a day", 9e6, "oil_barrel_per_day", None)],
    ),
    (
        "Temperatures hit 45 degrees Celsius.",
        [("45 degrees Celsius", 45.0, "degree_Celsius", None)],
    ),
    ("The index fell 300 points.", [("300 points", 300.0, "point", None)]),
    # durations
    ("The siege lasted three months.", [("three months", 3.0, "month", None)]),
    (
        "The strike has gone on for more than a century.",
        [("more than a century", 100.0, "year", "more than")],
    ),
    ("After nearly a week of talks, they agreed.", [("nearly a week", 1.0, "week", "nearly")]),
    ("The plant will be rebuilt within a year.", [("a year", 1.0, "year", None)]),
    # counted nouns and partitives
    ("Six of the hostages were children.", [("Six of the hostages", 6.0, "person", None)]),
    ("Crews removed 45 pieces of debris.", [("45 pieces of debris", 45.0, "count", None)]),
    ("The storm destroyed 1,300 homes.", [("1,300 homes", 1300.0, "item", None)]),
    ("Farmers lost 2,000 cattle.", [("2,000 cattle", 2000.0, "count", None)]),
    ("The agency counted 412 casualties.", [("412 casualties", 412.0, "person", None)]),
    ("The army shot down 23 drones overnight.", [("23 drones", 23.0, "item", None)]),
    # units and scales written onto the digits, ratios, signs, Indian scales
    ("The trail is 10km long.", [("10km", 10.0, "km", None)]),
    ("The firm raised $5m last year.", [("$5m", 5e6, "USD", None)]),
    ("Temperatures fell to -20C overnight.", [("-20C", -20.0, "degree_Celsius", None)]),
    ("Only one in five homes has power.", [("one in five", 0.2, "fraction", None)]),
    ("Three out of four voters agreed.", [("Three out of four", 0.75, "fraction", None)]),
    ("The state spent Rs 500 crore on relief.", [("Rs 500 crore", 5e9, "INR", None)]),
    ("They agreed a 30-day ceasefire.", [("30-day", 30.0, "day", None)]),
    ("One person was killed in the blast.", [("One person", 1.0, "person", None)]),
    ("A dozen or so trucks were burned.", [("A dozen or so trucks", 12.0, "item", "about")]),
    (
        "Brent rose $2.10 to $84.50 a barrel.",
        [("$2.10", 2.1, "USD", None), ("$84.50 a barrel", 84.5, "USD", None)],
    ),
    # bare numbers take the unit of a nearby figure or of the sentence
    (
        "The toll rose to 212 from 180.",
        [("212", 212.0, "person", None), ("180", 180.0, "person", None)],
    ),
    (
        "About 400 nurses joined the strike and 120 have returned.",
        [("About 400 nurses", 400.0, "person", "about"), ("120", 120.0, "person", None)],
    ),
    (
        "Inflation eased to 3.1 percent from 3.4.",
        [("3.1 percent", 3.1, "percent", None), ("3.4", 3.4, "percent", None)],
    ),
]


@pytest.mark.parametrize("text, expected", FIGURES)
def test_figures(parse: Callable, text: str, expected: list[Row]) -> None:
    rows = [_row(q) for q in _figures(parse, text)]
    want = [(t, round(v, 4) if isinstance(v, float) else v, u, a) for t, v, u, a in expected]
    assert rows == want


NOT_FIGURES = [
    "The summit opened on Jan. 20 in Geneva.",
    "The law was passed in 2024.",
    "Voting ended at 10:00 on Sunday.",
    "The meeting starts at 9 a.m. sharp.",
    "The 105th Brigade moved north.",
    "The 413th Separate Battalion held the line.",
    "It was the first time the city was shelled.",
    "She served there during 2014-2015.",
    "It is one of the largest ports in Asia.",
    "From day one, the mayor opposed the plan.",
    "The council adopted Resolution 2736 unanimously.",
    "A magnitude 6.1 earthquake struck the coast.",
    "A 7.2-magnitude quake shook the island.",
    "No one was hurt in the blast.",
    "Almost all of the shops were closed.",
    "The company plans to double its output.",
    "The event happened a week earlier.",
    "They met two years ago in Paris.",
    "He boarded an F-16 at dawn.",
    "The Group of Seven met in Italy.",
    "The vote took place on 6 August 2024.",
    "The 45-year-old driver was arrested.",
    "He was born in the 1990s.",
    "Sales peaked in the second half of the year.",
    "The Lakers beat the Celtics 112-104 on Sunday.",
    "The bill passed the Senate 51-49.",
    "The 10-year yield hit a 52-week high.",
    "We will trade one territory for another.",
    "A second tremor, measured at 7.5, hit later.",
    "The talks were held at 10 Downing Street.",
    "The iPhone 15 went on sale in September.",
    "The No. 2 official at the agency resigned.",
    "The bill, known as HR 1, passed easily.",
    "Chapter 11 protection was sought by the firm.",
    "Maria Lopez, 45, said she would stay.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(parse: Callable, text: str) -> None:
    assert [q.text for q in _figures(parse, text)] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The lake covers 1,200 square kilometers (463 square miles).", [None, 0]),
        ("The fund holds 100 billion lira (about $3 billion).", [None, 0]),
        ("The fire burned 2,000 acres (809 hectares).", [None, 0]),
        ("Police arrested 40 men and 12 women.", [None, None]),
    ],
)
def test_linked_restatements(parse: Callable, text: str, expected: list[int | None]) -> None:
    assert [q.linked_to for q in _figures(parse, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gas prices rose 19 cents last week.", "up"),
        ("Exports fell by 3% in March.", "down"),
        ("The firm cut 500 jobs.", "down"),
        ("Employers added 90,000 jobs.", "up"),
        ("The fund holds $5 billion.", None),
        ("The toll rose to 212.", None),
        ("The bank expects 818,000 fewer jobs.", "down"),
    ],
)
def test_change(parse: Callable, text: str, expected: str | None) -> None:
    assert _figures(parse, text)[0].change == expected


@pytest.mark.parametrize(
    "text, noun",
    [
        ("Officials said 4,512 refugees crossed.", "refugee"),
        ("The strike drew 13,000 workers.", "worker"),
        ("Ukraine lost 40 villages.", "village"),
        ("They counted 12 casualties.", "casualty"),
        ("Troops captured 30 tanks.", "tank"),
    ],
)
def test_noun(parse: Callable, text: str, noun: str) -> None:
    assert _figures(parse, text)[0].noun == noun


@pytest.mark.parametrize(
    "text, words",
    [
        (
            "Russia pulled almost 60,000 troops off the southern front.",
            {"troops", "pulled", "front"},
        ),
        ("The storm destroyed 1,300 homes in the valley.", {"homes", "destroyed", "valley"}),
        ("About 40 percent of the harvest was lost.", {"share", "harvest", "lost"}),
    ],
)
def test_subject(parse: Callable, text: str, words: set[str]) -> None:
    subject = _figures(parse, text)[0].subject or ""
    assert words <= set(subject.split())


def test_offsets_and_sentence(parse: Callable) -> None:
    doc, article = parse(
        "The summit opened on Jan. 20 in Geneva. Delegates from 40 countries came."
    )
    q = extract_quantities(doc, article, attribution=Attribution(doc, []), dates=[], places=[])[0]
    assert article.text[q.start : q.end] == q.text == "40 countries"
    assert q.sentence == "Delegates from 40 countries came."
    assert q.as_of == "2025-01-15"
