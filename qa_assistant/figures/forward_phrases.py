"""The forward shape of a number's measure phrase: the words right after it, up to a clause boundary.

"156 approved foster care households", "93% of care proceedings had been completed within 26 weeks". It is
the shape with most exceptions (asides, age ranges, durations, stop words that do not stop: "allocated to
Children's Services"), so it has a module of its own; the other shapes and the Phrase record are in phrases.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.figures.asof_spans import HEDGE
from qa_assistant.figures.forward_stops import FORWARD_STOP_WORDS, FROM_ELSEWHERE, continues, word_set
from qa_assistant.figures.phrases import MAX_PHRASE_WORDS, WORD, Phrase, trim_span
from qa_assistant.figures.terms import lexicon
from qa_assistant.figures.thresholds import THRESHOLD_HERE
from qa_assistant.text.numbers import Quantity

# When, not what ("in the quarter", "over the last year"); or something of the group, not which group ("a
# protection plan with neglect being the most common")
_PHRASE_ENDS = re.compile(
    r"(?:in|over|during|within|across|for|at|by)\s+(?:the|this|that|each|a|every)\s+"
    r"(?:(?:last|past|same|previous|current|whole|first|second|third|fourth|final)\s+)?"
    r"(?:\w+\s+)?(?:year|quarter|month|period|week|day|time|months|years|weeks)\b"
    r"|with\s+(?:[\w'’-]+\s+){1,4}?(?:being|having)\b"
    # or where it was said: "a £12.6m overspend in a report to councillors"
    r"|in\s+(?:a|an|the|its|their|his|her)\s+(?:new\s+|latest\s+)?(?:report|paper|update|statement|briefing|letter)"
    r"\s+(?:to|for)\b"
    # or how the group is divided: "38 performance metrics split into three categories" (not a clause's verb:
    # "45 children in care were split into different placements from their siblings" says which children)
    r"|(?<!\bwere\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bis\s)(?<!\bbe\s)(?<!\bbeen\s)"
    r"(?:(?:split|divided|broken\s+down|grouped|sorted)\s+(?:in)?to\b|(?:split|broken\s+down)\s+by\b)"
    # or the whole it is part of: "38 CLA who were CSS from abroad in the context of approximately 600 CLA"
    r"|(?:in\s+the\s+context\s+of|out\s+of|from\s+a\s+total\s+of)\s+(?:a\s+total\s+of\s+)?"
    rf"(?:{HEDGE}\s+)?£?\d",
    re.I,
)
_ASIDE = re.compile(r"\s*\([^()]{1,24}\)\s*")
_CLAUSE_GOES_ON = re.compile(
    r"(?:who|which|that|were|was|are|is|not|placed|living|aged|being|with|in)\b", re.I
)
_FOR_EACH = re.compile(r"(?:for|per)\s+(?:each|every)\b", re.I)
_FOR_EACH_LEAD = re.compile(r"\s+(?:for|per)\s+(?:each|every)(?:\s+of)?\s+", re.I)
_NOT_A_MEASURE_START = re.compile(
    r"in\s+(?:comparison|relation|line|total|addition|the\s+(?:same|last|previous|past|current|coming|next))\b",
    re.I,
)
# Why an amount of money came about, not what it is: "A £3.5m overspend in children's services was attributed to
# ..." (for a count it says which ones: "320 referrals were attributed to domestic abuse" are a subset)
_CAUSE_GIVEN = re.compile(
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:(?:largely|mainly|mostly|partly|partially|"
    r"primarily|chiefly)\s+)?(?:(?:attributed|attributable|linked|put\s+down)\s+to|blamed\s+on|"
    r"(?:caused|driven|explained)\s+by|due\s+to(?!\s+be\b))\b",
    re.I,
)
# A phrase that starts with one of these is about time or comparison, not what the number counts.
_FIRST_WORD_REJECT = word_set(
    "from since over during for by at to between after before compared against than nationally "
    "regionally respectively each per"
)
_OF_LEAD = re.compile(
    r"\s*of\s+(?:the\s+|these\s+|those\s+|our\s+|all\s+|its\s+|their\s+|which\s+|whom\s+)?", re.I
)
# "66% of young people leaving care are in employment, education or training": a comma and an "or" joining a
# list of nouns; not a clause ("..., this figure and ...", "..., which ... and")
_FUNCTION = (
    r"(?:this|that|these|those|the|a|an|which|who|whom|it|its|they|their|we|our|there|here|while|whilst|"
    r"although|but|and|or|so|as|with|compared|than|up|down|in|on|at|by|for|to|from|of|is|are|was|were|has|"
    r"have|had|not|an?|some|all|most|many|both|each|when|where|if|since)\b"
)
_NOUN_LIST = (
    re.compile(  # lower-case words: "Stockton, Hartlepool and Redcar" are places, not what is counted
        rf",[ \t]+(?!{_FUNCTION})[a-z-]+(?:[ \t]+(?!{_FUNCTION})[a-z-]+)?[ \t]+(?:or|and)[ \t]+"
        rf"(?!{_FUNCTION})[a-z-]+\b(?![ \t]+(?!{_FUNCTION})[A-Za-z-]+)"
    )
)
_BRACKETED_VALUE = re.compile(r"[ \t]*\([ \t]*£?\d[\d,.]*%?[ \t]*\)")


_AGE_RANGE = re.compile(
    r"(?:aged|ages)\s+(?:between\s+)?(?:\d{1,2}\s*(?:to|-|–|and)\s*\d{1,2}|\d{1,2}\s+(?:and|or)\s+"
    r"(?:over|under|above|below|older|younger)|\d{1,2}\+?|under\s+\d{1,2}|over\s+\d{1,2})",
    re.I,
)


@dataclass
class _Walk:
    """How far the phrase after a number has been read: where it starts (None: no word yet) and ends."""

    end: int
    start: int | None = None
    words: int = 0
    skip_until: int = -1  # words before this offset were taken whole (an aside, an age range, a duration)


# What one word does to the phrase being read: read on, end it there, or show the number has no phrase.
_GO_ON, _END, _NO_PHRASE = "go on", "end", "no phrase"


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
    if q.counted:  # "59.7 children in care per 10,000": the words inside the rate say what it counts
        return Phrase(*q.counted, "forward")
    pos = _words_start(text, q)
    walk = _Walk(end=pos)
    for m in WORD.finditer(text, pos, limit):
        if m.start() < walk.skip_until:
            continue
        step = _at_boundary(text, m, walk, stops, thresholds, at_line_start) or _at_word(text, m, walk, q)
        if step == _NO_PHRASE:
            return None
        if step == _END:
            break
    if walk.start is None:
        return None
    s, e = trim_span(text, walk.start, walk.end)
    e = _drop_trailing_function_words(text, s, e)
    return Phrase(s, e, "forward") if e > s else None


@lru_cache(maxsize=1)
def _hyphen_counted() -> frozenset[str]:
    """What a number joined to a word by a hyphen counts ("16-plus", "12-week" are an age and a duration)."""
    return frozenset(lexicon()["hyphen_counted_nouns"])


def _words_start(text: str, q: Quantity) -> int:
    """Where the phrase's words may begin: past the number's bracket, a bracketed value, "for each of", "of the"."""
    pos = q.end
    joined = re.match(r"-([A-Za-z]+)\b", text[pos : pos + 16])
    if joined and joined.group(1).lower() in _hyphen_counted():
        return pos + 1  # "a 43-bedded complex", "a four-bed home": the compound's word says what it counts
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
    return pos


def _at_boundary(
    text: str, m: re.Match[str], walk: _Walk, stops: set[int], thresholds: dict[int, int], at_line_start: bool
) -> str | None:
    """What the gap before a word, or a date or number starting there, does to the phrase (None: nothing)."""
    gap = text[walk.end : m.start()]
    if (
        walk.start is None
        and gap.strip(" \t‘“\"'")
        and not (at_line_start and re.fullmatch(r"\s*[-–—:]\s*", gap))
    ):
        return _NO_PHRASE  # "500 (154.3 ...", "658.": nothing follows the number directly
    if walk.start is not None and gap.strip() == ",":
        listed = _NOUN_LIST.match(text, walk.end)
        if listed:
            walk.end = walk.skip_until = listed.end()
            walk.words += 2
            return _GO_ON
    if walk.start is not None and re.search(r"[,;:.()!?\[\]\n]|\s[-–—]\s", gap):
        aside = _ASIDE.match(text, walk.end)
        if aside and "(" in gap and _CLAUSE_GOES_ON.match(text, aside.end()):
            # "1,363 looked after children (2.7%) who were not in school"
            walk.skip_until = walk.end = aside.end()
            return _GO_ON
        return _END
    if m.start() in stops:
        at_least = THRESHOLD_HERE.match(text, m.start()) if walk.start is not None else None
        if walk.start is not None and (m.start() in thresholds or at_least):
            # ("40 had 3 or more placements": a threshold is part of what is counted)
            walk.end = walk.skip_until = at_least.end() if at_least else thresholds[m.start()]
            walk.words += 1
            return _GO_ON
        walk.end = (
            _drop_verb_before_number(text, walk.start, walk.end) if walk.start is not None else walk.end
        )
        return _END
    return None


def _at_word(text: str, m: re.Match[str], walk: _Walk, q: Quantity) -> str:
    """What the word itself does to the phrase: an age range or a word of the measure extends it."""
    word = m.group(0).lower().strip("'’")
    age = _AGE_RANGE.match(text, m.start()) if walk.start is not None else None
    age = age or (THRESHOLD_HERE.match(text, m.start()) if walk.start is not None else None)
    # "19 young people aged 18 to 20 were living ...": an age range (or "three or more") is who is counted
    if age:
        walk.end = walk.skip_until = age.end()
        walk.words += 1
        return _GO_ON
    if walk.start is not None and _PHRASE_ENDS.match(text, m.start()):
        return _END
    if _gives_a_cause(text, m.start(), walk, q):
        return _END if walk.start is not None else _NO_PHRASE
    if walk.start is None and _NOT_A_MEASURE_START.match(text, m.start()):
        return _NO_PHRASE
    if (
        walk.start is None
        and word in _FIRST_WORD_REJECT
        and not (q.unit.startswith("gbp") and _FOR_EACH.match(text, m.start()))
        and not FROM_ELSEWHERE.match(text, m.start())
    ):
        return _NO_PHRASE  # (but "£8,000 per week for each of its looked after youngsters" says what it pays for)
    if word in FORWARD_STOP_WORDS and not continues(text, word, m.start(), walk.end, walk.start):
        return _END
    if walk.start is None:
        walk.start = m.start()
    walk.end = m.end()
    walk.words += 1
    return _END if walk.words >= MAX_PHRASE_WORDS else _GO_ON


def _gives_a_cause(text: str, pos: int, walk: _Walk, q: Quantity) -> bool:
    """Whether the words at pos say why an amount of money came about (not after "of": "£4.2m of the
    overspend is attributable to agency staff" is a part of it)."""
    if not q.unit.startswith("gbp") or not _CAUSE_GIVEN.match(text, pos):
        return False
    return walk.start is None or not re.match(r"of\b", text[walk.start : walk.start + 3], re.I)


def _drop_verb_before_number(text: str, s: int, e: int) -> int:
    """ "156 approved foster care households creating 263 placements", "195 fostering households looking after
    274 children": the verb leads to the next number, as does looking after or caring for the children the next
    number counts ("12 children in care living with 8 connected carers" keeps "living with": it says which)."""
    m = re.search(r"\s+(?:looking\s+after|caring\s+for|[A-Za-z]+(?:ing|ed))$", text[s:e])
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
