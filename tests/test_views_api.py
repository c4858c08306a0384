"""The figures table API (filters, sorting, pages, CSV), the paper view's routes and links, and the CLI's figures."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import get_args

import pytest
from fastapi.testclient import TestClient

from qa_assistant.cli import main as cli_main
from qa_assistant.models import AsOfBasis
from qa_assistant.serve.app import create_app
from qa_assistant.serve.figure_table import _cell
from qa_assistant.serve.paper_view import citation_path, excerpt, paper_path

STATIC = Path(__file__).resolve().parent.parent / "qa_assistant" / "static"
SEED_COUNTS = ["500", "702", "629", "504", "494", "494", "509", "514"]


@pytest.fixture(scope="module")
def client(index, settings, tmp_path_factory):
    local = settings.model_copy(update={"feedback_path": tmp_path_factory.mktemp("fb") / "feedback.sqlite"})
    return TestClient(create_app(local, rebuild=False), raise_server_exceptions=False)


def rows(client, **params) -> dict:
    r = client.get("/api/figures", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_every_figure_is_listed_with_its_source(client, index):
    body = rows(client, limit=500)
    assert body["total"] == len(index.figures) == len(body["rows"])
    for r in body["rows"]:
        doc = index.documents[r["doc_id"]]
        assert doc.text[r["start"] : r["end"]] == r["sentence"] and r["value_text"]
        assert r["paper_url"].startswith(f"/papers/{r['doc_id']}?start={r['start']}&end={r['end']}")
        assert r["as_of_basis"] in get_args(AsOfBasis)
    assert "count" in body["units"] and "per_10000" in body["units"]
    # "Currently, 35% of overall children missing were classed as high risk": as of the paper's own "now"
    assert any(r["value_text"] == "35%" and r["as_of_basis"] == "current" for r in body["rows"])


def test_filter_by_concept_unit_and_subject_in_date_order(client):
    body = rows(client, concept="looked_after", unit="count", subject="own")
    assert [r["value_text"] for r in body["rows"]] == SEED_COUNTS
    ends = [r["as_of_end"] for r in body["rows"]]
    assert ends == sorted(ends)
    rates = rows(client, concept="looked_after", unit="per_10000")["rows"]
    assert rates and all(r["unit"] == "per_10000" for r in rates)


def test_filter_by_words_kind_paper_and_dates(client, index):
    foster = rows(client, q="Foster", limit=500)["rows"]
    assert foster and all("foster" in (r["phrase"] + r["measure"]).lower() or r["concept_id"] for r in foster)
    changes = rows(client, kind="change")["rows"]
    assert changes and {r["kind"] for r in changes} == {"change"}
    doc = next(iter(index.documents))
    assert {r["doc_id"] for r in rows(client, doc=doc, limit=500)["rows"]} == {doc}
    window = rows(client, concept="looked_after", unit="count", date_from="2020-01-01", date_to="2020-12-31")[
        "rows"
    ]
    assert [r["value_text"] for r in window] == ["702", "629"]
    assert (
        rows(client, subject="Middlesbrough", limit=1)["total"]
        == rows(client, subject="own", limit=1)["total"]
    )


def test_sort_and_pages_are_consistent(client):
    full = rows(client, concept="looked_after", unit="count", sort="value", order="desc")["rows"]
    values = [r["value"] for r in full]
    assert values == sorted(values, reverse=True)
    first, second = (rows(client, concept="looked_after", unit="count", limit=3, offset=o) for o in (0, 3))
    assert first["total"] == second["total"] == len(SEED_COUNTS)
    assert [r["value_text"] for r in first["rows"] + second["rows"]] == SEED_COUNTS[:6]


@pytest.mark.parametrize(
    "params,needle",
    [
        ({"concept": "no_such_measure"}, "No measure"),
        ({"doc": "no-such-paper"}, "No paper"),
        ({"date_from": "2021-01-01", "date_to": "2020-01-01"}, "after"),
        ({"date_from": "2020-13-01"}, "date"),
        ({"sort": "colour"}, "as_of"),
        ({"order": "sideways"}, "asc"),
        ({"limit": 0}, "greater than"),
        ({"limit": 501}, "less than"),
        ({"offset": -1}, "greater than"),
        ({"kind": "rumour"}, "level"),
        ({"q": "x" * 201}, "at most 200"),
    ],
)
def test_bad_filters_get_a_plain_422(client, params, needle):
    for path in ("/api/figures", "/api/figures.csv"):
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, r.text)
        assert needle in r.json()["detail"] and "Traceback" not in r.text


def test_csv_holds_every_match_with_absolute_links(client):
    r = client.get("/api/figures.csv", params={"concept": "looked_after", "unit": "count"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="figures-looked_after.csv"' in r.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert [t["value_text"] for t in table] == SEED_COUNTS
    assert all(t["paper_url"].startswith("http://testserver/papers/") and t["as_of_basis"] for t in table)


def test_csv_cells_never_start_a_formula():
    assert _cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert (
        _cell("@SUM(A1)") == "'@SUM(A1)"
        and _cell("-5") == "-5"
        and _cell("500") == "500"
        and _cell(None) == ""
    )


def test_paper_page_and_excerpt(client, index):
    doc_id, doc = next(iter(index.documents.items()))
    page = client.get(f"/papers/{doc_id}")
    assert page.status_code == 200 and '<script src="/static/paper.js">' in page.text
    assert client.get("/papers/no-such-paper").status_code == 404
    sentence = next(f for f in index.figures if f.doc_id == doc_id)
    ex = client.get(
        f"/api/documents/{doc_id}/excerpt",
        params={"start": sentence.sentence_start, "end": sentence.sentence_end},
    ).json()
    assert ex["start"] <= sentence.sentence_start and ex["end"] >= sentence.sentence_end
    assert doc.text[ex["start"] : ex["end"]] == ex["text"] and len(ex["text"]) <= 3000
    for params in ({"start": 10, "end": 5}, {"start": 0, "end": len(doc.text) + 1}, {"start": -1, "end": 5}):
        assert client.get(f"/api/documents/{doc_id}/excerpt", params=params).status_code == 422
    assert client.get("/api/documents/nope/excerpt", params={"start": 0, "end": 1}).status_code == 404


def test_excerpt_of_a_long_paragraph_is_cut_around_the_quote(index):
    doc = next(iter(index.documents.values())).model_copy(update={"text": "word " * 5000})
    ex = excerpt(doc, 10_000, 10_020)
    assert ex.cut and ex.start <= 10_000 and ex.end >= 10_020 and len(ex.text) <= 3000


def test_links_carry_the_span_page_and_marks(assistant):
    assert paper_path("a b/c", 5, 9, 3, [(6, 7)]) == "/papers/a%20b%2Fc?start=5&end=9&page=3&mark=6-7"
    assert paper_path("x") == "/papers/x"
    answer = assistant.ask("How many children were looked after in December 2018?")
    c = answer.citations[0]
    marks = ",".join(f"{c.quote_start + h.start}-{c.quote_start + h.end}" for h in c.highlights)
    assert citation_path(c) == f"/papers/{c.doc_id}?start={c.quote_start}&end={c.quote_end}&mark={marks}"


def test_v1_citations_link_to_the_paper_view(client):
    r = client.post(
        "/v1/chat/completions",
        json={
            "messages": [{"role": "user", "content": "How many children were looked after in December 2018?"}]
        },
    )
    body = r.json()
    cite = body["citations"][0]
    assert cite["url"] == "http://testserver" + citation_path_of(cite)
    assert cite["url"] in body["choices"][0]["message"]["content"]


def citation_path_of(c: dict) -> str:
    from qa_assistant.models import Citation

    return citation_path(Citation.model_validate({k: v for k, v in c.items() if k != "url"}))


def test_pages_have_no_inline_script_or_style_and_never_insert_html():
    for html in STATIC.glob("*.html"):
        text = html.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), html.name  # every script is a file
        assert not re.search(r"\sstyle=|\son[a-z]+=", text), html.name
    for js in STATIC.glob("*.js"):
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", js.read_text()), (
            js.name
        )


def test_cli_figures_table_json_and_csv(index, capsys):  # the real index, built by the session fixture
    assert cli_main(["figures", "--concept", "looked_after", "--unit", "count", "--no-rebuild"]) == 0
    out = capsys.readouterr().out
    assert "21 December 2018" in out and "children looked after" in out and " 702 " in out
    assert (
        cli_main(["figures", "--concept", "looked_after", "--unit", "count", "--json", "--no-rebuild"]) == 0
    )
    assert [r["value_text"] for r in json.loads(capsys.readouterr().out)["rows"]] == SEED_COUNTS
    assert cli_main(["figures", "--concept", "looked_after", "--unit", "count", "--csv", "--no-rebuild"]) == 0
    assert [r["value_text"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))] == SEED_COUNTS
    assert cli_main(["figures", "--concept", "nope", "--no-rebuild"]) == 2
    assert "No measure" in capsys.readouterr().err
