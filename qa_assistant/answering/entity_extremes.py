"""A "which" question that singles one thing out by degree ("Which provider was the most expensive?", "Which
ward was the most deprived?") is answered by the name in the clause that says that degree: in "The cheapest
provider is Mococo House at £900 weekly, whereas the most expensive is Triangle Care Group", Triangle Care
Group, though Mococo House stands first and beside more of the question's other words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.answering.entity_finder import Found
from qa_assistant.figures.terms import lexicon, phrase_pattern

# where one clause of a sentence ends and another, about something else, begins
_CLAUSE_EDGE = re.compile(r",(?!\d{3})|[;:]|\s(?:and|whereas|whilst|while|but|although|though)\s", re.I)


@lru_cache(maxsize=1)
def _superlatives() -> re.Pattern[str]:
    words = phrase_pattern(lexicon()["extreme_asked"] + lexicon()["superlatives"]).pattern
    # "the most expensive", not "most of the children", "at least one"
    return re.compile(
        rf"\b(?:most|least)\s+(?!(?:of|the|a|an|to|in|on|at|for|one|two|three|than|recently|likely)\b)[a-z][a-z-]+\b"
        rf"|{words}",
        re.I,
    )


# "Which provider was the most expensive?", "Which council had the lowest rate?": the degree is what singles the
# answer out only when the question's verb says the answer has it (not "support in the most deprived wards")
_SINGLED_OUT_BY = re.compile(
    r"\b(?:was|is|were|are|had|has|have|charged|paid|cost|became|remains?)\s+(?:the\s+)?$", re.I
)
# "the second most expensive", "the next cheapest", "no longer the cheapest": another place in the order
_NOT_THE_ONE = re.compile(r"\b(?:second|third|fourth|fifth|next|not|no\s+longer|never)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=256)
def asked_superlative(question: str) -> str:
    """The degree a question singles its answer out by ("most expensive", "cheapest"), lower-cased; "" if none."""
    m = _superlatives().search(question)
    if m is None or not _SINGLED_OUT_BY.search(question, 0, m.start()):
        return ""
    return " ".join(m.group(0).lower().split())


def in_own_clause(c: Found, sentence: str, superlative: str) -> bool:
    """Whether the candidate's own clause of the sentence says the degree asked."""
    if not superlative:
        return False
    edges = [m for m in _CLAUSE_EDGE.finditer(sentence)]
    start = max((m.end() for m in edges if m.end() <= c.start), default=0)
    end = min((m.start() for m in edges if m.start() >= c.end), default=len(sentence))
    clause = " ".join(sentence[start:end].lower().split())
    said = re.search(rf"\b{re.escape(superlative)}\b", clause)
    return said is not None and not _NOT_THE_ONE.search(clause, 0, said.start())
