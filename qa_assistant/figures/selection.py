"""Choose among candidate figures: a figure is stated only when its cited sentence SUPPORTS the question.

Supports means all of:
- unit: a count for "how many", a rate for "rate", a percentage for "what proportion", money for "how much";
- subject: the council's own figure unless the question names England, the region, the neighbours or another
  council (and then that one's);
- kind: a level unless the question asks for a change, a target or a forecast;
- measure: the figure's own phrase asks for nothing the question does not (its leftover terms would make it a
  different, narrower measure: "children who LEFT care", "children in FOSTER care"), the question asks for
  nothing the figure's sentence and context do not say, and if both name a catalogue concept it is the same
  one. Words that another number in the same sentence owns ("22 mainstream") do not support this number.
Dates are not part of support: the answer either matches the period asked for or says plainly that it gives the
nearest one. Every refusal carries a reason, so tests and logs can say why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from qa_assistant.figures.concept_words import ancestor_terms, concept_vocabulary, label_terms, names_concept
from qa_assistant.figures.concepts import ancestors, says_what_money_is_for
from qa_assistant.figures.exclusions import set_aside_terms
from qa_assistant.figures.explained_words import (
    acronym_spelled_out,
    age_words,
    question_acronyms,
    terms_of_words,
)
from qa_assistant.figures.living_with import counted_terms
from qa_assistant.figures.question_given import stated_whole_terms
from qa_assistant.figures.range_ends import asked_end_terms
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.shape_refusals import shape_refusal
from qa_assistant.figures.support_context import FigureContext, read_from_sentence, says_something_else
from qa_assistant.figures.support_rules import (
    OTHER_UNIT,
    kind_ok,
    names_no_measure,
    only_a_total,
    per_period_terms,
    service_scope_terms,
    subject_ok,
    unasked_remainder,
    unit_also_ok,
    unit_ok,
    unstated_service_terms,
    whole_council_for_a_service,
)
from qa_assistant.figures.support_score import Fit, fit_score, name_only_terms, own_word_share
from qa_assistant.figures.support_where import where_said
from qa_assistant.figures.terms import counting_terms, measure_terms, terms
from qa_assistant.figures.thresholds import is_number_term
from qa_assistant.figures.unasked_words import unasked_phrase_terms
from qa_assistant.models import Figure


@dataclass
class Support:
    """The verdict of a support check: whether the figure may be stated, why not, and how well it fits."""

    ok: bool
    reason: str
    score: float = 0.0
    notes: list[str] = field(default_factory=list)
    own_words: float = 0.0  # share of the question's words the figure's own phrase writes (own_word_share)


def phrase_terms(f: Figure) -> frozenset[str]:
    """The terms of the figure's own phrase: what it says it counts."""
    return frozenset(f.terms)


def context_terms(f: Figure) -> frozenset[str]:
    """The terms the figure was read with from around its phrase (its row or column label, its heading)."""
    return frozenset(f.context_terms)


def check(r: Reading, f: Figure, ctx: Callable[[Figure], FigureContext]) -> Support:
    """Does figure f's cited sentence support question reading r (dates aside)? The measure is checked first,
    so a refusal for unit, subject or kind means the measure itself was right (a near miss worth offering)."""
    measure = _measure_support(r, f, ctx)
    if not measure.ok:
        return measure
    refusal = shape_refusal(r, f, ctx(f))
    if refusal:
        return Support(False, refusal)
    if whole_council_for_a_service(r.question, f, ctx(f).sentence_text):
        return Support(False, "measure: the figure is the whole council's money, not the service asked about")
    if not unit_ok(r.unit, f.unit, r.question):
        if not unit_also_ok(r, f):
            return Support(False, f"unit: asked {r.unit}, figure is {f.unit}")
        measure.notes.append(OTHER_UNIT)
    if not subject_ok(r, f):
        return Support(False, f"subject: asked {r.subject.name}, figure is {f.subject_name or f.subject}")
    if not kind_ok(r.figure_kind, f, r.question, ctx(f).sentence_text[: f.start - f.sentence_start]):
        return Support(False, f"kind: asked {r.figure_kind}, figure is a {f.kind}")
    if f.kind == "forecast" and r.figure_kind != "forecast":
        measure.notes.append("forecast")
    return measure


@dataclass(frozen=True)
class _Terms:
    """A question's measure terms beside a figure's own, and what a concept both name explains of each."""

    q: frozenset[str]  # the question's measure
    p: frozenset[str]  # the figure's phrase
    c: frozenset[str]  # the figure's context words
    same_concept: bool
    explained_q: frozenset[str]
    explained_p: frozenset[str]


def _measure_support(r: Reading, f: Figure, ctx: Callable[[Figure], FigureContext]) -> Support:
    """The measure part of the check: the figure's phrase asks for nothing the question does not, and its
    sentence (or what is said around it) says everything the question asks."""
    q = frozenset(r.measure_seq) - asked_end_terms(r.question) - per_period_terms(f.unit)
    if names_no_measure(r):
        return Support(False, "measure: the question names no measure")
    q_concept = r.concept.concept.id if r.concept else None
    named: frozenset[str] = frozenset()
    if (
        f.concept_id
        and q_concept
        and f.concept_id != q_concept
        and not says_what_money_is_for(f.concept_id, f.unit)
    ):
        named = _also_names(f, q_concept, ctx, r.measure_seq)
        if not named:
            return Support(False, f"measure: asked {q_concept}, figure is {f.concept_id}")
    t = _measure_terms(r, f, q, q_concept, bool(named))
    if question_acronyms(r.question):
        t = _with_acronyms(t, r.question, ctx(f))
    refusal = _phrase_refusal(r, f, t, ctx(f))
    if refusal:
        return Support(False, refusal)
    return _sentence_support(r, f, ctx(f), t)


def _with_acronyms(t: _Terms, question: str, around: FigureContext) -> _Terms:
    """An acronym the question writes ("NEET") that the figure's sentence spells out explains both sides."""
    asked, spelled = acronym_spelled_out(question, around.sentence_seq, tuple(terms(around.sentence_text)))
    if not asked:
        return t
    return replace(t, explained_q=t.explained_q | asked, explained_p=t.explained_p | spelled)


def _also_names(
    f: Figure, q_concept: str, ctx: Callable[[Figure], FigureContext], asked: list[str]
) -> frozenset[str]:
    """A figure filed under another concept may still be of the one asked: its own phrase names that one too
    ("the budget for placements is forecast to overspend by £6.7m"), or, when the asked concept is a narrower
    kind of the figure's, its sentence does ("29% of care leavers were not in employment, education or training");
    not carers it is with ("90 with foster carers"). The terms that name it, or none; word checks still follow."""
    named = names_concept(q_concept, counted_terms(f.phrase, f.terms))
    if not named and f.concept_id in ancestors(q_concept):
        named = names_concept(q_concept, ctx(f).sentence_seq)
    if (
        not named
        and f.concept_terms
        and q_concept in ancestors(f.concept_id)
        and set(f.concept_terms) <= set(asked)
    ):
        # "How many children in care were in foster care?": the question names the figure's narrower kind too
        named = frozenset(f.concept_terms)
    return named


def _measure_terms(
    r: Reading, f: Figure, q: frozenset[str], q_concept: str | None, bridged: bool = False
) -> _Terms:
    """The terms both sides give, with the words a shared concept explains (its synonyms and ancestors), which
    never make either side ask for more than the other. When the figure's words name the asked concept though
    it was filed under another (bridged), the question's words for that concept are explained; the figure's
    own are not."""
    same_concept = bool(f.concept_id) and f.concept_id == q_concept
    explained_q: frozenset[str] = (
        # the concept's own name explains the question's words for it too ("social worker caseload")
        r.concept.matched | ancestor_terms(q_concept, r.measure_seq) | label_terms(q_concept)
        if same_concept or (bridged and r.concept is not None)
        else frozenset()
    )
    # a word of the concept's own synonyms never makes the figure a narrower measure of that concept
    # ("average social worker caseload" is a caseload)
    explained_p = (
        frozenset(f.concept_terms) | concept_vocabulary(f.concept_id) if same_concept else frozenset()
    )
    return _Terms(q, phrase_terms(f), context_terms(f), same_concept, explained_q, explained_p)


_ASKS_HOW_OFTEN = re.compile(r"\bhow\s+many\s+times\b|\bhow\s+often\b", re.I)


def _phrase_refusal(r: Reading, f: Figure, t: _Terms, around: FigureContext) -> str | None:
    """Why the figure's own phrase rules it out (it counts something else, a narrower measure, or nothing the
    question names), or None when it does not."""
    if (
        f.counted
        and r.unit == "count"
        and not t.q & (frozenset(measure_terms(f.counted)) | terms_of_words(f.counted))
        and not (f.counted == "times" and _ASKS_HOW_OFTEN.search(r.question))
    ):
        return f"measure: the figure counts {f.counted}, not {r.measure_text}"
    if unasked_remainder(f, r.question):
        return "measure: the figure is what is left of a breakdown ('other'), not what was asked"
    # a limit's phrase is its whole clause ("PCC also has 70 days to submit an improvement plan"): its other
    # words say whose limit it is, not a narrower measure
    p_left = (
        unasked_phrase_terms(f, t.p - t.q - t.explained_p, t.q, r, around.sentence_text)
        if f.kind != "limit"
        else None
    )
    if p_left:
        return f"measure: the figure counts {' '.join(sorted(p_left))} too, which was not asked"
    if not (t.q & (t.p | t.c)) and not t.same_concept and not read_from_sentence(f, around):
        return "measure: the figure's phrase shares no word with the question"
    return None


def _sentence_support(r: Reading, f: Figure, around: FigureContext, t: _Terms) -> Support:
    """The question's words that the figure's phrase leaves out must be said by its sentence (not owned by
    another number there), or near it, in the source's name or just before it; the score says how well."""
    own = t.p | t.c
    # the group a question sets aside may be another number's ("excluding the unaccompanied children (7)"),
    # when the sentence sets the same group aside
    aside = set_aside_terms(r.question)
    owned = around.owned
    if says_something_else(f, t.q, own, t.same_concept):
        owned |= around.owned_across_contrast
    others = (
        owned - own - (aside if aside and aside <= set_aside_terms(around.sentence_text) else frozenset())
    ) - around.owned_by_stated(r.question, f.value)
    in_sentence = own | (around.sentence - others)
    q_left = t.q - own - t.explained_q - counting_terms() - age_words(t.q) - unstated_service_terms(r, around)
    missing = (q_left - in_sentence) | (stated_whole_terms(r.question) - around.sentence)
    if only_a_total(r, f, q_left):
        return Support(
            False, f"measure: the figure is a total, not the part asked ({' '.join(sorted(q_left))})"
        )
    if around.line is not None:  # a list item: the ages or bands asked must be on its own line
        off_line = frozenset(filter(is_number_term, q_left)) - around.line
        if off_line:
            return Support(
                False, f"measure: {' '.join(sorted(off_line))} is said of another item of the list"
            )
    notes: list[str] = []
    if missing & others and missing & others - service_scope_terms(r, around.sentence_text):
        return Support(False, f"measure: {' '.join(sorted(missing & others))} describes another number here")
    if missing:
        note = where_said(r, f, around, t.q, t.p, missing)
        if note is None:
            return Support(False, f"measure: the sentence does not say {' '.join(sorted(missing))}")
        notes.append(note)
    own_words = own_word_share(f, t.q)
    fit = Fit(t.q, t.p, t.explained_p, t.same_concept, q_left, missing, notes, own_words)
    return Support(True, "supported", fit_score(f, fit, name_only_terms(r)), notes, own_words)
