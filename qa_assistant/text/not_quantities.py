"""Numbers in council text that are not reported quantities: labels and codes ("page 24", "Covid-19", "Year
11"), ages, times, section numbers, footnote markers, phone numbers and bare years. numbers.find_quantities asks
this of every number it reads.
"""

from __future__ import annotations

import re

from qa_assistant.text.date_patterns import MONTHS, counted_not_dated

# what a note under a table says of its figures, in its first words: a definition, what they include or leave out
_FOOTNOTE = re.compile(
    r" [A-Z][\w'’-]*(?:\s+[\w'’\"“”-]+){0,6}?\s+(?:are|is)\s+those\b|"
    r" [A-Z][\w'’-]*(?:\s+[\w'’\"“”-]+){0,6}?\s+(?:(?:are|is)\s+defined\s+as|refers?\s+to|excludes?|includes?|"
    r"(?:are|have\s+been)\s+rounded)\b|"
    r" Source:",
)


# "aged 18 to 25", and an age's alternative: "under 16 years of age (or 18 if disabled)"
_AGE = (
    r"\b(?:aged|ages?(?:\s+of)?)\s+(?:(?:under|over|between)\s+)?(?:\d+\s*(?:and|or|to|-|–)\s*)?$|"
    r"\b\d+\s+years?\s+(?:of\s+age|old)\s*[(,]?\s*(?:or|and|to)\s+$"
)
_AGE_BEFORE = re.compile(_AGE, re.I)
# "412 children under 18 in care", "young people over 16": an age that bounds the group, not a count of it
_AGE_OF_GROUP = re.compile(
    r"\b(?:children|child|young\s+people|people|pupils|learners|babies|infants|youngsters|adults)\s+"
    r"(?:under|over|below|above|aged\s+under|aged\s+over)\s+$",
    re.I,
)
_OLDEST_AGE = 25


_RATIO_HEAD = re.compile(r"\b(?:one|1)\s+in\s+$", re.I)
_RATIO_TAIL = re.compile(
    r"\s+in\s+(?:\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred)\b(?![.,]?\d)",
    re.I,
)


def ratio_part(text: str, s: int, e: int) -> bool:
    """ "one in nine (10.9%) posts", "1 in 4 children": either side of a ratio is not a count (of nine, of
    four); the percentage beside it, when there is one, is the figure."""
    return bool(_RATIO_HEAD.search(text, max(0, s - 8), s)) or (
        text[s:e].lower() in ("1", "one") and bool(_RATIO_TAIL.match(text, e))
    )


# "2024- 41.2% (769)", "2023/24 - £239.5mill": a line labelled by its year, then the value (not a year range)
_YEAR_LABELLED = re.compile(r"[\s•·*]*(?:19|20)\d{2}(?:\s?/\s?\d{2})?\s?[-–]\s+(?!(?:19|20)\d{2}$)[\d,.]+$")


_LABEL_CHARS = 24  # a year label is all the line holds before its value ("2023/24 - ")


# a day written after its month, as news pages do, with no year after it ("as of March 31 last year", "(September 5)",
# "By June 30,"): a word that says when before the month and what follows say it is a day ("In March 12 children
# entered care", "at the end of March 28, compared with 25" are counts)
_MONTH_BEFORE = re.compile(
    rf"(?:\b(?:on|as\s+of|at|by|since|until|till|from|before|after)\s+|\(\s*)"
    rf"(?!(?-i:may)\b)(?:{'|'.join(MONTHS)})\s$",  # not a lower-case "may" ("who may 5 ...")
    re.I,
)
_DAY_AFTER = re.compile(r"(?:st|nd|rd|th)?(?:\s*[),;]|\.(?:\s|$)|\s+(?:last|this|next)\s+year\b|$)")


def _us_day(text: str, s: int, e: int) -> bool:
    day = text[s:e]
    return (
        day.isdigit()
        and 1 <= int(day) <= 31
        and bool(_MONTH_BEFORE.search(text, max(0, s - 25), s) and _DAY_AFTER.match(text, e))
    )


# a day written before its month with no year after it ("(Friday, 19 July)", "As at 31 March there were"): the
# capitalised month right after says it is a day (a year after it makes the whole a date the date finder claims)
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?[ \t]+(?:"
    + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
    + r")\b\.?(?!\s*['’]?\d)"
)


def _day_without_year(text: str, s: int, e: int) -> bool:
    """A day written after its month ("March 31 last year") or before it ("19 July)"), with no year after."""
    day = text[s:e]
    return _us_day(text, s, e) or (
        day.isdigit() and 1 <= int(day) <= 31 and bool(_MONTH_AFTER.match(text, e))
    )


def _period_label_or_marker(before: str, digits: int) -> bool:
    """ "at Period 3", "Month 6": a budget-monitoring period; "Personal care (71%)5": a footnote's one-digit marker
    glued to a bracket (a glued table cell, "(CIN)85", "(CLA)412", is still a figure)."""
    return bool(
        (digits <= 2 and re.search(r"\b(?:Period|Month)\s$", before))
        or (digits == 1 and re.search(r"[)\]]$", before))
    )


def _reference_marker(text: str, s: int, e: int) -> bool:
    """ "... in the years 2008 to 2018.[1]": a number alone in square brackets is a footnote or source reference."""
    return e - s <= 3 and text[s - 1 : s] == "[" and text[e : e + 1] == "]"


def _bounds_a_group(text: str, s: int, e: int) -> bool:
    """An age after a people noun and under / over ("412 children under 18 in care"), not a distance ("children
    over 20 miles from home") or a share."""
    return (
        bool(_AGE_OF_GROUP.search(text[max(0, s - 30) : s]))
        and text[s:e].isdigit()
        and int(text[s:e]) <= _OLDEST_AGE
        and not re.match(r"\s*(?:miles?|km|kilomet\w+|%|per\b)", text[e : e + 12], re.I)
    )


def _dialled(text: str, s: int, e: int, before: str, after: str) -> bool:
    """A dialling code ("01642": never a reported count) or part of a phone number ("(01642) 590 111",
    "01642 729713")."""
    return (
        (text[s] == "0" and e - s >= 3 and "." not in text[s:e])
        or bool(re.search(r"\(0\d+\)\s*$|\b0\d{3,4}\s$", before))
        or bool(re.search(r"(?:\(0\d{3,5}\)|\b0\d{3,5})\s?\d{3}\s$", text[max(0, s - 20) : s]))
        or (bool(re.match(r"\)", after)) and text[s] == "0")
    )


def not_a_quantity(text: str, s: int, e: int, line_start: int) -> bool:
    """Whether the number at [s, e) is a label, code, age, time, phone number, section number, footnote marker
    or bare year rather than a reported quantity ("page 24", "aged between 18 and 25", "10:30", "01642")."""
    before = text[max(0, s - 12) : s]
    if re.search(
        r"[A-Za-z]-$|[A-Za-z]$|[/.]$|\d:$|\b(?:page|pages|item|items|tel|no\.?|ages?(?:\s+of)?|aged(?:\s+(?:under|over|between))?|section|"
        r"paragraph|para|appendix|room|per|turning|turned|turn|quarter|q|minute|clause|regulation|rule|band|grade|"
        # "Year 11" labels a school year; "last year 16 children" is a count
        r"level|(?<!last )(?<!this )(?<!next )(?<!each )(?<!every )(?<!per )(?<!a )year|stage|phase|tier|wave|"
        r"option|priority|recommendation|action|objective|standard|step|part|annex|table|chart|graph|figure)\s*$",
        before,
        re.I,
    ):
        return True  # "post-16", "Covid-19", "page 24", "1.2.3", "10:30", a footnote's marker "year1"
    # a day ("as of March 31 last year", "(Friday, 19 July)"); "at Period 3", "Month 6"; a footnote's marker after a
    # bracket, "(71%)5"; an age bounding the group counted, "children under 18 in care"
    if (
        _day_without_year(text, s, e)
        or _period_label_or_marker(before, e - s)
        or _reference_marker(text, s, e)
        or _bounds_a_group(text, s, e)
    ):
        return True
    if (
        re.search(r"\d\s?[-–]\s?$", before)
        and not (s - line_start <= _LABEL_CHARS and _YEAR_LABELLED.match(text[line_start:e]))
    ) or _AGE_BEFORE.search(text[max(0, s - 40) : s]):
        return True  # a range's tail whose head was not a quantity ("7-13"); ages ("aged between 18 and 25")
    after = text[e : e + 12]
    if re.match(r"-plus\b", after, re.I) and e - s <= 2:
        return True  # an age band: "16-plus supported accommodation"
    if re.match(r"\s*[/.]\d|:\d\d|\.\d", after):
        return True  # "16/17", times "4.00"
    if ratio_part(text, s, e):
        return True
    if (
        s - line_start <= 8
        and re.fullmatch(r"[\s\-•·]*", text[line_start:s])
        and re.fullmatch(r"\d+(?:\.\d+)*", text[s:e])
        and (
            (re.match(r"\.\d|\s+[A-Z]|\s+\d", text[e : e + 3]) and "." in text[s:e])
            or re.match(r"\.(?:\s|$)", text[e : e + 2])
            or re.match(r"\)\s", text[e : e + 2])
        )
    ):
        return True  # section number at the start of a line: "1.2 Early Help", "1. Apologies", "3) Item"
    if (
        s - line_start <= 4
        and not text[line_start:s].strip()
        and re.fullmatch(r"\d{1,2}", text[s:e])
        and _FOOTNOTE.match(text, e)
    ):
        return True  # a footnote's marker: "3 Children deemed to be taken into care are those who ..."
    if re.fullmatch(r"\d\.0", text[s:e]) and re.search(r"[A-Z][a-z]+\s$", before):
        return True  # a version after a name's word: "Fair Funding Review 2.0", "Families First 2.0"
    if _dialled(text, s, e, before, after):
        return True
    if re.fullmatch(r"(?:19[5-9]\d|20[0-4]\d)", text[s:e]) and not counted_not_dated(text, s, e):
        return True  # a bare year that the date finder did not claim ("2018-2021", "since 2019")
    return False
