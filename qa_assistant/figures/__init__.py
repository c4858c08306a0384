"""Figures: every quantity a paper reports, as a candidate answer, and the rules for choosing among them.

Reading papers: candidates.py walks a document sentence by sentence (sentence.py holds one sentence's state) and
hands each number to prose_figures.py or table_figures.py; the measure phrase comes from phrases.py,
forward_phrases.py and prose_phrases.py (masks.py blanks dates and places out of it), list items from
list_items.py, tables from table_cells.py (pipe_tables.py, space_tables.py, stacked.py; shared types in
tables.py), whose figure from subjects.py, its kind from kinds.py, its date from asof.py (paper-wide facts in
asof_context.py), acronyms from acronyms.py; assembly.py makes the Figure record, named by concepts.py from
data/concepts.json, in the terms terms.py makes. Reading questions: question.py builds a Reading (reading.py)
from question_intent.py, question_measure.py, question_sources.py, question_dates.py, follow_up.py and
relative.py. Choosing: selection.py decides whether a figure's sentence supports a question (support_rules.py,
explained_words.py); lookup.py finds candidate figures quickly in a loaded index.
May import: text, models, settings (its data folder). Never the index, the model, answering or the server.
"""
