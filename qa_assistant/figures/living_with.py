"""Whom a count lives with: "including 145 with foster carers" counts the children placed with the carers, not the
carers. Used when a figure is filed under a concept (assembly.py) and when a question about the carers is checked
against it (selection.py)."""

from __future__ import annotations

import re

from qa_assistant.figures.concepts import ConceptMatch, match_concept
from qa_assistant.figures.terms import counting_terms, measure_terms

# a count's words starting at "with" ("145 with foster carers", "90 are with foster carers")
_STARTS_WITH = re.compile(r"(?:(?:are|were|is|was|being|now|currently)\s+)*with\s", re.I)
# the people a child lives with, written after "with"
_WITH_WHOM = re.compile(
    r"\bwith\s+(?:(?:their|its|our|approved|foster|connected|kinship|in-house|agency|family\s+and\s+friends)\s+)*"
    r"(?:carers?|parents?|relatives?|famil(?:y|ies)|adopters?|guardians?)\b",
    re.I,
)
_LIVING = tuple(measure_terms("living"))


# who may live with carers: the count it continues must be of children or cases (counting_terms: "Of the 60
# placement disruptions, 25 were with foster carers" counts disruptions), or say where they are ("There are 200 in
# Hammersmith and Fulham – including 145 with foster carers")
_A_PLACE = re.compile(
    r"(?:in|at|across|within)\s+(?:the\s+)?(?:[A-Z]|(?:borough|county|city|area|district)\b)"
)


def living_with_concept(
    phrase_text: str,
    terms: list[str],
    unit: str,
    verbs: frozenset[str],
    context: str,
    context_terms: list[str],
) -> ConceptMatch | None:
    """The measure of those living with whom a count's words start at "with" names ("living with foster
    carers"), when the catalogue has one; context (and its terms): the words it takes from the count it continues,
    which must name people or a place, if any."""
    if unit != "count" or not _STARTS_WITH.match(phrase_text):
        return None
    if context_terms and not counting_terms() & set(context_terms) and not _A_PLACE.match(context):
        return None
    living = match_concept([*_LIVING, *terms], unit, verbs)
    return living if living is not None and set(_LIVING) <= living.matched else None


def counted_terms(phrase: str, terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms of what a phrase counts: those before "with <carers>" ("90 are with foster carers" names no
    foster carers as counted), else all its terms."""
    with_whom = _WITH_WHOM.search(phrase)
    return tuple(measure_terms(phrase[: with_whom.start()])) if with_whom else terms
