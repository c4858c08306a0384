"""Which kind of figure a number question asks for: a level (by default), a change ("by how much", "how much
higher ... than"), a target, a forecast or a limit ("how long must ..."). Patterns only: no measure words, dates or
history.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.terms import lexicon, phrase_pattern

CHANGE = re.compile(
    r"\bby how (?:much|many)\b|\bby\s+what\s+(?:percentage|proportion|amount|margin|share|factor|number)\b|"
    r"\bwhat\s+(?:percentage|%|per\s?cent)\s+(?:increase|rise|decrease|fall|drop|reduction|change|cut)\b|"
    r"\bhow much (?:is|are|was|were|did|has|have|will)\b.{0,60}\b(?:cut|cutting|slash\w*)\b|"
    # ("How much did Troubled Families secure to reduce parental conflict?": "to reduce" says what for)
    r"\bhow much (?:did|has|have|had) .{0,80}\b(?<!\bto )(?:increas|decreas|ris|rose|fall|fell|"
    r"grow|grew|reduc|drop|go up|gone up|go down|gone down|chang)\w*|\b(?:size of|amount of) the "
    r"(?:increase|decrease|reduction|rise|fall)\b|\bhow (?:big|large) (?:was|is) the "
    r"(?:increase|decrease|reduction|rise|fall)\b|\bwhat (?:was|is) the "
    r"(?:(?:annual|yearly|weekly|monthly|overall|net)\s+)?(?:increase|decrease|"
    r"reduction|rise|fall|change|growth) in\b|\bvariance\b|\bhow much\b.{0,80}\bby\s*\?\s*$|"
    # "how much higher was X than Y": the difference itself ("how much additional funding" is an amount given)
    # ... said against something ("than", "compared with") or with its own verb ("how much more was spent"), so not
    # "how much higher education funding" or "how much more is needed" (an amount)
    r"(?:\bhow many (?:more|fewer)\b(?=.*\b(?:than|compared|versus|vs|against)\b)|"
    r"\bhow much (?:higher|lower|greater|bigger|larger|smaller|more|less)\b"
    r"(?=.*\b(?:than|compared|versus|vs|against)\b|"
    r"\s+(?:was|is|were|are|has|have|had|will|did|does|do)\b(?!.*\b(?:needed|required|needs?|requires?)\b)))",
    re.I,
)
_TARGET = re.compile(
    r"\b(?:target|targets|aim|aims|goal|ambition|trajectory|aiming|want|wanted|wants|hoped?|"
    r"intends?|intended)\b",
    re.I,
)
# "How many beds will the new complex have?": a question in the future asks what is expected, too
_FORECAST = re.compile(
    r"\b(?:forecast\w*|projected|projection|expected|predicted|anticipated|will|(?:is|are)\s+due\s+to|"
    r"(?:is|are|was|were)\s+set\s+to|on\s+(?:course|track)\s+(?:to|for))\b",
    re.I,
)


# "By how much was the placements budget forecast to overspend?", "... over its £130m annual budget", "... overrun
# its budget": the amount over budget is the overspend itself, not a change in it
_BY_HOW_MUCH_OVER = re.compile(
    r"^(?!.*\b(?:ris\w*|rose|increas\w*|decreas\w*|fall\w*|fell|grow\w*|grew|reduc\w*|worsen\w*|improv\w*|"
    r"chang\w*|drop\w*|go(?:ne)? (?:up|down)|move\w*)\b).*"
    r"\bby how much\b.{0,120}\b(?:overspe\w*|underspe\w*|overr[ua]n\w*|short|"
    # (exceeding a budget or funding is the amount over it; exceeding a target, an average, a forecast or last
    # year's figure is a difference from it, a change)
    r"exceed\w*\s+(?:(?:its|their|the|our)\s+)?(?:[\w£.,'’-]+\s+){0,3}?(?:budget|funding|grant|allocation|income)s?|"
    r"(?:over|under)\s+(?:budget|(?:its|their|the|our)\s+(?!(?:last|previous|next)\b)(?:[\w£.,'’-]+\s+){0,3}?budget))\b",
    re.I,
)


# "how long must ...", "how many days does the council have to respond", "what is the time limit": the limit
# set (a figure of kind "limit"); not what someone went through ("how long did she have to wait")
@lru_cache(maxsize=1)
def _limit_asked() -> re.Pattern[str]:
    limits = phrase_pattern(lexicon()["limit_words"]).pattern
    return re.compile(
        r"\b(?:how\s+long|how\s+many\s+(?:working\s+)?(?:hours|days|weeks|months|years))\b"
        r"(?=.{0,120}?\b(?:must|should|(?:has|have|had)\s+to(?!\s+(?:wait|stay|live|spend|endure|go))|"
        r"(?:is|are)\s+(?:required|allowed|given)|to\s+qualify)\b)"
        # "after how long does a complaint count as late?": a rule in the present, not what happened once
        r"|(?!.*\b(?:most|typical\w*|usual\w*|normal\w*|average)\b)"  # not what usually happens
        r"\b(?:after|within)\s+how\s+(?:long|many\s+(?:working\s+)?(?:hours|days|weeks|months|years))\s+"
        r"(?:does|do|is|are|must|should|can|will)\b"
        rf"|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:[\w'’-]+\s+){{0,3}}?{limits}",
        re.I,
    )


def figure_kind(question: str, timeline: bool, original: str = "") -> str:
    """Which kind of figure answers: a limit, a change, a target, a forecast or (by default) a level. original: the
    question before what it gives was blanked ("exceed the budget" names the budget it gives)."""
    return (
        "limit"
        if _limit_asked().search(question)
        else "change"
        if CHANGE.search(question) and not timeline and not _BY_HOW_MUCH_OVER.search(original or question)
        else "target"
        if _TARGET.search(question)
        else "forecast"
        if _FORECAST.search(question)
        else "level"
    )
