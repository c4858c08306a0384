"""CI gate: every gated eval split through the same Assistant.ask the web page uses, held to its thresholds.

Each split is asked over its own corpus (the seed papers plus the split's papers), built under
index/evals/<split>/ with the real model. dev was tuned on; test was written first and frozen.
"""

from __future__ import annotations

import json
import re

import pytest

from qa_assistant.answering.assistant import Assistant
from qa_assistant.evals.report import check_thresholds, write_reports
from qa_assistant.evals.runner import run
from qa_assistant.evals.splits import EVALS_DIR, load_splits, split_settings
from qa_assistant.indexing.loaded import ensure_index

GATED = [name for name, split in load_splits().items() if split.gate]
THRESHOLDS = json.loads((EVALS_DIR / "thresholds.json").read_text())


@pytest.fixture(scope="module", params=GATED)
def split_run(request, settings, tmp_path_factory):
    split = load_splits()[request.param]
    local = split_settings(split, settings)
    assistant = Assistant(ensure_index(local), local)
    cases = split.cases()
    results, summary = run(assistant, cases)
    write_reports({split.name: (results, summary)}, tmp_path_factory.mktemp("eval"), {split.name: False})
    return split, assistant, cases, summary


def test_splits_have_their_shape():
    splits = load_splits()
    dev, test = splits["dev"].cases(), splits["test"].cases()
    assert len(dev) >= 120 and len(test) >= 150
    for cases in (dev, test):
        types = [c.type for c in cases]
        assert types.count("not_found") >= 15 and sum(1 for c in cases if c.history) >= 10
    assert len({p.name for d in splits["test"].paper_dirs for p in d.iterdir() if p.suffix != ".json"}) >= 12
    assert not {c.id for c in dev} & {c.id for c in test}


def test_split_meets_its_thresholds(split_run):
    split, _, _, summary = split_run
    assert check_thresholds(summary, THRESHOLDS[split.name]) == []


NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?(?:\s?%| per 10,000| million)?")


def test_every_number_in_every_answer_is_in_its_cited_span(split_run):
    _, assistant, cases, _ = split_run
    for case in cases:
        ans = assistant.ask(case.question, case.history)
        for f in ans.figures + ans.series + ans.nearest:
            assert f.value_text in f.citation.quote, (case.id, f.value_text)
            doc = assistant.index.documents[f.citation.doc_id]
            assert doc.text[f.citation.quote_start : f.citation.quote_end] == f.citation.quote
        if ans.kind == "general":
            quoted = " ".join(c.quote for c in ans.citations)
            for n in NUMBER.findall(ans.text):
                # a number of the text is quoted, or is part of how the text names its source ("Report 2021-22, ...")
                named = " ".join(f"({c.title}, {c.meeting_date_label})" for c in ans.citations)
                assert n in quoted or n in named, (case.id, n)


SEED_LOOKED_AFTER = ["500", "702", "629", "504", "494", "509"]


def test_looked_after_timeline_holds_only_the_councils_own_counts(split_run):
    """Over a corpus with rates, comparators, subsets and another council's papers added, the looked-after
    timeline still holds the seed counts in date order and nothing but the council's own counts."""
    split, assistant, _, _ = split_run
    ans = assistant.ask("How has the number of children looked after changed over time?")
    assert ans.kind == "timeline"
    values = iter(p.value_text for p in ans.series)
    assert all(v in values for v in SEED_LOOKED_AFTER), (split.name, [p.value_text for p in ans.series])
    for p in ans.series:
        assert (p.concept_id, p.unit, p.subject, p.kind) == ("looked_after", "count", "own", "level"), p
    ends = [p.as_of.end for p in ans.series]
    assert ends == sorted(ends)
