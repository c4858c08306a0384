"""Sentence vectors pooled from their passage's one pass of the real model (QA_SENTENCE_VECTORS=pooled): each
stays closest to its own sentence, and a sentence past the model's 256-token window is embedded on its own."""

from __future__ import annotations

import numpy as np
import pytest

from qa_assistant.indexing import embedding

SENTENCES = [
    "At 31 March 2023 there were 509 children looked after by the council.",
    "Eleven new foster households were approved during the year.",
    "The overspend on external residential placements reached £2.1m by quarter two.",
    "Care leavers told the panel that finding a flat was the hardest part of leaving care.",
]


def _spans(text: str, parts: list[str]) -> list[tuple[int, int]]:
    return [(text.index(p), text.index(p) + len(p)) for p in parts]


def test_pooled_sentence_vectors_stay_closest_to_their_own_sentence():
    passage = " ".join(SENTENCES)
    vectors, pooled = embedding.encode_with_parts([passage], [_spans(passage, SENTENCES)])
    alone = embedding.encode(SENTENCES)
    assert vectors.shape == (1, embedding.MODEL_DIM)
    assert pooled[0].shape == (len(SENTENCES), embedding.MODEL_DIM)
    assert np.allclose(np.linalg.norm(pooled[0], axis=1), 1.0, atol=1e-4)
    similarity = pooled[0] @ alone.T
    assert list(similarity.argmax(axis=1)) == list(range(len(SENTENCES)))


def test_a_sentence_past_the_models_window_is_embedded_on_its_own():
    last = SENTENCES[0]
    passage = " ".join(["placement"] * 400) + " " + last  # 400 words: well past 256 word pieces
    _, pooled = embedding.encode_with_parts([passage], [_spans(passage, [last])])
    assert float(pooled[0][0] @ embedding.encode([last])[0]) == pytest.approx(1.0, abs=1e-4)


def test_a_texts_vector_does_not_depend_on_what_it_is_embedded_with():
    """int8 activations are scaled per model call: texts are embedded one per call, so a passage gets the same
    vector in any build (and the one a question with its words would get)."""
    alone = embedding.encode([SENTENCES[2]])[0]
    together = embedding.encode(SENTENCES)[2]
    assert np.array_equal(alone, together)
