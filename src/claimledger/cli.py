"""Command-line interface: each command parses its arguments and calls one plain function."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from claimledger.config import Settings
from claimledger.export import to_csv, to_json, write_extractions
from claimledger.ingest import SourceError, read
from claimledger.ingest.jsonl import read_jsonl
from claimledger.model import Article, Extraction
from claimledger.nlp import ModelNotFound, load_nlp
from claimledger.run.local import (
    RunReport,
    extract_all,
    ingest,
    reconcile_extractions,
    reconcile_ledger,
    split_errors,
)
from claimledger.store import Ledger, LedgerError

app = typer.Typer(
    help="claimledger: a ledger of the figures, quotes and places in news articles.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(StrEnum):
    """Output formats of the listing commands."""

    table = "table"
    json = "json"
    csv = "csv"


DbOption = Annotated[
    str | None, typer.Option("--db", help="Ledger database: a SQLAlchemy URL or a SQLite path.")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
LimitOption = Annotated[int | None, typer.Option("--limit", "-n", help="Show at most N rows.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


def _open(db: str | None) -> Ledger:
    try:
        return Ledger(Settings.load(db=db).db)
    except LedgerError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from None


def _progress(quiet: bool, label: str) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=quiet,
    )


def _report_errors(errors: Sequence[SourceError]) -> None:
    for error in errors:
        err.print(f"error: {error}", markup=False)


def _emit(rows: list[dict[str, Any]], fmt: Format, columns: Sequence[str], title: str) -> None:
    if fmt is Format.json:
        out.print(to_json(rows), markup=False)
    elif fmt is Format.csv:
        sys.stdout.write(to_csv(rows))
    else:
        table = Table(title=f"{title} ({len(rows)})", show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        out.print(table)


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or http(s) URLs.")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(help="Parser processes.")] = 1,
    quiet: QuietOption = False,
) -> None:
    """Read articles into the ledger: parse, extract every claim, store."""
    settings = Settings.load(db=db)
    ledger = _open(db)
    with _progress(quiet, "ingesting") as progress:
        task = progress.add_task("", total=None)

        def tick(item: Article | SourceError) -> None:
            name = item.source if isinstance(item, Article) else item.source
            progress.update(task, advance=1, description=Path(str(name)).name[:40])

        try:
            report = ingest(paths, ledger, settings, workers=workers, on_article=tick)
        except ModelNotFound as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(2) from None
    _report_errors(report.errors)
    err.print(
        f"{report.added} added, {report.skipped} already in the ledger, "
        f"{len(report.errors)} failed ({ledger.url})"
    )
    if report.errors:
        raise typer.Exit(1)


def _extract_paths(
    paths: list[str], settings: Settings, quiet: bool
) -> tuple[list[Extraction], RunReport]:
    report = RunReport()
    items = read(
        paths,
        max_bytes=settings.max_bytes,
        max_chars=settings.max_chars,
        http_timeout=settings.http_timeout,
    )
    results: list[Extraction] = []
    with _progress(quiet, "extracting") as progress:
        task = progress.add_task("", total=None)
        nlp = load_nlp(settings.model)
        for result in extract_all(split_errors(items, report), nlp, batch_size=settings.batch_size):
            if isinstance(result, SourceError):
                report.errors.append(result)
            else:
                results.append(result)
            progress.update(task, advance=1)
    return results, report


def _jsonl_lines(file: str, settings: Settings) -> Iterator[tuple[int, Article | SourceError]]:
    data = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    name = "<stdin>" if file == "-" else file
    yield from enumerate(read_jsonl(data, source=name, max_chars=settings.max_chars))


@app.command("extract")
def extract_command(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories or URLs.")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Write <stem>.json here.")] = None,
    jsonl: Annotated[
        str | None, typer.Option("--jsonl", help="JSONL input ('-' for stdin); results to stdout.")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Extract claims without a database: JSON files per article, or JSON lines to stdout."""
    settings = Settings.load()
    if jsonl:
        _extract_jsonl(jsonl, settings)
        return
    if not paths or out_dir is None:
        err.print("error: give PATH... with --out DIR, or --jsonl FILE")
        raise typer.Exit(2)
    results, report = _extract_paths(paths, settings, quiet)
    write_extractions(results, reconcile_extractions(results, settings), out_dir)
    _report_errors(report.errors)
    err.print(f"{len(results)} articles written to {out_dir}, {len(report.errors)} failed")
    if report.errors:
        raise typer.Exit(1)


def _extract_jsonl(file: str, settings: Settings) -> None:
    try:
        lines = list(_jsonl_lines(file, settings))
    except (OSError, UnicodeDecodeError) as exc:
        err.print(f"error: {file}: cannot read ({exc})")
        raise typer.Exit(2) from None
    articles = [item for _, item in lines if isinstance(item, Article)]
    nlp = load_nlp(settings.model)
    done = iter(extract_all(articles, nlp, batch_size=settings.batch_size))
    failed = False
    for _, item in lines:
        if isinstance(item, SourceError):
            record: dict[str, Any] = {"source": item.source, "error": item.reason}
        else:
            result = next(done)
            if isinstance(result, SourceError):
                record = {"id": item.source, "error": result.reason}
            else:
                record = result.to_json()
                record["article_id"], record["id"] = record["id"], item.source
        failed |= "error" in record
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command("articles")
def articles_command(
    db: DbOption = None,
    search: Annotated[str | None, typer.Option(help="Words in the title or text.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    fmt: FormatOption = Format.table,
    limit: LimitOption = None,
) -> None:
    """List stored articles."""
    rows = _open(db).articles(search=search, since=since, until=until, limit=limit)
    _emit(rows, fmt, ("id", "published", "title", "source"), "articles")


@app.command("quantities")
def quantities_command(
    db: DbOption = None,
    unit: Annotated[str | None, typer.Option(help="Canonical unit, e.g. person, km2, USD.")] = None,
    noun: Annotated[str | None, typer.Option(help="Counted noun lemma, e.g. troop.")] = None,
    claimant: Annotated[str | None, typer.Option(help="Part of the claimant's name.")] = None,
    search: Annotated[
        str | None, typer.Option(help="Words in the figure, subject or sentence.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="As of on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="As of on or before (YYYY-MM-DD).")] = None,
    fmt: FormatOption = Format.table,
    limit: LimitOption = None,
) -> None:
    """List stored figures."""
    rows = _open(db).quantities(
        unit=unit,
        noun=noun,
        claimant=claimant,
        search=search,
        since=since,
        until=until,
        limit=limit,
    )
    _emit(
        rows,
        fmt,
        ("id", "text", "value", "unit", "approx", "subject", "claimant", "as_of"),
        "quantities",
    )


@app.command("quotes")
def quotes_command(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    direct: Annotated[
        bool | None, typer.Option("--direct/--reported", help="Only direct or only reported.")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Words in the quote.")] = None,
    fmt: FormatOption = Format.table,
    limit: LimitOption = None,
) -> None:
    """List stored quotes."""
    rows = _open(db).quotes(speaker=speaker, direct=direct, search=search, limit=limit)
    _emit(rows, fmt, ("id", "speaker", "role", "cue", "direct", "content"), "quotes")


@app.command("places")
def places_command(
    db: DbOption = None,
    name: Annotated[str | None, typer.Option(help="Part of the place name.")] = None,
    kind: Annotated[str | None, typer.Option(help="country, region, city, town, …")] = None,
    country: Annotated[str | None, typer.Option(help="ISO country code, e.g. UA.")] = None,
    fmt: FormatOption = Format.table,
    limit: LimitOption = None,
) -> None:
    """List stored places, most often named first."""
    rows = _open(db).places(name=name, kind=kind, country=country, limit=limit)
    _emit(rows, fmt, ("name", "kind", "country", "lat", "lon", "articles", "mentions"), "places")


@app.command("reconcile")
def reconcile_command(db: DbOption = None) -> None:
    """Group stored figures that measure the same thing and relate them."""
    ledger = _open(db)
    n = reconcile_ledger(ledger, Settings.load(db=db))
    err.print(f"{n} clusters")


@app.command("clusters")
def clusters_command(
    db: DbOption = None,
    show: Annotated[
        str | None, typer.Option("--show", help="Print one cluster's timeline.")
    ] = None,
    relation: Annotated[
        str | None, typer.Option(help="agree, update, conflict or derived.")
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List clusters of figures, or show one as a timeline."""
    rows = _open(db).clusters(relation=relation)
    if show:
        rows = [r for r in rows if r["id"] == show]
        if not rows:
            err.print(f"error: no cluster {show!r}")
            raise typer.Exit(1)
        if fmt is Format.table:
            _show_cluster(rows[0])
            return
    if fmt is not Format.table:
        _emit(rows, fmt, (), "clusters")
        return
    listing = [{**r, "figures": ", ".join(m["text"] for m in r["members"])} for r in rows]
    _emit(listing, fmt, ("id", "relation", "measure", "figures"), "clusters")


def _show_cluster(cluster: dict[str, Any]) -> None:
    out.print(f"[bold]{cluster['measure']}[/bold]  ({cluster['relation']})", markup=True)
    out.print(cluster["note"] or "", markup=False)
    table = Table()
    for column in ("value", "unit", "as of", "claimant", "article", "figure"):
        table.add_column(column, overflow="fold")
    for m in cluster["members"]:
        value = m["value"] if m["value"] is not None else f"{m['low']}–{m['high']}"
        table.add_row(
            f"{value:,}" if isinstance(value, float) else str(value),
            m["unit"],
            m["as_of"] or m["published"] or "",
            m["claimant"] or "(outlet)",
            Path(m["source"] or m["article_id"]).name,
            m["text"],
        )
    out.print(table)


@app.command("summary")
def summary_command(db: DbOption = None) -> None:
    """A readable summary of the ledger."""
    ledger = _open(db)
    counts = ledger.counts()
    out.print(", ".join(f"{n} {name}" for name, n in counts.items()), markup=False)
    for name, rows, columns in (
        ("figures", ledger.quantities(limit=15), ("text", "unit", "subject", "claimant", "as_of")),
        ("quotes", ledger.quotes(limit=8), ("speaker", "cue", "content")),
        ("places", ledger.places(limit=10), ("name", "kind", "country", "lat", "lon")),
    ):
        _emit(rows, Format.table, columns, f"{name}, first {len(rows)}")
    clusters = ledger.clusters()
    listing = [{**r, "figures": ", ".join(m["text"] for m in r["members"])} for r in clusters]
    _emit(listing, Format.table, ("relation", "measure", "figures", "note"), "clusters")


def main() -> None:
    """Entry point with logging set up."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
