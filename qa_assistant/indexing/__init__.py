"""Indexing: build, check, publish and load the index under index/, and search it (the retriever).

layout.py names the files and fingerprints what an index depends on; build.py assembles and publishes a
version atomically from per-paper artefacts that cache.py keeps by content key; loaded.py checks and loads
it; paper_build.py and cutting.py make one paper's share (passages, quotable sentences, vectors, figures);
store.py is the SQLite store of papers, passages and figures; embedding.py is the only home of the sentence
model; retrieval.py ranks passages by BM25 and dense similarity fused by reciprocal rank.
May import: ingest, text, figures, models, settings, stopping. Never answering or the server.
"""
