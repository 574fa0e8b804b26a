"""Quotation marks: find the quoted stretches of an article, never failing on odd marks.

Straight and curly double marks (and guillemets) are paired by their context, not only their
glyph, because articles mix them (`“increasingly difficult" to defend`). Marks are paired
within a paragraph. An opening mark left open at the end of a paragraph continues into the
next paragraph when that one opens with a mark (the newspaper convention); a stretch still
open at the end of its paragraph ends there. A closing mark with no opening mark closes a
stretch that starts at the beginning of its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_GLYPHS = "“„«‟"
CLOSE_GLYPHS = "”»"
MARKS = frozenset('"' + OPEN_GLYPHS + CLOSE_GLYPHS)
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;,")
_AFTER_CLOSE = frozenset(" \t\n.,;:!?)]}—–-/…")
_SENTENCE_END = re.compile(r"[.!?…]['’”\"]?\s+")


@dataclass(slots=True, frozen=True)
class Stretch:
    """One quoted stretch: `start`/`end` bound the words inside the marks."""

    start: int
    end: int
    paragraph: int
    closed: bool = True  # False when the paragraph ended before a closing mark
    continued: bool = False  # True when the quotation goes on in the next paragraph
    opened: bool = True  # False when a stray closing mark ended it


def _kind(text: str, i: int) -> str:
    """'open', 'close' or '?' for the mark at `i`, from its neighbours, then its glyph."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = before in _BEFORE_OPEN or before in MARKS
    can_close = after in _AFTER_CLOSE or after in MARKS or after in "'’"
    if can_open and not can_close and not after.isspace():
        return "open"
    if can_close and not can_open and not before.isspace():
        return "close"
    if text[i] in OPEN_GLYPHS:
        return "open"
    if text[i] in CLOSE_GLYPHS:
        return "close"
    return "?"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line-delimited paragraph."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def _stray_start(text: str, lower: int, mark: int) -> int:
    """Start of the sentence before a stray closing mark, not before `lower`."""
    start = lower
    for m in _SENTENCE_END.finditer(text, lower, mark):
        start = m.end()
    return start


def find_stretches(text: str) -> list[Stretch]:
    """Every quoted stretch in `text`, in order; unbalanced marks never raise."""
    paragraphs = _paragraphs(text)
    stretches: list[Stretch] = []
    for n, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        last_mark = p_start
        for i in range(p_start, p_end):
            if text[i] not in MARKS:
                continue
            kind = _kind(text, i)
            if kind == "?":
                kind = "close" if open_at is not None else "open"
            if kind == "open":
                if open_at is not None:  # a stretch is still open: it was never closed
                    stretches.append(Stretch(open_at + 1, i, n, closed=False))
                open_at = i
            elif open_at is not None:
                stretches.append(Stretch(open_at + 1, i, n))
                open_at = None
            else:  # a closing mark with no opening one
                start = _stray_start(text, last_mark, i)
                if start < i:
                    stretches.append(Stretch(start, i, n, opened=False))
            last_mark = i + 1
        if open_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            continued = nxt is not None and text[nxt] in MARKS and _kind(text, nxt) != "close"
            stretches.append(Stretch(open_at + 1, p_end, n, closed=False, continued=continued))
    return [s for s in (_trim(text, s) for s in stretches) if s is not None]


def _trim(text: str, s: Stretch) -> Stretch | None:
    """Drop surrounding blanks and a trailing comma; None when nothing is left."""
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end <= start or not any(c.isalnum() for c in text[start:end]):
        return None
    return Stretch(start, end, s.paragraph, s.closed, s.continued, s.opened)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; a stretch's `paragraph` indexes this list."""
    return _paragraphs(text)
