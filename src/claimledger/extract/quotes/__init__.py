"""Quotes: direct and reported statements with resolved speakers, and the attribution index.

`marks` pairs quotation marks, `cues` finds reporting verbs and clauses (`lexicon`),
`speakers`, `names` and `bodies` resolve who speaks, `statements` assembles the Quote
records, and `attribution` answers who asserts the text at an offset.
"""

from claimledger.extract.quotes.attribution import Attribution
from claimledger.extract.quotes.statements import analyse_statements, extract_quotes

__all__ = ["Attribution", "analyse_statements", "extract_quotes"]
