"""Indexing: build, check, publish and load the index under index/, and search it (the retriever).

layout.py names the files and fingerprints what an index depends on; build.py makes a full version from
per-paper artefacts that cache.py keeps by content key (assembly.py joins them, versions.py publishes), and
append.py adds new papers to the published version without re-reading the others; loaded.py checks and loads
it (figure_store.py reads figures on demand at archive scale); paper_build.py and cutting.py make new papers'
share (passages, quotable sentences, vectors, figures); progress.py shows and records a build's progress;
store.py is the SQLite store of papers, passages and figures, lexical_index.py the BM25 index, dense.py the
vector index, sentence_table.py the quotable sentences; model_files.py and embedding.py are the only home of
the sentence model; retrieval.py ranks passages by BM25 and dense similarity fused by reciprocal rank.
May import: ingest, text, figures, models, settings, stopping. Never answering or the server.
"""
