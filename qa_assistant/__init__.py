"""qa-assistant: cited answers from a council's committee papers.

The flow runs one way, each stage importing only the stages before it (tests/test_layout.py checks this):
models, settings, stopping (shared) -> text -> ingest -> figures -> indexing -> answering -> serve, evals, cli.
"""
