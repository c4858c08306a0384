"""Who does something is not what is done: "How many early help cases were held by the Senior Practitioners
working in Newport?" counts cases, so "two [Senior Practitioners] in Newport" does not answer it, though every
word of its phrase is in the question. The question's agent ("by ...") names the holder, never the measure."""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.terms import measure_terms, stem_list

# what "how many" counts: the words after it, up to the clause's verb
_COUNTED = re.compile(
    r"\bhow\s+many\s+(?P<counted>[^?]+?)\s+(?:were|was|are|is|have|has|had|did|do|does|will|would|could|can)\b",
    re.I,
)
# the agent: "by" and what follows it to the clause's end ("by how much" and a date are no agent)
_AGENT = re.compile(r"\bby\s+(?!how\b)(?P<agent>[^?,;:]+)", re.I)


@lru_cache(maxsize=256)
def _counted_and_agent(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """The terms of what "how many" counts and of who the question says did it (none when it names no doer)."""
    counted = _COUNTED.search(question)
    if not counted:
        return frozenset(), frozenset()
    agent = _AGENT.search(question, counted.end())
    if not agent:
        return frozenset(), frozenset()
    return frozenset(measure_terms(counted.group("counted"))), frozenset(measure_terms(agent.group("agent")))


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    """Nouns for people and posts ("practitioners", "social workers", "managers"): the doers a figure may count.
    "referrals made by schools" names no person, and a breakdown by source counts the referrals."""
    return stem_list("person_nouns") | stem_list("agent_nouns")


def counts_the_agent(question: str, phrase_terms: frozenset[str]) -> bool:
    """The figure's own phrase names only the people the question says did it ("by the Senior Practitioners
    ...") and none of what the question counts: it counts the doers, not what they did or held."""
    counted, agent = _counted_and_agent(question)
    return (
        bool(counted)
        and bool(phrase_terms & _people())
        and phrase_terms <= agent
        and not phrase_terms & counted
    )
