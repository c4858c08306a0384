"""Find date and period expressions in council text and in questions, as date ranges with offsets.

Handles what the papers write: "21st December 2018", "July 2020", "as at the end of October 2020",
"quarter two of the 2020/21 financial year", "2019/20", "2025-2026", bare months ("In September") resolved
against a reference date, and bare quarters ("quarter one") resolved against the last financial year seen.
UK local-government financial years run 1 April to 31 March.
"""

from __future__ import annotations

import datetime as dt
import re

from qa_assistant.text.date_mention import DateMention
from qa_assistant.text.date_patterns import MONTHS, PATTERNS, QUARTER_WORDS, counted_not_dated
from qa_assistant.text.month_placing import next_period, placing_for
from qa_assistant.text.period_mentions import (
    NAMED_YEAR_KINDS,
    relative_fy_mention,
    second_year,
    span_mention,
    span_years,
    year_named_near,
)
from qa_assistant.text.periods import fy_label, fy_of, fy_range, month_range, quarter_range


def _fy_start(m: re.Match[str]) -> int | None:
    y1 = int(m.group("fy1"))
    if y1 < 100:  # "Quarter 1 (22/23)": a two-digit financial year, only ever read beside a quarter
        y1 += 2000
    return y1 if second_year(y1, m.group("fy2")) == y1 + 1 else None


def _quarter(m: re.Match[str]) -> int:
    if m.groupdict().get("qn"):
        return int(m.group("qn"))
    word = m.groupdict().get("q") or m.groupdict().get("qb")
    return QUARTER_WORDS[word.lower()]


def _month(m: re.Match[str]) -> int:
    return MONTHS[m.group("month").lower().rstrip(".")]


def _year_for(month: int, reference: dt.date | None, last_seen: DateMention | None) -> int | None:
    """The year of a month named without one: the last such month on or before the reference date, else the
    year of that month within the period last mentioned in the text ("in 2025/26, as of the end of December" is
    December 2025, not 2026), else that period's last year."""
    if reference is not None:
        return reference.year if month <= reference.month else reference.year - 1
    if last_seen is None:
        return None
    within = [
        year
        for year in range(last_seen.first.year, last_seen.last.year + 1)
        if last_seen.first <= dt.date(year, month, 1) <= last_seen.last
    ]
    return within[0] if len(within) == 1 else last_seen.last.year


_YEARLESS_KINDS = ("day_month", "month_day", "bare_month")  # the kinds _year_for places
_QUARTER_KINDS = ("quarter_fy", "fy_quarter", "quarter_fy_short")  # a quarter named with its financial year


def _make(
    kind: str, m: re.Match[str], reference: dt.date | None, last_fy: int | None, last_seen: DateMention | None
) -> DateMention | None:
    """The mention a pattern's match denotes, or None when it names no real date (31 February) or needs a year
    that nothing before it gave. reference and last_seen place a month or day named without a year; last_fy a
    quarter named without its financial year."""
    if kind in _QUARTER_KINDS or kind == "quarter":
        return _quarter_mention(kind, m, last_fy)
    if kind in ("day", "day_us", "iso", "dmy", "dmy_dots", "day_month", "month_day"):
        return _day_mention(kind, m, reference, last_seen)
    if kind in ("end_month", "christmas", "month_year", "bare_month"):
        return _month_mention(kind, m, reference, last_seen)
    if kind in ("fy", "fy_short", "academic_year", "mid_year", "year"):
        return _year_mention(kind, m)
    if kind == "relative_fy" and reference is not None:
        return relative_fy_mention(m, reference)
    if kind == "year_span":
        return span_mention(m)
    return None


def _quarter_mention(kind: str, m: re.Match[str], last_fy: int | None) -> DateMention | None:
    """A quarter: of the financial year named beside it, or (a bare "quarter one") of last_fy."""
    fy = _fy_start(m) if kind in _QUARTER_KINDS else last_fy
    if fy is None:
        return None
    q = _quarter(m)
    first, last = quarter_range(fy, q)
    s, e = m.span()
    return DateMention(
        s, e, first, last, f"quarter {q} of {fy_label(fy)} ({first:%B}–{last:%B %Y})", "quarter"
    )


def _day_mention(
    kind: str, m: re.Match[str], reference: dt.date | None, last_seen: DateMention | None
) -> DateMention | None:
    """One day: written in full ("21st December 2018", "2019-02-28", "21/12/18") or without its year."""
    if kind in ("day_month", "month_day"):
        month = _month(m)
        year = _year_for(month, reference, last_seen)
        if year is None:
            return None
    else:
        month = int(m.group("mon")) if kind in ("iso", "dmy", "dmy_dots") else _month(m)
        year = int(m.group("year"))
        year = year + 2000 if year < 100 else year
    try:
        d = dt.date(year, month, int(m.group("day")))
    except ValueError:
        return None
    s, e = m.span("md") if kind == "month_day" else m.span()
    return DateMention(s, e, d, d, f"{d.day} {d:%B %Y}", "day")


def _month_mention(
    kind: str, m: re.Match[str], reference: dt.date | None, last_seen: DateMention | None
) -> DateMention | None:
    """A month ("July 2020", a bare "September", "Christmas 2019") or its last day ("end of October 2020")."""
    s, e = m.span("month") if kind == "bare_month" else m.span()
    if kind == "end_month":
        _, last = month_range(int(m.group("year")), _month(m))
        return DateMention(s, e, last, last, f"end of {last:%B %Y}", "day")
    if kind == "christmas":
        first, last = month_range(int(m.group("year")), 12)
        return DateMention(
            s, e, first, last, f"Christmas {m.group('year')} (December {m.group('year')})", "month"
        )
    if kind == "month_year":
        if m.group("month").lower() == "may" and not m.group("month")[0].isupper():
            return None
        first, last = month_range(int(m.group("year")), _month(m))
        return DateMention(s, e, first, last, f"{first:%B %Y}", "month")
    month = _month(m)  # bare_month
    year = _year_for(month, reference, last_seen)
    which = _WHICH_YEAR.match(m.string, e)
    if which is not None and reference is not None:  # "as of June this year", "in March last year"
        year = reference.year - (which.group(1).lower() == "last")
        e = which.end()
    if year is None:
        return None
    first, last = month_range(year, month)
    return DateMention(s, e, first, last, f"{first:%B %Y}", "month")


_WHICH_YEAR = re.compile(r"\s+(this|last)\s+year\b", re.I)


def _year_mention(kind: str, m: re.Match[str]) -> DateMention | None:
    """A financial year ("2019/20"), an academic year ("the 2021/22 academic year": September to August), or a
    calendar year, bare ("2019") or qualified ("mid-2019")."""
    s, e = m.span("fyshort") if kind == "fy_short" else m.span()
    if kind in ("fy", "fy_short"):
        fy = _fy_start(m)
        if fy is None:
            return None
        first, last = fy_range(fy)
        return DateMention(s, e, first, last, f"{fy_label(fy)} financial year", "fy")
    if kind == "academic_year":
        y1 = _fy_start(m)
        if y1 is None:
            return None
        return DateMention(
            s, e, dt.date(y1, 9, 1), dt.date(y1 + 1, 8, 31), f"{fy_label(y1)} academic year", "year"
        )
    y = int(m.group("year"))
    label = m.group(0) if kind == "mid_year" else str(y)
    return DateMention(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), label, "year")


def find_dates(text: str, reference: dt.date | None = None, fy: int | None = None) -> list[DateMention]:
    """All non-overlapping date mentions in text order, most specific pattern first at each place.

    reference resolves bare months ("In September" -> the last September on or before it); bare quarters
    take the financial year last mentioned before them, else fy (the year of the table or section they sit in).
    """
    claims: list[tuple[int, int, str, re.Match[str]]] = []
    taken = [False] * (len(text) + 1)
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if kind == "fy_short":
                s, e = m.span("fyshort")
            if (
                any(taken[s:e])
                or (kind in ("fy", "fy_short") and _fy_start(m) is None)
                or (kind == "year_span" and span_years(m) is None)
            ):
                continue  # "2024- 41.2%", "2010-2030": no period, so the year alone may still be read
            if kind == "year" and counted_not_dated(text, s, e):
                continue
            for i in range(s, e):
                taken[i] = True
            claims.append((s, e, kind, m))
    claims.sort(key=lambda c: c[0])
    named = [c[0] for c in claims if c[2] in NAMED_YEAR_KINDS]  # in text order
    claims = [c for c in claims if c[2] != "relative_fy" or not year_named_near(c, named)]
    mentions: list[DateMention] = []
    last_fy: int | None = fy  # for a bare quarter: the year of the last quarter named with one, else last FY
    last_quarter_fy: int | None = None
    last_seen: DateMention | None = None
    last_period: DateMention | None = None  # the last financial, academic or calendar year or span of years
    yearless: tuple[str, re.Match[str]] | None = None  # a day named without a year, nothing before giving one
    previous_kind = ""
    for _, _, kind, m in claims:
        # (only a month or day named without its year is placed)
        placing = placing_for(text, last_period, last_seen) if kind in _YEARLESS_KINDS else None
        mention = _make(kind, m, reference, last_quarter_fy or last_fy, placing)
        if kind in _QUARTER_KINDS:
            last_quarter_fy = _fy_start(m) or last_quarter_fy
        if kind in ("fy", "fy_short"):
            last_fy = _fy_start(m) or last_fy
        if mention is None:
            yearless = (kind, m) if kind in ("day_month", "month_day", "quarter") else None
            continue
        if yearless is not None:
            mentions.extend(_start_of_range(text, *yearless, mention))
            yearless = None
        if previous_kind == "bare_month" and mention.kind in ("month", "day"):
            mentions[-1] = _month_starting_range(text, mentions[-1], mention)
        previous_kind = kind
        last_seen = mention
        last_period = next_period(text, last_period, mention)
        mentions.append(mention)
    mentions.sort(key=lambda d: d.start)
    return mentions


def _month_starting_range(text: str, first: DateMention, end: DateMention) -> DateMention:
    """ "between May and September" in a paper of June 2024: each month alone is the last one before the paper
    (May 2024, September 2023), but a range starts before it ends: its first month is of the end's year (or the
    year before, if it comes later in the year)."""
    if not _RANGE_LINK.fullmatch(text, first.end, end.start) or first.first <= end.first:
        return first
    year = end.first.year - (first.first.month > end.first.month)
    start, last = month_range(year, first.first.month)
    return DateMention(first.start, first.end, start, last, f"{start:%B %Y}", "month")


_RANGE_LINK = re.compile(r"\s*(?:and|to|until|till|[-–])\s*", re.I)


def _start_of_range(text: str, kind: str, m: re.Match[str], end: DateMention) -> list[DateMention]:
    """ "between September 30 and December 31 2017", "from 1 April to 30 June 2020": a day without its year
    that starts a range takes the year of the day that ends it (the year before, if its month comes later);
    a quarter without its financial year, that of the quarter ending it."""
    if (
        kind == "quarter"
    ):  # "between Q1 and Q2 2023/24": a quarter takes the financial year of the one ending it
        if not _RANGE_LINK.fullmatch(text, m.end(), end.start) or end.kind != "quarter":
            return []
        mention = _quarter_mention(kind, m, fy_of(end.first))
        return [mention] if mention is not None else []
    if not _RANGE_LINK.fullmatch(text, m.end(), end.start) or end.kind not in ("day", "month"):
        return []
    month = _month(m)
    year = end.last.year if month <= end.last.month else end.last.year - 1
    whole_year = DateMention(0, 0, dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), "year")
    mention = _day_mention(kind, m, None, whole_year)
    return [mention] if mention is not None else []
