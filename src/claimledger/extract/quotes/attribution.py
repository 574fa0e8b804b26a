"""Who asserts the text at a given offset: the attribution index the figures read.

Three kinds of evidence are used, in this order:
1. the innermost quote or reported clause that holds the offset gives its speaker;
2. in "X did Y, saying Z", X also asserts Y (the text between the speaker and the clause);
3. otherwise an "according to X" or "by X's count" phrase in the same sentence gives X.
   With one such phrase the whole sentence is X's; with several ("678 acres by the
   center's count, or 679 according to the county"), the phrase whose constituent holds
   the offset wins, else the nearest one.
A sentence with neither has no claimant (None): the outlet itself asserts it, even when the
sentence before was attributed.
"""

from __future__ import annotations

import logging
from bisect import bisect_right

from spacy.tokens import Doc

from claimledger.extract.quotes.statements import Source, find_sources
from claimledger.model import Quote

LOGGER = logging.getLogger(__name__)


class Attribution:
    """Answers "who asserts the text at offset N?" from the article's quotes and sources."""

    def __init__(self, doc: Doc, quotes: list[Quote], sources: list[Source] | None = None):
        self._spans = sorted((q.start, q.end, q.speaker) for q in quotes if q.speaker)
        self._starts = [s for s, _, _ in self._spans]
        self._sources = find_sources(doc) if sources is None else sources
        self._participles = [
            q
            for q in quotes
            if q.speaker
            and q.cue
            and q.cue.endswith("ing")
            and q.speaker_start is not None
            and q.speaker_start < q.start
            and "." not in doc.text[q.speaker_start : q.start]
        ]

    @property
    def sources(self) -> list[Source]:
        """The "according to" and "by X's count" claimants found in the article."""
        return list(self._sources)

    def claimant_at(self, offset: int) -> str | None:
        """The claimant of the text at `offset`, or None when the outlet asserts it."""
        return self.speaker_at(offset) or self.actor_at(offset) or self.source_at(offset)

    def speaker_at(self, offset: int) -> str | None:
        """The speaker of the innermost quote or reported clause holding `offset`."""
        best: tuple[int, str] | None = None
        for start, end, speaker in self._spans[: bisect_right(self._starts, offset)]:
            if start <= offset < end and (best is None or end - start < best[0]):
                best = (end - start, speaker)
        return best[1] if best else None

    def actor_at(self, offset: int) -> str | None:
        """The speaker of "X did Y, saying Z" for text in "did Y": X's act is X's claim."""
        for q in self._participles:
            if q.speaker_end is not None and q.speaker_end <= offset < q.start:
                return q.speaker
        return None

    def source_at(self, offset: int) -> str | None:
        """The claimant an "according to" or "by X's count" phrase gives the sentence."""
        here = [s for s in self._sources if s.sentence_start <= offset < s.sentence_end]
        if not here:
            return None
        if len(here) == 1:
            return here[0].name
        sentence = (here[0].sentence_start, here[0].sentence_end)
        holding = [
            s
            for s in here
            if s.start <= offset < s.end
            and (s.start, s.end) != sentence
            and s.end - s.start < sentence[1] - sentence[0] - 2
        ]
        if holding:
            return min(holding, key=lambda s: s.end - s.start).name
        after = [s for s in here if s.anchor >= offset]
        return min(after, key=lambda s: s.anchor).name if after else None
