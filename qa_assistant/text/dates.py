"""Find date and period expressions in council text and in questions, as date ranges with offsets.

Handles what the papers write: "21st December 2018", "July 2020", "as at the end of October 2020",
"quarter two of the 2020/21 financial year", "2019/20", "2025-2026", bare months ("In September") resolved
against a reference date, and bare quarters ("quarter one") resolved against the last financial year seen.
UK local-government financial years run 1 April to 31 March.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from qa_assistant.text.periods import fy_label, fy_range, month_range, quarter_range

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_QUARTER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
}


def _qword(name: str) -> str:
    return rf"(?P<{name}>one|two|three|four|[1-4]|first|second|third|fourth)"


_QUARTER = rf"(?:quarter\s+{_qword('q')}|{_qword('qb')}\s+quarter|Q(?P<qn>[1-4]))"
_FY = r"(?P<fy1>(?:19|20)\d{2})\s?[/-]\s?(?P<fy2>(?:19|20)?\d{1,2})"

_FY_SHORT = r"\(?\s*(?P<fy1>\d{2})\s?[/-]\s?(?P<fy2>\d{2})\s*\)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("quarter_fy_short", re.compile(rf"\b{_QUARTER}\s*(?:of\s+)?{_FY_SHORT}", re.I)),
    (
        "quarter_fy",
        re.compile(
            rf"\b{_QUARTER}(?:\s+(?:position|outturn|update|report|performance|data|forecast|"
            rf"monitoring))?(?:\s+(?:of|in))?(?:\s+the)?\s+{_FY}(?:\s+financial\s+year)?",
            re.I,
        ),
    ),
    (
        "fy_quarter",
        re.compile(
            rf"\b{_FY}(?:\s+financial\s+year)?,?\s+(?:quarter\s+{_qword('q')}|Q(?P<qn>[1-4]))\b", re.I
        ),
    ),
    (
        "day",
        re.compile(
            rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b",
            re.I,
        ),
    ),
    (
        "day_us",
        re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})\b", re.I),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dmy", re.compile(r"\b(?P<day>[0-3]?\d)/(?P<mon>[01]?\d)/(?P<year>(?:19|20)\d{2})\b")),
    ("dmy_dots", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)?\d{2})\b")),
    ("end_month", re.compile(rf"\bend\s+of\s+{_MONTH}\s+(?P<year>(?:19|20)\d{{2}})\b", re.I)),
    ("christmas", re.compile(r"\bChristmas\s+(?P<year>(?:19|20)\d{2})\b", re.I)),
    ("month_year", re.compile(rf"\b{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b", re.I)),
    ("fy", re.compile(rf"\b{_FY}\b(?!\s?[/-]\d)")),
    ("quarter", re.compile(rf"\b{_QUARTER}\b", re.I)),
    ("mid_year", re.compile(r"\b(?:mid|early|late)[\s-](?P<year>(?:19|20)\d{2})\b", re.I)),
    ("day_month", re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH}\b(?!,?\s+(?:19|20)\d{{2}})")),
    # "on March 31 this year", "by September 30th": a day written month first (news style), without its year;
    # only after a preposition or with an ordinal, since "in March 15 children ..." is a count; after "to" or
    # "and" only where the day ends the phrase ("from April 1 to June 30,"), since "from April to June 20
    # children" and "between January and March 15 new carers" are counts too
    (
        "month_day",
        re.compile(
            rf"\b(?i:on|by|until|till|from|between|since|before|after)\s+"
            rf"(?P<md>{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)\b(?!\s*(?:%|per\b|[.,]\d))"
        ),
    ),
    (
        "month_day",
        re.compile(
            rf"\b(?i:to|and)\s+(?P<md>{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)\b"
            rf"(?=\s*(?:[,;:)]|\.(?!\d)|$|this\b|last\b|next\b))"
        ),
    ),
    ("month_day", re.compile(rf"\b(?P<md>{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th))\b")),
    (
        "bare_month",
        re.compile(
            r"\b(?P<month>January|February|March|April|June|July|August|September|October|November|December)\b"
        ),
    ),
    ("year", re.compile(r"(?<![/\-£\d.,])\b(?P<year>(?:19|20)\d{2})\b(?![/\-]\d|,\d|\.\d)")),
]


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets of the phrase
    end: int
    first: dt.date  # the period it denotes
    last: dt.date
    label: str
    kind: str


# Words that place a figure within a date's period ("at the end of Q3 2023/24", "as at"): part of the date.
DATE_EDGE = re.compile(
    r"(?:\b(?:at|by|as\s+at|as\s+of)\s+)?(?:the\s+)?\b(?:end|start|beginning|close|middle)\s+of\s+"
    r"(?:the\s+)?$|\b(?:as\s+at|as\s+of)\s+$",
    re.I,
)


def _fy_start(m: re.Match[str]) -> int | None:
    y1 = int(m.group("fy1"))
    if y1 < 100:  # "Quarter 1 (22/23)": a two-digit financial year, only ever read beside a quarter
        y1 += 2000
    y2s = m.group("fy2")
    if len(y2s) == 1:  # "2013/4"
        y2 = (y1 // 10) * 10 + int(y2s) + (10 if int(y2s) <= y1 % 10 else 0)
    else:
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    return y1 if y2 == y1 + 1 else None


def _quarter(m: re.Match[str]) -> int:
    if m.groupdict().get("qn"):
        return int(m.group("qn"))
    word = m.groupdict().get("q") or m.groupdict().get("qb")
    return _QUARTER_WORDS[word.lower()]


def _month(m: re.Match[str]) -> int:
    return MONTHS[m.group("month").lower().rstrip(".")]


def _year_for(month: int, reference: dt.date | None, last_year: int | None) -> int | None:
    """The year of a month named without one: the last such month on or before the reference date, else the
    year last mentioned in the text."""
    if reference is not None:
        return reference.year if month <= reference.month else reference.year - 1
    return last_year


_QUARTER_KINDS = ("quarter_fy", "fy_quarter", "quarter_fy_short")  # a quarter named with its financial year


def _make(
    kind: str, m: re.Match[str], reference: dt.date | None, last_fy: int | None, last_year: int | None
) -> DateMention | None:
    """The mention a pattern's match denotes, or None when it names no real date (31 February) or needs a year
    that nothing before it gave. reference and last_year place a month or day named without a year; last_fy a
    quarter named without its financial year."""
    if kind in _QUARTER_KINDS or kind == "quarter":
        return _quarter_mention(kind, m, last_fy)
    if kind in ("day", "day_us", "iso", "dmy", "dmy_dots", "day_month", "month_day"):
        return _day_mention(kind, m, reference, last_year)
    if kind in ("end_month", "christmas", "month_year", "bare_month"):
        return _month_mention(kind, m, reference, last_year)
    if kind in ("fy", "mid_year", "year"):
        return _year_mention(kind, m)
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
    kind: str, m: re.Match[str], reference: dt.date | None, last_year: int | None
) -> DateMention | None:
    """One day: written in full ("21st December 2018", "2019-02-28", "21/12/18") or without its year."""
    if kind in ("day_month", "month_day"):
        month = _month(m)
        year = _year_for(month, reference, last_year)
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
    kind: str, m: re.Match[str], reference: dt.date | None, last_year: int | None
) -> DateMention | None:
    """A month ("July 2020", a bare "September", "Christmas 2019") or its last day ("end of October 2020")."""
    s, e = m.span()
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
    year = _year_for(month, reference, last_year)
    if year is None:
        return None
    first, last = month_range(year, month)
    return DateMention(s, e, first, last, f"{first:%B %Y}", "month")


def _year_mention(kind: str, m: re.Match[str]) -> DateMention | None:
    """A financial year ("2019/20"), or a calendar year, bare ("2019") or qualified ("mid-2019")."""
    s, e = m.span()
    if kind == "fy":
        fy = _fy_start(m)
        if fy is None:
            return None
        first, last = fy_range(fy)
        return DateMention(s, e, first, last, f"{fy_label(fy)} financial year", "fy")
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
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(taken[s:e]):
                continue
            for i in range(s, e):
                taken[i] = True
            claims.append((s, e, kind, m))
    claims.sort(key=lambda c: c[0])
    mentions: list[DateMention] = []
    last_fy: int | None = fy  # for a bare quarter: the year of the last quarter named with one, else last FY
    last_quarter_fy: int | None = None
    last_year: int | None = None
    for _, _, kind, m in claims:
        mention = _make(kind, m, reference, last_quarter_fy or last_fy, last_year)
        if kind in _QUARTER_KINDS:
            last_quarter_fy = _fy_start(m) or last_quarter_fy
        if kind == "fy":
            last_fy = _fy_start(m) or last_fy
        if mention is None:
            continue
        last_year = mention.last.year
        mentions.append(mention)
    return mentions


def period_distance(a_first: dt.date, a_last: dt.date, b_first: dt.date, b_last: dt.date) -> int:
    """Days between two periods (0 when they overlap)."""
    if a_first <= b_last and b_first <= a_last:
        return 0
    return min(abs((a_first - b_last).days), abs((b_first - a_last).days))
