"""Durations that set a limit rather than report a value: "has 70 days to submit an improvement plan", "in
care for at least 13 weeks since the age of 14", "intended to last for 28 days or more".

They define a measure ("care proceedings completed within 26 weeks"), so they never answer a question about
how long something took; but a question asking what the limit is ("How long did the council have to submit
its plan?", "For how long must a young person have been in care to qualify?") is answered by them alone. They
are kept as figures of kind "limit", read like any number in running text, and only a limit question takes
them.
"""

from __future__ import annotations

import re

from qa_assistant.figures.kinds import LIMIT
from qa_assistant.figures.phrases import Phrase, trim_span
from qa_assistant.figures.prose_figures import from_prose
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.terms import lexicon, phrase_pattern
from qa_assistant.models import Figure
from qa_assistant.text.numbers import Quantity

# a sentence that sets a requirement or defines a term ("Late complaints are when someone takes more than 12
# months"), besides one naming a limit (lexicon limit_words); "85% of complaints were answered within 10
# working days" reports how a service did against a limit, and "within 25 working days on average" is a value
_REQUIREMENT = re.compile(
    r"\b(?:must|should|shall|required|requirements?|statutory|limits?|no\s+later\s+than|"
    r"at\s+least|or\s+more|qualify|qualifies|eligible|eligibility|intended|intention|allowed|defined|"
    r"definition|means|(?:is|are)\s+when)\b",
    re.I,
)
_GIVEN_BEFORE = re.compile(
    r"\b(?:has|have|had|given|gets?|got)\s+(?:(?:only|just|a\s+further|another)\s+)?$", re.I
)


def limit_figure(r: SentenceReading, q: Quantity, nxt: int) -> Figure | None:
    """The duration as a limit, read as a number in prose is, with its whole sentence as its phrase: what a
    limit is of is said on both sides of it ("PCC also has | 70 days | to submit an improvement plan"). None
    when the sentence sets no requirement, or reports an average."""
    sentence = r.text[r.sentence[0] : r.sentence[1]]
    given = _GIVEN_BEFORE.search(r.text, max(r.sentence[0], q.start - 30), q.start)
    limit_named = phrase_pattern(lexicon()["limit_words"]).search(sentence)  # "deadline", "timescale"
    if not (_REQUIREMENT.search(sentence) or limit_named or given) or re.match(
        r"\s+on\s+average\b", r.text[q.end :]
    ):
        return None
    fig = from_prose(r, q, Phrase(*trim_span(r.text, *r.sentence), "backward"), None, nxt)
    return fig.model_copy(update={"kind": LIMIT}) if fig is not None else None
