"""Serve: the thin HTTP interfaces over the assistant, and starting workers without crash-looping.

app.py builds the FastAPI app (JSON API, chat page); admin.py adds, corrects and removes papers over HTTP;
openai_api.py speaks /v1 chat completions; views_api.py and paper_view.py serve the paper view, and
figure_table.py the figures table and CSV; feedback.py and feedback_api.py keep answer feedback;
http_guards.py adds security headers and body limits; live.py swaps in a newly published index;
workers.py validates the index and supervises the worker processes. static/ holds the pages.
May import: every stage below it. Nothing here decides an answer: that is answering's job.
"""
