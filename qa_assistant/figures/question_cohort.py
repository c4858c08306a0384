"""The measure a question asks of children in care, when it names one beside them.

"What share of Rutland's children in care are with mainstream foster carers?", "What percentage of children in
care had two or more changes of social worker?": children in care are the group the measure is said of, and the
other measure the question names is what it asks. "How many children were looked after by foster families?"
counts the children themselves, so it stays ("How many adoptions of children in care ...?" does not).
"""

from __future__ import annotations

import re

from qa_assistant.figures.concepts import ConceptMatch, match_concept, passive_participles

COHORT_CONCEPT = "looked_after"
# "how many (of Rutland's) children", "the number of children in care ...": a count of the children themselves
_COUNTS_THE_COHORT = re.compile(
    r"\b(?:how\s+many|number\s+of)\s+(?:of\s+(?:the|our|its|their|these|those|[A-Z][\w-]*['’]s?)\s+)?"
    r"(?:(?!of\b)[\w'’-]+\s+){0,5}?(?:children|child|young\s+people|kids|youngsters|cla|lac|cic)\b",
    re.I,
)


def measure_of_the_cohort(
    seq: list[str], concept_unit: str | None, question: str, concept: ConceptMatch | None
) -> ConceptMatch | None:
    """The other measure the question names beside children in care, else the concept as read."""
    if concept is None or concept.concept.id != COHORT_CONCEPT or _COUNTS_THE_COHORT.search(question):
        return concept
    rest = [t for t in seq if t not in concept.matched]
    other = match_concept(rest, concept_unit, passive_participles(question)) if rest else None
    return other if other is not None and other.concept.id != COHORT_CONCEPT else concept
