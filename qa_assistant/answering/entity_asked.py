"""What an entity question asks a sentence to hold: its words, and the head, role or verb of what it names.
Read once per question (Asked.of), then every candidate sentence is checked against it (entities.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from qa_assistant.answering.entity_posts import body_terms
from qa_assistant.answering.entity_question import (
    asks_for_an_authority_by_what_it_owns,
    asks_which_titled_person,
    doer_verb,
    name_head,
    person_kind_head,
    person_kind_terms,
    question_role_terms,
    question_verb,
)
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.terms import measure_terms

_ANSWER_WORDS = {"name", "call", "who", "when", "date", "day", "which"}


@dataclass(frozen=True)
class Asked:
    """What an entity question asks a sentence to hold: its words, and the head, role or verb of what it names."""

    terms: set[str]  # the question's words, less the words of asking ("name", "who", "when")
    head: str | None  # the kind of thing a name is asked for ("team")
    head_terms: frozenset[str]  # its terms
    role_terms: frozenset[str]  # the post a "who" question names ("Executive Member")
    asks_for_name: bool  # "Who is the Executive Member?": the role itself is not the answer
    verb: frozenset[str]  # what the person did ("chairs", "presented")
    does: frozenset[str]  # what the named thing does ("which organisation DELIVERS ...")
    body: frozenset[str]  # the board, panel or committee the question names (its distinctive words)
    kind: str | None = None  # the kind of person asked for ("carer" in "which foster carer")

    @classmethod
    def of(cls, question: str, r: Reading) -> Asked:
        """Read once per question what every candidate sentence is checked against."""
        role_terms = question_role_terms(question) if r.answer_type == "person" else frozenset()
        # "Which local authority's team was crowned champion?": the authority is what is asked, not its team
        head = (
            ("council" if asks_for_an_authority_by_what_it_owns(question) else name_head(question))
            if r.answer_type == "name"
            else None
        )
        return cls(
            terms=asked_terms(r),
            head=head,
            head_terms=answered_terms(head, question, r),
            role_terms=role_terms,
            asks_for_name=bool(role_terms)
            or (r.answer_type == "person" and asks_which_titled_person(question)),
            verb=question_verb(question) if r.answer_type == "person" else frozenset(),
            does=doer_verb(question) if r.answer_type == "name" else frozenset(),
            body=body_terms(question) if r.answer_type == "person" else frozenset(),
            kind=person_kind_head(question) if r.answer_type == "person" else None,
        )


def answered_terms(head: str | None, question: str, r: Reading) -> frozenset[str]:
    """The words the answer itself stands for: the kind of name asked ("which TEAM"), or of person ("which
    foster carer")."""
    if head:
        return frozenset(measure_terms(head))
    return person_kind_terms(question) if r.answer_type == "person" else frozenset()


def asked_terms(r: Reading) -> set[str]:
    """The question's words, less the words of asking; when all of them name a source or an occasion ("When
    was the outcome letter for Durham's 2025 ILACS inspection published?"), that occasion is what is asked
    about, so its words are the ones a sentence must hold."""
    terms = {t for t in r.measure_seq if t not in _ANSWER_WORDS}
    occasion = set(measure_terms(" ".join(r.occasion_words))) - _ANSWER_WORDS
    if r.answer_type == "date":  # "when did Ofsted publish ...": a date is the occasion's own
        return terms | occasion
    return terms or occasion
