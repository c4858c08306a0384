"""What an index is fingerprinted on: the reader's code (found by following its imports) and data, never the
answer-time code, so editing how questions are answered re-reads no paper."""

from __future__ import annotations

import pytest

from qa_assistant.indexing.layout import passage_sources, reader_sources
from qa_assistant.settings import PACKAGE_DIR

SOURCES = {str(p.relative_to(PACKAGE_DIR)) for p in reader_sources()}


@pytest.mark.parametrize(
    "module",
    [
        "ingest/reading.py",
        "ingest/formats.py",
        "indexing/cutting.py",
        "text/chunking.py",
        "text/spans.py",
        "figures/candidates.py",
        "figures/asof.py",
        "figures/terms.py",
        "models.py",
    ],
)
def test_the_readers_code_is_fingerprinted(module):
    assert module in SOURCES


@pytest.mark.parametrize(
    "module",
    [
        "figures/selection.py",
        "figures/lookup.py",
        "figures/reading.py",
        "answering/assistant.py",
        "indexing/retrieval.py",
        "serve/app.py",
        "settings.py",
    ],
)
def test_answer_time_code_is_not(module):
    assert (PACKAGE_DIR / module).exists() and module not in SOURCES


PASSAGE_SOURCES = {str(p.relative_to(PACKAGE_DIR)) for p in passage_sources()}


@pytest.mark.parametrize("module", ["text/chunking.py", "text/spans.py"])
def test_the_passage_cutters_code_keys_the_passages(module):
    """Changing how sentences are split re-cuts the papers' passages and quotable sentences (no stale table)."""
    assert module in PASSAGE_SOURCES


@pytest.mark.parametrize(
    "module",
    ["figures/candidates.py", "figures/asof.py", "ingest/formats.py", "indexing/cutting.py", "models.py"],
)
def test_the_figure_readers_code_does_not(module):
    """... while changing the figure reader keeps every paper's vectors."""
    assert (PACKAGE_DIR / module).exists() and module not in PASSAGE_SOURCES
