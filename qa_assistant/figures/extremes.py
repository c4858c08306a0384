"""A question that asks for the highest or lowest value ("What was the highest number of private fostering
arrangements in the last three years?") is answered only by a figure its paper says is that extreme ("has only
ever been as high as 10", "peaked at 702", "the lowest rate in 13 months"): the current level of the same
measure ("currently notified of two") is not. The support check (selection.py) asks here; the words are data
(lexicon: extreme_asked, extreme_said).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from qa_assistant.figures.terms import lexicon, phrase_pattern, terms
from qa_assistant.models import Figure
from qa_assistant.text.dates import find_dates
from qa_assistant.text.numbers import Quantity, find_quantities

_BEFORE_CHARS = 100  # how far either side of the number its sentence may say it is the extreme
_AFTER_CHARS = 100  # "593 cases ... in September 2018 - the biggest amount they have ever seen"


@lru_cache(maxsize=1)
def _asked() -> re.Pattern[str]:
    return phrase_pattern(lexicon()["extreme_asked"])


@lru_cache(maxsize=1)
def _said() -> re.Pattern[str]:
    return phrase_pattern(lexicon()["extreme_said"])


def asks_extreme(question: str, source_terms: tuple[str, ...] | list[str] = ()) -> bool:
    """Whether a question asks for the highest, lowest, peak, maximum or minimum value of its measure (not when
    the words name the source it asks about: "per the Free Press report on its all-time high")."""
    named = frozenset(source_terms)
    return any(not frozenset(terms(m.group(0).split()[-1])) <= named for m in _asked().finditer(question))


def _any(_: Quantity) -> bool:
    return True


def said_extreme(f: Figure, sentence_text: str) -> bool:
    """Whether the figure's sentence says, near the number and before any other number, that it is an extreme
    value ("593 cases in September 2018 - the biggest amount they've ever seen"; not "two arrangements, and
    ... as high as 10", which is said of the 10)."""
    return said_of_the_number(f, sentence_text, _said())


def said_of_the_number(
    f: Figure, sentence_text: str, words: re.Pattern[str], cuts_before: Callable[[Quantity], bool] = _any
) -> bool:
    """Whether words are said near the figure's number in its sentence, with no other number between (before
    it: none that cuts_before says closes what went before)."""
    at = f.start - f.sentence_start
    if not 0 <= at <= len(sentence_text):
        return False
    end = at + (f.end - f.start)
    before = sentence_text[max(0, at - _BEFORE_CHARS) : at]
    after = sentence_text[end : end + _AFTER_CHARS]
    others_before = [q for q in _quantities(before) if cuts_before(q)]
    others_after = _quantities(after)
    before = before[others_before[-1].end :] if others_before else before
    after = after[: others_after[0].start] if others_after else after
    return bool(words.search(before) or words.search(after))


def _quantities(text: str) -> list[Quantity]:
    """The numbers of a stretch of text that are not dates."""
    return find_quantities(text, [(d.start, d.end) for d in find_dates(text)])


def extreme_terms(phrase: str, question: str) -> frozenset[str]:
    """ "that number has only ever been as high as 10": for a question that asks for the highest value, the
    words that say a figure is the extreme are what was asked, not a narrower measure."""
    if not asks_extreme(question):
        return frozenset()
    return frozenset(t for m in _said().finditer(phrase) for t in terms(m.group(0)))
