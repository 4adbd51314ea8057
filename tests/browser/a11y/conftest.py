"""The accessibility tests' site: the sample content (plus the f2021 fixture report) built once
per session and served over real HTTP; `open_page` opens a page at a width, with reading prefs.
Chromium itself comes from tests/browser/conftest.py (`browser`, one per module)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.a11y.site_pages import EXTERNAL_LINK
from tests.browser.conftest import serve
from tests.conftest import FIXTURES, REPO, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("a11y-site")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    # an f2021 report too (both table formats), and one external link for the print view
    shutil.copytree(FIXTURES / "f2021/content/townships/demo-town", root / "content/townships/demo-town")
    report = root / "content/townships/anqiu-jingzhi/2019.md"
    report.write_text(report.read_text("utf-8") + f"\n参见[中国政府网]({EXTERNAL_LINK})。\n", "utf-8")
    result = build_site(root)
    assert result.ok, result.problems
    return root / "site"


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    yield from serve(built_site)


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
        if path.startswith("/editor/"):  # the form: test it once its tables are laid out and checked
            page.wait_for_selector("#editor[data-ready]")
            page.wait_for_function("document.getElementById('ed-summary').textContent !== ''")
        if "?q=" in path:  # a search with results: test the page as a reader sees it, results shown
            page.wait_for_function("/找到|没有/.test(document.getElementById('search-status').textContent)")
            page.wait_for_load_state("networkidle")
        return page

    yield _open
    for context in contexts:
        context.close()
