"""Answering (the reader): route a question, choose a supported figure or an entity or a quote, and phrase a
cited Answer.

assistant.py reads the question and routes it (figure, timeline, who / when / which, general, not found).
Numbers: figure_answers.py states a number only when its sentence supports the question, reading the words
around each figure from figure_context.py, choosing with figure_choice.py, joining timelines and flagging
conflicts with figure_timeline.py and writing the answer with figure_text.py. Entities: entities.py,
entity_candidates.py and entity_finder.py answer who / when / which / what-is-it-called. Quotes: sentences.py
picks quotable sentences; citing.py builds citations. pipeline.py joins the retriever (indexing.retrieval) and
this reader, with optional generated phrasing (generation.py, prompts.py) checked by verification.py.
May import: indexing (the loaded index and retrieval), figures, text, models, settings. Never the server.
"""
