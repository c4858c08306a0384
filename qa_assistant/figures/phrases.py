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
Spans are exact offsets into the document's clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa_assistant.text.numbers import Quantity

MAX_PHRASE_WORDS = 14
_LABEL_SEPARATOR = re.compile(r"(?:[:=|]|\s[-–—/]|[-–—]\s|\s[-–—/]\s)\s*$")
_BULLET_PREFIX = re.compile(r"[\s•·●▪*-]*(?:\d+(?:\.\d+)*[.)]?\s+|\(?[a-z]\)\s+)?")
_FORWARD_STOP_WORDS = {
    "and",
    "or",
    "but",
    "which",
    "compared",
    "than",
    "against",
    "while",
    "whilst",
    "whereas",
    "since",
    "as",
    "because",
    "although",
    "though",
    "so",
    "if",
    "when",
    "where",
    "from",
    "to",
    "this",
    "it",
    "there",
    "during",
    "between",
    "per",
    "for",
    "by",
    "at",
    "across",
    "including",
    "includes",
    "included",
    "versus",
    "vs",
    "whereby",
    "however",
    "meaning",
    "representing",
    "equating",
    "up",
    "down",
    "rather",
    "until",
    "following",
    "whom",
    "whose",
    "due",
    "owing",
    "thanks",
    "despite",
    "via",
    "through",
    "unlike",
}
_TIME_PHRASE = re.compile(
    r"(?:in|over|during|within|across|for|at|by)\s+(?:the|this|that|each|a|every)\s+"
    r"(?:(?:last|past|same|previous|current|whole|first|second|third|fourth|final)\s+)?"
    r"(?:\w+\s+)?(?:year|quarter|month|period|week|day|time|months|years|weeks)\b",
    re.I,
)
_AND_GROUP = re.compile(
    r"and\s+(?:their\s+)?(?:young\s+people|children|families|carers|parents|adults|care\s+leavers|"
    r"siblings|babies|infants|adolescents)\b",
    re.I,
)
_GROUP_BEFORE = re.compile(
    r"(?:children|people|families|carers|parents|adults|leavers|siblings|babies)\s*$", re.I
)
_ASIDE = re.compile(r"\s*\([^()]{1,24}\)\s*")
_CLAUSE_GOES_ON = re.compile(
    r"(?:who|which|that|were|was|are|is|not|placed|living|aged|being|with|in)\b", re.I
)
_FOR_EACH = re.compile(r"(?:for|per)\s+(?:each|every)\b", re.I)
_FOR_EACH_LEAD = re.compile(r"\s+(?:for|per)\s+(?:each|every)(?:\s+of)?\s+", re.I)
_NOT_A_MEASURE_START = re.compile(
    r"in\s+(?:comparison|relation|line|total|addition|the\s+(?:same|last|previous|past))\b", re.I
)
# A phrase that starts with one of these is about time or comparison, not what the number counts.
_FIRST_WORD_REJECT = {
    "from",
    "since",
    "over",
    "during",
    "for",
    "by",
    "at",
    "to",
    "between",
    "after",
    "before",
    "compared",
    "against",
    "than",
    "nationally",
    "regionally",
    "respectively",
    "each",
    "per",
}
# "allocated to Children's Services" goes on; "to date", "to be", "to deliver" end the phrase.
_TO_CONTINUES = re.compile(
    r"to\s+be\s+[a-z]+ed\b|to\s+(?!date\b|be\b|deliver|support|provide|reduce|increase|improve|ensure|help|make|"
    r"meet|achieve|continue|take|get|the\s+end\b|end\b|around\b|approximately\b|\d|£)",
    re.I,
)
_OF_LEAD = re.compile(
    r"\s*of\s+(?:the\s+|these\s+|those\s+|our\s+|all\s+|its\s+|their\s+|which\s+|whom\s+)?", re.I
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
    r"accounts?\s+for|accounted\s+for|accounting\s+for|makes?\s+up|made\s+up|comprises?|comprised)\b))+\s*$",
    re.I,
)
_CLAUSE_START = re.compile(
    r"(?:[;:(]|,\s|\b(?:that|whereas|while|whilst|which|where|although|because|and|but|"
    r"however|meaning|so|when)\s)",
    re.I,
)
_TREND_VERB_TAIL = re.compile(
    r"\s+(?:has|have|had|was|were|is|are)?\s*(?:been\s+)?(?:reduced|increased|decreased|risen|fallen|dropped|grown|"
    r"changed|gone\s+(?:up|down)|remained|stayed|rose|fell|declined|improved|moved|stabilised|continued|varied|"
    r"ranged|fluctuated|varies|ranges)\b.*$",
    re.I,
)
_BRACKETED_VALUE = re.compile(r"[ \t]*\([ \t]*£?\d[\d,.]*%?[ \t]*\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-/&]*|£?\d[\d,.]*%?")


@dataclass
class Phrase:
    start: int
    end: int
    how: str  # label | forward | backward | inherited | heading | table | none

    @property
    def found(self) -> bool:
        return self.end > self.start


NONE = Phrase(0, 0, "none")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
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
        s, e = _trim(text, bullet.end() if bullet else prefix_start, prefix_start + len(body))
        return Phrase(s, e, "label") if e > s and re.search(r"[A-Za-z]{3,}", text[s:e]) else None
    body_end = prefix_start + _LABEL_SEPARATOR.search(prefix).start()
    bullet = _BULLET_PREFIX.match(text, prefix_start, body_end)
    s, e = _trim(text, bullet.end() if bullet else prefix_start, body_end)
    if e <= s or len(text[s:e].split()) > MAX_PHRASE_WORDS or not re.search(r"[A-Za-z]{2,}", text[s:e]):
        return None
    if (
        not is_line_start
        and re.search(r"\b(?:is|was|were|are|has|have|had)\b", text[s:e], re.I)
        and len(text[s:e].split()) > 8
    ):
        return None  # a sentence that happens to end in a colon, not a label
    return Phrase(s, e, "label")


def _continues(text: str, word: str, pos: int, previous_end: int, start: int | None) -> bool:
    """Stop words that do not end a measure phrase in these uses: "allocated to Children's Services",
    "classed as high risk", "cared for children", "missing from home"."""
    if start is None:
        return False
    previous = text[max(start, previous_end - 12) : previous_end].lower()
    if word == "to":
        return bool(_TO_CONTINUES.match(text, pos))
    if word == "as":
        return bool(
            re.match(
                r"as\s+(?!at\b|of\b|well\b|such\b|part\b|a\s+result\b|this\b|it\b|they\b|we\b)[a-z]",
                text[pos : pos + 20],
                re.I,
            )
        )
    if word == "for":
        return previous.endswith(("cared", "caring", "looked", "waiting", "approved"))
    if word == "and":  # "children and young people", "young people and families": one group counted
        return bool(_AND_GROUP.match(text, pos)) and bool(_GROUP_BEFORE.search(previous))
    if word == "from":
        return not re.match(
            r"from\s+(?:a\s+|the\s+)?(?:high|peak|low|last|previous)\b", text[pos : pos + 30], re.I
        )
    return False


_AGE_RANGE = re.compile(
    r"(?:aged|ages)\s+(?:between\s+)?(?:\d{1,2}\s*(?:to|-|–|and)\s*\d{1,2}|\d{1,2}\s+(?:and|or)\s+"
    r"(?:over|under|above|below|older|younger)|\d{1,2}\+?|under\s+\d{1,2}|over\s+\d{1,2})",
    re.I,
)


def forward_phrase(
    text: str,
    q: Quantity,
    limit: int,
    stops: set[int],
    thresholds: dict[int, int],
    at_line_start: bool = False,
) -> Phrase | None:
    """The words right after the number, up to a clause boundary. stops: offsets where a date or another
    number starts; thresholds: start -> end of durations that belong to a measure ("within 26 weeks")."""
    pos = q.end
    if text[max(0, q.start - 1) : q.start] == "(" and text[pos : pos + 1] == ")":
        pos += 1  # "Just under half (47.1%) of the children needed help": read on after the bracket
    bracketed = _BRACKETED_VALUE.match(text, pos)
    if bracketed:
        pos = bracketed.end()  # "83% (3,224) were being held open on a child in need basis": both say that
    each = _FOR_EACH_LEAD.match(text, pos) if q.unit.startswith("gbp") else None
    if each:
        pos = each.end()  # "£8,000 per week for each of its looked after youngsters"
    lead = _OF_LEAD.match(text, pos) if q.unit in ("percent", "count") else None
    if lead:
        pos = lead.end()
    start: int | None = None
    end = pos
    words = 0
    skip_until = -1
    for m in _WORD.finditer(text, pos, limit):
        if m.start() < skip_until:
            continue
        gap = text[end : m.start()]
        if (
            start is None
            and gap.strip(" \t‘“\"'")
            and not (at_line_start and re.fullmatch(r"\s*[-–—:]\s*", gap))
        ):
            return None  # "500 (154.3 ...", "658.": nothing follows the number directly
        if start is not None and re.search(r"[,;:.()!?\[\]\n]|\s[-–—]\s", gap):
            aside = _ASIDE.match(text, end)
            if aside and "(" in gap and _CLAUSE_GOES_ON.match(text, aside.end()):
                skip_until = end = aside.end()  # "1,363 looked after children (2.7%) who were not in school"
                continue
            break
        if m.start() in stops:
            if m.start() in thresholds and start is not None:
                end = skip_until = thresholds[m.start()]
                words += 1
                continue
            end = _drop_verb_before_number(text, start, end) if start is not None else end
            break
        word = m.group(0).lower().strip("'’")
        age = _AGE_RANGE.match(text, m.start()) if start is not None else None
        if age:  # "19 young people aged 18 to 20 were living ...": an age range is part of who is counted
            end = skip_until = age.end()
            words += 1
            continue
        if start is not None and _TIME_PHRASE.match(text, m.start()):
            break  # "in the quarter", "over the last year": when, not what
        if start is None and _NOT_A_MEASURE_START.match(text, m.start()):
            return None
        if (
            start is None
            and word in _FIRST_WORD_REJECT
            and not (q.unit.startswith("gbp") and _FOR_EACH.match(text, m.start()))
        ):
            return (
                None  # (but "£8,000 per week for each of its looked after youngsters" says what it pays for)
            )
        if word in _FORWARD_STOP_WORDS and not _continues(text, word, m.start(), end, start):
            break
        if start is None:
            start = m.start()
        end = m.end()
        words += 1
        if words >= MAX_PHRASE_WORDS:
            break
    if start is None:
        return None
    s, e = _trim(text, start, end)
    e = _drop_trailing_function_words(text, s, e)
    return Phrase(s, e, "forward") if e > s else None


def _drop_verb_before_number(text: str, s: int, e: int) -> int:
    """ "156 approved foster care households creating 263 placements": "creating" leads to the next number."""
    m = re.search(r"\s+[A-Za-z]+(?:ing|ed)$", text[s:e])
    return s + m.start() if m and m.start() > 0 else e


_TRAILING_FUNCTION = re.compile(
    r"\s+(?:the|a|an|of|in|on|at|to|within|with|and|or|was|were|is|are|had|has|have|"
    r"been|being|be|currently|now|still|also)$",
    re.I,
)


def _drop_trailing_function_words(text: str, s: int, e: int) -> int:
    while True:
        m = _TRAILING_FUNCTION.search(text, s, e)
        if not m:
            return e
        e = m.start()


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
    start = clause_start
    for m in _CLAUSE_START.finditer(text, clause_start, end):
        if not _in_word_list(text, m, end):
            start = m.end()
    vague = _VAGUE_SHARE.search(text, start, end)
    if vague and vague.end() >= end - 1:
        return None  # "Just under half (47.1%) of the children ...": the words after the bracket say what
    verb = _TREND_VERB_TAIL.search(text, start, end)
    if verb:
        end = verb.start()
    # keep the last MAX_PHRASE_WORDS words
    words = list(_WORD.finditer(text, start, end))
    if not words:
        return None
    if len(words) > MAX_PHRASE_WORDS:
        start = words[-MAX_PHRASE_WORDS].start()
    s, e = _trim(text, start, end)
    bullet = _BULLET_PREFIX.match(text, s, e)
    s = bullet.end() if bullet else s
    s = _skip_leading_function_words(text, s, e)
    s = _last_noun_phrase(text, s, e)
    return Phrase(s, e, "backward") if e > s and re.search(r"[A-Za-z]{3,}", text[s:e]) else None


_LIST_AFTER_COMMA = re.compile(r",\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+(?:or|and)\s+[A-Za-z]")
_LIST_BEFORE_AND = re.compile(r",\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+$")


def _in_word_list(text: str, m: re.Match[str], end: int) -> bool:
    """ "in education, employment or training": the comma and the "or" join a list of nouns, not clauses."""
    if m.group(0).startswith(","):
        return bool(_LIST_AFTER_COMMA.match(text, m.start(), end))
    if m.group(0).strip().lower() in ("and",):
        return bool(_LIST_BEFORE_AND.search(text, max(0, m.start() - 40), m.start()))
    return False


_VAGUE_SHARE = re.compile(
    r"\b(?:(?:just\s+)?(?:under|over|about|around|nearly|almost)\s+)?(?:half|a\s+third|a\s+quarter|"
    r"two\s+thirds|three\s+quarters|the\s+majority|most|a\s+fifth)\s*\(?\s*$",
    re.I,
)
_DETERMINER = re.compile(r"\b(?:a|an|the|our|its|their|this|these|those|his|her)\s+", re.I)


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|of|in|for|from|to|by|on|at|into|within|across|under|over)\s+$", re.I
)
_VERB_BEFORE = re.compile(r"(?:ed|ing|been|was|were|is|are|has|have|had)\s+\w+\s+$", re.I)


def _last_noun_phrase(text: str, s: int, e: int) -> int:
    """ "The project had also resulted in a significant saving in care costs" -> "a significant saving in care
    costs": the noun phrase from the last determiner that starts it (not one inside a prepositional phrase, as
    "an IFA" in "a foster care placement with an IFA"), when what follows it still names something."""
    starts = [
        m.start() for m in _DETERMINER.finditer(text, s, e) if re.search(r"[A-Za-z]{3,}", text[m.end() : e])
    ]
    for pos in reversed(starts):
        before = text[max(s, pos - 30) : pos]
        if not _PREPOSITION_BEFORE.search(before) or _VERB_BEFORE.search(before):
            return pos
    return s


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
    s, e = _trim(text, bullet.end() if bullet else prev_start, pos)
    return Phrase(s, e, "heading") if e > s else None
