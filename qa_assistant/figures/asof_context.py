"""The facts about a whole paper that date its figures, gathered once so each figure's look-up is a search.

Dated headings and the stretch of text each one governs, the meeting date (and the dates of other meetings
minuted inside the paper), the period the paper's title or opening says it reports on. asof.py reads a
figure's date from these; building them is a separate pass over the document, done once per paper.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from qa_assistant.models import AsOf, format_date
from qa_assistant.text.dates import DateMention, find_dates
from qa_assistant.text.periods import fy_of
from qa_assistant.text.spans import Span, is_list_item

_HEADING_END = re.compile(r":-?\s*$")
_MINUTES_HELD = re.compile(r"\bA meeting of .{0,200}? was held on\b", re.I | re.S)
_DATING_HEADING = re.compile(
    r"\b(?:as\s+(?:at|of)|position\s+(?:at|as\s+at)|at\s+the\s+end\s+of|performance|data|update|figures|"
    r"quarter|Q[1-4]|year\s+(?:ending|to)|snapshot|scorecard|dashboard|summary|statistics|period)\b",
    re.I,
)
_OPENS_AS_OF = re.compile(r"\s*As\s+(?:of|at)\s+(?:the\s+end\s+of\s+)?", re.I)
_OPENER_REACH = 20  # "As at the end of October, 2014,": the date right after the opening words
_TITLE_PERIODS = ("fy", "quarter", "month", "year")
_HEADING_LINE_MAX_WORDS = 14
HEADING_SCOPE_CHARS = 3000


@dataclass
class AsOfContext:
    """Everything about a document the as-of rule needs, indexed for binary search."""

    text: str
    dates: list[DateMention]
    date_starts: list[int]
    headings: list[tuple[Span, DateMention, int]]  # scope, date, heading sentence start
    heading_starts: list[int]
    meeting_marks: list[tuple[int, dt.date, str]]  # from offset, date, label
    mark_starts: list[int]
    title_date: DateMention | None = (
        None  # the period a paper's title reports on ("Performance update Q4 2022/23")
    )
    report_period: AsOf | None = None  # "The annual report covered the period 1.4.2021- 31.3.2022"
    sentence_starts: list[int] = field(default_factory=list)  # where each sentence of the paper starts


def build_context(
    text: str,
    dates: list[DateMention],
    sentences: list[Span],
    paragraphs: list[Span],
    meeting_date: dt.date | None,
    title: str = "",
) -> AsOfContext:
    headings = sorted(_heading_scopes(text, sentences, paragraphs, dates), key=lambda h: h[0][0])
    marks = _meeting_marks(text, dates, meeting_date)
    periods = [
        d
        for d in find_dates(title, reference=meeting_date)
        if (d.kind in _TITLE_PERIODS or meeting_date is None)
        and (meeting_date is None or d.last <= meeting_date)
    ] or _title_quarter(title, meeting_date)
    return AsOfContext(
        text,
        dates,
        [d.start for d in dates],
        headings,
        [h[0][0] for h in headings],
        marks,
        [m[0] for m in marks],
        periods[-1] if periods else None,
        _report_period(text, dates),
        [start for start, _ in sentences],
    )


def _title_quarter(title: str, meeting_date: dt.date | None) -> list[DateMention]:
    """A quarter the title names without its year ("quarter three performance indicators", met in February
    2020): the latest such quarter that had ended by the meeting (October-December 2019)."""
    if meeting_date is None:
        return []
    for fy in (fy_of(meeting_date), fy_of(meeting_date) - 1):
        found = [
            d
            for d in find_dates(title, meeting_date, fy)
            if d.kind == "quarter"
            and d.last <= meeting_date
            and not _YEAR_AFTER.match(title, d.end)  # "Quarter 1 2024": a year the quarter rule did not read
        ]
        if found:
            # a quarter still in progress at the meeting is not pushed back a year
            return found if (meeting_date - found[-1].last).days <= _QUARTER_REPORTED_WITHIN_DAYS else []
    return []


_QUARTER_REPORTED_WITHIN_DAYS = 183
_YEAR_AFTER = re.compile(r"\W{0,3}(?:of\s+)?(?:19|20)\d{2}\b", re.I)


_PERIOD_STATEMENT = re.compile(
    r"\b(?:report|data|figures|return|information|summary|review|update)\b[^.\n]{0,60}?"
    r"\b(?:covers?|covered|covering|relates?\s+to|related\s+to|is\s+for|for\s+the\s+period|"
    r"period)\b|"
    # "a list of all open cases was extracted on 31st July 2014": the data's own date
    r"\b(?:extracted|extract\s+(?:was\s+)?taken|snapshot\s+(?:was\s+)?taken|data\s+(?:was\s+)?"
    r"(?:taken|drawn|run|extracted))\s+(?:on|at|as\s+at)\b",
    re.I,
)
_PERIOD_REACH = 2000


def _report_period(text: str, dates: list[DateMention]) -> AsOf | None:
    """The period a paper says, near its start, that it covers: a date range or a financial year."""
    for m in _PERIOD_STATEMENT.finditer(text, 0, min(len(text), _PERIOD_REACH)):
        line_end = text.find("\n", m.end())
        end = min(len(text) if line_end < 0 else line_end, m.end() + 80)
        inside = [d for d in dates if m.end() <= d.start < end]
        if len(inside) >= 2 and inside[0].first < inside[1].last:
            a, b = inside[0].first, inside[1].last
        elif len(inside) == 1 and inside[0].kind in ("fy", "year", "day", "month", "quarter"):
            # "data is for the year up to 31 March 2025": as at its end
            a, b = (
                inside[0].first,
                inside[0].last,
            )
        else:
            continue
        taken = re.match(r"extract|snapshot|data", m.group(0), re.I) and not re.search(
            r"cover|relat|period|is\s+for", m.group(0), re.I
        )
        label = (inside[0].label if len(inside) == 1 else f"{a.day} {a:%B %Y} to {b.day} {b:%B %Y}") + (
            " (when the paper's data was taken)" if taken else " (the period the report covers)"
        )
        return AsOf(start=a, end=b, label=label, basis="title")
    return None


def _heading_scopes(
    text: str, sentences: list[Span], paragraphs: list[Span], dates: list[DateMention]
) -> list[tuple[Span, DateMention, int]]:
    """A dated sentence ending in ':' governs the following paragraph (or list); a short dated heading line
    ("Performance as at 31 March 2024") governs what follows it until the next such heading."""
    starts = [d.start for d in dates]
    para_starts = [p[0] for p in paragraphs]
    scopes: list[tuple[Span, DateMention, int]] = []
    for s, e in sentences:
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        inside = dates[lo:hi]
        if not inside:
            continue
        if _OPENS_AS_OF.match(text, s) and inside[0].start - s <= _OPENER_REACH:
            # "As of January 2024, Middlesbrough had 97 children in residential placements. ... This equated to
            # 528 children in care": the date the paragraph opens with is the date of what it goes on to report
            own = paragraphs[max(0, bisect.bisect_right(para_starts, s) - 1)]
            if not text[own[0] : s].strip() and e < own[1]:
                scopes.append(((e, own[1]), inside[0], s))
        k = bisect.bisect_left(para_starts, e)
        if k >= len(paragraphs):
            continue
        if _HEADING_END.search(text[s:e]):
            end = paragraphs[k][1]
            if is_list_item(text, paragraphs[k][0]):
                for p in paragraphs[k + 1 :]:
                    if not is_list_item(text, p[0]):
                        break
                    end = p[1]
            scopes.append(((e, end), inside[-1], s))
        elif _is_heading_line(text, s, e, paragraphs, para_starts):
            scopes.append(((e, min(len(text), e + HEADING_SCOPE_CHARS)), inside[-1], s))
        else:
            caption = _caption_line(text, s, e)
            dated = [d for d in inside if caption and d.end <= caption]
            if dated:  # "TABLE 1: CONTACTS AND REFERRALS, YEAR ENDING 31 MARCH 2022" above the table's rows
                scopes.append(((caption, min(len(text), caption + HEADING_SCOPE_CHARS)), dated[-1], s))
    # A dated heading line's scope ends where the next heading's begins.
    scopes.sort(key=lambda x: x[0][0])
    for i in range(len(scopes) - 1):
        (a, b), d, hs = scopes[i]
        nxt = scopes[i + 1][2]
        if b > nxt and a < nxt:
            scopes[i] = ((a, nxt), d, hs)
    return scopes


# "TABLE 1: ..., YEAR ENDING 31 MARCH 2022"
_CAPTION = re.compile(r"(?:TABLE|Table|FIGURE|Figure|CHART|Chart)\s+\d+")


def _caption_line(text: str, s: int, e: int) -> int | None:
    """The end of a table caption or capitalised heading that opens this sentence on a line of its own."""
    if s > 0 and text[s - 1] != "\n":
        return None
    line_end = text.find("\n", s, e)
    line = text[s:line_end] if line_end > 0 else ""
    if not line or len(line.split()) > _HEADING_LINE_MAX_WORDS:
        return None
    if _CAPTION.match(line) or (line.upper() == line and re.search(r"[A-Z]{3}", line)):
        return line_end
    return None


def _is_heading_line(text: str, s: int, e: int, paragraphs: list[Span], para_starts: list[int]) -> bool:
    """A whole short paragraph, no sentence punctuation, that says it dates what follows."""
    k = bisect.bisect_left(para_starts, s)
    if k >= len(paragraphs) or paragraphs[k] != (s, e):
        return False
    line = text[s:e]
    if line.rstrip().endswith((".", "?", "!", ",", ";")) or len(line.split()) > _HEADING_LINE_MAX_WORDS:
        return False
    return _DATING_HEADING.search(line) is not None


def _meeting_marks(
    text: str, dates: list[DateMention], meeting_date: dt.date | None
) -> list[tuple[int, dt.date, str]]:
    """The paper's meeting date, overridden from the point where minutes of another meeting begin."""
    marks: list[tuple[int, dt.date, str]] = []
    if meeting_date:
        marks.append((0, meeting_date, f"{format_date(meeting_date)} (meeting date)"))
    starts = [d.start for d in dates]
    for m in _MINUTES_HELD.finditer(text):
        i = bisect.bisect_left(starts, m.end())
        if i < len(dates) and dates[i].start - m.end() < 5 and dates[i].kind == "day":
            d = dates[i].first
            marks.append((m.start(), d, f"{format_date(d)} (date of the meeting minuted)"))
    return sorted(marks)
