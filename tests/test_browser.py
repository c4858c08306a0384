"""End-to-end: the real server and the chat page in Debian's headless Chromium, driven by Playwright.

Screenshots of each state are saved under test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from servers import running_server

from .conftest import REPO

CHROMIUM = os.environ.get("QA_CHROMIUM", "/usr/bin/chromium")
SHOTS = REPO / "test-artifacts" / "screenshots"
pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} missing: test.sh installs Debian's chromium; browser tests must run in CI")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server_url(index):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_LLM_")}  # no generation backend
    with running_server("--no-rebuild", env=env) as url:
        yield url


@pytest.fixture(scope="module")
def page(server_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        context = browser.new_context(viewport={"width": 1000, "height": 900})
        # Record every Content-Security-Policy violation from the first byte (see the last test).
        context.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                                "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
        pg = context.new_page()
        pg.goto(server_url)
        yield pg
        browser.close()


def ask(page, question: str) -> None:
    page.fill("#question", question)
    page.keyboard.press("Enter")
    # A locator wait, not wait_for_function: that evaluates a string, which the page's CSP rightly blocks.
    sync_api.expect(page.locator(".a.working")).to_have_count(0, timeout=30000)


def test_empty_page_shows_examples(page):
    assert page.locator(".example").count() >= 3
    assert "Answers are extractive" in page.locator("#mode-note").inner_text()
    page.screenshot(path=str(SHOTS / "01-empty.png"))


def test_figure_question_shows_value_and_chip_then_highlight(page):
    ask(page, "How many children were looked after in December 2018?")
    answer = page.locator(".a").last
    assert answer.locator(".figure-card .value").first.inner_text() == "500"
    assert "21 December 2018" in answer.locator(".figure-card .asof").first.inner_text()
    page.screenshot(path=str(SHOTS / "02-figure.png"))
    answer.locator(".chip").first.click()
    mark = page.locator("#source-quote mark").first
    assert mark.inner_text() == "500"
    assert "Council" in page.locator("#source-meta").inner_text()
    page.screenshot(path=str(SHOTS / "03-source-highlight.png"))
    page.click("#source-close")


def test_follow_up_uses_previous_turn(page):
    ask(page, "and in July 2020?")
    assert page.locator(".a").last.locator(".figure-card .value").first.inner_text() == "702"
    page.screenshot(path=str(SHOTS / "04-follow-up.png"))


def test_timeline_shows_chart_and_table(page):
    ask(page, "How has the number of children in care changed over time?")
    answer = page.locator(".a").last
    assert answer.locator("svg.chart circle").count() >= 6
    assert answer.locator("table.series tr").count() >= 7
    assert answer.locator(".conflict").count() == 1
    page.screenshot(path=str(SHOTS / "05-timeline.png"), full_page=True)


def test_document_text_is_escaped_and_errors_are_plain(page):
    ask(page, "<img src=x onerror=alert(1)> what about foster carers?")
    assert page.locator(".q img").count() == 0
    page.evaluate("document.getElementById('question').removeAttribute('maxlength')")
    ask(page, "x" * 5000)
    err = page.locator(".a.error").last.inner_text()
    assert "too long" in err and "Traceback" not in err


def test_phone_width_is_usable(page):
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.locator("#send").is_visible()
    page.screenshot(path=str(SHOTS / "06-phone.png"))


def test_the_page_runs_under_its_content_security_policy(page, server_url):
    """Every test above ran with the strict CSP in force (no inline script or style): nothing was blocked."""
    import httpx

    csp = httpx.get(server_url + "/").headers["content-security-policy"]
    assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
    assert page.evaluate("window.__csp") == []
