"""Reading sources into Articles: files, directories, JSONL, feeds, HTML and URLs.

`read(sources)` yields an Article for every article found and a SourceError (naming the file,
line or URL) for every one that could not be read, so one bad input never stops the others.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimledger.ingest.errors import SourceError
from claimledger.ingest.feeds import read_feed
from claimledger.ingest.html import read_html
from claimledger.ingest.jsonl import read_jsonl
from claimledger.ingest.text import read_text
from claimledger.ingest.web import fetch
from claimledger.model import Article

__all__ = ["SourceError", "read", "read_bytes"]

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise SourceError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise SourceError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(source, f"not UTF-8 text (bad byte at offset {exc.start})") from None


def _kind(suffix: str, content_type: str, head: bytes) -> str:
    """Which reader fits: by file suffix, then content type, then a sniff of the first bytes."""
    if suffix in HTML_SUFFIXES or "html" in content_type:
        return "html"
    if suffix in JSONL_SUFFIXES or "jsonl" in content_type or "ndjson" in content_type:
        return "jsonl"
    if suffix in FEED_SUFFIXES or any(t in content_type for t in ("rss", "atom", "xml")):
        return "feed"
    if suffix in TEXT_SUFFIXES or content_type.startswith("text/plain"):
        return "text"
    sniff = head.lstrip()[:512].lower()
    if sniff.startswith(b"<?xml") or b"<rss" in sniff or b"<feed" in sniff:
        return "feed"
    if sniff.startswith((b"<!doctype html", b"<html")) or b"<body" in sniff:
        return "html"
    if sniff.startswith(b"{"):
        return "jsonl"
    return "text"


def read_bytes(
    data: bytes,
    *,
    source: str,
    max_chars: int = 1_000_000,
    suffix: str = "",
    content_type: str = "",
    url: str | None = None,
) -> Iterator[Article | SourceError]:
    """Articles (or errors) from the raw bytes of one file or download."""
    try:
        kind = _kind(suffix.lower(), content_type.lower(), data[:1024])
        if kind == "feed":
            if not data.strip():
                raise SourceError(source, "empty file")
            yield from read_feed(data, source=source, max_chars=max_chars)
            return
        text = _decode(data, source)
        if kind == "jsonl":
            yield from read_jsonl(text, source=source, max_chars=max_chars)
        elif kind == "html":
            yield read_html(text, source=source, max_chars=max_chars, url=url)
        else:
            yield read_text(text, source=source, max_chars=max_chars)
    except SourceError as exc:
        yield exc


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.is_file() and not hidden and child.suffix.lower() in KNOWN_SUFFIXES:
                yield child
    else:
        yield path


def _read_path(path: Path, max_bytes: int, max_chars: int) -> Iterator[Article | SourceError]:
    for file in _files(path):
        name = str(file)
        try:
            if file.stat().st_size > max_bytes:
                yield SourceError(name, f"file larger than {max_bytes:,} bytes")
                continue
            data = file.read_bytes()
        except FileNotFoundError:
            yield SourceError(name, "no such file or directory")
            continue
        except OSError as exc:
            yield SourceError(name, f"cannot read ({exc.strerror or exc})")
            continue
        yield from read_bytes(data, source=name, max_chars=max_chars, suffix=file.suffix)


def read(
    sources: Iterable[str | Path],
    *,
    max_bytes: int = 5_000_000,
    max_chars: int = 1_000_000,
    http_timeout: float = 20.0,
) -> Iterator[Article | SourceError]:
    """Every article in `sources` (files, directories, http(s) URLs), or the error for it."""
    for source in sources:
        name = str(source)
        if name.startswith(("http://", "https://")):
            try:
                data, content_type = fetch(name, max_bytes=max_bytes, timeout=http_timeout)
            except SourceError as exc:
                yield exc
                continue
            suffix = Path(name.split("?", 1)[0]).suffix
            yield from read_bytes(
                data,
                source=name,
                max_chars=max_chars,
                suffix=suffix,
                content_type=content_type,
                url=name,
            )
        else:
            yield from _read_path(Path(source), max_bytes, max_chars)
