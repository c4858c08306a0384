"""Find reported quantities in text: value as written, normalised value, unit, and exact span.

"1022" -> 1022 count; "£463,000" -> 463000 gbp; "£143.3 million" -> 143300000 gbp; "86.5%" -> 86.5 percent;
"154.3 per 10,000" -> 154.3 per_10000; "£800 per week" -> gbp_per_week; "72-77" -> range; "Twenty one" -> 21.
Numbers that are parts of dates, section numbers, times, phone numbers, ages or durations are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALED = r"(?:\s?(?P<scale{n}>k|m|bn|million|billion|thousand)\b)?"
_HEAD = rf"(?P<cur>£)?(?P<num>{_NUM})" + _SCALED.format(n="")
_RANGE_TAIL = rf"(?:\s?(?:-|–|to)\s?(?P<cur2>£)?(?P<num2>{_NUM})" + _SCALED.format(n="2") + ")?"
_UNIT_TAIL = (r"(?P<pct>\s?%)?(?P<rate>\s+per\s+(?P<per>10,000|100,000|1,000|10000|100000|1000))?"
              r"(?P<week>\s+per\s+week)?")
_QUANTITY = re.compile(_HEAD + _RANGE_TAIL + _UNIT_TAIL, re.I)
# The same without a range, for "2020 to 629" where the would-be range is a date and a number.
_SINGLE = re.compile(_HEAD + r"(?P<cur2>)(?P<num2>)(?P<scale2>)" + _UNIT_TAIL, re.I)
_STARTS = re.compile(r"(?<![\w£.,])(?=£?\d)")
_WORD_UNITS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_WORD_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_NUMBER = re.compile(
    rf"\b(?:(?:{_WORD_TENS})(?:[\s-](?:{_WORD_UNITS}))?|(?:{_WORD_UNITS}))(?:\s+hundred(?:\s+and\s+(?:(?:{_WORD_TENS})(?:[\s-](?:{_WORD_UNITS}))?|(?:{_WORD_UNITS})))?)?\b",
    re.I,
)
# A number directly followed by one of these is a duration, distance or age, not a reported quantity.
_NOT_QUANTITY_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:weeks?|days?|months?|years?|hours?|hrs|minutes?|mins?|miles?|mile|pm|am|th|st|nd|rd|year-olds?)\b", re.I
)
_WORD_NOT_QUANTITY = {"one"}  # "one" is nearly always an article-like use ("one carer", "one third")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    unit: str  # count | percent | gbp | gbp_per_week | per_10000 | per_1000 | per_100000


def parse_number(text: str) -> float:
    return float(text.replace(",", ""))


def _scaled(num: str, scale: str | None) -> float:
    return parse_number(num) * (_SCALE[scale.lower()] if scale else 1)


def _excluded(text: str, s: int, e: int, date_spans: list[tuple[int, int]]) -> bool:
    if any(ds <= s < de or ds < e <= de for ds, de in date_spans):
        return True
    before = text[max(0, s - 12) : s]
    if re.search(r"[A-Za-z]-$|[A-Za-z]$|[/.]$|\b(?:page|pages|item|items|tel|no\.?|ages?(?:\s+of)?|aged)\s*$", before, re.I):
        return True  # "post-16", "Covid-19", "page 24", section "1.2.3"
    if re.search(r"\d\s?[-–]\s?$", before):
        return True  # the tail of a range whose head was not a quantity ("ages of 7-13")
    after = text[e : e + 12]
    if re.match(r"\s*[/.]\d|:\d\d|\.\d", after):
        return True  # "16/17", times "4.00"
    line_start = text.rfind("\n", 0, s) + 1
    if re.fullmatch(r"[\s\-•·]*", text[line_start:s]) and re.fullmatch(r"\d+(?:\.\d+)*", text[s:e]) and (
        re.match(r"\.\d|\s+[A-Z]", text[e : e + 3]) and "." in text[s:e] or re.match(r"\.\s", text[e : e + 2])
    ):
        return True  # section number at the start of a line: "1.2 Early Help", "1. Apologies"
    if re.search(r"\(0\d+\)\s*$|\d{3}\s$", before) or re.match(r"\s\d{3}\b", after) or re.match(r"\)", after) and text[s] == "0":
        return True  # phone numbers "(01642) 590 111"
    if re.fullmatch(r"(?:19[5-9]\d|20[0-4]\d)", text[s:e]):
        return True  # a bare year that the date finder did not claim ("2018-2021", "since 2019")
    return False


def find_quantities(text: str, date_spans: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in text order. date_spans (from dates.find_dates) mark digits that belong to dates."""
    date_spans = date_spans or []
    found: list[Quantity] = []
    covered = 0
    for start in _STARTS.finditer(text):
        if start.start() < covered:
            continue
        m = _QUANTITY.match(text, start.start())
        if m is None:
            continue
        if m.group("num2") and (
            any(ds <= m.start("num2") < de for ds, de in date_spans)
            or _scaled(m.group("num2"), m.group("scale2") or m.group("scale")) <= _scaled(m.group("num"), m.group("scale"))
        ):
            m = _SINGLE.match(text, start.start())  # "2020 to 629" is not a range: take the first number alone
        s, e = m.span()
        if _excluded(text, m.start("num"), m.end("num"), date_spans):
            continue
        if not (m.group("pct") or m.group("rate") or m.group("cur")) and _NOT_QUANTITY_AFTER.match(text, e):
            continue
        value = _scaled(m.group("num"), m.group("scale"))
        high = _scaled(m.group("num2"), m.group("scale2") or m.group("scale")) if m.group("num2") else None
        covered = e
        if m.group("cur"):
            unit = "gbp_per_week" if m.group("week") else "gbp"
        elif m.group("pct"):
            unit = "percent"
        elif m.group("rate"):
            unit = "per_" + m.group("per").replace(",", "")
        else:
            unit = "count"
            if m.group("week"):
                e = m.start("week")
        raw = text[s:e].rstrip()
        found.append(Quantity(s, s + len(raw), raw, value, high, unit))
    for m in _WORD_NUMBER.finditer(text):
        phrase = m.group(0)
        if phrase.lower() in _WORD_NOT_QUANTITY or _NOT_QUANTITY_AFTER.match(text, m.end()):
            continue
        if any(ds < m.end() and m.start() < de for ds, de in date_spans) or re.search(r"\b(?:or|to)\s+$", text[max(0, m.start() - 4) : m.start()]):  # "quarter two", "three or four"
            continue
        if re.match(r"\s+(?:or|to)\s+\w+", text[m.end():]) or re.match(r"\s+(?:third|quarter|half)", text[m.end():], re.I):
            continue  # "three or four", "one third": vague, not a reported figure
        try:
            value = float(text2num(phrase.lower().replace("-", " ").replace(" and ", " "), "en"))
        except ValueError:
            continue
        found.append(Quantity(m.start(), m.end(), phrase, value, None, "count"))
    found.sort(key=lambda q: q.start)
    return found
