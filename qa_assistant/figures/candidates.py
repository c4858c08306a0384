"""Every quantity a paper reports becomes a candidate figure, whatever it measures.

For each number: its measure phrase as written (prose_phrases.py, over phrases.py and forward_phrases.py),
the concept that phrase names if any (concepts.py, via assembly.py), whose figure it is (subjects.py), what
kind of figure (kinds.py), its unit (from the number, or from its label or column: "CLA rate per 10,000 |
160.2"), its as-of date and basis (asof.py) and exact spans. Numbers in tables are read by table_figures.py,
others by prose_figures.py, list items against their lead-in line by list_items.py, limits by limits.py.
This module walks the paper sentence by sentence and carries what one sentence tells the next; whether a
figure answers a question is selection's job. Linear: quantities, dates and subject cues are swept in order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from qa_assistant.figures.acronyms import defined_acronyms
from qa_assistant.figures.asof_context import AsOfContext, build_context
from qa_assistant.figures.fraction_phrases import fraction_phrases, with_whole_facts
from qa_assistant.figures.kinds import PART, breakdown_heading, is_threshold
from qa_assistant.figures.limits import limit_figure
from qa_assistant.figures.list_items import band_label, list_parent
from qa_assistant.figures.number_subject import opening_place
from qa_assistant.figures.phrases import NONE, Phrase
from qa_assistant.figures.prose_figures import from_prose
from qa_assistant.figures.prose_phrases import implied_head, phrase_for, share_of_whole_phrase
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.stacked import stacked_table_cells
from qa_assistant.figures.subjects import Subject, SubjectMention, find_subject_mentions, paper_subject
from qa_assistant.figures.table_cells import find_table_cells
from qa_assistant.figures.table_figures import from_cell
from qa_assistant.figures.tables import Cell
from qa_assistant.figures.terms import FIRST_PERSON
from qa_assistant.figures.trend_chains import phrase_in_trend
from qa_assistant.models import Document, Figure
from qa_assistant.text.dates import DateMention, find_dates
from qa_assistant.text.numbers import Quantity, changed_from_to, find_quantities
from qa_assistant.text.spans import Span, is_list_item, paragraph_spans, sentence_spans_by_paragraph
from qa_assistant.text.title_dates import dated_title

_COMPARISON_WORDS = re.compile(
    r"\b(?:than|compared|comparison|against|below|above|versus|vs|whereas|while|whilst|similar|benchmark)\b",
    re.I,
)
MAX_SENTENCE_CHARS = 1200  # a "sentence" longer than this is run-on text: read it in pieces


@dataclass
class _Paper:
    """What every sentence of one paper is read against, found once per paper."""

    ctx: AsOfContext
    mentions: list[SubjectMention]
    mention_starts: list[int]
    default: Subject
    cells: dict[int, Cell]
    stops: set[int]
    thresholds: dict[int, int]
    acronyms: dict[str, str]

    def mentions_in(self, sentence: Span) -> list[SubjectMention]:
        """The subject cues (places, comparators) inside one sentence."""
        lo = bisect.bisect_left(self.mention_starts, sentence[0])
        hi = bisect.bisect_left(self.mention_starts, sentence[1])
        return self.mentions[lo:hi]


def extract_figures(doc: Document) -> list[Figure]:
    """Candidate figures of one paper, in text order."""
    text = doc.text
    dates = find_dates(text, reference=doc.meeting_date or dated_title(doc.title))
    quantities = find_quantities(text, [(d.start, d.end) for d in dates])
    if not quantities:
        return []
    sentences = bounded(text, sentence_spans_by_paragraph(text))
    paper = _index_paper(doc, dates, quantities, sentences)
    figures: list[Figure] = []
    qi = 0
    in_breakdown_list = False
    previous_sentence: Span | None = None
    carried: Subject | None = None  # a comparator the previous sentence of the paragraph was about
    opened: Subject | None = None  # the place the previous sentence opened with ("Nationally, ...")
    national: Subject | None = None  # a run of paragraphs after one that opened "Across England, ..."
    for sentence in sentences:
        qs, qi = _quantities_in(quantities, qi, sentence)
        in_breakdown_list = _in_breakdown_list(text, sentence, previous_sentence, in_breakdown_list)
        same_paragraph = (
            previous_sentence is not None and "\n\n" not in text[previous_sentence[1] : sentence[0]]
        )
        previous_sentence = sentence
        here = paper.mentions_in(sentence)
        if not same_paragraph:
            carried = opened = None
        national = _national_run(text, sentence, here, national)
        # "Of these, 17,630 were placed more than 20 miles away, including 118 children from Northumberland": a
        # place named only after the sentence's first number is a later number's, not the sentence's
        leading = [m for m in here if not qs or m.start < qs[0].start]
        refers_back = opened is not None and not leading and bool(_REFERS_BACK_START.match(text, sentence[0]))
        if qs:
            subject = carried if carried is not None and not here else paper.default
            if carried is None and refers_back:
                subject = opened  # "Nationally, ... 7,174 FTE. Of these, 5,744 ... This meant 74.4% ..."
            elif carried is None and not here and national is not None:
                subject = national
            reader = SentenceReading(
                doc,
                text,
                sentence,
                qs,
                here,
                subject,
                paper.ctx,
                paper.cells,
                paper.stops,
                paper.thresholds,
                in_breakdown_list and is_list_item(text, sentence[0]),
                paper.acronyms,
            )
            figures.extend(_sentence_figures(reader))
        carried = _carried_subject(text, sentence, here, qs, carried)
        opened = opened if refers_back else _opening_subject(text, sentence, here)
        if not same_paragraph and opened is not None and opened.kind in ("england", "region"):
            national = opened
    return figures


def _national_run(
    text: str, sentence: Span, here: list[SubjectMention], national: Subject | None
) -> Subject | None:
    """News written from national data ends with the national picture: "Across England, 154,500 requests ...",
    then paragraphs naming no place ("Just 46% of new plans were issued within 20 weeks") that are still
    England's. The run ends where a sentence names any place or speaks for the council ("we", "our")."""
    if national is None or here or FIRST_PERSON.search(text, sentence[0], sentence[1]):
        return None
    return national


_REFERS_BACK_START = re.compile(
    r"\W*(?:of\s+(?:these|those|them)|this|these|that|those|it|such|they)\b", re.I
)


def _opening_subject(text: str, sentence: Span, here: list[SubjectMention]) -> Subject | None:
    """The place other than this council's that a sentence opens with, set off by a comma, and the only one it
    names ("Nationally, the number of agency workers reached 7,174"): the next sentence, when it opens by
    referring back to this one ("Of these", "This meant"), is about that place too."""
    if not here or here[0].subject.kind == "own" or len({m.subject.key for m in here}) != 1:
        return None
    return opening_place(text, sentence[0], sentence[1], here)


def _index_paper(
    doc: Document, dates: list[DateMention], quantities: list[Quantity], sentences: list[Span]
) -> _Paper:
    """The paper-wide indexes: dated headings, subject cues, table cells, acronyms, where phrases must stop."""
    text = doc.text
    paragraphs = paragraph_spans(text)
    ctx = build_context(text, dates, sentences, paragraphs, doc.meeting_date, doc.title)
    mentions = find_subject_mentions(text)
    default = paper_subject(doc.title, text)
    cells = find_table_cells(text, quantities, doc.meeting_date)
    for start, cell in stacked_table_cells(text, quantities, doc.meeting_date).items():
        cells.setdefault(start, cell)
    return _Paper(
        ctx=ctx,
        mentions=mentions,
        mention_starts=[m.start for m in mentions],
        default=default,
        cells=cells,
        stops={d.start for d in dates} | {q.start for q in quantities},
        thresholds={q.start: q.end for q in quantities if is_threshold(text, q, max(0, q.start - 40))},
        acronyms=defined_acronyms(text),
    )


def _quantities_in(quantities: list[Quantity], qi: int, sentence: Span) -> tuple[list[Quantity], int]:
    """The quantities inside a sentence, swept from index qi on (so the whole paper is swept once)."""
    qs: list[Quantity] = []
    while qi < len(quantities) and quantities[qi].start < sentence[1]:
        if quantities[qi].start >= sentence[0]:
            qs.append(quantities[qi])
        qi += 1
    return qs, qi


def _in_breakdown_list(text: str, sentence: Span, previous_sentence: Span | None, inside: bool) -> bool:
    """Whether a sentence is an item of a list that breaks down a total ("of the 156 foster carers:-")."""
    if previous_sentence is not None and breakdown_heading(text[previous_sentence[0] : previous_sentence[1]]):
        return True
    if not is_list_item(text, sentence[0]):
        return False
    return inside


def _carried_subject(
    text: str, sentence: Span, here: list[SubjectMention], qs: list[Quantity], carried: Subject | None
) -> Subject | None:
    """The comparator a sentence without numbers is about, which the next sentence's numbers belong to."""
    # "Numbers of children in care in England have risen. In March 2013 there were 68,110." carries England;
    # a sentence comparing several areas carries none.
    distinct = {m.subject.key for m in here}
    if here and not qs:
        only = here[0].subject
        comparing = _COMPARISON_WORDS.search(text[sentence[0] : sentence[1]])
        return only if len(distinct) == 1 and only.kind != "own" and not comparing else None
    if here or qs:
        return None
    return carried


def _sentence_figures(r: SentenceReading) -> list[Figure]:
    """The figures of one sentence (or table row, or list item), left to right."""
    out: list[Figure] = []
    previous: Quantity | None = None
    previous_phrase: Phrase = NONE
    parent = list_parent(r) if r.list_part else ""
    fraction = fraction_phrases(r)
    for i, q in enumerate(r.qs):
        nxt = r.qs[i + 1].start if i + 1 < len(r.qs) else r.sentence[1]
        if q.start in r.thresholds or band_label(r, q, r.qs[i + 1] if i + 1 < len(r.qs) else None):
            out += [f for f in [limit_figure(r, q, nxt)] if f and q.start in r.thresholds]  # a limit set
            continue
        cell = r.cells.get(q.start)
        if cell is not None:
            fig = from_cell(r, q, cell)
            phrase = Phrase(cell.label_start, cell.label_end, "table")
        else:
            fig, phrase = _prose_figure(r, q, previous, previous_phrase, parent, nxt, fraction)
        if fig is not None:
            if fig.kind != PART:
                parent = fig.phrase
            # "Hartlepool ... a fall from 13.3 per 10,000 to 11.7": the value it changed to is the same place's
            if out and cell is None and changed_from_to(r.text, out[-1].start, out[-1].end, fig.start):
                fig = fig.model_copy(
                    update={"subject": out[-1].subject, "subject_name": out[-1].subject_name}
                )
            out.append(fig)
        previous, previous_phrase = q, phrase
    return with_whole_facts(r, out)


def _prose_figure(
    r: SentenceReading,
    q: Quantity,
    previous: Quantity | None,
    previous_phrase: Phrase,
    parent: str,
    nxt: int,
    fraction: dict[int, Phrase],
) -> tuple[Figure | None, Phrase]:
    """A number outside a table, with the phrase it was read with (the next number may inherit it)."""
    phrase = fraction.get(q.start) or phrase_in_trend(
        r, q, previous, previous_phrase, phrase_for(r, q, previous, previous_phrase)
    )
    share = None if q.start in fraction else share_of_whole_phrase(r, q, phrase, previous)
    if share is not None:
        phrase, whole = share
    is_part = q.start in r.parts or (r.list_part and q is r.qs[0])
    implied = whole if share is not None else parent if is_part else implied_head(r, phrase, previous_phrase)
    fig = from_prose(r, q, phrase, previous, nxt, implied)
    if fig is not None and fig.kind == "change" and not fig.terms and previous_phrase.found:
        # "210 children in foster care, an increase of 12": the change is of the same measure
        phrase = Phrase(previous_phrase.start, previous_phrase.end, "inherited")
        fig = from_prose(r, q, phrase, previous, nxt, implied)
    return fig, phrase


def bounded(text: str, sentences: list[Span]) -> list[Span]:
    """Sentences, with run-on ones (a page of text without a full stop) cut at clause breaks into pieces of at
    most MAX_SENTENCE_CHARS, so reading each number looks at a bounded neighbourhood: linear in the text."""
    out: list[Span] = []
    for s, e in sentences:
        while e - s > MAX_SENTENCE_CHARS:
            limit = s + MAX_SENTENCE_CHARS
            # a semicolon ends a clause of a list; a comma may part a number from its own qualifier
            cut = text.rfind("; ", s, limit)
            if cut <= s + MAX_SENTENCE_CHARS // 3:
                cut = text.rfind(", ", s, limit)
            if cut <= s + MAX_SENTENCE_CHARS // 3:
                cut = text.rfind(" ", s, limit)
            if cut <= s:
                cut = limit
            out.append((s, cut))
            s = cut + 1
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out
