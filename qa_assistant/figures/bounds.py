"""A bound a question states on what is counted ("placed MORE THAN 20 miles from home") against the bound the
figure's own words give ("47 percent ... within 20 miles of their home, and 18 percent ... more than 20 miles"):
a figure whose words bound the same quantity the other way counts the other group, not the one asked.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ABOVE = r"more\s+than|over|above|at\s+least|beyond|further\s+than|upwards\s+of"
_BELOW = r"less\s+than|fewer\s+than|under|within|up\s+to|no\s+more\s+than|at\s+most|below|inside"
_BOUND = re.compile(
    rf"\b(?:(?P<above>{_ABOVE})|(?P<below>{_BELOW}))\s+(?:a\s+)?(?P<n>\d[\d,.]*)\s*(?P<unit>[a-z]+)\b", re.I
)


@lru_cache(maxsize=256)  # read once per question, not once per candidate figure
def asked_bounds(question: str) -> tuple[tuple[str, str, str], ...]:
    """(direction, number, unit word) of each bound the question states ("more than 20 miles")."""
    return tuple(_bound(m) for m in _BOUND.finditer(question))


def _bound(m: re.Match[str]) -> tuple[str, str, str]:
    return ("above" if m.group("above") else "below", m.group("n").replace(",", ""), m.group("unit").lower())


def bounded_the_other_way(question: str, sentence: str, figure_end: int) -> bool:
    """Whether the first bound on an asked quantity after the figure, in its sentence, runs the other way."""
    asked = asked_bounds(question)
    if not asked:
        return False
    for m in _BOUND.finditer(sentence, figure_end):
        direction, n, unit = _bound(m)
        for a_direction, a_n, a_unit in asked:
            if (n, unit[:4]) == (a_n, a_unit[:4]):
                return direction != a_direction
    return False
