"""What an entity question asks a sentence to give: the kind of name ("which TEAM"), the post a who-question
names ("our Voice and Influence Manager"), and what the person did ("who chairs ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.question_intent import HEAD_REACH, NAME_HEADS, PERSON_NOUNS
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.terms import lexicon, measure_terms, stopwords

# "which regional adoption AGENCY was ...": the kind of thing asked is the head noun, a word or three after
# "which" (the first word only when no known head follows: "which charity", "which Haringey programme")
# (one noun phrase: not past a verb, "which consortium IS Southwark's fostering service part of"; with no known
# head, the noun phrase's last word before its verb, "which housing ASSOCIATION did ...", else its first word)
_VERB_AFTER = r"(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)"
_NAME_HEAD = re.compile(
    rf"\bwhich\s+(?:(?:(?!{_VERB_AFTER}\b)[\w'’-]+\s+){{0,{HEAD_REACH}}}?({NAME_HEADS})s?\b|"
    rf"(?:[a-z][\w'’-]*\s+){{0,2}}?([a-z][\w'’-]*)(?=\s+{_VERB_AFTER}\b)|(\w+))",
    re.I,
)
_NEXT_HEAD = re.compile(rf"\s+({NAME_HEADS})s?\b", re.I)
_CALLED = re.compile(r"\b(\w+)\s+(?:is|was|are|were)?\s*(?:called|named)\b", re.I)
_WHAT_THE = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+the\s+[^?]{0,60}?\b(approach|model|programme|program|scheme|system|"
    r"tool|framework|initiative|project|service|team|strategy|campaign|policy|hub)\b|^\s*what\s+(system|"
    r"tool|team|service|programme|scheme|company|organisation|organization|charity|provider|agency|"
    r"group)\b",
    re.I,
)
_NAME_OF = re.compile(
    # "the name of Hackney's Children in Care Council that ...": a possessive may stand before the kind
    # (never a preposition: "the name of the partnership in which ..." names no kind)
    r"\bname of (?:the |this |that |their |its |our )?(?:\w+['’]s )?(?:\w+ ){0,3}?"
    r"(?!(?:from|in|of|by|to|with|for|at|on|through|under)\b)(\w+)\b(?:\s*\?|$| that| which| for|"
    r" (?:in|to|with|on|from|by|at|of|through|under) which)",
    re.I,
)
# ... and, failing that, what it is about after it ("the name of Greenwich's consultation on changing ...")
_NAME_OF_ABOUT = re.compile(
    r"\bname of (?:the |this |that |their |its |our )?(?:\w+['’]s )?(\w+)(?: on| about| into|,)", re.I
)

_ROLE_WORD_CUT = re.compile(r"\b(?:who|which|that|when|where|whom|and\s+(?:who|what))\b|[,?;]", re.I)


@lru_cache(maxsize=1)
def _role_keywords() -> re.Pattern[str]:
    """The lexicon's role words (not titles such as "Councillor"), longest first, with up to four words before."""
    roles = "|".join(
        re.escape(r)
        for r in sorted(lexicon()["roles"], key=len, reverse=True)
        if r.lower() not in {t.lower() for t in lexicon()["person_titles"]}
    )
    return re.compile(rf"((?:[\w'’-]+\s+){{0,4}})\b(?i:{roles})\b", re.I)


def question_role_terms(question: str) -> frozenset[str]:
    """The role a "who" question names ("our Voice and Influence Manager", "head of the Virtual School",
    "interim director"): the words before the role word, the role word, and a capitalised "of ..." after it."""
    m = _role_keywords().search(question)
    if not m:
        # "who was chairing the panel": its chair
        return _CHAIR if _CHAIRING.search(question) else frozenset()
    before = _ROLE_WORD_CUT.split(m.group(1))[-1]
    # "Executive Director for Children, Families and Learning": the whole capitalised name of the post
    after = re.match(
        r"\s+(?:(?:of|for)\s+)?(?:the\s+)?((?:[A-Z][\w'’]*(?:,?\s+(?:and\s+|&\s+)?|$))+)", question[m.end() :]
    )
    role_start = m.start(0) + len(m.group(1))
    prefix = _POST_PREFIX.search(question, 0, role_start)  # "Co-Chair" asks for a co-chair ("cochair")
    role_start = prefix.start() if prefix else role_start
    words = f"{before} {question[role_start : m.end()]} {after.group(1) if after else ''}"
    # "Which Hartlepool council leader": whose post it is is checked apart (about_subject), not beside the name
    places = {t for s in find_subject_mentions(question) for t in measure_terms(question[s.start : s.end])}
    terms = frozenset(measure_terms(words)) - places
    return frozenset() if terms <= _GENERIC_ROLE_TERMS else terms  # "which officer": anyone who did it


_POST_PREFIX = re.compile(r"\b[A-Za-z]+-$")
# "who chairs", "who was chairing": the verb names the post the answer must be given
_CHAIRING = re.compile(
    r"^\s*(?:and\s+)?who\s+(?:is\s+|was\s+|were\s+|has\s+|had\s+)?(?:been\s+)?chair(?:s|ed|ing)?\b", re.I
)
_CHAIR = frozenset(measure_terms("chair"))
_GENERIC_ROLE_TERMS = frozenset(measure_terms("officer officers member staff person employee"))
_WHO_VERB = re.compile(
    r"^\s*(?:and\s+)?who\s+(?:is|was|were|has|had|will|would)?\s*(?:been\s+|being\s+)?([a-z]+)\b", re.I
)
# fmt: off
_NOT_VERBS = frozenset({
    "the", "a", "an", "our", "their", "its", "in", "on", "responsible", "currently", "now", "still", "new",
    "this", "that", "there", "it",
})
# fmt: on


# "Which organisation runs the Foyer?", "Which company was commissioned to ...": what the body asked for did
_WHICH_BODY_VERB = re.compile(
    r"^\s*(?:and\s+)?(?:which|what)\s+(?:[a-z]+\s+){0,2}?(?:organisation|organization|company|charity|provider|"
    r"body|agency|firm|contractor|partner|university)s?\s+"
    # "Which charity was commissioned ...?" asks who was commissioned, not who did it: no verb in the passive (a
    # form of "be" before a word not in -ing); "has run", "is running", "will deliver" are the body's own
    r"(?!(?:(?:has|have|had|will|would)\s+)?(?:is|are|was|were|be|been|being)\s+(?![a-z]+ing\b)[a-z]+|did\b|"
    r"does\b|do\b)"
    r"(?:(?:has|have|had|will|would|is|are|was|were)\s+)?(?:been\s+)?([a-z]+)\b",
    re.I,
)


@lru_cache(maxsize=256)
def question_verb(question: str) -> frozenset[str]:
    """What the person (or the body asked for) did, in "who chairs ...", "who was leading ...", "which charity
    runs ..."."""
    m = _WHO_VERB.search(question) or _WHICH_BODY_VERB.search(question)
    # "Who was Wandsworth's director ...?", "Who is Jane Smith?": a capitalised word there is a name, not what was
    # done ("Who Leads the Board?" is a title-case verb)
    if (
        not m
        or m.group(1).lower() in _NOT_VERBS
        or _role_keywords().match(m.group(1))
        or re.match(r"[A-Z][\w'’-]*(?:['’]s\b|\s+[A-Z])", question[m.start(1) :])
    ):
        return frozenset()
    return frozenset(measure_terms(m.group(1)))


# "which foster carer", "which Middlesbrough Council officer": the kind of person asked for, not a post
_WHICH_PERSON = re.compile(
    rf"\b[Ww]hich\s+(?:[\w'’-]+\s+){{0,4}}?((?:[a-z][\w'’-]*\s+)?(?:officer|councillor|person|{PERSON_NOUNS}))s?\b"
)


def person_kind_terms(question: str) -> frozenset[str]:
    """The words of the kind of person a which-question asks for ("foster carer", "officer"): the answer stands
    for them, so a sentence need not write them ("Karen King, 45, from Marske, fosters for her local
    authority"); entity_candidates.of_the_kind_asked checks the person is of that kind."""
    return frozenset(measure_terms(_kind_words(question))) if person_kind_head(question) else frozenset()


def _kind_words(question: str) -> str:
    m = _WHICH_PERSON.search(question)
    return m.group(1) if m else ""


def person_kind_head(question: str) -> str | None:
    """The head word of the kind of person asked for ("carer" in "which foster carer", "offic" in "which
    council officer", "councillor"), as a term; none for "which person", who may be anyone."""
    m = _WHICH_PERSON.search(question)
    if not m or not re.search(rf"\b(?:officer|councillor|{PERSON_NOUNS})$", m.group(1), re.I):
        return None
    found = measure_terms(m.group(1))
    return found[-1] if found else None


def doer_verb(question: str) -> frozenset[str]:
    """What the named thing does, in "Which organisation delivers detached youth work ...", "Which provider won
    ...": the verb right after the kind of name asked (none when the name is the object: "which team did ...")."""
    m = _NAME_HEAD.search(question)
    after = re.match(r"\s+([a-z]+)\b", question[m.end() :]) if m else None
    if not after or after.group(1).lower() in stopwords() | _NOT_VERBS:  # "is", "did", "of": no verb
        return frozenset()
    return frozenset(measure_terms(after.group(1)))


# "What is the name of the project from which Trafford drew down money?": "which" after a noun and a preposition,
# once the question has asked, opens a relative clause ("From which centre ...?", "Details of which bill ...?",
# "..., and in which ward ...?", "given to which charity?" ask)
_RELATIVE_BEFORE = re.compile(
    r"\b(?!(?:and|or|but|given|sent|paid|made|taken|done|shown|written)\b)[a-z]+(?<!ed)\s+"
    r"(?:from|in|of|by|to|with|for|at|on|through|under)\s+$",
    re.I,
)
_ASKED = re.compile(r"\b(?:what|which|who|whom|how|when|where)\b", re.I)


def _relative(question: str, at: int) -> bool:
    return bool(_RELATIVE_BEFORE.search(question, 0, at) and _ASKED.search(question, 0, at))


def name_head(question: str) -> str | None:
    """The kind of thing a name is asked for: "which TEAM", "what is the campaign called", "the name of the
    PROGRAMME"."""
    for pattern in (_NAME_HEAD, _WHAT_THE, _CALLED, _NAME_OF, _NAME_OF_ABOUT):
        m = next((m for m in pattern.finditer(question) if not _relative(question, m.start())), None)
        if m:
            word = next(g for g in m.groups() if g).lower()
            after = _NEXT_HEAD.match(question, m.end())
            if (
                pattern is _NAME_HEAD and after
            ):  # "which children's centre PROGRAMME": the last noun is the head
                word = after.group(1).lower()
            if word in ("its", "this", "also"):
                return None
            return word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")  # "agencies" -> "agency"
    return None


# "on what date", "which day", "between which dates": a day is asked, so a month or a year does not answer
_ASKS_DAY = re.compile(r"\b(?:what|which)\s+(?:exact\s+)?(?:dates?|days?)\b", re.I)


def asks_for_a_day(question: str) -> bool:
    """ "On what date did Ofsted publish ...?" wants the day; "February 2013" is no answer to it."""
    return bool(_ASKS_DAY.search(question))


# ("which London borough": a region's or a kind's name may stand before it)
_WHICH_AUTHORITY = re.compile(
    r"\bwhich\s+(?:[A-Z][\w'’-]*\s+){0,2}(?:local\s+)?(?:councils?|authority|authorities|boroughs?)\b", re.I
)
# "which local authority's team": the authority is asked, whatever it owns
_WHICH_AUTHORITYS = re.compile(r"\bwhich\s+(?:local\s+)?(?:council|authority|borough)['’]s\b", re.I)


def asks_which_authority(question: str) -> bool:
    """ "Which council topped the table?": a council may be named by its place alone ("behind York"); not "what
    is the Children in Care Council called?", which asks for a name."""
    return bool(_WHICH_AUTHORITY.search(question))


def asks_for_an_authority_by_what_it_owns(question: str) -> bool:
    """ "Which local authority's team was crowned champion?" asks for the authority, not its team."""
    return bool(_WHICH_AUTHORITYS.search(question))


def asks_which_titled_person(question: str) -> bool:
    """ "Which Wigan councillor called the figure 'pathetic'?": the question picks a person by the title they
    hold, so a post with no name ("the officer") cannot be the answer."""
    return bool(_which_titled().search(question))


@lru_cache(maxsize=1)
def _which_titled() -> re.Pattern[str]:
    titles = "|".join(re.escape(t.rstrip(".")) for t in lexicon()["person_titles"] if len(t.rstrip(".")) > 3)
    # "which Wigan councillor", "which Labour councillor"; not "which ward did Councillor Henman ..."
    modifier = r"(?!(?:do|does|did|is|was|were|are|has|had|have|will|would|can|could|the|a|an)\b)[\w'’-]+\s+"
    return re.compile(rf"\bwhich\s+(?:{modifier}){{0,3}}?(?:{titles})s?\b", re.I)
