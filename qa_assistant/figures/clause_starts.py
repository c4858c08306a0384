"""Where the clause holding a number's words starts, read back from the words before a linking word: after the
last clause boundary (";", ", ", "which", "and", "but" ...) that is not a comma or an "and" inside a list or a
name ("in education, employment or training", "Children's and Family Services").

A relative clause whose verb says what happened to its noun ("the Illuminations, which overspent by £266,000")
starts at that noun: the amount is the Illuminations' overspend, not any overspend.
"""

from __future__ import annotations

import re

_CLAUSE_START = re.compile(
    r"(?:[;:(]|,\s|\b(?:that|whereas|while|whilst|which|where|although|because|and|but|"
    r"however|meaning|so|when)\s)",
    re.I,
)
_LIST_AFTER_COMMA = re.compile(r",\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+(?:or|and)\s+[A-Za-z]")
# "placed, fostered and ...", "between April and June": an "and" that joins words of a list or a span's two ends
_WORDS_BEFORE_AND = re.compile(
    r",\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+$|\b[Bb]etween\s+(?:(?!and\b)\S+\s+){1,3}$"
)
# ", which overspent": a relative clause's lone verb that states an amount of the noun's own (its link words
# already cut: "which cost" leaves nothing); not one that says what the noun holds or brought ("which included")
_WHICH_BEFORE = re.compile(r",\s+which\s+$", re.I)
_OWN_AMOUNT_VERB = re.compile(
    r"\s*(?:overspent|underspent|overspends|underspends|spent|spends|exceeded)\s*", re.I
)


def clause_start(text: str, start: int, end: int) -> int:
    """Where the last clause before end starts (start when none does)."""
    for m in _CLAUSE_START.finditer(text, start, end):
        if not _in_word_list(text, m, end):
            start = m.end()
    return start


def relative_antecedent(text: str, clause_begin: int, start: int, end: int) -> int | None:
    """ "include the Illuminations, which overspent by": where the clause before ", which" starts, when the
    relative clause holds only its verb (the noun it is said of is then what the number belongs to)."""
    which = _WHICH_BEFORE.search(text, clause_begin, start)
    if which is None or which.end() != start or not _OWN_AMOUNT_VERB.fullmatch(text, start, end):
        return None
    begin = clause_start(text, clause_begin, which.start())
    # "which" is said of the noun phrase right before it ("came from the transport budget, which underspent"),
    # not of a noun inside its prepositional phrase ("Transport for pupils with an EHCP, which overspent")
    nouns = [
        m.start()
        for m in DETERMINER.finditer(text, begin, which.start())
        if not _PREPOSITION_BEFORE.search(text, begin, m.start())
    ]
    return nouns[-1] if nouns else begin


# what opens a noun phrase (phrases.py finds a measure's noun phrase by it too)
DETERMINER = re.compile(r"\b(?:a|an|the|our|its|their|this|these|those|his|her)\s+", re.I)
# not "from" or "to", as phrases.py's list has: after a verb of motion they lead to the noun "which" is said of
# ("savings came from the transport budget, which underspent")
_PREPOSITION_BEFORE = re.compile(r"\b(?:with|of|in|for|on|at|by|within|under|over|into|across)\s+$", re.I)


def _in_word_list(text: str, m: re.Match[str], end: int) -> bool:
    """ "in education, employment or training": the comma and the "or" join a list of nouns, not clauses."""
    if m.group(0).startswith(","):
        return bool(_LIST_AFTER_COMMA.match(text, m.start(), end))
    if m.group(0).strip().lower() in ("and",):
        # "Children's and Family Services": "and" inside a capitalised name joins no clauses
        before = text[max(0, m.start() - 40) : m.start()]
        return bool(_WORDS_BEFORE_AND.search(before)) or in_a_name(text, m.start())
    return False


def in_a_name(text: str, and_pos: int) -> bool:
    """Whether the "and" at and_pos joins capitalised words of one name ("Children's and Family Services",
    "Education and Skills Funding Agency"), not two clauses."""
    return bool(
        re.search(r"\b[A-Z][\w'’-]*\s+$", text[max(0, and_pos - 30) : and_pos])
        and re.match(r"and\s+[A-Z][\w'’-]*\s+[A-Z]", text[and_pos : and_pos + 40])
    )
