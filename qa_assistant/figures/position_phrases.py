"""What an ordinal position is a position in: the words after it ("the third monitoring visit"), what a verb of
ranking before it ranks ("Middlesbrough ranked 150th"), and the measure it was ranked on when the sentence says
("... ranked 150th of 152 local authorities FOR THE RATE OF CHILDREN SUBJECT TO A SECOND PLAN"): that last is
what a question about a rank must match, so another measure's rank is never taken for the one asked."""

from __future__ import annotations

import re

from qa_assistant.figures.phrases import NONE, Phrase, backward_phrase
from qa_assistant.figures.terms import REFERRING_NOUNS, measure_terms
from qa_assistant.text.numbers import Quantity

# "Middlesbrough ranked 150th", "Camden placed third": what is ranked is said before the verb of ranking
_RANKED_BEFORE = re.compile(
    r"\b(?:rank(?:ed|s)?|plac(?:ed|es)|came|comes|finished|sits|sat|stands|stood)\s+$", re.I
)
# "150th of 152 local authorities for the rate of ...", "third in the country on that measure": the field
# ranked in may come first; the measure ranked on follows "for", "on" or "in terms of", to the clause's end
_RANKED_ON = re.compile(
    r"(?:\s+(?:of|out\s+of)\s+\d[\d,]*(?:\s+[\w'’-]+){0,3}?|\s+(?:in|among|across|nationally|regionally)"
    r"(?:\s+[\w'’-]+){0,4}?)?"
    # ("for the second year running", "for a third consecutive year": when, not the measure)
    r"(?:\s+for\s+(?:the|a)\s+[\w-]+\s+(?:(?:consecutive|successive)\s+)?(?:year|time)(?:\s+running|\s+in\s+a\s+row)?)?"
    r"\s+(?:for|on|in\s+terms\s+of)\s+(?P<measure>(?:(?!\b(?:and|but|while|whereas)\b)[^.;,:()\d])+)",
    re.I,
)

# "on this measure", "on that indicator": the measure named in the sentence before, read from there
_REFERS_BACK = re.compile(rf"(?:this|that|these|those|the\s+same)\s+(?:{REFERRING_NOUNS})s?\b", re.I)


def position_phrase(
    text: str, q: Quantity, group_start: int, sentence_end: int, found: Phrase | None
) -> Phrase:
    """What a position is a position in: the words after it ("the third monitoring visit", "59th anniversary"),
    else the measure a verb of ranking ranks it on, else what that verb ranks ("Middlesbrough ranked 150th");
    never other words before it ("... since the last full inspection and was the first to take place" is no
    position of an inspection)."""
    if found is not None and measure_terms(text[found.start : found.end]):
        return found
    # ("ranked 5th for re-referrals and 150th for repeat plans": the second's own measure, with no verb before it)
    on = _RANKED_ON.match(text, q.end, sentence_end)
    if on is not None and measure_terms(on.group("measure")) and not _REFERS_BACK.match(on.group("measure")):
        return Phrase(on.start("measure"), on.end("measure"), "forward")
    back = backward_phrase(text, group_start, q)
    if back is None or not _RANKED_BEFORE.search(text, max(0, q.start - 12), q.start):
        return NONE
    return back
