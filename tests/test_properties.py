"""Property-based tests (hypothesis): for any question, history or upload name, a clear status and nothing lost.

Real index and model; example counts are bounded so CI time stays predictable.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from qa_assistant.ingest.adding import add_bytes, given_name, safe_name
from qa_assistant.ingest.jobs import Budget
from qa_assistant.serve.app import create_app

FAST = hsettings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
QUESTIONISH = st.one_of(
    ANY_TEXT,
    st.sampled_from(
        [
            "How many children were looked after in December 2018?",
            "and in July 2020?",
            "What did the panel hear about foster carers?",
            "",
            "   ",
            "\u202e",
            "£%$",
            "1e309",
            "x" * 2001,
        ]
    ),
)


@pytest.fixture(scope="module")
def client(index, settings):
    return TestClient(create_app(settings, rebuild=False), raise_server_exceptions=False)


@FAST
@given(question=QUESTIONISH)
def test_any_question_gets_an_answer_or_a_plain_refusal(client, question):
    resp = client.post("/api/ask", json={"question": question})
    assert resp.status_code in (200, 413, 422), resp.text[:300]
    body = resp.json()
    if resp.status_code == 200:
        assert body["kind"] in ("figure", "timeline", "general", "not_found") and body["text"]
        for citation in body["citations"]:  # quotes always come from the cited paper
            assert citation["quote"] and citation["quote_end"] > citation["quote_start"]
    else:
        assert isinstance(body["detail"], str) and "Traceback" not in body["detail"]


@FAST
@given(history=st.lists(QUESTIONISH, max_size=60), question=QUESTIONISH)
def test_any_history_gets_an_answer_or_a_plain_refusal(client, history, question):
    resp = client.post("/api/ask", json={"question": question, "history": history})
    assert resp.status_code in (200, 413, 422), resp.text[:300]


@FAST
@given(
    messages=st.lists(
        st.fixed_dictionaries(
            {
                "role": st.sampled_from(["user", "assistant", "system", "tool"]),
                "content": st.one_of(
                    st.none(),
                    QUESTIONISH,
                    st.lists(
                        st.fixed_dictionaries(
                            {
                                "type": st.sampled_from(["text", "image_url"]),
                                "text": st.one_of(st.none(), QUESTIONISH),
                            }
                        ),
                        max_size=3,
                    ),
                ),
            }
        ),
        min_size=1,
        max_size=6,
    ),
    stream=st.booleans(),
)
def test_any_chat_completion_request_gets_a_clear_status(client, messages, stream):
    resp = client.post(
        "/v1/chat/completions", json={"model": "qa-assistant", "messages": messages, "stream": stream}
    )
    assert resp.status_code in (200, 400, 413, 422), resp.text[:300]


NAME_CHARS = st.characters(codec="utf-8", exclude_categories=["Cs"])
NAMES = st.one_of(
    st.text(NAME_CHARS, max_size=40),
    st.builds(
        lambda a, b: a + b,
        st.text(st.sampled_from("./\\ ._-aA1é"), max_size=12),
        st.sampled_from([".txt", ".TXT", "..txt", ".md", ".pdf", ".html", "txt", ""]),
    ),
)


@hsettings(max_examples=300, deadline=None)
@given(name=NAMES)
def test_safe_names_are_plain_files_inside_the_corpus(name):
    safe = safe_name(name)
    assert re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\.[a-z0-9]{1,8})?", safe), safe
    assert safe_name(safe) == safe  # stable: a stored name maps to itself
    root = Path("/corpus")
    assert (root / safe).resolve().parent == root


@hsettings(max_examples=40, deadline=None)
@given(first=NAMES, second=NAMES)
def test_two_uploads_never_silently_replace_each_other(first, second):
    budget = Budget(60, 1_000_000, 1024)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        a = add_bytes(corpus, first + ".txt", b"First paper about foster carers.\n", budget=budget)
        b = add_bytes(corpus, second + ".txt", b"Second paper about placements.\n", budget=budget)
        assert a.outcome == "added" and b.outcome in ("added", "updated", "conflict")
        if b.outcome == "updated":  # only the same name (as given, or as stored) replaces a paper
            assert b.file == a.file
            assert given_name(second + ".txt") in (a.file, a.metadata.get("source_name"))
        else:
            assert (corpus / a.file).read_bytes() == b"First paper about foster carers.\n"
        if b.outcome == "added":
            assert b.file != a.file
