"""End-to-end: the real server and its pages in Debian's headless Chromium, driven by Playwright.

Screenshots of each state are saved under test-artifacts/screenshots/ (and the downloaded CSV under
test-artifacts/); they are not committed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from paper_fixtures import REPO
from servers import running_server

from qa_assistant.settings import DATA_DIR

CHROMIUM = os.environ.get("QA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
SHOTS = ARTIFACTS / "screenshots"
TOKEN = "browser-admin-token-71c2"
pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(
            f"{CHROMIUM} missing: test.sh installs Debian's chromium; browser tests must run in CI"
        )
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def server_env(feedback: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_LLM_")}  # no generation backend
    return env | {"QA_FEEDBACK_PATH": str(feedback), "QA_ADMIN_TOKEN": TOKEN, "QA_WORKERS": "1"}


@pytest.fixture(scope="module")
def feedback_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("feedback") / "feedback.sqlite"


@pytest.fixture(scope="module")
def server_url(index, feedback_path):
    with running_server("--no-rebuild", env=server_env(feedback_path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):  # only this run's screenshots, so none is mistaken for the current page
        old.unlink()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture(scope="module")
def context(browser):
    ctx = browser.new_context(viewport={"width": 1000, "height": 900}, accept_downloads=True)
    # Record every Content-Security-Policy violation from the first byte (see the CSP test).
    ctx.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def page(context, server_url):
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(server_url)
    yield pg
    assert not errors, errors


def ask(page, question: str) -> None:
    page.fill("#question", question)
    page.keyboard.press("Enter")
    # A locator wait, not wait_for_function: that evaluates a string, which the page's CSP rightly blocks.
    sync_api.expect(page.locator(".a.working")).to_have_count(0, timeout=30000)


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """sel => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        selector,
    )


def test_empty_page_shows_examples(page):
    assert page.locator(".example").count() >= 3
    assert "Answers are extractive" in page.locator("#mode-note").inner_text()
    # The council's name comes from data (data/council.json via /api/health), not from the page's code.
    council = json.loads((DATA_DIR / "council.json").read_text(encoding="utf-8"))["name"]
    sync_api.expect(page.locator("#council-name")).not_to_have_text("the council’s")
    assert page.locator("#council-name").inner_text() == council
    page.screenshot(path=str(SHOTS / "01-empty.png"))


def test_figure_is_one_card_with_its_rate_and_chip_shows_the_marked_quote(page):
    ask(page, "How many children were looked after in December 2018?")
    answer = page.locator(".a").last
    assert answer.locator(".figure-card").count() == 1  # the rate sits beside the count, not in a second card
    assert answer.locator(".figure-card .value").first.inner_text().startswith("500")
    assert answer.locator(".figure-card .value .also").inner_text() == "154.3 per 10,000"
    assert "21 December 2018" in answer.locator(".figure-card .asof").first.inner_text()
    page.screenshot(path=str(SHOTS / "02-figure.png"))
    chip = answer.locator("a.chip").first
    assert chip.get_attribute("href").startswith("/papers/")
    chip.click()
    assert page.locator("#source-quote mark.value").first.inner_text() == "500"
    assert "Council" in page.locator("#source-meta").inner_text()
    page.screenshot(path=str(SHOTS / "03-source-highlight.png"))
    page.click("#source-close")


def test_keyboard_reaches_chip_dialog_and_feedback(page):
    answer = page.locator(".a").last
    chip = answer.locator("a.chip").first
    chip.focus()
    page.keyboard.press("Enter")
    assert page.locator("#source").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('paper-link')")
    page.keyboard.press("Escape")
    assert not page.locator("#source").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('chip')")  # focus is back on the chip
    answer.locator(".fb-helpful").focus()
    page.keyboard.press("Enter")
    assert answer.locator(".fb-helpful").get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.activeElement.classList.contains('fb-comment')")


def test_chip_leads_to_the_paper_with_the_span_highlighted_and_visible(page, context):
    answer = page.locator(".a").last
    answer.locator("a.chip").first.click()
    with context.expect_page() as new:
        page.click("#source-link a.paper-link")
    paper = new.value
    paper.wait_for_selector("#cited")
    assert "/papers/" in paper.url and "start=" in paper.url
    assert paper.locator("mark.value").first.inner_text() == "500"
    assert "Current Children Looked After" in paper.locator("#cited").inner_text()
    sync_api.expect(paper.locator("#cited")).to_be_in_viewport(ratio=1, timeout=5000)
    assert in_viewport(paper, "#cited")
    meta = paper.locator("#meta-list").inner_text()
    assert "Council" in meta and "16 January 2019" in meta
    assert paper.locator("#paper-title").inner_text().startswith("Executive Member Report")
    paper.screenshot(path=str(SHOTS / "04-paper-view.png"))
    paper.close()
    page.click("#source-close")


def test_paper_view_shows_the_councils_link_and_escapes_text(server_url, context, index):
    doc = next(d for d in index.documents.values() if d.source_url)
    pg = context.new_page()
    pg.goto(f"{server_url}/papers/{doc.doc_id}?start=0&end=40")
    pg.wait_for_selector("#cited")
    assert pg.locator("#council-link a").get_attribute("href") == doc.source_url
    assert (
        pg.locator("#paper-text *").count()
        == pg.locator("#paper-text mark, #paper-text div.page-break").count()
    )
    pg.goto(f"{server_url}/papers/no-such-paper")
    sync_api.expect(pg.locator("#notice")).to_have_text(re.compile(r"\S"))
    assert "No document" in pg.locator("#notice").inner_text()
    pg.close()


def test_follow_up_uses_previous_turn(page):
    ask(page, "How many children were looked after in December 2018?")
    ask(page, "and in July 2020?")
    assert page.locator(".a").last.locator(".figure-card .value").first.inner_text().startswith("702")
    page.screenshot(path=str(SHOTS / "05-follow-up.png"))


def test_timeline_chart_has_a_value_axis_and_sources_numbered_like_the_chips(page):
    ask(page, "How has the number of children in care changed over time?")
    answer = page.locator(".a").last
    assert answer.locator("svg.chart circle").count() >= 6
    assert answer.locator("svg.chart text.axis-title").text_content().startswith("Number")
    ticks = answer.locator("svg.chart text.tick").all_text_contents()
    assert "0" in ticks and any(
        t.replace(",", "").isdigit() and int(t.replace(",", "")) >= 600 for t in ticks
    )
    assert answer.locator("table.series tr").count() >= 7
    assert answer.locator(".conflict").count() == 1
    table_numbers = [t.split("]")[0] + "]" for t in answer.locator("table.series a.chip").all_inner_texts()]
    listed = {t.split("]")[0] + "]": t for t in answer.locator(".sources a.chip").all_inner_texts()}
    assert table_numbers and set(table_numbers) <= set(listed)
    first_row_chip = answer.locator("table.series a.chip").first
    assert first_row_chip.get_attribute("href") == answer.locator(".sources a.chip").first.get_attribute(
        "href"
    )
    page.screenshot(path=str(SHOTS / "06-timeline.png"), full_page=True)


def test_timeline_leads_to_the_figures_table_and_its_csv(page, context):
    answer = page.locator(".a").last
    with context.expect_page() as new:
        answer.locator("a.table-link").last.click()
    table = new.value
    table.wait_for_selector("#figures-table tbody tr")
    assert "concept=looked_after" in table.url
    values = table.locator("#figures-table tbody td.value-cell .value").all_inner_texts()
    assert {"500", "702", "629", "509", "514"} <= set(values)
    assert table.locator("#filters select[name=concept]").input_value() == "looked_after"
    table.screenshot(path=str(SHOTS / "07-figures-table.png"), full_page=True)
    with table.expect_download() as dl:
        table.click("#csv")
    target = ARTIFACTS / "figures-looked_after.csv"
    dl.value.save_as(str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(values) and {r["value_text"] for r in rows} == set(values)
    assert all(r["concept_id"] == "looked_after" and r["paper_url"].startswith("http") for r in rows)
    table.locator("#figures-table th[data-sort=value] button").click()
    # locator waits, not wait_for_function: polling a string predicate is an eval, which the page's CSP blocks
    sync_api.expect(table.locator("#figures-table th[data-sort=value]")).to_have_attribute(
        "aria-sort", re.compile(".")
    )
    sync_api.expect(table.locator("#summary")).to_have_text(re.compile(r"^Showing"))
    shown = [int(v) for v in table.locator("#figures-table tbody .value").all_inner_texts()]
    assert shown == sorted(shown)
    table.locator("#figures-table tbody td.source a").first.click()
    table.wait_for_selector("#cited")
    assert table.locator("mark.value").count() == 1
    table.close()


def test_document_text_is_escaped_and_errors_are_plain(page):
    ask(page, "<img src=x onerror=alert(1)> what about foster carers?")
    assert page.locator(".q img").count() == 0
    page.evaluate("document.getElementById('question').removeAttribute('maxlength')")
    ask(page, "x" * 5000)
    err = page.locator(".a.error").last.inner_text()
    assert "too long" in err and "Traceback" not in err


def test_phone_width_is_usable(browser, server_url):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    pg.goto(server_url)
    assert pg.locator("#send").is_visible()
    ask(pg, "How has the number of children in care changed over time?")
    chart = pg.locator("svg.chart").last
    box = chart.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the side
    font = chart.locator("text.tick").first.evaluate("t => t.getBoundingClientRect().height")
    assert font >= 10  # axis labels drawn at a readable size, not shrunk with the chart
    chart.screenshot(path=str(SHOTS / "08-phone-chart.png"))
    pg.screenshot(path=str(SHOTS / "09-phone.png"), full_page=True)
    href = pg.locator(".a").last.locator("table.series a.chip").first.get_attribute("href")
    pg.goto(server_url + href)
    pg.wait_for_selector("#cited")
    assert in_viewport(pg, "#cited") and pg.evaluate("document.documentElement.scrollWidth") <= 390
    pg.screenshot(path=str(SHOTS / "10-phone-paper.png"))
    pg.goto(server_url + "/figures?concept=looked_after")
    pg.wait_for_selector("#figures-table tbody tr")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    pg.screenshot(path=str(SHOTS / "11-phone-figures.png"), full_page=True)
    ctx.close()


def test_feedback_left_in_the_page_is_listed_after_a_restart(index, browser, tmp_path):
    feedback = tmp_path / "var" / "feedback.sqlite"
    env = server_env(feedback)
    with running_server("--no-rebuild", env=env) as url:
        pg = browser.new_page(viewport={"width": 1000, "height": 900})
        pg.goto(url)
        ask(pg, "How many children were looked after in December 2018?")
        answer = pg.locator(".a").last
        answer.locator(".fb-wrong").click()
        answer.locator(".fb-comment").fill("The rate should be shown first <b>please</b>")
        answer.locator(".fb-send").click()
        pg.locator(".fb-status", has_text="recorded").first.wait_for()  # a locator wait: the CSP forbids eval
        assert answer.locator(".fb-choice").first.is_disabled()
        pg.screenshot(path=str(SHOTS / "12-feedback.png"))
        pg.close()
    with running_server("--no-rebuild", env=env) as url:  # a fresh server process over the same file
        listed = httpx.get(
            url + "/api/admin/feedback", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30
        ).json()
    assert listed["total"] == 1 and listed["entries"][0]["verdict"] == "wrong"
    assert listed["entries"][0]["answer"]["figures"][0]["value_text"] == "500"
    out = subprocess.run(
        [sys.executable, "-m", "qa_assistant.cli", "feedback"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "WRONG" in out.stdout and "How many children were looked after in December 2018?" in out.stdout
    assert "The rate should be shown first <b>please</b>" in out.stdout


def test_the_page_runs_under_its_content_security_policy(page, server_url):
    """Every test above ran with the strict CSP in force (no inline script or style): nothing was blocked."""
    import httpx

    csp = httpx.get(server_url + "/").headers["content-security-policy"]
    assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
    assert page.evaluate("window.__csp") == []
