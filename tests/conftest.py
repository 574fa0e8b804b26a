"""Shared fixtures: one spaCy pipeline per session, articles built from plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.ingest.normalise import make_article
from claimledger.model import Article
from claimledger.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The project's spaCy pipeline, loaded once."""
    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[..., tuple[Doc, Article]]:
    """Turn a text (and optional publication date) into (doc, article)."""

    def _parse(text: str, published: str | None = "2025-01-15") -> tuple[Doc, Article]:
        article = make_article(text, source="test.txt", max_chars=1_000_000, published=published)
        return nlp(article.text), article

    return _parse
