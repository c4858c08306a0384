"""Indexing: build, check, publish and load the index under index/, and search it (the retriever).

index.py builds and publishes a version atomically from per-paper artefacts cached by content key;
paper_build.py and cutting.py make one paper's share (passages, quotable sentences, vectors, figures);
store.py is the SQLite store of papers, passages and figures; embedding.py is the only home of the sentence
model; retrieval.py ranks passages by BM25 and dense similarity fused by reciprocal rank.
May import: ingest, text, figures, models, settings, stopping. Never answering or the server.
"""
