"""The words around a figure in its paper, which the support check reads: its sentence, the sentence before
when it refers back, its section heading and the item's text just before; and each paper's own words.
Cached per figure and per paper, since one question checks many figures of the same papers.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from qa_assistant.figures.concepts import names_several_measures
from qa_assistant.figures.question_sources import title_words
from qa_assistant.figures.support_context import FigureContext, build_context
from qa_assistant.figures.terms import REFERRING_NOUNS, counting_terms, measure_terms
from qa_assistant.models import Figure

_CONTEXT_CACHE = 4096
_DOCUMENT_CACHE = 256
_PREVIOUS_SENTENCE_CHARS = 400


class FigureContexts:
    """The support check's view of each figure's surroundings, read from the loaded index and kept."""

    def __init__(self, index, window_chars: int = 0) -> None:
        self.index = index
        self.window_chars = window_chars
        self._contexts: OrderedDict[int, FigureContext] = OrderedDict()
        self._documents: OrderedDict[str, tuple[frozenset[str], frozenset[str]]] = OrderedDict()
        self._words: OrderedDict[str, frozenset[str]] = OrderedDict()

    def context(self, f: Figure) -> FigureContext:
        """The words around figure f that may support a question (see support_context.build_context)."""
        cached = self._contexts.get(f.figure_id)
        if cached is not None:
            return cached
        doc = self.index.documents[f.doc_id]
        text = doc.text
        prev_start = previous_sentence_start(text, f.sentence_start)
        source, document = self._document_terms(f.doc_id)
        heading = _section_heading(text, f.sentence_start)
        if not set(measure_terms(f.phrase)) - counting_terms():
            # "these numbers had increased further to 245" under "Looked After Children and Care Leavers": a
            # figure with no words of its own is not told which measure by a name that gives several
            heading = "" if names_several_measures(heading) else heading
            source = frozenset() if names_several_measures(doc.title) else source
        sentence = text[f.sentence_start : f.sentence_end]
        previous_text = text[prev_start : f.sentence_start]
        previous = _without_verbs(previous_text) if refers_back(sentence, previous_text) else ""
        before = (
            text[max(0, f.sentence_start - self.window_chars) : f.sentence_start] if self.window_chars else ""
        )
        ctx = build_context(
            f,
            sentence,
            previous,
            heading,
            self.index.figure_index.siblings(f),
            source,
            document,
            before,
            previous_text,
        )
        self._contexts[f.figure_id] = ctx
        if len(self._contexts) > _CONTEXT_CACHE:
            self._contexts.popitem(last=False)
        return ctx

    def _document_terms(self, doc_id: str) -> tuple[frozenset[str], frozenset[str]]:
        """A paper's title, committee and kind terms (its name), and every term of its text."""
        cached = self._documents.get(doc_id)
        if cached is None:
            doc = self.index.documents[doc_id]
            source = frozenset(measure_terms(f"{doc.title} {doc.committee or ''} {doc.kind or ''}"))
            cached = (source, frozenset(measure_terms(doc.text)))
            self._documents[doc_id] = cached
            if len(self._documents) > _DOCUMENT_CACHE:
                self._documents.popitem(last=False)
        return cached

    def document_terms(self, doc_id: str) -> frozenset[str]:
        """Every term of the paper's text (cached with its name's terms)."""
        return self._document_terms(doc_id)[1]

    def text_words(self, doc_id: str) -> frozenset[str]:
        """The paper's words as written (not stemmed: a source is named in its own words)."""
        cached = self._words.get(doc_id)
        if cached is None:
            cached = frozenset(title_words(self.index.documents[doc_id].text))
            self._words[doc_id] = cached
            if len(self._words) > _DOCUMENT_CACHE:
                self._words.popitem(last=False)
        return cached


_SECTION_REACH = 3000  # a heading further back than this is not taken as the figure's topic


def _section_heading(text: str, pos: int) -> str:
    """The nearest short line above a position that reads as a heading ("South Tees Youth Offending Service"):
    the section a figure sits in names its topic."""
    floor = max(0, pos - _SECTION_REACH)
    end = text.rfind("\n", floor, pos)
    while end > floor:
        start = text.rfind("\n", floor, end) + 1
        line = text[start:end].strip(" -•·*#")
        if line and len(line.split()) <= 10 and not re.search(r"[.:;,]$|\d{2,}", line) and line[0].isupper():
            return line
        end = start - 1
    return ""


# A sentence that refers back ("The project had also...", "Of those children...", "Over the same period") takes its
# topic from the one before; one that does not is read on its own.
_REFERS_BACK = re.compile(
    r"\b(?:this|these|those|such|its|their)\b|\bthe\s+same\b|"
    r"\bthe\s+(?:project|programme|scheme|service|team|"
    r"initiative|pilot|review|report|strategy|plan|fund|grant|approach|model|hub|group|board|panel|"
    r"proposal|application|development|bid|policy|home|conference|event|campaign|visit)\b",
    re.I,
)
# "A contract was awarded for a residential block. The contract, with a total value of £6.9m, ...": a sentence
# opening with "the" and a noun the sentence before named is about what that sentence said
_OPENS_DEFINITE = re.compile(r"\s*(?:[a-z]\.\s+|\d+\.\s+|[-•*]\s+)?the\s+([A-Za-z][\w-]*)", re.I)


# "... spending on children's social work services across the country has exploded. Luton spent £54.2 million
# in 2022-23": money spent with no "on" says what it was spent on only in the sentence before
_SPENT_ON_WHAT_BEFORE = re.compile(
    r"\b(?:spent|paid|received|invested)\s+(?:[a-z]+\s+){0,3}?£[\d.,]+(?:\s?(?:m|bn|k|million|billion)\b)?"
    r"(?![^.;]*\b(?:on|for|towards)\b)",
    re.I,
)


# "placed third ... on that measure", "By June that figure had risen": "that" pointing back, followed by a verb or
# the clause's end; not a conjunction before a noun phrase ("noted that total spending was £40m", "warned that ...")
_THAT_MEASURE = re.compile(
    rf"\bthat\s+(?:{REFERRING_NOUNS})"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:of\s+£?\d|alone\b)|\s+(?:(?:now|again|also|then|\w+ly)\s+)?(?:had|has|have|was|were|is|"
    r"are|will|would|could|may|might|remains?|remained|rose|fell|increased|decreased|dropped|stood|stands|reached|"
    r"grew|declined|represents?|equates?|compares?)\b)",
    re.I,
)


def refers_back(sentence: str, previous: str) -> bool:
    """Whether a sentence takes its topic from the one before (see _REFERS_BACK and _OPENS_DEFINITE)."""
    if _REFERS_BACK.search(sentence) or _SPENT_ON_WHAT_BEFORE.search(sentence):
        return True
    if _THAT_MEASURE.search(sentence):
        return True
    m = _OPENS_DEFINITE.match(sentence)
    if not m:
        return False
    noun = measure_terms(m.group(1))
    return bool(noun) and noun[0] in measure_terms(previous)


_VERB_PHRASE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|to|had|has|have|will|would|can|could|should|must|may|"
    r"might)\s+(?:\w+ly\s+)?\w+|\b(?!looked[-\s]after\b)\w+(?:ed|ing)\b",
    re.I,
)


def _without_verbs(text: str) -> str:
    """The sentence before a figure may give its topic ("a successful Family Reunification Project"), not
    what it counts: its verbs ("was required to provide") never stand in for a question's words ("looked after"
    is a measure's name, not a verb)."""
    return _VERB_PHRASE.sub(" ", text)


def previous_sentence_start(text: str, start: int) -> int:
    """Start of the sentence before the one at `start` (within the same paragraph)."""
    base = max(0, start - _PREVIOUS_SENTENCE_CHARS)
    window = text[base:start].rstrip()
    ends = [m.end() for m in re.finditer(r"[.!?]\s+|\n", window)]
    ends = [e for e in ends if e < len(window)]
    begin = base + (ends[-1] if ends else 0)
    while begin < start and text[begin].isspace():
        begin += 1
    return begin
