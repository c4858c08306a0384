"""The unit, subject and kind parts of the support check (selection.py): a figure answers only in the unit,
for the place and of the kind the question asks; and the words that merely restate a figure's unit.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from qa_assistant.figures.concepts import match_concept, passive_participles
from qa_assistant.figures.extra_amounts import extra_asked_and_given
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.subjects import same_authority
from qa_assistant.figures.terms import (
    YEARLY,
    counting_terms,
    lexicon,
    measure_terms,
    phrase_pattern,
    stem_list,
    terms,
)
from qa_assistant.figures.when_words import empty_terms
from qa_assistant.models import Figure

if TYPE_CHECKING:
    from qa_assistant.figures.support_context import FigureContext

RATE_UNITS = ("per_10000", "per_1000", "per_100000", "rate")
MONEY_UNITS = ("gbp", "gbp_per_week", "gbp_per_year")
DURATION_UNITS = ("days", "weeks", "months", "years")
_UNIT_OK = {
    "count": ("count",),
    "rate": RATE_UNITS,
    "per_10000": ("per_10000", "rate"),
    "percent": ("percent",),
    "money": MONEY_UNITS,
    "money_week": ("gbp_per_week",),
    "money_year": ("gbp_per_year",),
    "duration": DURATION_UNITS,
}


# "charged in one year", "a year", "annual": money over a span far longer than a week
_OVER_A_YEAR = re.compile(
    rf"{YEARLY.pattern}|\b(?:in|over|across|during)\s+(?:one|a|a\s+single|a\s+full|the\s+whole)\s+(?:year|"
    r"12[\s-]months?|twelve[\s-]months?)\b|\b(?:each|every)\s+year\b|\byearly\b",
    re.I,
)


def unit_ok(asked: str | None, unit: str, question: str = "") -> bool:
    """ "Rate" asks for a rate per 10,000 or a percentage rate ("re-referral rate 21%"); the question's own
    "per 10,000" is read as the unit "per_10000" and stays strict. An amount asked over a year ("How much was
    the council charged in one year?") is never a weekly one ("£15,000 per child, per week")."""
    if asked == "rate" and unit == "percent":
        return True
    if asked == "money" and unit == "gbp_per_week" and _OVER_A_YEAR.search(question):
        return False
    return asked is None or unit in _UNIT_OK.get(asked, (asked,))


_MONEY_NAMED = re.compile(r"£|\b(?:money|pounds|cash|million|thousand|£?\d+k|\d+m)\b", re.I)


# "1 in 71", "one in five", "three out of four": a share written as a count of a count
_COUNT_OF_COUNT = re.compile(
    r"^\s*(?:\d+|[a-z]+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d[\d,]*|[a-z]+)\s*$", re.I
)


OTHER_UNIT = "another unit"  # a Support note: answers only when no figure in the unit asked does


def unit_also_ok(r: Reading, f: Figure) -> bool:
    """A figure of another unit that still answers: a change in per cent for a change in what money costs
    (change_in_percent), or a share the paper writes as a count of a count ("1 in 71 children who received early
    help went on to have a plan") for "how many"."""
    return change_in_percent(r, f) or (
        r.unit == "count" and f.unit == "percent" and bool(_COUNT_OF_COUNT.match(f.value_text))
    )


def change_in_percent(r: Reading, f: Figure) -> bool:
    """ "By how much had the cost of residential placements risen?": a change in what money costs may be
    answered by the change the paper gives in per cent ("increased by 28 per cent"), unless the question
    asks for money as such ("by how many pounds", "by how much money")."""
    return (
        r.unit == "money"
        and r.figure_kind == "change"
        and f.kind == "change"
        and f.unit == "percent"
        and not _MONEY_NAMED.search(r.question)
        # the per-cent figure is of money ("The cost of residential placements has increased by 28 per cent"),
        # not of a count standing beside it ("The number of placements has risen by 28%")
        and bool(set(f.terms) & (stem_list("money_words") | _SPEND_TERMS))
        and not _COUNT_HEAD.match(f.phrase)
    )


# "The number of residential placements costing more than £5,000 a week has risen by 28%": a count, whatever
# money its words name
_COUNT_HEAD = re.compile(r"\s*(?:the\s+)?(?:total\s+)?(?:number|numbers|count)\s+of\b", re.I)


_SPEND_TERMS = frozenset({"spend", "spent", "expenditur", "overspend", "budget"})


def subject_ok(r: Reading, f: Figure) -> bool:
    """The figure is for the place asked about (another council matched by its name), not just any place."""
    if r.subject.kind != f.subject:
        return False
    if f.subject == "region":  # "the North East" is not "the East Midlands"; "the region" may be either
        a, b = (" ".join(re.split(r"[\s-]+", n.lower())) for n in (r.subject.name, f.subject_name))
        return a == b or "region" in a or "region" in b or not a or not b
    if f.subject != "other":
        return True
    return same_authority(r.subject.name, f.subject_name)


def kind_ok(asked: str, f: Figure, question: str = "", before_value: str = "") -> bool:
    """The figure is of the kind asked (a level, change, target or forecast); a money forecast is a level, and
    a part of a breakdown ("an overspend of £5.6m attributable to social care") answers as a level does, as does
    an extra amount asked as one (before_value: the sentence's text before the figure)."""
    if asked == "level":
        if f.kind == "change" and extra_asked_and_given(question, before_value):
            return True
        return f.kind in ("level", "part") or (f.kind == "forecast" and f.unit in MONEY_UNITS)
    if asked == "forecast":
        return f.kind in ("forecast", "level", "part")
    return f.kind == asked


@lru_cache(maxsize=1)
def _one_word_denominators() -> frozenset[str]:
    """What a rate is per 10,000 of, written as one word ("population", "residents"; not "children aged under
    5", whose age narrows it)."""
    return frozenset(t for entry in lexicon()["rate_denominators"] if " " not in entry for t in terms(entry))


def unit_terms(unit: str) -> frozenset[str]:
    """Words that only restate a figure's unit ("costs" of a money figure), never a different measure."""
    if unit.startswith("gbp"):
        return stem_list("money_words") | per_period_terms(unit)
    if unit == "percent":
        return stem_list("percent_words")
    if unit in RATE_UNITS:  # ("139 per 10,000 in the population": what it is per 10,000 of, in one word)
        return stem_list("rate_words") | _one_word_denominators()
    if unit == "ordinal":
        return stem_list("position_words")
    return frozenset()


def per_period_terms(unit: str) -> frozenset[str]:
    """ "£3.6M per year" asked as "the annual cost": a weekly or yearly amount's period words are its unit."""
    if unit == "gbp_per_week":
        return stem_list("per_week_words")
    return stem_list("per_year_words") if unit == "gbp_per_year" else frozenset()


@lru_cache(maxsize=1024)
def money_words_asked(question: str) -> frozenset[str]:
    """ "Up to what percentage of Council Tax COSTS ...": money words the question writes are taken out of its
    measure as unit words, so the same words in the figure's phrase ask nothing more. Cached: asked per figure."""
    return stem_list("money_words") & frozenset(terms(question))


# a breakdown's catch-all row: "Other - 3", "Others", "All other reasons", "Not known"
_REMAINDER = re.compile(
    r"(?:all\s+|any\s+)?(?:other|others|remaining|rest|not\s+known|unknown|not\s+recorded)(?:\s+[\w/'’-]+){0,2}",
    re.I,
)
_REMAINDER_ASKED = re.compile(r"\b(?:other|others|remaining|rest|unknown|not\s+known|not\s+recorded)\b", re.I)


def unasked_remainder(f: Figure, question: str) -> bool:
    """A breakdown's catch-all part ("The reasons were: ... Other - 3") answers only a question about that
    remainder: its label says nothing the question could be asked against, and it is never the total."""
    return (
        f.kind == "part"
        and bool(_REMAINDER.fullmatch(f.phrase.strip()))
        and not _REMAINDER_ASKED.search(question)
    )


def answers_a_quoted_question(f: Figure) -> bool:
    """ "5. What is your annual spend on in-house fostering?" above "• 2021/22: 1,576,301": a value whose words
    are a question the paper quotes (list_items.lead_in) answers exactly that question."""
    return f.context.rstrip().endswith("?")


# "the draft revenue budget for the council covering £116m", "the council's overall budget of £143m": money for
# the whole council
_WHOLE_COUNCIL = re.compile(
    r"\b(?:for|across)\s+the\s+(?:whole\s+)?(?:council|authority)\b|\bcouncil[- ]wide\b|"
    r"\bthe\s+(?:council|authority)['’]s\s+(?:overall\s+|total\s+|net\s+|whole\s+)*(?:revenue\s+)?budget\b",
    re.I,
)


@cache
def service_pattern() -> re.Pattern[str]:
    """The names of the service everything here belongs to ("children's services", "social care"), compiled
    once: the support check reads them for every figure."""
    return phrase_pattern(lexicon()["domain_phrases"])


def service_scope_terms(r: Reading, sentence_text: str) -> frozenset[str]:
    """ "the overspend projected for Haringey's children's services": money asked of the service everything here
    belongs to names whose money it is (checked by whole_council_for_a_service), not a narrower measure, so a
    "Children's placements" line of the breakdown below does not take the word from the whole."""
    # not where the sentence writes the service itself ("an overspend of £9.8m, of which £5.2m relates to
    # children's services"): there the service's words are another number's
    if r.unit != "money" or service_pattern().search(sentence_text):
        return frozenset()
    return asked_service_terms(r.question)


@lru_cache(maxsize=256)
def asked_service_terms(question: str) -> frozenset[str]:
    """The terms of the service everything here belongs to, as a question names it ("children's social care")."""
    return frozenset(t for m in service_pattern().finditer(question) for t in measure_terms(m.group(0)))


def unstated_service_terms(r: Reading, around: FigureContext) -> frozenset[str]:
    """ "How many assessments did Redbridge children's social care carry out?": the service everything here
    belongs to, named by a question but not by the figure's sentence, says whose figure it is, not a narrower
    measure, when the paper names it and no other care service (a council-wide report with an adult social
    care section does not), and the sentence does not speak for the whole council ("The council employed 4,213
    staff"). Not for money: the council's whole budget or savings are not the service's."""
    if r.unit is None or r.unit.startswith("money") or service_pattern().search(around.sentence_text):
        return frozenset()
    if around.document & stem_list("other_services") or _THE_WHOLE_COUNCIL.search(around.sentence_text):
        return frozenset()
    asked = asked_service_terms(r.question)
    return asked if asked <= around.document else frozenset()


_THE_WHOLE_COUNCIL = re.compile(rf"{_WHOLE_COUNCIL.pattern}|\b(?:the|our)\s+(?:council|authority)\b", re.I)


def whole_council_for_a_service(question: str, f: Figure, sentence_text: str) -> bool:
    """Money asked for a service ("spend on children's services") is not the whole council's budget that the
    figure's sentence gives, unless that sentence names the service too."""
    if not f.unit.startswith("gbp"):
        return False
    service = service_pattern()
    return bool(service.search(question) and _WHOLE_COUNCIL.search(sentence_text)) and not service.search(
        sentence_text
    )


@cache
def never_narrower() -> frozenset[str]:
    """Words in a figure's phrase that never make it a narrower measure than the one asked: those that never
    say what a number counts (when_words.empty_terms: counted nouns, scaffolding, how it was told), who holds or
    rates it ("the department overspent by £5.4m", "rated good by Ofsted") and the limit a share is within
    ("within the 20-week deadline")."""
    return empty_terms() | stem_list("who_words") | stem_list("limit_words")


def subject_terms(f: Figure) -> frozenset[str]:
    """ "Gateshead FTEs": the place a figure is for names whose figure it is (checked apart), not what it
    counts."""
    return frozenset(measure_terms(f.subject_name)) if f.subject_name else frozenset()


def forecast_words(f: Figure) -> frozenset[str]:
    """ "a 43-bedded complex expected to be ready by October": a forecast's own cue says what kind of figure it
    is (checked apart, kind_ok), not a narrower measure."""
    return stem_list("forecast_cues") if f.kind == "forecast" else frozenset()


def names_no_measure(r: Reading) -> bool:
    """The question's words say nothing a figure could be checked against: only counted nouns and ubiquitous
    words, and no concept, not even one that says what money is for ("the average cost of a child in care")."""
    q = frozenset(r.measure_seq)
    return not q or (
        r.concept is None
        and not q - counting_terms() - stem_list("ubiquitous")
        and match_concept(r.measure_seq) is None
    )


_TOTAL = re.compile(r"\b(?:total|overall|altogether|in\s+all|combined)\b", re.I)


def only_a_total(r: Reading, f: Figure, q_left: frozenset[str]) -> bool:
    """ "The total number was 161", answering a request for special guardianship orders to three kinds of carer:
    a figure whose own words say only that it is the total does not answer a question for one part (words
    beyond the asked concept that the figure's phrase leaves out), whatever the lines around it list."""
    if not r.concept or f.terms or not _TOTAL.search(f.phrase):
        return False
    return bool(q_left & r.concept.leftover - passive_participles(r.question))  # "were granted" names no part
