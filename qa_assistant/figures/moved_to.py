"""A question asking where a measure moved to ("To what figure had the overspend been reduced?", "What had the
average cost risen to?") is answered only by a value the paper says the measure moved to or now stands at
("the estimate has reduced down to £4.6m", "is currently £4.6m", "212, a fall of 30"); not by another value of
the same measure (the headline £5m), nor by a table's cell (which of a row's cells is where it moved to is not
said), so such a question is then answered by a quote or not at all."""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.asof_spans import HEDGE

_DOWN = (
    r"fall|falls|fell|fallen|falling|reduce|reduces|reduced|reducing|decrease|decreases|decreased|decreasing|drop|"
    r"drops|dropped|dropping|cut|cuts|cutting|lower|lowered|lowering|decline|declined|declining|"
    r"(?:go|goes|gone|went|going)\s+down"
)
_UP = (
    r"rise|rises|rose|risen|rising|increase|increases|increased|increasing|raise|raised|raising|grow|grew|grown|"
    r"growing|climb|climbed|climbing|(?:go|goes|gone|went|going)\s+up"
)
_MOVES = rf"(?:{_DOWN}|{_UP}|revise|revised)"
# "To what figure had X been reduced?", "To what number did X fall?" (not "Up to what age ...", nor "To what did
# X attribute the decrease ..."), and "What had X been reduced to?" (not "Which schools did they go to?")
_ASKS_MOVED_TO = re.compile(
    rf"(?:^|[;,]\s*)to\s+what\b[^?]{{0,160}}?(?<!the\s)(?<!a\s)\b{_MOVES}\b|"
    rf"\b{_MOVES}(?:\s+(?:up|down|back))?\s+to\s*\??\s*$",
    re.I,
)
_ASKS_DOWN = re.compile(rf"\b(?:{_DOWN})\b", re.I)
_HEDGED = rf"\s+(?:{HEDGE}\s+|(?:more|less|fewer)\s+than\s+)?[£$]?\s*"
# what a paper writes right before the value a measure moved to ("compared to £5m", "due to", "up to" and "equal
# to" say no such thing)
_TO = (
    r"(?:(?<!compared\s)(?<!relative\s)(?<!equal\s)(?<!close\s)(?<!due\s)(?<!up\s)(?<!addition\s)(?<!similar\s)"
    r"\bto|\breach|\breaches|\breached|\breaching|\b(?:stands?|stood|standing)\s+at)"
)
_SAID_MOVED_TO = re.compile(rf"{_TO}{_HEDGED}$", re.I)
# "is now £4.6m", "are currently forecast at £4.6m", "now totals £4.6m" (not "Currently 12 social workers ...")
_NOW_BEFORE = re.compile(
    rf"(?:\b(?:is|are|was|were|has\s+been|have\s+been|stands?|stood)\s+(?:now|currently)|"
    rf"(?<=[\w,]\s)(?:now|currently)\s+(?:totals?|totalling|averages?|stands?\s+at|sits?\s+at|standing\s+at))\s+"
    rf"(?:(?:at|forecast\s+at|estimated\s+at|projected\s+at|standing\s+at)\s+)?(?:{HEDGE}\s+)?[£$]?\s*$",
    re.I,
)
_HIGH_BEFORE = re.compile(rf"\b(?:high|peak)\s+of{_HEDGED}$", re.I)
_LOW_BEFORE = re.compile(rf"\blow\s+of{_HEDGED}$", re.I)
_COMPARED_BEFORE = re.compile(r"\b(?:compared|than|against|versus|vs)\b[^.;\d£]{0,20}$", re.I)
# "212 children ..., a fall of 30", "18, down from 25": the value a change ended at
_ENDED_AFTER = re.compile(
    rf"[^.;\d£]{{0,80}}?(?:,\s*an?\s+(?:fall|drop|reduction|decrease|decline|rise|increase)\s+of|"
    rf"\b(?:down|up)\s+from(?:\s+(?:a|the))?(?:\s+(?:peak|high|low)\s+of)?){_HEDGED}\d",
    re.I,
)
_LOOK_BACK = 40


def asks_moved_to(question: str) -> bool:
    """Does the question ask for the value a measure moved to?"""
    return bool(_ASKS_MOVED_TO.search(question))


def said_moved_to(sentence: str, start: int, end: int, question: str) -> bool:
    """Does the sentence give the value at start..end as one a measure moved to (the way asked: "grown to £6m"
    does not answer where it was reduced to), stands at now, peaked at for a rise asked or bottomed at for a fall?
    Where the sentence writes a value to which it moved the way asked, a value a change merely ended at does not
    also answer ("The overspend of £5m (down from £6m) has been reduced further to £4.6m")."""
    down = bool(_ASKS_DOWN.search(question))
    before = sentence[max(0, start - _LOOK_BACK) : start]
    if _COMPARED_BEFORE.search(before):
        return False
    if _NOW_BEFORE.search(before) or (_LOW_BEFORE if down else _HIGH_BEFORE).search(before):
        return True
    asked_way = [m.end() for m in _moved_way(down).finditer(sentence)]
    if asked_way:
        return any(0 <= at - start <= 1 for at in asked_way)
    if _SAID_MOVED_TO.search(before):
        return not _moved_way(not down, at_end=True).search(before)
    return bool(_ENDED_AFTER.match(sentence, end))


@lru_cache(maxsize=4)
def _moved_way(down: bool, at_end: bool = False) -> re.Pattern[str]:
    """A verb moving the given way, then (within two words, and "from" a value) "to" and a number: where the
    sentence's value starts, or (at_end) right before the value read."""
    verbs = _DOWN if down else _UP
    tail = r"$" if at_end else r"(?=\d)"
    return re.compile(
        rf"\b(?:{verbs})\b(?:\s+[a-z]+){{0,2}}?(?:\s+from\s+[£$]?(?!(?:19|20)\d\d\b)[\d.,]+[a-z%]*)?\s+to{_HEDGED}{tail}",
        re.I,
    )
