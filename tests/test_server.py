"""HTTP API: answers, documents, passages, timelines, and every error path as a plain message."""

import pytest
from fastapi.testclient import TestClient

from qa_assistant.indexing.progress import BuildProgress
from qa_assistant.serve.app import create_app


@pytest.fixture(scope="module")
def client(index, settings):
    return TestClient(create_app(settings, rebuild=False), raise_server_exceptions=False)


def test_health(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == 5 and body["mode"] == "extractive"
    assert body["build_in_progress"] is None


def test_health_reports_a_build_in_progress(client, settings):
    """A build in another process records its progress; health shows it while that process lives."""
    progress = BuildProgress(settings.index_dir, say=lambda _: None)
    try:
        progress.phase("embedding new or changed papers", 40)
        progress.advance(3, passages=27)
        progress._write_status(force=True)
        build = client.get("/api/health").json()["build_in_progress"]
        assert build["phase"] == "embedding new or changed papers"
        assert (build["papers_done"], build["papers_total"], build["passages"]) == (3, 40, 27)
    finally:
        progress.close()
    assert client.get("/api/health").json()["build_in_progress"] is None


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
