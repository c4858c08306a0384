"""The date or period a figure describes, and where that came from (its basis).

In order of preference: a table column's period; a "to date"/"currently" marker (the section's or
meeting's date); a date after the number in its clause ("702 in July 2020"); a date earlier in the sentence;
a heading such as "As of 21st December 2018:-" or a dated heading line covering the paragraphs below it;
the meeting date (marked as such); unknown. A value that a change started from ("reduced from 1296") is an
earlier figure: it never takes the meeting date. Look-ups are binary searches (linear time per paper) in the
facts asof_context.py gathers once per paper (dated headings, meeting dates, the reported period).
"""

from __future__ import annotations

import bisect
import re

from qa_assistant.figures.asof_back import referred_back_date
from qa_assistant.figures.asof_context import HEADING_SCOPE_CHARS, AsOfContext
from qa_assistant.figures.asof_spans import CLAUSE_BREAK as _CLAUSE_BREAK
from qa_assistant.figures.asof_spans import HEDGE, span_after, span_start
from qa_assistant.models import AsOf
from qa_assistant.text.dates import DateMention
from qa_assistant.text.numbers import Quantity
from qa_assistant.text.spans import Span

_CURRENT_MARKER = re.compile(
    r"\b(?:(?<!up )(?<!up-)to date|currently|current|now|at present|presently|as it stands)\b", re.I
)
# "care cases currently at around 70": the marker a few linking words before the number
_CURRENT_BEFORE = re.compile(
    rf"\b(?:currently|now|at\s+present|presently)\s+(?:(?:stands?|standing|sits?|sitting|is|are|at|{HEDGE})\s+){{1,3}}£?$",
    re.I,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
# "an increase of 4.1% from the end of March 2018": the date a change is measured from, not the date it is as of
_CHANGED_FROM = re.compile(r"\s*(?:[a-z]+\s+){0,2}?from\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
# "reduced from 1296", "up from a peak of 702", "an increase on 34%": the value a change started from
STARTING_VALUE = re.compile(
    r"\b(?:from|(?:increase|rise|improvement|decrease|fall|reduction|drop)\s+on)\s+(?:(?:a|the)\s+)?"
    r"(?:(?:peak|high|low|total|level|figure)\s+of\s+)?"
    rf"(?:{HEDGE}\s+)?(?:£)?$",
    re.I,
)
# "450 looked after children, those placed under the care of the council, in Northumberland as of March 2023":
# an aside set off by commas, with no number and no clause of its own, does not end the number's clause
_ASIDE = re.compile(
    r",(?![^,]*\b(?:and|but|which|than|compared|whereas|while|against)\b)[^,;:()\d]{3,80},", re.I
)
HEADING_REACH = 400  # a heading further back than this is not quoted with the figure


def _dates_in(ctx: AsOfContext, start: int, end: int) -> list[DateMention]:
    lo = bisect.bisect_left(ctx.date_starts, start)
    hi = bisect.bisect_left(ctx.date_starts, end)
    return ctx.dates[lo:hi]


def heading_for(ctx: AsOfContext, pos: int) -> tuple[Span, DateMention, int] | None:
    i = bisect.bisect_right(ctx.heading_starts, pos) - 1
    while i >= 0:
        scope, date, hs = ctx.headings[i]
        if scope[0] <= pos < scope[1]:
            return scope, date, hs
        if pos - scope[0] > 2 * HEADING_SCOPE_CHARS:
            break
        i -= 1
    return None


def context_as_of(ctx: AsOfContext, pos: int) -> AsOf:
    """The date a figure with no date of its own is as of: its heading's, the period the paper's title reports
    on ("Fostering activity 2010/11", presented in November 2011), the meeting's, else unknown."""
    heading = heading_for(ctx, pos)
    if heading:
        _, date, _ = heading
        return AsOf(start=date.first, end=date.last, label=date.label, basis="heading")
    if ctx.title_date is not None:
        d = ctx.title_date
        return AsOf(start=d.first, end=d.last, label=f"{d.label} (from the paper's title)", basis="title")
    if ctx.report_period is not None:
        return ctx.report_period
    i = bisect.bisect_right(ctx.mark_starts, pos) - 1
    if i >= 0:
        _, d, label = ctx.meeting_marks[i]
        return AsOf(start=d, end=d, label=label, basis="meeting date")
    return AsOf(label="date not stated", basis="unknown")


def stated_as_of(d: DateMention) -> AsOf:
    """A figure as of a date its sentence states."""
    return AsOf(start=d.first, end=d.last, label=d.label, basis="stated")


def as_of(ctx: AsOfContext, q: Quantity, sentence: Span, other_starts: list[int]) -> AsOf:
    """The as-of of quantity q in its sentence; other_starts are the other quantities' offsets there."""
    text = ctx.text
    near = text[max(sentence[0], q.start - 14) : min(sentence[1], q.end + 26)]
    in_sentence = _dates_in(ctx, sentence[0], sentence[1])
    starting_value = bool(STARTING_VALUE.search(text[max(sentence[0], q.start - 30) : q.start]))
    current_before = _CURRENT_BEFORE.search(text[max(sentence[0], q.start - 40) : q.start])
    if (_CURRENT_MARKER.search(near) or current_before) and not starting_value:
        return context_as_of(ctx, q.start)
    # "Staying Put: Q1 20; Q2 22": the period written right before the value, on the same line ("Source: DfE
    # SEND2, 2024\n46 appeals were registered ... in 2023" ends a line with a date)
    adjacent = [
        d for d in in_sentence if 0 <= q.start - d.end <= 3 and _LABEL_GAP.fullmatch(text, d.end, q.start)
    ]
    if adjacent and not starting_value:
        return stated_as_of(adjacent[-1])
    # "decreased from 14% (2018-19) to 7% (2019-20)": a period in brackets right after the value is its own
    bracketed = [
        d for d in in_sentence if _OPENS_BRACKET.fullmatch(text, q.end, d.start) and _closes(text, d)
    ]
    if bracketed:
        return stated_as_of(bracketed[0])
    usable = [
        d
        for d in in_sentence
        if (not _SINCE_BEFORE.search(text[max(0, d.start - 16) : d.start]) or _when_then(text, d, q))
        and not (d.start >= q.end and _CHANGED_FROM.match(text[q.end : d.start]))
    ]
    span = span_after(text, usable, q, other_starts, starting_value, sentence)
    if span is not None:
        return stated_as_of(span)
    after = [
        d
        for d in usable
        if d.start >= q.end
        and not any(q.end <= f < d.start for f in other_starts)
        and not _CLAUSE_BREAK.search(_ASIDE.sub(" ", text[q.end : d.start]))
        and not _labels_another(text, d, other_starts)
    ]
    if after:
        return stated_as_of(after[0])
    before = [d for d in usable if d.end <= q.start and _dates_value_before(text, d, q, sentence[0])]
    if before:
        d = before[-1]
        if starting_value:
            d = span_start(text, before, q.end, sentence[1]) or d
        if _SINCE_BEFORE.search(text[max(0, d.start - 16) : d.start]):
            # "has risen every year since 2018/19, when 108 children entered care": the value a trend started from
            return AsOf(start=d.first, end=d.last, label=d.label, basis="earlier")
        return stated_as_of(d)
    if starting_value:  # "reduced from 1296 since September 2019": the value the change started from
        since = [
            d for d in in_sentence if d.start >= q.end and not any(q.end <= f < d.start for f in other_starts)
        ]
        return (
            stated_as_of(since[0]) if since else AsOf(label="an earlier date (not stated)", basis="earlier")
        )
    # "This indicated that there were 354": the date of what the sentence before named
    back = referred_back_date(ctx, sentence, q.start)
    return stated_as_of(back) if back else context_as_of(ctx, q.start)


def _dates_value_before(text: str, d: DateMention, q: Quantity, sentence_start: int) -> bool:
    """A date before the value that dates it: not another number's ("64 in 2023"), a source's or one compared
    against ("19 more than in 2010/11, at a cost of £19,693", "higher than in 2022/23, at 320")."""
    return not (
        re.search(r"\d\s+(?:in|at)\s*$", text[max(sentence_start, d.start - 8) : d.start])
        or (
            _THAN_BEFORE.search(text, max(sentence_start, d.start - 24), d.start)
            and not _GIVES_ITS_OWN.match(text, d.end)
        )
        or _SOURCE_LINE.match(text, text.rfind("\n", 0, d.start) + 1)
        or _COMPARED_BETWEEN.search(text, d.end, q.start)
    )


# "Q1 20", "2023/24- £239.5mill", "2024: 41.2%": a period labelling the value right after it
# "in 2020 94.5 per cent were issued on time, compared to 1.6 per cent last year": the date before a comparison
# is the first value's
# (a number right before it: "19 more than in 2010/11"; not "lower than at the end of March 2023, when there were
# 300", whose date is the 300's)
_THAN_BEFORE = re.compile(
    r"(?<!later\s)(?<!earlier\s)(?<!sooner\s)(?<!rather\s)(?<!other\s)\bthan\s+(?:(?:in|at|on|for|during)\s+)?"
    r"(?:the\s+)?(?:end\s+of\s+)?$",
    re.I,
)
# ... unless the date's own value follows ("lower than at the end of March 2023, when there were 300", "than in
# 2022/23 (410 children)", "better than the end of 2022/23 figure of 78%")
_GIVES_ITS_OWN = re.compile(
    r"\s*(?:,?\s*(?:when|where|which)\b|\(\s*[£$]?\d|(?:figure|level|total|rate)\s+of\b|:|['’]s\b)", re.I
)
_COMPARED_BETWEEN = re.compile(r"\bcompared\s+(?:to|with)\b|\bversus\b|\bvs\b|\bwhereas\b", re.I)
_LABEL_GAP = re.compile(r"[ \t]?(?:[-–:][ \t]?)?")
_OPENS_BRACKET = re.compile(r"[ \t]?\([ \t]?")


def _closes(text: str, d: DateMention) -> bool:
    """Whether the bracket a date opens closes right after it ("(2018-19)", not "(2018-19: 120)")."""
    return text[d.end : d.end + 2].lstrip(" \t").startswith(")")


def _labels_another(text: str, d: DateMention, other_starts: list[int]) -> bool:
    """ "2024- 41.2% (769)\n2023- 57.4%": a date written right before another value labels that value."""
    return any(0 <= f - d.end <= 3 and _LABEL_GAP.fullmatch(text, d.end, f) for f in other_starts)


# "Source: DfE SEND2, 2024": when the source was published, not when the figures under it were counted
_SOURCE_LINE = re.compile(r"\s*Sources?\s*:", re.I)

_WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b[^.;:,]{0,40}$", re.I)


def _when_then(text: str, d: DateMention, q: Quantity) -> bool:
    """ "has risen every year since 2018/19, when 108 children entered care": the "since" date is the one the
    number in its when-clause is as of."""
    return d.end <= q.start and bool(_WHEN_CLAUSE.match(text, d.end, q.start))


def quote_start_for(ctx: AsOfContext, q_start: int, sentence_start: int, basis: str) -> int:
    """Quote the heading that dates a figure when it is close enough to read with it."""
    if basis != "heading":
        return sentence_start
    heading = heading_for(ctx, q_start)
    if heading and q_start - heading[2] <= HEADING_REACH:
        return min(sentence_start, heading[2])
    return sentence_start


def change_from_anothers_date(
    ctx: AsOfContext, q: Quantity, sentence: Span, others: list[int]
) -> AsOf | None:
    """ "At Quarter One the projected overspend was £5,960k, so the position has worsened by £1,158k": the date
    before a change is the earlier value's when that value stands between them, so the change is as of the
    paper's own period (its heading, title or meeting), or None when the sentence dates the change itself."""
    dates = _dates_in(ctx, sentence[0], sentence[1])
    before = [d for d in dates if d.end <= q.start]
    if not before or any(d.start >= q.end for d in dates):
        return None
    if not any(before[-1].end <= n < q.start for n in others):
        return None
    return context_as_of(ctx, q.start)


def change_end(ctx: AsOfContext, q: Quantity, sentence: Span, stated: AsOf) -> AsOf:
    """A change is as of where it ends: of the periods its sentence names before it, the latest ("spent £21.6m
    in 2022-23, up from £15.3m in 2020-21 - an increase of 41% in two years" is as of 2022-23)."""
    before = [d for d in _dates_in(ctx, sentence[0], q.start) if d.end <= q.start]
    latest = max(before, key=lambda d: d.last, default=None)
    if latest is None or stated.end is None or latest.last <= stated.end:
        return stated
    return stated_as_of(latest)
