"""One number's reading becomes a Figure record: its measure terms, the concept they name, its aliases.

Prose and table readers (prose_figures.py, table_figures.py) each find a number's phrase, context, unit,
subject, kind and date in their own way; what they then do with them is the same, so it is done here once:
annotations moved from the phrase to the context, acronyms spelled out, the concept matched, the record built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa_assistant.figures.acronyms import expand, expansions
from qa_assistant.figures.concepts import ConceptMatch, match_concept, match_phrase, passive_participles
from qa_assistant.figures.living_with import living_with_concept
from qa_assistant.figures.masks import mask_dates, mask_numbers, masked_phrase
from qa_assistant.figures.phrases import Phrase
from qa_assistant.figures.prose_phrases import PREPOSITION_START
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.subjects import Subject
from qa_assistant.figures.terms import LIGHT_VERB, WEEKLY, lexicon, measure_terms, phrase_pattern
from qa_assistant.models import AsOf, Figure
from qa_assistant.text.numbers import Quantity

_UNIT_SCALE = {"gbp_thousands": 1e3, "gbp_millions": 1e6}
_PARENTHESIS = re.compile(r"\(([^()]{1,80})\)")


@dataclass(frozen=True)
class NumberFacts:
    """What a reader (prose or table) found about one number, before it becomes a Figure record."""

    phrase: Phrase
    phrase_text: str
    context: str
    unit: str
    value: float
    high: float | None
    subject: Subject
    kind: str
    as_of: AsOf
    layout: str
    quote_start: int
    quote_end: int
    # whether the context may name the figure's concept (a clause's loose words may not: they only support a
    # question's words)
    concept_from_context: bool = True
    counted: str = (
        ""  # what the number counts when a list's lead-in says so ("Number of children placed with:")
    )
    group: str = ""  # the group a clause opens with ("In Year 9, 8 pupils ..."): part of what is counted


def figure(r: SentenceReading, q: Quantity, facts: NumberFacts) -> Figure:
    """The Figure record: annotations moved from the phrase to the context, acronyms spelled out, the concept
    matched."""
    phrase, phrase_text, unit, layout = facts.phrase, facts.phrase_text, facts.unit, facts.layout
    if unit == "gbp" and WEEKLY.search(phrase_text):
        unit = "gbp_per_week"  # "Weekly fostering allowance for each child | £234", "the average weekly cost"
    masked, notes = without_annotations(masked_phrase(r, phrase, phrase_text))
    if facts.group:
        masked, phrase_text = f"{facts.group} {masked}", f"{facts.group}: {phrase_text}"
    terms = measure_terms(LIGHT_VERB.sub(" ", masked))  # "interviews were carried out": as a question's
    context = f"{facts.context} {notes}".strip() if notes else facts.context
    spelled = expansions(masked, r.acronyms)  # "PO's" -> "Placement Orders"
    context_terms = measure_terms(expand(mask_numbers(mask_dates(context)), r.acronyms) + " " + spelled)
    aliases = [
        f"{t}:{' '.join(measure_terms(r.acronyms[t]))}" for t in dict.fromkeys(terms) if t in r.acronyms
    ]
    concept = _concept(
        masked, spelled, terms, context, context_terms, phrase_text, unit, layout, facts.concept_from_context
    )
    return Figure(
        doc_id=r.doc.doc_id,
        value_text=q.text,
        value=facts.value,
        value_high=facts.high,
        unit=unit,
        phrase=" ".join(phrase_text.split()),
        phrase_start=phrase.start if phrase.found else None,
        phrase_end=phrase.end if phrase.found else None,
        context=context,
        concept_id=concept.concept.id if concept else None,
        concept_label=concept.concept.label if concept else None,
        concept_terms=sorted(concept.matched) if concept else [],
        terms=terms,
        context_terms=context_terms,
        aliases=aliases,
        counted=facts.counted or r.counted.get(q.start, ""),
        subject=facts.subject.kind,
        subject_name=facts.subject.name,
        kind=facts.kind,
        layout=layout,
        start=q.start,
        end=q.end,
        sentence_start=facts.quote_start,
        sentence_end=facts.quote_end,
        as_of=facts.as_of,
    )


def _concept(
    masked: str,
    spelled: str,
    terms: list[str],
    context: str,
    context_terms: list[str],
    phrase_text: str,
    unit: str,
    layout: str,
    concept_from_context: bool,
) -> ConceptMatch | None:
    """The catalogue concept a figure's phrase names; its context's words only when the phrase cannot."""
    verbs = passive_participles(phrase_text)
    living = living_with_concept(phrase_text, terms, unit, verbs, context, context_terms)
    if living is not None:
        return living
    if layout == "prose" and context and PREPOSITION_START.match(phrase_text):
        return match_concept(context_terms + terms, unit, verbs)  # "with connected carers" + "children"
    concept = match_phrase(masked, unit, verbs) or (
        match_concept(measure_terms(spelled), unit) if spelled else None
    )
    if concept is None and context and concept_from_context and (layout == "prose" or not terms):
        concept = match_concept(context_terms + terms, unit, verbs)
    return concept


def without_annotations(phrase: str) -> tuple[str, str]:
    """ "Young people in Staying Put (number, for information, no target)": a bracket of notes about the
    indicator says nothing about what is counted; its words become context, not the measure. A bracket that
    restricts ("(placed with parents)", "(mainstream)") stays part of the measure."""
    notes: list[str] = []

    def drop(m: re.Match[str]) -> str:
        inner = m.group(1)
        rest = phrase_pattern(lexicon()["annotation_words"]).sub(" ", inner)
        if not re.sub(r"[\s,;/%-]+|\b(?:and|or|for|only)\b", "", rest, flags=re.I):
            notes.append(inner)
            return " "
        return m.group(0)

    return _PARENTHESIS.sub(drop, phrase), " ".join(notes)


def unit_of(q: Quantity, hint: str | None) -> tuple[str, float, float | None]:
    """The number's own unit, refined by what its label or column says ("CLA rate per 10,000 | 160.2")."""
    if q.unit != "count" or hint is None:
        return q.unit, q.value, q.value_high
    if hint in _UNIT_SCALE:
        scale = _UNIT_SCALE[hint]
        return "gbp", q.value * scale, q.value_high * scale if q.value_high is not None else None
    if hint == "percent":
        return "percent", q.value, q.value_high
    if hint in ("rate", "per_10000"):
        return hint, q.value, q.value_high
    if hint == "gbp":
        return "gbp", q.value, q.value_high
    return q.unit, q.value, q.value_high
