"""RSS and Atom feeds (feedparser): one article per entry."""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from claimledger.ingest.errors import SourceError
from claimledger.ingest.html import html_to_text
from claimledger.ingest.normalise import make_article
from claimledger.model import Article


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    parts = entry.get("content") or []
    body = parts[0].get("value", "") if parts else entry.get("summary", "")
    return html_to_text(body) if "<" in body else body


def read_feed(data: bytes, *, source: str, max_chars: int) -> Iterator[Article | SourceError]:
    """Articles of every entry of an RSS/Atom feed; a broken entry yields its error."""
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = feed.get("bozo_exception") or "no entries"
        raise SourceError(source, f"malformed or empty feed ({reason})")
    outlet = feed.feed.get("title")
    results: list[Article | SourceError] = []
    for number, entry in enumerate(feed.entries, 1):
        name = f"{source}#{entry.get('id') or entry.get('link') or number}"
        try:
            results.append(
                make_article(
                    _entry_text(entry),
                    source=name,
                    max_chars=max_chars,
                    title=entry.get("title"),
                    published=_entry_date(entry),
                    url=entry.get("link"),
                    outlet=outlet,
                )
            )
        except SourceError as exc:
            results.append(exc)
    if feed.get("bozo") and not any(isinstance(r, Article) for r in results):
        raise SourceError(source, f"malformed feed ({feed.get('bozo_exception')})")
    yield from results
