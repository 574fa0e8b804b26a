"""Time expressions: finding them, resolving them against the publication date, as-of dates.

Every sentence is published on Saturday 2025-01-11 unless the case says otherwise.
"""

from __future__ import annotations

import pytest

from claimledger.extract.dates.expressions import as_of_at, extract_dates
from claimledger.extract.dates.timex import resolve

PUB = "2025-01-11"

# (sentence, [(text, value, type), ...]): each expected expression must be found, exactly.
FOUND = [
    ("On 6 August 2024, the army crossed the border.", [("6 August 2024", "2024-08-06", "DATE")]),
    ("Prices fell on Aug. 6, 2024, traders said.", [("Aug. 6, 2024", "2024-08-06", "DATE")]),
    ("The filing is dated 2024-08-06.", [("2024-08-06", "2024-08-06", "DATE")]),
    ("Sales slowed in August 2024.", [("August 2024", "2024-08", "DATE")]),
    ("The plant opened in 2023.", [("2023", "2023", "DATE")]),
    ("The bridge was built in 1943.", [("1943", "1943", "DATE")]),
    ("Exports dropped in December.", [("December", "2024-12", "DATE")]),
    ("The bank will cut rates in March.", [("March", "2025-03", "DATE")]),
    ("The mayor resigned in March.", [("March", "2024-03", "DATE")]),
    ("The council met last Thursday.", [("last Thursday", "2025-01-09", "DATE")]),
    ("The council met on Thursday.", [("Thursday", "2025-01-09", "DATE")]),
    ("The council will meet on Thursday.", [("Thursday", "2025-01-16", "DATE")]),
    ("The council meets next Tuesday.", [("next Tuesday", "2025-01-14", "DATE")]),
    ("The strike ended on Jan. 3.", [("Jan. 3", "2025-01-03", "DATE")]),
    ("He took office on Jan. 20.", [("Jan. 20", "2024-01-20", "DATE")]),
    ("He takes office on Jan. 20.", [("Jan. 20", "2025-01-20", "DATE")]),
    ("Trading resumes on Tuesday.", [("Tuesday", "2025-01-14", "DATE")]),
    ("The hearing was adjourned until Feb. 3.", [("Feb. 3", "2025-02-03", "DATE")]),
    ("The firm suspended trading on Feb. 3.", [("Feb. 3", "2024-02-03", "DATE")]),
    ("The team is going to visit Paris in March.", [("March", "2025-03", "DATE")]),
    ("They planned to vote in March.", [("March", "2025-03", "DATE")]),
    ("The deal was settled in March.", [("March", "2024-03", "DATE")]),
    ("Officials hoped to finish by Friday.", [("Friday", "2025-01-17", "DATE")]),
    ("He will take office on Jan. 20.", [("Jan. 20", "2025-01-20", "DATE")]),
    ("Rents have risen since August.", [("since August", "2024-08/2025-01-11", "DATE")]),
    ("Rents have risen since August.", [("August", "2024-08", "DATE")]),
    ("Output has doubled since 2019.", [("since 2019", "2019/2025-01-11", "DATE")]),
    ("The talks collapsed yesterday.", [("yesterday", "2025-01-10", "DATE")]),
    ("The results are due today.", [("today", "2025-01-11", "DATE")]),
    ("The vote is tomorrow.", [("tomorrow", "2025-01-12", "DATE")]),
    ("The minister spoke tonight.", [("tonight", "2025-01-11TNI", "TIME")]),
    ("Shares fell sharply this week.", [("this week", "2025-01-06/2025-01-11", "DATE")]),
    ("Shares fell sharply last week.", [("last week", "2024-12-30/2025-01-05", "DATE")]),
    ("Inflation eased this month.", [("this month", "2025-01", "DATE")]),
    ("Inflation eased last month.", [("last month", "2024-12", "DATE")]),
    ("Growth slowed last year.", [("last year", "2024", "DATE")]),
    ("Growth will pick up next year.", [("next year", "2026", "DATE")]),
    ("Prices jumped earlier this month.", [("earlier this month", "2025-01", "DATE")]),
    ("The firm cut jobs late last year.", [("late last year", "2024", "DATE")]),
    ("The rebels advanced in the fall.", [("the fall", "2024-09/2024-11", "DATE")]),
    ("Crowds thinned over the summer.", [("the summer", "2024-06/2024-08", "DATE")]),
    ("The river flooded last spring.", [("last spring", "2024-03/2024-05", "DATE")]),
    ("The line reopens next spring.", [("next spring", "2025-03/2025-05", "DATE")]),
    ("Profits rose in the second quarter.", [("the second quarter", "2024-04/2024-06", "DATE")]),
    ("Profits rose in Q3 2023.", [("Q3 2023", "2023-07/2023-09", "DATE")]),
    ("Prices were lower in the 1990s.", [("the 1990s", "1990/1999", "DATE")]),
    (
        "Sales grew in the first half of 2024.",
        [("the first half of 2024", "2024-01/2024-06", "DATE")],
    ),
    ("The lines were redrawn in 2014-15.", [("2014-15", "2014/2015", "DATE")]),
    (
        "Wages stagnated from 2014 to 2016.",
        [
            ("from 2014 to 2016", "2014/2016", "DATE"),
            ("2014", "2014", "DATE"),
            ("2016", "2016", "DATE"),
        ],
    ),
    ("Rain fell between March and May.", [("between March and May", "2024-03/2024-05", "DATE")]),
    (
        "Rain fell between March and May 2023.",
        [("between March and May 2023", "2023-03/2023-05", "DATE")],
    ),
    ("Two years ago the mill closed.", [("Two years ago", "2023", "DATE")]),
    ("The mill closed three days ago.", [("three days ago", "2025-01-08", "DATE")]),
    (
        "Fighting eased in the past three months.",
        [("the past three months", "2024-10-11/2025-01-11", "DURATION")],
    ),
    ("Prices rose over the past year.", [("the past year", "2024-01-11/2025-01-11", "DURATION")]),
    ("The siege lasted five months.", [("five months", "P5M", "DURATION")]),
    ("It may take 12 to 18 months.", [("12 to 18 months", None, "DURATION")]),
    (
        "It was the worst fire in more than a century.",
        [("more than a century", "P100Y", "DURATION")],
    ),
    ("Talks dragged on for years.", [("years", "PXY", "DURATION")]),
    ("The buses run every week.", [("every week", "P1W", "SET")]),
    ("The index is published daily.", [("daily", "P1D", "SET")]),
    ("The toll could rise by 10 to 20 a day.", [("a day", "P1D", "SET")]),
    ("The blast came at 10:00 local time.", [("10:00 local time", "2025-01-11T10:00", "TIME")]),
    ("The storm hit at 4:15 a.m. on the coast.", [("4:15 a.m.", "2025-01-11T04:15", "TIME")]),
    ("Troops moved in before dawn.", [("before dawn", "2025-01-11TMO", "TIME")]),
    ("The shelling began on Tuesday morning.", [("Tuesday morning", "2025-01-07TMO", "TIME")]),
    ("Shops stayed open on Christmas Eve.", [("Christmas Eve", "2024-12-24", "DATE")]),
    ("The budget will pass by the end of the year.", [("the end of the year", "2025", "DATE")]),
    ("The tower was finished in mid-2024.", [("mid-2024", "2024", "DATE")]),
    ("Cities grew fast in the 20th century.", [("the 20th century", "1900/1999", "DATE")]),
    (
        "Payrolls grew in the 12 months through March 2024.",
        [
            ("12 months through March 2024", "2023-04/2024-03", "DATE"),
            ("March 2024", "2024-03", "DATE"),
        ],
    ),
    (
        "Sales fell in the 52 weeks to 6 April 2024.",
        [("52 weeks to 6 April 2024", "2023-04-09/2024-04-06", "DATE")],
    ),
    ("Talks could resume in the coming weeks.", [("the coming weeks", "PXW", "DURATION")]),
    ("The log shows 2024-08-06T10:00 as the start.", [("2024-08-06T10:00", "2024-08-06", "DATE")]),
    ("The war ended in 1945 and the treaty followed in 1951.", [("1951", "1951", "DATE")]),
    ("The dam broke in the early hours of 3 May.", [("3 May", "2024-05-03", "DATE")]),
    (
        "The plant will restart in the first half of next year.",
        [("the first half of next year", "2026-01/2026-06", "DATE")],
    ),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_finds_and_resolves(parse, text: str, expected: list[tuple[str, str | None, str]]) -> None:
    doc, article = parse(text, published=PUB)
    got = {(d.text, d.value, d.type) for d in extract_dates(doc, article)}
    for item in expected:
        assert item in got, f"{item} not in {got}"


# Relative expressions count from the last date named earlier in the same paragraph.
ANCHORED = [
    ("In September 2024, the army withdrew. In the ensuing month, it regrouped.",
     ("the ensuing month", "2024-10")),
    ("The dam broke on 2 March 2023. Three days later, the town flooded.",
     ("Three days later", "2023-03-05")),
    ("The dam broke on 2 March 2023. A week earlier, engineers had warned of cracks.",
     ("A week earlier", "2023-02-23")),
    ("The strike began on 4 June 2024. The following day, ports shut.",
     ("The following day", "2024-06-05")),
    ("The law passed in May 2022. That year, prices soared.", ("That year", "2022")),
    ("Three days later, the town flooded.", ("Three days later", "2025-01-14")),
    ("In March 2019, the army took the port. By June, it held the coast.", ("June", "2019-06")),
    ("The siege began in November 2022. In February, the city fell.", ("February", "2023-02")),
    ("Prices peaked in March 2024. In June, they fell.", ("June", "2024-06")),
    ("Pay was 4 percent higher than in January 2024. January was strong.", ("January", "2025-01")),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", ANCHORED)
def test_anchored_expressions(parse, text: str, expected: tuple[str, str]) -> None:
    doc, article = parse(text, published=PUB)
    got = {(d.text, d.value) for d in extract_dates(doc, article)}
    assert expected in got, got


# Numbers and words that look like time expressions but are not.
NOT_DATES = [
    ("The brigade lost 2000 soldiers.", "2000"),
    ("The hotel has 1500 rooms.", "1500"),
    ("Theresa May spoke to reporters.", "May"),
    ("Officials may march on the capital.", "march"),
    ("Protesters will march in the capital.", "march"),
    ("The fall of the city shocked the region.", "fall"),
    ("Prices fall when supply rises.", "fall"),
    ("The fund raised $2024 in a day of giving.", "2024"),
    ("It was a second chance for the club.", "second"),
    ("She writes for the Sunday Times in London.", "Sunday"),
    ("He scored 1990 points over his career.", "1990"),
]


@pytest.mark.parametrize("text, word", NOT_DATES)
def test_does_not_emit(parse, text: str, word: str) -> None:
    doc, article = parse(text, published=PUB)
    for d in extract_dates(doc, article):
        assert word not in d.text, d


def test_offsets_match_text(parse) -> None:
    text = (
        "On Aug. 6, 2024, the army crossed the border.\n\nSince August, it has held 300 square "
        "miles. Last Thursday, officials said the fall campaign would end in March. Three "
        "days later, the talks resumed at 10:00."
    )
    doc, article = parse(text, published=PUB)
    dates = extract_dates(doc, article)
    assert len(dates) >= 5
    for d in dates:
        assert article.text[d.start : d.end] == d.text


def test_without_publication_date(parse) -> None:
    doc, article = parse("Exports dropped in December, but rose on 6 August 2024.", published=None)
    got = {d.text: d.value for d in extract_dates(doc, article)}
    assert got == {"December": None, "6 August 2024": "2024-08-06"}


RESOLVE = [
    ("in December", "past", ("2024-12", "DATE")),
    ("in March", "future", ("2025-03", "DATE")),
    ("last Thursday", None, ("2025-01-09", "DATE")),
    ("since August", None, ("2024-08/2025-01-11", "DATE")),
    ("the fall", None, ("2024-09/2024-11", "DATE")),
    ("this winter", None, ("2024-12/2025-02", "DATE")),
    ("Thanksgiving", "future", ("2025-11-27", "DATE")),
    ("Christmas", None, ("2024-12-25", "DATE")),
    ("last quarter", None, ("2024-10/2024-12", "DATE")),
    ("fiscal 2024", None, ("2024", "DATE")),
    ("a decade", None, ("P10Y", "DURATION")),
    ("twice a year", None, ("P1Y", "SET")),
    ("10 a.m.", None, ("2025-01-11T10:00", "TIME")),
    ("last night", None, ("2025-01-10TNI", "TIME")),
    ("the weekend", None, ("2025-01-11/2025-01-12", "DATE")),
    ("Feb. 30", None, None),
    ("the mayor", None, None),
]


@pytest.mark.parametrize("text, tense, expected", RESOLVE)
def test_resolve(text: str, tense, expected) -> None:
    assert resolve(text, (2025, 1, 11), tense) == expected


def test_resolve_without_anchor_is_none() -> None:
    assert resolve("in December", None) == (None, "DATE")


AS_OF = [
    ("In September 2024, the president said the region drew 40,000 troops.", "40,000", "2024-09"),
    ("The army said on Thursday that it had lost 300 tanks.", "300", "2025-01-09"),
    ("It now holds 300 square miles, officials said.", "300", PUB),
    ("The toll rose to 97 on Friday, down from 115 on Sept. 8.", "115", "2024-09-08"),
    ("The toll rose to 97 on Friday, down from 115 on Sept. 8.", "97", "2025-01-10"),
    ("Casualties have reached 38,000 since August.", "38,000", "2024-08/2025-01-11"),
    ("The bank released a report on Jan. 3. It put the damage at $2 billion.", "$2", "2025-01-03"),
    ("Output was 4 percent of Turkey's 2021 output.", "4", PUB),
]


@pytest.mark.parametrize("text, figure, expected", AS_OF)
def test_as_of(parse, text: str, figure: str, expected: str) -> None:
    doc, article = parse(text, published=PUB)
    dates = extract_dates(doc, article)
    start = text.index(figure)
    assert as_of_at(doc, dates, start, start + len(figure), PUB) == expected
