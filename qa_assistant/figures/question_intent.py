"""What kind of question it is: a trend, the latest or a position; and what type of answer it wants (a number, a
person, a date, a name or text). Patterns only: no measure words, dates or history. Which kind of figure a number
question asks (a level, change, target, forecast or limit) is question_kind.py's.
"""

from __future__ import annotations

import re

from qa_assistant.figures.concepts import ConceptMatch
from qa_assistant.figures.question_kind import CHANGE

# The kinds of thing whose name a which-question asks for ("which TEAM", "which regional adoption AGENCY"); shared
# with entity_question.py, which reads the head itself
NAME_HEADS = (
    "team|service|committee|board|panel|organisation|organization|council|school|home|hub|programme|program|"
    "project|scheme|campaign|strategy|model|agencies|agency|partner|provider|charities|charity|group|forum|"
    "bodies|body|tool|system|framework|initiative|companies|company|club|ward|act|legislation|bill|"
    "university|universities|college|department|ministry|centre|center|fund|consortium|consortia|partnership|"
    "alliance|federation|borough(?!-)"
)
# how many words may stand between "which" and the kind of thing it asks for ("which North Yorkshire County
# Council model"); entity_question.py reads the head with the same reach
HEAD_REACH = 4
# What "what was the ... X" asks a figure of ("the average caseload", "the forecast overspend")
FIGURE_NOUNS = (
    "figure|number|total|rate|percentage|proportion|budget|cost|saving|share|level|count|value|amount|average|"
    "spend|overspend|underspend"
)

_TIMELINE = re.compile(
    r"\b(?:chang\w*\s+(?:over|since|between)|trend\w*|over time|over the (?:years|months|last)|history|timeline|"
    r"since|compared?\s+(?:with|to)\s+(?:previous|earlier|last)|gone (?:up|down)|"
    r"(?:increas|decreas|ris|fall|fell|drop|grow|grew|reduc)\w*\s+(?:over|since|between)|so far|evolv\w*|"
    r"how (?:has|have|did) .{0,140} (?:changed?|moved?)|year on year|over the period)\b",
    re.I,
)
# ("homes with a current Ofsted inspection": "a current X" is something the counted things have, not when; "in CYP
# Now's Local Spotlight": a capitalised "Now" inside a question is a name's, not the time's)
_LATEST = re.compile(
    r"\b(?:(?-i:now)|^\s*now|currently|(?<!\ba )current|latest|most recent|today|at present|these days|last reported|"
    r"at the moment|right now|presently)\b",
    re.I,
)
# a verb after the kind of person ("which foster carer SPOKE"), not a noun ("which foster carer PROJECT")
_IRREGULAR_PAST = "said|spoke|told|gave|wrote|won|took|made|ran|led|went|came|saw|met|got|became|began|sent"
# people named by what they do rather than by a post ("which foster carer", "which social worker")
PERSON_NOUNS = r"carers?|workers?|advis[eo]rs?|co-?ordinators?|campaigners?|boss"
# posts a question asks a person for ("which cabinet member", "name a Fostering Team Manager")
_POSTS = (
    r"councillor|officer|member|person|director|manager|minister|secretary of state|chair|chairman|chairperson|"
    r"chairwoman|leader|mayor|commissioner|inspector|spokesperson|spokesman|spokeswoman|head|mp|"
    r"(?:portfolio|budget|post|office)\s+holder"
)
_WHO = re.compile(
    # "which Redcar and Cleveland cabinet member": the post a few words on, past no verb ("which schools did")
    r"^\s*(?:and\s+)?(?:who|whom|whose)\b|"
    # "To whom did Ofsted send its letter?", "By whom was the report presented?" (not "To whom were most contacts
    # referred?", "With whom do children live?": groups)
    r"^\s*(?:to|by)\s+whom\b(?=.*\b(?:sent|send|sends|presented|written|wrote|addressed|chaired|"
    r"awarded|signed|led|carried\s+out|conducted|commissioned|appointed)\b)|"
    r"\bwhich (?:(?!(?:of|the|our|their|did|do|does|is|are|was|were|has|"
    rf"have|had|will|would|can|could)\b)\w+\s+){{0,5}}?(?:{_POSTS}|councillors|officers)\b|"
    # "which foster carer was quoted": a person by what they do, opening the question, and no noun after it
    # ("which young carers project", "families in which carers were over 65")
    rf"^\s*(?:and\s+)?which\s+(?:[\w'’-]+\s+){{0,2}}?(?:{PERSON_NOUNS})\b(?!['’]|\s+(?!(?:is|was|are|were|did|"
    rf"does|do|has|have|had|from|at|in|on|of|for|who|that|[a-z]+ed|{_IRREGULAR_PAST})\b)[a-z])|"
    r"\bwho (?:is|was|chairs|chaired|leads|led)\b|"
    # "Name a Fostering Team Manager who wrote the report"
    rf"^\s*(?:please\s+)?name\s+(?:a|an|the|one|any)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_POSTS}|lead|{PERSON_NOUNS})s?\b",
    re.I,
)
_WHEN = re.compile(
    r"^\s*(?:and\s+)?when\b|\b(?:what|which) (?:dates?|days?|months?|years?)\b(?!-)|\b(?:by|until|till|up to) when\b|"
    r"\bhow long ago\b",
    re.I,
)
_NAMED_THING = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+the\s+(?:(?!\bof\b)[^?]){0,60}?\b(?:approach|model|programme|program|scheme|system|tool|"
    r"framework|initiative|project|service|team|strategy|campaign|policy|hub|name|title)\b(?!\s+\w+ing\b|\s+(?:for|on|"
    r"about|to|in|doing)\b)|"
    # "what new data TOOL was ...": up to two words of its own before the head (not "what does the team ...")
    r"\b(?:also\s+)?(?:known|referred\s+to)\s+as\b|^\s*what\s+(?:(?!(?:of|is|was|are|were|does|do|did|has|have|"
    r"had|will|would|can|the|a|an|our|their)\b)[\w'’-]+\s+){0,2}?(?:system|tool|team|service|programme|scheme|"
    r"company|organisation|organization|charity|provider|agency|group)\b",
    re.I,
)
_NAME = re.compile(
    r"^\s*where\b|\bwhat\s+(?:grade|rating|judgement|judgment)\b|\bhow\s+(?:was|were|is|are)\b.{0,60}\b(?:graded|rated|judged)\b|"
    r"\bwhat(?:['’]s| is| was| are| were) (?:the )?(?:\w+ )?name\b|"
    r"\bwhat(?:['’]s| is| was| are| were) .{0,60}\bcalled\b|\bname of\b|"
    # up to four words before the head: "which North Yorkshire County Council model" (one noun phrase, so no "and":
    # "which care leaver and council apprentice" asks for a person)
    rf"\bwhich (?:(?!(?:of|the|our|their|is|was|are|were|and|or)\b)[\w'’-]+\s+){{0,{HEAD_REACH}}}?(?:{NAME_HEADS})s?\b",
    re.I,
)
_NUMERIC = re.compile(
    rf"\b(?:how many|how much|number of|numbers of|what (?:was|is|were|are) the (?:{FIGURE_NOUNS})|what percentage|"
    r"what proportion|what share|"
    r"percentage|proportion|rate|figure|total|budget|cost|costs|save|saving|saved|allowance|allowances|fee|fees|"
    r"overspend|underspend|count|investment|invested|deficit|shortfall|supplement|premium|take-up|uptake|"
    r"per week|amount|how (?:big|high|low|large|long)|average|how much|attendance|caseloads?|turnover|vacancies|"
    r"vacancy|sickness|absence|timeliness|spend|spent|outturn|target|forecast|projection|ambition|variance|"
    r"(?:rise|rose|risen|fall|fell|fallen|drop|dropped|grow|grew|increase|increased|decrease|decreased|reduce|reduced)"
    r"\s+to|reach|reached|stand\s+at|stood\s+at)\b|^\s*what\s+(?:reduction|increase|rise|fall|drop|decrease|cut)\b|"
    r"^\s*to\s+what\s+(?:number|level|figure|total|amount)\b",
    re.I,
)
# "What is the kinship team?": the question already names the team (a word of its own before the head), so it asks
# what the team is; "What is the new approach?" names none and asks for the approach's name
_NAMES_ITS_THING = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+the\s+(?!(?:new|current|latest|council'?s|councils|main|pilot|local|regional|"
    r"national|first|proposed|planned|revised|existing|same|other|overall|preferred|chosen|agreed|dedicated|"
    r"additional|specialist|refreshed|updated)\b)[a-z][\w'’-]*\s+(?:approach|model|programme|program|scheme|system|tool|"
    r"framework|initiative|project|service|team|strategy|campaign|policy|hub)\s*\??\s*$",
    re.I,
)
_DEFINITION = re.compile(
    r"^\s*(?:what|who)\s+(?:is|are)\s+(?:a|an)\b|\bwhat does .{1,60} mean\b|\bdefin", re.I
)
_DISCUSSION = re.compile(
    r"^\s*(?:what|how)\s+(?:did|does|do|has|have|will|was|were)\b.{0,80}\b(?:hear|say|said|note|"
    r"discuss|learn|raise|told|tell|ask|explain|doing|done|work|improve|support)\b|"
    r"^\s*what\s+(?:is|are|was|were)\b.{0,80}\b(?:asking|saying|calling|hoping|wanting|telling)\s+"
    r"(?:for|us|about)\b|"
    r"^\s*why\b|^\s*tell me about\b|\bwhat is being done\b|^\s*what\s+(?:happened|happens|will\s+happen)\b"
    # (not to an amount or a count: "what happened to the average caseload / the DSG deficit / agency staff numbers")
    r"(?!\s+to\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?(?:numbers?|rates?|average|caseloads?|"
    r"turnover|deficit|population|overspend|underspend|budget|costs?|spend(?:ing)?|vacanc\w*|percentage|"
    r"proportion|share|figures?|total|levels?)\b)",
    re.I,
)
# "What was the average social worker caseload": a figure, though "work" follows (a discussion's verb elsewhere)
_WHAT_FIGURE = re.compile(
    rf"^\s*what\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+){{0,2}}?(?:{FIGURE_NOUNS})\b", re.I
)
# "why ...", and "what caused / is causing / drove / lay behind ..." ask for a reason
_WHY = re.compile(
    r"^\s*(?:and\s+)?(?:why\b|what\s+(?:(?:has|had|is|was|have)\s+)?(?:caus(?:ed|es|ing)|dr(?:ove|iving|ives)|"
    r"led\s+to|(?:lay|lies|lying)\s+behind)\b|what\s+(?:is|was|are|were)\s+(?:\w+\s+){0,3}?behind\b|"
    # "What did the committee hear was behind the downward trend?": the reason someone gave
    r"what\s+(?:did|does|do|has|have)\b.{0,80}?\b(?:was|were|is|are)\s+(?:\w+\s+){0,2}?"
    r"(?:behind|the\s+(?:main\s+)?(?:reasons?|causes?|drivers?)\s+(?:for|of|behind))\b)",
    re.I,
)
# "What did the report warn would happen to the overspend if ...?" asks a consequence, and "What was the target
# based on?" a basis: words, even when the question names an amount
# the head of a question that asks which figure ("What reduction ...", "What was the saving that would happen ...",
# "What was the baseline figure the target was based on?")
_FIGURE_HEADS = rf"(?:{FIGURE_NOUNS}|savings|estimate|baseline|reduction|increase|rise|fall|cut)s?"
_CONSEQUENCE_OR_BASIS = re.compile(
    rf"(?:^|,\s*)what\s+(?!{_FIGURE_HEADS}\b)(?!(?:is|was|are|were)\s+the\s+(?:\w+\s+)?{_FIGURE_HEADS}\b)"
    r"[^?]{0,120}\b(?:would|will|could|might)\s+happen\b|"
    # (not "What population estimate is the rate based on?", which asks which figure; "What was the rate based
    # on?" asks a basis)
    rf"^\s*what\s+(?:is|was|are|were)\b(?!\s+the\s+(?:\w+\s+)?{_FIGURE_HEADS}\s+(?!based\b|of\b)\w)"
    r"[^?]{0,120}\bbased\s+on\s*\??\s*$",
    re.I,
)

_GRADE = re.compile(
    r"\bwhat\s+(?:grade|rating|judgement|judgment)\b|\bhow\s+(?:was|were|is|are)\b.{0,60}\b(?:graded|"
    r"rated|judged)\b",
    re.I,
)


def answer_type(question: str, unit: str | None, concept: ConceptMatch | None) -> str:
    """The type of answer asked for, so a who / when / which question is never answered with a number (a
    position asked, "which monitoring visit was it?", is answered with an ordinal figure)."""
    if asks_position(question):
        return "number"
    if _GRADE.search(question):
        return "name"
    if (
        _DEFINITION.search(question)
        or _WHY.match(question)
        or _CONSEQUENCE_OR_BASIS.search(question)
        or (
            _DISCUSSION.search(question)
            and unit is None
            and not _WHAT_FIGURE.search(question)
            and not _TIMELINE.search(question)
            and not re.search(r"\bhow many|\bhow much", question, re.I)
        )
    ):
        return "text"  # a why-question asks for the reason, even when it names a rate
    if _WHO.search(question):
        return "person"
    if _WHEN.search(question) and not re.search(r"\bhow many\b", question, re.I):
        return "date"
    if (
        _NAMED_THING.search(question)
        and not re.search(r"\bhow (?:many|much)\b", question, re.I)
        and not _NAMES_ITS_THING.search(question)
    ):
        return "name"
    if _NAME.search(question) and not _NUMERIC.search(question):
        return "name"
    if unit is not None or _NUMERIC.search(question) or _TIMELINE.search(question):
        return "number"
    if (
        concept is not None
        and re.search(r"^\s*(?:what|and)\b.{0,30}\b(?:is|was|are|were)\b", question, re.I)
        and re.search(
            r"\b(?:latest|current|now|figure|level|in (?:\w+ )?\d{4}|as (?:at|of))\b", question, re.I
        )
    ):
        return "number"
    return "text"


def asks_for_a_figure(question: str) -> bool:
    """Not a who / when / which-name question: for those the clause naming the occasion is what picks the
    sentence ("who was chairing the panel when it looked at ...") and stays among the words to match."""
    return not (
        _WHO.search(question)
        or _GRADE.search(question)
        or (_WHEN.search(question) and not re.search(r"\bhow many\b", question, re.I))
        or (_NAMED_THING.search(question) and not re.search(r"\bhow (?:many|much)\b", question, re.I))
        or (_NAME.search(question) and not _NUMERIC.search(question))
    )


# "where in the sequence of monitoring visits did it come?", "where did Middlesbrough rank?", "what rank",
# "which monitoring visit was it?", "which anniversary": a position in an order, answered by an ordinal
_POSITION = re.compile(
    r"\bwhere\s+in\s+the\s+(?P<a>sequence|order|series|rankings?|league\s+table|list)\b|"
    # the verb ends its clause ("where did that visit come?", "where did it rank among ..."): not "come from", not a
    # verb of a clause about someone else ("where were the children who came to Kent placed?")
    r"\bwhere\s+(?:did|does|do)\s+(?:(?!\b(?:who|which|that|from)\b)[^?,;]){1,80}?\b"
    r"(?P<b>rank(?:ed)?|come|came|place[ds]?(?=\s+in\s+the\s+(?:country|region|league|table|list|rankings?)\b))"
    r"(?=\s*(?:\?|$|,|(?:in|among|on|out\s+of|nationally|regionally)\b))|"
    r"\bwhat\s+(?P<c>rank|ranking)\b|"
    r"\bwhich\s+(?:[\w'’-]+\s+){0,2}?(?:visit|anniversary)\b(?!s)(?!.*\bhow\s+many\b)",
    re.I,
)


def asks_position(question: str) -> bool:
    return bool(_POSITION.search(question))


def position_word_spans(question: str) -> list[tuple[int, int]]:
    """The words that ask for a position ("sequence", "rank", "place"): unit words, like "how many", they say
    how the answer is given, not what it is a position in, so they are no part of the measure."""
    return [m.span(g) for m in _POSITION.finditer(question) for g in ("a", "b", "c") if m.group(g)]


def asks_timeline(question: str) -> bool:
    """ "How has it changed since 2019?": a trend over the papers' dates, unless it asks for the size of a
    change ("by how much did it rise") or a position ("which visit since the judgement"), each one figure."""
    return bool(_TIMELINE.search(question)) and not CHANGE.search(question) and not asks_position(question)


def asks_latest(question: str) -> bool:
    """ "now", "currently", "latest": the question insists on the current figure."""
    return bool(_LATEST.search(question))
