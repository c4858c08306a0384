"""Ordinal positions ("the third monitoring visit", "placed 150th", "its 59th anniversary"): the answer to
"where in the sequence / where did it rank / which visit was it", read as figures of unit "ordinal" so that only
a question asking a position takes them (a count or a percentage never does)."""

from __future__ import annotations

import re

from qa_assistant.text.date_patterns import MONTHS
from qa_assistant.text.quantity import Quantity, in_dates
from qa_assistant.text.word_numbers import WORD_NUMBER

_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
_ORDINAL = re.compile(
    rf"\b(?:(?P<word>{'|'.join(_ORDINAL_WORDS)})|(?P<num>\d{{1,3}})(?:st|nd|rd|th))\b(?![-‑])", re.I
)
# a fraction ("one third", "a fifth of", "two-thirds"), a thing named by its order ("third party", "first
# time", "second hand", "Second World War"), a list's enumerator ("First, ..."), the first items of a count ("the
# first 40 were placed")
_FRACTION_BEFORE = re.compile(r"(?:\b(?:a|an|one|two|three|four|\d+)[\s-]+|-)$", re.I)
# ... but after "a" a noun of a sequence it names makes it a position ("following a sixth monitoring visit", "a
# third consecutive overspend"): a fraction is "a third of", "by a third", "a third were", "a third felt"
_ARTICLE_BEFORE = re.compile(r"(?<!\bby\s)\b(?:a|an)\s+$", re.I)
_SEQUENCE_NOUN_AFTER = re.compile(
    r"\s+(?:(?:consecutive|successive|straight|monitoring|focused|full|formal|joint|annual|separate|further|"
    r"ofsted|standard|short|independent)\s+){0,2}"
    r"(?:visits?|inspections?|reviews?|reports?|rounds?|meetings?|judgements?|ratings?|overspends?|plans?|"
    r"anniversary|wave|phase|stage|attempts?|applications?|surveys?|audits?|appeals?|bids?)\b",
    re.I,
)
_NOT_A_POSITION_AFTER = re.compile(
    r"\s*(?:,|party\b|parties\b|sector\b|tier\b|time\b|times\b|hand\b|class\b|language\b|aid\b|"
    r"opinion\b|world\b|half\b|quarter\b|floor\b|name\b|person\b|instance\b|place\s+of\b|"
    rf"\d|{WORD_NUMBER.pattern}|"
    # a period counted from a start ("in the first year", "its second term"): when, not a position asked
    r"(?:(?:\w+\s+)?(?:years?|months?|weeks?|days?|terms?|sessions?|hours?|century|centuries))\b"
    r"(?!\s+anniversar)|"  # ("the 59th year anniversary" is a position)
    rf"(?:of\s+)?(?:{'|'.join(MONTHS)})\b)",
    re.I,
)
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\s+$", re.I)  # "October 1st": a day
# "followed the first monitoring visit", "since the second", "after the third": another item of the sequence
_ANOTHER_ITEM_BEFORE = re.compile(
    r"\b(?:follow(?:ed|ing|s)?|after|since|before|than|preceded)\s+(?:the\s+)?$", re.I
)


def _in_a_name(text: str, s: int, e: int) -> bool:
    """ "Families First for Children", "Second Step Programme": a capitalised ordinal after a word of the sentence,
    or before a capitalised word, is part of a name (not one at a sentence's start: "Third, ...")."""
    if not text[s].isupper():
        return False
    after_a_word = bool(re.search(r"[A-Za-z]\s$", text[max(0, s - 2) : s]))
    return after_a_word or bool(re.match(r"\s+[A-Z]", text[e : e + 2]))


def _position_after_article(text: str, before: str, end: int) -> bool:
    return bool(_ARTICLE_BEFORE.search(before) and _SEQUENCE_NOUN_AFTER.match(text, end))


def find_ordinals(text: str, date_spans: list[tuple[int, int]], date_starts: list[int]) -> list[Quantity]:
    """Ordinal positions in text order; not the day of a date, a fraction or a named order ("third party")."""
    out: list[Quantity] = []
    for m in _ORDINAL.finditer(text):
        s, e = m.span()
        before = text[max(0, s - 16) : s]
        if (
            in_dates(s, e, date_spans, date_starts)
            or (_FRACTION_BEFORE.search(before) and not _position_after_article(text, before, e))
            or _MONTH_BEFORE.search(before)
            or _ANOTHER_ITEM_BEFORE.search(before)
            or _NOT_A_POSITION_AFTER.match(text, e)
            or _in_a_name(text, s, e)
            or (m.group("word") and re.match(r"\s+of\b", text[e : e + 4]))  # "the first of its kind"
        ):
            continue
        value = _ORDINAL_WORDS[m.group("word").lower()] if m.group("word") else int(m.group("num"))
        out.append(
            Quantity(s, e, m.group(0), float(value), None, "ordinal", written_as_words=bool(m.group("word")))
        )
    return out
