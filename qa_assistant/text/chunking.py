"""Split a document into passages sized for the embedding model, keeping offsets into the clean text.

Passages break at paragraph and list-item boundaries; only a paragraph longer than the budget is split,
and then at sentence boundaries (never mid-sentence unless one sentence alone exceeds the budget).
"""

from __future__ import annotations

import re

from qa_assistant.models import Chunk, Document
from qa_assistant.text.spans import Span, paragraph_spans, sentence_spans, word_count


def _split_long(text: str, span: Span, max_words: int) -> list[Span]:
    """Break an over-long paragraph into sentence groups, and an over-long sentence at word boundaries."""
    pieces: list[Span] = []
    for s, e in sentence_spans(text, *span):
        if word_count(text[s:e]) <= max_words:
            pieces.append((s, e))
            continue
        words = [m.span() for m in re.finditer(r"\S+", text[s:e])]
        for i in range(0, len(words), max_words):
            group = words[i : i + max_words]
            pieces.append((s + group[0][0], s + group[-1][1]))
    return _pack(text, pieces, max_words)


def _pack(text: str, units: list[Span], max_words: int) -> list[Span]:
    """Greedily join consecutive units while the passage stays within the word budget."""
    packed: list[Span] = []
    cur: Span | None = None
    cur_words = 0
    for s, e in units:
        n = word_count(text[s:e])
        if cur is not None and cur_words + n <= max_words:
            cur = (cur[0], e)
            cur_words += n
        else:
            if cur is not None:
                packed.append(cur)
            cur, cur_words = (s, e), n
    if cur is not None:
        packed.append(cur)
    return packed


def chunk_spans(text: str, max_words: int, min_words: int) -> list[Span]:
    units: list[Span] = []
    for span in paragraph_spans(text):
        if word_count(text[span[0] : span[1]]) > max_words:
            units.extend(_split_long(text, span, max_words))
        else:
            units.append(span)
    spans = _pack(text, units, max_words)
    # A tiny last passage reads badly on its own: fold it into the previous one if that stays in budget.
    if len(spans) > 1 and word_count(text[spans[-1][0] : spans[-1][1]]) < min_words:
        merged_words = word_count(text[spans[-2][0] : spans[-1][1]])
        if merged_words <= max_words * 1.25:
            spans[-2:] = [(spans[-2][0], spans[-1][1])]
    return spans


def page_chunk_spans(text: str, page_starts: list[int], max_words: int, min_words: int) -> list[Span]:
    """Passages never cross a PDF page break, so every citation can name one page."""
    if not page_starts:
        return chunk_spans(text, max_words, min_words)
    spans: list[Span] = []
    for start, end in zip(page_starts, page_starts[1:] + [len(text)]):
        spans.extend((start + s, start + e) for s, e in chunk_spans(text[start:end], max_words, min_words))
    return spans


def chunk_document(doc: Document, max_words: int, min_words: int, first_id: int = 0) -> list[Chunk]:
    return [
        Chunk(chunk_id=first_id + i, doc_id=doc.doc_id, ord=i, start=s, end=e, text=doc.text[s:e])
        for i, (s, e) in enumerate(page_chunk_spans(doc.text, doc.page_starts, max_words, min_words))
    ]
