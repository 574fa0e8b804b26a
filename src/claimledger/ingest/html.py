"""HTML pages: main text with trafilatura, publication date with htmldate."""

from __future__ import annotations

import logging

import lxml.html
import trafilatura
from htmldate import find_date
from lxml.etree import ParserError

from claimledger.ingest.errors import SourceError
from claimledger.ingest.normalise import make_article
from claimledger.model import Article

LOGGER = logging.getLogger(__name__)
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def html_to_text(html: str) -> str:
    """The main text of an HTML page or fragment, paragraphs split by blank lines."""
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True, deduplicate=True
    )
    if not text:
        text = _fragment_text(html)
    return text.replace("\n", "\n\n")


def _fragment_text(html: str) -> str:
    """Text of a short HTML fragment (feed entries), one line per block element."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def read_html(html: str, *, source: str, max_chars: int, url: str | None = None) -> Article:
    """Parse an HTML article page."""
    if "<" not in html:
        raise SourceError(source, "not HTML: no markup found")
    text = html_to_text(html)
    if not text.strip():
        raise SourceError(source, "no article text found in the HTML")
    meta = trafilatura.extract_metadata(html, default_url=url)
    try:
        published = find_date(html, url=url, original_date=True, extensive_search=False)
    except Exception as exc:  # htmldate raises assorted errors on odd markup
        LOGGER.debug("%s: no date (%s)", source, exc)
        published = None
    return make_article(
        text,
        source=source,
        max_chars=max_chars,
        title=meta.title if meta else None,
        published=published,
        url=url or (meta.url if meta else None),
        outlet=meta.sitename if meta else None,
    )
