"""Admin API: token required (off without one), bounded uploads with safe names, and a running server that
picks up each new index without a restart and without failing the questions being asked meanwhile."""

from __future__ import annotations

import os
import threading

import httpx
import pytest
from fastapi.testclient import TestClient
from paper_fixtures import agenda_item_page, performance_report_pdf
from servers import running_server

from qa_assistant.serve.app import create_app

TOKEN = "test-admin-token-3f9c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LAC = {"question": "How many children were looked after in February 2026?"}


def test_admin_routes_are_off_without_a_token(workspace):
    client = TestClient(create_app(workspace, rebuild=False))
    assert client.get("/api/health").json()["admin"] is False
    resp = client.put("/api/admin/documents/x.pdf", content=performance_report_pdf(), headers=AUTH)
    assert resp.status_code == 404


@pytest.fixture()
def admin_client(workspace):
    settings = workspace.model_copy(update={"admin_token": TOKEN, "max_upload_mb": 0.05})
    return TestClient(create_app(settings, rebuild=False)), settings


def test_admin_needs_the_right_token(admin_client):
    client, _ = admin_client
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        resp = client.put("/api/admin/documents/x.pdf", content=performance_report_pdf(), headers=headers)
        assert resp.status_code in (401, 403) and "token" in resp.json()["detail"]


def test_upload_is_bounded_type_checked_and_safely_named(admin_client):
    client, settings = admin_client
    big = b"x" * int(0.06 * 1024 * 1024)
    assert client.put("/api/admin/documents/big.txt", content=big, headers=AUTH).status_code == 413
    resp = client.put("/api/admin/documents/report.pdf", content=agenda_item_page(), headers=AUTH)
    assert resp.status_code == 422 and "HTML page" in resp.json()["detail"]
    resp = client.put(
        "/api/admin/documents/..%2F..%2Fescape.pdf", content=performance_report_pdf(), headers=AUTH
    )
    # routers may refuse encoded slashes outright; if stored, it is inside
    assert resp.status_code in (
        200,
        404,
    )
    assert not (settings.corpus_dir.parent / "escape.pdf").exists()
    assert not (settings.corpus_dir.parent.parent / "escape.pdf").exists()
    resp = client.put("/api/admin/documents/..escape.pdf", content=performance_report_pdf(), headers=AUTH)
    body = resp.json()
    assert (
        resp.status_code == 200
        and body["file"] == "escape.pdf"
        and (settings.corpus_dir / "escape.pdf").exists()
    )
    assert body["metadata"]["meeting_date"] == "2026-03-11" and "meeting_date" in body["metadata"]["inferred"]
    assert "added" in body["index"]


def test_correct_and_remove_over_the_api(admin_client):
    client, settings = admin_client
    assert (
        client.put(
            "/api/admin/documents/perf.pdf", content=performance_report_pdf(), headers=AUTH
        ).status_code
        == 200
    )
    resp = client.patch(
        "/api/admin/documents/perf", json={"committee": "Executive Member for Children"}, headers=AUTH
    )
    assert resp.status_code == 200 and "committee" not in resp.json()["metadata"]["inferred"]
    assert (
        client.patch("/api/admin/documents/perf", json={"meeting_date": "March"}, headers=AUTH).status_code
        == 422
    )
    answer = client.post("/api/ask", json=LAC).json()
    assert answer["citations"][0]["committee"] == "Executive Member for Children"
    assert client.delete("/api/admin/documents/perf", headers=AUTH).status_code == 200
    assert client.delete("/api/admin/documents/perf", headers=AUTH).status_code == 404
    answer = client.post("/api/ask", json=LAC).json()
    assert all(f["value_text"] != "512" for f in answer["figures"])


def test_running_server_picks_up_new_papers_without_restart_or_failed_requests(workspace):
    with running_server("--workers", "2", env=os.environ | {"QA_ADMIN_TOKEN": TOKEN}) as url:
        statuses: list[int] = []
        stop = threading.Event()

        def keep_asking() -> None:
            with httpx.Client(base_url=url, timeout=60) as c:
                while not stop.is_set():
                    statuses.append(
                        c.post(
                            "/api/ask",
                            json={"question": "How many children were looked after in December 2018?"},
                        ).status_code
                    )

        askers = [threading.Thread(target=keep_asking) for _ in range(3)]
        for t in askers:
            t.start()
        resp = httpx.put(
            url + "/api/admin/documents/performance-update.pdf",
            content=performance_report_pdf(),
            headers=AUTH,
            timeout=300,
        )
        assert resp.status_code == 200, resp.text
        # both workers serve the new paper (each notices the new version on its next request)
        answers = [httpx.post(url + "/api/ask", json=LAC, timeout=60).json() for _ in range(6)]
        stop.set()
        for t in askers:
            t.join()
        assert all(a["figures"] and a["figures"][0]["value_text"] == "512" for a in answers), [
            a["text"][:120] for a in answers
        ]
        assert answers[0]["citations"][0]["page"] == 2
        assert statuses and set(statuses) == {200}, f"{len(statuses)} questions asked during the update"
