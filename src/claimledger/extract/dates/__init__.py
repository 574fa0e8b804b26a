"""Time expressions: found in the text and resolved against the publication date.

`timex` holds the grammar of time expressions, `timecalc` the calendar arithmetic, and
`expressions` walks the parsed article and decides what each figure's as-of date is.
"""

from claimledger.extract.dates.expressions import as_of_at, extract_dates

__all__ = ["as_of_at", "extract_dates"]
