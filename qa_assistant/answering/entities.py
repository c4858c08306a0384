"""Who / when / which / what-is-it-called: the person (with role), date or name itself, marked in its sentence.

The sentences that best match the question are searched for an answer of the type asked; a sentence
answers only if it (or the one before it) holds most of the question's words, so "Who chairs the Corporate
Parenting Board?" is answered from a sentence about chairing that board, never from any sentence with a
name in it. When papers of different dates give different answers, the latest comes first and both show.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from qa_assistant.answering.citing import Citer
from qa_assistant.answering.entity_finder import (
    Found,
    find_dates_in,
    find_grades,
    find_names,
    find_people,
    find_places,
)
from qa_assistant.answering.sentences import rank_sentences
from qa_assistant.figures.question import Reading
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.terms import lexicon, measure_terms
from qa_assistant.models import Answer, EntityValue
from qa_assistant.text.dates import find_dates

_NAME_HEAD = re.compile(r"\bwhich\s+(\w+)", re.I)
_CALLED = re.compile(r"\b(\w+)\s+(?:is|was|are|were)?\s*(?:called|named)\b", re.I)
_WHAT_THE = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+the\s+[^?]{0,60}?\b(approach|model|programme|program|scheme|system|"
    r"tool|framework|initiative|project|service|team|strategy|campaign|policy|hub)\b|^\s*what\s+(system|"
    r"tool|team|service|programme|scheme|company|organisation|organization|charity|provider|agency|"
    r"group)\b",
    re.I,
)
_NAME_OF = re.compile(
    r"\bname of (?:the |this |that |their |its |our )?(?:\w+ ){0,3}?(\w+)\b(?:\s*\?|$| that| which| for)",
    re.I,
)
_ANSWER_WORDS = {"name", "call", "who", "when", "date", "day", "which"}
MAX_ANSWERS = 2
MEETING_SENTENCES = 12  # opening sentences read from a dated meeting's papers


class EntityAnswerer:
    def __init__(self, index, citer: Citer, settings) -> None:
        self.index = index
        self.citer = citer
        self.settings = settings

    def answer(self, question: str, r: Reading, qvec: np.ndarray) -> Answer | None:
        ranked = rank_sentences(self.index, self.settings, question, qvec, k=self.settings.entity_passages)
        ranked += self._meeting_sentences(r, {row for _, row in ranked}, qvec)
        terms = {t for t in r.measure_seq if t not in _ANSWER_WORDS}
        head = _name_head(question) if r.answer_type == "name" else None
        role_terms = _question_role_terms(question) if r.answer_type == "person" else frozenset()
        asks_for_name = bool(role_terms)  # "Who is the Executive Member?": the role itself is not the answer
        verb = _question_verb(question) if r.answer_type == "person" else frozenset()
        found: list[tuple[float, EntityValue, object]] = []
        for sim, row in ranked:
            doc_id, start, end, chunk_id = self.index.sentence_spans[row]
            doc = self.index.documents[doc_id]
            sentence = doc.text[start:end]
            coverage = _coverage(terms, sentence, doc.text[max(0, start - 300) : start] + " " + doc.title)
            if not terms or coverage < self.settings.entity_min_coverage:
                continue
            candidates = [
                c
                for c in self._find(r.answer_type, sentence, doc.meeting_date, head, question)
                if not _restates_question(c.text, terms)
                and not (asks_for_name and c.role_only)
                and _holds_role(c, sentence, role_terms)
                and _fits_dates(c, r)
            ]
            if not candidates:
                continue
            best = _pick(candidates, terms | verb, sentence)
            near_best = set(measure_terms(sentence[max(0, best.start - 100) : best.end + 100]))
            verb_bonus = (0.3 if verb & near_best else -0.2) if verb else 0.0
            cite = self.citer.cite(
                doc_id, start, end, [(start + best.start, start + best.end)], chunk_id=chunk_id
            )
            detail = best.detail if best.type == "date" else None
            value = EntityValue(
                text=best.text, type=r.answer_type, role=best.role, detail=detail, citation=cite
            )
            held = doc.meeting_date or _title_day(doc.title)
            on_the_day = (
                0.3 if r.date_start and held and r.date_start <= held <= r.date_end else 0.0
            )  # "Who chaired the meeting on 7 August 2018?": that meeting's own papers
            found.append(
                (
                    sim + coverage + verb_bonus + on_the_day - (0.1 if best.role_only else 0.0),
                    value,
                    doc.meeting_date,
                    bool(on_the_day),
                )
            )
        if not found:
            return None
        dated = [f for f in found if f[3]]
        if dated:  # "the meeting on 7 August 2018": only that meeting's papers answer
            found = dated
        found.sort(key=lambda x: -x[0])
        chosen = [found[0]]
        for item in found[1:]:
            if len(chosen) >= MAX_ANSWERS:
                break
            if (
                item[1].text.lower() not in {c[1].text.lower() for c in chosen}
                and item[0] >= found[0][0] - 0.15
            ):
                chosen.append(item)
        chosen.sort(key=lambda x: (x[2] is not None, x[2]), reverse=True)  # latest paper first
        values = [c[1] for c in chosen]
        text = " ".join(_sentence_for(v) for v in values)
        return Answer(
            question=question,
            kind="entity",
            text=text,
            entities=values,
            citations=[v.citation for v in values],
            resolved=r.resolved(),
        )

    def _meeting_sentences(self, r: Reading, seen: set[int], qvec: np.ndarray) -> list[tuple[float, int]]:
        """The opening sentences of papers of a meeting the question dates ("the meeting on 7 August 2018"),
        where attendance and chairs are listed, whether or not retrieval ranked them."""
        if r.date_start is None or r.date_end is None or (r.date_end - r.date_start).days > 31:
            return []
        out: list[tuple[float, int]] = []
        for doc_id, doc in self.index.documents.items():
            held = doc.meeting_date or _title_day(doc.title)
            if held and r.date_start <= held <= r.date_end:
                rows = [
                    row
                    for row in self.index.sentence_rows_by_doc.get(doc_id, [])[:MEETING_SENTENCES]
                    if row not in seen
                ]
                out += [(float(self.index.sentence_vectors[row] @ qvec), row) for row in rows]
        return out

    def _find(
        self, answer_type: str, sentence: str, meeting_date, head: str | None, question: str
    ) -> list[Found]:
        if _GRADE_QUESTION.search(question):
            return find_grades(sentence)
        if _WHERE.match(question):
            return find_places(sentence)
        if answer_type == "person":
            return find_people(sentence)
        if answer_type == "date":
            return find_dates_in(sentence, meeting_date)
        return find_names(sentence, head)


_WHERE = re.compile(r"^\s*(?:and\s+)?where\b", re.I)
_GRADE_QUESTION = re.compile(
    r"\bwhat\s+(?:grade|rating|judgement|judgment|was\s+it\s+(?:graded|rated|judged))\b|"
    r"\bhow\s+(?:was|were|is|are)\b.{0,60}\b(?:graded|rated|judged)\b",
    re.I,
)
_ROLE_WORD_CUT = re.compile(r"\b(?:who|which|that|when|where|whom|and\s+(?:who|what))\b|[,?;]", re.I)


@lru_cache(maxsize=1)
def _role_keywords() -> re.Pattern[str]:
    roles = "|".join(
        re.escape(r)
        for r in sorted(lexicon()["roles"], key=len, reverse=True)
        if r.lower() not in {t.lower() for t in lexicon()["person_titles"]}
    )
    return re.compile(rf"((?:[\w'’-]+\s+){{0,4}})\b(?i:{roles})\b", re.I)


def _question_role_terms(question: str) -> frozenset[str]:
    """The role a "who" question names ("our Voice and Influence Manager", "head of the Virtual School",
    "interim director"): the words before the role word, the role word, and a capitalised "of ..." after it."""
    m = _role_keywords().search(question)
    if not m:
        return (
            _CHAIR if _CHAIRING.search(question) else frozenset()
        )  # "who was chairing the panel": its chair
    before = _ROLE_WORD_CUT.split(m.group(1))[-1]
    # "Executive Director for Children, Families and Learning": the whole capitalised name of the post
    after = re.match(
        r"\s+(?:(?:of|for)\s+)?(?:the\s+)?((?:[A-Z][\w'’]*(?:,?\s+(?:and\s+|&\s+)?|$))+)", question[m.end() :]
    )
    words = f"{before} {question[m.start(0) + len(m.group(1)) : m.end()]} {after.group(1) if after else ''}"
    terms = frozenset(measure_terms(words))
    return frozenset() if terms <= _GENERIC_ROLE_TERMS else terms  # "which officer": anyone who did it


# "who chairs", "who was chairing": the verb names the post the answer must be given
_CHAIRING = re.compile(
    r"^\s*(?:and\s+)?who\s+(?:is\s+|was\s+|were\s+|has\s+|had\s+)?(?:been\s+)?chair(?:s|ed|ing)?\b", re.I
)
_CHAIR = frozenset(measure_terms("chair"))
# The word of a post that says which post it is ("Executive MEMBER", "DIRECTOR of Children's Services")
_POST_WORDS = frozenset(
    measure_terms(
        "chair chairman chairperson member director manager head officer leader mayor "
        "commissioner lead adviser advisor holder"
    )
)
_GENERIC_ROLE_TERMS = frozenset(measure_terms("officer officers member staff person employee"))
_WHO_VERB = re.compile(
    r"^\s*(?:and\s+)?who\s+(?:is|was|were|has|had|will|would)?\s*(?:been\s+|being\s+)?([a-z]+)\b", re.I
)
_NOT_VERBS = {
    "the",
    "a",
    "an",
    "our",
    "their",
    "its",
    "in",
    "on",
    "responsible",
    "currently",
    "now",
    "still",
    "new",
    "this",
    "that",
    "there",
    "it",
}


def _question_verb(question: str) -> frozenset[str]:
    """What the person did, in "who chairs ...", "who was leading ...", "who presented ..."."""
    m = _WHO_VERB.search(question)
    if not m or m.group(1).lower() in _NOT_VERBS or _role_keywords().match(m.group(1)):
        return frozenset()
    return frozenset(measure_terms(m.group(1)))


def _holds_role(c: Found, sentence: str, role_terms: frozenset[str]) -> bool:
    """A named person answers "who is <role>" only if the paper gives them that role (most of its words) in
    their own role or right beside their name."""
    if not role_terms or c.type != "person":
        return True
    asked_post = role_terms & _POST_WORDS
    own_post = frozenset(measure_terms(c.role)) & _POST_WORDS if c.role else frozenset()
    if asked_post and own_post and not asked_post & own_post:
        return False  # the paper gives this person another post (an Executive Member, not the Director)
    near = f"{c.role or ''} {sentence[max(0, c.start - 80) : c.end + 80]}"
    have = role_terms & set(measure_terms(near))
    if c.role and any(m.subject.kind == "other" for m in find_subject_mentions(c.role)):
        return False  # "Virtual School Head of Islington" is not the council's own
    return len(have) * 3 >= len(role_terms) * 2


def _title_day(title: str):
    days = [d.first for d in find_dates(title) if d.kind == "day"]
    return days[0] if days else None


def _fits_dates(c: Found, r: Reading) -> bool:
    """A date answer to "When did the 2021 visit take place?" must fall in 2021."""
    if c.type != "date" or r.date_start is None:
        return True
    found = find_dates(c.detail or c.text)
    return not found or any(d.first <= r.date_end and r.date_start <= d.last for d in found)


def _name_head(question: str) -> str | None:
    """The kind of thing a name is asked for: "which TEAM", "what is the campaign called", "the name of the
    PROGRAMME"."""
    for pattern in (_NAME_HEAD, _WHAT_THE, _CALLED, _NAME_OF):
        m = pattern.search(question)
        if m:
            word = next(g for g in m.groups() if g)
            return word.lower().rstrip("s") if word.lower() not in ("its", "this", "also") else None
    return None


def _coverage(terms: set[str], sentence: str, before: str) -> float:
    if not terms:
        return 0.0
    here = set(measure_terms(sentence)) | set(measure_terms(before))
    return len(terms & here) / len(terms)


def _restates_question(text: str, terms: set[str]) -> bool:
    """'Which board?' answered with the board the question already names is no answer; nor is the council's
    own name ("What is Middlesbrough's Children in Care Council called?" -> not "Middlesbrough Council")."""
    own = set(measure_terms(text))
    return not own or own <= terms


def _pick(candidates: list[Found], terms: set[str], sentence: str) -> Found:
    """The candidate whose role or neighbourhood holds the question's words; else the first. A quoted name
    ("“We Matter” (Middlesbrough's Children in Care Council)") is the name the paper gives."""

    def score(c: Found) -> float:
        near = sentence[max(0, c.start - 60) : c.end + 60] + " " + (c.role or "")
        quoted = 0.5 if c.type == "name" and c.start > 0 and sentence[c.start - 1] in "‘'\"“" else 0.0
        quoted += 2.0 if c.detail == "known as" else 0.0  # what the paper says it is "known as"
        return (
            len(terms & set(measure_terms(near)))
            + (0.5 if c.role else 0.0)
            + quoted
            - 0.5 * c.role_only
            - 0.001 * c.start
        )

    return max(candidates, key=score)


def _sentence_for(v: EntityValue) -> str:
    role = f" ({v.role})" if v.role else f" ({v.detail})" if v.detail else ""
    c = v.citation
    return (
        f"{v.text}{role}: {c.title}, {c.committee or 'committee not stated'}, meeting {c.meeting_date_label} "
        f"(\u201c{c.quote}\u201d)."
    )
