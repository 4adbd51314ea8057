"""Browser fixtures: the sample site is built once per session and served over real HTTP;
one Chromium per test module (Debian's, never a downloaded one)."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.site_pages import EXTERNAL_LINK
from tests.conftest import FIXTURES, REPO, build_site

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without Chromium the browser tests skip locally, but fail under CI (a skipped check is no check)."""
    if Path(CHROMIUM).is_file():
        return
    for item in items:
        if "browser" in item.keywords and not os.environ.get("CI"):
            item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} not installed"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser-site")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    # an f2021 report too (both table formats), and one external link for the print view
    shutil.copytree(FIXTURES / "f2021/content/townships/demo-town", root / "content/townships/demo-town")
    report = root / "content/townships/anqiu-jingzhi/2019.md"
    report.write_text(report.read_text("utf-8") + f"\n参见[中国政府网]({EXTERNAL_LINK})。\n", "utf-8")
    result = build_site(root)
    assert result.ok, result.problems
    return root / "site"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """The built site over real HTTP on 127.0.0.1 (a static host, 404.html for missing paths)."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing (install Debian's chromium package)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, server):
    """open_page(path, width=1280, prefs=None, **context options) → a loaded Playwright page.
    `prefs` ({"font": "2", "contrast": "1"}) are put in localStorage first, as a reader's choice."""
    contexts = []

    def _open(path: str, width: int = 1280, prefs: dict[str, str] | None = None, **options):
        context = browser.new_context(viewport={"width": width, "height": 800}, **options)
        contexts.append(context)
        if prefs:
            script = "".join(f"localStorage.setItem('xxgk-{k}', '{v}');" for k, v in prefs.items())
            context.add_init_script(script)
        page = context.new_page()
        page.goto(server + path)
        return page

    yield _open
    for context in contexts:
        context.close()
