"""HTTP API: answers, documents, passages, timelines, and every error path as a plain message."""

import pytest
from fastapi.testclient import TestClient

from qa_assistant.serve.app import create_app


@pytest.fixture(scope="module")
def client(index, settings):
    return TestClient(create_app(settings, rebuild=False), raise_server_exceptions=False)


def test_health(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == 5 and body["mode"] == "extractive"


def test_ask_figure_with_follow_up(client):
    r = client.post(
        "/api/ask",
        json={
            "question": "and in July 2020?",
            "history": ["How many children were looked after in December 2018?"],
        },
    )
    assert r.status_code == 200
    body = r.json()
    assert body["kind"] == "figure" and body["figures"][0]["value_text"] == "702"
    assert body["citations"][0]["meeting_date_label"]


@pytest.mark.parametrize(
    "payload,status",
    [
        ({"question": ""}, 422),
        ({"question": "   "}, 422),
        ({"question": "x" * 100_000}, 413),
        ({}, 422),
        ({"question": 5}, 422),
        ({"question": "ok", "history": "not a list"}, 422),
    ],
)
def test_ask_errors_are_plain_messages(client, payload, status):
    r = client.post("/api/ask", json=payload)
    assert r.status_code == status
    assert "Traceback" not in r.text and isinstance(r.json()["detail"], str)


def test_malformed_json_body(client):
    r = client.post("/api/ask", content=b"{oops", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "Traceback" not in r.text


def test_documents_and_passages(client):
    docs = client.get("/api/documents").json()
    assert len(docs) == 5
    undated = [d for d in docs if d["document"]["meeting_date"] is None]
    assert undated and undated[0]["meeting_date_label"] == "date not stated"
    one = client.get(f"/api/documents/{docs[0]['document']['doc_id']}").json()
    assert one["text"]
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/passages/0").json()["chunk"]["chunk_id"] == 0
    assert client.get("/api/passages/999999").status_code == 404


def test_timeline_endpoint_is_a_chartable_series(client):
    series = client.get("/api/timeline/looked_after").json()
    assert [p["value_text"] for p in series][:3] == ["500", "702", "629"]
    assert client.get("/api/timeline/unknown").status_code == 404


def test_page_is_served(client):
    r = client.get("/")
    assert r.status_code == 200 and "Children's services papers" in r.text
    assert "innerHTML" not in client.get("/static/app.js").text  # document text is never inserted as HTML
