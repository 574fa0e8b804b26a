"""claimledger: a ledger of the figures, quotes and places in news articles.

The library API is the same one the CLI uses:

    from claimledger import Ledger, extract, load_nlp, read
    nlp = load_nlp()
    for article in read(["articles/"]):
        ...
"""

import logging

from claimledger.extract import extract
from claimledger.ingest import SourceError, read
from claimledger.model import Article, Cluster, Extraction, Place, Quantity, Quote
from claimledger.nlp import load_nlp
from claimledger.store import Ledger

__all__ = [
    "Article",
    "Cluster",
    "Extraction",
    "Ledger",
    "Place",
    "Quantity",
    "Quote",
    "SourceError",
    "extract",
    "load_nlp",
    "read",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
