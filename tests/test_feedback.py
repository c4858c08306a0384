"""Feedback: stored outside the index and kept across restarts; bounded, rate-limited, validated (nothing stored
on bad input); listed with the admin token and by the CLI; exported as candidate eval cases."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from qa_assistant.cli import main as cli_main
from qa_assistant.evals.cases import load_cases
from qa_assistant.serve.app import create_app
from qa_assistant.serve.feedback import FeedbackStore
from qa_assistant.settings import REPO_ROOT, Settings

TOKEN = "feedback-admin-token-0b5e"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GOOD = {
    "verdict": "wrong",
    "question": "How many children were looked after in December 2018?",
    "history": [],
    "comment": "I expected the rate as well",
    "answer": {
        "kind": "figure",
        "text": "Children looked after: 500 as of 21 December 2018.",
        "figures": [
            {
                "value_text": "500",
                "as_of": "21 December 2018",
                "as_of_end": "2018-12-21",
                "doc_id": "002_03b23168ff7a22e9",
            }
        ],
        "sources": [{"doc_id": "002_03b23168ff7a22e9", "quote_start": 248, "quote_end": 444}],
    },
}


@pytest.fixture()
def local(settings, tmp_path) -> Settings:
    return settings.model_copy(
        update={
            "feedback_path": tmp_path / "var" / "feedback.sqlite",
            "admin_token": TOKEN,
            "feedback_rate_limit": 40,
        }
    )


@pytest.fixture()
def client(index, local) -> TestClient:
    return TestClient(create_app(local, rebuild=False), raise_server_exceptions=False)


def stored(local: Settings) -> int:
    return FeedbackStore(local.feedback_path).entries()[0]


def test_feedback_is_stored_and_listed_for_the_admin_only(client, local):
    r = client.post("/api/feedback", json=GOOD)
    assert r.status_code == 201 and r.json()["id"] == 1 and "recorded" in r.json()["message"]
    assert client.get("/api/admin/feedback").status_code == 401
    assert client.get("/api/admin/feedback", headers={"Authorization": "Bearer nope"}).status_code == 401
    listed = client.get("/api/admin/feedback", headers=AUTH).json()
    assert listed["total"] == 1
    entry = listed["entries"][0]
    assert entry["comment"] == GOOD["comment"] and entry["answer"]["figures"][0]["value_text"] == "500"
    assert entry["index_version"] and entry["index_version"].startswith("build-")
    assert client.get("/api/admin/feedback", params={"verdict": "helpful"}, headers=AUTH).json()["total"] == 0


def test_feedback_listing_is_off_without_an_admin_token(index, local):
    app = create_app(local.model_copy(update={"admin_token": None}), rebuild=False)
    assert TestClient(app).get("/api/admin/feedback", headers=AUTH).status_code == 404


def test_feedback_survives_a_restart_and_lives_outside_the_index(client, local, index, settings):
    client.post("/api/feedback", json=GOOD | {"verdict": "helpful", "comment": ""})
    again = TestClient(create_app(local, rebuild=False))  # a new app and store over the same file
    assert again.get("/api/admin/feedback", headers=AUTH).json()["total"] == 1
    default = Settings().feedback_path
    assert settings.index_dir.resolve() not in default.resolve().parents
    assert default.relative_to(REPO_ROOT).parts[0] == "var"
    assert "/var/" in (REPO_ROOT / ".gitignore").read_text().splitlines(), (
        "the feedback file must be gitignored"
    )


BAD = [
    ({**GOOD, "verdict": "meh"}, 422, "verdict"),
    ({k: v for k, v in GOOD.items() if k != "answer"}, 422, "answer"),
    ({**GOOD, "question": "   "}, 422, "question"),
    ({**GOOD, "question": "x" * 2001}, 422, "question"),
    ({**GOOD, "comment": "x" * 1001}, 422, "comment"),
    ({**GOOD, "history": ["q"] * 7}, 422, "history"),
    ({**GOOD, "history": ["x" * 2001]}, 422, "history"),
    ({**GOOD, "surprise": 1}, 422, "surprise"),
    ({**GOOD, "answer": {**GOOD["answer"], "kind": "poem"}}, 422, "kind"),
    ({**GOOD, "answer": {**GOOD["answer"], "figures": [{"value_text": "1"}] * 31}}, 422, "figures"),
    (
        {
            **GOOD,
            "answer": {**GOOD["answer"], "sources": [{"doc_id": "d", "quote_start": -1, "quote_end": 2}]},
        },
        422,
        "quote_start",
    ),
    ([GOOD], 422, "JSON object"),
]


@pytest.mark.parametrize("payload,status,needle", BAD)
def test_bad_feedback_gets_a_clear_4xx_and_nothing_is_stored(client, local, payload, status, needle):
    r = client.post("/api/feedback", json=payload)
    assert r.status_code == status, r.text
    assert needle in r.json()["detail"] and "not stored" in r.json()["detail"] and "Traceback" not in r.text
    assert stored(local) == 0


def test_oversized_or_malformed_bodies_are_refused(client, local):
    r = client.post(
        "/api/feedback",
        content=b'{"verdict": "wrong", "comment": "' + b"x" * 70_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 413 and "too large" in r.json()["detail"]
    r = client.post("/api/feedback", content=b"{oops", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "not JSON" in r.json()["detail"]
    r = client.post("/api/feedback", content=b"\xff\xfe", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert stored(local) == 0


def test_feedback_is_rate_limited_per_client(index, local):
    limited = local.model_copy(update={"feedback_rate_limit": 3})
    client = TestClient(create_app(limited, rebuild=False))
    codes = [client.post("/api/feedback", json=GOOD).status_code for _ in range(3)]
    assert codes == [201, 201, 201]
    r = client.post("/api/feedback", json=GOOD)
    assert r.status_code == 429 and "try again later" in r.json()["detail"] and r.headers["retry-after"]
    assert client.post("/api/feedback", json={"verdict": "?"}).status_code == 429  # bad input counts too
    assert stored(limited) == 3


def test_rate_limit_is_per_client_and_rolls_over(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite")
    assert all(store.allow("10.0.0.1", 2, 60, now=1000 + i) for i in range(2))
    assert not store.allow("10.0.0.1", 2, 60, now=1002)
    assert store.allow("10.0.0.2", 2, 60, now=1002)  # another address has its own allowance
    assert store.allow("10.0.0.1", 2, 60, now=1070)  # the window has passed
    import sqlite3

    con = sqlite3.connect(tmp_path / "f.sqlite")
    clients = {row[0] for row in con.execute("SELECT client FROM hits")}
    assert clients and not any("10.0.0" in c for c in clients)  # addresses are not stored as such


def test_cli_lists_and_exports_candidate_eval_cases(client, local, monkeypatch, capsys, tmp_path):
    client.post("/api/feedback", json=GOOD)
    client.post(
        "/api/feedback",
        json=GOOD
        | {"verdict": "helpful", "comment": "", "history": ["How many children were looked after?"]},
    )
    monkeypatch.setenv("QA_FEEDBACK_PATH", str(local.feedback_path))
    from qa_assistant.settings import get_settings

    get_settings.cache_clear()
    try:
        assert cli_main(["feedback"]) == 0
        out = capsys.readouterr().out
        assert "2 feedback entries" in out and "WRONG" in out and "HELPFUL" in out and GOOD["comment"] in out
        target = tmp_path / "candidates.jsonl"
        assert cli_main(["feedback", "export", "--out", str(target)]) == 0
    finally:
        get_settings.cache_clear()
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert [c["verdict"] for c in lines] == ["wrong", "helpful"]
    wrong, helpful = lines
    assert wrong["expected"] is None and wrong["comment"] == GOOD["comment"] and wrong["answer_given"]
    assert helpful["expected"] == "500" and helpful["as_of"] == "2018-12-21" and helpful["history"]
    cases = load_cases(target)  # the eval loader reads them once a maintainer confirms them
    assert [c.type for c in cases] == ["number", "number"] and cases[0].doc == "002_03b23168ff7a22e9"
