"""The one error every reader raises for a source it cannot take."""

from __future__ import annotations


class SourceError(Exception):
    """A source (file, line, entry or URL) could not be read; the message names it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
