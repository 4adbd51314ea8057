"""The benchmark corpus is valid content for xxgk (and the same every time), and the comparison
renderers produce the same kinds of pages from it. Timings themselves live in benchmarks/run.py."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from benchmarks.convert import to_hugo
from benchmarks.floor import run as run_floor
from benchmarks.make_corpus import write_corpus
from generator.build import load_site
from generator.progress import Progress
from tests.conftest import REPO, build_site
from tests.test_build import digest_tree

N = 800  # enough for several provinces and a few attachments; parsing it takes a second or two


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    assert write_corpus(N, root) == N
    return root


@pytest.fixture
def small(corpus, tmp_path) -> Path:
    """Five townships (40 reports) of the corpus, for the tests that build sites."""
    root = tmp_path / "small"
    shutil.copytree(corpus / "content", root / "content")
    for extra in sorted((root / "content/townships").iterdir())[5:]:
        shutil.rmtree(extra)
    return root


def test_corpus_passes_every_check(corpus):
    site, problems = load_site(corpus, date(2026, 11, 24))
    assert site is not None and problems == []
    assert len(site.reports) == N
    assert {r.format for r in site.reports} == {"pre2019", "f2019", "f2021"}
    assert any(r.attachment for r in site.reports)
    assert len({t.province for t in site.townships}) > 1
    sizes = [len((corpus / r.path).read_bytes()) for r in site.reports]
    assert min(sizes) > 3000 and max(sizes) < 9000


def test_corpus_is_deterministic(corpus, tmp_path):
    write_corpus(N, tmp_path)
    assert digest_tree(tmp_path / "content") == digest_tree(corpus / "content")


def test_corpus_builds_and_cli_check_passes(small):
    root = small
    assert build_site(root).ok
    check = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check", "--strict"], capture_output=True, cwd=REPO
    )
    assert check.returncode == 0, check.stdout


def test_floor_and_hugo_render_the_same_reports(small, tmp_path):
    assert run_floor(small, tmp_path / "floor", jobs=2) == 40
    assert len(list((tmp_path / "floor/townships").glob("*/*/index.html"))) == 40
    to_hugo(small, tmp_path / "hugo")
    subprocess.run(["/usr/bin/hugo", "--quiet", "-s", str(tmp_path / "hugo")], check=True)
    assert len(list((tmp_path / "hugo/public/townships").glob("*/*/index.html"))) == 40


def test_progress_is_silent_when_disabled_or_quick():
    quiet, quick, shown = io.StringIO(), io.StringIO(), io.StringIO()
    for stream, enabled, delay in ((quiet, False, 0.0), (quick, True, 60.0), (shown, True, 0.0)):
        progress = Progress(enabled, stream, delay)
        progress.stage("生成页面", 3)
        for _ in range(3):
            progress.tick()
        progress.close()
    assert quiet.getvalue() == "" and quick.getvalue() == ""
    assert "生成页面 3/3 100%" in shown.getvalue() and shown.getvalue().endswith("\n")
