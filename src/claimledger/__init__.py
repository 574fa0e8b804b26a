"""claimledger: a ledger of the figures, quotes and places in news articles.

The library API is the one the CLI uses:

    from claimledger import Article, Ledger, extract, load_nlp, read
    nlp, ledger = load_nlp(), Ledger("sqlite:///claims.db")
    for item in read(["articles/"]):
        if isinstance(item, Article):
            ledger.save(extract(nlp(item.text), item))

Names are imported on first use, so `import claimledger.model` stays light.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

_EXPORTS = {
    "Article": "claimledger.model",
    "Cluster": "claimledger.model",
    "Extraction": "claimledger.model",
    "Place": "claimledger.model",
    "Quantity": "claimledger.model",
    "Quote": "claimledger.model",
    "Ledger": "claimledger.store",
    "SourceError": "claimledger.ingest",
    "read": "claimledger.ingest",
    "extract": "claimledger.extract",
    "load_nlp": "claimledger.nlp",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'claimledger' has no attribute {name!r}")


logging.getLogger(__name__).addHandler(logging.NullHandler())
