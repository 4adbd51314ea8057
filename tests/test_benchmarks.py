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
from generator.engine.load import load_site
from generator.engine.progress import Progress
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


def _shift(text: str, row: str) -> str:
    """Adds 1 to the first and the last (总计) cell of a table row in a report's front matter."""
    line = next(x for x in text.splitlines() if x.strip().startswith(f"{row}: ["))
    cells = [int(c) for c in line.split("[", 1)[1].rstrip("]").split(",")]
    cells[0] += 1
    cells[-1] += 1
    return text.replace(line, f"{line.split('[', 1)[0]}[{', '.join(map(str, cells))}]", 1)


def test_editing_last_year_rechecks_this_year(small):
    """The cross-year rule of 2020 reads 2019: editing 2019 alone must re-check 2020, cached or not."""
    folder = next(p for p in sorted((small / "content/townships").iterdir()) if (p / "2020.md").is_file())
    assert build_site(small).ok
    earlier = folder / "2019.md"
    original = earlier.read_text("utf-8")
    earlier.write_text(_shift(_shift(original, "new"), "carried_forward"), "utf-8")  # 2019 stays consistent
    result = build_site(small)
    later = f"content/townships/{folder.name}/2020.md"
    assert {(p.code, p.path) for p in result.problems} == {("table.cross_year", later)}
    assert result.problems == tuple(load_site(small, date(2026, 11, 24))[1])
    earlier.write_text(original, "utf-8")
    assert build_site(small).problems == ()
