"""The evidence map and the web app in a real browser: Debian's chromium driven by
Playwright (`.ci/run` installs chromium with apt; `playwright install` cannot download
browsers here). Screenshots go to the test's temporary folder, or to
$SOURCELINT_SCREENSHOTS when set."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sourcelint.api import analyze
from sourcelint.output.html import render_html
from sourcelint.readers import read_bytes

CHROMIUM = Path("/usr/bin/chromium")
ARTICLE = (
    "Border talks stall\n\n"
    "Varnia moved two armoured brigades to within 30 kilometres of the border on Wednesday.\n\n"
    "“We will hold the line,” Defence Minister Jane Doe said on Tuesday. Exports fell 12% in "
    "2024, to 4.1 million tonnes.[4]\n\n"
    "References\n\n[1] Ministry of Trade, Annual report, 2024.\n"
)
INJECTION = (
    "Evil page\n\n"
    '<script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2">.\n\n'
    "A [link](javascript:window.__pwned=3) and </textarea><script>window.__pwned = 4</script>.\n\n"
    "“</span><script>window.__pwned = 5</script>,” said Jane Doe, who counted 400 votes.\n"
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it with apt")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


def shot(page: object, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("SOURCELINT_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)  # type: ignore[attr-defined]


def report_file(tmp_path: Path, content: str, fmt: str = "txt") -> Path:
    document = read_bytes(content.encode("utf-8"), path=f"article.{fmt}", format=fmt)
    path = tmp_path / "report.html"
    path.write_text(render_html(document, analyze(document)), encoding="utf-8")
    return path


def test_focusing_a_quote_shows_its_speaker(browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report_file(tmp_path, ARTICLE).as_uri())
    quote = page.locator(".seg.k-quote").first
    quote.focus()
    details = page.locator("#details")
    assert "Jane Doe" in details.inner_text()
    assert "Defence Minister" in details.inner_text()
    page.locator(".seg.k-stat", has_text="12%").first.focus()
    assert "unit: percent" in details.inner_text()
    assert "counts: exports" in details.inner_text()
    shot(page, tmp_path, "evidence-map")
    assert all(url.startswith("file:") for url in requests), requests  # nothing from the web


def test_an_unresolved_marker_is_reached_from_its_finding(browser: object, tmp_path: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(report_file(tmp_path, ARTICLE).as_uri())
    page.locator("button", has_text="SL101").click()
    focused = page.evaluate("document.activeElement.className")
    assert "k-unresolved" in focused
    assert "nothing" in page.locator("#details").inner_text()


def test_the_injection_document_runs_nothing_in_the_report(browser: object, tmp_path: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for fmt in ("txt", "md", "html"):
        page.goto(report_file(tmp_path, INJECTION, fmt).as_uri())
        assert page.evaluate("window.__pwned") is None, fmt
        assert page.locator("script").count() == 2  # the evidence blob and the page's own
        assert "window.__pwned" in page.locator("#text").inner_text() or fmt == "html"
    assert dialogs == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from sourcelint.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=5)


def test_uploading_a_file_through_the_page_shows_its_map(
    browser: object, server: str, tmp_path: Path
) -> None:
    upload = tmp_path / "article.txt"
    upload.write_text(ARTICLE, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page.goto(server)
    page.set_input_files("#file", str(upload))
    page.locator("button[type=submit]").click()
    page.wait_for_selector(".seg.k-quote")
    page.locator(".seg.k-quote").first.focus()
    assert "Jane Doe" in page.locator("#details").inner_text()
    shot(page, tmp_path, "web-app-map")


def test_the_injection_document_runs_nothing_through_the_web_app(
    browser: object, server: str, tmp_path: Path
) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server)
    page.fill("#text", INJECTION)
    page.locator("button[type=submit]").click()
    page.wait_for_selector("#text")
    assert page.evaluate("window.__pwned") is None
    textareas = page.locator("form textarea")
    assert textareas.count() == 2  # the two download forms, unbroken by </textarea>
    assert textareas.first.input_value() == INJECTION
