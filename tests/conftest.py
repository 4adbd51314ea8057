"""Shared fixtures: real files on disk, in tmp_path; sites built with the real pipeline."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from generator.engine.build import BuildOptions, BuildResult, build

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 24)  # checks are reproducible: "today" is an input, never the clock


def build_site(root: Path, out: Path | None = None, **options) -> BuildResult:
    options.setdefault("today", TODAY)
    options.setdefault("jobs", 1)
    return build(root, BuildOptions(out or root / "site", **options))


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    """A copy of the repository's sample site (content/ + templates/)."""
    root = tmp_path / "sample"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    return root


@pytest.fixture
def f2021_root(tmp_path: Path) -> Path:
    root = tmp_path / "f2021"
    shutil.copytree(FIXTURES / "f2021", root)
    return root


MINIMAL_SITE = {
    "content/site.yaml": "title: 测试站\nbase_url: /\n",
    "content/townships/test-town/township.yaml": "name: 测试镇\ncounty: 测试县\ncity: 测试市\nprovince: 测试省\n",
    "content/townships/test-town/2018.md": (
        "---\nyear: 2018\npublished: 2019-01-15\nfigures:\n  proactive_items: 12\n---\n## 一、概述\n\n正文。\n"
    ),
}


@pytest.fixture
def minimal_root(tmp_path: Path) -> Path:
    return write_files(tmp_path / "minimal", dict(MINIMAL_SITE))


@contextmanager
def http_server(handler: type[http.server.BaseHTTPRequestHandler] | object) -> Iterator[str]:
    """A real HTTP server on a free loopback port, in a thread; yields its origin."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


CORPUS_REPORTS = 1000  # a county's worth: the scale the readers' tests check pages at (issue 21)


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark corpus of CORPUS_REPORTS reports, built once per session: its site folder."""
    from benchmarks.make_corpus import write_corpus

    root = tmp_path_factory.mktemp("corpus-site")
    assert write_corpus(CORPUS_REPORTS, root) == CORPUS_REPORTS
    result = build_site(root, jobs=2, search=True)
    assert result.ok, result.problems[:5]
    return root / "site"
