"""The one BM25 tokenizer, shared by index build and query so the two can never drift apart."""

from __future__ import annotations

import logging
from functools import lru_cache

import bm25s
import Stemmer

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, English stop words removed, Snowball-stemmed tokens (numbers kept)."""
    return bm25s.tokenize(
        texts, stopwords="en", stemmer=_stemmer().stemWords, return_ids=False, show_progress=False
    )
