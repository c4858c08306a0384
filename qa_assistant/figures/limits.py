"""Durations that set a limit rather than report a value: "has 70 days to submit an improvement plan", "in
care for at least 13 weeks since the age of 14", "intended to last for 28 days or more".

They define a measure ("care proceedings completed within 26 weeks"), so they never answer a question about
how long something took; but a question asking what the limit is ("How long did the council have to submit
its plan?", "For how long must a young person have been in care to qualify?") is answered by them alone. They
are kept as figures of kind "limit", read like any number in running text, and only a limit question takes
them.
"""

from __future__ import annotations

from qa_assistant.figures.kinds import LIMIT
from qa_assistant.figures.phrases import Phrase, trim_span
from qa_assistant.figures.prose_figures import from_prose
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.models import Figure
from qa_assistant.text.numbers import Quantity


def limit_figure(r: SentenceReading, q: Quantity, nxt: int) -> Figure | None:
    """The duration as a limit, read as a number in prose is, with its whole sentence as its phrase: what a
    limit is of is said on both sides of it ("PCC also has | 70 days | to submit an improvement plan")."""
    fig = from_prose(r, q, Phrase(*trim_span(r.text, *r.sentence), "backward"), None, nxt)
    return fig.model_copy(update={"kind": LIMIT}) if fig is not None else None
