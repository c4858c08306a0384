"""Read a question: which measure (in its own words and as a concept), which unit, whose figure, which date
or period, what kind of figure, what intent, and what type of answer it wants.

"How many children were looked after in December 2018?" -> measure "children looked after" (looked_after),
count, this council, December 2018, level, value, number. "What was the England rate?" after it -> the same
measure, rate, England, the same date. A follow-up takes whatever it leaves out from the previous turn.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from qa_assistant.figures.concepts import ConceptMatch, concepts_by_id, match_concept, passive_participles
from qa_assistant.figures.relative import relative_period
from qa_assistant.figures.subjects import OWN, Subject, find_subject_mentions, own_subject
from qa_assistant.figures.terms import (
    WEEKLY,
    lexicon,
    measure_terms,
    phrase_pattern,
    scaffold_terms,
    stopwords,
)
from qa_assistant.models import ResolvedQuery
from qa_assistant.text.dates import DATE_EDGE, find_dates, fy_label, quarter_range

_TIMELINE = re.compile(
    r"\b(?:chang\w*\s+(?:over|since|between)|trend\w*|over time|over the (?:years|months|last)|history|timeline|"
    r"since|compared?\s+(?:with|to)\s+(?:previous|earlier|last)|gone (?:up|down)|"
    r"(?:increas|decreas|ris|fall|fell|drop|grow|grew|reduc)\w*\s+(?:over|since|between)|so far|evolv\w*|"
    r"how (?:has|have|did) .{0,140} (?:changed?|moved?)|year on year|over the period)\b",
    re.I,
)
_LATEST = re.compile(
    r"\b(?:now|currently|current|latest|most recent|today|at present|these days|last reported|"
    r"at the moment|right now|presently)\b",
    re.I,
)
_FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|and what about|what of|same for|how has that|how did that|and how|"
    r"what was it|and then|and in|and at|and for|in|for|what was that|and the)\b|"
    r"\b(?:that|it|they|those|this)\b\s*(?:changed|now|then|figure|number)?\s*\??$",
    re.I,
)
_CHANGE = re.compile(
    r"\bby how much\b|\bby\s+what\s+(?:percentage|proportion|amount|margin|share|factor|number)\b|"
    r"\bwhat\s+(?:percentage|%|per\s?cent)\s+(?:increase|rise|decrease|fall|drop|reduction|change|cut)\b|"
    r"\bhow much (?:is|are|was|were|did|has|have|will)\b.{0,60}\b(?:cut|cutting|slash\w*)\b|"
    r"\bhow much (?:did|has|have|had) .{0,80}\b(?:increas|decreas|ris|rose|fall|fell|"
    r"grow|grew|reduc|drop|go up|gone up|go down|gone down|chang)\w*|\b(?:size of|amount of) the "
    r"(?:increase|decrease|reduction|rise|fall)\b|\bhow (?:big|large) (?:was|is) the "
    r"(?:increase|decrease|reduction|rise|fall)\b|\bwhat (?:was|is) the (?:increase|decrease|"
    r"reduction|rise|fall|change) in\b|\bvariance\b",
    re.I,
)
_TARGET = re.compile(
    r"\b(?:target|targets|aim|aims|goal|ambition|trajectory|aiming|want|wanted|wants|hoped?|"
    r"intends?|intended)\b",
    re.I,
)
_FORECAST = re.compile(r"\b(?:forecast\w*|projected|projection|expected|predicted|anticipated)\b", re.I)
_WHO = re.compile(
    r"^\s*(?:and\s+)?(?:who|whom|whose)\b|\bwhich (?:councillor|officer|member|person|director|manager)\b|"
    r"\bwho (?:is|was|chairs|chaired|leads|led)\b",
    re.I,
)
_WHEN = re.compile(
    r"^\s*(?:and\s+)?when\b|\b(?:what|which) (?:dates?|days?|months?|years?)\b|\bby when\b|"
    r"\bhow long ago\b",
    re.I,
)
_NAMED_THING = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+the\s+(?:(?!\bof\b)[^?]){0,60}?\b(?:approach|model|programme|program|scheme|system|tool|"
    r"framework|initiative|project|service|team|strategy|campaign|policy|hub|name|title)\b(?!\s+\w+ing\b|\s+(?:for|on|"
    r"about|to|in|doing)\b)|"
    r"\b(?:also\s+)?(?:known|referred\s+to)\s+as\b|^\s*what\s+(?:system|tool|team|service|programme|scheme|company|"
    r"organisation|organization|charity|provider|agency|group)\b",
    re.I,
)
_NAME = re.compile(
    r"^\s*where\b|\bwhat\s+(?:grade|rating|judgement|judgment)\b|\bhow\s+(?:was|were|is|are)\b.{0,60}\b(?:graded|rated|judged)\b|"
    r"\bwhat (?:is|was|are|were) (?:the )?name\b|\bwhat (?:is|was|are|were) .{0,60}\bcalled\b|\bname of\b|"
    r"\bwhich (?:team|teams|service|services|committee|board|panel|organisation|organisations|organization|council|"
    r"school|home|hub|programme|program|project|scheme|campaign|strategy|model|agency|agencies|partner|partners|"
    r"provider|providers|charity|group|forum|body|service|tool|system|framework|initiative|company|club)\b",
    re.I,
)
_NUMERIC = re.compile(
    r"\b(?:how many|how much|number of|numbers of|what (?:was|is|were|are) the (?:figure|number|total|rate|percentage|"
    r"proportion|budget|cost|saving|share|level|count|value|amount)|what percentage|what proportion|what share|"
    r"percentage|proportion|rate|figure|total|budget|cost|costs|saving|saved|overspend|underspend|count|how often|"
    r"per week|amount|how (?:big|high|low|large|long)|average|how much|attendance|caseloads?|turnover|vacancies|"
    r"vacancy|sickness|absence|timeliness|spend|spent|outturn|target|forecast|projection|ambition|variance|"
    r"(?:rise|rose|risen|fall|fell|fallen|drop|dropped|grow|grew|increase|increased|decrease|decreased|reduce|reduced)"
    r"\s+to|reach|reached|stand\s+at|stood\s+at)\b",
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
    r"^\s*why\b|^\s*tell me about\b|\bwhat is being done\b",
    re.I,
)
_WHY = re.compile(r"^\s*(?:and\s+)?why\b", re.I)
_YEARLY = re.compile(r"\b(?:per|a) (?:year|annum)\b|\bannual(?:ly)?\b", re.I)
_DURATION = re.compile(
    r"\bhow long\b|\bhow many (?:days|weeks|months|years)\b|\bduration\b|\blength of time\b", re.I
)
_BARE_QUARTER = re.compile(
    r"\b(?:quarter\s+(one|two|three|four|[1-4])|(first|second|third|fourth)\s+quarter|Q([1-4]))\b", re.I
)
_QUARTER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}
MAX_HISTORY = 6
_WORD_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)"


@dataclass
class Reading:
    """What a question asks, in the terms figures are matched with."""

    question: str
    measure_text: str
    measure_seq: list[str]
    concept: ConceptMatch | None
    unit: str | None  # count | rate | percent | money | money_week | money_year | duration | None
    subject: Subject
    subject_explicit: bool
    date_start: dt.date | None
    date_end: dt.date | None
    date_label: str | None
    quarter: int | None
    intent: str  # value | latest | timeline | general
    figure_kind: str  # level | change | target | forecast
    answer_type: str  # number | person | date | name | text
    follow_up: bool = False
    source_terms: list[str] = field(
        default_factory=list
    )  # names the question gives (people, meetings, papers)
    explicit_latest: bool = False  # "now", "currently", "latest": an undated figure cannot say it is current
    name_terms: list[str] = field(default_factory=list)  # capitalised names ("the Big Takeover", "Low Lane")
    occasion_words: list[str] = field(default_factory=list)  # "in the quarter 4 2020/21 fostering update"
    date_names_paper: bool = False  # the date asked is part of the paper's name, not said of the figure
    notes: list[str] = field(default_factory=list)

    def resolved(self) -> ResolvedQuery:
        return ResolvedQuery(
            measure_terms=list(self.measure_seq),
            measure_text=self.measure_text or None,
            concept_id=self.concept.concept.id if self.concept else None,
            concept_label=self.concept.concept.label if self.concept else None,
            unit=self.unit,
            subject=self.subject.kind,
            subject_name=self.subject.name,
            figure_kind=self.figure_kind,
            date_start=self.date_start,
            date_end=self.date_end,
            date_label=self.date_label,
            quarter=self.quarter,
            intent=self.intent,
            answer_type=self.answer_type,
        )


def _unit(question: str) -> str | None:
    lx = lexicon()
    if phrase_pattern(lx["percent_words"]).search(question) or "%" in question:
        return "percent"
    if re.search(r"\b(?:per|out\s+of\s+every)\s+(?:10,?000|ten\s+thousand|10k)\b", question, re.I):
        return "per_10000"  # "per 10,000" asks for exactly that: a percentage "rate" will not do
    if phrase_pattern(lx["rate_words"]).search(question):
        return "rate"
    how_much = (
        re.search(r"\bhow much\b", question, re.I)
        and not re.search(r"\bby how much\b", question, re.I)
        and not _CHANGE.search(question)
    )
    money = phrase_pattern(lx["money_words"]).search(question) or "£" in question or how_much
    if (
        money
        or re.search(
            r"\b(?:budget|overspend|underspend|saving|savings|spend|spent|outturn|allowance|fee|"
            r"funding|grant)\b",
            question,
            re.I,
        )
        and re.search(r"\bhow much\b|\bwhat\b", question, re.I)
    ):
        if WEEKLY.search(question):
            return "money_week"
        if _YEARLY.search(question) and re.search(r"\b(?:cost|fee|allowance|pay|paid)\b", question, re.I):
            return "money_year"
        return "money"
    if _DURATION.search(question):
        return "duration"
    if phrase_pattern(lx["count_words"]).search(question):
        return "count"
    return None


_GRADE = re.compile(
    r"\bwhat\s+(?:grade|rating|judgement|judgment)\b|\bhow\s+(?:was|were|is|are)\b.{0,60}\b(?:graded|"
    r"rated|judged)\b",
    re.I,
)


def _answer_type(question: str, unit: str | None, concept: ConceptMatch | None) -> str:
    if _GRADE.search(question):
        return "name"
    if (
        _DEFINITION.search(question)
        or _WHY.match(question)
        or (
            _DISCUSSION.search(question)
            and unit is None
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


def _strip(question: str, spans: list[tuple[int, int]]) -> str:
    """The question with each span replaced by a space (spans may overlap: a date inside an occasion)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = question
    for s, e in reversed(merged):
        out = out[:s] + " " + out[e:]
    return out


def _with_date_edges(question: str, date_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "at the end of Q3 2023/24": "end" says when, not what; the words before a date that only place it
    within its period are part of the date."""
    out = []
    for s, e in date_spans:
        m = DATE_EDGE.search(question[max(0, s - 30) : s])
        out.append((s - len(m.group(0)) if m else s, e))
    return out


def _measure(
    question: str, date_spans: list[tuple[int, int]], subject_spans: list[tuple[int, int]]
) -> tuple[str, list[str]]:
    rest = _strip(question, _with_date_edges(question, date_spans) + subject_spans)
    lx = lexicon()
    for key in ("rate_words", "percent_words", "count_words", "money_words", "average_words"):
        rest = phrase_pattern(lx[key]).sub(" ", rest)
    rest = re.sub(r"\bhow\s+(?:high|low|big|large|long)\b", " ", rest, flags=re.I)
    rest = re.sub(
        r"\bmov(?:e|ed|ing)\s*(?=\b(?:during|over|between|since|through|across)\b|\?|$)",
        " ",
        rest,
        flags=re.I,
    )  # "how did the number move during 2023/24": a trend, not a measure word
    rest = re.sub(
        r"\b(?:how|what|which|who|when|is|are|was|were|did|does|do|the|there|by|much)\b",
        " ",
        rest,
        flags=re.I,
    )
    scaffold = scaffold_terms()
    rest = re.sub(
        rf"\b{_WORD_NUMBER}\b(?!\s+(?:working\s+)?(?:days?|weeks?|months?|years?)\b)", " ", rest, flags=re.I
    )
    seq = [t for t in measure_terms(rest) if t not in scaffold]
    words = [
        w
        for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", rest)
        if measure_terms(w) and not set(measure_terms(w)) <= scaffold
    ]
    return " ".join(words), seq


_NAME_RUN = re.compile(r"(?<=[\w,'’] )(?:[A-Z][\w'’-]*)(?:\s+(?:of|for|and|the|in|with)?\s*[A-Z][\w'’-]*)*")


def title_words(text: str) -> list[str]:
    """Words that can name a paper: lower-cased, no stop words, digits kept ("quarter 4 fostering update")."""
    return [
        w
        for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
        if w not in stopwords()
        and w not in ("the", "in", "a", "an", "according", "report", "reported", "paper")
    ]


def _name_terms(question: str) -> list[str]:
    """Terms of the capitalised names a question gives after its first word ("the Big Takeover", "Low Lane
    children's home", "Together for Children"): they say which thing, and an article may name it only once."""
    out: list[str] = []
    for m in _NAME_RUN.finditer(question):
        if m.group(0).isupper() and len(m.group(0)) <= 4:
            continue  # "CLA", "EET": acronyms of measures, not names
        out.extend(t for t in measure_terms(m.group(0)) if t not in out)
    return out


def _is_source(question: str, pos: int) -> bool:
    """ "According to the South Tyneside JSNA", "in Stockton's report": the paper, not whose figure."""
    before = question[max(0, pos - 20) : pos].lower()
    after = question[pos : pos + 60].lower()
    return bool(re.search(r"according to (?:the )?$|\bin (?:the )?$", before)) and bool(
        re.search(
            r"\b(?:jsna|report|paper|papers|minutes|scorecard|data|benchmarking|review|plan|strategy)\b",
            after,
        )
    )


@lru_cache(maxsize=1)
def _occasion_patterns() -> list[re.Pattern[str]]:
    lx = lexicon()
    nouns = "|".join(re.escape(n) for n in sorted(lx["source_nouns"], key=len, reverse=True))
    verbs = "|".join(re.escape(v) for v in sorted(lx["reporting_verbs"], key=len, reverse=True))
    done = "|".join(re.escape(v) for v in sorted(lx["occasion_verbs"], key=len, reverse=True))
    return [
        re.compile(r"\baccording\s+to\b[^,?;]*", re.I),
        re.compile(
            r"\bper\s+(?:the|that|this|its|their|our|a|an)\b[^,?;]*", re.I
        ),  # "per the Q3 fostering report"
        re.compile(
            rf"\b(?:in|from|at|during)\s+(?:the|our|a|an|this|that|its|their|his|her)?\s*"
            rf"(?:[\w'’/-]+\s+){{0,6}}?(?:{nouns})s?\b(?:\s+(?:on|about|into|of)\s+[^,?;]*)?",
            re.I,
        ),
        re.compile(
            rf"\b(?:did|does|do|has|have|had)\s+(?:[\w'’-]+\s+){{1,4}}?(?:{verbs})\b(?:\s+(?:the|a|an)?\s*"
            rf"(?:[\w'’-]+\s+){{0,4}}?(?:{nouns})s?\b)?",
            re.I,
        ),
        re.compile(
            rf"\b(?:when|as|after|before|once)\s+[^,?;]*?\b(?:was|were|is|are|went|had\s+been|got)\s+"
            rf"(?:{done})\b[^,?;]*",
            re.I,
        ),
        re.compile(
            r"\b(?:reported|covered|quoted|presented|published|announced)\s+(?:by|to|in|at|during)\b[^,?;]*",
            re.I,
        ),
        re.compile(
            r"\b(?:when|as)\s+(?:the\s+)?[^,?;]*?\b(?:reported|said|announced|published|told|presented|revealed)\b"
            r"[^,?;]*",
            re.I,
        ),
    ]


_OCCASION_CLAUSES = (
    # "Same Echo article on the TV campaign: how many ...", "Going back to the Echo story - how many ..."
    re.compile(r"^[^?]{8,160}?(?::|\s[-–—]\s)\s*(?=(?:how|what|which|who|where|when)\b)", re.I),
    # "When Hartlepool restructured its teams, how many ...", "... when its cabinet approved the strategy?"
    re.compile(r"^\s*(?:when|after|once|while)\s+[^,?]{3,120},\s*(?=(?:how|what|which|who|where)\b)", re.I),
    re.compile(r"(?<=\S)\s(?:when|once)\s+(?!(?:did|does|do|is|are|was|were)\b)[^,?;]*", re.I),
    re.compile(r"\([^()]*\b(?:story|article|piece|report|answer|scorecard|update|minutes)s?\b[^()]*\)", re.I),
)


def _asks_for_a_figure(question: str) -> bool:
    """Not a who / when / which-name question: for those the clause naming the occasion is what picks the
    sentence ("who was chairing the panel when it looked at ...") and stays among the words to match."""
    return not (
        _WHO.search(question)
        or _GRADE.search(question)
        or (_WHEN.search(question) and not re.search(r"\bhow many\b", question, re.I))
        or (_NAMED_THING.search(question) and not re.search(r"\bhow (?:many|much)\b", question, re.I))
        or (_NAME.search(question) and not _NUMERIC.search(question))
    )


def _occasion_spans(question: str) -> list[tuple[int, int]]:
    """Where a question says which paper or occasion it means ("according to the annual report", "in the
    November 2021 scorecard", "did Karen Robb give the Panel", "when the hub was debated at scrutiny"): those
    words narrow the source, they do not say what is counted."""
    spans: list[tuple[int, int]] = []
    patterns = _occasion_patterns() + (list(_OCCASION_CLAUSES) if _asks_for_a_figure(question) else [])
    for pattern in patterns:
        for m in pattern.finditer(question):
            if not any(a < m.end() and m.start() < b for a, b in spans):
                spans.append(m.span())
    return sorted(spans)


def _bare_quarter(question: str, dates: list) -> int | None:
    if dates:
        return None
    m = _BARE_QUARTER.search(question)
    if not m:
        return None
    word = (m.group(1) or m.group(2) or m.group(3)).lower()
    return _QUARTER_WORDS.get(word) or int(word)


def read(question: str, previous: Reading | None = None) -> Reading:
    """Read a question; previous is the reading of the conversation's last figure question, if any."""
    dates = find_dates(question)
    quarter = _bare_quarter(question, dates)
    if quarter and previous is not None and previous.date_start is not None:
        fy = previous.date_start.year if previous.date_start.month >= 4 else previous.date_start.year - 1
        first, last = quarter_range(fy, quarter)
        dates_range = (first, last, f"quarter {quarter} of {fy_label(fy)} ({first:%B}–{last:%B %Y})")
        quarter = None
    else:
        dates_range = None
    relative = (
        relative_period(question, previous.date_start, previous.date_end)
        if previous is not None and not dates and not quarter
        else None
    )
    if relative is not None:
        dates_range = (relative.first, relative.last, relative.label)
    mentions = find_subject_mentions(question)
    subject_mentions = [m for m in mentions if m.subject.kind != OWN and not _is_source(question, m.start)]
    occasions = _occasion_spans(question)
    # "In the Burnley Express story on Lancashire's rising care numbers, what was the England total?": a place
    # inside the words naming the source says which source; one outside them says whose figure
    outside = [m for m in subject_mentions if not any(a <= m.start < b for a, b in occasions)]
    subject_mentions = outside or subject_mentions
    own_named = any(m.subject.kind == OWN and re.match(r"['’]s\b", question[m.end :]) for m in mentions)
    subject = subject_mentions[0].subject if subject_mentions and not own_named else own_subject()
    measure_text, seq = _measure(
        question,
        [(d.start, d.end) for d in dates]
        + [m.span() for m in _BARE_QUARTER.finditer(question)]
        + ([relative.span] if relative else []),
        [(m.start, m.end) for m in mentions] + occasions,
    )
    unit = _unit(question)
    concept = match_concept(seq, _unit_for_concept(unit), passive_participles(question)) if seq else None
    if (
        concept is not None
        and unit is not None
        and not _concept_reports(concept, unit)
        and _unit_word_after_measure(question, measure_text)
    ):
        unit = (
            None  # "What population estimate is the rate per 10,000 based on?": the rate is not what is asked
        )
    follow_up = previous is not None and (bool(_FOLLOW_UP.search(question)) or len(question.split()) <= 5)
    timeline = bool(_TIMELINE.search(question)) and not _CHANGE.search(question)
    latest = bool(_LATEST.search(question))
    kind = (
        "change"
        if _CHANGE.search(question) and not timeline
        else "target"
        if _TARGET.search(question)
        else "forecast"
        if _FORECAST.search(question)
        else "level"
    )
    reading = Reading(
        question,
        measure_text,
        seq,
        concept,
        unit,
        subject,
        bool(subject_mentions),
        None,
        None,
        None,
        quarter,
        "general",
        kind,
        _answer_type(question, unit, concept),
        follow_up,
        list(
            dict.fromkeys(
                t for a, b in occasions for t in measure_terms(question[a:b]) if t not in scaffold_terms()
            )
        ),
    )
    reading.name_terms = _name_terms(question)
    reading.occasion_words = [w for a, b in occasions for w in title_words(question[a:b])]
    reading.date_names_paper = bool(dates) and all(
        any(a <= d.start and d.end <= b for a, b in occasions) for d in dates
    )
    if dates and kind == "change" and re.search(r"\bsince\b", question, re.I):
        dates = []  # "increased since 2022-23": the date the change is measured from, not the date asked about
    if dates:
        reading.date_start = min(d.first for d in dates)
        reading.date_end = max(d.last for d in dates)
        reading.date_label = " to ".join(dict.fromkeys(d.label for d in dates))
    elif dates_range:
        reading.date_start, reading.date_end, reading.date_label = dates_range
    if follow_up and previous is not None and previous.answer_type == "number":
        reading = _inherit(reading, previous, timeline, latest)
    if reading.answer_type != "number":
        return reading
    if timeline or (
        follow_up and previous is not None and previous.intent == "timeline" and not dates and not latest
    ):
        reading.intent = "timeline"
        if re.search(r"\bsince\b", question, re.I):
            if not dates and previous is not None and previous.date_start:
                reading.date_start, reading.date_label = previous.date_start, f"since {previous.date_label}"
            elif reading.date_label:
                reading.date_label = f"since {reading.date_label}"
            reading.date_end = dt.date.max
    elif reading.date_start is not None or reading.quarter:
        reading.intent = "value"
    else:
        reading.intent = "latest"
        reading.explicit_latest = latest
    return reading


def _concept_reports(concept: ConceptMatch, unit: str) -> bool:
    family = _unit_for_concept(unit) or ""
    return any(
        u == family
        or (family == "per_10000" and u in ("per_10000", "rate"))
        or (family.startswith("gbp") and u.startswith("gbp"))
        for u in concept.concept.units
    )


def _unit_word_after_measure(question: str, measure_text: str) -> bool:
    first_measure_word = measure_text.split()[0] if measure_text else ""
    lx = lexicon()
    unit_words = phrase_pattern(lx["rate_words"] + lx["percent_words"] + lx["count_words"]).search(question)
    at = question.find(first_measure_word) if first_measure_word else -1
    return unit_words is not None and at >= 0 and unit_words.start() > at


def _unit_for_concept(unit: str | None) -> str | None:
    return {
        "money": "gbp",
        "money_week": "gbp_per_week",
        "money_year": "gbp_per_year",
        "rate": "per_10000",
        "duration": "days",
    }.get(unit or "", unit)


def _inherit(reading: Reading, previous: Reading, timeline: bool, latest: bool) -> Reading:
    """A follow-up keeps what it does not say from the previous turn ("and in July 2020?", "and the rate?")."""
    names_new = bool(reading.measure_seq) and (
        reading.concept is not None
        and (previous.concept is None or reading.concept.concept.id != previous.concept.concept.id)
        or len(reading.measure_seq) >= 2
        and not set(reading.measure_seq) <= set(previous.measure_seq)
    )
    updates: dict = {"answer_type": "number"}
    if not names_new:
        updates.update(
            measure_seq=list(previous.measure_seq),
            measure_text=previous.measure_text,
            concept=previous.concept,
        )
        if reading.unit is None:
            updates["unit"] = previous.unit
        if reading.figure_kind == "level":
            updates["figure_kind"] = previous.figure_kind
    if not reading.subject_explicit:
        updates["subject"] = previous.subject
    if (
        reading.date_start is None
        and not reading.quarter
        and not timeline
        and not latest
        and previous.date_start
    ):
        updates.update(
            date_start=previous.date_start, date_end=previous.date_end, date_label=previous.date_label
        )
    return replace(reading, **updates)


def read_conversation(question: str, history: list[str] | None) -> Reading:
    """Read a question in the light of the earlier questions of its conversation (oldest first)."""
    previous: Reading | None = None
    for earlier in (history or [])[-MAX_HISTORY:]:
        r = read(earlier, previous)
        previous = r if r.answer_type == "number" and r.measure_seq else None
    return read(question, previous)


def concept_label(concept_id: str | None) -> str | None:
    c = concepts_by_id().get(concept_id or "")
    return c.label if c else None
