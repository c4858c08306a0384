"""Find people (with their roles), dates and names in a sentence, by the shapes council papers write them in.

People: a title and a name ("Councillor Luke Henman", "Cllr Garvey", "Dr A Smith"), or a name followed by a
role ("J Rowan, Fostering Team Manager", "Sue Butcher, Director of Children's Services"), or a role alone
("the Executive Member for Children's Services") when no name is given. Dates: every date phrase the date
finder knows. Names of things are found in entity_names.py. Role words and titles are data (data/lexicon.json).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.figures.terms import lexicon
from qa_assistant.text.date_patterns import CALENDAR_NAMES

CAP_WORD = r"[A-Z][a-zA-Z'’]+(?:-\s?[A-Z][a-zA-Z'’]+)?"
NAME_WORD = r"[A-Z][a-z][a-zA-Z'’]*(?:\s?-\s?[A-Z][a-zA-Z'’]+)?"
# a day or month alone is no one's name ("published on Friday, lead inspector Claire Beckingham said"); with a
# surname after it, it may be ("Councillor June Goodchild")
_CALENDAR_WORD_ALONE = rf"(?!(?:{CALENDAR_NAMES})\b(?!\s(?:[A-Z]\.?\s)?[A-Z]))"
# "In March, the Director said": a sentence's opening preposition starts no name
_NO_PREPOSITION = r"(?!(?:In|On|At|By|From|Since|Until|During|After|Before)\s)"
# "Councillor May": a surname may be a month or a day, but not one a date goes on from ("Councillor June 2024")
_TITLED_NAME = (
    rf"(?!(?:{CALENDAR_NAMES})\s+\d)(?:[A-Z]\.?\s)?{CAP_WORD}(?:\s(?:[A-Z]\.?\s)?{CAP_WORD}){{0,2}}"
)
_NAME = rf"{_CALENDAR_WORD_ALONE}{_NO_PREPOSITION}{_TITLED_NAME}"
ORG_HEADS = (
    r"Team|Teams|Service|Services|Board|Panel|Hub|Programme|Program|Project|Scheme|Campaign|Strategy|"
    r"Model|Unit|Council|Group|Forum|Partnership|Collaborative|Protocol|Tool|Centre|Center|Home|House|"
    r"Lodge|School|Academy|Trust|Agency|Network|Committee|Plan|Framework|Initiative|Offer|Pathway|"
    r"Pathways|Families|Fund|Project|Court|Office|Department|Commissioner|Police|Hospital|Charity|Club|"
    r"Ltd|Limited|plc|PLC|LLP|CIC|Partnership|Foundation|Association|Alliance|Consortium|University|College|"
    r"Institute|Ministry"
)
COMPANY_HEADS = {
    "company",
    "organisation",
    "organization",
    "provider",
    "charity",
    "agency",
    "firm",
    "business",
    "partner",
    "association",
}
ORG_WORDS = re.compile(rf"\b(?:{ORG_HEADS}|Council|Borough|County|City|Services?)\b")


@dataclass(frozen=True)
class Found:
    start: int  # offsets in the sentence text
    end: int
    text: str
    type: str  # person | date | name
    role: str | None = None
    role_only: bool = False  # "the Executive Member": a role, no name given
    detail: str | None = None  # a date's full reading ("13 October" -> "13 October 2025")
    tagged: bool = False  # found by the NER tagger, not by a shape that gives the role beside the name


@lru_cache(maxsize=1)
def titles() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(lexicon()["person_titles"], key=len, reverse=True))
    # "Labour Darlington councillor Nick Wallis": news writes the title in lower case after the party and place
    return re.compile(rf"\b(?:{titles}|councillor)\s+{_TITLED_NAME}")


@lru_cache(maxsize=1)
def roles() -> re.Pattern[str]:
    names = sorted(lexicon()["roles"], key=len, reverse=True)
    roles = "|".join(re.escape(r) for r in names if not r.lower().endswith((" of", " for")))
    # "Head of" must be followed by what it heads ("Head of Fostering"); other roles may be
    open_roles = "|".join(re.escape(r[: r.rfind(" ")]) for r in names if r.lower().endswith((" of", " for")))
    tail = (
        rf"\s+(?:of|for)\s+(?:the\s+)?(?:{CAP_WORD}|and|&)"
        rf"(?:\s+(?:{CAP_WORD}|and|&|of|in|the|Children’s|Children's))*"
    )
    return re.compile(  # a role is a whole word ("Gateshead" holds no "head")
        rf"\b(?:(?:Interim|Acting|Deputy|Assistant|Senior|Principal|Strategic|Corporate)\s+)*"
        # "Voice of the Child Coordinator": a post's name may hold "of the"
        # (on one line: "Update PDF 308 KB\nThe Deputy Mayor" is no post called "KB")
        rf"(?:{CAP_WORD}[ \t]+(?:(?:and|&|of|for)\s+(?:the\s+)?)?){{0,4}}?"
        rf"(?:(?i:{roles})\b(?:{tail})?|(?i:{open_roles}){tail})"
    )


@lru_cache(maxsize=1)
def _name_then_role() -> re.Pattern[str]:
    # "A Coulson, Leaving Care (Pathways) Team Manager": the team's name may come before the post
    team = r"(?:(?:[A-Z][\w'’&-]*|\([^()]{1,30}\))\s+){0,4}"
    # a dash set off by a space, not a hyphen inside a post ("Co-Chair", "Vice-Chair": no one called "Co")
    return re.compile(rf"\b({_NAME})(?:\s*(?:,|–|—|\()|\s+-)\s*(?:the\s+)?({team}(?:{roles().pattern}))")


def role_after(text: str, end: int) -> str | None:
    m = re.match(rf"(?:\s*(?:,|–|—|\(|as)|\s+-)\s*(?:the\s+)?({roles().pattern})", text[end:])
    if not m:
        return None
    own = _POSSESSED.match(text, end + m.end(1))
    if own and not titles().search(own.group(0)):  # not past another person ("the Mayor’s deputy Dr Bob Lee")
        return (m.group(1) + own.group(0)).strip()
    return m.group(1).strip()


# "Cllr Stuart Wilson, the leader of the council’s opposition group, said": a post's last word owning what
# follows makes the post the leader of that (the opposition group), not of the council; it ends where the
# clause does, at "and" or a full stop (and never runs past a titled person: role_after)
_POSSESSED = re.compile(
    r"['’]s\s+(?:(?!\s(?:and|said|says|told|added)\b|\.\s)[^,;:()\n]){1,60}?"
    r"(?=\s*(?:[,;:()\n.]|$)|\s+(?:and|said|says|told|added)\b)"
)


@lru_cache(maxsize=1)
def _role_then_name() -> re.Pattern[str]:
    """ "Commissioner Peter Dwyer CBE", "the Minister for Children and Families, Janet Daby": a role before the
    name, as a title or with a comma."""
    titles = {t.lower() for t in lexicon()["person_titles"]}
    roles = "|".join(
        re.escape(r) for r in sorted(lexicon()["roles"], key=len, reverse=True) if r.lower() not in titles
    )
    # a word of a post's lower-case complement: no preposition, article or verb (a reporting verb, any in -ed but
    # "looked")
    verbs = "|".join(re.escape(v) for v in lexicon()["reporting_verbs"] if " " not in v)
    post_word = (
        rf"(?!(?:in|on|at|since|from|by|with|to|into|after|before|during|the|a|an|met|meets|(?:{verbs})s?)\b)"
        r"(?!(?!looked)[a-z]+ed\b)[a-z][a-z'’-]*"
    )
    # the post's own name may hold commas ("Executive Director for Children, Families and Learning, Gill Rollings")
    # and end in a colon ("Executive Member for Children's Services: Councillor Mike Carr")
    return re.compile(
        # "Strategic Manager, Finance Business Partnering, Sian Kenny": the post may name its team after a comma
        # ("director of resources, and the council's chief executive, Balvinder Heran": ", and" starts another post)
        rf"\b(?i:{roles})(?:(?:\s+(?:of|for|from)\s+(?:(?!,\s*and\b)[^;.():]){{1,80}}?|"
        rf",\s*{CAP_WORD}(?:\s+(?:{CAP_WORD}|and|&)){{0,4}})?[,:]\s*|\s+"
        # news writes the post in lower case right before the name ("Cabinet member for children Jon Hunt said"):
        # nouns only, no verb or preposition ("The chair of the panel thanked Sarah Jones", "lead in North Tyneside"),
        # but for the council it is held at ("Director of children's services at Westmorland and Furness Council")
        rf"(?:(?:of|for)\s+{post_word}(?:\s+{post_word}){{0,6}}"
        rf"(?:\s+at\s+(?:the\s+)?(?:{CAP_WORD}\s+(?:and\s+|&\s+)?){{1,5}}(?:Council|Trust))?\s+)?)"
        rf"((?:[A-Z]\.?\s)?{NAME_WORD}(?:\s(?:[A-Z]\.?\s)?{NAME_WORD})"
        rf"{{1,2}}(?:\s(?:CBE|OBE|MBE))?)"
    )


# "Graham Smith, Group Accountant, introduced the report", "Chris Joynes, Thirteen group, who had agreed":
# a person's name with what they are set off by commas, the sentence going on in lower case
_NAME_APPOSITIVE = re.compile(
    rf"\b((?:[A-Z]\.?\s)?{NAME_WORD}(?:\s(?:[A-Z]\.?\s)?{NAME_WORD}){{1,2}}),\s+"
    r"((?:the\s+)?[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,5}),\s+(?=[a-z])"
)

_BY_NAME = re.compile(
    r"\b(?:led|chaired|presented|introduced|written|headed|run|conducted|delivered|given|"
    r"signed|announced|appointed|replaced|succeeded)\s+by\s+((?:[A-Z]\.?\s)?[A-Z][a-z][\w'’\-]+"
    r"(?:\s[A-Z][a-z][\w'’\-]+){1,2})"
)


@lru_cache(maxsize=1)
def department_words() -> re.Pattern[str]:
    """Words that name a council's function or team ("Finance Business Partnering"), never a person."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon()["department_words"]) + r")\b", re.I)


def find_people(text: str) -> list[Found]:
    """People a sentence names, by the shapes council papers write them in (entity_tagged.py adds the tagger's)."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for m in _BY_NAME.finditer(text):
        if not ORG_WORDS.search(m.group(1)):
            found.append(Found(m.start(1), m.end(1), m.group(1), "person", role_after(text, m.end(1))))
            taken.append(m.span(1))
    for m in _role_then_name().finditer(text):
        name = m.group(1)
        if (
            roles().fullmatch(name)
            or re.search(r"\b(?:of|for|and)\b", name)
            or ORG_WORDS.search(name)
            or department_words().search(name)
            or any(a < m.end(1) and m.start(1) < b for a, b in taken)
            # "Head of Corporate Parenting": what a post is of completes its title, it is no one's name
            or re.search(r"\b(?:of|for)\s*$", text[m.start() : m.start(1)], re.I)
        ):
            continue
        role = text[m.start() : m.start(1)].strip(" ,:")
        found.append(Found(m.start(1), m.end(1), name, "person", role))
        taken.append((m.start(), m.end(1)))
    for m in titles().finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        role = role_after(text, m.end())
        found.append(Found(m.start(), m.end(), m.group(0), "person", role))
        taken.append((m.start(), m.end() + (text.find(role, m.end()) - m.end() + len(role) if role else 0)))
    for m in _name_then_role().finditer(text):
        s, e = m.span(1)
        if any(a < e and s < b for a, b in taken) or roles().fullmatch(m.group(1)):
            continue
        found.append(Found(s, e, m.group(1), "person", m.group(2).strip()))
        taken.append((s, m.end(2)))
    for m in _NAME_APPOSITIVE.finditer(text):
        s, e = m.span(1)
        if any(a < e and s < b for a, b in taken) or ORG_WORDS.search(m.group(1)):
            continue
        if department_words().search(m.group(1)) or roles().fullmatch(m.group(1)):
            continue
        found.append(Found(s, e, m.group(1), "person", m.group(2).strip()))
        taken.append((s, m.end(2)))
    for m in roles().finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        start = m.start()
        the = re.search(r"\bthe\s+$", text[max(0, start - 4) : start], re.I)
        if the:
            start -= 4
        found.append(Found(start, m.end(), text[start : m.end()], "person", None, role_only=True))
    return _joint_posts(text, sorted(found, key=lambda f: f.start))


# "The Deputy Mayor and Executive Member for Children's Services presented": one person holds both posts (a
# second article, or a plural verb, makes two people: "the Chair and the Vice Chair", "... Manager were")
_ONE_HOLDER = re.compile(r"\s+(?:and|&)\s+$")
_PLURAL_AFTER = re.compile(r"\s*(?:were|are|have|both|attended\s+together)\b", re.I)


def _joint_posts(text: str, found: list[Found]) -> list[Found]:
    """The posts found, with two posts one person holds joined into one."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.role_only
            and f.role_only
            and _ONE_HOLDER.fullmatch(text, prev.end, f.start)
            and not _PLURAL_AFTER.match(text, f.end)
        ):
            out[-1] = Found(prev.start, f.end, text[prev.start : f.end], "person", None, role_only=True)
        else:
            out.append(f)
    return out


NAME_SHAPE = re.compile(rf"(?:[A-Z]\.?\s)?{NAME_WORD}(?:\s(?:[A-Z]\.?\s)?{NAME_WORD}){{1,2}}")
