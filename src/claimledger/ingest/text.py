"""Plain-text articles.

Two header shapes are understood:
- a first line `date YYYY-MM-DD`, then either the body on the same line or a headline line;
- a headline, optionally a teaser, then a dateline such as `Jan 11, 2025 - 10:00`, the headline
  again and the body.
Otherwise a short first line followed by a blank line is taken as the headline.
"""

from __future__ import annotations

import re
from datetime import datetime

from claimledger.ingest.normalise import make_article, normalise_text
from claimledger.model import Article

_DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+"
    r"\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})(?:\s*[-–—,|]\s*\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*"
    r"(?:[A-Z]{2,5})?\s*$"
)
_DATELINE_SEARCH_LINES = 12


def parse_date(text: str) -> str | None:
    """ISO date of a dateline's date part, or None if it is not a real date."""
    text = re.sub(r"\s+", " ", text.replace(",", " ").replace(".", " ")).strip()
    for fmt in ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.replace("Sept ", "Sep "), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and not line.rstrip().endswith((".", ":", ";", ","))


def read_text(raw: str, *, source: str, max_chars: int) -> Article:
    """Parse a plain-text article and its header."""
    text = normalise_text(raw)
    lines = text.split("\n")
    title: str | None = None
    published: str | None = None

    header = _DATE_HEADER.match(lines[0]) if lines else None
    if header:
        published = parse_date(header.group(1))
        rest = header.group(2).strip()
        lines = lines[1:]
        if rest and not _looks_like_title(rest):
            lines.insert(0, rest)
        elif rest:
            title = rest
        elif lines and _looks_like_title(lines[0]) and (len(lines) < 2 or not lines[1].strip()):
            title, lines = lines[0].strip(), lines[1:]
        return make_article(
            "\n".join(lines), source=source, max_chars=max_chars, title=title, published=published
        )

    for i, line in enumerate(lines[:_DATELINE_SEARCH_LINES]):
        match = _DATELINE.match(line)
        if match and (published := parse_date(match.group("date"))):
            title = lines[0].strip() if i > 0 and _looks_like_title(lines[0]) else None
            body = lines[i + 1 :]
            while body and not body[0].strip():
                body = body[1:]
            if body and title and body[0].strip() == title:
                body = body[1:]
            return make_article(
                "\n".join(body),
                source=source,
                max_chars=max_chars,
                title=title,
                published=published,
            )

    if len(lines) > 2 and _looks_like_title(lines[0]) and not lines[1].strip():
        title, lines = lines[0].strip(), lines[2:]
    return make_article("\n".join(lines), source=source, max_chars=max_chars, title=title)
