"""Figures: every quantity a paper reports, as a candidate answer, and the rules for choosing among them.

candidates.py turns a document into Figure records (phrases.py, tables.py, subjects.py, kinds.py, asof.py
do the reading; concepts.py names them from data/concepts.json; terms.py normalises words). question.py reads
a question into the same terms; selection.py decides whether a figure's sentence supports a question;
lookup.py finds candidate figures quickly in a loaded index.
May import: the text stage (dates, numbers, spans) and models. Never the index, the model or the server.
"""
