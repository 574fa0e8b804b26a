"""The ledger: saving is one transaction per article, re-saving is a no-op, queries filter."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.model import (
    Article,
    Cluster,
    ClusterMember,
    Extraction,
    Mention,
    Place,
    Quantity,
    Quote,
)
from claimledger.store import Ledger, schema
from tests.postgres import temporary_postgres


def extraction(text: str, published: str = "2024-05-02", *, noun: str = "home") -> Extraction:
    article = Article(
        id=f"id{abs(hash(text)) % 10**12}",
        text=text,
        title="T",
        published=published,
        source=f"/data/{published}.txt",
    )
    start = text.index("1,200")
    figure = Quantity(
        text="1,200 homes",
        start=start,
        end=start + 11,
        value=1200.0,
        unit="item",
        noun=noun,
        approx="about",
        subject="homes flooded",
        claimant="the council",
        as_of=published,
        sentence=text,
    )
    quote = Quote(
        speaker="Jane Roe",
        role="mayor",
        cue="said",
        direct=False,
        content="1,200 homes had been flooded",
        start=start,
        end=len(text) - 1,
    )
    place = Place(
        name="Ely", kind="town", lat=52.4, lon=0.26, country="GB", mentions=[Mention("Ely", 0, 3)]
    )
    return Extraction(article, quantities=[figure], quotes=[quote], places=[place])


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with temporary_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    """The same tests on an SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield Ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
        return
    url = request.getfixturevalue("postgres_url")
    ledger = Ledger(url)
    yield ledger
    schema.metadata.drop_all(ledger.engine)
    ledger.close()


def test_save_then_resave_is_a_no_op(ledger: Ledger):
    ex = extraction("Ely council said about 1,200 homes had been flooded.")
    assert ledger.save(ex) is True
    before = ledger.counts()
    assert ledger.save(ex) is False
    assert (
        ledger.counts()
        == before
        == {"articles": 1, "quantities": 1, "quotes": 1, "places": 1, "clusters": 0}
    )


def test_round_trip_keeps_offsets_and_text(ledger: Ledger):
    ex = extraction("Ely council said about 1,200 homes had been flooded.")
    ledger.save(ex)
    [row] = ledger.quantities()
    stored = ledger.article(row["article_id"])
    assert stored is not None
    assert stored.text[row["start"] : row["end"]] == row["text"] == "1,200 homes"
    [(qid, doc, published, figure)] = ledger.figures()
    assert (qid, doc, published) == (row["id"], "2024-05-02.txt", "2024-05-02")
    assert figure == ex.quantities[0]


def test_filters(ledger: Ledger):
    ledger.save(extraction("Ely council said about 1,200 homes had been flooded.", "2024-05-02"))
    ledger.save(extraction("Later Ely said 1,200 houses were dry.", "2024-06-10", noun="house"))
    assert len(ledger.quantities()) == 2
    assert [r["noun"] for r in ledger.quantities(noun="house")] == ["house"]
    assert len(ledger.quantities(unit="item")) == 2 and not ledger.quantities(unit="km2")
    assert len(ledger.quantities(since="2024-06-01")) == 1
    assert len(ledger.quantities(until="2024-05-31")) == 1
    assert len(ledger.quantities(claimant="COUNCIL")) == 2
    assert len(ledger.quantities(search="dry")) == 1
    assert len(ledger.quantities(search="100%")) == 0  # LIKE wildcards are escaped
    assert len(ledger.quotes(speaker="roe")) == 2 and not ledger.quotes(direct=True)
    assert ledger.places(country="gb")[0]["articles"] == 2
    assert [a["published"] for a in ledger.articles()] == ["2024-06-10", "2024-05-02"]


def test_clusters_are_replaced_whole(ledger: Ledger):
    ledger.save(extraction("Ely council said about 1,200 homes had been flooded.", "2024-05-02"))
    ledger.save(extraction("Later Ely said 1,200 houses were dry.", "2024-06-10"))
    ids = [row["id"] for row in ledger.quantities()]
    members = [ClusterMember(i, "d", "1,200 homes", 1200.0, "item", None, None) for i in ids]
    ledger.replace_clusters([Cluster("c1", "homes flooded", "count", "agree", "same", members)])
    [cluster] = ledger.clusters()
    assert [m["id"] for m in cluster["members"]] == ids
    ledger.replace_clusters([])
    assert ledger.clusters() == []


def test_plain_sqlite_file_with_wal_and_foreign_keys(tmp_path: Path):
    path = tmp_path / "plain.db"
    Ledger(str(path)).save(extraction("Ely council said about 1,200 homes had been flooded."))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {
            "articles",
            "quantities",
            "quotes",
            "places",
            "place_mentions",
            "clusters",
        } <= tables
        assert conn.execute('SELECT "text" FROM quantities').fetchone()[0] == "1,200 homes"


def test_failed_save_leaves_nothing_behind(ledger: Ledger):
    ex = extraction("Ely council said about 1,200 homes had been flooded.")
    ex.quotes[0].content = None  # type: ignore[assignment]  # violates NOT NULL mid-save
    with pytest.raises(Exception):  # noqa: B017 - any database error
        ledger.save(ex)
    assert ledger.counts()["articles"] == 0 and ledger.counts()["quantities"] == 0
