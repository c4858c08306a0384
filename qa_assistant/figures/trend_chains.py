"""Numbers in a trend: values of one measure strung through a sentence by how it moved.

"The number of referrals had dropped from 211 in July to 154 in August and stood at 172 in September"; "346
children were in care at the end of 2020/21, which reduced to 332 in the first quarter and dropped to 313";
"the number has risen to 529, up from 510 in March"; "The rate of CLA per 10,000 started to decline in August,
recently reaching the lowest rate in 13 months at 56.51". The words beside each later value say only when or
how the measure moved ("in August and", "the lowest rate in 13 months", "in"), so the phrase found for it
says nothing of what it counts, and the figure could answer nothing. Such a value measures what the chain's
earlier value measures, or the sentence's subject when it is the chain's first value; only when everything
between is a link (dates, movement verbs, "up", "recently", "a new high") and never a word that names another
measure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.asof import STARTING_VALUE
from qa_assistant.figures.asof_spans import HEDGE
from qa_assistant.figures.kinds import move_stems
from qa_assistant.figures.masks import mask_dates, mask_numbers
from qa_assistant.figures.phrases import Phrase, backward_phrase, value_end
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.terms import lexicon, measure_terms, scaffold_terms, stem_list, words
from qa_assistant.figures.when_words import period_words, when_terms
from qa_assistant.text.numbers import Quantity
from qa_assistant.text.stemming import stem
from qa_assistant.text.word_numbers import WORD_NUMBER

# "and in the last three years that number has only ever been as high as 10": the earlier value's measure
# ("146 more children in care, bringing the total to 612": the total is of what the earlier value counts)
_BRINGS = r"(?:bringing|taking|brings|takes|brought|took)"
_THE_TOTAL = rf"{_BRINGS}\s+(?:the|its|our|their)\s+(?:overall\s+)?(?:total|number|figure)"
_REFERS_BACK = re.compile(
    rf"\b(?:(?:that|this|the\s+same)\s+(?:number|figure|total|rate|level)|{_THE_TOTAL})\b", re.I
)
# "26% in England and Wales, however, this rate was 32.9% in Middlesbrough": another place's value, not a trend
_CONTRAST = re.compile(
    r"\b(?:however|but|whereas|while|whilst|although|though|compared|than|against)\b", re.I
)
_AUXILIARIES = (
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "continues",
    "continued",
    "remains",
    "remained",
)


@lru_cache(maxsize=1)
def _link_terms() -> frozenset[str]:
    """Words a trend strings its values with: movement verbs and marks ("reaching", "up", "a new high")."""
    return stem_list("trend_moves") | stem_list("trend_marks")


@lru_cache(maxsize=1)
def _subject_end() -> re.Pattern[str]:
    """Where the subject of a trend sentence ends: its auxiliary, or the verb that moves the measure."""
    verbs = [w for w in lexicon()["trend_moves"] + lexicon()["trend_marks"] if w.endswith(("ed", "un", "an"))]
    verbs += [w for w in lexicon()["trend_moves"] if w in ("fell", "rose", "grew", "stood", "hit")]
    return re.compile(rf"\s(?:{'|'.join(_AUXILIARIES + tuple(verbs))})\b", re.I)


def _unsaid(text: str) -> frozenset[str]:
    """The terms of text that may name a measure: dates, numbers (in digits or words), periods, link and weak
    words left out."""
    masked = WORD_NUMBER.sub(" ", mask_numbers(mask_dates(text)))
    left = frozenset(t for t in measure_terms(masked) if not t.isdigit())
    return left - _silent_terms() - when_terms() - _link_terms() - period_words(text)


@lru_cache(maxsize=1)
def _silent_terms() -> frozenset[str]:
    """Weak, statement and question-scaffold words. Counted nouns and "care" are not silent here: "children
    in care" says what a number counts, though it names no narrower measure."""
    return stem_list("weak") | stem_list("statement_words") | scaffold_terms()


def says_nothing(phrase_text: str) -> bool:
    """Whether a phrase says nothing of what a number counts ("in August and", "the lowest rate in 13 months",
    "last year", "a new high")."""
    return not _unsaid(phrase_text)


_TO_AFTER_FROM = re.compile(rf"\s*to\s+(?:{HEDGE}\s+)?£?", re.I)


def _is_link(gap: str) -> bool:
    """Whether the words between values of a trend (or its subject and first value) only link them: they move
    the measure ("dropped to", "up from", "reaching ... at") and name nothing else."""
    if re.search(r"[;:()\[\]]", gap):
        return False
    masked = mask_numbers(mask_dates(gap))
    moved = (
        frozenset(stem(w) for w in words(masked)) & move_stems()
        or re.search(r"\bfrom\b.*\bto\s*£?$", masked)
        # "increased by 47 between May and September, from 872 to 919": the value the change started from
        or STARTING_VALUE.search(masked)
        or (_REFERS_BACK.search(masked) and not _CONTRAST.search(masked))
        # "162 in 2017/2018, 171 in 2018/2019 and 151 in 2019/2020": a series of dated values
        or (masked != gap and _SERIES_GAP.fullmatch(masked))
    )
    return bool(moved) and not _unsaid(gap)


_BRINGS_TOTAL = re.compile(rf"\b{_THE_TOTAL}\b", re.I)
# only the total itself, nothing of when ("bringing the total for the year to 27" is another period's)
_BRINGS_TOTAL_GAP = re.compile(
    rf"[\s,–—-]*{_THE_TOTAL}(?:\s+number)?\s+(?:up\s+)?to\s*(?:(?:more\s+than|over|almost|nearly|around|about)\s+)?£?",
    re.I,
)
# a flow or a movement ("were adopted", "entered care", "left"): its total is not what the earlier value counts
_FLOW_WORDS = re.compile(
    r"\b(?:were|was|are|is|has|have|had|left|leaving|came|coming|went|joined|entered|entering|became|moved|"
    r"started|ceased|resigned|adopted|placed|returned|referred|removed)\b",
    re.I,
)
_ADDED = re.compile(r"(?:new|additional|extra|more|further)\s+", re.I)


def _whole_of(text: str, previous_phrase: Phrase, gap: str) -> int:
    """Where the inherited phrase starts: a total the earlier value is brought to counts all of them, not only
    the new ones ("approved 12 new foster carers, taking the total to 140": 140 foster carers)."""
    added = _ADDED.match(text, previous_phrase.start)
    return added.end() if added and _BRINGS_TOTAL.search(gap) else previous_phrase.start


_TOTAL_WORDS = re.compile(rf"\b{_BRINGS}\s+(?P<total>.+?)\s+(?:up\s+)?to\s*\S*$", re.I)


def _total_words(at: int, gap: str) -> Phrase | None:
    """The words naming a total that is not the earlier value's measure ("the total for the year")."""
    m = _TOTAL_WORDS.search(gap)
    return Phrase(at + m.start("total"), at + m.end("total"), "backward") if m else None


def total_of_another(text: str, previous_phrase: Phrase, gap: str) -> bool:
    """A total the earlier value brings something to that is not of what that value counts: another period's
    ("bringing the total for the year to 27"), or the earlier value is a flow ("Eight more children were
    adopted, bringing the total to 27"; "146 children entered care, bringing the total to 612")."""
    if not _BRINGS_TOTAL.search(gap):
        return False
    return not _BRINGS_TOTAL_GAP.fullmatch(gap) or bool(
        _FLOW_WORDS.search(text, previous_phrase.start, previous_phrase.end)
    )


_SERIES_GAP = re.compile(r"\s*(?:in|at|during|for|by)?\s*,?\s*(?:and|then|followed\s+by)?\s*", re.I)


def phrase_in_trend(
    r: SentenceReading, q: Quantity, previous: Quantity | None, previous_phrase: Phrase, own: Phrase
) -> Phrase:
    """The phrase q takes: its own, unless that says nothing and q is a value in a trend; then the earlier
    value's (same unit, only a link between) or, for the trend's first value, the sentence's subject."""
    text = r.text
    gap = text[own.end : q.start]
    if own.how == "backward" and own.end <= q.start:
        if total_of_another(text, own, gap):
            return _total_words(own.end, gap) or own  # "bringing the total for the year to 30": that total
        # "12 new foster carers, taking the total to 140": all the foster carers, not the new ones
        own = Phrase(_whole_of(text, own, gap), own.end, own.how)
    # a value whose only words are the heading above may take its change's words, never a looser trend's
    heading_only = own.how == "heading"
    if own.how == "inherited" or (not heading_only and not says_nothing(text[own.start : own.end])):
        return own
    if previous is not None and previous.unit == q.unit:
        if not previous_phrase.found or says_nothing(text[previous_phrase.start : previous_phrase.end]):
            return own
        after_phrase = previous_phrase.end if previous_phrase.start >= previous.end else 0
        gap = text[max(value_end(text, previous), after_phrase) : q.start]
        # "reduced from around 65 to just 21": the value a change goes to, after the one it started from
        goes_to = _TO_AFTER_FROM.fullmatch(gap) and STARTING_VALUE.search(
            text, max(0, previous.start - 40), previous.start
        )
        if total_of_another(text, previous_phrase, gap):
            return own
        if goes_to or (_is_link(gap) and (not heading_only or STARTING_VALUE.search(gap))):
            return Phrase(_whole_of(text, previous_phrase, gap), previous_phrase.end, "inherited")
        return own
    if heading_only and not STARTING_VALUE.search(text, max(0, q.start - 40), q.start):
        return own  # (the value a change started from may take the sentence's subject)
    at = next(
        (
            m.start()
            for m in _subject_end().finditer(text, r.sentence[0], q.start)
            if _is_link(text[m.start() : q.start])
        ),
        None,
    )
    if at is None:
        return own
    back = backward_phrase(text, r.sentence[0], Quantity(at, at, "", 0, None, q.unit))
    if back is None or says_nothing(text[back.start : back.end]):
        return own
    return back
