"""What a question counts, in its own words and as a concept, and in which unit: the words left when its
dates, places, occasions and question scaffolding are taken out ("How many children were looked after in
December 2018?" -> "children looked after", a count).
"""

from __future__ import annotations

import re

from qa_assistant.figures.concepts import (
    ConceptMatch,
    match_concept,
    passive_participles,
    reported_in,
    synonym_positions,
)
from qa_assistant.figures.question_cohort import measure_of_the_cohort
from qa_assistant.figures.question_intent import asks_position, position_word_spans
from qa_assistant.figures.question_kind import CHANGE
from qa_assistant.figures.terms import (
    LIGHT_VERB,
    UNIT_TEXT,
    WEEKLY,
    YEARLY,
    lexicon,
    measure_terms,
    phrase_pattern,
    scaffold_terms,
)
from qa_assistant.text.date_patterns import DATE_EDGE
from qa_assistant.text.numbers import PER_BASE, rate_unit
from qa_assistant.text.quantity import MULTIPLE_WORDS

# "What payment did the panel recommend?" asks an amount (not "Beyond an apology and a payment, what ...?")
_WHAT_PAYMENT = re.compile(
    r"\bwhat\s+(?:[\w'’-]+\s+)?(?:payments?|compensation)\b(?!\s+(?:frequency|method|methods|type|types|schedule|"
    r"arrangements?|process|date|dates|review|system|policy|terms|plan|timescales?|options?)\b)",  # "payment frequency"
    re.I,
)
_DURATION = re.compile(
    r"\bhow long\b|\bhow many (?:days|weeks|months|years)\b|\bduration\b|\blength of time\b", re.I
)
# "Of North Tyneside's children in care, how many lived in fostering households?": the measure is the part asked
# for, after the comma; the whole it is taken from only says which group (and whose, and when).
_OF_WHOLE = re.compile(
    r"^\s*(?:of|among|out\s+of)\s+(?P<whole>[^,?]{3,160}),\s*(?=(?:how\s+many|how\s+much|what\s+(?:share|"
    r"proportion|percentage|per\s?cent|number|fraction))\b)",
    re.I,
)
_WORD_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)"
_HOW_MANY = re.compile(r"\bhow many\b(?!\s+(?:pounds|£))", re.I)


_MULTIPLE_ASKED = re.compile(
    rf"\bhow\s+many\s+times\s+{MULTIPLE_WORDS}\b|\bby\s+what\s+(?:factor|multiple)\b|\bwhat\s+multiple\b",
    re.I,
)
# "What hourly rate did the council pay agency social workers?": a rate of pay is money
_PAY_RATE = re.compile(r"\b(?:hourly|day)\s+rates?\b|\brates?\s+of\s+pay\b|\bpay\s+rates?\b", re.I)


_PER_BASE_ASKED = re.compile(rf"\b(?:per|(?:out\s+of|of|in)\s+every)\s+({PER_BASE})\b", re.I)


def question_unit(question: str) -> str | None:
    """The unit a question asks in ("how many" a count, "what proportion" a percentage, "how much" money), so a
    figure in another unit is never given as its answer."""
    lx = lexicon()
    if asks_position(question):
        return "ordinal"  # "where did it rank?": a position in an order, never a count
    if _MULTIPLE_ASKED.search(question):
        return "multiple"  # "how many times more likely": a multiple, never a count
    if phrase_pattern(lx["percent_words"]).search(question) or "%" in question:
        return "percent"
    per = _PER_BASE_ASKED.search(question)
    if per:  # "per 10,000", "per 100,000 residents" ask for exactly that: a percentage "rate" will not do
        return rate_unit(per.group(1))
    if _PAY_RATE.search(question) and not _HOW_MANY.search(question):
        return "money"
    if phrase_pattern(lx["rate_words"]).search(question):
        return "rate"
    if _HOW_MANY.search(question) and not _DURATION.search(question):
        return "count"  # "how many children ... in the 'care costs' story": a count, whatever else it names
    how_much = (
        re.search(r"\bhow much\b", question, re.I)
        and not re.search(r"\bby how much\b", question, re.I)
        and not CHANGE.search(question)
    )
    money = (
        phrase_pattern(lx["money_words"]).search(question)
        or "£" in question
        or how_much
        or _WHAT_PAYMENT.search(question)
    )
    if (
        money
        or re.search(
            r"\b(?:budget|overspend|underspend|overspent|underspent|overr[ua]n|saving|savings|spend|spent|outturn|"
            r"allowance|fee|funding|grant)\b",
            question,
            re.I,
        )
        and re.search(r"\bhow much\b|\bwhat\b", question, re.I)
    ):
        if WEEKLY.search(question):
            return "money_week"
        if YEARLY.search(question) and re.search(r"\b(?:cost|fee|allowance|pay|paid)\b", question, re.I):
            return "money_year"
        return "money"
    if _DURATION.search(question):
        return "duration"
    if re.search(r"\bby how much\b", question, re.I):
        return None  # "by how much has the number of children in care increased": by 87, or by 14 per cent
    if phrase_pattern(lx["count_words"]).search(question):
        return "count"
    return None


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """text with each span replaced by as many spaces, so every other offset still points where it did."""
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _strip(question: str, spans: list[tuple[int, int]]) -> str:
    """The question with each span replaced by a space (spans may overlap: a date inside an occasion)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = question
    for s, e in reversed(merged):
        out = out[:s] + " " + out[e:]
    return out


def _with_date_edges(question: str, date_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "at the end of Q3 2023/24": "end" says when, not what; the words before a date that only place it
    within its period are part of the date."""
    out = []
    for s, e in date_spans:
        m = DATE_EDGE.search(question[max(0, s - 30) : s])
        out.append((s - len(m.group(0)) if m else s, e))
    return out


# "children (under 18 years old)", "children aged 0-17": a child is under 18, so the age adds nothing asked
_CHILDHOOD = re.compile(
    r"\b(child(?:ren)?)\s*\(?\s*(?:aged\s+)?(?:under(?:\s+the\s+age\s+of)?\s+18|0\s*(?:-|–|to)\s*17)"
    r"(?:\s+years?(?:\s+old)?)?\s*\)?",
    re.I,
)


def measure_words(
    question: str, date_spans: list[tuple[int, int]], subject_spans: list[tuple[int, int]]
) -> tuple[str, list[str]]:
    """The question's measure, as words and as terms: what is left once its dates, places and occasions,
    unit words and question scaffolding are gone, since only those words say what is counted."""
    whole = _OF_WHOLE.match(question)
    asked_part = [(whole.start("whole"), whole.end("whole"))] if whole else []
    unit_spans = asked_part + position_word_spans(
        question
    )  # "Of the 153 children, how many", "where ... rank"
    rest = _strip(question, _with_date_edges(question, date_spans) + subject_spans + unit_spans)
    rest = UNIT_TEXT.sub(" ", rest)  # "per 10,000 under-18s": the unit, with what it is per 10,000 of
    rest = _CHILDHOOD.sub(r"\1 ", rest)
    lx = lexicon()
    for key in ("rate_words", "percent_words", "count_words", "money_words", "average_words"):
        rest = phrase_pattern(lx[key]).sub(" ", rest)
    rest = re.sub(r"\bhow\s+(?:high|low|big|large|long)\b", " ", rest, flags=re.I)
    rest = LIGHT_VERB.sub(" ", rest)  # "did the service carry out?" (terms.py)
    # "how did the number move during 2023/24": a trend, not a measure word
    rest = re.sub(
        r"\bmov(?:e|ed|ing)\s*(?=\b(?:during|over|between|since|through|across)\b|\?|$)",
        " ",
        rest,
        flags=re.I,
    )
    rest = re.sub(
        r"\b(?:how|what|which|who|when|is|are|was|were|did|does|do|the|there|by|much)\b",
        " ",
        rest,
        flags=re.I,
    )
    scaffold = scaffold_terms()
    # a number word stays as a duration's ("five working days") or a threshold's ("three or more placements")
    rest = re.sub(
        rf"\b{_WORD_NUMBER}\b(?!\s+(?:working\s+)?(?:hours?|days?|weeks?|months?|years?)\b|\s+or\s+more\b)",
        " ",
        rest,
        flags=re.I,
    )
    every = measure_terms(rest)
    in_synonym = synonym_positions(every)  # "came into care": scaffolding inside a concept's name stays
    seq = [t for i, t in enumerate(every) if t not in scaffold or i in in_synonym]
    words = [
        w
        for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", rest)
        if measure_terms(w) and not set(measure_terms(w)) <= scaffold
    ]
    return " ".join(words), seq


def _concept_reports(concept: ConceptMatch, unit: str) -> bool:
    """Whether the concept is ever reported in the unit asked (a rate per 10,000, money of any period). A "rate"
    may be a percentage ("fixed term exclusion rate of 14.89%"), as support_rules.unit_ok reads it."""
    if unit == "rate" and reported_in(concept.concept, "percent"):
        return True
    return reported_in(concept.concept, _unit_for_concept(unit))


def _unit_word_after_measure(question: str, measure_text: str) -> bool:
    """A unit word after the measure's first word qualifies something else in the question, not the measure."""
    first_measure_word = measure_text.split()[0] if measure_text else ""
    lx = lexicon()
    unit_words = phrase_pattern(lx["rate_words"] + lx["percent_words"] + lx["count_words"]).search(question)
    at = question.find(first_measure_word) if first_measure_word else -1
    return unit_words is not None and at >= 0 and unit_words.start() > at


MONEY_ASKED = ("money", "money_week", "money_year")


def _unit_for_concept(unit: str | None) -> str | None:
    """The question's unit in the catalogue's unit names, which concepts are matched with."""
    return {
        "money": "gbp",
        "money_week": "gbp_per_week",
        "money_year": "gbp_per_year",
        "rate": "per_10000",
        "duration": "days",
    }.get(unit or "", unit)


def unit_and_concept(
    question: str, measure_text: str, seq: list[str], given: list[tuple[int, int]] = ()
) -> tuple[str | None, ConceptMatch | None]:
    """The unit asked and the catalogue concept the measure names; a unit word that qualifies another part of
    the question, in a unit the concept is never reported in, is dropped rather than trusted. The unit is read
    from the words that ask, not those that name the source or state a figure (`given` spans)."""
    unit = question_unit(_strip(question, list(given)) if given else question)
    concept = match_concept(seq, _unit_for_concept(unit), passive_participles(question)) if seq else None
    if concept is not None and unit in MONEY_ASKED and not _concept_reports(concept, unit):
        # "the overspend on looked after children placements", "spend on temporary social workers": a money
        # question is about money; the children or staff it names say what the money is for, not what is
        # counted, so only a concept reported in money may be the one asked (or none, and the words are checked)
        concept = match_concept(
            seq, _unit_for_concept(unit), passive_participles(question), reported_in_unit=True
        )
    concept = measure_of_the_cohort(seq, _unit_for_concept(unit), question, concept)
    if (
        concept is not None
        and unit not in (None, "ordinal")  # (any measure may be ranked: "where did it rank for its rate")
        and not _concept_reports(concept, unit)
        and _unit_word_after_measure(question, measure_text)
    ):
        unit = None  # "What population estimate is the rate per 10,000 based on?": the rate is not asked
    return unit, concept
