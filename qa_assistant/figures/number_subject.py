"""Whose a number is, from the cues of its clause: a comparator named right after it ("70 nationally", "71 in
England") or earlier in its clause with no other number between ("the national average of 70", "Stockton's
rate was 120"), or a place its sentence opens with ("Across England, ..."). The cues themselves are found
by subjects.find_subject_mentions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.exclusions import exclusion_pattern
from qa_assistant.figures.subjects import Subject, SubjectMention
from qa_assistant.figures.terms import CONTRAST

_AFTER_WORDS = 4  # "70 for the North East": a cue this many words after the number names its subject


def words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# "9.5 per cent – below the national average of 14", "85% (on par with the national rate)": a place named after
# the number as what it is compared with is the comparator's, not the number's
_COMPARED_WITH = re.compile(
    r"\b(?:below|above|than|compared|comparison|against|versus|vs|par\s+with|in\s+line\s+with|same\s+as|"
    r"similar\s+to|higher|lower|exceed\w*)\b",
    re.I,
)


# after the last number between: "and is facing", "and has", with no comparison or clause break of its own
_GOES_ON = re.compile(
    r"[^;:]*?\band\s+(?:is|was|are|were|has|had|have|will)\b(?:(?!\b(?:than|compared)\b)[^;:])*", re.I
)

_INTO = re.compile(r"\binto\s+(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")  # "taken into Stockton's care": whose care it is
_SUPERLATIVES = "highest|lowest|worst|best|largest|smallest|biggest"
_RANKED_AFTER = re.compile(
    rf"\b(?:{_SUPERLATIVES})\s+(?:[\w-]+\s+){{0,3}}?(?:in\s+(?:the\s+)?)?$",
    re.I,
)
_NEXT_CLAUSE = re.compile(rf"\b(?:{CONTRAST}|followed\s+by)\b", re.I)
_WITH_CLAUSE = re.compile(r",\s*(?:with|while|whilst|whereas)\s+(?:the\s+|a\s+|an\s+)?\S*\s*$", re.I)


# "Middlesbrough has the highest rate of cases in England, each of which can cost ...": where a place is ranked
_RANKED_IN = re.compile(
    rf"\b(?:{_SUPERLATIVES}|most|least|top|bottom)\b[^.;:]{{0,40}}?(?:\bin\s+(?:the\s+)?)?$",
    re.I,
)


def subject_for(
    text: str,
    q_start: int,
    q_end: int,
    clause: tuple[int, int],
    mentions: list[SubjectMention],
    other_numbers: list[int],
    default: Subject,
    phrase_end: int = -1,
) -> Subject:
    """The subject of the number at [q_start, q_end) from cues in its clause (see module docstring); a cue
    inside the number's own phrase after it counts however far ("6,000 children currently in care in the North
    East"), and a place the sentence opens with ("Across England, ...") is its numbers' when no cue is nearer."""
    c_start, c_end = clause
    best: tuple[int, Subject] | None = None
    for m in mentions:
        if m.start >= c_end:
            break
        if m.end <= c_start or _left_out().search(text, max(0, m.start - 24), m.start):
            continue  # "the 11 North East councils, excluding Sunderland, spent £8.1m": not Sunderland's
        if m.start >= q_end:  # after the number: only close cues, nothing numeric between
            gap = words_between(text, q_end, m.start)
            if (
                (gap <= _AFTER_WORDS or m.end <= phrase_end or _scoped_across(text, q_end, m.start, gap))
                and not any(q_end <= n < m.start for n in other_numbers)
                and not re.search(r"[;:,]" if gap > _AFTER_WORDS else r"[;:]", text[q_end : m.start])
                and not _COMPARED_WITH.search(text[q_end : m.start])
                # "65 children in every 10,000, while Shropshire's is 66": the next clause's place
                and not _NEXT_CLAUSE.search(text[q_end : m.start])
                # "139 per 10,000 in the population, with the national target being 110": a clause of its own
                and not _WITH_CLAUSE.search(text, q_end, m.start)
                # "14.89% – the second highest in England": where it ranks, not whose it is
                and not _RANKED_AFTER.search(text[q_end : m.start])
                # "expects to pay £84.3m into the Northamptonshire Children's Trust": where it goes, not whose
                and not (_INTO.search(text, q_end, m.start) and not _POSSESSIVE.match(text, m.end))
            ):
                distance = gap
                if best is None or distance < best[0]:
                    best = (distance, m.subject)
        elif m.end <= q_start:
            # "Middlesbrough came in at 46 with an 80 per cent adoption rate": another number between does not
            # stop the place being the number's, unless words compare it with something else (and the place does
            # not go on to a predicate of its own: "has 551 compared with 460 ... and is facing a £3.56m pressure")
            between = [n for n in other_numbers if m.end <= n < q_start]
            if (
                _RANKED_IN.search(text[max(0, m.start - 60) : m.start])
                or _compared_before(text, m, q_start)
                or (
                    between
                    and _COMPARED_WITH.search(text, m.end, q_start)
                    and not _GOES_ON.fullmatch(text, max(between), q_start)
                )
            ):
                continue
            distance = words_between(text, m.end, q_start)
            if best is None or distance < best[0]:
                best = (distance, m.subject)
    if best:
        return best[1]
    return opening_place(text, c_start, q_start, mentions) or default


# "more children looked after in Wirral than in similar authorities, with 842 ...": what a place is compared with
# ("than both the national and statistical neighbour averages": two places compared with at once)
_BASE_BEFORE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|against|versus|vs)\s+(?:(?:in|at|for|with)\s+)?(?:(?:both|either)\s+)?"
    r"(?:the\s+)?(?:[\w-]+\s+(?:and|or)\s+(?:the\s+)?)?$",
    re.I,
)
_OPENS = re.compile(r"(?:^|[.;:!?]\s+|\n)\s*$")
# the clause goes on past the compared place: ", with 842", "and 10%", " - compared to the overall number" (a
# dash only before a comparison or a clause: "than the national average - just 21.5%" is the average's)
_CLAUSE_ON = re.compile(
    r",|\band\b|\bwith\b|\s[-–—]\s+(?=compared|which|where|whereas|while)|\bcompared\b", re.I
)
# "than the England average, at 70", "than in Stockton, where 98 ...", ", which is 22%": the compared place's own
# (the compared place's noun and "currently" may come first: "the national | average, which stands at 22%"; a bare
# apposition is its own too: "the England average, 70 per 10,000")
_ITS_OWN = re.compile(
    r"[\s,(–-]*(?:(?:average|rate|figure|level|total|mean)s?\b[\s,(–-]*)?(?:currently\s+|now\s+)?"
    r"(?:(?:at|of|which|where|whose|who|standing|stood|is|was|were|are)\b|$)",
    re.I,
)


# "than both the national and regional averages of ...": the second place of a pair compared with at once
_PAIRED = re.compile(
    r"^\s+(?:and|or)\s+(?:the\s+)?(?:[\w-]+\s+){1,2}?(?=(?:average|rate|figure|level|total|mean)s?\b)", re.I
)


# a pair compared with at once; the clause that goes on past it says something of its own with a finite verb
_A_PAIR = re.compile(r"\b(?:both|either|and|or)\b", re.I)
_OWN_VERB = re.compile(
    r"\b(?:has|have|had|is|are|was|were|rose|fell|increased|decreased|reduced|remains|remained|stood|stands)\b",
    re.I,
)


def _compared_before(text: str, m: SubjectMention, q_start: int) -> bool:
    """A place named as what another is compared with ("than in similar authorities", "than the England
    average") is not whose a number further on is, once the clause has gone on past it (", with 842 children",
    "and 10% of children"); right before the number, or when the words between give the number as its own
    (", at 70", ", which is 22%", ", where 98"), it is."""
    base = _BASE_BEFORE.search(text, max(0, m.start - 50), m.start)
    between = text[m.end : q_start]
    if base is None or not _CLAUSE_ON.search(between):
        return False
    if _A_PAIR.search(base.group(0)) and not _OWN_VERB.search(between):
        return False  # "than both the national and regional averages, the latter being 7.2%": still theirs
    # "Compared with England, 98 per 10,000 children are in care": set before its sentence, the comparison
    # owns none of the sentence's numbers
    return bool(_OPENS.search(text, 0, base.start())) or not _ITS_OWN.match(_PAIRED.sub("", between))


@lru_cache(maxsize=1)
def _left_out() -> re.Pattern[str]:
    return re.compile(exclusion_pattern().pattern + r"\s+(?:the\s+)?$", re.I)


_ACROSS = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?$", re.I)
_ACROSS_WORDS = 8


def _scoped_across(text: str, q_end: int, m_start: int, gap: int) -> bool:
    """ "3,640 children in care across the Black Country": "across" scopes the number to the place a few
    words further on than other cues may stand."""
    return gap <= _ACROSS_WORDS and bool(_ACROSS.search(text, max(q_end, m_start - 16), m_start))


_OPENING = re.compile(r"\s*(?:(?:across|in|throughout|for|within)\s+)?$", re.I)


def opening_place(text: str, c_start: int, q_start: int, mentions: list[SubjectMention]) -> Subject | None:
    """ "Across England, the number of children in care ... rising from 72,600 to 75,400": the place a sentence
    opens with, set off by a comma (or followed by "there were"), is whose its numbers are when nothing nearer
    names theirs, and no other place is named before the number."""
    inside = [m for m in mentions if c_start <= m.start and m.end <= q_start]
    if not inside:
        return None
    first = inside[0]
    if len(inside) > 1 or not _OPENING.fullmatch(text, c_start, first.start):
        return None
    # set off by a comma, or "Across England there were 83,840 children in care"
    opens = text[first.end : first.end + 1] == "," or _THERE_WERE.match(text, first.end)
    return first.subject if opens else None


_THERE_WERE = re.compile(r"\s+there\s+(?:were|are|was|is|had\s+been|have\s+been)\b", re.I)
