"""CI gate: the eval suite through the same Assistant.ask the web page uses, held to evals/thresholds.json."""

import json
import re

import pytest

from qa_assistant.evals import check_thresholds, load_cases, run, write_reports

from .conftest import REPO

CASES = load_cases(REPO / "evals" / "qa.jsonl")


def test_eval_set_shape():
    types = [c.type for c in CASES]
    assert len(CASES) >= 120
    assert types.count("not_found") >= 15 and types.count("timeline") >= 10
    assert sum(1 for c in CASES if c.history) >= 10
    assert {c.doc for c in CASES if c.doc} >= {"000", "001", "002", "003", "004"}


@pytest.fixture(scope="module")
def evaluated(assistant, tmp_path_factory):
    results, summary = run(assistant, CASES)
    write_reports(results, summary, tmp_path_factory.mktemp("eval"))
    return results, summary


def test_eval_meets_thresholds(evaluated):
    _, summary = evaluated
    thresholds = json.loads((REPO / "evals" / "thresholds.json").read_text())
    assert check_thresholds(summary, thresholds) == []
    assert summary["overall"]["wrong_numbers"] == 0


NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?(?:\s?%| per 10,000| million)?")


def test_every_number_in_every_answer_is_in_its_cited_span(assistant):
    for case in CASES:
        ans = assistant.ask(case.question, case.history)
        for f in ans.figures + ans.series + ans.nearest:
            assert f.value_text in f.citation.quote, (case.id, f.value_text)
        if ans.kind == "general":
            quoted = " ".join(c.quote for c in ans.citations)
            for n in NUMBER.findall(ans.text):
                assert n in quoted or n in " ".join(c.title + c.meeting_date_label for c in ans.citations), (case.id, n)
