"""The eval scorer, table-driven on made-up answers (no index): a confident wrong figure is told apart from an
abstention, and an abstention's quote is checked for the figure asked."""

from __future__ import annotations

import datetime as dt

import pytest

from qa_assistant.evals.cases import Case
from qa_assistant.evals.scoring import score
from qa_assistant.models import Answer, AsOf, Citation, FigureValue


def _citation(quote: str) -> Citation:
    return Citation(
        doc_id="paper",
        title="A paper",
        committee=None,
        meeting_date=None,
        meeting_date_label="not stated",
        quote=quote,
        quote_start=0,
        quote_end=len(quote),
    )


def _figure(value_text: str, value: float, unit: str = "count") -> FigureValue:
    as_of = AsOf(start=dt.date(2023, 3, 31), end=dt.date(2023, 3, 31), label="31 March 2023", basis="stated")
    quote = f"There were {value_text} children in care."
    return FigureValue(
        figure_id=0,
        label="children looked after",
        phrase="children in care",
        value_text=value_text,
        value=value,
        unit=unit,
        as_of=as_of,
        citation=_citation(quote),
    )


def _answer(kind: str, figures=(), quotes=()) -> Answer:
    return Answer(
        question="q", kind=kind, text="t", figures=list(figures), citations=[_citation(q) for q in quotes]
    )


@pytest.mark.parametrize(
    "case_type,expected,answer,outcome,correct,quote_holds",
    [
        ("number", "500", _answer("figure", [_figure("500", 500)]), "correct", True, None),
        (
            "number",
            "£1.2m",
            _answer("figure", [_figure("£1.2 million", 1.2e6, "gbp")]),
            "correct",
            True,
            None,
        ),
        (
            "number",
            "500",
            _answer("figure", [_figure("154.3", 154.3, "per_10000")]),
            "wrong_number",
            False,
            None,
        ),
        # an abstention is not a wrong number; its quote is checked for the figure asked
        (
            "number",
            "1,923",
            _answer("not_found", quotes=["1,923 children were looked after."]),
            "abstained",
            False,
            True,
        ),
        (
            "number",
            "1,923",
            _answer("not_found", quotes=["Numbers rose last year."]),
            "abstained",
            False,
            False,
        ),
        (
            "number",
            "three",
            _answer("general", quotes=["It completed three rapid reviews."]),
            "unstructured",
            False,
            True,
        ),
        ("not_found", None, _answer("not_found"), "correct", True, None),
        ("not_found", None, _answer("figure", [_figure("500", 500)]), "wrong_number", False, None),
    ],
)
def test_score(case_type, expected, answer, outcome, correct, quote_holds):
    r = score(Case(id="c", question="q", type=case_type, expected=expected), answer)
    assert (r.outcome, r.correct, r.quote_holds_answer) == (outcome, correct, quote_holds)
