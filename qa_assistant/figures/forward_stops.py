"""Which words end the measure phrase read after a number, and the uses in which a stop word does not end it
("allocated to Children's Services", "cared for children", "children and young people", "164 from other areas").
Split from forward_phrases.py, which walks the words; this module only says what one word does."""

from __future__ import annotations

import re

from qa_assistant.figures.clause_starts import in_a_name
from qa_assistant.figures.terms import counting_terms, measure_terms


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


# A modal verb after "the rise to 503 children in care" says something of the rise, not what is counted ("could
# not be attributed to ..."); after a plain count it is part of the measure ("37 children could not be placed
# locally"). "will" and "may" are neither: a forecast's own verb, and a month.
_MODALS = word_set("could would should might must cannot couldn't wouldn't shouldn't")
_CHANGE_TO_NUMBER = re.compile(
    r"\b(?:rise|increase|fall|drop|reduction|growth|jump|decrease|decline)\s+(?:to|of)\s+"
    r"(?:(?:more\s+than|over|almost|nearly|around|about|just)\s+)?£?\d[\d,.]*%?\s*$",
    re.I,
)


FORWARD_STOP_WORDS = word_set(
    "and or but which compared than against while whilst whereas since as because although though so "
    "if when where from to this it there during between per for by at across including includes "
    "included versus vs whereby however meaning representing equating up down rather until following "
    "whom whose due owing thanks despite via through unlike " + " ".join(sorted(_MODALS))
)


_AND_GROUP = re.compile(
    r"and\s+(?:their\s+)?(?:young\s+people|children|families|carers|parents|adults|care\s+leavers|"
    r"siblings|babies|infants|adolescents)\b",
    re.I,
)
_GROUP_BEFORE = re.compile(
    r"(?:children|people|families|carers|parents|adults|leavers|siblings|babies)\s*$", re.I
)


# "including 164 from other areas of the UK": where those counted come from says which they are (not "from 450")
FROM_ELSEWHERE = re.compile(
    r"from\s+(?:other|another|outside|overseas|abroad|different|elsewhere|"
    r"(?:an?\s+)?(?:ethnic|minority|black|mixed|asian|white))\b",
    re.I,
)
# "allocated to Children's Services" goes on; "to date", "to be", "to deliver" end the phrase.
_TO_CONTINUES = re.compile(
    r"to\s+be\s+[a-z]+ed\b|to\s+(?!date\b|be\b|deliver|support|provide|reduce|increase|improve|ensure|help|make|"
    r"meet|achieve|continue|take|get|the\s+end\b|end\b|around\b|approximately\b|\d|£)",
    re.I,
)


def continues(text: str, word: str, pos: int, previous_end: int, start: int | None) -> bool:
    """Stop words that do not end a measure phrase in these uses: "allocated to Children's Services",
    "classed as high risk", "cared for children", "missing from home"."""
    if word == "from" and FROM_ELSEWHERE.match(text, pos):
        return True
    if start is None:
        return False
    if word in _MODALS:
        return not _CHANGE_TO_NUMBER.search(text, max(0, start - 60), start)
    previous = text[max(start, previous_end - 12) : previous_end].lower()
    if word == "to":
        return bool(_TO_CONTINUES.match(text, pos))
    if word == "as":
        return bool(
            re.match(
                r"as\s+(?!at\b|of\b|well\b|such\b|part\b|a\s+result\b|this\b|it\b|they\b|we\b)[a-z]",
                text[pos : pos + 20],
                re.I,
            )
        )
    if word == "for":  # "cared for children"; "the average weekly cost for Independent Care Home placements"
        # "£1.6million on care for migrant children": what money is spent on goes on to say for whom
        return (
            previous.endswith(("cared", "caring", "looked", "waiting", "approved"))
            or bool(_SPENT_ON.search(previous))
            or bool(re.match(r"on\s", text[start : start + 3], re.I))
        )
    if word == "and":  # "children and young people", "young people and families": one group counted
        return (bool(_AND_GROUP.match(text, pos)) and bool(_GROUP_BEFORE.search(previous))) or in_a_name(
            text, pos
        )
    if word == "where":  # "50 children where they don't know how far away they are": which ones
        last = re.search(r"([a-z'’-]+)\s*$", previous)
        counted = frozenset(measure_terms(last.group(1))) if last else frozenset()
        return bool(counted) and counted <= counting_terms()
    if word == "through":  # "1446 children through Child In Need": the service they are counted in
        return bool(re.match(r"through\s+(?:the\s+)?[A-Z]", text[pos : pos + 16]))
    if word == "from":
        return not re.match(
            r"from\s+(?:a\s+|the\s+)?(?:high|peak|low|last|previous)\b", text[pos : pos + 30], re.I
        )
    return False


# money nouns whose "for" says what the money is spent on
_SPENT_ON = re.compile(
    r"\b(?:costs?|spend|spending|expenditure|budgets?|allowances?|fees?|payments?|prices?|funding)$"
)
