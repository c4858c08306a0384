"""Rank the quotable sentences of the best passages for a question: embedding similarity plus word overlap.

Sentence vectors are computed at index time, so ranking needs one model call (the question's) at most.
Used for general answers, entity answers and the closest-passage quote under "not found".
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from qa_assistant.figures.question_measure import blank_spans
from qa_assistant.figures.question_sources import occasion_spans
from qa_assistant.figures.terms import measure_terms
from qa_assistant.indexing import embedding
from qa_assistant.indexing.retrieval import bm25_ranking, dense_ranking
from qa_assistant.text.dates import find_dates
from qa_assistant.text.lexical import tokenize

RESCORED = 8  # best sentences scored again with their own vectors (about 2 ms each)
# Stems of question scaffolding that BM25's stop list keeps; they say nothing about the topic.
QUESTION_WORDS = frozenset(
    {
        "what",
        "did",
        "doe",
        "about",
        "how",
        "mani",
        "much",
        "when",
        "where",
        "which",
        "who",
        "whi",
        "tell",
        "show",
        "give",
        "hear",
        "said",
        "say",
        "happen",
        "there",
    }
)


def question_terms(question: str) -> set[str]:
    return set(tokenize([question])[0]) - QUESTION_WORDS


def rank_sentences(
    index, settings, question: str, qvec: np.ndarray, k: int | None = None, by_words: int = 0
) -> list[tuple[float, int]]:
    """(score, sentence row) best first, over the quotable sentences of the top k passages of each retriever;
    by_words: how many of the sentences holding most of the question's words are also re-scored (for a quoted
    answer, whose sentence should say what was asked in its own words).

    The two rankings are pooled rather than fused: a passage that only BM25 finds (an exact name, "the Harm
    Outside the Home Team") is still read, and the sentence scores decide."""
    k = k or settings.sentence_passages
    chunks = dict.fromkeys(i for i, _ in bm25_ranking(index, question, k))
    chunks.update(dict.fromkeys(i for i, _ in dense_ranking(index, qvec, k)))
    rows = [r for c in chunks for r in index.sentences_of(c)]
    if not rows:
        return []
    vecs = index.sentence_vectors[rows]
    terms = question_terms(question)
    texts = [_sentence_text(index, r) for r in rows]
    overlap = np.array([len(terms & set(t)) / max(1, len(terms)) for t in tokenize(texts)])
    sims = vecs @ qvec + settings.sentence_overlap_weight * overlap
    order = np.argsort(-sims)
    # The leaders are scored again with their own vectors: a sentence's vector pooled from its passage's pass
    # (how a build stays fast) carries its neighbours' words, and the quote chosen should be the sentence
    # that itself says what was asked.
    top = order[:RESCORED]
    # ... and so are the sentences that hold most of the question's words, wherever the pooled vectors put them
    # ("The underspend on in-house fostering reflects ..." in a passage that is mostly a budget table)
    wordy = [i for i in np.argsort(-overlap, kind="stable")[:by_words] if i not in set(top.tolist())]
    top = np.concatenate([top, np.array(wordy, dtype=top.dtype)]) if wordy else top
    own = np.stack([embedding.encode_one(texts[int(i)]) for i in top]) if len(top) else np.zeros((0, 1))
    sims[top] = own @ qvec + settings.sentence_overlap_weight * overlap[top]
    rest = order[~np.isin(order, top)]
    order = np.concatenate([top[np.argsort(-sims[top], kind="stable")], rest])
    return [(float(sims[i]), rows[int(i)]) for i in order]


_ABOUT = re.compile(r"\b(?:about|regarding|concerning)\b", re.I)
TOPIC_POOL = 20  # how far down the ranking a sentence on the topic asked about may come from


def topic_terms(question: str) -> set[str]:
    """What a "what did X say about Y" question asks about: the terms of Y, less the words that name the
    occasion ("during the 2021 focused visit", "per the action plan review") and its dates."""
    m = _ABOUT.search(question)
    if not m:
        return set()
    rest = question[m.end() :]
    rest = blank_spans(rest, occasion_spans(rest) + [(d.start, d.end) for d in find_dates(rest)])
    return question_terms(rest)


def on_topic_first(index, question: str, ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """The ranking with the sentences that say most of the topic asked about first ("what did the annual
    report say about recruiting adopters": "Recruitment of adopters has gone well", not the line that
    introduces the report, which names the occasion in every word). Unchanged when the question names no
    topic or no sentence near the top says any of it."""
    topic = topic_terms(question)
    pool = ranked[:TOPIC_POOL]
    if not topic or not pool:
        return ranked
    texts = [_sentence_text(index, row) for _, row in pool]
    said = [len(topic & set(tokens)) for tokens in tokenize(texts)]
    if not any(said):
        return ranked
    order = sorted(range(len(pool)), key=lambda i: (-said[i], i))
    return [pool[i] for i in order] + ranked[TOPIC_POOL:]


# "Why ...?" asks for a reason; a sentence that gives one says so
WHY = re.compile(
    r"^\s*(?:and\s+)?(?:why|what\s+(?:caused|is\s+behind|explains|drove|drives)|for\s+what\s+reason)\b", re.I
)
BECAUSE = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result|result(?:s|ed)?\s+(?:of|from)|reflects?|"
    r"driven\s+by|caused\s+by|following|since|so\s+(?:they|it|that)|therefore|reason|as\s+(?:the|a|they|it))\b",
    re.I,
)


TOPIC_SENTENCE_POOL = (
    60  # how far down the ranking the sentence saying the rest of the question may come from
)


def rest_of_question(index, question: str, ranked: list[tuple[float, int]], quoted: list[int]) -> list[int]:
    """The sentences not yet quoted, among the first TOPIC_SENTENCE_POOL ranked, that say most of the
    question's words the best quoted one (quoted[0]) does not (see says_the_rest): the best sentence's own
    paper's, if any of its sentences says some of them; and another paper's too when it says more of them
    (minutes that name the Ofsted visit, a report that says what the inspectors found). Else another paper's."""
    best_row = quoted[0]
    doc_id = index.sentence_spans[best_row][0]
    pool = [r for _, r in ranked[:TOPIC_SENTENCE_POOL] if r not in quoted]
    best_text = _sentence_text(index, best_row)
    reason = BECAUSE if WHY.search(question) else None
    picks: list[tuple[int, int]] = []  # (row, how many of the rest it says), own paper first
    for same_paper in (True, False):
        rows = [r for r in pool if (index.sentence_spans[r][0] == doc_id) == same_paper]
        texts = [_sentence_text(index, r) for r in rows]
        found = says_the_rest(question, best_text, texts, reason)
        if found is not None:
            picks.append((rows[found], rest_said(question, best_text, texts[found])))
        elif same_paper:
            picks.append((-1, 0))
    chosen = [row for row, _ in picks if row >= 0]
    if len(chosen) == 2 and picks[1][1] <= picks[0][1]:
        chosen = chosen[:1]
    return chosen


def rest_said(question: str, best: str, other: str) -> int:
    """How many of the question's words that the best sentence does not say the other sentence says."""
    best_terms, other_terms = (set(tokens) for tokens in tokenize([best, other]))
    return len((question_terms(question) - best_terms) & other_terms)


def _sentence_text(index, row: int) -> str:
    doc_id, start, end, _ = index.sentence_spans[row]
    return index.documents[doc_id].text[start:end]


def says_the_rest(
    question: str, best: str, others: list[str], prefer: re.Pattern[str] | None = None
) -> int | None:
    """Which of the other sentences (best first) says most of the question's words the best sentence does not
    say: "What did the 2021 Ofsted focused visit flag as an area for improvement for care leavers?" is best
    matched by the sentence naming the visit, which says nothing of what it flagged; the words left
    ("improvement", "care leavers") find "too many care leavers in NEET" further down. None when the best
    sentence says every word, or no other sentence says any of the rest."""
    said = [set(tokens) for tokens in tokenize([best, *others])]
    rest = question_terms(question) - said[0]
    counts = [len(rest & tokens) for tokens in said[1:]]
    if not counts or max(counts) == 0:
        return None
    # prefer: a sentence of the kind asked for ("why": one that gives a reason) first, then most words
    preferred = [bool(n and prefer and prefer.search(text)) for n, text in zip(counts, others)]
    return max(range(len(counts)), key=lambda i: (preferred[i], counts[i]))


# "Who was Hounslow's cabinet member for children's services when Ofsted found its children's social care wanting
# in all areas?": a clause after what is asked, saying when, can lead retrieval to the event's sentences only
_WHEN_CLAUSE = re.compile(
    r"(?<=\S)(?<!looked)(?<!looked-)\s+(?:when|once|after|following)\s+"
    r"(?!(?:did|does|do|is|are|was|were|it)\b)[^?;]*",
    re.I,
)


def without_when_clause(question: str) -> str | None:
    """The question without a when-clause after what it asks, or None when it has none (or too little is left)."""
    core = _WHEN_CLAUSE.sub("", question).strip()
    return core if core != question.strip() and len(core.split()) >= 4 else None


def rank_with_and_without_when(
    index,
    settings,
    question: str,
    qvec: np.ndarray,
    document_terms: Callable[[str], frozenset[str]],
    k: int | None = None,
) -> list[tuple[float, int]]:
    """rank_sentences, then the sentences the question finds without a when-clause after what it asks (the
    post held, the name given), added after those the whole question found. document_terms: every term of a
    paper's text (the figure reader's cached ones)."""
    ranked = rank_sentences(index, settings, question, qvec, k=k)
    core = without_when_clause(question)
    if core is None:
        return ranked
    seen = {row for _, row in ranked}
    more = rank_sentences(index, settings, core, embedding.encode_one(core), k=k)
    # scored against the whole question (not the shorter one, which would favour them), and only from a paper
    # that says what the clause does ("when Ofsted found ... wanting": a director named in a paper that never
    # speaks of it may not have been in post then)
    clause = clause_terms(question, core)
    return ranked + [
        (float(index.sentence_vectors[row] @ qvec), row)
        for _, row in more
        if row not in seen and clause <= document_terms(index.sentence_spans[row][0])
    ]


def clause_terms(question: str, core: str) -> frozenset[str]:
    """The words a question's when-clause adds to it, which a paper must say for a sentence found without it."""
    return frozenset(measure_terms(question)) - frozenset(measure_terms(core))
