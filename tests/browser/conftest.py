"""Real Chromium (Debian's package, never a downloaded one) and a real HTTP server for built sites.
Without the chromium binary, browser tests fail when CI is set and are skipped elsewhere."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import http_server

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_path() -> str | None:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).is_file() else None


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        message = "chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """One line per request would drown the test output."""


def serve(directory: Path) -> Iterator[str]:
    """Serves `directory` over HTTP on a free local port; yields the origin."""
    with http_server(functools.partial(_QuietHandler, directory=str(directory))) as origin:
        yield origin


@contextlib.contextmanager
def site_in_chromium(site: Path) -> Iterator[tuple[str, object]]:
    """`site` served and a Chromium launched, for the screenshot scripts: (origin, browser)."""
    from playwright.sync_api import sync_playwright

    served = serve(site)
    origin = next(served)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            yield origin, browser
            browser.close()
    finally:
        served.close()
