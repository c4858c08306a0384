"""The command line, `qa-assistant`: index, search, ask, serve, add, remove, meta, documents, figures, feedback
and eval, as a typer app (click underneath) with documented exit codes and `--json` output.

The last stage of the flow: it may import every other stage (serve, evals, answering, indexing, ingest, figures,
text, models, settings) and nothing imports it. Each command imports its heavy modules (the model, torch, faiss)
inside its function, so `--help` and bad input answer at once. `main` is the console script and
`python -m qa_assistant.cli`.
"""

from qa_assistant.cli.app import app, main

__all__ = ["app", "main"]
