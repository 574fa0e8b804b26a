"""The pipeline: loaded once, and no sentence crosses a paragraph break."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.nlp import ModelNotFound, load_nlp


def test_loaded_once(nlp: Language):
    assert load_nlp() is nlp
    assert nlp.pipe_names.index("paragraph_breaks") < nlp.pipe_names.index("parser")


@pytest.mark.parametrize(
    "text, first_sentence",
    [
        ("Floods in the north\n\nThe council said roads were shut.", "Floods in the north"),
        ("Officials counted the damage\nVillagers returned home.", "Officials counted the damage"),
    ],
)
def test_paragraph_breaks_end_sentences(nlp: Language, text: str, first_sentence: str):
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences[0] == first_sentence
    assert all("\n" not in s for s in sentences)


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="not installed"):
        load_nlp("no_such_pipeline_xx")
