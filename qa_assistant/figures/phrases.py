"""A number's own measure phrase: the words that say what it counts, as the paper wrote them.

Four shapes, tried in this order:
- label: "Number of families accessing Early Help – 658", "Current Children Looked After (LAC): 500", or a
  short heading line directly above a line that starts with the value;
- forward: the words after the number, "156 approved foster care households", "93% of care proceedings
  had been completed within 26 weeks", up to a clause boundary;
- backward: the noun phrase before a linking word, "The Council's overall budget for 2025-2026 was £143.3
  million", "the number of children looked after had reduced from 702";
- inherited: a value right after another one shares its phrase: "500 (154.3 per 10,000)", "from 702 in
  July 2020 to 629".
Spans are exact offsets into the document's clean text. This module holds the Phrase record, the label,
heading and backward shapes, and what every shape shares (trimming, words); the forward shape, with its own
vocabulary of words that end a phrase, is read by forward_phrases.py; prose_phrases.py picks a number's shape
(inheriting included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.figures.clause_starts import DETERMINER, relative_antecedent
from qa_assistant.figures.clause_starts import clause_start as clause_start_at
from qa_assistant.figures.reported_speech import reported_clause_start
from qa_assistant.figures.terms import lexicon, phrase_pattern, phrase_synonyms
from qa_assistant.text.numbers import Quantity

MAX_PHRASE_WORDS = 14
_LABEL_SEPARATOR = re.compile(r"(?:[:=|]|\s[-–—/]|[-–—]\s|\s[-–—/]\s)\s*$")
# list markers: "1.", "2.3", "(a)", "b)", and roman numerals "ii.", "(iv)" (a lone "i." or "a." is not a word), and a
# word processor's "o" sub-bullet before a capital ("o Care proceedings"; "o" is no English word)
_BULLET_PREFIX = re.compile(
    r"[\s•·●▪*-]*(?:\d+(?:\.\d+)*[.)]?\s+|\(?[a-z]\)\s+|\(?(?:[ivx]{1,5}|[IVX]{1,5})[.)]\s+|[a-hj-z]\.\s+|"
    r"o[ \t]+(?=[A-Z]))?"
)
_LINK_TAIL = re.compile(
    r"(?:\s*(?:[:=–—-]|\bin\s+the\s+region\s+of|\bin\s+excess\s+of|\bupwards\s+of|\b(?:would|will|could|can|may)\s+"
    r"(?:cost|be|pay|reach)|\b(?:costs|cost|costing|costed|paid|pays|pay|amounts?\s+to)\b|\b(?:is|was|were|are|be|been|being|stood|stands|stand|at|reached|reaching|totalled|totalling|"
    r"totals|total|of|to|from|by|remains|remained|remain|around|approximately|approx\.?|about|over|under|nearly|"
    r"almost|just|some|circa|c\.|with|had|has|have|increased|decreased|reduced|rose|risen|fell|fallen|dropped|"
    r"grown|grew|gone|went|up|down|an|a|the|currently|now|only|still|further|average|averaged|averaging|equated|"
    r"equating|equates|amounting|amounted|amounts|representing|represents|represented|which|this|there|that|"
    r"it|been|sits|sat|stands|standing|moved|improved|declined|increasing|decreasing|reducing|rising|falling|"
    r"slightly|significantly|well|level|levels|figure|between|of\s+around|of\s+about|a\s+total\s+of|"
    r"accounts?\s+for|accounted\s+for|accounting\s+for|makes?\s+up|made\s+up|comprises?|comprised|worth|"
    r"valued\s+at|(?:predicted|expected|forecast|projected|estimated)\s+to\s+(?:be|reach|total))\b))+\s*$",
    re.I,
)
_TREND_VERB_TAIL = re.compile(
    r"\s+(?:has|have|had|was|were|is|are)?\s*(?:been\s+)?(?:reduced|increased|decreased|risen|fallen|dropped|grown|"
    r"changed|gone\s+(?:up|down)|remained|stayed|rose|fell|declined|improved|moved|stabilised|continued|varied|"
    r"ranged|fluctuated|varies|ranges|hit(?!\s+by\b)|peaked|climbed|soared|jumped|surged|doubled|tripled|trebled|"
    r"halved|(?:remains|stays)(?=\s+(?:the\s+same|unchanged|stable|steady|static|constant|similar)\b))\b.*$",
    re.I,
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-/&]*|£?\d[\d,.]*%?")


@dataclass
class Phrase:
    """Where a number's measure phrase is in the text, and which shape found it."""

    start: int
    end: int
    how: str  # label | forward | backward | inherited | heading | table | none

    @property
    def found(self) -> bool:
        return self.end > self.start


NONE = Phrase(0, 0, "none")


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without the spaces and punctuation at its edges (an opening "£" stays, and a "(" closed inside)."""
    while s < e and not text[s].isalnum() and text[s] not in "£(":
        s += 1
    while e > s and not (text[e - 1].isalnum() or text[e - 1] in ")%"):
        e -= 1
    if s < e and text[s] == "(" and ")" not in text[s:e]:
        s += 1
    return s, e


_TRAILING_PERIOD = re.compile(
    r"(?:\s*(?:\([^()]{1,20}\)|\b(?:Q[1-4]|[Qq]uarter\s+(?:one|two|three|four|[1-4]))\b|"
    r"\b\d{2,4}\s?[/-]\s?\d{2}\b|[-–:]))+\s*$"
)


def label_phrase(text: str, prefix_start: int, q: Quantity, is_line_start: bool) -> Phrase | None:
    """'<label><separator> N': the label, when what precedes the number ends in ':', '–', '=' or '|'; or a
    whole line's opening words with no verb ("Number of enquiries - Quarter 1 (22/23)  63"), its period aside."""
    prefix = text[prefix_start : q.start]
    if not prefix.strip():
        return None
    if not _LABEL_SEPARATOR.search(prefix):
        if not is_line_start or prefix_start and text[prefix_start - 1] != "\n" and "\n" not in prefix:
            return None
        body = _TRAILING_PERIOD.sub("", prefix)
        if (
            body == prefix
            or len(body.split()) > 12
            or re.search(r"\b(?:is|are|was|were|had|has|have)\b", body, re.I)
        ):
            return None
        bullet = _BULLET_PREFIX.match(text, prefix_start, prefix_start + len(body))
        s, e = trim_span(text, bullet.end() if bullet else prefix_start, prefix_start + len(body))
        return Phrase(s, e, "label") if e > s and re.search(r"[A-Za-z]{3,}", text[s:e]) else None
    body_end = prefix_start + _LABEL_SEPARATOR.search(prefix).start()
    bullet = _BULLET_PREFIX.match(text, prefix_start, body_end)
    s, e = trim_span(text, bullet.end() if bullet else prefix_start, body_end)
    if e <= s or len(text[s:e].split()) > MAX_PHRASE_WORDS or not re.search(r"[A-Za-z]{2,}", text[s:e]):
        return None
    if (
        not is_line_start
        and re.search(r"\b(?:is|was|were|are|has|have|had)\b", text[s:e], re.I)
        and len(text[s:e].split()) > 8
    ):
        return None  # a sentence that happens to end in a colon, not a label
    return Phrase(s, e, "label")


def backward_phrase(text: str, clause_start: int, q: Quantity) -> Phrase | None:
    """The noun phrase before a linking word: '<NP> was N', '<NP> of N', '<NP> had reduced from N'."""
    end = q.start
    while True:
        tail = _LINK_TAIL.search(text, clause_start, end)
        if tail and tail.start() < end:
            end = tail.start()
        paren = re.search(r"\(\s*$", text[clause_start:end])
        if not paren:
            break
        end = clause_start + paren.start()
    if end <= clause_start:
        return None
    start = clause_start_at(text, clause_start, end)
    antecedent = relative_antecedent(text, clause_start, start, end)
    start = reported_clause_start(text, start, end) if antecedent is None else antecedent
    vague = _VAGUE_SHARE.search(text, start, end)
    if vague and vague.end() >= end - 1:
        return None  # "Just under half (47.1%) of the children ...": the words after the bracket say what
    verb = _TREND_VERB_TAIL.search(text, start, end)
    if verb:
        end = verb.start()
    # keep the last MAX_PHRASE_WORDS words
    words = list(WORD.finditer(text, start, end))
    if not words:
        return None
    if len(words) > MAX_PHRASE_WORDS:
        start = words[-MAX_PHRASE_WORDS].start()
    s, e = trim_span(text, start, end)
    bullet = _BULLET_PREFIX.match(text, s, e)
    s = bullet.end() if bullet else s
    s = _skip_leading_function_words(text, s, e)
    s = _whole_phrase_synonym(text, start, _last_noun_phrase(text, s, e), e)
    return Phrase(s, e, "backward") if e > s and re.search(r"[A-Za-z]{3,}", text[s:e]) else None


# "overspent its budget by", "overspent its budget in 2023/24 by": the amount is what the phrase is said of
_SAID_BY = re.compile(r"(?:\s+(?:in|for|during|of)\s+[\w/ -]{1,20}?)?\s+by\b", re.I)


def _whole_phrase_synonym(text: str, start: int, s: int, e: int) -> int:
    """ "having overspent its budget by £1.7 million": a phrase another wording says is never cut apart when the
    amount is what it is said of (after "by"), so the noun phrase starts where it does ("has overspent its
    budget, with costs of £9.8m": the £9.8m is the whole cost, and the phrase stays cut)."""
    pattern = phrase_synonyms()[0]
    if pattern is None:
        return s
    return next(
        (
            m.start()
            for m in pattern.finditer(text, start, e)
            if m.start() < s < m.end() and _SAID_BY.match(text, m.end(), e + 4)
        ),
        s,
    )


_VAGUE_SHARE = re.compile(
    r"\b(?:(?:just\s+)?(?:under|over|about|around|nearly|almost)\s+)?(?:half|a\s+third|a\s+quarter|"
    r"two\s+thirds|three\s+quarters|the\s+majority|most|a\s+fifth)\s*\(?\s*$",
    re.I,
)


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|of|in|for|from|to|by|on|at|into|within|across|under|over|during|throughout|since|until|between|"
    r"among|through)\s+$",
    re.I,
)
# "placed with", "was in": a verb before the preposition (whole words only: "care in" is no "are in")
_VERB_BEFORE = re.compile(r"(?:ed|ing|\b(?:been|was|were|is|are|has|have|had))\s+\w+\s+$", re.I)


def _last_noun_phrase(text: str, s: int, e: int) -> int:
    """ "The project had also resulted in a significant saving in care costs" -> "a significant saving in care
    costs": the noun phrase from the last determiner that starts it (not one inside a prepositional phrase, as
    "an IFA" in "a foster care placement with an IFA"), when what follows it still names something."""
    starts = [
        m.start() for m in DETERMINER.finditer(text, s, e) if re.search(r"[A-Za-z]{3,}", text[m.end() : e])
    ]
    for pos in reversed(starts):
        before = text[max(s, pos - 30) : pos]
        if (
            not _PREPOSITION_BEFORE.search(before)
            or _VERB_BEFORE.search(before)
            or (_TOPIC_BEFORE.search(before) and _MEASURE_OF.match(text, pos))
        ):
            return pos
    return s


# "updated the Panel on the number of children looked after": "the number of ..." after the topic's preposition
# starts the measure ("the target for the number of children in care" is a target)
_TOPIC_BEFORE = re.compile(r"\b(?:on|about|regarding|concerning)\s+$", re.I)
_MEASURE_OF = re.compile(
    r"(?:the|a|an|our|its|their)\s+(?:total\s+)?(?:number|rate|level|proportion|percentage)\s+of\b", re.I
)


_LEADING_FUNCTION = re.compile(
    r"(?:(?:there|it|this|has|have|had|been|was|were|is|are|be|a|an|also|now|"
    r"currently|still|then|with|and|but|while|whilst)\s+)+",
    re.I,
)


def _skip_leading_function_words(text: str, s: int, e: int) -> int:
    m = _LEADING_FUNCTION.match(text, s, e)
    return m.end() if m else s


def heading_above(text: str, line_start: int) -> Phrase | None:
    """A short heading on the line(s) just above a line that starts with the value ('Children Protection
    Plans' / '1194 (48.2 per 10,000), reduced from ...')."""
    pos = line_start - 1
    while pos > 0 and text[pos - 1] == "\n":
        pos -= 1
    prev_start = text.rfind("\n", max(0, pos - 200), pos) + 1
    if prev_start <= 0 and pos - 200 > 0:
        return None
    line = text[prev_start:pos]
    if not line.strip() or len(line.split()) > 10 or re.search(r"\d", line) or line.rstrip().endswith("."):
        return None
    bullet = _BULLET_PREFIX.match(text, prev_start, pos)
    s, e = trim_span(text, bullet.end() if bullet else prev_start, pos)
    return Phrase(s, e, "heading") if e > s else None


@lru_cache(maxsize=1)
def _denominator_after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:of\s+the\s+)?{phrase_pattern(lexicon()['rate_denominators']).pattern}", re.I)


def value_end(text: str, q: Quantity) -> int:
    """Where a value's own words end: after what a rate is per 10,000 of ("89.5 per 10,000 children"), else at
    the value."""
    if q.unit.startswith("per_"):
        m = _denominator_after().match(text, q.end)
        if m:
            return m.end()
    return q.end
