"""The per-paper text work that runs in a child process (see paper_jobs): reading a file into clean text, and
cutting a document into passages, quotable sentences and figures.

Light to import (the parent only needs these functions' names); the heavy readers and the figure extractor
are imported by the forkserver once (PRELOAD), so each child starts work at once. Nothing here touches the
model, FAISS or the index: those stay in the parent.
"""

from __future__ import annotations

from pathlib import Path

from .formats import Extracted, extract
from .models import Chunk, Document, Figure
from .paper_jobs import check_size

PRELOAD = ["qa_assistant.paper_work", "qa_assistant.chunking", "qa_assistant.figures.candidates", "pypdf",
           "trafilatura", "lxml.html"]

Sentence = tuple[int, int, int]  # start, end, local chunk number


def read_paper(name: str, data: bytes, max_chars: int) -> Extracted:
    """Clean text of one file, refused when it is longer than one paper may be."""
    result = extract(Path(name), data)
    check_size(name, len(result.text), max_chars)
    return result


def cut_passages(doc: Document, max_words: int, min_words: int,
                 min_sentence_words: int) -> tuple[list[Chunk], list[Sentence]]:
    """Passages and quotable sentences of one document (chunk ids local to the paper)."""
    from .chunking import chunk_document
    from .spans import sentence_spans

    chunks = chunk_document(doc, max_words, min_words)
    sentences = [(s, e, c.chunk_id) for c in chunks for s, e in sentence_spans(doc.text, c.start, c.end)
                 if len(doc.text[s:e].split()) >= min_sentence_words]
    return chunks, sentences


def read_figures(doc: Document) -> list[Figure]:
    """Every candidate figure of one document (ids local to the paper)."""
    from .figures.candidates import extract_figures

    return [f.model_copy(update={"figure_id": i}) for i, f in enumerate(extract_figures(doc))]


def cut_paper(doc: Document, max_words: int, min_words: int,
              min_sentence_words: int) -> tuple[list[Chunk], list[Figure], list[Sentence]]:
    """Passages, figures and quotable sentences of one document (ids local to the paper)."""
    chunks, sentences = cut_passages(doc, max_words, min_words, min_sentence_words)
    return chunks, read_figures(doc), sentences
