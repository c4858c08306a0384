"""The date of the sentence before, for a sentence that takes it: one that opens by referring back to what the
one before named ("This indicated that there were 354"), restates its figure ("It works out as 139 per 10,000"),
or says its figure "also" moved. Split from asof_context.py, which reads a paper's dates."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from qa_assistant.figures.asof_context import AsOfContext
from qa_assistant.figures.terms import lexicon, phrase_pattern
from qa_assistant.text.dates import DateMention
from qa_assistant.text.spans import Span

# "... the School Health and Wellbeing Survey (2017) ... This indicated that there were 354 young carers": a
# sentence that opens by referring back to what the one before named reports what that named, as of its date
_REFERS_BACK = re.compile(
    r"\s*(?:This|These|The\s+(?:survey|census|study|data))\s+(?:also\s+)?(?:indicated|indicates|"
    r"showed|shows|found|finds|revealed|reveals|suggested|suggests|estimated|estimates|identified|identifies)\b"
)
# "783 children were in care in September. It works out as 139 per 10,000": the figure before restated, the value
# right after the words that restate it (dated as an "also" figure is: not by a year compared against or aimed at)
_RESTATES = re.compile(
    r"\s*(?:It|This|That)\s+(?:works?\s+out\s+(?:as|at)|equates?\s+to|is\s+equivalent\s+to|represents)\s+"
    r"(?:a\s+rate\s+of\s+|(?:about|around|approximately|roughly|some)\s+)?[£$]?(?=\d)",
    re.I,
)


# "105 children were in foster care at the end of March last year. The number of carers approved to foster them
# also decreased, to 155": a move said to happen "also" happened over the same time as the one before
@lru_cache(maxsize=1)
def _also_moved() -> re.Pattern[str]:
    return re.compile(rf"\balso\s+(?:{phrase_pattern(lexicon()['trend_moves']).pattern})", re.I)


# the sentence before gives its date to something set against a level ("compared with 61 in 2022", "In 2019 the
# council set a target of 250"), or this one says its move ran over a span of its own ("have also declined over
# the past five years")
_COMPARED = r"compared|than|versus|against"
_COMPARED_BEFORE = re.compile(rf"\b(?:{_COMPARED})\b[^.;:]{{0,30}}$", re.I)
_BASE_BEFORE = re.compile(rf"\b(?:{_COMPARED}|on|from|since)\b[^.;:]{{0,30}}$", re.I)
_AIM_AFTER = re.compile(r"[^.;:\d]{0,60}?\b(?:targets?|aims?|plans?|ambitions?)\b[^.;:\d]{0,30}\d", re.I)
_OWN_SPAN = re.compile(r"\b(?:over|in|during)\s+the\s+(?:past|last|previous)\b", re.I)


def referred_back_date(ctx: AsOfContext, sentence: Span, q_start: int = -1) -> DateMention | None:
    """The one date of the sentence before, when this sentence opens by referring back to it, or restates its
    figure (the value at q_start, right after "It works out as"), or says its figure "also" moved (and is dated
    by nothing of its own); else None."""
    restated = _RESTATES.match(ctx.text, sentence[0])
    also = not _REFERS_BACK.match(ctx.text, sentence[0])
    if (
        also
        and not (restated and restated.end() == q_start)
        and (
            not _also_moved().search(ctx.text, sentence[0], sentence[1])
            or _OWN_SPAN.search(ctx.text, sentence[0], sentence[1])
        )
    ):
        return None
    i = bisect.bisect_left(ctx.sentence_starts, sentence[0])
    if i == 0:
        return None
    lo = bisect.bisect_left(ctx.date_starts, ctx.sentence_starts[i - 1])
    hi = bisect.bisect_left(ctx.date_starts, sentence[0])
    own = ctx.dates[hi : bisect.bisect_left(ctx.date_starts, sentence[1])]
    if hi - lo != 1 or also and any(not _BASE_BEFORE.search(ctx.text, sentence[0], o.start) for o in own):
        return None  # ("down on the same time in 2017" is the base it moved from, no date of its own)
    d = ctx.dates[lo]
    if also and (
        _COMPARED_BEFORE.search(ctx.text[ctx.sentence_starts[i - 1] : d.start])
        or _AIM_AFTER.match(ctx.text, d.end)
    ):
        return None
    before = _ASIDE_CLAUSE.sub(" ", ctx.text[ctx.sentence_starts[i - 1] : ctx.dates[lo].start])
    return None if _SPAN_START.search(before) or _FUTURE.search(before) else ctx.dates[lo]


# "Since 2019 the council has carried out an annual audit", "The survey will be repeated, subject to funding, in
# 2025": a date that starts a span or is still to come is not when what the sentence named found anything; a future
# in a clause set off as an aside ("The survey, which will inform the strategy, was carried out in 2017") is not
_SPAN_START = re.compile(
    r"\b(?:since|from|until|till|by|after|before)\s+(?:the\s+)?(?:(?:end|start|beginning)\s+of\s+)?$|"
    r"\bfrom\s+[£$]?[\d,.]+\S*\s+(?:in|at)\s+$",  # "fell from 150 in 2021 to 139": where a move started
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|shall|to\s+be|expected|planned|due\s+to)\b", re.I)
_ASIDE_CLAUSE = re.compile(r",\s*(?:which|who|that)\b[^,.;:]*,", re.I)
