"""Where a question says which paper, occasion or name it means ("according to the annual report", "when the
hub was debated at scrutiny", "the Big Takeover") and whose figure it asks for: words that narrow the source
and the subject, not what is counted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.question_intent import asks_for_a_figure
from qa_assistant.figures.subjects import OWN, Subject, SubjectMention, names_a_newspaper, own_subject
from qa_assistant.figures.terms import FIRST_PERSON, lexicon, measure_terms, scaffold_terms, stopwords
from qa_assistant.text.date_patterns import MONTHS

_NAME_RUN = re.compile(r"(?<=[\w,'’] )(?:[A-Z][\w'’-]*)(?:\s+(?:of|for|and|the|in|with)?\s*[A-Z][\w'’-]*)*")


def title_words(text: str) -> list[str]:
    """Words that can name a paper: lower-cased, no stop words, digits kept ("quarter 4 fostering update")."""
    return [
        w
        for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
        if w not in stopwords()
        and w not in ("the", "in", "a", "an", "according", "report", "reported", "paper")
    ]


def name_terms(question: str) -> list[str]:
    """Terms of the capitalised names a question gives after its first word ("the Big Takeover", "Low Lane
    children's home", "Together for Children"): they say which thing, and an article may name it only once."""
    out: list[str] = []
    for m in _NAME_RUN.finditer(question):
        if m.group(0).isupper() and len(m.group(0)) <= 4:
            continue  # "CLA", "EET": acronyms of measures, not names
        out.extend(t for t in measure_terms(m.group(0)) if t not in out)
    return out


# "the Association of North East Councils", "the Federation of Yorkshire Authorities": a body's name, not a place
_BODY_OF = re.compile(
    r"\b(?:association|federation|league|network|alliance|consortium|society|union)\s+of\s+(?:the\s+)?$", re.I
)


def _is_source(question: str, pos: int, end: int) -> bool:
    """ "According to the South Tyneside JSNA", "in Stockton's report": the paper, not whose figure."""
    before = question[max(0, pos - 20) : pos].lower()
    after = question[end : end + 60].lower()
    if _BODY_OF.search(question, max(0, pos - 30), pos):
        return True  # "according to the Association of North East Councils": a body named for the place
    if names_a_newspaper(question, end):
        return True  # "according to the Sutton Guardian": the paper, named for its place
    # the paper's noun must close the place's own noun phrase ("in Stockton's 2019 JSNA"), not come later in
    # the question ("in Northumberland were subject to a child protection plan")
    return bool(re.search(r"according to (?:the )?$|\bin (?:the )?$", before)) and bool(
        re.match(
            r"(?:['’]s)?(?:\s+(?!(?:were|was|is|are|had|has|have|did|do|does|"
            r"in|to|of|for|with|by|according|care|children)\b)[\w/'’-]+){0,3}?\s+"
            r"(?:jsna|report|paper|papers|minutes|scorecard|data|benchmarking|review|plan|strategy)\b",
            after,
        )
    )


# words that open a period after "reported in" ("in March", "in the year to March", "during quarter 3"): the
# months, the lexicon's period nouns and phrases, and these
_PERIOD_OPENERS = "q[1-4]|week|last|this|that|each|every|first|second|third|fourth|previous|past|same"


def _period_words() -> str:
    words = sorted([*MONTHS, *lexicon()["period_nouns"], *lexicon()["period_phrases"]], key=len, reverse=True)
    return rf"(?:{'|'.join(re.escape(w) for w in words)}|{_PERIOD_OPENERS})\b"


# "after" opens a clause naming an occasion, but not in "looked after" / "looked-after"
_AFTER = r"(?<!looked )(?<!looked-)after"


@lru_cache(maxsize=1)
def _occasion_patterns() -> list[re.Pattern[str]]:
    """Patterns of the words naming a paper or occasion, built once from the lexicon's nouns and verbs."""
    lx = lexicon()
    nouns = "|".join(re.escape(n) for n in sorted(lx["source_nouns"], key=len, reverse=True))
    verbs = "|".join(re.escape(v) for v in sorted(lx["reporting_verbs"], key=len, reverse=True))
    done = "|".join(re.escape(v) for v in sorted(lx["occasion_verbs"], key=len, reverse=True))
    roles = "|".join(re.escape(v) for v in sorted(lx["roles"], key=len, reverse=True))
    period = _period_words()
    return [
        re.compile(r"\baccording\s+to\b[^,?;]*", re.I),
        re.compile(r"\bper\s+(?:the|that|this|its|their|our|a|an)\b[^,?;]*", re.I),  # "per the Q3 report"
        re.compile(
            # the paper is named from the last "in"/"from" before its noun: "children in care in its FOI
            # response" keeps "in care" as what is counted; a verb between makes the noun a verb ("children in
            # placements did Stockport report"); "looked after children reviews" names no paper
            # "for the year of the in-house homes business case": the paper's time, so the paper; "In how many
            # areas of its Ofsted report": "how" starts what is asked, not the paper's name
            rf"\b(?:in|from|at|during|before|{_AFTER}|(?:year|time|month)\s+of)\s+"
            rf"(?:the|our|a|an|this|that|its|their|his|her)?\s*"
            rf"(?:(?!(?:in|from|at|during|did|does|do|has|have|had|will|would|can|could|how)\b(?!-))[\w'’/-]+\s+){{0,6}}?(?:{nouns})s?\b"
            rf"(?:\s+(?:on|about|into|of)\s+[^,?;]*)?",
            re.I,
        ),
        re.compile(
            # "did Rochdale's assistant director of children's social care quote": a longer title, if it names a post
            rf"\b(?:did|does|do|has|have|had)\s+(?:(?:the|its|their|our|this|that)\s+(?:19|20)\d\d[/-]\d{{2,4}}\s+"
            rf"(?:[\w'’-]+\s+){{1,3}}?|(?:[\w'’-]+\s+){{1,4}}?|(?:[\w'’-]+\s+){{0,3}}?(?i:{roles})\s+"
            rf"(?:[\w'’-]+\s+){{0,4}}?)(?:{verbs})\b(?:\s+(?:the|a|an)?\s*"
            rf"(?:[\w'’-]+\s+){{0,4}}?(?:{nouns})s?\b)?",
            re.I,
        ),
        *_done_patterns(done),
        re.compile(
            # "covered by the Echo" names a source; "vacancies covered by agency workers" is the measure
            # ("reported in 2017-18 for ..." says when, not where)
            r"\b(?:(?:reported|quoted|presented|published|announced)\s+(?:by|to|(?:in|at|during)(?!\s+(?:the\s+)?"
            rf"(?:\d|{period})))|covered\s+(?:by|in)\s+(?:the|a|an|its|their|our|this|that))\b[^,?;]*",
            re.I,
        ),
        re.compile(
            # "reported in March 2023 to the executive": the period, then the occasion
            r"\b(?:reported|quoted|presented|published|announced)\s+(?:in|at|during)\s+(?:the\s+)?"
            rf"(?:\d|{period})[^,?;]{{0,25}}?\s(?:to|by)\s+(?:the|a|an|its|their|our|this|that)\b[^,?;]*",
            re.I,
        ),
        re.compile(
            r"\b(?:when|as)\s+(?:the\s+)?[^,?;]*?\b(?:reported|said|announced|published|told|presented|revealed)\b"
            r"[^,?;]*",
            re.I,
        ),
        # "What overspend were cabinet members told was projected?": who was told names the occasion, not the measure
        re.compile(
            r"\b(?:was|were)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){1,3}?(?:told|informed|advised|briefed)\b",
            re.I,
        ),
        _as_verb_pattern(verbs, nouns, period),
    ]


# occasion verbs that, done by a subject of their own, are what happened to those counted ("after their placement
# went into crisis", "adopted", "taken into care", "brought into care")
_NOT_ACTIVE_OCCASIONS = frozenset({"went", "taken", "brought", "adopted"})


def _done_patterns(done: str) -> list[re.Pattern[str]]:
    """A clause saying when by what was done at the occasion (done: the lexicon's occasion verbs)."""
    active = "|".join(re.escape(v) for v in lexicon()["occasion_verbs"] if v not in _NOT_ACTIVE_OCCASIONS)
    bodies = "|".join(re.escape(b) for b in lexicon()["deciding_bodies"])
    return [
        # "before it was reviewed", "when the plan was agreed"
        re.compile(
            rf"\b(?:when|as(?!\s+(?:of|at)\b)|{_AFTER}|before|once)\s+[^,?;]*?\b(?:was|were|is|are|went|"
            rf"had\s+been|got)\s+(?:{done})\b[^,?;]*",
            re.I,
        ),
        # what a meeting heard, said of the body that heard it ("as the children and families committee heard";
        # not "felt heard", "having their views heard")
        re.compile(
            rf"\b(?:when|as)\s+(?:the|its|their|our|this|that)?\s*(?:[\w'’-]+\s+){{0,5}}?"
            rf"(?:(?-i:[A-Z])[\w'’-]*|{bodies}|panel|meeting)\s+heard\b[^,?;]*",
            re.I,
        ),
        # ... or in the active voice, by a deciding body or a named one: "after the cabinet approved a transfer",
        # "just before the Sandwell Children's Trust launched in 2018" (not "after the court approved an adoption
        # order", "after their placement went into crisis": what is counted); up to a second before / after
        re.compile(
            # ("after Ofsted rated them 'inadequate'": a body named without an article)
            rf"\b(?:when|{_AFTER}|before|once)\s+(?:(?:the|its|their|our|this|that)\s+(?:[\w'’-]+\s+){{0,5}}?)?"
            rf"(?:(?-i:[A-Z])[\w'’-]*|{bodies})\s+(?:{active})\b(?:(?!\s(?:before|after)\b)[^,?;])*",
            re.I,
        ),
    ]


def _as_verb_pattern(verbs: str, nouns: str, period: str) -> re.Pattern[str]:
    """ "as heard at the February 2025 scrutiny meeting", "as cited in the post", "as set out in the plan": up to
    the paper's noun when there is one, else to the next preposition; not a period ("as recorded at 31 March 2023"
    says when)."""
    return re.compile(
        rf"\bas\s+(?:{verbs}|shown|noted|set\s+out|outlined|recorded)\s+(?:in|at|to|by|during)\b"
        rf"(?:[^,?;]*?\b(?:{nouns})s?\b|(?!\s+(?:the\s+)?(?:\d|{period}))(?:\s+(?:the|a|an|its|their|our|this))?"
        r"(?:\s+[‘'\"“][^’'\"”]*[’'\"”])?(?:\s+(?!(?:in|for|with|among|on|of|about|who|which|that|and)\b)[\w'’/-]+){0,5})",
        re.I,
    )


_OCCASION_CLAUSES = (
    # "Same Echo article on the TV campaign: how many ...", "Going back to the Echo story - how many ..."
    re.compile(r"^[^?]{8,160}?(?::|\s[-–—]\s)\s*(?=(?:how|what|which|who|where|when)\b)", re.I),
    # "When Hartlepool restructured its teams, how many ...", "... when its cabinet approved the strategy?"
    re.compile(r"^\s*(?:when|after|once|while)\s+[^,?]{3,120},\s*(?=(?:how|what|which|who|where)\b)", re.I),
    re.compile(r"(?<=\S)\s(?:when|once)\s+(?!(?:did|does|do|is|are|was|were)\b)[^,?;]*", re.I),
    re.compile(r"\([^()]*\b(?:story|article|piece|report|answer|scorecard|update|minutes)s?\b[^()]*\)", re.I),
    # "the overspend described as 'scary' by the portfolio holder": how someone spoke of it, not what it counts
    re.compile(r"\b(?:described|branded|labelled|labeled|dubbed)\s+(?:as\s+)?[‘'\"“][^,?;]*", re.I),
)


def occasion_spans(question: str) -> list[tuple[int, int]]:
    """Where a question says which paper or occasion it means ("according to the annual report", "in the
    November 2021 scorecard", "did Karen Robb give the Panel", "when the hub was debated at scrutiny"): those
    words narrow the source, they do not say what is counted."""
    spans: list[tuple[int, int]] = []
    patterns = _occasion_patterns() + (list(_OCCASION_CLAUSES) if asks_for_a_figure(question) else [])
    for pattern in patterns:
        for m in pattern.finditer(question):
            inside = [(a, b) for a, b in spans if m.start() <= a and b <= m.end()]
            if (
                inside
                and len(inside) == sum(a < m.end() and m.start() < b for a, b in spans)
                and (
                    re.match(r"\s*(?:when|once)\b", m.group(0), re.I)
                    or re.fullmatch(r"\s*as\s+\w+(?:\s+out)?\s*", question[m.start() : min(inside)[0]], re.I)
                )
            ):
                # "when councillors asked for greater clarity on the figures at the Children's Select
                # Committee", "as heard at the scrutiny meeting" (its verb right before the span): a whole clause
                # holding a shorter span found first names the occasion
                spans = [x for x in spans if x not in inside]
            if not any(a < m.end() and m.start() < b for a, b in spans):
                spans.append(m.span())
    return sorted(spans)


def source_terms(question: str, occasions: list[tuple[int, int]]) -> list[str]:
    """The terms of the words naming the occasion (a speaker, a meeting), which a paper may hold anywhere."""
    return list(
        dict.fromkeys(
            t for a, b in occasions for t in measure_terms(question[a:b]) if t not in scaffold_terms()
        )
    )


def occasion_words(question: str, occasions: list[tuple[int, int]]) -> list[str]:
    """The words naming the occasion as written, to tell which paper it names by its title."""
    return [w for a, b in occasions for w in title_words(question[a:b])]


def asked_subject(
    question: str, mentions: list[SubjectMention], occasions: list[tuple[int, int]]
) -> tuple[Subject, bool]:
    """Whose figure is asked for, and whether the question named it: the council's own unless it names
    another place that is not just the source ("according to the South Tyneside JSNA")."""
    subject_mentions = [
        m for m in mentions if m.subject.kind != OWN and not _is_source(question, m.start, m.end)
    ]
    # "In the Burnley Express story on Lancashire's rising care numbers, what was the England total?": a place
    # inside the words naming the source says which source; one outside them says whose figure
    outside = [m for m in subject_mentions if not any(a <= m.start < b for a, b in occasions)]
    own_outside = any(
        m.subject.kind == OWN and not any(a <= m.start < b for a, b in occasions) for m in mentions
    )
    if not outside and own_outside and occasions:  # "in the Blackpool Gazette report ..., for Middlesbrough?"
        return own_subject(), True
    subject_mentions = outside or subject_mentions
    if (
        not subject_mentions
        and not any(m.subject.kind == OWN for m in mentions)
        and not FIRST_PERSON.search(question)
    ):
        # "In Barnsley's 2019/20 corporate parenting report, ...?" with no other place, and no "our": the
        # report is that council's, and so is the figure asked
        subject_mentions = [m for m in mentions if m.subject.kind == "other"]
    own_named = any(m.subject.kind == OWN and re.match(r"['’]s\b", question[m.end :]) for m in mentions)
    subject = subject_mentions[0].subject if subject_mentions and not own_named else own_subject()
    return subject, bool(subject_mentions)
