"""Judging what an entity question's sentences offer: whether a candidate fits the dates asked and says more
than the question; whose paper it comes from; which candidate a sentence gives; and the answer's own words
(whether a person holds the post asked is in entity_posts.py).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from qa_assistant.answering.entity_extremes import in_own_clause
from qa_assistant.answering.entity_finder import Found, find_people
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.subjects import Subject, find_subject_mentions
from qa_assistant.figures.terms import measure_terms
from qa_assistant.models import EntityValue
from qa_assistant.settings import weight
from qa_assistant.text.date_patterns import WEEKDAY
from qa_assistant.text.dates import find_dates


def title_day(title: str) -> dt.date | None:
    """The meeting day a paper's title gives ("Minutes of 7 August 2018"), when its meeting date is unknown."""
    days = [d.first for d in find_dates(title) if d.kind == "day"]
    return days[0] if days else None


def fits_dates(c: Found, r: Reading) -> bool:
    """A date answer to "When did the 2021 visit take place?" must fall in 2021; to "When was the letter on
    the March 2022 visit published?", on or after March 2022 (what is published about an event comes after it)."""
    if c.type != "date" or r.date_start is None:
        return True
    found = find_dates(c.detail or c.text)
    if not found and re.search(r"\d", c.text) and not _NAMES_A_THING.search(r.question):
        # a day whose year nothing gives ("Friday 8 March") is no answer for a year or period asked ("when in
        # 2019"), unless the date names the thing ("approve the 2024/2025 budget"), not when
        return False
    if _PUBLISHED.search(r.question):
        return not found or any(r.date_start <= d.last for d in found)
    if r.date_names_paper:  # "according to the January 2018 Panel": what it reports is from then or before
        return not found or any(d.first <= r.date_end for d in found)
    return not found or any(d.first <= r.date_end and r.date_start <= d.last for d in found)


# a financial year before what was set for it names the thing ("approve the 2024/2025 budget"), not when
_NAMES_A_THING = re.compile(
    r"\b\d{4}[/-]\d{2,4}\s+(?:budget|plan|strategy|accounts?|settlement|programme|statement|precept)s?\b",
    re.I,
)
# "When was it published?", "On what date did Ofsted publish its report?": the verb in any form
_PUBLISHED = re.compile(r"\b(?:publish(?:ed|es)?|issued|released|letter)\b", re.I)
_PUBLISHING = re.compile(
    r"\b(?:published|publication|issued|released|letter|dated|sent|wrote|written)\b", re.I
)


def dated_as_published(c: Found, sentence: str, question: str) -> bool:
    """A date answer to "When was the letter on the March 2022 visit published?" is one the sentence gives as
    a publishing date ("the outcome letter published on 13 May 2025", "a letter dated 6 May"), not the
    visit's own ("Ofsted's Monitoring Visit on 29/30 March 2022")."""
    if c.type != "date" or not _PUBLISHED.search(question):
        return True
    if _PUBLISHING.search(sentence[max(0, c.start - _DATE_LEAD_CHARS) : c.start]):
        return True
    # further back, only with "on" or "dated" right before the day and no period or other event between ("The data
    # released by the DfE for the period up to 31 March 2024" gives a period's end, not a release date)
    far = _PUBLISHING.search(sentence[max(0, c.start - _PUBLISHING_LEAD_CHARS) : c.start])
    if far and _ON_THE_DAY.search(sentence, 0, c.start) and not _A_PERIOD.search(far.string, far.end()):
        return True
    # "On 8 May 2019, Ofsted published": a day opening the clause whose verb publishes
    return bool(_OPENS_CLAUSE.search(sentence, 0, c.start) and _THEN_PUBLISHED.match(sentence, c.end))


_ON_THE_DAY = re.compile(r"\b(?:on|dated)\s+$", re.I)
# a period's end or another event's day after the publishing word ("for the period covering the year ending on")
_A_PERIOD = re.compile(r"\b(?:period|up\s+to|covering|between|from|end(?:ed|ing)?)\b", re.I)
# a day opening its sentence or clause (not "Following the visit on 12 March 2024, Ofsted published its letter")
_OPENS_CLAUSE = re.compile(rf"(?:^|[;:]\s*|,\s*(?:and\s+)?|\band\s+)(?:On\s+|on\s+)?(?:{WEEKDAY},?\s+)?$")
# "On Wednesday 8 May 2019, Ofsted published the findings": a day opening the clause whose verb publishes
_THEN_PUBLISHED = re.compile(
    r",\s*(?:the\s+)?(?:[A-Z][\w'’]*\s+){1,4}(?:has\s+|had\s+)?(?:published|issued|released|wrote)\b"
)


def term_coverage(
    terms: set[str], sentence: str, before: str, answered: frozenset[str] = frozenset()
) -> float:
    """The share of the question's words the sentence (or the text just before it) holds: a sentence answers
    only if it is about what was asked, not merely because it holds a name. answered: the words of the kind
    of thing asked for ("which company"), which the answer itself stands for: counted when written, not
    missed when not ("Clinical Property Group Limited wants to use a property in Hemlington ...")."""
    here = set(measure_terms(sentence)) | set(measure_terms(before))
    asked = len(terms) - len((answered & terms) - here)
    return len(terms & here) / asked if asked > 0 else 0.0


def says_something_asked(sentence: str, terms: set[str]) -> bool:
    """ "Read more: ... crashed Land Rover into Co op" under an article about the home a which-company question
    asks of: the text around it covers the question, but a name is taken only from a sentence that itself
    says something the question asks about."""
    return bool(terms & set(measure_terms(sentence)))


def restates_question(text: str, terms: set[str], grade_asked: str = "") -> bool:
    """'Which board?' answered with the board the question already names is no answer; nor is the council's
    own name ("What is Middlesbrough's Children in Care Council called?" -> not "Middlesbrough Council"). A
    grade asked for (grade_asked: the question) may share its words ("children who need help": "Requires
    improvement"), unless the question names that grade itself."""
    if grade_asked and text.lower() not in grade_asked.lower():
        return False
    own = set(measure_terms(text))
    return not own or own <= terms


def written_in(c: Found, question: str) -> bool:
    """A name of two words or more, or a date, that the question itself writes ("Which provider won our
    Children's Provision of Supported Accommodation contract?", "When was Council to consider the 2026/27
    budget?") is what it asks about, not the answer."""
    name = " ".join(c.text.lower().replace("’", "'").split())
    if len(name.split()) < 2 and c.type != "date":
        return False
    return bool(
        re.search(
            rf"(?<![\w/-]){re.escape(name)}(?![\w/-])", " ".join(question.lower().replace("’", "'").split())
        )
    )


# "had now been renamed and were now called ‘We matter’": the name a thing is given, right after the words
# giving it (not one it had before)
_NAMED_AS = re.compile(
    r"\b(?:called|named|renamed|re-named|known\s+as|titled|branded|rebranded)(?:\s+(?:as|to))?\s*[‘'\"“]?$",
    re.I,
)


_DATE_LEAD_CHARS = 40
# "Ofsted had published their findings by way of Report on 15 April 2020": what was published may stand between
_PUBLISHING_LEAD_CHARS = 60
_DATE_TAIL_CHARS = 100
_RANGE_START = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*$", re.I)
_CLAUSE_BREAK = re.compile(r"[,;]|\s(?:and|with|while|but|then)\s", re.I)
# a date closed by a comma, opened by one right before the words bounding it ("..., to 20 November 2023, ...")
_IN_AN_ASIDE = re.compile(r"\s*,")
_BOUND_ONLY = re.compile(r"\s*(?:(?:up\s+)?to|until|till|as\s+at|as\s+of)\s*", re.I)
_DAY_LEAD_CHARS = 80  # "setting out the following position at Quarter One (30 June 2025)"


def said_of(c: Found, sentence: str, terms: set[str]) -> bool:
    """Whether the words just before a date, or after it up to the next date ("On Wednesday 8 May 2019, Ofsted
    published the findings of its February inspection"), say something the question asks: a day given for
    another event ("... in February 2019 and published its report on 8 May 2019", asked when it inspected; "The
    Board met on 12 June 2018", asked when it was established) is not the one asked."""
    after = sentence[c.end : c.end + _DATE_TAIL_CHARS]
    next_date = find_dates(after)
    after = after[: next_date[0].start] if next_date else after
    before = sentence[max(0, c.start - _DAY_LEAD_CHARS) : c.start]
    earlier = [d for d in find_dates(before) if d.kind != "quarter"]  # ("at Quarter One (30 June 2025)")
    before = before[earlier[-1].end :] if earlier else before
    before = _RANGE_START.sub("", before)  # ("on 14 and 15 December 2021": one range)
    clauses = _CLAUSE_BREAK.split(before)  # "... established after the inspection | and held ... on"
    before = clauses[-1]
    if len(clauses) > 1 and _IN_AN_ASIDE.match(sentence, c.end) and _BOUND_ONLY.fullmatch(before):
        before = clauses[-2] + before  # "Attendance Data for this year, to 20 November 2023, was": an aside
    near = before + " " + after
    return bool(terms & set(measure_terms(near)))


_DOER_WORDS = 3  # "The Junction also delivered": the verb stands within this many words after its doer


def _next_words(sentence: str, end: int) -> str:
    return " ".join(sentence[end:].split()[:_DOER_WORDS])


def pick(
    candidates: list[Found],
    terms: set[str],
    sentence: str,
    does: frozenset[str] = frozenset(),
    superlative: str = "",
) -> Found:
    """The candidate whose role or neighbourhood holds the question's words; else the first. A quoted name
    ("“We Matter” (Middlesbrough's Children in Care Council)") is the name the paper gives; one the asked verb
    follows ("The Junction also delivered ...") is the one that does what was asked; one whose own clause says
    the degree asked ("whereas the most expensive is Triangle Care Group") is the one singled out."""

    def score(c: Found) -> float:
        near = sentence[max(0, c.start - 60) : c.end + 60] + " " + (c.role or "")
        if c.type == "date":  # "between 24 March and 28 March, with the letter published on 13 May": what a
            near = sentence[max(0, c.start - _DATE_LEAD_CHARS) : c.start]  # date is of is said just before it
        quoted = (
            _W("quoted_name_bonus")
            if c.type == "name" and c.start > 0 and sentence[c.start - 1] in "‘'\"“"
            else 0.0
        )
        quoted += (
            _W("known_as_bonus") if c.detail == "known as" else 0.0
        )  # what the paper says it is "known as"
        doer = _W("doer_bonus") if does & set(measure_terms(_next_words(sentence, c.end))) else 0.0
        doer += _W("superlative_bonus") if in_own_clause(c, sentence, superlative) else 0.0
        return (
            doer
            + len(terms & set(measure_terms(near)))
            + (_W("role_bonus") if c.role else 0.0)
            + quoted
            - _W("role_only_penalty") * c.role_only
            - _W("position_penalty_per_char") * c.start
        )

    named = [c for c in candidates if c.type == "name" and _NAMED_AS.search(sentence[: c.start])]
    return max(named or candidates, key=score)


def sentence_for(v: EntityValue) -> str:
    """One answer in words, with its role or full date, its paper and the sentence quoted, so it can be checked."""
    role = f" ({v.role})" if v.role else f" ({v.detail})" if v.detail else ""
    c = v.citation
    return (
        f"{v.text}{role}: {c.title}, {c.committee or 'committee not stated'}, meeting {c.meeting_date_label} "
        f"(\u201c{c.quote}\u201d)."
    )


def _W(name: str) -> float:
    return weight("entity_candidate", name)


def about_subject(whose: Subject, near: str, subject: Subject, question: str) -> bool:
    """Whether a who / which answer may come from this paper: for this council, a paper about it or a passage
    naming it; for another council, likewise for that council (another council's chair is not the one asked).
    A question naming this council and another ("the North Yorkshire approach Middlesbrough adopted") may be
    answered from either."""
    if subject.kind not in ("own", "other") or _names_both(question):
        return True
    if (whose.kind, whose.name) == (subject.kind, subject.name):
        return True
    return any(
        (m.subject.kind, m.subject.name) == (subject.kind, subject.name) for m in find_subject_mentions(near)
    )


@lru_cache(maxsize=1024)
def _names_both(question: str) -> bool:
    kinds = {m.subject.kind for m in find_subject_mentions(question)}
    return "own" in kinds and "other" in kinds


def said_of_another(
    before: str, sentence: str, terms: set[str], best: Found, names: frozenset[str] = frozenset()
) -> bool:
    """ "Her Honour Judge Matthews QC was unable to attend ... due to being listed in court. ... The Head of
    Assessment ... were in attendance": the question's words a sentence giving only a post leaves out are said,
    just before it, of a named person, so that person (not this post) is the one asked about."""
    # the names a question gives ("the Corporate Parenting Board") are written near its chair, not the one asked
    missing = terms - set(measure_terms(sentence)) - names
    if not missing:
        return False
    for earlier in re.split(r"(?<=[.!?])\s+", before.strip())[-2:]:
        if not missing & set(measure_terms(earlier)):
            continue
        if any(not p.role_only and p.text.lower() != best.text.lower() for p in find_people(earlier)):
            return True
    return False


# "according to Eleanor Brazil's initial report to the Children's Minister": the post a paper was sent to
_SENT_TO_BEFORE = re.compile(
    r"\b(?:(?:report|reports|reported|reporting|sent|submitted|presented|written|letter|addressed|copied|referred|"
    r"escalated)\s+to|(?:prepared|written|produced|commissioned)\s+for)\s+(?:the\s+)?$",
    re.I,
)
_ASKS_RECIPIENT = re.compile(r"\b(?:to|for)\s+whom\b|^\s*(?:to|for)\s+which\b|\b(?:to|for)\s*\?\s*$", re.I)


def a_recipient(c: Found, sentence: str, question: str) -> bool:
    """Whether a person or post stands right after what was sent, reported or written to or for them, when the
    question asks who did something, not to whom ("Who was the report sent to?"). Only those verbs: "handed over
    to Sarah Jones, Head of Fostering, who presented", "according to" and "the award went to" name the one
    asked about."""
    return (
        c.type == "person"
        and bool(_SENT_TO_BEFORE.search(sentence[max(0, c.start - 24) : c.start]))
        and not _ASKS_RECIPIENT.search(question)
    )
