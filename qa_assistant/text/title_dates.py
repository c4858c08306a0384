"""The day a paper's title dates it by, when the paper has no meeting date: what "this year", "last month" and
"the last financial year" in its text are read from."""

from __future__ import annotations

import datetime as dt
import re

from qa_assistant.text.dates import find_dates


def dated_title(title: str) -> dt.date | None:
    """The day a paper with no meeting date is dated by its title, when the title names one day or month
    ("(Northumberland Gazette, September 2019)", "Executive 16 March 2021"): "as of June this year" is then
    June 2019. A year or a range ("2017/18", "2023-2026") does not say when the paper was written, nor stops the
    one day beside it doing so ("drives 2023/24 overspend (Shropshire Star, 13 July 2024)")."""
    found = find_dates(title)
    days = [d for d in found if d.kind in ("day", "month")]
    if len(days) != 1:
        return None
    day = days[0]
    # beside a year, a day the data is as of ("Children looked after at 31 March 2023 (report 2023/24)") or one
    # a later year follows ("Ofsted inspection of 12 May 2023 - Northern Echo 2024") is not the paper's
    if len(found) > 1 and (any(d.start > day.start for d in found) or _DATA_DAY.search(title, 0, day.start)):
        return None
    return day.last


_DATA_DAY = re.compile(
    r"\b(?:at|as\s+of|of|on|to|position|ended|ending|end\s+of|census\s+day|snapshot)\s*$", re.I
)
