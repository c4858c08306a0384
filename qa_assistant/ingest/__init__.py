"""Ingest: a paper's bytes become a Document (clean text plus metadata), and papers are added, corrected and
removed in the corpus folder.

formats.py reads text, Markdown, HTML pages and text-based PDFs by content; metadata.py infers title,
committee and meeting date when no manifest says; fields.py checks metadata a person sets; documents.py loads
the corpus with its manifest; library.py adds, corrects and removes papers; jobs.py runs one paper's CPU work
in a child process under a time and memory budget, and reading.py is the work it runs.
May import: text, models, settings, stopping. Never figures, the index, the model or the server.
"""
