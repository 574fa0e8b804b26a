"""JSON Lines: one `{"id", "url", "title", "published", "text"}` object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

from claimledger.ingest.errors import SourceError
from claimledger.ingest.normalise import make_article
from claimledger.ingest.text import parse_date
from claimledger.model import Article


def read_jsonl_line(line: str, *, source: str, max_chars: int) -> Article:
    """One JSONL record as an Article; its `id`, when given, is kept as the source name."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SourceError(source, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise SourceError(source, "expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise SourceError(source, "no 'text' string")
    published = record.get("published")
    if isinstance(published, str) and published:
        published = parse_date(published[:10]) or None
    else:
        published = None
    article = make_article(
        text,
        source=source,
        max_chars=max_chars,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        published=published,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
    )
    rid = record.get("id")
    return replace(article, source=str(rid)) if rid not in (None, "") else article


def read_jsonl(text: str, *, source: str, max_chars: int) -> Iterator[Article | SourceError]:
    """Every non-blank line of a JSONL text; a bad line yields its error, naming file:line."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield read_jsonl_line(line, source=f"{source}:{number}", max_chars=max_chars)
            except SourceError as exc:
                yield exc
