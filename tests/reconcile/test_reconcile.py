"""Grouping figures across articles and relating them: agree, update, conflict, derived."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.model import Quantity
from claimledger.reconcile import FigureRef, clusters_to_json, reconcile
from claimledger.reconcile.features import make_figure
from claimledger.reconcile.relate import RelateSettings, agree, same_claimant

FLOOD_A = (
    "Floodwaters swept through the Drava valley in Slovenia on Tuesday, and rescuers said the "
    "river had burst its banks near Ptuj, forcing evacuations along the valley."
)
FLOOD_B = (
    "Days after the Drava valley floods in Slovenia, rescuers near Ptuj are still pumping water "
    "from homes along the river as the valley counts the damage."
)


def ref(doc: str, text: str, value: float | None, unit: str, **kw: Any) -> FigureRef:
    """A stored figure; the sentence defaults to the text inside its article's story."""
    story = FLOOD_A if doc == "a.txt" else FLOOD_B
    sentence = kw.pop("sentence", f"{story} Officials counted {text} in the Drava valley.")
    published = kw.pop("published", "2025-05-06" if doc == "a.txt" else "2025-05-12")
    q = Quantity(text=text, start=0, end=0, value=value, unit=unit, sentence=sentence, **kw)
    return FigureRef(doc=doc, quantity_id=None, quantity=q, published=published)


def groups(refs: list[FigureRef]) -> list[set[str]]:
    return [{m.text for m in c.members} for c in reconcile(refs)]


def relation_of(refs: list[FigureRef]) -> str:
    clusters = reconcile(refs)
    assert len(clusters) == 1, [c.members for c in clusters]
    return clusters[0].relation


@pytest.mark.parametrize(
    "refs, expected",
    [
        (  # the same value in two articles
            [
                ref(
                    "a.txt",
                    "about 2,400 homes",
                    2400,
                    "item",
                    approx="about",
                    subject="homes flooded in the Drava valley",
                ),
                ref(
                    "b.txt",
                    "2,380 homes",
                    2380,
                    "item",
                    subject="homes flooded in the Drava valley",
                ),
            ],
            "agree",
        ),
        (  # the same claimant, later and higher
            [
                ref(
                    "a.txt",
                    "12 people",
                    12,
                    "person",
                    claimant="civil protection agency",
                    subject="people killed by the Drava floods",
                    as_of="2025-05-06",
                ),
                ref(
                    "b.txt",
                    "31 people",
                    31,
                    "person",
                    claimant="civil protection agency",
                    subject="people killed by the Drava floods",
                    as_of="2025-05-12",
                ),
            ],
            "update",
        ),
        (  # two sides about the same moment, values that cannot both be true
            [
                ref(
                    "a.txt",
                    "120 tanks",
                    120,
                    "item",
                    claimant="Northland army",
                    subject="tanks destroyed in the battle for Ptuj",
                    as_of="2025-05-06",
                ),
                ref(
                    "b.txt",
                    "15 tanks",
                    15,
                    "item",
                    claimant="Southland defence ministry",
                    subject="tanks destroyed in the battle for Ptuj",
                    as_of="2025-05-07",
                ),
            ],
            "conflict",
        ),
        (  # a unit conversion given in the same sentence
            [
                ref(
                    "a.txt",
                    "5,000 acres",
                    5000,
                    "acre",
                    subject="farmland flooded",
                    sentence="The river flooded 5,000 acres (2,023 hectares) of farmland.",
                ),
                ref(
                    "a.txt",
                    "2,023 hectares",
                    2023,
                    "hectare",
                    subject="farmland flooded",
                    sentence="The river flooded 5,000 acres (2,023 hectares) of farmland.",
                ),
            ],
            "derived",
        ),
        (  # a forecast against the outcome
            [
                ref(
                    "a.txt",
                    "about 900 evacuees",
                    900,
                    "person",
                    approx="about",
                    subject="evacuees expected in shelters",
                    as_of="2025-05-06",
                    sentence="Officials expected about 900 evacuees in the Drava valley shelters.",
                ),
                ref(
                    "b.txt",
                    "2,100 evacuees",
                    2100,
                    "person",
                    subject="evacuees in shelters",
                    as_of="2025-05-07",
                    sentence="In the end 2,100 evacuees slept in the Drava valley shelters.",
                ),
            ],
            "conflict",
        ),
    ],
)
def test_relation(refs: list[FigureRef], expected: str) -> None:
    assert relation_of(refs) == expected


@pytest.mark.parametrize(
    "refs, expected",
    [
        (  # nationality in the counted phrase must agree
            [
                ref(
                    "a.txt",
                    "3,000 Northland troops",
                    3000,
                    "person",
                    subject="troops sent to the Drava front",
                ),
                ref(
                    "b.txt",
                    "3,200 Southland troops",
                    3200,
                    "person",
                    subject="troops sent to the Drava front",
                ),
                ref(
                    "a.txt",
                    "some 11,000 North Korean troops",
                    11000,
                    "person",
                    subject="North Korean troops sent to the Drava front",
                ),
                ref(
                    "b.txt",
                    "12,000 Russian troops",
                    12000,
                    "person",
                    subject="Russian troops sent to the Drava front",
                ),
            ],
            [],
        ),
        (  # killed and injured are different measures
            [
                ref(
                    "a.txt", "14 people", 14, "person", subject="people killed by the Drava floods"
                ),
                ref(
                    "b.txt", "16 people", 16, "person", subject="people injured by the Drava floods"
                ),
            ],
            [],
        ),
        (  # the same measure in two articles, beside an unrelated one
            [
                ref(
                    "a.txt", "14 people", 14, "person", subject="people killed by the Drava floods"
                ),
                ref("b.txt", "19 deaths", 19, "person", subject="deaths in the Drava floods"),
                ref("b.txt", "45 kilometres", 45, "km", subject="length of the broken levee"),
            ],
            [{"14 people", "19 deaths"}],
        ),
        (  # amounts listed side by side are different measures
            [
                ref(
                    "a.txt",
                    f"€{n} million",
                    n * 1e6,
                    "EUR",
                    subject=f"pledge for flood relief from {donor}",
                    sentence="Pledges for flood relief included €40 million from Austria, "
                    "€25 million from Croatia and €15 million from Hungary.",
                )
                for n, donor in ((40, "Austria"), (25, "Croatia"), (15, "Hungary"))
            ],
            [],
        ),
        (  # a change in percentage points is not a level in percent
            [
                ref(
                    "a.txt",
                    "6.1 percent",
                    6.1,
                    "percent",
                    subject="jobless rate in the Drava valley",
                ),
                ref(
                    "b.txt",
                    "0.9 percentage point",
                    0.9,
                    "percent",
                    unit_text="percentage point",
                    subject="rise in the jobless rate in the Drava valley",
                ),
            ],
            [],
        ),
        (  # different places are different measures
            [
                ref("a.txt", "300 homes", 300, "item", subject="homes flooded in Ptuj"),
                ref("b.txt", "310 homes", 310, "item", subject="homes flooded in Maribor"),
            ],
            [],
        ),
    ],
)
def test_grouping(refs: list[FigureRef], expected: list[set[str]]) -> None:
    assert groups(refs) == expected


def test_share_joins_its_whole() -> None:
    sentence = "The flood covered 40 square kilometres, about half of the valley floor."
    refs = [
        ref(
            "a.txt",
            "40 square kilometres",
            40,
            "km2",
            subject="valley floor flooded",
            sentence=sentence,
        ),
        ref(
            "a.txt",
            "about half",
            0.5,
            "fraction",
            approx="about",
            subject="share of the valley floor flooded",
            sentence=sentence,
        ),
        ref(
            "b.txt",
            "about 15 square miles",
            15,
            "mi2",
            approx="about",
            subject="valley floor flooded",
        ),
    ]
    assert groups(refs) == [{"40 square kilometres", "about half", "about 15 square miles"}]


@pytest.mark.parametrize(
    "approx, a, b, expected",
    [
        (None, 10000, 10400, True),  # within the plain tolerance
        (None, 10000, 11200, False),
        (None, 100, 104, False),  # small exact counts agree only when equal
        (None, 100, 100, True),
        ("about", 100, 112, True),  # a hedge widens it
        ("more than", 100, 110, True),
        ("more than", 100, 90, False),
        ("up to", 100, 95, True),
        ("up to", 100, 120, False),
    ],
)
def test_agree_with_hedges(approx: str | None, a: float, b: float, expected: bool) -> None:
    qa = Quantity(text=f"{approx or ''} {a}", start=0, end=0, value=a, unit="person", approx=approx)
    qb = Quantity(text=f"{b}", start=0, end=0, value=b, unit="person")
    fa = make_figure(0, "a.txt", None, qa, None, 0.15)
    fb = make_figure(1, "b.txt", None, qb, None, 0.15)
    assert agree(fa, fb, RelateSettings()) is expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Volodymyr Zelensky", "Zelenskyy", True),
        ("United Nations", "UN", True),
        ("World Bank", "the bank", True),
        ("World Bank", "UN Development Programme", False),
        (None, None, True),
        ("Maui police", None, False),
    ],
)
def test_same_claimant(a: str | None, b: str | None, expected: bool) -> None:
    assert same_claimant(a, b) is expected


def test_note_shows_the_arithmetic() -> None:
    sentence = "The storm flattened 1,200 square kilometers (463 square miles) of forest."
    refs = [
        ref(
            "a.txt",
            "1,200 square kilometers",
            1200,
            "km2",
            sentence=sentence,
            subject="forest flattened by the storm",
        ),
        ref(
            "a.txt",
            "463 square miles",
            463,
            "mi2",
            sentence=sentence,
            subject="forest flattened by the storm",
        ),
    ]
    (cluster,) = reconcile(refs)
    assert cluster.relation == "derived"
    assert "1,200 km² = 463.3 mi²" in cluster.note


def test_ids_are_stable_and_json_has_the_scored_shape() -> None:
    refs = [
        ref(
            "a.txt",
            "about 2,400 homes",
            2400,
            "item",
            approx="about",
            subject="homes flooded in the Drava valley",
        ),
        ref("b.txt", "2,380 homes", 2380, "item", subject="homes flooded in the Drava valley"),
    ]
    first = clusters_to_json(reconcile(refs))
    again = clusters_to_json(reconcile(list(reversed(refs))))
    assert [c["id"] for c in first] == [c["id"] for c in again]
    (c,) = first
    assert set(c) >= {"id", "measure", "relation", "note", "members"}
    assert {(m["doc"], m["text"]) for m in c["members"]} == {
        ("a.txt", "about 2,400 homes"),
        ("b.txt", "2,380 homes"),
    }
