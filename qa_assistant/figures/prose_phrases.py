"""Which phrase a number in running text takes: the sentence reading of what a number measures.

phrases.py and forward_phrases.py read the shapes a phrase can have; this module decides, for one number of a
sentence, which of them is its own, in a fixed order: the phrase of the value before it when only a link word,
a period or a comparison lies between ("500 (154.3 per 10,000)", "from 702 in July 2020 to 629"); a label;
the words after it; the noun phrase before it; a clause's subject or antecedent ("the current figure stood
at 804"); a heading above. It also notes what a number counts when that is said apart from its measure.
"""

from __future__ import annotations

import re

from qa_assistant.figures.asof import STARTING_VALUE
from qa_assistant.figures.asof_spans import HEDGE
from qa_assistant.figures.clause_subjects import antecedent, participle_subject
from qa_assistant.figures.forward_phrases import forward_phrase
from qa_assistant.figures.kinds import share_of_whole
from qa_assistant.figures.masks import mask_places_in
from qa_assistant.figures.phrases import NONE, Phrase, backward_phrase, heading_above, label_phrase, value_end
from qa_assistant.figures.position_phrases import position_phrase
from qa_assistant.figures.sentence import SentenceReading
from qa_assistant.figures.terms import CONTRAST, counting_terms, measure_terms
from qa_assistant.figures.trend_chains import total_of_another
from qa_assistant.figures.value_lists import (
    names_a_measure,
    next_place_in_list,
    only_a_place_after,
    period_list_gap,
    rate_of_the_count,
    stands_bare,
)
from qa_assistant.figures.when_words import says_only_when
from qa_assistant.text.numbers import Quantity

_INHERIT_GAP = re.compile(r"^\s*(?:\(|/|,\s*or|\bor\b|\band\b|,)?\s*$", re.I)
# "from £27.3m to a forecast £38.4m", "from 365 to around 250": the value a change goes to
_FROM_TO_GAP = re.compile(
    rf"\bto\s*(?:(?:a|an)\s+)?(?:(?:forecast|projected|predicted|estimated|expected)\s+)?(?:{HEDGE}\s+)?(?:£)?$",
    re.I,
)
# "the number of children in its care had risen by 40% to 429": the level after a change says what the change did
_BY_BEFORE = re.compile(
    r"\b(?:risen|rose|rising|increased|increasing|grown|grew|growing|fallen|fell|falling|dropped|"
    r"dropping|decreased|decreasing|reduced|reducing|gone\s+(?:up|down)|went\s+(?:up|down))\s+by\s+"
    r"(?:£)?$",
    re.I,
)
_COMPARED_GAP = re.compile(
    rf"\b(?:compared|against|than|versus|vs\.?|{CONTRAST}|from\s+a\s+(?:high|peak))\b", re.I
)
PREPOSITION_START = re.compile(r"^(?:with|in|on|placed|living|who|under|at)\b", re.I)
_PREPOSITION_SPLIT = re.compile(
    r"\s+(?:with|in|on|placed|living|who|under|at|were|was|are|is|had|have)\b", re.I
)
_COUNTED_HEAD = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){0,3}(?:councils|authorities|local authorities|teams|services|"
    r"schools|homes|areas|wards|providers|agencies|organisations|partners)\b"
    # "went missing 212 times over the year": occasions, not the children
    r"|times\b"
)
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|had|has|have|been)\b", re.I)
# "A forecast overspend of £8.862m | reflected a reduction ...": the words after the number are a predicate
# with an object of its own (after "is"/"are" they still say what it is: "savings of £1,900k are forecast to be
# delivered")
_OF_BEFORE = re.compile(r"\bof\s*\(?\s*$", re.I)
_PREDICATE_START = re.compile(
    r"(?:represents?|reflects?|means?|[a-z]+ed\s+(?:a|an|the|this|that|its|their|our|to|with|by|on|into|as)\b)",
    re.I,
)


def group_start_of(r: SentenceReading, previous: Quantity | None) -> int:
    """Where a number's own words may start: after the value before it (and its closing bracket, or what a rate
    before it is per 10,000 of: "89.5 per 10,000 children, falling to 84.4")."""
    if previous is None:
        return r.sentence[0]
    end = previous.end
    m = re.match(r"\s*\)", r.text[end : end + 4])
    return end + m.end() if m else value_end(r.text, previous)


def phrase_for(r: SentenceReading, q: Quantity, previous: Quantity | None, previous_phrase: Phrase) -> Phrase:
    """The phrase that says what q measures: inherited, a label, the words after it or before it, a heading."""
    text = r.text
    group_start = group_start_of(r, previous)
    if _inherits(r, q, previous, previous_phrase):
        return Phrase(previous_phrase.start, previous_phrase.end, "inherited")
    line_start = text.rfind("\n", max(0, r.sentence[0] - 1), q.start) + 1
    at_line_start = not text[max(line_start, r.sentence[0]) : q.start].strip(" •·-–*\t")
    label = label_phrase(text, group_start, q, at_line_start or group_start == r.sentence[0])
    found = forward_phrase(text, q, r.sentence[1], r.stops, r.thresholds, at_line_start)
    if q.unit == "ordinal":
        return position_phrase(text, q, group_start, r.sentence[1], found)
    forward_terms = set(measure_terms(text[found.start : found.end])) if found else set()
    forward_ok = bool(forward_terms)
    if found is not None:
        head = _COUNTED_HEAD.match(text, found.start)
        if head:  # "five Tees Valley councils": it counts councils, whatever else the sentence says
            r.counted[q.start] = head.group(0)
    if forward_ok and forward_terms <= counting_terms():
        # "an average caseload of 24 young people": the counted noun, not the measure
        back = backward_phrase(text, group_start, q)
        if back and set(measure_terms(text[back.start : back.end])) - counting_terms():
            r.counted[q.start] = text[found.start : found.end]
            return back
    if (
        label
        and not (
            forward_ok
            and (
                _FINITE_VERB.search(text[label.start : label.end])
                # "Last year (2016-2017) 129 children came into care": a label that says only when
                or says_only_when(text[label.start : label.end])
                # "Hereford |\n388 children were in the care of ...": a sentence opens the next line
                or _sentence_opens_line(text, label, q, r.sentence[1])
            )
        )
    ):
        return label
    if forward_ok and _predicate_after(r, q, found):
        back = backward_phrase(text, group_start, q)
        if back and set(measure_terms(text[back.start : back.end])) - counting_terms():
            return back
    if forward_ok:
        return found
    back = _phrase_before(r, q, group_start, line_start, at_line_start, found)
    if previous_phrase.found and back.found and _PART_LINK.fullmatch(text, back.start, back.end):
        # "overspent by £266,000 including £99,000 from ...": a part that names nothing counts what its whole does
        return Phrase(previous_phrase.start, previous_phrase.end, "inherited")
    return _owned_by_previous(text, back, previous, previous_phrase, q.start)


_PART_LINK = re.compile(r"(?:including|includes|included|comprising|of\s+which|of\s+whom)", re.I)


def _sentence_opens_line(text: str, label: Phrase, q: Quantity, sentence_end: int) -> bool:
    """Whether the number starts a line after its label's line and its own line goes on as a sentence (read
    within the sentence: a page of one paragraph has no line end to look for)."""
    if "\n" not in text[label.end : q.start]:
        return False
    line_end = text.find("\n", q.end, sentence_end)
    return bool(_FINITE_VERB.search(text, q.end, line_end if line_end >= 0 else sentence_end))


def _predicate_after(r: SentenceReading, q: Quantity, found: Phrase) -> bool:
    """ "<noun phrase> of N <verb> ...": the noun phrase before says what N is; the words after say what it did."""
    before = r.text[max(r.sentence[0], q.start - 12) : q.start]
    return bool(_OF_BEFORE.search(before)) and bool(_PREDICATE_START.match(r.text, found.start))


def _blanked(r: SentenceReading, q: Quantity, gap: str) -> str:
    """The words before a bare value with the places they name blanked ("..., while Stockton's is 66": whose,
    not what); before a value with words of its own ("while Stockton has 300 children"), as they are."""
    return mask_places_in(r, q.start - len(gap), q.start) if stands_bare(r.text, q.end) else gap


def _inherits(r: SentenceReading, q: Quantity, previous: Quantity | None, previous_phrase: Phrase) -> bool:
    """Whether q shares the phrase of the value before it: only a link, a period or a comparison between."""
    if previous is None or not previous_phrase.found or q.start in r.parts:
        return False
    text = r.text
    gap = text[previous.end : q.start]
    after_phrase = gap
    if previous.end <= previous_phrase.start < q.start:
        after_phrase = re.sub(r"^\s*\([^)]*\)", "", text[previous_phrase.end : q.start])  # "(entered care)"
    return bool(
        _INHERIT_GAP.match(gap)
        or period_list_gap(gap, text[q.end : q.end + 60])
        or rate_of_the_count(
            r.parts, previous, q, after_phrase, text[value_end(text, q) : value_end(text, q) + 4]
        )
        or (_COMPARED_GAP.search(after_phrase) and not names_a_measure(_blanked(r, q, after_phrase)))
        or (
            stands_bare(text, q.end)
            and next_place_in_list(text, q.start - len(after_phrase), q.start, r.mentions)
        )
        or only_a_place_after(text, previous.end, q.start, q.end, r.mentions)
        or (
            _FROM_TO_GAP.search(gap)
            and STARTING_VALUE.search(text[max(0, previous.start - 30) : previous.start])
        )
        or _change_in_brackets(r, previous, gap)
        or (
            _FROM_TO_GAP.search(gap) and _BY_BEFORE.search(text[max(0, previous.start - 30) : previous.start])
        )
    )


# "has increased by 22 per cent (rising from 125 to 161 children)": the bracket gives the change's two ends
_CHANGE_BRACKET = re.compile(
    rf"\(\s*(?:(?:rising|falling|rose|fell|up|down|increasing|decreasing|going)\s+)?from\s+(?:{HEDGE}\s+)?£?$",
    re.I,
)


def _change_in_brackets(r: SentenceReading, previous: Quantity, gap: str) -> bool:
    """Whether a value starts a bracketed from-to that spells out the change before it (only a period between)."""
    m = _CHANGE_BRACKET.search(gap)
    if m is None or not _BY_BEFORE.search(r.text[max(0, previous.start - 30) : previous.start]):
        return False
    return not gap[: m.start()].strip() or says_only_when(gap[: m.start()])


def _owned_by_previous(
    text: str, back: Phrase, previous: Quantity | None, previous_phrase: Phrase, value_start: int
) -> Phrase:
    """ "346 children were in the council's care at the end of 2020/21, which reduced to 332": words read back
    from a number that start inside the phrase the value before it wrote after itself, and run on past it only
    to say when, are that value's, so this one shares its phrase."""
    if (
        back.how == "backward"
        and previous is not None
        and previous_phrase.found
        and previous.end <= previous_phrase.start <= back.start < previous_phrase.end < back.end
        and says_only_when(text[previous_phrase.end : back.end])
        and not total_of_another(text, previous_phrase, text[previous_phrase.end : value_start])
    ):
        return Phrase(previous_phrase.start, previous_phrase.end, "inherited")
    return back


def _phrase_before(
    r: SentenceReading,
    q: Quantity,
    group_start: int,
    line_start: int,
    at_line_start: bool,
    found: Phrase | None,
) -> Phrase:
    """With no label and no measure after it: the words before q, its clause's subject, a heading above."""
    text = r.text
    clause_start = group_start
    if text[max(group_start, q.start - 2) : q.start].strip() == "(":
        back = backward_phrase(text, clause_start, Quantity(q.start - 1, q.end, "", 0, None, q.unit))
        if back:
            return back
    subject = participle_subject(r, q, clause_start)
    if subject is not None:
        return subject
    back = backward_phrase(text, clause_start, q)
    if back and measure_terms(text[back.start : back.end]):
        return back
    earlier = antecedent(r, q, clause_start)
    if earlier is not None:
        return earlier
    if at_line_start:
        above = heading_above(text, line_start)
        if above:
            return above
    heading = _heading_line(r, line_start)
    if heading is not None and not (found and measure_terms(text[found.start : found.end])):
        return heading  # "CLA / numbers are down 14.2% on last year": the heading says what
    return found or back or NONE


def share_of_whole_phrase(
    r: SentenceReading, q: Quantity, phrase: Phrase, previous: Quantity | None
) -> tuple[Phrase, str] | None:
    """ "External residential placements account for £5.4m of the overspend": a part of the overspend,
    named by the words before it; the whole ("the overspend") becomes its context."""
    if phrase.how != "forward" or not share_of_whole(r.text, q):
        return None
    back = backward_phrase(r.text, group_start_of(r, previous), q)
    if not back or not measure_terms(r.text[back.start : back.end]):
        return None
    r.parts.add(q.start)
    return back, r.text[phrase.start : phrase.end]


def _heading_line(r: SentenceReading, line_start: int) -> Phrase | None:
    """A short line right above this sentence's line (within two lines) that names a measure."""
    text = r.text
    end = max(0, min(line_start, r.sentence[0]) - 1)
    for _ in range(2):
        start = text.rfind("\n", max(0, end - 120), end) + 1
        line = text[start:end].strip(" ·•-–\t")
        if line and len(line.split()) <= 8 and not re.search(r"[.;:,]$|\d{2,}", line):
            s = start + text[start:end].find(line)
            if measure_terms(line):
                return Phrase(s, s + len(line), "heading")
        if start <= 0:
            break
        end = start - 1
    return None


def implied_head(r: SentenceReading, phrase: Phrase, previous_phrase: Phrase) -> str:
    """ "97 children in foster care and 112 with connected carers": the second phrase shares "children"."""
    if phrase.how != "forward" or previous_phrase.how != "forward":
        return ""
    own = r.text[phrase.start : phrase.end]
    if not PREPOSITION_START.match(own):
        return ""
    before = r.text[previous_phrase.start : previous_phrase.end]
    head = _PREPOSITION_SPLIT.split(before, maxsplit=1)[0]
    return head.strip()
