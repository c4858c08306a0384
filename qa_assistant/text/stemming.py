"""The one English stemmer (Snowball, via PyStemmer), shared by BM25 tokens and the figure reader's terms so
that a word is reduced the same way wherever it is compared."""

from __future__ import annotations

from functools import lru_cache

import Stemmer


@lru_cache(maxsize=1)
def stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return stemmer().stemWord(word)
