"""Quantities: every figure with value, unit, hedge, subject, claimant and as-of date.

`figures` scans a sentence for figures (`numreader`, `numbers`, `unitreader`, `units`,
`currencies`, `hedges`, `nonfigures`, `nouns`), `subjects` says what each measures, and
`records` assembles the Quantity records with claimants and as-of dates.
"""

from claimledger.extract.quantities.records import extract_quantities

__all__ = ["extract_quantities"]
