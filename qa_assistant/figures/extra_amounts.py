"""An extra amount asked as one: "How much extra did the council put in?" asks the amount an extra is ("An extra
£17million has been put into children's services"), which the figure reader files as a change. Part of the kind
check (support_rules.kind_ok)."""

from __future__ import annotations

import re

# "How much extra did the council put in?" asks the amount an extra is ("An extra £17million has been put into
# children's services"), which the reader files as a change
_EXTRA_ASKED = re.compile(r"\bhow\s+(?:much|many)\s+(?:extra|additional|further)\b", re.I)
# ... an extra written with its article, not a further fall ("fell by a further 12")
_EXTRA_GIVEN = re.compile(r"(?<!\bby\s)\ban?\s+(?:extra|additional|further)\s+£?$", re.I)
_FALL_BEFORE = re.compile(
    r"\b(?:fell|fall|falls|fallen|cut|reduc\w*|decreas\w*|dropp?\w*|lost|less|fewer)\b", re.I
)


def extra_asked_and_given(question: str, before_value: str) -> bool:
    """Whether the question asks how much extra and the sentence gives the figure as an extra amount
    (before_value: the sentence's text before the figure), not a further fall."""
    return bool(
        _EXTRA_ASKED.search(question)
        and _EXTRA_GIVEN.search(before_value)
        and not _FALL_BEFORE.search(before_value)
    )
