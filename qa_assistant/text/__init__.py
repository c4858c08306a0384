"""Text: the shapes every later stage reads in clean text, as character offsets into it.

cleaning.py normalises Unicode and whitespace once per paper; spans.py finds paragraphs, sentences and list
items; chunking.py cuts passages sized for the embedding model; dates.py finds date and period expressions,
and periods.py holds the financial-year and quarter arithmetic; numbers.py finds reported quantities;
lexical.py is the one BM25 tokenizer and stemming.py the one stemmer.
May import: models only. Pure functions of text: no files, no model, no index.
"""
