"""Citations: the paper, its committee and dates, the quoted words, and the marks inside them.

Every answer kind builds its citations here, so a quote always matches the document's clean text exactly and
always names the paper, committee, meeting date and (for PDFs) the page.
"""

from __future__ import annotations

import re

from qa_assistant.models import Citation, Figure, FigureValue, Highlight, page_of
from qa_assistant.text.spans import is_list_item, paragraph_spans

MAX_LIST_QUOTE_CHARS = 900


class Citer:
    """Builds citations over one loaded index's documents."""

    def __init__(self, index) -> None:
        self.index = index

    def cite(
        self,
        doc_id: str,
        start: int,
        end: int,
        marks: list[tuple[int, int]],
        as_of: str | None = None,
        chunk_id: int | None = None,
    ) -> Citation:
        doc = self.index.documents[doc_id]
        page, page_end = page_of(doc.page_starts, start), page_of(doc.page_starts, max(start, end - 1))
        return Citation(
            doc_id=doc_id,
            title=doc.title,
            committee=doc.committee,
            meeting_date=doc.meeting_date,
            meeting_date_label=doc.meeting_date_label,
            source_url=doc.source_url,
            chunk_id=chunk_id,
            quote=doc.text[start:end],
            quote_start=start,
            quote_end=end,
            highlights=[Highlight(start=s - start, end=e - start) for s, e in marks if start <= s < e <= end],
            as_of_label=as_of,
            page=page,
            page_end=page_end if page_end != page else None,
        )

    def figure_value(
        self, f: Figure, previous: Figure | None = None, quote_from: int | None = None
    ) -> FigureValue:
        """A figure with its citation; quote_from widens the quote back to the words that support it."""
        start = min(f.sentence_start, quote_from) if quote_from is not None else f.sentence_start
        citation = self.cite(
            f.doc_id,
            start,
            f.sentence_end,
            [(f.start, f.end)],
            f.as_of.label,
            self.index.chunk_at(f.doc_id, f.start),
        )
        change = f.value - previous.value if previous is not None and previous.unit == f.unit else None
        return FigureValue(
            figure_id=f.figure_id,
            label=f.label,
            phrase=f.phrase,
            concept_id=f.concept_id,
            value_text=as_written(self.index.documents[f.doc_id].text, f),
            value=f.value,
            unit=f.unit,
            subject=f.subject,
            subject_name=f.subject_name,
            kind=f.kind,
            as_of=f.as_of,
            citation=citation,
            change_from_previous=change,
        )

    def sentence(
        self,
        doc_id: str,
        start: int,
        end: int,
        chunk_id: int | None,
        marks: list[tuple[int, int]] | None = None,
    ) -> Citation:
        """Quote a sentence; one that introduces a list ("outlined that:") is quoted with its list."""
        text = self.index.documents[doc_id].text
        if re.search(r":-?\s*$", text[start:end]):
            following = [p for p in paragraph_spans(text[end : end + 4000]) if p[0] >= 0][:8]
            for p_start, p_end in following:
                p_start, p_end = p_start + end, p_end + end
                short_item = len(text[p_start:p_end].split()) <= 60
                if not (is_list_item(text, p_start) or short_item) or p_end - start > MAX_LIST_QUOTE_CHARS:
                    break
                end = p_end
        return self.cite(
            doc_id, start, end, marks if marks is not None else [(start, end)], chunk_id=chunk_id
        )


def merge_citations(citations: list[Citation]) -> list[Citation]:
    """One citation per quoted passage: a value and its rate in the same sentence share a chip, both marked."""
    merged: dict[tuple[str, int, int], Citation] = {}
    for c in citations:
        key = (c.doc_id, c.quote_start, c.quote_end)
        if key in merged:
            seen = merged[key]
            marks = seen.highlights + [h for h in c.highlights if h not in seen.highlights]
            merged[key] = seen.model_copy(update={"highlights": sorted(marks, key=lambda h: h.start)})
        else:
            merged[key] = c
    return list(merged.values())


# "overspent its budget by more than £1 million": the words that make a figure a bound or an estimate
_HEDGE_BEFORE = re.compile(
    r"\b(?:(?:just|well)\s+(?:over|under)|(?:just\s+)?(?:more|less|fewer)\s+than|around|approximately|roughly|"
    r"nearly|almost|up\s+to|at\s+least|in\s+excess\s+of|upwards\s+of|circa|(?P<bare>over|under|about))\s+$",
    re.I,
)
# "over", "under" and "about" hedge a figure, except as a particle or a preposition after these ("carried over
# £1.2m", "handed over £750,000", "information about 312 children", "a decision about £4.5m")
_NOT_A_HEDGE_AFTER = re.compile(
    r"\b(?:carried|carry|carries|handed|hand|hands|passed|pass|rolled|roll|taken|took|take|brought|bring|moved|move|"
    r"switched|signed|turned|information|details|detail|decision|decisions|question|questions|concerns?|talk|"
    r"talked|asked|ask|spoke|think|thought|worried|report|reports|update|briefing)\s+$",
    re.I,
)


def as_written(text: str, f: Figure) -> str:
    """The figure as the paper reports it, with the hedge written right before it ("more than £1 million",
    "around 500"): an answer must not state a bound or an estimate as an exact figure."""
    hedge = hedge_before(text, f)
    return " ".join(f"{hedge} {f.value_text}".split()) if hedge else f.value_text


def hedge_before(text: str, f: Figure) -> str:
    """The words right before a figure that make it a bound or an estimate ("more than", "around"), with
    single spaces; "" when it is stated as exact."""
    hedge = _HEDGE_BEFORE.search(text, max(f.sentence_start, f.start - 30), f.start)
    if (
        hedge
        and hedge.group("bare")
        and _NOT_A_HEDGE_AFTER.search(text, max(0, hedge.start() - 20), hedge.start())
    ):
        hedge = None
    return " ".join(hedge.group(0).split()) if hedge else ""


_OPENS_WITH_THE = re.compile(r"\W*The\s+")
# the value's noun and then its verb ("figure makes up", "total is"); not a qualifier ("total for home to school
# transport", "figure quoted by Ofsted")
_RESTATING_NOUN = re.compile(
    r"\s+(?:figure|total|sum|amount)\s+(?:is|was|makes|made|represents|accounts|equates|means|covers|comes)\b",
    re.I,
)
# what tells of another date or a comparison in the restating sentence: then it is not the same figure
_OTHER_TIME_OR_COMPARED = re.compile(
    r"\b(?:than|compared|lower|higher|previous|last|earlier|before|ago|rose|fell|down|year|quarter|month)\b",
    re.I,
)


def restates_by_value(text: str, f: Figure) -> bool:
    """ "The £27.9m figure makes up half of the budget": a sentence that opens on a figure named by its own
    value restates one given before rather than reports a new measure."""
    return bool(
        _OPENS_WITH_THE.fullmatch(text, f.sentence_start, f.start)
        and _RESTATING_NOUN.match(text, f.end)
        and not _OTHER_TIME_OR_COMPARED.search(text, f.end, f.sentence_end)
    )
