"""Whose figure a number is: this council, England, a region, the statistical neighbours or another council.

Names come from data (council.json for the council itself, places.json for the rest). A figure is the
council's own unless a cue says otherwise: a comparator named right after it ("70 nationally", "71 in
England") or earlier in its clause with no other number between ("the national average of 70", "Stockton's
rate was 120"), its table column, or its paper (another council's report).
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.figures.terms import lexicon, phrase_pattern, stopwords
from qa_assistant.settings import DATA_DIR

OWN = "own"
_AFTER_WORDS = 4  # "70 for the North East": a cue this many words after the number names its subject


@dataclass(frozen=True)
class Subject:
    kind: str  # own | england | region | neighbours | other
    name: str  # display name: "Middlesbrough", "England", "North East", "statistical neighbours", "Stockton-on-Tees"

    @property
    def key(self) -> str:
        return self.kind if self.kind != "other" else f"other:{self.name.lower()}"


@dataclass(frozen=True)
class SubjectMention:
    start: int
    end: int
    subject: Subject


@lru_cache(maxsize=1)
def council() -> dict:
    return json.loads((DATA_DIR / "council.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def places() -> dict:
    return json.loads((DATA_DIR / "places.json").read_text(encoding="utf-8"))


def own_subject() -> Subject:
    return Subject(OWN, council()["short_name"])


def _specific_own_names() -> list[str]:
    """Own names that cannot mean any council ("Middlesbrough"), unlike "the Council"."""
    short = council()["short_name"].lower()
    return [a for a in council()["aliases"] if short in a.lower()]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    p = places()
    own = {a.lower() for a in council()["aliases"]}
    others = [a for a in p["authorities"] if a.lower() not in own]
    return [
        (phrase_pattern(p["neighbours"]), "neighbours"),
        (phrase_pattern(p["regional"]), "region"),
        (phrase_pattern(p["national"]), "england"),
        (phrase_pattern(_specific_own_names()), OWN),
        (
            re.compile(phrase_pattern(others).pattern, 0),
            "other",
        ),  # authority names are proper nouns: case matters
    ]


def _canonical_other(name: str) -> str:
    """Stable display name for another authority ("Stockton" and "Stockton-on-Tees" stay as written)."""
    return " ".join(name.split())


# A place name followed by one of these names an organisation there ("Middlesbrough College"), not whose figure.
_ORGANISATION_AFTER = re.compile(
    r"\s*(?:College|School|Academy|University|FC|Football\s+Club|Police|Hospital|Trust|Centre|Center|Library|"
    r"Station|Road|Street|Park|Youth|Community|Town\s+Hall|Civic|Hub|Foodbank|Mind|Women|Cathedral|Airport|"
    r"Mayor|MP|Gazette|Live|Echo|Evening)\b"
)


_COUNCIL_SUFFIX = re.compile(
    r"(?:\s+(?:County|Borough|City|District|Metropolitan\s+Borough|Metropolitan\s+District))?\s+Council\b"
)

_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def _named_before(text: str, start: int) -> bool:
    """ "Adoption Tees Valley", "Foster with North East": a capitalised word joined to the place makes it the name
    of an organisation, not whose figure."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1)
    # "Labour Darlington councillor Nick Wallis": a party says who, it does not name an organisation
    return word.lower() not in stopwords() and word.lower() not in _NOT_NAME_WORDS | _party_words()


@lru_cache(maxsize=1)
def _party_words() -> frozenset[str]:
    return frozenset(p.lower() for p in lexicon()["political_parties"] if " " not in p)


_NOT_NAME_WORDS = {
    "across",
    "compared",
    "whereas",
    "unlike",
    "including",
    "both",
    "than",
    "versus",
    "between",
    "within",
    "outside",
    "inside",
    "around",
    "throughout",
    "neighbouring",
    "nearby",
    "average",
}


def find_subject_mentions(text: str) -> list[SubjectMention]:
    """Non-overlapping subject cues in text order (more specific lists claim a place first)."""
    taken_starts: list[int] = []  # claimed spans, sorted and never overlapping: one bisect finds a clash
    taken_ends: list[int] = []
    found: list[SubjectMention] = []
    matches = {kind: list(pattern.finditer(text)) for pattern, kind in _patterns()}
    names = [m.span() for m in matches["other"]]  # an authority's name may hold a region's
    for _, kind in _patterns():
        for m in matches[kind]:
            s, e = m.span()
            i = bisect.bisect_left(taken_starts, e)
            if i and taken_ends[i - 1] > s:
                continue
            if kind != "other" and any(a <= s and e <= b and b - a > e - s for a, b in names):
                continue  # "North East" inside "Bath and North East Somerset": the authority is named
            if kind in (OWN, "other", "region") and (
                _ORGANISATION_AFTER.match(text, e) or _named_before(text, s)
            ):
                continue
            if kind in (OWN, "other"):
                suffix = _COUNCIL_SUFFIX.match(text, e)  # "Cumbria County Council" is all one name
                if suffix and not (i < len(taken_starts) and taken_starts[i] < suffix.end()):
                    e = suffix.end()
            taken_starts.insert(i, s)
            taken_ends.insert(i, e)
            if kind == "neighbours":
                subject = Subject(kind, "statistical neighbours")
            elif kind == "england":
                subject = Subject(kind, "England")
            elif kind == "region":
                name = m.group(0)
                subject = Subject(
                    kind,
                    name
                    if name[0].isupper() and "average" not in name.lower()
                    else council().get("region") or "the region",
                )
            elif kind == OWN:
                subject = own_subject()
            else:
                subject = Subject(kind, _canonical_other(m.group(0)))
            found.append(SubjectMention(s, e, subject))
    found.sort(key=lambda x: x.start)
    return found


def paper_subject(title: str, head_text: str) -> Subject:
    """The council a paper belongs to: another authority when its title or opening names that authority
    and never this council by name; otherwise this council."""
    in_title = find_subject_mentions(title)
    if any(m.subject.kind == OWN for m in in_title):
        return own_subject()
    titled = [m.subject for m in in_title if m.subject.kind == "other"]
    if titled:
        return titled[0]
    mentions = find_subject_mentions(head_text[:3000])
    own = sum(1 for m in mentions if m.subject.kind == OWN)
    others: dict[str, int] = {}
    for m in mentions:
        if m.subject.kind == "other":
            others[m.subject.name] = others.get(m.subject.name, 0) + 1
    if not others or own:
        return own_subject()
    name, count = max(others.items(), key=lambda kv: kv[1])
    return Subject("other", name) if count >= 2 else own_subject()


def words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# "9.5 per cent – below the national average of 14", "85% (on par with the national rate)": a place named after
# the number as what it is compared with is the comparator's, not the number's
_COMPARED_WITH = re.compile(
    r"\b(?:below|above|than|compared|comparison|against|versus|vs|par\s+with|in\s+line\s+with|same\s+as|"
    r"similar\s+to|higher|lower|exceed\w*)\b",
    re.I,
)


# "Middlesbrough has the highest rate of cases in England, each of which can cost ...": where a place is ranked
_RANKED_IN = re.compile(
    r"\b(?:highest|lowest|most|least|worst|best|largest|smallest|top|bottom)\b[^.;:]{0,40}?(?:\bin\s+(?:the\s+)?)?$",
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
        if m.end <= c_start or _LEFT_OUT.search(text, max(0, m.start - 24), m.start):
            continue  # "the 11 North East councils, excluding Sunderland, spent £8.1m": not Sunderland's
        if m.start >= q_end:  # after the number: only close cues, nothing numeric between
            gap = words_between(text, q_end, m.start)
            if (
                (gap <= _AFTER_WORDS or m.end <= phrase_end or _scoped_across(text, q_end, m.start, gap))
                and not any(q_end <= n < m.start for n in other_numbers)
                and not re.search(r"[;:,]" if gap > _AFTER_WORDS else r"[;:]", text[q_end : m.start])
                and not _COMPARED_WITH.search(text[q_end : m.start])
            ):
                distance = gap
                if best is None or distance < best[0]:
                    best = (distance, m.subject)
        elif m.end <= q_start:
            # "Middlesbrough came in at 46 with an 80 per cent adoption rate": another number between does not
            # stop the place being the number's, unless words compare it with something else
            if _RANKED_IN.search(text[max(0, m.start - 60) : m.start]) or (
                any(m.end <= n < q_start for n in other_numbers)
                and _COMPARED_WITH.search(text, m.end, q_start)
            ):
                continue
            distance = words_between(text, m.end, q_start)
            if best is None or distance < best[0]:
                best = (distance, m.subject)
    if best:
        return best[1]
    return opening_place(text, c_start, q_start, mentions) or default


_ACROSS = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?$", re.I)
_ACROSS_WORDS = 8


def _scoped_across(text: str, q_end: int, m_start: int, gap: int) -> bool:
    """ "3,640 children in care across the Black Country": "across" scopes the number to the place a few
    words further on than other cues may stand."""
    return gap <= _ACROSS_WORDS and bool(_ACROSS.search(text, max(q_end, m_start - 16), m_start))


_LEFT_OUT = re.compile(
    r"\b(?:excluding|except|other\s+than|apart\s+from|not\s+including)\s+(?:the\s+)?$", re.I
)
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
