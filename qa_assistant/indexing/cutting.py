"""The per-paper text work that runs in a child process (see ingest.jobs): cutting a document into passages,
quotable sentences and figures.

Light to import (the parent only needs these functions' names); the heavy readers and the figure extractor
are imported by the forkserver once (PRELOAD in ingest.jobs), so each child starts work at once. Nothing here
touches the model, FAISS or the index: those stay in the parent.
"""

from __future__ import annotations

import re

from qa_assistant.models import Chunk, Document, Figure

Sentence = tuple[int, int, int]  # start, end, local chunk number


def cut_passages(
    doc: Document, max_words: int, min_words: int, min_sentence_words: int
) -> tuple[list[Chunk], list[Sentence]]:
    """Passages and quotable sentences of one document (chunk ids local to the paper)."""
    from qa_assistant.text.chunking import chunk_document
    from qa_assistant.text.spans import sentence_spans

    chunks = chunk_document(doc, max_words, min_words)
    sentences = [
        (s, e, c.chunk_id)
        for c in chunks
        for s, e in sentence_spans(doc.text, c.start, c.end)
        if quotable(doc.text[s:e], min_sentence_words)
    ]
    return chunks, sentences


# "Vice-Chair: Councillor J Walker", "Date of meeting: 15 February 2021": a label and its value, a fact in few words
_LABELLED = re.compile(r"[A-Z][\w'’ /()&-]{0,40}:\s+[A-Z0-9£]")


def quotable(sentence: str, min_words: int) -> bool:
    """A sentence may be quoted as an answer: long enough to say something, or a labelled line of three words or
    more (shorter fragments are headings or "NOTED")."""
    words = len(sentence.split())
    return words >= min_words or (words >= 3 and bool(_LABELLED.match(sentence)))


def read_figures(doc: Document) -> list[Figure]:
    """Every candidate figure of one document (ids local to the paper)."""
    from qa_assistant.figures.candidates import extract_figures

    return [f.model_copy(update={"figure_id": i}) for i, f in enumerate(extract_figures(doc))]


def cut_paper(
    doc: Document, max_words: int, min_words: int, min_sentence_words: int
) -> tuple[list[Chunk], list[Figure], list[Sentence]]:
    """Passages, figures and quotable sentences of one document (ids local to the paper)."""
    chunks, sentences = cut_passages(doc, max_words, min_words, min_sentence_words)
    return chunks, read_figures(doc), sentences


def cut_what_is_missing(
    doc: Document, sizes: tuple[int, int, int], passages: bool, figures: bool
) -> tuple[tuple[list[Chunk], list[Sentence]] | None, list[Figure] | None]:
    """What one paper lacks in the cache, in one child process: its passages and quotable sentences
    (sizes: max and min words of a passage, min words of a quotable sentence) and/or its figures."""
    cut = cut_passages(doc, *sizes) if passages else None
    return cut, read_figures(doc) if figures else None
