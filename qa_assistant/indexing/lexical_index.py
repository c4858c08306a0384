"""BM25 over passages that can take new passages without re-reading the old ones.

Scores are bm25s's own, score for score (its default Lucene variant: k1 1.5, b 0.75; the same float32
rounding; its top-k selection), which tests/test_retrieval.py checks against bm25s on the real corpus. What
bm25s cannot do is add a document to a built index: it must tokenise and score the whole corpus again, about
25 s at 100,000 passages, which alone would break the 10-second budget for adding one paper to an archive.
Here the index keeps each term's postings (passage, term frequency) in compressed-column arrays and each
passage's length; adding passages inserts their postings, and the scores, which depend on the corpus size
and average length, are recomputed in one vectorised pass when the index is loaded.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from pathlib import Path

import numpy as np
from bm25s.selection import topk

K1, B = 1.5, 0.75  # bm25s's defaults, which the index was tuned with


class LexicalIndex:
    """Postings by term (indptr, passage ids, term frequencies), passage lengths, and the BM25 score of each
    posting (made at load)."""

    def __init__(
        self,
        vocab: dict[str, int],
        indptr: np.ndarray,
        docs: np.ndarray,
        tf: np.ndarray,
        lengths,
        scored=True,
    ):
        self.vocab_dict = vocab
        self.indptr, self.docs, self.tf = indptr, docs, tf
        self.lengths = np.asarray(lengths, dtype=np.int64)
        # scores are for searching; an index only being added to and saved does not need them
        self.scores = _scores(indptr, tf, docs, self.lengths) if scored else None

    @property
    def num_docs(self) -> int:
        return len(self.lengths)

    @classmethod
    def build(cls, token_lists: list[list[str]], scored: bool = True) -> LexicalIndex:
        builder = LexicalBuilder()
        builder.add(token_lists)
        return builder.finish(scored)

    def appended(self, token_lists: list[list[str]], scored: bool | None = None) -> LexicalIndex:
        """A new index holding this one's passages and then these (numbered after them); scored for searching
        (by default, when this one is)."""
        vocab = dict(self.vocab_dict)
        terms, docs, freqs = _postings(token_lists, vocab, self.num_docs)
        order = np.lexsort((docs, terms))
        old_indptr = np.concatenate(
            [self.indptr, np.full(len(vocab) - len(self.vocab_dict), self.indptr[-1], dtype=np.int64)]
        )
        added_per_term = np.bincount(terms, minlength=len(vocab))
        where = old_indptr[terms[order] + 1]  # each new posting goes after its term's old ones
        indptr = old_indptr + np.concatenate([[0], np.cumsum(added_per_term)])
        new_docs = np.insert(self.docs, where, docs[order].astype(np.int32))
        new_tf = np.insert(self.tf, where, freqs[order])
        lengths = np.concatenate([self.lengths, [len(t) for t in token_lists]]).astype(np.int64)
        scored = self.scores is not None if scored is None else scored
        return LexicalIndex(vocab, indptr, new_docs, new_tf, lengths, scored)

    def retrieve(self, tokens: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k passage ids and scores for a query's tokens (repeated tokens count again, as in bm25s)."""
        scores = np.zeros(self.num_docs, dtype=np.float32)
        for token in tokens:
            t = self.vocab_dict.get(token)
            if t is not None:
                start, end = self.indptr[t], self.indptr[t + 1]
                scores[self.docs[start:end]] += self.scores[start:end]
        top_scores, top_ids = topk(scores, min(k, self.num_docs), backend="numpy", sorted=True)
        return top_ids, top_scores

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "indptr.npy", self.indptr)
        np.save(folder / "docs.npy", self.docs)
        np.save(folder / "tf.npy", self.tf)
        np.save(folder / "lengths.npy", self.lengths)
        (folder / "vocab.json").write_text(json.dumps(self.vocab_dict))

    @classmethod
    def load(cls, folder: Path, scored: bool = True) -> LexicalIndex:
        vocab = json.loads((folder / "vocab.json").read_text())
        arrays = [np.load(folder / f"{n}.npy", mmap_mode="r") for n in ("indptr", "docs", "tf", "lengths")]
        indptr, docs, tf, lengths = arrays
        if len(indptr) != len(vocab) + 1 or len(docs) != len(tf) or indptr[-1] != len(docs):
            raise ValueError("lexical index arrays do not agree")
        return cls(vocab, indptr, docs, tf, lengths, scored)


class LexicalBuilder:
    """Postings gathered paper by paper (compact arrays, no token lists kept), made an index once at the end:
    a full build's memory does not grow with the archive's text."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.terms, self.docs = array("i"), array("i")
        self.freqs = array("f")
        self.lengths = array("q")

    def add(self, token_lists: list[list[str]]) -> None:
        terms, docs, freqs = _postings(token_lists, self.vocab, len(self.lengths))
        self.terms.extend(terms.astype(np.int32))
        self.docs.extend(docs.astype(np.int32))
        self.freqs.extend(freqs)
        self.lengths.extend(len(t) for t in token_lists)

    def finish(self, scored: bool = False) -> LexicalIndex:
        """The index (scored for searching if asked; a build only saves it)."""
        terms = np.frombuffer(self.terms, dtype=np.int32).astype(np.int64)
        docs = np.frombuffer(self.docs, dtype=np.int32)
        order = np.lexsort((docs, terms))
        indptr = np.concatenate([[0], np.cumsum(np.bincount(terms, minlength=len(self.vocab)))])
        freqs = np.frombuffer(self.freqs, dtype=np.float32)
        lengths = np.frombuffer(self.lengths, dtype=np.int64)
        return LexicalIndex(self.vocab, indptr.astype(np.int64), docs[order], freqs[order], lengths, scored)


def _postings(token_lists: list[list[str]], vocab: dict[str, int], first_doc: int):
    """(term, passage, term frequency) of each distinct token of each passage, numbered from first_doc; new
    terms are added to vocab."""
    terms, docs, freqs = [], [], []
    for offset, tokens in enumerate(token_lists):
        for token, count in Counter(tokens).items():
            terms.append(vocab.setdefault(token, len(vocab)))
            docs.append(first_doc + offset)
            freqs.append(count)
    return (
        np.array(terms, dtype=np.int64),
        np.array(docs, dtype=np.int64),
        np.array(freqs, dtype=np.float32),
    )


def _scores(indptr: np.ndarray, tf: np.ndarray, docs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each posting's BM25 score, computed as bm25s computes it (idf rounded to float32, the rest in float64,
    the score stored as float32)."""
    n = len(lengths)
    if n == 0 or len(tf) == 0:
        return np.zeros(len(tf), dtype=np.float32)
    df = np.diff(np.asarray(indptr))
    idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
    average = lengths.mean()
    norm = K1 * ((1 - B) + B * lengths / average)  # float64 per passage
    term_of = np.repeat(np.arange(len(df)), df)
    tf64 = np.asarray(tf)
    return (idf[term_of] * (tf64 / (norm[np.asarray(docs)] + tf64))).astype(np.float32)
