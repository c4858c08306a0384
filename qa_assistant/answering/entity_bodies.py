"""Bodies (charities, companies, universities) a sentence names by how it sets them off, whatever word their name
ends in: as who did what was asked ("carried out ... by Loughborough University"), after the kind asked ("the
charity Grandparents Plus"), or before a bracket naming what they run ("Grandparents Plus (the Relative
Experience Project)").
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from qa_assistant.answering.entity_finder import ORG_HEADS, Found, find_people, roles
from qa_assistant.answering.ner import person_spans
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.terms import lexicon, measure_terms, phrase_pattern
from qa_assistant.text.date_patterns import MONTHS

_BY_BODY = re.compile(
    # a body's own name: words before its kind ("Loughborough University"), or what it is of or for ("Department
    # for Education"); not a post's first word ("the Service Manager")
    rf"\bby\s+(?:the\s+)?((?:[A-Z][\w'’&-]*\s+){{1,5}}(?:{ORG_HEADS})(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*)*|"
    rf"(?:{ORG_HEADS})(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*)+)\b"
    r"(?!\s+(?:Manager|Officer|Director|Head|Lead|Chair|Member)\b)"
)


# "run on a day to day basis by Stonham – the care and support division of Home Group": a name set off by what
# it is, whatever word it ends in
_BY_SET_OFF = re.compile(
    r"\bby\s+([A-Z][\w'’&-]*(?:[ \t]+[A-Z][\w'’&-]*){0,3})[ \t]*(?:[–—]|\s-|,)[ \t]*(?:the|a|an)[ \t]+"
    r"(?P<what>[a-z][^.;:()]{0,60})"
)


@cache
def _person_noun() -> re.Pattern[str]:
    """A person's post among the words set off after a name ("the charity's chief executive", "a company
    spokesperson"): the lexicon's roles and person nouns."""
    return phrase_pattern(lexicon()["roles"] + lexicon()["person_nouns"])


@cache
def _body_nouns() -> frozenset[str]:
    return frozenset(lexicon()["body_nouns"])


def _not_a_body(name: str) -> bool:
    """A date, a festival or season, or a sentence's opening word read as a name ("by March, a month before",
    "by Easter, the company said", "by The ...")."""
    first = name.split()[0].lower()
    days = {d.lower() for d in calendar.day_name}
    return first in MONTHS or first in days or first in lexicon()["times_of_year"] or first in _OPENERS


_OPENERS = frozenset({"the", "this", "that", "it", "then"})


def bodies_by(text: str, verb: frozenset[str]) -> list[Found]:
    """Organisations named as who did what was asked: "Who carried out the analysis?" -> "carried out for the
    coalition by Loughborough University", "Which organisation runs the Foyer?" -> "run ... by Stonham – the
    care and support division of ...". The asked verb must lead to that "by" with no other clause between
    ("presented by the Head of Service and endorsed by the Board" names no presenter after its second "by")."""
    if not verb:
        return []
    out: list[Found] = []
    for shape in (_BY_BODY, _BY_SET_OFF):
        for m in shape.finditer(text):
            lead = re.split(r",|\band\b|\bby\b|[–—;]", text[max(0, m.start() - 80) : m.start()])[-1]
            if verb & set(measure_terms(lead)) and (shape is _BY_BODY or _set_off_body(m)):
                out.append(Found(m.start(1), m.end(1), m.group(1), "name"))
    return out


def _set_off_body(m: re.Match[str]) -> bool:
    """A name set off after "by" whose words set off say it is a body: no person, post, place or date. The words
    up to "of", a preposition or a comma describe it: a body's noun with no person's post after it ("the care and
    support division of", "a research company based in"; not "the charity's policy and research manager", "a
    company spokesperson said", "the head of the charity"), or a body's noun first ("a charity and member of")."""
    name = m.group(1)
    what = re.split(r"\b(?:of|at|in|for|with|within)\b|,", m.group("what"))[0]
    first = what.split(" and ")[0].split()
    bodies = [w.end() for w in re.finditer(r"[a-z]+", what) if w.group(0) in _body_nouns()]
    described = (
        bool(first)
        and first[-1] in _body_nouns()
        or (bool(bodies) and not any(p.start() >= bodies[-1] for p in _person_noun().finditer(what)))
    )
    if not described or _not_a_body(name) or find_people(name):
        return False
    return not (holds_role_word(name) or is_a_place(name))


# on one line: "... run by an experienced independent provider\nOfsted Registration of the home" names no provider
_BODY_NAME = r"[A-Z][\w'’-]*(?:[ \t]+(?:of|for|and|&|[A-Z][\w'’-]*))*(?<!\sand)(?<!\sof)(?<!\sfor)"


def bodies_set_off(text: str, head: str) -> list[Found]:
    """Bodies whose name ends in no body's word ("Grandparents Plus"), where the sentence sets the name off as
    one: after the kind asked ("the charity Grandparents Plus"), or before a bracket naming what it runs
    ("Grandparents Plus (the Relative Experience Project)"). Never a person, a post or a place."""
    shapes = (  # the kind in lower case: "Agency Staff Costs" is a heading's words, not the agency "Staff Costs"
        rf"\b{re.escape(head.lower())}[ \t]+({_BODY_NAME})",
        rf"(?<![\w'’-])({_BODY_NAME})[ \t]+\(the\s+[A-Z][^()]{{2,60}}\)",
    )
    people = find_people(text) + [Found(s, e, text[s:e], "person") for s, e in person_spans(text)]
    out: list[Found] = []
    for shape in shapes:
        for m in re.finditer(shape, text):
            name = m.group(1)
            if (
                len(name.split()) < 2
                or re.match(r"(?:The|A|An|In|On|At|It|This|That|Our|Their|Its)\b", name)
                or holds_role_word(name)
                or is_a_place(name)
                or any(p.start < m.end(1) and m.start(1) < p.end for p in people)
            ):
                continue
            out.append(Found(m.start(1), m.end(1), name, "name", tagged=True))
    return out


def holds_role_word(name: str) -> bool:
    """A post's word as a word of its own ("Foster Carer Representative"; not the "head" in "Whitehead")."""
    return bool(re.search(rf"(?<![\w'’-])(?:{roles().pattern})", name))


def is_a_place(name: str) -> bool:
    """ "Herefordshire Council", "Stockton-on-Tees Borough Council": a council or place and nothing more."""
    rest = name
    for m in sorted(find_subject_mentions(name), key=lambda m: -m.start):
        rest = rest[: m.start] + rest[m.end :]
    return (
        rest != name
        and not re.sub(r"\b(?:Council|Borough|County|City|Metropolitan|District|of|the)\b", "", rest).strip()
    )
