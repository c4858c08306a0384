"""Answering (the reader): route a question, choose a supported figure or an entity or a quote, and phrase a
cited Answer.

assistant.py reads the question and routes it (figure, timeline, who / when / which, general, not found);
figure_answers.py states a number only when its sentence supports the question; entities.py and
entity_finder.py answer who / when / which / what-is-it-called; sentences.py picks quotable sentences;
citing.py builds citations; pipeline.py joins retriever and reader with optional generated phrasing
(generation.py, prompts.py) checked by verification.py before anyone sees it.
May import: indexing (the loaded index and retrieval), figures, text, models, settings. Never the server.
"""
