"""Normalising article text and deriving the article id from it."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from claimledger.ingest.errors import SourceError
from claimledger.model import Article

_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, paragraphs split by one blank line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "")
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def drop_teasers(paragraphs: list[str]) -> list[str]:
    """Drop paragraphs that repeat other text: exact repeats and '…'-cut teasers of it."""
    kept: list[str] = []
    for i, para in enumerate(paragraphs):
        stem = _ELLIPSIS.sub("", para).strip()
        others = paragraphs[:i] + paragraphs[i + 1 :]
        if not stem or para in kept:
            continue
        if stem != para.strip() and any(stem in other for other in others):
            continue
        kept.append(para)
    return kept


def article_id(text: str) -> str:
    """A stable id: hash of the text with case and whitespace folded."""
    folded = " ".join(text.casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def make_article(
    text: str,
    *,
    source: str,
    max_chars: int,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """Build an Article from body text, rejecting empty or oversized text."""
    body = "\n\n".join(drop_teasers(normalise_text(text).split("\n\n")))
    if not body.strip():
        raise SourceError(source, "no article text")
    if len(body) > max_chars:
        raise SourceError(source, f"article text has {len(body):,} characters, over {max_chars:,}")
    title = " ".join(title.split()) if title else None
    return Article(
        id=article_id(body),
        text=body,
        title=title or None,
        published=published,
        url=url,
        outlet=outlet,
        source=source,
    )
