"""Words that set a group aside ("children in care, excluding unaccompanied asylum-seeking children"): what
follows them is not what is counted, so it never names the measure (lexicon exclusion_words)."""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.terms import lexicon, measure_terms, phrase_pattern


@lru_cache(maxsize=1)
def exclusion_terms() -> frozenset[str]:
    """The term of each word that sets a group aside in one term ("excluding", "except", "apart from"; not
    "not including", whose "not" opens measures: "not in education")."""
    return frozenset(t[0] for t in map(measure_terms, lexicon()["exclusion_words"]) if len(t) == 1)


@lru_cache(maxsize=1)
def exclusion_pattern() -> re.Pattern[str]:
    """The lexicon's words that set a group aside, as one pattern."""
    return phrase_pattern(lexicon()["exclusion_words"])


@lru_cache(maxsize=256)
def set_aside_terms(text: str) -> frozenset[str]:
    """The terms of the group a text sets aside, up to the end of its clause ("children in care at the end of
    June, excluding unaccompanied asylum-seeking children" -> unaccompanied, asylum, seeking, children)."""
    m = exclusion_pattern().search(text)
    if m is None:
        return frozenset()
    return frozenset(measure_terms(re.split(r"[,;:?!.]", text[m.end() :])[0]))
