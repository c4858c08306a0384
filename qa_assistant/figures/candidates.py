"""Every quantity a paper reports becomes a candidate figure, whatever it measures.

For each number: its measure phrase as written (phrases.py), the concept that phrase names if any
(concepts.py), whose figure it is (subjects.py), what kind of figure (kinds.py), its unit (from the number,
or from its label or column: "CLA rate per 10,000 | 160.2"), its as-of date and basis (asof.py) and exact
spans. Nothing here decides whether a figure answers a question: that is selection's job, with the support
check. Linear in the document's length: quantities, dates and subject cues are swept in text order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from qa_assistant.figures import asof as asof_rules
from qa_assistant.figures.acronyms import defined_acronyms, expand, expansions
from qa_assistant.figures.concepts import match_concept, match_phrase, passive_participles
from qa_assistant.figures.kinds import (
    LEVEL,
    PART,
    breakdown_heading,
    is_threshold,
    kind_of,
    parts_after,
    share_of_whole,
)
from qa_assistant.figures.phrases import (
    NONE,
    Phrase,
    backward_phrase,
    forward_phrase,
    heading_above,
    label_phrase,
)
from qa_assistant.figures.stacked import stacked_table_cells
from qa_assistant.figures.subjects import Subject, find_subject_mentions, paper_subject, subject_for
from qa_assistant.figures.tables import Cell, find_table_cells, unit_hint
from qa_assistant.figures.terms import (
    UNIT_TEXT,
    WEEKLY,
    counting_terms,
    lexicon,
    measure_terms,
    phrase_pattern,
)
from qa_assistant.models import AsOf, Document, Figure
from qa_assistant.text.dates import DATE_EDGE, find_dates
from qa_assistant.text.numbers import Quantity, find_quantities
from qa_assistant.text.spans import Span, is_list_item, paragraph_spans, sentence_spans_by_paragraph

_INHERIT_GAP = re.compile(r"^\s*(?:\(|/|,\s*or|\bor\b|\band\b|,)?\s*$", re.I)
_FROM_TO_GAP = re.compile(r"\bto\s*(?:£)?$", re.I)
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:a|the)\s+)?(?:(?:peak|high|low|total|level|figure)\s+of\s+)?(?:£)?$", re.I
)
# "the number of children in its care had risen by 40% to 429": the level after a change says what the change did
_BY_BEFORE = re.compile(
    r"\b(?:risen|rose|rising|increased|increasing|grown|grew|growing|fallen|fell|falling|dropped|"
    r"dropping|decreased|decreasing|reduced|reducing|gone\s+(?:up|down)|went\s+(?:up|down))\s+by\s+"
    r"(?:£)?$",
    re.I,
)
_COMPARED_GAP = re.compile(
    r"\b(?:compared|against|than|versus|vs\.?|whereas|while|whilst|from\s+a\s+(?:high|peak))\b", re.I
)
_RELATIVE_PAST = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,4}?(?:last\s+year|the\s+previous\s+(?:year|quarter|month|period)|"
    r"a\s+year\s+(?:ago|earlier)|the\s+same\s+(?:time|period|point|quarter)\s+last\s+year|"
    r"last\s+quarter|previously|the\s+prior\s+year|the\s+year\s+before|last\s+month)\b",
    re.I,
)
_PREPOSITION_START = re.compile(r"^(?:with|in|on|placed|living|who|under|at)\b", re.I)
_PREPOSITION_SPLIT = re.compile(
    r"\s+(?:with|in|on|placed|living|who|under|at|were|was|are|is|had|have)\b", re.I
)
_COMPARISON_WORDS = re.compile(
    r"\b(?:than|compared|comparison|against|below|above|versus|vs|whereas|while|"
    r"whilst|similar|benchmark)\b",
    re.I,
)
_COUNTED_HEAD = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){0,3}(?:councils|authorities|local authorities|teams|services|"
    r"schools|homes|areas|wards|providers|agencies|organisations|partners)\b"
)
_PRO_FORM = re.compile(
    r"\b(?:the|this|that|current|latest|overall|total)\s+(?:current\s+|latest\s+|overall\s+)?"
    r"(?:figure|number|total|level|rate|count)\b|\b(?:it|this|which)\s+(?:stood|was|is|now)\b",
    re.I,
)
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|had|has|have|been)\b", re.I)
_LEAD_IN_LINES = 12  # list lines read upwards looking for the line that introduces them
_LINE_REACH = 300  # characters looked back for the start of a list line (bounded, so reading stays linear)
_CLAUSE_CHARS = 120  # how far either side of a number its clause's words are read when its phrase cannot be
_UNIT_SCALE = {"gbp_thousands": 1e3, "gbp_millions": 1e6}


def extract_figures(doc: Document) -> list[Figure]:
    """Candidate figures of one paper, in text order."""
    text = doc.text
    dates = find_dates(text, reference=doc.meeting_date)
    quantities = find_quantities(text, [(d.start, d.end) for d in dates])
    if not quantities:
        return []
    paragraphs = paragraph_spans(text)
    sentences = bounded(text, sentence_spans_by_paragraph(text))
    ctx = asof_rules.build_context(text, dates, sentences, paragraphs, doc.meeting_date, doc.title)
    mentions = find_subject_mentions(text)
    mention_starts = [m.start for m in mentions]
    default = paper_subject(doc.title, text)
    cells = find_table_cells(text, quantities, doc.meeting_date)
    for start, cell in stacked_table_cells(text, quantities, doc.meeting_date).items():
        cells.setdefault(start, cell)
    acronyms = defined_acronyms(text)
    stops = {d.start for d in dates} | {q.start for q in quantities}
    thresholds = {q.start: q.end for q in quantities if is_threshold(text, q, max(0, q.start - 40))}
    figures: list[Figure] = []
    qi = 0
    in_breakdown_list = False
    previous_sentence: Span | None = None
    carried: Subject | None = None  # a comparator the previous sentence of the paragraph was about
    for sentence in sentences:
        qs: list[Quantity] = []
        while qi < len(quantities) and quantities[qi].start < sentence[1]:
            if quantities[qi].start >= sentence[0]:
                qs.append(quantities[qi])
            qi += 1
        if previous_sentence is not None and breakdown_heading(
            text[previous_sentence[0] : previous_sentence[1]]
        ):
            in_breakdown_list = True
        elif not is_list_item(text, sentence[0]):
            in_breakdown_list = False
        same_paragraph = (
            previous_sentence is not None and "\n\n" not in text[previous_sentence[1] : sentence[0]]
        )
        previous_sentence = sentence
        lo = bisect.bisect_left(mention_starts, sentence[0])
        hi = bisect.bisect_left(mention_starts, sentence[1])
        here = mentions[lo:hi]
        if not same_paragraph:
            carried = None
        if qs:
            subject = carried if carried is not None and not here else default
            reader = _SentenceReader(
                doc,
                text,
                sentence,
                qs,
                here,
                subject,
                ctx,
                cells,
                stops,
                thresholds,
                in_breakdown_list and is_list_item(text, sentence[0]),
                acronyms,
            )
            figures.extend(reader.figures())
        # "Numbers of children in care in England have risen. In March 2013 there were 68,110." carries England;
        # a sentence comparing several areas carries none.
        distinct = {m.subject.key for m in here}
        if here and not qs:
            only = here[0].subject
            comparing = _COMPARISON_WORDS.search(text[sentence[0] : sentence[1]])
            carried = only if len(distinct) == 1 and only.kind != "own" and not comparing else None
        elif here or qs:
            carried = None
    return figures


class _SentenceReader:
    """The figures of one sentence (or table row, or list item), read left to right."""

    def __init__(
        self,
        doc: Document,
        text: str,
        sentence: Span,
        qs: list[Quantity],
        mentions,
        default: Subject,
        ctx,
        cells: dict[int, Cell],
        stops: set[int],
        thresholds: dict[int, int],
        list_part: bool,
        acronyms: dict[str, str] | None = None,
    ):
        self.doc, self.text, self.sentence, self.qs = doc, text, sentence, qs
        self.mentions, self.default, self.ctx, self.cells = mentions, default, ctx, cells
        self.stops, self.thresholds, self.list_part = stops, thresholds, list_part
        self.acronyms = acronyms or {}
        self.parts = parts_after(text, qs)
        self.counted: dict[int, str] = {}  # number start -> the noun it counts, when its phrase is elsewhere

    def figures(self) -> list[Figure]:
        out: list[Figure] = []
        previous: Quantity | None = None
        previous_phrase: Phrase = NONE
        parent = self._list_parent() if self.list_part else ""
        for i, q in enumerate(self.qs):
            if q.start in self.thresholds or self._band_label(
                q, self.qs[i + 1] if i + 1 < len(self.qs) else None
            ):
                continue
            nxt = self.qs[i + 1].start if i + 1 < len(self.qs) else self.sentence[1]
            cell = self.cells.get(q.start)
            if cell is not None:
                fig = self._from_cell(q, cell)
                phrase = Phrase(cell.label_start, cell.label_end, "table")
            else:
                phrase = self._phrase(q, previous, previous_phrase)
                share = self._share_of_whole(q, phrase, previous)
                if share is not None:
                    phrase, whole = share
                is_part = q.start in self.parts or (self.list_part and q is self.qs[0])
                implied = (
                    whole
                    if share is not None
                    else parent
                    if is_part
                    else self._implied_head(phrase, previous_phrase)
                )
                fig = self._from_prose(q, phrase, previous, nxt, implied)
                if fig is not None and fig.kind == "change" and not fig.terms and previous_phrase.found:
                    # "210 children in foster care, an increase of 12": the change is of the same measure
                    phrase = Phrase(previous_phrase.start, previous_phrase.end, "inherited")
                    fig = self._from_prose(q, phrase, previous, nxt, implied)
            if fig is not None:
                if fig.kind != PART:
                    parent = fig.phrase
                out.append(fig)
            previous, previous_phrase = q, phrase
        return out

    def _masked(self, phrase: Phrase, phrase_text: str) -> str:
        """The phrase with dates and numbers blanked out: "the mid 2017 population estimate" -> "population
        estimate" (a date in a phrase says when, not what)."""
        if not phrase.found or self.text[phrase.start : phrase.end] != phrase_text:
            return _mask_numbers(_mask_dates(phrase_text))
        chars = list(phrase_text)
        lo = bisect.bisect_left(self.ctx.date_starts, phrase.start - 40)
        spans = []
        for d in self.ctx.dates[
            lo : lo + 50
        ]:  # with the words that place a figure within the date ("at the end of")
            edge = DATE_EDGE.search(self.text, max(0, d.start - 30), d.start)
            spans.append((edge.start() if edge else d.start, d.end))
        spans += [(m.start, m.end) for m in self.mentions]  # place names say whose, not what
        for a, b in spans:
            for i in range(max(a, phrase.start), min(b, phrase.end)):
                chars[i - phrase.start] = " "
        return _mask_numbers("".join(chars))

    def _list_parent(self) -> str:
        """For list items under "of the 156 foster carers:-": the words of that heading, which every item
        breaks down."""
        floor = max(0, self.sentence[0] - 3000)
        start = self.text.rfind("\n", floor, max(0, self.sentence[0] - 1))
        for _ in range(12):
            line_start = self.text.rfind("\n", floor, max(0, start))
            line = self.text[line_start + 1 : start].strip()
            if line and breakdown_heading(line):
                return " ".join(re.sub(r"£?\d[\d,.]*%?", " ", line).split())
            if line_start < 0:
                break
            start = line_start
        return ""

    # ---- phrase -------------------------------------------------------------------------------------
    def _group_start(self, previous: Quantity | None) -> int:
        if previous is None:
            return self.sentence[0]
        end = previous.end
        m = re.match(r"\s*\)", self.text[end : end + 4])
        return end + m.end() if m else end

    def _phrase(self, q: Quantity, previous: Quantity | None, previous_phrase: Phrase) -> Phrase:
        text = self.text
        group_start = self._group_start(previous)
        gap = text[previous.end : q.start] if previous is not None else None
        after_phrase = gap
        if previous is not None and previous_phrase.found and previous.end <= previous_phrase.start < q.start:
            after_phrase = re.sub(
                r"^\s*\([^)]*\)", "", text[previous_phrase.end : q.start]
            )  # "(entered care)"
        if (
            previous is not None
            and previous_phrase.found
            and q.start not in self.parts
            and (
                _INHERIT_GAP.match(gap)
                or _period_list_gap(gap)
                or (_COMPARED_GAP.search(after_phrase) and not _names_a_measure(after_phrase))
                or (
                    _FROM_TO_GAP.search(gap)
                    and _FROM_BEFORE.search(text[max(0, previous.start - 30) : previous.start])
                )
                or (
                    _FROM_TO_GAP.search(gap)
                    and _BY_BEFORE.search(text[max(0, previous.start - 30) : previous.start])
                )
            )
        ):
            return Phrase(previous_phrase.start, previous_phrase.end, "inherited")
        line_start = text.rfind("\n", max(0, self.sentence[0] - 1), q.start) + 1
        at_line_start = not text[max(line_start, self.sentence[0]) : q.start].strip(" •·-–*\t")
        label = label_phrase(text, group_start, q, at_line_start or group_start == self.sentence[0])
        found = forward_phrase(text, q, self.sentence[1], self.stops, self.thresholds, at_line_start)
        forward_terms = set(measure_terms(text[found.start : found.end])) if found else set()
        forward_ok = bool(forward_terms)
        if found is not None:
            head = _COUNTED_HEAD.match(text, found.start)
            if head:  # "five Tees Valley councils": it counts councils, whatever else the sentence says
                self.counted[q.start] = head.group(0)
        if forward_ok and forward_terms <= counting_terms():
            # "an average caseload of 24 young people": the counted noun, not the measure
            back = backward_phrase(text, group_start, q)
            if back and set(measure_terms(text[back.start : back.end])) - counting_terms():
                self.counted[q.start] = text[found.start : found.end]
                return back
        if label and not (forward_ok and _FINITE_VERB.search(text[label.start : label.end])):
            return label
        if forward_ok:
            return found
        clause_start = group_start
        if text[max(group_start, q.start - 2) : q.start].strip() == "(":
            back = backward_phrase(text, clause_start, Quantity(q.start - 1, q.end, "", 0, None, q.unit))
            if back:
                return back
        subject = self._participle_subject(q, clause_start)
        if subject is not None:
            return subject
        back = backward_phrase(text, clause_start, q)
        if back and measure_terms(text[back.start : back.end]):
            return back
        earlier = self._antecedent(q, clause_start)
        if earlier is not None:
            return earlier
        if at_line_start:
            above = heading_above(text, line_start)
            if above:
                return above
        heading = self._heading_line(line_start)
        if heading is not None and not (found and measure_terms(text[found.start : found.end])):
            return heading  # "CLA / numbers are down 14.2% on last year": the heading says what
        return found or back or NONE

    def _band_label(self, q: Quantity, nxt: Quantity | None) -> bool:
        """ "0-4 £143.57", "16+ £247.67": a range or "N+" opening a line, with another value after it on that
        line, names a band (of ages) the value belongs to; it is not a reported figure itself."""
        if (
            nxt is None
            or not (q.value_high is not None or self.text[q.end : q.end + 1] == "+")
            or self.text.find("\n", q.end, nxt.start) >= 0
        ):
            return False
        line_start = self.text.rfind("\n", max(0, q.start - _LINE_REACH), q.start) + 1
        return not self.text[line_start : q.start].strip(
            " \t•·*-"
        )  # (the search back stays within _LINE_REACH)

    def _lead_in(self, q: Quantity) -> tuple[int, int] | None:
        """The line that introduces a list of values labelled only by whose they are or which band ("Vacancy
        rates in September 2023" above "• Hartlepool Council: 0.7%"; "The weekly fostering allowances from 1st
        April 2016 are:" above "16+ £247.67"): the nearest line above ending in a colon, or a short heading,
        over list lines and at most one blank line."""
        text = self.text
        floor = max(0, q.start - _LINE_REACH * _LEAD_IN_LINES)
        pos = text.rfind("\n", floor, q.start)
        blanks = 0
        for _ in range(_LEAD_IN_LINES):
            if pos <= floor:
                return None
            start = text.rfind("\n", floor, pos) + 1
            line = text[start:pos].strip()
            pos = start - 1
            if not line:
                blanks += 1
                if blanks > 1:
                    return None
                continue
            undated = _mask_dates(line)
            if line.endswith(":") or (
                len(line.split()) <= 10
                and not re.search(r"[.;,!?]$", line)
                and not re.search(r"\d[\d,.]*%?\s*$", undated)
            ):
                if measure_terms(_mask_numbers(_mask_dates(line))):
                    s0 = text.find(line, start)
                    return s0, s0 + len(line)
                return None
            if not re.search(r"\d", line) or line.endswith("."):
                return None  # a sentence, not a list line: the list has no lead-in
        return None

    def _clause_words(self, q: Quantity, previous_end: int, next_start: int, after_number: bool) -> str:
        """A number whose own phrase could not be read ("With regards to foster placements not occupied, in
        quarter 4 there were 7"): the words of its clause, up to the numbers either side, as context. They can
        support a question's words but never stand as the figure's own phrase, so they add no extra condition."""
        left = self.text[max(previous_end, q.start - _CLAUSE_CHARS) : q.start]
        right = self.text[q.end : min(next_start, q.end + _CLAUSE_CHARS)]
        # after another number, the words before a comma are that number's ("83% (3,224) were held open on a
        # child in need basis, 9% (355) ..."); at the start of a sentence they may say what this one counts
        left = re.split(r"[;:.!?\n,()]|\s[-–—]\s" if after_number else r"[;:.!?\n]|\s[-–—]\s", left)[-1]
        right = re.split(r"[;:.!?()\n,]|\s[-–—]\s|\s(?:and|but|while|whilst|whereas)\s", right)[0]
        return " ".join(_mask_numbers(_mask_dates(f"{left} {right}")).split())

    def _share_of_whole(
        self, q: Quantity, phrase: Phrase, previous: Quantity | None
    ) -> tuple[Phrase, str] | None:
        """ "External residential placements account for £5.4m of the overspend": a part of the overspend,
        named by the words before it; the whole ("the overspend") becomes its context."""
        if phrase.how != "forward" or not share_of_whole(self.text, q):
            return None
        back = backward_phrase(self.text, self._group_start(previous), q)
        if not back or not measure_terms(self.text[back.start : back.end]):
            return None
        self.parts.add(q.start)
        return back, self.text[phrase.start : phrase.end]

    def _heading_line(self, line_start: int) -> Phrase | None:
        """A short line right above this sentence's line (within two lines) that names a measure."""
        text = self.text
        end = max(0, min(line_start, self.sentence[0]) - 1)
        for _ in range(2):
            start = text.rfind("\n", max(0, end - 120), end) + 1
            line = text[start:end].strip(" ·•-–\t")
            if line and len(line.split()) <= 8 and not re.search(r"[.;:,]$|\d{2,}", line):
                s = start + text[start:end].find(line)
                if measure_terms(line):
                    return Phrase(s, s + len(line), "heading")
            if start <= 0:
                break
            end = start - 1
        return None

    def _participle_subject(self, q: Quantity, clause_start: int) -> Phrase | None:
        """ "CLA numbers have vastly improved, dropping below 500 in January, reaching 503 in February": a number
        after a participle clause ("reaching", "rising to") is a value of the sentence's subject."""
        text = self.text
        comma = text.rfind(",", clause_start, q.start)
        if comma < 0 or not _PARTICIPLE_CLAUSE.match(text[comma + 1 : q.start]):
            return None
        head = _SUBJECT_END.search(text, self.sentence[0], comma)
        if head is None:
            return None
        back = backward_phrase(
            text, self.sentence[0], Quantity(head.start(), head.start(), "", 0, None, q.unit)
        )
        return back if back and measure_terms(text[back.start : back.end]) else None

    def _antecedent(self, q: Quantity, clause_start: int) -> Phrase | None:
        """ "the number of looked after children had increased and the current figure stood at 804": a
        figure named only as "the figure", "this number" or "it" counts what the clause before it named."""
        text = self.text
        local = text[max(clause_start, q.start - 80) : q.start]
        if not _PRO_FORM.search(local):
            return None
        cut = max(local.rfind(" and "), local.rfind(", "), local.rfind("; "))
        if cut < 0:
            return None
        end = max(clause_start, q.start - 80) + cut
        floor = max(
            [self.sentence[0]] + [x.end for x in self.qs if x.end <= end]
        )  # never a number's own words
        back = backward_phrase(text, floor, Quantity(end, end, "", 0, None, q.unit))
        return back if back and measure_terms(text[back.start : back.end]) else None

    def _implied_head(self, phrase: Phrase, previous_phrase: Phrase) -> str:
        """ "97 children in foster care and 112 with connected carers": the second phrase shares "children"."""
        if phrase.how != "forward" or previous_phrase.how != "forward":
            return ""
        own = self.text[phrase.start : phrase.end]
        if not _PREPOSITION_START.match(own):
            return ""
        before = self.text[previous_phrase.start : previous_phrase.end]
        head = _PREPOSITION_SPLIT.split(before, maxsplit=1)[0]
        return head.strip()

    def _colon_label(self, phrase: Phrase) -> str:
        """ "Percentage of children in our care attending school: all children 86.5%, primary-aged 94.3%": the
        words before the colon say what every value after it measures."""
        if not phrase.found or phrase.how not in ("forward", "backward", "label"):
            return ""
        if phrase.how == "label" and measure_terms(
            self._masked(phrase, self.text[phrase.start : phrase.end])
        ):
            return ""  # "England 70 per 10,000" after "the rates were:": the label only says whose
        head = self.text[self.sentence[0] : phrase.start]
        colon = head.rfind(":")
        if colon < 0:
            return ""
        label = _mask_dates(re.sub(r"\([^)]*\)", " ", head[:colon]))
        return " ".join(label.split()) if 0 < len(label.split()) <= 24 and not re.search(r"\d", label) else ""

    # ---- one figure -----------------------------------------------------------------------------------
    def _from_prose(
        self, q: Quantity, phrase: Phrase, previous: Quantity | None, next_start: int, implied: str = ""
    ) -> Figure | None:
        text = self.text
        previous_end = previous.end if previous is not None else self.sentence[0]
        if q.start in self.parts or (self.list_part and q is self.qs[0]):
            kind = PART
        else:
            kind = kind_of(text, q, self.sentence, previous_end, next_start)
        others = [x.start for x in self.qs if x is not q]
        subject = subject_for(text, q.start, q.end, self.sentence, self.mentions, others, self.default)
        as_of = asof_rules.as_of(self.ctx, q, self.sentence, others)
        # "520 last year" is as of last year; "down 14.2% on the same point last year" is a change up to now
        if (
            _RELATIVE_PAST.match(text[q.end : min(self.sentence[1], q.end + 60)])
            and as_of.basis != "stated"
            and kind != "change"
        ):
            as_of = AsOf(label="an earlier period (not stated exactly)", basis="unknown")
        phrase_text = text[phrase.start : phrase.end] if phrase.found else ""
        hint = unit_hint(phrase_text) if phrase.how in ("label", "heading", "inherited", "backward") else None
        unit, value, high = _unit(q, hint)
        quote_start = asof_rules.quote_start_for(self.ctx, q.start, self.sentence[0], as_of.basis)
        context = " ".join(x for x in (self._colon_label(phrase), implied) if x)
        if not context and not measure_terms(self._masked(phrase, phrase_text)):
            lead = self._lead_in(q)
            if lead is not None:  # "Vacancy rates in September 2023" / "• Hartlepool Council: 0.7%"
                lead_text = text[lead[0] : lead[1]]
                context = " ".join(_mask_numbers(_mask_dates(lead_text)).split())
                unit, value, high = _unit(q, hint or unit_hint(lead_text))
                if unit == "gbp" and WEEKLY.search(lead_text):
                    unit = "gbp_per_week"  # "The weekly fostering allowances are:" / "16+ £247.67"
                if as_of.basis not in ("stated", "table"):
                    lo = bisect.bisect_left(self.ctx.date_starts, lead[0])
                    hi = bisect.bisect_left(self.ctx.date_starts, lead[1])
                    dates = [d for d in self.ctx.dates[lo:hi] if d.end <= lead[1]]
                    if len(dates) == 1:
                        as_of = AsOf(
                            start=dates[0].first, end=dates[0].last, label=dates[0].label, basis="heading"
                        )
                quote_start = min(
                    quote_start, lead[0]
                )  # the citation shows the line that says what the list is
            else:
                clause = self._clause_words(q, previous_end, next_start, previous is not None)
                return self._figure(
                    q,
                    phrase,
                    phrase_text,
                    clause,
                    unit,
                    value,
                    high,
                    subject,
                    kind,
                    as_of,
                    "prose",
                    quote_start,
                    self.sentence[1],
                    concept_from_context=False,
                )
        return self._figure(
            q,
            phrase,
            phrase_text,
            context,
            unit,
            value,
            high,
            subject,
            kind,
            as_of,
            "label" if phrase.how in ("label", "heading") else "prose",
            quote_start,
            self.sentence[1],
        )

    def _from_cell(self, q: Quantity, cell: Cell) -> Figure | None:
        column = cell.column
        if column is not None and column.skip:
            return None
        subject = column.subject if column is not None and column.subject else self.default
        q = _bracketed_negative(self.text, q)
        same_unit = [x for x in _row_numbers(self.qs, cell) if x.unit == q.unit]
        if column is None and len(same_unit) > 1:
            return None  # several numbers of one unit under columns that cannot be told apart: not stated
        if column is not None and column.period is not None:
            d = column.period
            as_of = AsOf(start=d.first, end=d.last, label=d.label, basis="table")
        else:
            as_of = asof_rules.context_as_of(self.ctx, q.start)
        kind = column.kind if column is not None and column.kind else LEVEL
        label = cell.label if measure_terms(cell.label) else ""
        phrase_text = label or ("" if cell.caption_is_context else cell.caption)
        context_bits = [cell.caption] if label or cell.caption_is_context else []
        if column is not None:
            context_bits.append(column.text)
        hint = cell.unit_hint or (column.unit_hint if column is not None else None) or unit_hint(cell.caption)
        unit, value, high = _unit(q, hint)
        phrase = Phrase(cell.label_start, cell.label_end, "table") if label else NONE
        quote_start = (
            cell.header_start
            if cell.header_start is not None and cell.row_start - cell.header_start <= 1200
            else cell.row_start
        )
        return self._figure(
            q,
            phrase,
            phrase_text,
            " | ".join(b for b in context_bits if b),
            unit,
            value,
            high,
            subject,
            kind,
            as_of,
            "table",
            quote_start,
            cell.row_end,
        )

    def _figure(
        self,
        q: Quantity,
        phrase: Phrase,
        phrase_text: str,
        context: str,
        unit: str,
        value: float,
        high: float | None,
        subject: Subject,
        kind: str,
        as_of: AsOf,
        layout: str,
        quote_start: int,
        quote_end: int,
        concept_from_context: bool = True,
    ) -> Figure:
        """concept_from_context: whether the context may name the figure's concept (a clause's loose words may
        not: they only support a question's words)."""
        masked, notes = _without_annotations(self._masked(phrase, phrase_text))
        terms = measure_terms(masked)
        context = f"{context} {notes}".strip() if notes else context
        spelled = expansions(masked, self.acronyms)  # "PO's" -> "Placement Orders"
        context_terms = measure_terms(
            expand(_mask_numbers(_mask_dates(context)), self.acronyms) + " " + spelled
        )
        aliases = [
            f"{t}:{' '.join(measure_terms(self.acronyms[t]))}"
            for t in dict.fromkeys(terms)
            if t in self.acronyms
        ]
        verbs = passive_participles(phrase_text)
        if layout == "prose" and context and _PREPOSITION_START.match(phrase_text):
            concept = match_concept(
                context_terms + terms, unit, verbs
            )  # "with connected carers" + "children"
        else:
            concept = match_phrase(masked, unit, verbs) or (
                match_concept(measure_terms(spelled), unit) if spelled else None
            )
            if concept is None and context and concept_from_context and (layout == "prose" or not terms):
                concept = match_concept(context_terms + terms, unit, verbs)
        return Figure(
            doc_id=self.doc.doc_id,
            value_text=q.text,
            value=value,
            value_high=high,
            unit=unit,
            phrase=" ".join(phrase_text.split()),
            phrase_start=phrase.start if phrase.found else None,
            phrase_end=phrase.end if phrase.found else None,
            context=context,
            concept_id=concept.concept.id if concept else None,
            concept_label=concept.concept.label if concept else None,
            concept_terms=sorted(concept.matched) if concept else [],
            terms=terms,
            context_terms=context_terms,
            aliases=aliases,
            counted=self.counted.get(q.start, ""),
            subject=subject.kind,
            subject_name=subject.name,
            kind=kind,
            layout=layout,
            start=q.start,
            end=q.end,
            sentence_start=quote_start,
            sentence_end=quote_end,
            as_of=as_of,
        )


MAX_SENTENCE_CHARS = 1200  # a "sentence" longer than this is run-on text: read it in pieces


def bounded(text: str, sentences: list[Span]) -> list[Span]:
    """Sentences, with run-on ones (a page of text without a full stop) cut at clause breaks into pieces of at
    most MAX_SENTENCE_CHARS, so reading each number looks at a bounded neighbourhood: linear in the text."""
    out: list[Span] = []
    for s, e in sentences:
        while e - s > MAX_SENTENCE_CHARS:
            limit = s + MAX_SENTENCE_CHARS
            cut = max(text.rfind("; ", s, limit), text.rfind(", ", s, limit))
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


def _names_a_measure(gap: str) -> bool:
    """Whether the words between two numbers name a measure of their own ("compared to an external residential
    placement costing"), so the second number does not share the first one's phrase."""
    words = re.sub(
        r"\b(?:compared|with|to|against|than|versus|vs|whereas|while|whilst|the|a|an|of|for|in|"
        r"nationally|national|average|england|regional|region|statistical|neighbours?|this|that|"
        r"figure|rate|is|was|were|are|which|higher|lower|similar|below|above)\b",
        " ",
        gap,
        flags=re.I,
    )
    return bool(measure_terms(_mask_numbers(words)))


_PARTICIPLE_CLAUSE = re.compile(
    r"\s*(?:\w+ly\s+)?(?:reaching|rising\s+to|falling\s+to|dropping\s+to|increasing\s+to|"
    r"decreasing\s+to|climbing\s+to|standing\s+at|totalling|peaking\s+at|settling\s+at|"
    r"going\s+(?:up|down)\s+to)\s*$",
    re.I,
)
# where a sentence's subject ends: its first auxiliary or reporting verb ("CLA numbers | have vastly improved")
_SUBJECT_END = re.compile(
    r"\s(?:has|have|had|was|were|is|are|continues?|continued|remains?|remained)\b", re.I
)


_PERIOD_ONLY = re.compile(
    r"\s*[;,]\s*(?:and\s+)?(?:Q[1-4]|quarter\s+(?:one|two|three|four|[1-4]))\s*:?\s*", re.I
)


_PARENTHESIS = re.compile(r"\(([^()]{1,80})\)")


def _without_annotations(phrase: str) -> tuple[str, str]:
    """ "Young people in Staying Put (number, for information, no target)": a bracket of notes about the
    indicator says nothing about what is counted; its words become context, not the measure. A bracket that
    restricts ("(placed with parents)", "(mainstream)") stays part of the measure."""
    notes: list[str] = []

    def drop(m: re.Match[str]) -> str:
        inner = m.group(1)
        rest = phrase_pattern(lexicon()["annotation_words"]).sub(" ", inner)
        if not re.sub(r"[\s,;/%-]+|\b(?:and|or|for|only)\b", "", rest, flags=re.I):
            notes.append(inner)
            return " "
        return m.group(0)

    return _PARENTHESIS.sub(drop, phrase), " ".join(notes)


def _period_list_gap(gap: str) -> bool:
    """ "Staying Put: Q1 20; Q2 22" or "approved: 2021/22 14, 2022/23 9": between two values only the next
    value's period, so it is the same measure."""
    if _PERIOD_ONLY.fullmatch(gap):
        return True
    dates = find_dates(gap)
    if len(dates) != 1:
        return False
    rest = gap[: dates[0].start] + gap[dates[0].end :]
    return re.fullmatch(r"\s*[;,]?\s*(?:and\s+)?(?:in\s+)?", rest) is not None


def _bracketed_negative(text: str, q: Quantity) -> Quantity:
    """ "| (418) |": in a table a number alone in brackets is negative (an underspend), reported as written."""
    if q.start > 0 and text[q.start - 1] == "(" and text[q.end : q.end + 1] == ")":
        before, after = text[: q.start - 1].rsplit("\n", 1)[-1], text[q.end + 1 :].split("\n", 1)[0]
        if re.search(r"(?:^|[|\t]|\s{2,})\s*$", before) and re.match(r"\s*(?:$|[|\t]|\s{2,})", after):
            return replace(
                q,
                start=q.start - 1,
                end=q.end + 1,
                text=f"({q.text})",
                value=-q.value,
                value_high=-q.value_high if q.value_high is not None else None,
            )
    return q


def _row_numbers(qs: list[Quantity], cell: Cell) -> list[Quantity]:
    return [x for x in qs if cell.row_start <= x.start < cell.row_end]


def _mask_dates(text: str) -> str:
    """Dates say when, not what: blanked, with the words that place a figure within one ("at the end of")."""
    if not re.search(
        r"\d|January|February|March|April|May|June|July|August|September|October|November|December", text
    ):
        return text
    for d in reversed(find_dates(text)):
        edge = DATE_EDGE.search(text, max(0, d.start - 30), d.start)
        start = edge.start() if edge else d.start
        text = text[:start] + " " * (d.end - start) + text[d.end :]
    return text


def _mask_numbers(text: str) -> str:
    """Numbers inside a phrase are other figures or dates, not words of the measure (durations aside); a unit
    ("per 10,000 of the population") and a rank ("the 4th highest") say how it is measured, not what."""
    text = UNIT_TEXT.sub(" ", text)
    text = re.sub(r"\b\d+(?:st|nd|rd|th)\b", " ", text)
    return re.sub(
        r"£?\d[\d,.]*(?![\d,.])(?:\s?%)?(?!\s*(?:working\s+)?(?:days?|weeks?|months?|years?)\b)", " ", text
    )


def _unit(q: Quantity, hint: str | None) -> tuple[str, float, float | None]:
    """The number's own unit, refined by what its label or column says ("CLA rate per 10,000 | 160.2")."""
    if q.unit != "count" or hint is None:
        return q.unit, q.value, q.value_high
    if hint in _UNIT_SCALE:
        scale = _UNIT_SCALE[hint]
        return "gbp", q.value * scale, q.value_high * scale if q.value_high is not None else None
    if hint == "percent":
        return "percent", q.value, q.value_high
    if hint in ("rate", "per_10000"):
        return hint, q.value, q.value_high
    if hint == "gbp":
        return "gbp", q.value, q.value_high
    return q.unit, q.value, q.value_high
