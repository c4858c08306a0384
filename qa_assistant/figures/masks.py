"""What a phrase says once dates, numbers and place names are blanked out: the words of the measure only.

"the mid 2017 population estimate" names a population estimate; the date says when, a number is another
figure, a place says whose. Phrase finding, list lead-ins and figure assembly all mask the same way, so the
masking lives here once.
"""

from __future__ import annotations

import bisect
import re

from qa_assistant.figures.phrases import Phrase
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.terms import UNIT_TEXT
from qa_assistant.text.date_patterns import BARE_MONTH, DATE_EDGE
from qa_assistant.text.dates import find_dates


def masked_phrase(r: SentenceReading, phrase: Phrase, phrase_text: str) -> str:
    """The phrase with dates and numbers blanked out: "the mid 2017 population estimate" -> "population
    estimate" (a date in a phrase says when, not what)."""
    if not phrase.found or r.text[phrase.start : phrase.end] != phrase_text:
        return mask_numbers(mask_dates(phrase_text))
    chars = list(phrase_text)
    lo = bisect.bisect_left(r.ctx.date_starts, phrase.start - 40)
    spans = []
    # with the words that place a figure within the date ("at the end of")
    for d in r.ctx.dates[lo : lo + 50]:
        if d.start - 30 >= phrase.end:
            break  # dates are in text order: none later can touch the phrase, not even by its edge words
        if d.end <= phrase.start:
            continue
        edge = DATE_EDGE.search(r.text, max(0, d.start - 30), d.start)
        spans.append((edge.start() if edge else d.start, d.end))
    spans += [(m.start, m.end) for m in r.mentions]  # place names say whose, not what
    for a, b in spans:
        for i in range(max(a, phrase.start), min(b, phrase.end)):
            chars[i - phrase.start] = " "
    return mask_numbers("".join(chars))


def mask_dates(text: str) -> str:
    """Dates say when, not what: blanked, with the words that place a figure within one ("at the end of")."""
    if not re.search(
        r"\d|January|February|March|April|May|June|July|August|September|October|November|December", text
    ):
        return text
    # a month without its year says when all the same ("at the end of March last year")
    spans = [(d.start, d.end) for d in find_dates(text)] + [m.span() for m in BARE_MONTH.finditer(text)]
    for s, e in sorted(spans, reverse=True):
        edge = DATE_EDGE.search(text, max(0, s - 30), s)
        start = edge.start() if edge else s
        text = text[:start] + " " * (e - start) + text[e:]
    return text


def mask_places_in(r: SentenceReading, start: int, end: int) -> str:
    """The sentence's text from start to end with the places it names blanked (they say whose, not what)."""
    chars = list(r.text[start:end])
    for m in r.mentions:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def mask_numbers(text: str) -> str:
    """Numbers inside a phrase are other figures or dates, not words of the measure (durations aside); a unit
    ("per 10,000 of the population") and a rank ("the 4th highest") say how it is measured, not what."""
    text = UNIT_TEXT.sub(" ", text)
    text = re.sub(r"\b\d+(?:st|nd|rd|th)\b|\bQ[1-4]\b", " ", text)  # a quarter says when
    # digits glued to letters are a code's, part of its name ("S47 enquiries", "KS4", "the FR1 position"); a
    # number a label word names is a group, not another figure ("Year 10 pupils", "Level 2 carers")
    return re.sub(
        r"(?<![A-Za-z\d])£?\d[\d,.]*(?![\d,.])(?:\s?%)?(?!\s*(?:working\s+)?(?:hours?|days?|weeks?|months?|years?)\b|\s*(?:or\s+more\b|\+))",
        lambda m: m.group(0) if _GROUP_LABEL.search(text, max(0, m.start() - 12), m.start()) else " ",
        text,
    )


_GROUP_LABEL = re.compile(r"\b(?:Year|Key\s+Stage|Stage|Level|Band|Grade|Tier)\s$")
