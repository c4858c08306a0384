"""Whose figure a number is: this council, England, a region, the statistical neighbours or another council.

Names come from data (council.json for the council itself, places.json for the rest). A figure is the
council's own unless a cue says otherwise: a comparator named right after it ("70 nationally", "71 in
England") or earlier in its clause with no other number between ("the national average of 70", "Stockton's
rate was 120"), its table column, or its paper (another council's report). This module finds the places a
text names and whose a paper is; number_subject.py reads which named place a number belongs to.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.figures.place_words import (
    CAPITAL_NEXT,
    COUNCIL_SUFFIX,
    names_a_newspaper,
    word_name_as_place,
)
from qa_assistant.figures.terms import lexicon, phrase_pattern, stopwords
from qa_assistant.settings import DATA_DIR

OWN = "own"


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
    others = [a for a in [*p["authorities"], *p["short_forms"], *p["word_names"]] if a.lower() not in own]
    others += [a.replace(" and ", " & ") for a in others if " and " in a]  # "Brighton & Hove"
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


_NAME_OPENERS = re.compile(r"^(?:the\s+)?(?:(?:royal|london)\s+borough\s+of|city\s+of|county)\s+(?=\w)")


def _name_form(name: str) -> str:
    """ "Hammersmith & Fulham" -> "hammersmith and fulham", "County Durham" -> "durham", "Stockton-on-Tees" ->
    "stockton on tees": how two writings of one authority's name are compared."""
    lowered = " ".join(re.split(r"[\s-]+", name.lower().replace("&", " and ").replace(",", " ")))
    return _NAME_OPENERS.sub("", lowered.strip())


def _initials(name: str) -> str:
    """ "bournemouth christchurch and poole" -> "bcp": how a council with a long name is often written."""
    return "".join(w[0] for w in name.split() if w not in ("and", "of", "the", "with", "upon", "on"))


@lru_cache(maxsize=4096)
def same_authority(a: str, b: str) -> bool:
    """Two writings of one authority: one is the other's opening words ("Stockton", "Stockton-on-Tees"; "Kingston",
    "Kingston upon Thames") or its initials ("BCP"). Not a shared first word: "North Tyneside" is not "North
    Yorkshire", nor "Kingston upon Hull" "Kingston upon Thames"."""
    x, y = _name_form(a), _name_form(b)
    if not x or not y:
        return False
    return (
        x == y
        or (x + " ").startswith(y + " ")
        or (y + " ").startswith(x + " ")
        or (" " not in x and _initials(y) == x)
        or (" " not in y and _initials(x) == y)
    )


def _short_form_of_another_name(text: str, name: str, end: int) -> bool:
    """Whether a council's one-word short form ("Windsor") starts another proper name ("Windsor Castle")."""
    return name in places()["short_forms"] and bool(
        CAPITAL_NEXT.match(text, end) and not COUNCIL_SUFFIX.match(text, end)
    )


def _not_the_council(text: str, name: str, start: int, end: int) -> bool:
    """ "Windsor Castle", "Stoke Newington", "Richmond Fellowship" (a short form starting another name), "Reading the
    report", "Reading Recovery" (a name that is also a word, used as the word): not the council."""
    if _short_form_of_another_name(text, name, end):
        return True
    return name in places()["word_names"] and not word_name_as_place(text, start, end)


def _canonical_other(name: str) -> str:
    """Stable display name for another authority ("Stockton" and "Stockton-on-Tees" stay as written); a short
    form that one authority alone goes by is read as its full name ("Kingston" is Kingston upon Thames)."""
    name = " ".join(name.split())
    return places()["short_forms"].get(name, name)


# A place name followed by one of these names an organisation there ("Middlesbrough College"), not whose figure.
_ORGANISATION_AFTER = re.compile(
    r"\s*(?:College|School|Academy|University|FC|Football\s+Club|Police|Hospital|Trust|Centre|Center|Library|"
    r"Station|Road|Street|Park|Youth|Community|Town\s+Hall|Civic|Hub|Foodbank|Mind|Women|Cathedral|Airport|"
    r"Primary|Secondary|Grammar|Nursery|Church|Palace|Gardens|Square|"
    r"Mayor|MP)\b"
)
_COUNCIL_PREFIX = re.compile(
    r"\b(?:(?:Royal|London)\s+Borough|City|County)\s+of\s+$"
)  # "Royal Borough of Windsor"

_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
_WHERE_BEFORE = re.compile(
    r"\b(?:in|within|outside|out\s+of|into|from|to|beyond|around|throughout)\s+$", re.I
)


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


def find_subject_mentions(text: str, papers_named: bool = False) -> list[SubjectMention]:
    """Non-overlapping subject cues in text order (more specific lists claim a place first). A local paper's
    place ("the Sutton Guardian") is one only when papers_named: in a question, where it names the source."""
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
                _ORGANISATION_AFTER.match(text, e)
                or _named_before(text, s)
                or not papers_named
                and names_a_newspaper(text, e)
            ):
                continue
            if kind == "other" and _not_the_council(text, m.group(0), s, e):
                continue
            if kind == "region" and m.group(0).islower() and _WHERE_BEFORE.search(text, max(0, s - 16), s):
                continue  # "placed outside the region": where children are, not whose figure
            if kind in (OWN, "other"):
                suffix = COUNCIL_SUFFIX.match(text, e)  # "Cumbria County Council" is all one name
                if suffix and not (i < len(taken_starts) and taken_starts[i] < suffix.end()):
                    e = suffix.end()
                prefix = _COUNCIL_PREFIX.search(text, max(0, s - 24), s)  # and "the Royal Borough of ..."
                if prefix and not (i and taken_ends[i - 1] > prefix.start()):
                    s = prefix.start()
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
