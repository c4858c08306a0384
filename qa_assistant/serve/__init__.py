"""Serve: the thin HTTP interfaces over the assistant, and starting workers without crash-looping.

app.py assembles the FastAPI app from routers: chat_api.py (health, ask), corpus_api.py (papers, passages,
measures, timelines), admin.py (add, correct, remove papers over HTTP), openai_api.py (/v1 chat completions),
views_api.py with paper_view.py and figure_table.py (paper view, figures table and CSV), feedback_api.py with
feedback.py (answer feedback in its own SQLite file). http_guards.py gives every response its security headers
and body limits and holds the one 413 / 422 mapping; live.py swaps in a newly published index; workers.py
validates the index and supervises the worker processes. static/ holds the pages.
May import: every stage below it. Nothing here decides an answer: that is answering's job.
"""
