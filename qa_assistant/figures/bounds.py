"""A bound a question states on what is counted ("placed MORE THAN 20 miles from home") against the bound the
figure's own clause gives ("47 percent ... within 20 miles of their home, and 18 percent ... more than 20 miles"):
a figure whose clause bounds the same quantity the other way counts the other group, not the one asked.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ABOVE = r"(?<!\bnot\s)(?<!\bno\s)(?:more\s+than|over|above|at\s+least|beyond|further\s+than|upwards\s+of)"
_BELOW = r"(?:not|no)\s+more\s+than|less\s+than|fewer\s+than|under|within|up\s+to|at\s+most|below|inside"
_BOUND = re.compile(
    rf"\b(?:(?P<below>{_BELOW})|(?P<above>{_ABOVE}))\s+(?:a\s+)?(?P<n>\d[\d,.]*)\s*(?P<unit>[a-z]+)\b", re.I
)
# where one figure's clause ends and the next one's starts: "..., and 18 percent", "..., with 58 placed",
# "; 12 were"
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|with|while|whilst|whereas|but|although|though|yet|leaving|meaning|compared|against|of\s+whom|"
    r"of\s+which)\b|"
    r"\band\s+(?=£?\d|(?:the|those|that)\b)",
    re.I,
)


@lru_cache(maxsize=256)  # read once per question, not once per candidate figure
def asked_bounds(question: str) -> tuple[tuple[str, str, str], ...]:
    """(direction, number, unit word) of each bound the question states ("more than 20 miles")."""
    return tuple(_bound(m) for m in _BOUND.finditer(question))


def _bound(m: re.Match[str]) -> tuple[str, str, str]:
    return ("above" if m.group("above") else "below", m.group("n").replace(",", ""), m.group("unit").lower())


def _own_clause(sentence: str, start: int, end: int) -> str:
    """The part of the sentence between the clause breaks around the figure at [start, end)."""
    begin = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[begin : after.start() if after else len(sentence)]


def bounded_the_other_way(question: str, sentence: str, start: int, end: int) -> bool:
    """Whether the figure's own clause bounds an asked quantity (same number and unit) the other way."""
    asked = asked_bounds(question)
    if not asked:
        return False
    clause = _own_clause(sentence, start, end)
    for m in _BOUND.finditer(clause):
        direction, n, unit = _bound(m)
        if _opens_with_a_period(clause, m, unit):
            continue
        if any((n, unit[:4]) == (a_n, a_unit[:4]) and direction != a_dir for a_dir, a_n, a_unit in asked):
            return True
    return False


def _opens_with_a_period(clause: str, m: re.Match[str], unit: str) -> bool:
    """ "Over 12 months, 230 children were re-referred within 12 months": a span of months the clause opens with
    says when, not which group ("Under 18 weeks, 120 children waited", "Under 18 years, 120 young people" are
    groups)."""
    opens = not clause[: m.start()].strip(" \t\n•·-") and clause[m.end() :].lstrip().startswith(",")
    return opens and unit.startswith("month")
