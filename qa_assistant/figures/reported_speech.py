"""Where a reporter's words end and what they report begins: "Officers say they had hoped to make savings of
£1.1 million", "Tameside council reveal they are expecting to go £6.7 million over budget". The words before
the reporting verb say who told it, not what the number counts, so a number's phrase read back from it starts
after them. Only a verb followed by a new subject ("they", "it", "there" ...) opens such a clause: "children
reported missing" is a measure, not a report; and not in a relative clause ("the number of providers who said
they had vacancies" counts the providers).
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.terms import lexicon

# a new clause's subject: a pronoun, or after a reporting verb a name and its verb ("figures show Wokingham
# Borough Council has paid £6m"; not after "including": "the Tees Valley including Middlesbrough is 1,500")
_NEW_SUBJECT = r"(?:they|it|he|she|we|there)\b"
_NAMED_SUBJECT = (
    r"(?-i:(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*){0,4})\s+"
    r"(?:has|have|had|is|are|was|were|will|would|spent|paid|received)\b"
)


@lru_cache(maxsize=1)
def _reporting_clause() -> re.Pattern[str]:
    lx = lexicon()
    verbs = {w for w in (*lx["reporting_verbs"], *lx["statement_words"]) if " " not in w}
    body = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    reporting = "|".join(
        re.escape(v) for v in sorted(lx["reporting_verbs"], key=len, reverse=True) if " " not in v
    )
    # "the number of providers who said they had vacancies": in a relative clause the reporter is what is counted
    relative = r"(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwhose\s)"
    return re.compile(
        rf"{relative}\b(?:(?:{body})(?:s|es|ed|d)?\s+(?:that\s+)?(?={_NEW_SUBJECT})|"
        rf"(?:{reporting})(?:s|es|ed|d)?\s+(?:that\s+)?(?={_NAMED_SUBJECT}))",
        re.I,
    )


def reported_clause_start(text: str, start: int, end: int) -> int:
    """The start of the last reported clause between start and end, or start when there is none."""
    found = start
    # the subject's verb may lie past end ("show Wokingham Borough Council | has paid"): only the match ends before
    for m in _reporting_clause().finditer(text, start, min(len(text), end + 40)):
        if m.end() <= end:
            found = m.end()
    return found
