"""Ingest: a paper's bytes become a Document (clean text plus metadata), and papers are added, corrected and
removed in the corpus folder.

formats.py tells a paper's type by its content and hands it to formats_text.py, formats_html.py or
formats_pdf.py; metadata.py infers title, committee and meeting date when no manifest says; fields.py checks
metadata a person sets; documents.py loads the corpus with its manifest; adding.py and add_files.py add papers
(uploads, files, folders), library.py corrects and removes them, corpus_store.py writes the folder safely;
jobs.py runs one paper's CPU work in a child process under a time and memory budget, and reading.py is the
reading it runs.
May import: text, models, settings, stopping. Never figures, the index, the model or the server.
"""
