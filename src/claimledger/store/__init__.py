"""The ledger store: SQLAlchemy Core tables and the Ledger API over them."""

from claimledger.store.ledger import Ledger, LedgerError

__all__ = ["Ledger", "LedgerError"]
