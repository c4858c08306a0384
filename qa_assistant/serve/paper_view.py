"""Where a citation leads: the paper view's address for a span, and the paragraph around a quote.

A citation's offsets point into the paper's clean text; the paper view (/papers/{doc_id}) shows that text with
the span marked. Its address carries the span (and the PDF page), so it can be pasted into an email or a
report and still land on the same words while the paper is unchanged.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from pydantic import BaseModel, Field

from qa_assistant.models import Citation, Document, page_of
from qa_assistant.text.spans import paragraph_spans

EXCERPT_REACH = 4000  # characters searched either side of a quote for its paragraph's edges
EXCERPT_MAX = 3000  # an excerpt longer than this is cut to the quote plus some words either side


def paper_path(
    doc_id: str,
    start: int | None = None,
    end: int | None = None,
    page: int | None = None,
    marks: list[tuple[int, int]] | None = None,
) -> str:
    """/papers/{doc_id}?start=..&end=..[&page=..][&mark=s-e,...]: the paper view at a span (offsets into the
    clean text; marks are the figure's own words inside it)."""
    params: list[tuple[str, str]] = []
    if start is not None and end is not None and 0 <= start < end:
        params += [("start", str(start)), ("end", str(end))]
    if page:
        params.append(("page", str(page)))
    if marks:
        params.append(("mark", ",".join(f"{s}-{e}" for s, e in marks)))
    path = f"/papers/{quote(doc_id, safe='')}"
    return f"{path}?{urlencode(params, safe=',')}" if params else path


def citation_path(c: Citation) -> str:
    """The paper view at a citation's quote, its highlighted words marked."""
    marks = [
        (c.quote_start + h.start, c.quote_start + h.end)
        for h in c.highlights
        if (h.start, h.end) != (0, c.quote_end - c.quote_start)
    ]
    return paper_path(c.doc_id, c.quote_start, c.quote_end, c.page, marks)


class Excerpt(BaseModel):
    """The paragraph(s) around a span, so a reader can see what a quote sits in without opening the paper."""

    doc_id: str
    start: int = Field(description="Offset of the excerpt in the paper's clean text")
    end: int
    text: str
    page: int | None = None
    cut: bool = Field(default=False, description="The paragraph was longer than the limit and was cut")


def excerpt(doc: Document, start: int, end: int, limit: int = EXCERPT_MAX) -> Excerpt:
    """The paragraphs that hold [start, end), cut to `limit` characters centred on the span if longer."""
    text = doc.text
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    base = max(0, start - EXCERPT_REACH)
    window = text[base : min(len(text), end + EXCERPT_REACH)]
    first, last = start, end
    for p_start, p_end in paragraph_spans(window):
        p_start, p_end = p_start + base, p_end + base
        if p_start <= start < p_end or (p_start < end <= p_end) or (start <= p_start and p_end <= end):
            first, last = min(first, p_start), max(last, p_end)
    cut = False
    if last - first > limit:
        spare = max(0, (limit - (end - start)) // 2)
        first, last = max(first, start - spare), min(last, end + spare)
        cut = True
    return Excerpt(
        doc_id=doc.doc_id,
        start=first,
        end=last,
        text=text[first:last],
        page=page_of(doc.page_starts, start),
        cut=cut,
    )
