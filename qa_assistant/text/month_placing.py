"""Where a month named without a year is placed, in a paper with no date of its own: within the financial,
academic or calendar year (or span of years) the text named last ("in 2025/26, as of the end of December" is
December 2025; "Budget monitoring 2024/25 ... Period 9 (December)" is December 2024), unless that period's end
was spoken of or a date outside it came since; otherwise in the last year any date named, as before. Split from
dates.py, which reads the mentions; this module only says which period places the next month."""

from __future__ import annotations

import datetime as dt
import re

from qa_assistant.text.date_mention import DateMention

# a period whose end is spoken of ("at the end of 2023/24", "the 2023/24 outturn", "2023/24 year-end position"),
# not one forecast ("the 2024/25 outturn forecast in December", "the projected 2024/25 outturn")
_ENDED_BEFORE = re.compile(
    r"\b(?:end|close)\s+of\s+(?:the\s+)?$|(?<!forecast\s)(?<!projected\s)\boutturn\s+(?:for\s+)?$", re.I
)
_ENDED_AFTER = re.compile(
    r"\s*(?:financial\s+year\s+)?(?:(?:provisional\s+)?outturn(?!\s+(?:forecast|projection))|final\s+(?:position|"
    r"accounts?)|year[\s-]end|closing)\b",
    re.I,
)
_FORECAST_BEFORE = re.compile(r"\b(?:forecast|projected|predicted|estimated)\s+$", re.I)
# a year compared against ("higher than in 2023/24", "compared with 280 in 2022/23", "(2023/24: £5m)") places
# nothing
_COMPARED_BEFORE = re.compile(
    r"(?:\bthan|\bagainst|\bcompared\s+(?:with|to)(?:\s+[£$]?\d[\d,.]*\S*(?:\s+[a-z]+){0,2}?)?|\()\s*"
    r"(?:(?:in|for)\s+)?(?:the\s+)?$",
    re.I,
)
_PLACING_KINDS = ("fy", "year", "span")


def next_period(text: str, last_period: DateMention | None, mention: DateMention) -> DateMention | None:
    """The period that places the next month once mention is read: mention itself when it is a year or span
    (not one compared against), none once a date outside the period, or its last day, is named ("300 at 31
    March 2024. In April ...")."""
    if mention.kind in _PLACING_KINDS:
        compared = _COMPARED_BEFORE.search(text, max(0, mention.start - 50), mention.start)
        return last_period if compared else mention
    if last_period is not None and (
        not last_period.first <= mention.first <= last_period.last or mention.last == last_period.last
    ):
        return None
    return last_period


def placing_for(
    text: str, last_period: DateMention | None, last_seen: DateMention | None
) -> DateMention | None:
    """What places a month named without a year: the period named last, unless its end or outturn was spoken of
    ("At the end of 2023/24 there were 300. In May ...", "The 2023/24 outturn was £5m. In April ..."); then the
    last year any date named, as the whole of that year."""
    if last_period is not None and not _ended(text, last_period):
        return last_period
    if last_seen is None:
        return None
    year = last_seen.last.year
    return DateMention(0, 0, dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), "year")


def _ended(text: str, period: DateMention) -> bool:
    if _FORECAST_BEFORE.search(text, max(0, period.start - 12), period.start):
        return False
    return bool(
        _ENDED_BEFORE.search(text, max(0, period.start - 20), period.start)
        or _ENDED_AFTER.match(text, period.end)
    )
