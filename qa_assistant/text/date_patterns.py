"""The patterns of the date and period expressions council text uses, most specific first: what find_dates
(dates.py) looks for, kept apart from how it reads them. Each pattern is named by the kind of date it finds.
"""

from __future__ import annotations

import calendar
import re

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# the names of the days and months written in full (a day or month alone is no one's name: entity_finder.py)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
CALENDAR_NAMES = rf"{WEEKDAY}|" + "|".join(m for m in calendar.month_name if m)
QUARTER_WORDS = {  # "quarter one", "Q1", "the first quarter"
    word: i % 4 + 1
    for i, word in enumerate(
        ("one", "two", "three", "four", "1", "2", "3", "4", "first", "second", "third", "fourth")
    )
}


def _qword(name: str) -> str:
    return rf"(?P<{name}>one|two|three|four|[1-4]|first|second|third|fourth)"


_QUARTER = rf"(?:quarter\s+{_qword('q')}|{_qword('qb')}\s+quarter|Q(?P<qn>[1-4]))"
_FY = r"(?P<fy1>(?:19|20)\d{2})\s?[/-]\s?(?P<fy2>(?:19|20)?\d{1,2})"

_FY_SHORT = r"\(?\s*(?P<fy1>\d{2})\s?[/-]\s?(?P<fy2>\d{2})\s*\)?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
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
            rf"\b(?:{WEEKDAY}\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b",
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
    # "the 2021/22 academic year", "school year 2019-20": September to August, not a financial year
    ("academic_year", re.compile(rf"\b{_FY}\s+(?:academic|school)\s+year\b", re.I)),
    ("academic_year", re.compile(rf"\b(?:academic|school)\s+year\s+(?:of\s+)?{_FY}\b", re.I)),
    ("fy", re.compile(rf"\b{_FY}\b(?!\s?[/-]\d)")),
    # "the 3 year rolling average for 2014-16", "2013-2016": several years, one period (read only when the years
    # are 2 to 10 apart; "2015-16" is a financial year)
    (
        "year_span",
        re.compile(r"\b(?P<y1>(?:19|20)\d{2})\s?[-\u2013]\s?(?P<y2>(?:19|20)?\d{2})\b(?!\s?[/-]\d)"),
    ),
    # "in the most recent financial year", "this financial year": a financial year named from the paper's date
    (
        "relative_fy",
        re.compile(r"\b(?P<rel>last|previous|past|most\s+recent|current|this)\s+financial\s+year\b", re.I),
    ),
    # "at the end of 23/24", "during 22/23", "22/23 financial year": a two-digit financial year, only after a word
    # that says when, or before "financial year" (a bare "23/24" may be a score or a share)
    (
        "fy_short",
        re.compile(
            r"\b(?i:in|during|for|of|by|from|to|and|since|until|throughout)\s+(?P<fyshort>(?P<fy1>[12]\d)/"
            r"(?P<fy2>[12]\d))\b"
            r"(?!\s*(?:%|per\b|of\b|[/.]\d|years?[\s-]+olds?|yr|children|young|people|cases|families|pupils|staff|"
            r"carers|households))"
        ),
    ),
    (
        "fy_short",
        re.compile(r"\b(?P<fyshort>(?P<fy1>[12]\d)/(?P<fy2>[12]\d))(?=\s+financial\s+year\b)", re.I),
    ),
    ("quarter", re.compile(rf"\b{_QUARTER}\b", re.I)),
    ("mid_year", re.compile(r"\b(?:mid|early|late)[\s-](?P<year>(?:19|20)\d{2})\b", re.I)),
    ("day_month", re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH}\b(?!,?\s+(?:19|20)\d{{2}})")),
    # "on March 31 this year", "by September 30th", "as of March 31,": a day written month first (news style),
    # without its year; only after a preposition or with an ordinal, since "in March 15 children ..." is a count;
    # after "to" or "and" only where the day ends the phrase ("from April 1 to June 30,"), since "from April to
    # June 20 children" and "between January and March 15 new carers" are counts too
    (
        "month_day",
        re.compile(
            rf"\b(?i:on|by|until|till|from|between|since|before|after|as\s+of|as\s+at)\s+"
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
    # "between May and September": May is a month only after a word that says when ("numbers may rise" is not)
    # (and only before what ends a date or goes on from one: "to May Smith", "and May be ended" are not months)
    # (not before a name: "a report from May Carter", "in May Davies Court")
    ("bare_month", re.compile(r"\b(?i:between|from|since|in|during)\s+(?P<month>May)\b(?!\s+[A-Z][a-z])")),
    (
        "bare_month",
        re.compile(
            r"\b(?i:until|by|to|and)\s+(?P<month>May)\b"
            r"(?=\s*(?:[,.;:)/\u2013-]|$|\d|(?:and|to|until|till|this|last|next|of|in|the|when|while|but|as|after|"
            r"before|for|that)\b))"
        ),
    ),
    ("year", re.compile(r"(?<![/\-£\d.,])\b(?P<year>(?:19|20)\d{2})\b(?![/\-]\d|,\d|\.\d)")),
]

# a four-digit number written without its comma where a count stands, in a data hub's bullets ("there were 1938
# children in need", "a total of 2017 referrals"): after "there were" or "a total of" and before the counted
# noun, it is a count, not a year ("In 2019 children ...", "was 2019 when", "the total of 2023 referrals" stay years)
_COUNT_BEFORE = re.compile(r"\b(?:there\s+(?:were|are|have\s+been)|a\s+total\s+of)\s+$", re.I)
# ... before a plural noun, not one a year qualifies ("there were 2019 levels of demand", "2021 census data")
_COUNTED_NOUN_AFTER = re.compile(
    r"\s+(?!(?:levels?|figures?|data|rates?|numbers?|prices?|results?|statistics|estimates?|census|"
    r"standards?)\b)(?:[a-z]+s|children|people|staff)\b"
)


# ... unless the noun's own number follows ("a total of 2022 referrals of 3,100", "... was 3,400")
_ITS_NUMBER_AFTER = re.compile(
    r"[^.;:\d]{0,60}?\b(?:of|was|were|is|are|at|totall?ed|stood\s+at)\s+£?\d", re.I
)


def counted_not_dated(text: str, start: int, end: int) -> bool:
    """Whether the year-like number at [start, end) is a count ("there were 1938 children in need")."""
    return bool(
        _COUNT_BEFORE.search(text, max(0, start - 30), start)
        and _COUNTED_NOUN_AFTER.match(text, end)
        and not _ITS_NUMBER_AFTER.match(text, end)
    )


# "the Children's Plan 2022-25", "MTFS 2024-28", "the 2023-2026 Sufficiency Strategy": a plan's years name it (a
# document's name, capitalised and right beside it; "the budget for 2022-25", "Child Protection Plans" are not)
_PLAN = r"(?:Plan|Strategy|MTFS|MTFP|Programme|Framework|Policy|Charter|Pledge|Vision)"
_PLAN_BEFORE = re.compile(rf"\b{_PLAN}\s+$")
_PLAN_AFTER = re.compile(rf"\s+(?:[A-Z][\w'’-]*\s+){{0,3}}{_PLAN}\b(?!s)")


def names_a_plan(text: str, start: int, end: int) -> bool:
    """Whether the years at text[start:end] are a plan's, written beside its name."""
    return bool(_PLAN_BEFORE.search(text, max(0, start - 40), start) or _PLAN_AFTER.match(text, end))


# Words that place a figure within a date's period ("at the end of Q3 2023/24", "as at"): part of the date.
# A month named without its year ("at the end of March", "in May"): it says when (which March is not said),
# never what is counted. Capitalised only ("march", "may" are verbs); May only after a preposition.
# With its day ("at 31 March", "the 31st of March", "March 31st") the day is part of the date, not a number asked.
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
BARE_MONTH = re.compile(
    rf"(?:\b{_DAY}\s+(?:of\s+)?)?"
    r"(?:\b(?:January|February|March|April|June|July|August|September|October|November|December)\b|"
    r"(?<=\b(?:in|of|by) )May\b|(?<=\d )May\b|(?<=\d(?:st|nd|rd|th) )May\b)"
    # a day after the month only where it ends the phrase ("on March 31st", "at March 31,"), not "March 16 and
    # 17 year olds"
    rf"(?:\s+{_DAY}\b(?![,\s]*\d{{4}})(?=\s*(?:[,.;:)?]|$)))?"
)
DATE_EDGE = re.compile(
    r"(?:\b(?:at|by|as\s+at|as\s+of)\s+)?(?:the\s+)?\b(?:end|start|beginning|close|middle|course)\s+of\s+"
    r"(?:the\s+)?$|\b(?:as\s+at|as\s+of)\s+$",
    re.I,
)
