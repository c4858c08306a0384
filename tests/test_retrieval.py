"""Hybrid search puts the passage holding the answer in the top 3 on the real corpus."""

import copy

import pytest

from qa_assistant.indexing import embedding
from qa_assistant.indexing.retrieval import Filters, search

CASES = [
    ("looked after children as of 21 December 2018", "002_03b23168ff7a22e9", "(LAC): 500"),
    (
        "approved foster care households in quarter two 2020/21",
        "001_a7e35592f706df45",
        "156 approved foster care households",
    ),
    ("children in our care November 2025", "004_1d1b6a3ec1f293d9", "children in our care: 509"),
    ("families accessing Early Help", "000_64b4916a29838ddb", "Early Help – 658"),
    ("care proceedings completed within 26 weeks", "000_64b4916a29838ddb", "93% of care proceedings"),
]


@pytest.mark.parametrize("query,doc_id,answer", CASES)
def test_answer_passage_in_top_3(index, query, doc_id, answer):
    hits = search(index, query, k=3)
    assert any(h.chunk.doc_id == doc_id and answer in h.chunk.text for h in hits), [
        h.chunk.text[:80] for h in hits
    ]


def test_chunk_offsets_point_into_document_text(index):
    for chunk in index.chunks:
        assert index.documents[chunk.doc_id].text[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text.split()) <= 220  # within the model's 256 word-piece window, roughly


def test_filters_restrict_to_committee(index):
    hits = search(index, "foster carers", k=5, filters=Filters(committee="Council"))
    assert hits and all(h.document.committee == "Council" for h in hits)


def test_undated_document_is_indexed_and_labelled(index):
    hits = search(index, "missing from home reports Cleveland Police", k=3)
    top = [h for h in hits if h.chunk.doc_id == "003_37e1a9c1fd3c186d"]
    assert top and top[0].document.meeting_date is None
    assert top[0].document.meeting_date_label == "date not stated"


def test_bm25_and_dense_modes_both_work(index):
    for mode in ("bm25", "dense"):
        assert search(index, "foster carers", k=3, mode=mode)


def test_an_hnsw_index_finds_what_exact_search_finds(index, settings):
    """Beyond QA_DENSE_EXACT_MAX passages the dense index is an HNSW graph: on the real passages and model its
    top dense hits match exact search's, and a filtered (deep) search is exact on the graph's storage."""
    import faiss

    from qa_assistant.indexing.dense import dense_index
    from qa_assistant.indexing.retrieval import dense_ranking

    vectors = index.dense.reconstruct_n(0, index.dense.ntotal)
    graph = dense_index(vectors, settings.model_copy(update={"dense_exact_max": 10}))
    assert isinstance(graph, faiss.IndexHNSW)
    graph.hnsw.efSearch = settings.dense_hnsw_ef_search
    hnsw_index = copy.copy(index)
    hnsw_index.dense = graph
    for query, _, _ in CASES:
        vec = embedding.encode_one(query)
        exact = [i for i, _ in dense_ranking(index, vec, 10)]
        approximate = [i for i, _ in dense_ranking(hnsw_index, vec, 10)]
        assert len(set(exact) & set(approximate)) >= 9, query
        assert [i for i, _ in dense_ranking(hnsw_index, vec, 500)][:10] == exact
    for query, doc_id, answer in CASES:
        hits = search(hnsw_index, query, k=3)
        assert any(h.chunk.doc_id == doc_id and answer in h.chunk.text for h in hits)


def test_lexical_index_scores_as_bm25s_does_and_takes_passages_in_parts(index):
    """The BM25 index gives bm25s's rankings and scores, bit for bit, on the real passages; one built in two
    parts (passages added to a built index) gives the same as one built at once."""
    import bm25s
    import numpy as np

    from qa_assistant.indexing.lexical_index import LexicalBuilder, LexicalIndex
    from qa_assistant.text.lexical import tokenize

    tokens = tokenize([c.text for c in index.chunks])
    reference = bm25s.BM25()
    reference.index(tokens, show_progress=False)
    half = len(tokens) // 2
    in_parts = LexicalIndex.build(tokens[:half]).appended(tokens[half:])
    builder = LexicalBuilder()  # a full build's: paper by paper, made an index at the end
    for start in range(0, len(tokens), 7):
        builder.add(tokens[start : start + 7])
    streamed = builder.finish()
    streamed = LexicalIndex(
        streamed.vocab_dict, streamed.indptr, streamed.docs, streamed.tf, streamed.lengths
    )
    queries = [q for q, _, _ in CASES] + ["foster carers foster carers", "budget overspend", "zzz unknown"]
    for query in queries:
        words = [t for t in tokenize([query])[0] if t in reference.vocab_dict]
        if not words:
            continue
        ids, scores = reference.retrieve([words], k=15, show_progress=False)
        for built in (index.bm25, in_parts, streamed):
            got_ids, got_scores = built.retrieve(words, 15)
            assert list(got_ids) == list(ids[0]) and np.array_equal(got_scores, scores[0]), query
