"""Fixtures: a real `newsevents serve` on a loopback port over a store of articles written
here, and a headless Chromium (Debian's /usr/bin/chromium) driven by Playwright."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from live_server import CHROMIUM, CHROMIUM_ARGS, ROOT, TOKEN, build_store, start_server, stop_server


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The server with the write token, over the test corpus (tests may add articles)."""
    folder = tmp_path_factory.mktemp("served")
    running = start_server(build_store(folder / "served.duckdb"), TOKEN, folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def read_only_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("read-only")
    running = start_server(build_store(folder / "ro.duckdb"), None, folder / "server.log")
    yield running
    stop_server(running)


# --- the browser ---------------------------------------------------------------------------

def output_folder() -> Path:
    """Where this test run leaves its screenshots: $NEWSEVENTS_TEST_OUTPUT or ./test-output."""
    folder = Path(os.environ.get("NEWSEVENTS_TEST_OUTPUT") or ROOT / "test-output") / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/system-packages should install chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class ConsoleWatch:
    """Console errors, uncaught exceptions and failed requests of one page."""

    def __init__(self, page) -> None:
        self.problems: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", self._failed)

    def _failed(self, request) -> None:
        # Leaving a page aborts its pending requests (ERR_ABORTED); that is not a fault.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.problems.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 860})
    opened = context.new_page()
    opened.console_watch = ConsoleWatch(opened)
    yield opened
    context.close()


@pytest.fixture(scope="session")
def screenshots():
    return output_folder()
