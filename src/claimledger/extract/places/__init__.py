"""Places: every place an article names, geocoded from an offline GeoNames gazetteer.

`recognise` finds and resolves mentions, `context` reads the words around a name,
`resolve` picks among namesakes, `lexicon` holds the word lists, and `gazetteer*` build and
query the compact SQLite index made once from the GeoNames tables shipped on PyPI.
"""

from claimledger.extract.places.recognise import extract_places

__all__ = ["extract_places"]
