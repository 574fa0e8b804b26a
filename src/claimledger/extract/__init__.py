"""Run every extractor over one parsed article, in a fixed order.

Places, dates and quotes come first; quantities read them (the claimant of a figure comes
from the quotes' attribution index, its as-of date from the dates).
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.dates import extract_dates
from claimledger.extract.places import extract_places
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.quotes import Attribution, analyse_statements
from claimledger.model import Article, Extraction


def extract(doc: Doc, article: Article) -> Extraction:
    """All claims of one article from its single parse."""
    places = extract_places(doc, article)
    dates = extract_dates(doc, article)
    quotes, sources = analyse_statements(doc)
    attribution = Attribution(doc, quotes, sources)
    quantities = extract_quantities(
        doc, article, attribution=attribution, dates=dates, places=places
    )
    return Extraction(article, quantities=quantities, quotes=quotes, places=places, dates=dates)
