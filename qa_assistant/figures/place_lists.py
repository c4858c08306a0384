"""Values listed place by place in running text: "Stockton's schools issued 5,505 temporary exclusions, in
Hartlepool it was 4,868, in Redcar 4,350 and in Middlesbrough 4,075". Each later value is the same measure
for the next place, so it takes the phrase of the value before (prose_phrases._inherits); whose it is comes
from the place named before it, as for any number (number_subject.py).
"""

from __future__ import annotations

import re

from qa_assistant.figures.subjects import SubjectMention

# what may stand between one listed value's words and the next value: a link, "in <place>", a verb of being
_NEXT_PLACE = re.compile(
    r"\s*[,;]?\s*(?:and\s+|while\s+|whilst\s+|whereas\s+|but\s+)?(?:in|for|at|across)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][^,;:()]*?)"
    r"(?:\s+(?:it|this|the\s+(?:figure|number|total|rate))\s+(?:was|is|were|stood\s+at))?"
    r"(?:\s+(?:was|were|had|saw|with))?\s*",
)


def next_place_in_list(text: str, start: int, end: int, mentions: list[SubjectMention]) -> bool:
    """Whether text[start:end], between one value's words and the next value, names only the next place of a
    list ("in Hartlepool it was", ", in Redcar", "and in Middlesbrough")."""
    m = _NEXT_PLACE.fullmatch(text, start, end)
    if m is None:
        return False
    a, b = m.span("place")
    return any(x.start == a and x.end == b for x in mentions)
