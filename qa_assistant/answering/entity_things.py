"""Dates, Ofsted grades and places named in a sentence, for when / what grade / where questions (people and
named things are in entity_finder.py)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from qa_assistant.answering.entity_finder import Found
from qa_assistant.figures.terms import lexicon, measure_terms, phrase_pattern
from qa_assistant.text.dates import MONTHS, DateMention, find_dates

_ANY_PRECISION = ("day", "month", "quarter", "fy", "year")


# a stand-in "today" that lets the date reader find a day written without its year ("on Friday 8 March") in a
# paper with no date of its own; such a day is answered as written, never with the year the stand-in gave it
_ANY_REFERENCE = dt.date(2000, 12, 31)


def _dates(text: str, reference: dt.date | None) -> list[tuple[DateMention, bool]]:
    """The dates in text, each with whether its label may be shown (False: a day whose year nothing gives)."""
    found = [(d, True) for d in find_dates(text, reference=reference)]
    if reference is not None:
        return found
    spans = {(d.start, d.end) for d, _ in found}
    yearless = [
        (d, False)
        for d in find_dates(text, reference=_ANY_REFERENCE)
        if d.kind == "day" and (d.start, d.end) not in spans
    ]
    return sorted(found + yearless, key=lambda x: x[0].start)


def find_dates_in(text: str, reference: dt.date | None) -> list[Found]:
    """The dates a sentence names, at any precision (a day, a month, a quarter, a year); a day written without
    its year in a paper with no date ("on Friday 8 March") as written."""
    return [
        Found(
            d.start,
            d.end,
            text[d.start : d.end],
            "date",
            detail=d.label if shown and d.label.lower() != text[d.start : d.end].lower() else None,
        )
        for d, shown in _dates(text, reference)
        if d.kind in _ANY_PRECISION
    ]


def names_a_day(text: str, reference: dt.date | None) -> bool:
    """Whether a date answer gives a day ("8 May 2019", "Friday 8 March"), not only a month or a year."""
    return any(d.kind == "day" for d, _ in _dates(text, reference))


_GRADE_QUESTION = re.compile(
    r"\bwhat\s+(?:grade|rating|judgement|judgment|was\s+it\s+(?:graded|rated|judged))\b|"
    r"\bhow\s+(?:was|were|is|are)\b.{0,60}\b(?:graded|rated|judged)\b",
    re.I,
)


@lru_cache(maxsize=1024)
def asks_for_a_grade(question: str) -> bool:
    """ "What judgement did Ofsted give ...", "How was the service rated?": the answer is an Ofsted grade."""
    return bool(_GRADE_QUESTION.search(question))


@lru_cache(maxsize=1)
def _grade_pattern() -> re.Pattern[str]:
    return phrase_pattern(lexicon()["grades"])


def find_grades(text: str) -> list[Found]:
    """Ofsted judgements ("Requires Improvement to be Good", "Inadequate") named in a sentence."""
    return [
        Found(m.start(), m.end(), m.group(0), "name")
        for m in _grade_pattern().finditer(text)
        if (m.group(0)[0].isupper() or m.group(0).lower() in ("inadequate", "outstanding"))
        and not _the_item_befores(text, m)
        and not _DENIED.search(text, max(0, m.start() - 20), m.start())
    ]


# "Services for children in Manchester are no longer inadequate": a grade denied is not the one given
_DENIED = re.compile(
    r"\b(?:no\s+longer|not|never|no)\s+(?:(?:be|been|being|yet|only|just|judged|rated|graded|found)\s+)*(?:as\s+)?$",
    re.I,
)


def pick_grade(grades: list[Found], terms: set[str], sentence: str) -> Found | None:
    """ "... Requires improvement 2.1 Adoption performance Good 2.2 Experiences ...": grades laid out as a list
    (each but the last followed by the next item's number, a line end or a cell bar) are each of the words
    before them, back to the grade before; the one whose words hold most of the question's, else the first.
    None when the grades are not laid out so (in prose the item often follows its grade)."""
    if len(grades) < 2 or not all(_NEXT_ITEM.match(sentence, g.end) for g in grades[:-1]):
        return None
    starts = [0] + [g.end for g in grades[:-1]]
    return max(
        grades,
        key=lambda g: (
            len(terms & set(measure_terms(sentence[starts[grades.index(g)] : g.start]))),
            -g.start,
        ),
    )


_NEXT_ITEM = re.compile(r"[ \t]*(?:\d+(?:\.\d+)*[.)]?\s|\n|\|)")
# "a judgement of inadequate for overall effectiveness in 2014": the area a grade was given for
_GRADED_FOR = re.compile(
    r"\s+for\s+([^.;:,()\n]{3,60}?)(?=\s+(?:in|at|since|during|when|and|but)\s|[.;:,()\n]|$)", re.I
)


@lru_cache(maxsize=1)
def _areas() -> re.Pattern[str]:
    return phrase_pattern(lexicon()["inspection_areas"])


def graded_for_another(sentence: str, grade: Found, question: str) -> bool:
    """The grade is said to be for one inspection area ("inadequate for overall effectiveness") and the question
    names another ("What judgement did Ofsted give Manchester's adoption performance?")."""
    m = _GRADED_FOR.match(sentence, grade.end)
    if not m or not (area := _areas().search(m.group(1))):
        return False
    asked = {a.group(0).lower() for a in _areas().finditer(question)}
    return bool(asked) and area.group(0).lower() not in asked


_LINE_GOES_ON = re.compile(r"[ \t]*\n\s*\S")


def _the_item_befores(text: str, m: re.Match[str]) -> bool:
    """A grade opening the sentence on a line of its own before the next item ("Good\n2.2 Experiences ...") is
    the item before's judgement, laid out under it."""
    return m.start() == len(text) - len(text.lstrip()) and bool(_LINE_GOES_ON.match(text, m.end()))


def with_its_grade(text: str, end: int) -> int:
    """Where an item's text ends when the judgement laid out under it, on a line of its own, is read with it
    ("1. Children who need help and protection\nRequires improvement"); else end."""
    m = _grade_line().match(text, end)
    return m.end() if m else end


@lru_cache(maxsize=1)
def _grade_line() -> re.Pattern[str]:
    grade = _grade_pattern().pattern
    # one grade line only: under a table of two years ("Requires improvement\nGood") which is whose is not said
    return re.compile(
        rf"[ \t]*\n[ \t]*(?:{grade})[ \t]*(?=\n|$)(?![ \t]*\n[ \t]*(?:{grade})[ \t]*(?:\n|$))", re.I
    )


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in lexicon()["place_heads"])
    return re.compile(
        rf"\b((?:[A-Z][\w'’-]*\s+){{1,4}}(?:{heads}))\b|\b(?:at|in|on)\s+((?:the\s+)?[A-Z][\w'’-]+"
        rf"(?:\s+[A-Z][\w'’-]+){{0,3}})"
    )


def find_places(text: str) -> list[Found]:
    """Where something happens: a named venue or street ("the Riverside Stadium", "Spencerfield Crescent"),
    or a capitalised name after "at", "in" or "on"."""
    out: list[Found] = []
    for m in _place_pattern().finditer(text):
        g = 1 if m.group(1) else 2
        name = re.sub(r"^(?:The|the)\s+", "", m.group(g))
        if name.split()[0].lower() in MONTHS:  # "in March 2023" is a date, not a place
            continue
        start = m.end(g) - len(name)
        out.append(Found(start, m.end(g), name, "name", role_only=g == 2))
    return out
