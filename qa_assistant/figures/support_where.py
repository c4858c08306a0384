"""Where a question's words that a figure's sentence leaves out are said instead: near it (the sentence it
refers back to, its heading), in the paper's name, or in what the item said before. The support check
(selection.py) accepts them from there, and notes where.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_assistant.figures.explained_words import elided, names_the_measure
from qa_assistant.figures.question_sources import name_terms
from qa_assistant.figures.reading import Reading
from qa_assistant.figures.subjects import find_subject_mentions
from qa_assistant.figures.support_context import FigureContext
from qa_assistant.figures.support_rules import answers_a_quoted_question
from qa_assistant.figures.terms import lexicon, phrase_pattern
from qa_assistant.models import Figure


def where_said(
    r: Reading,
    f: Figure,
    around: FigureContext,
    q: frozenset[str],
    p: frozenset[str],
    missing: frozenset[str],
) -> str | None:
    """Where the words the sentence leaves out are said instead ("near", "source" or "before"), or None (q: the
    question's measure terms, p: the figure's phrase terms)."""
    if _whole_opener().match(around.sentence_text) and missing & (around.near | around.before):
        # "Overall, 5,067 children were looked after", after sentences on lone asylum-seeking children: the
        # whole, not the group spoken of before (nor then one the title names); with no such group before, the
        # title stays the paper's scope ("Overall, the forecast overspend is £2.1m" in a transport update)
        return None
    # Words about the occasion, not the measure: the paper's own title, or a name the question gives
    # ("What figure did Karen Robb give the Panel ...") found anywhere in the paper. A value listed under a
    # question the paper quotes (a freedom of information answer) is what that question asks for, whatever
    # the request's title says ("foster carers recruitment" above "spend on in-house fostering?").
    title = frozenset() if answers_a_quoted_question(f) else around.source
    occasion = title | (frozenset(r.source_terms) & around.document)
    if missing <= around.near | occasion:
        return "near" if missing & around.near else "source"
    named_before = frozenset(r.name_terms + r.source_terms)
    if missing & (named_before - frozenset(r.source_terms)) and _names_its_own(around.sentence_text, r):
        named_before = frozenset(r.source_terms)  # (read only when a name the question gives is missing)
    if missing <= around.near | occasion | (around.before & named_before) | elided(
        around.before_pairs, p
    ) and names_the_measure(q, p):
        # "The proposal received 28 objections": which proposal (the Low Lane home) the article said before;
        # "18 carers taking a break" after "foster carers being on hold": the paper stopped repeating "foster"
        return "before"
    return None


def _names_its_own(sentence: str, r: Reading) -> bool:
    """ "The Dedicated Schools Grant (DSG) is forecasting a spend of £4.9m beyond its budget": a sentence that
    names a body of its own, one the question does not name, is not about the one named before it."""
    for m in sorted(find_subject_mentions(sentence), key=lambda m: -m.start):  # places name no body
        sentence = sentence[: m.start] + " " * (m.end - m.start) + sentence[m.end :]
    asked = set(r.measure_seq) | set(r.name_terms) | set(r.source_terms)
    return bool(set(name_terms(sentence)) - asked)


@lru_cache(maxsize=1)
def _whole_opener() -> re.Pattern[str]:
    """A sentence opening with a word that turns to the whole ("Overall,", "In total,")."""
    return re.compile(r"\s*" + phrase_pattern(lexicon()["whole_openers"]).pattern + r"\s*,", re.I)
