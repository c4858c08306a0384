"""A number named only by the clause around it: the subject of a sentence whose participle clause it ends
("CLA numbers have vastly improved, ..., reaching 503 in February"), or what the clause before it named when it
is called only "the figure" / "it" or stands in a clause that is only a change ("...; from 615 in 2004 to 485").
prose_phrases.py tries these once a number has no label and no words of its own.
"""

from __future__ import annotations

import re

from qa_assistant.figures.phrases import Phrase, backward_phrase
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.terms import measure_terms
from qa_assistant.text.numbers import Quantity

_PRO_FORM = re.compile(
    r"\b(?:the|this|that|current|latest|overall|total)\s+(?:current\s+|latest\s+|overall\s+)?"
    r"(?:figure|number|total|level|rate|count)\b|\b(?:it|this|which)\s+(?:stood|was|is|now)\b",
    re.I,
)
_PARTICIPLE_CLAUSE = re.compile(
    r"\s*(?:\w+ly\s+)?(?:reaching|rising\s+to|falling\s+to|dropping\s+to|increasing\s+to|"
    r"decreasing\s+to|climbing\s+to|standing\s+at|totalling|peaking\s+at|settling\s+at|"
    r"going\s+(?:up|down)\s+to)\s*$",
    re.I,
)
# where a sentence's subject ends: its first auxiliary or reporting verb ("CLA numbers | have vastly improved")
_SUBJECT_END = re.compile(
    r"\s(?:has|have|had|was|were|is|are|continues?|continued|remains?|remained)\b", re.I
)


def participle_subject(r: SentenceReading, q: Quantity, clause_start: int) -> Phrase | None:
    """ "CLA numbers have vastly improved, dropping below 500 in January, reaching 503 in February": a number
    after a participle clause ("reaching", "rising to") is a value of the sentence's subject."""
    text = r.text
    comma = text.rfind(",", clause_start, q.start)
    if comma < 0 or not _PARTICIPLE_CLAUSE.match(text[comma + 1 : q.start]):
        return None
    head = _SUBJECT_END.search(text, r.sentence[0], comma)
    if head is None:
        return None
    main_end = text.find(",", head.end(), comma + 1)
    if any(head.end() <= x.start and x.end <= main_end and x.unit == q.unit for x in r.qs):
        # "... have put forward savings totalling around £7m for next year, rising to £8.7m": the clause goes
        # on from the main clause's value, not from the sentence's subject
        return None
    back = backward_phrase(text, r.sentence[0], Quantity(head.start(), head.start(), "", 0, None, q.unit))
    return back if back and measure_terms(text[back.start : back.end]) else None


# "...; from 615 in 2004 to 485 in 2006": a clause that is only a change's starting value
_ELLIPTIC_CHANGE = re.compile(
    r"[;:–—]\s*(?:(?:up|down|rising|falling|rose|fell)\s+)?from\s+(?:(?:a|the)\s+(?:peak|high|low)\s+of\s+)?£?$",
    re.I,
)


_TWO_CLAUSES = re.compile(r"\s(?:and|but|while|whilst)\s", re.I)


def antecedent(r: SentenceReading, q: Quantity, clause_start: int) -> Phrase | None:
    """ "the number of looked after children had increased and the current figure stood at 804": a
    figure named only as "the figure", "this number" or "it", or a clause that is only a change's starting value,
    counts what the clause before it named."""
    text = r.text
    local = text[max(clause_start, q.start - 80) : q.start]
    elliptic = _ELLIPTIC_CHANGE.search(local)
    if elliptic:  # "fewer children being looked after; from 615 in 2004 to 485": the clause before says what
        cut = elliptic.start()
    elif not _PRO_FORM.search(local):
        return None
    else:
        cut = max(local.rfind(" and "), local.rfind(", "), local.rfind("; "))
    if cut < 0:
        return None
    end = max(clause_start, q.start - 80) + cut
    floor = max([r.sentence[0]] + [x.end for x in r.qs if x.end <= end])  # never a number's own words
    if elliptic and _TWO_CLAUSES.search(text, floor, end):
        return None  # "fewer are looked after and more are supported ...; from 615": which one changed?
    back = backward_phrase(text, floor, Quantity(end, end, "", 0, None, q.unit))
    return back if back and measure_terms(text[back.start : back.end]) else None
