"""Evaluation: known question-answer pairs through the same Assistant.ask the web page uses.

cases.py reads the case files; splits.py assembles each split's corpus (the seed papers plus the split's own
papers) into its own index under index/evals/; scoring.py judges one answer (a confident wrong number is
counted apart from an abstention); report.py summarises, gates on evals/thresholds.json and writes reports.
May import answering, indexing, ingest, figures, text, models and settings: it asks the same Assistant the
web page does, never through the server.
"""
