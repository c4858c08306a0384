"""The phrases of a fraction's two numbers, when a verb after the whole says what the part is.

"62 of the 307 children in care in Southend as of March were placed more than 20 miles from home": 307
counts the children in care (the whole, up to the verb), and 62 counts those of them placed more than 20
miles away (the whole's words and what the verb says of them). Read the usual way, the whole took the part's
predicate ("24 of the 156 foster carers were connected carers" made 156 the connected carers) and the part
took whatever came before it ("the department of education revealed"). Without such a verb the usual
reading stands.
"""

from __future__ import annotations

import bisect
import re

from qa_assistant.figures.forward_phrases import forward_phrase
from qa_assistant.figures.kinds import fractions
from qa_assistant.figures.masks import mask_dates
from qa_assistant.figures.phrases import Phrase, trim_span
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.when_words import says_only_when
from qa_assistant.models import Figure

# the verb that says what the part of the whole is or did; not one a number follows ("were 24")
_PREDICATE = re.compile(
    r"\b(?:(?:were|was|are|is|have|has|had)(?:\s+been)?|had|have|has)\s+(?=[a-z])(?!the\b|a\b|an\b)", re.I
)
# what ends the predicate's clause: punctuation, a bracket, or another clause joined on
_CLAUSE_END = re.compile(r"[,;:.()]|\s[-–—]\s|\s(?:and|but|while|whilst|compared|against|which)\b", re.I)
# "not in education, employment or training": a list of nouns after a comma, up to punctuation, a date or
# time word, or the next clause
_LIST_GOES_ON = re.compile(
    r",\s*(?:[\w'’-]+\s+){0,3}?(?:or|and)\s+[\w'’-]+(?=\s*(?:[.;:),]|$)|\s+(?:in|at|by|on|during|as)\b)", re.I
)
_MAX_PREDICATE_CHARS = 80
_SAID_HERE = ("stated", "heading", "table")  # as-of bases the paper writes for the figure itself
# "had left care by March 2021": a date of the part's own, after a time word
_TIME_WORD_BEFORE = re.compile(
    r"\b(?:since|by|until|after|before|within)\s+(?:the\s+(?:end|start)\s+of\s+)?$", re.I
)


def fraction_phrases(r: SentenceReading) -> dict[int, Phrase]:
    """Number start -> its phrase, for both numbers of each "A of the B <whole> <verb> <predicate>" of the
    sentence: the whole's words before the verb for B, the whole's words and the predicate for A."""
    out: dict[int, Phrase] = {}
    parts = fractions(r.text, r.qs)
    for a, b in zip(r.qs, r.qs[1:]):
        if a.start not in parts:
            continue
        whole = forward_phrase(r.text, b, r.sentence[1], r.stops, r.thresholds)
        if whole is None:
            continue
        verb, relative = _predicate_verb(r.text, whole, min(r.sentence[1], whole.end + 80))
        if verb is None or not (relative or _only_when_between(r.text, whole.end, verb.start())):
            continue
        end = _CLAUSE_END.search(r.text, verb.end(), r.sentence[1])
        stop = end.start() if end else r.sentence[1]
        listed = _LIST_GOES_ON.match(r.text, stop)  # "not in education, employment or training"
        stop = listed.end() if listed and end and end.group(0) == "," else stop
        if stop - verb.end() > _MAX_PREDICATE_CHARS or stop <= verb.end():
            continue
        s, e = trim_span(r.text, whole.start, verb.start() if relative else min(verb.start(), whole.end))
        out[b.start] = Phrase(s, e, "forward")
        out[a.start] = Phrase(*trim_span(r.text, whole.start, stop), "forward")
    return out


def _predicate_verb(text: str, whole: Phrase, limit: int) -> tuple[re.Match[str] | None, bool]:
    """The first verb after the whole's noun that is not a relative clause's own ("children who are in care",
    "foster carers that the council has approved"), and whether such a clause was passed (it is the whole's)."""
    after = whole.start  # where the words after the last relative clause's verb start
    relative = False
    for m in _PREDICATE.finditer(text, whole.start, limit):
        if re.search(r"\b(?:who|that|which|whom)\b", text[after : m.start()], re.I):
            after, relative = m.end(), True
            continue
        return m, relative
    return None, relative


def _only_when_between(text: str, whole_end: int, verb_start: int) -> bool:
    """Nothing, or only words that say when ("as of March"), stand between the whole's words and the verb."""
    between = text[whole_end:verb_start].strip(" ,")
    if verb_start <= whole_end or not between:
        return True
    # "as of March" is a date the masks take whole; "in March" leaves its preposition
    return not re.sub(r"\b(?:in|on|at|by|as)\b", " ", mask_dates(between)).strip() or says_only_when(between)


def with_whole_facts(r: SentenceReading, figures: list[Figure]) -> list[Figure]:
    """A fraction's part is of the whole's place, and of the date the sentence states for the whole when it
    states none for the part ("62 of the 307 children in care in Southend as of March": both Southend's, both
    as of March; not the meeting's date)."""
    parts = fractions(r.text, r.qs)
    by_start = {f.start: f for f in figures}
    out: list[Figure] = []
    for f in figures:
        whole = next((by_start.get(b.start) for a, b in zip(r.qs, r.qs[1:]) if a.start == f.start), None)
        if f.start in parts and whole is not None:
            update = {"subject": whole.subject, "subject_name": whole.subject_name}
            # "12 of the 300 children in care in March 2020 had left care by March 2021": its own time
            own_time = _own_time(r, f.start)
            dated = f.as_of.basis in _SAID_HERE or whole.as_of.basis not in _SAID_HERE or own_time
            f = f.model_copy(update=update if dated else update | {"as_of": whole.as_of})
        out.append(f)
    return out


def _own_time(r: SentenceReading, part_start: int) -> bool:
    """A date the paper's date reader found after the part, in its sentence, that a time word introduces."""
    i = bisect.bisect_left(r.ctx.date_starts, part_start)
    for d in r.ctx.dates[i:]:
        if d.start >= r.sentence[1]:
            return False
        if _TIME_WORD_BEFORE.search(r.text, max(part_start, d.start - 24), d.start):
            return True
    return False
