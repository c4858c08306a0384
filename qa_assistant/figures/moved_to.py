"""A question asking where a measure moved to ("To what figure had the overspend been reduced?", "What had the
average cost risen to?") is answered only by a value the paper says the measure moved to or now stands at
("the estimate has reduced down to £4.6m"), not by another value of the same measure (the headline £5m)."""

from __future__ import annotations

import re

from qa_assistant.figures.asof_spans import HEDGE

_MOVES = (
    r"(?:fall|falls|fell|fallen|rise|rises|rose|risen|reduce|reduces|reduced|increase|increases|increased|"
    r"decrease|decreases|decreased|drop|drops|dropped|cut|cuts|lower|lowered|raise|raised|grow|grew|grown|"
    r"climb|climbed|decline|declined|revise|revised|go|gone|went)"
)
# "To what figure had X been reduced?", "To what number did X fall?" (not "Up to what age ...", nor "To what did
# X attribute ..."), and "What had X been reduced to?"
_ASKS_MOVED_TO = re.compile(
    rf"(?:^|[;,]\s*)to\s+what\b[^?]{{0,160}}?(?<!the\s)(?<!a\s)\b{_MOVES}\b|"
    rf"\b{_MOVES}(?:\s+(?:up|down|back))?\s+to\s*\??\s*$",
    re.I,
)
# what a paper writes right before the value a measure moved to or stands at now
_SAID_MOVED_TO = re.compile(
    rf"\b(?:to|reach|reaches|reached|reaching|now|(?:stands?|stood|standing)\s+at|(?:high|low|total|peak)\s+of)"
    rf"\s+(?:{HEDGE}\s+|(?:more|less|fewer)\s+than\s+)?[£$]?\s*$",
    re.I,
)
_LOOK_BACK = 30


def asks_moved_to(question: str) -> bool:
    """Does the question ask for the value a measure moved to?"""
    return bool(_ASKS_MOVED_TO.search(question))


def said_moved_to(sentence: str, start: int) -> bool:
    """Does the sentence give the value at start as one a measure moved to or stands at now?"""
    return bool(_SAID_MOVED_TO.search(sentence, max(0, start - _LOOK_BACK), start))
