"""The one BM25 tokenizer, shared by index build and query so the two can never drift apart."""

from __future__ import annotations

import logging

import bm25s

from qa_assistant.text.stemming import stemmer

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, English stop words removed, Snowball-stemmed tokens (numbers kept)."""
    return bm25s.tokenize(
        texts, stopwords="en", stemmer=stemmer().stemWords, return_ids=False, show_progress=False
    )
