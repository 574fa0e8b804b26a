"""The command line, end to end, through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "ledger.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    return str(path)


def test_reingest_changes_nothing(db: str):
    before = runner.invoke(app, ["quantities", "--db", db, "-f", "json"]).output
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--quiet"])
    assert result.exit_code == 0
    assert "0 added, 3 already in the ledger" in result.output
    assert runner.invoke(app, ["quantities", "--db", db, "-f", "json"]).output == before


def test_bad_inputs_are_reported_and_the_ledger_is_untouched(db: str, tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 said 3 shops shut.".encode("latin-1"))
    before = runner.invoke(app, ["articles", "--db", db, "-f", "json"]).output
    result = runner.invoke(
        app, ["ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--db", db, "--quiet"]
    )
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 4
    for name in ("empty.txt", "binary.txt", "latin1.txt", "missing.txt"):
        assert any(name in line for line in lines)
    assert runner.invoke(app, ["articles", "--db", db, "-f", "json"]).output == before


@pytest.mark.parametrize("command", ["articles", "quantities", "quotes", "places"])
def test_listings_in_every_format(db: str, command: str):
    rows = json.loads(runner.invoke(app, [command, "--db", db, "-f", "json"]).output)
    assert rows, f"no {command} stored"
    table = runner.invoke(app, [command, "--db", db])
    assert table.exit_code == 0 and f"{command} ({len(rows)})" in table.output
    parsed = list(
        csv.DictReader(io.StringIO(runner.invoke(app, [command, "--db", db, "-f", "csv"]).output))
    )
    assert len(parsed) == len(rows)


def test_filters_narrow_the_listing(db: str):
    everything = json.loads(runner.invoke(app, ["quantities", "--db", db, "-f", "json"]).output)
    people = json.loads(
        runner.invoke(app, ["quantities", "--db", db, "-f", "json", "--unit", "person"]).output
    )
    assert people and len(people) < len(everything)
    assert {row["unit"] for row in people} == {"person"}
    one = json.loads(runner.invoke(app, ["articles", "--db", db, "-f", "json", "-n", "1"]).output)
    assert len(one) == 1


def test_extract_writes_one_json_per_article_and_clusters(tmp_path: Path):
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.glob("*.json"))
    assert names == [
        "01_cyclone_landfall.json",
        "02_cyclone_toll_rises.json",
        "03_cyclone_damage.json",
        "clusters.json",
    ]
    doc = json.loads((tmp_path / "01_cyclone_landfall.json").read_text())
    assert doc["published"] == "2026-03-10"
    assert {"quantities", "quotes", "places", "dates"} <= set(doc)
    assert isinstance(json.loads((tmp_path / "clusters.json").read_text()), list)


def test_extract_jsonl_keeps_order_and_ids(tmp_path: Path):
    lines = [
        {"id": "z9", "text": "Officials said 40 villages were evacuated on Monday."},
        {"id": "a1", "text": "The agency counted 2,000 displaced families."},
    ]
    data = "\n".join(json.dumps(x) for x in lines) + "\nnot json\n"
    result = runner.invoke(app, ["extract", "--jsonl", "-"], input=data)
    assert result.exit_code == 1  # the bad line is reported, the rest still processed
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out[:2]] == ["z9", "a1"]
    assert "error" in out[2] and out[2]["source"] == "<stdin>:3"
    assert all("quantities" in o for o in out[:2])


def test_extract_needs_out_or_jsonl():
    result = runner.invoke(app, ["extract", str(EXAMPLES)])
    assert result.exit_code == 2


def test_every_command_and_option_has_help():
    for command in app.registered_commands:
        assert command.callback.__doc__, command.name
    result = runner.invoke(app, ["--help"])
    for name in (
        "ingest",
        "extract",
        "articles",
        "quantities",
        "quotes",
        "places",
        "reconcile",
        "clusters",
        "summary",
    ):
        assert name in result.output


def test_reconcile_keeps_cluster_ids_as_new_articles_join(tmp_path: Path):
    db = str(tmp_path / "grow.db")
    first, last = sorted(EXAMPLES.glob("*.txt"))[:2], sorted(EXAMPLES.glob("*.txt"))[2]

    def clusters() -> dict[str, set[int]]:
        assert runner.invoke(app, ["reconcile", "--db", db]).exit_code == 0
        rows = json.loads(runner.invoke(app, ["clusters", "--db", db, "-f", "json"]).output)
        return {c["id"]: {m["id"] for m in c["members"]} for c in rows}

    runner.invoke(app, ["ingest", *map(str, first), "--db", db, "--quiet"])
    before = clusters()
    assert before == clusters()  # re-running changes nothing
    runner.invoke(app, ["ingest", str(last), "--db", db, "--quiet"])
    after = clusters()
    grown = 0
    for cid, members in before.items():
        holder = [aid for aid, later in after.items() if members <= later]
        if holder:
            assert holder == [cid]
            grown += len(after[cid]) > len(members)
    assert grown >= 1


def test_show_one_cluster_as_a_timeline(db: str):
    assert runner.invoke(app, ["reconcile", "--db", db]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["clusters", "--db", db, "-f", "json"]).output)
    assert rows
    shown = runner.invoke(app, ["clusters", "--db", db, "--show", rows[0]["id"]])
    assert shown.exit_code == 0
    assert rows[0]["measure"] in shown.output and rows[0]["relation"] in shown.output
    missing = runner.invoke(app, ["clusters", "--db", db, "--show", "no-such-cluster"])
    assert missing.exit_code == 1
