"""Content from a stranger's pull request: links, FIFOs and odd names are reported, never read,
and nothing from outside content/ reaches the site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.listing import ATTACHMENT_LIMIT, read_source
from generator.engine.build import BuildOptions, build
from tests.checking import REPORT, TOWNSHIP, expect, minimal, problems_in, report
from tests.conftest import TODAY

SECRET = b"runner secret: do not publish"
FOLDER = "content/townships/test-town"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "id_rsa"
    path.parent.mkdir()
    path.write_bytes(SECRET)
    return path


def _site_bytes(out: Path) -> bytes:
    return b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())


def test_an_attachment_that_links_outside_is_refused_and_not_published(tmp_path, secret):
    root = minimal(tmp_path / "s", {REPORT: report("year: 2018\nsource: 2018.pdf\n")})
    os.symlink(secret, root / FOLDER / "2018.pdf")
    expect(root, "file.symlink", f"{FOLDER}/2018.pdf", 0)
    expect(root, "attachment.missing", REPORT, 3)
    result = build(root, BuildOptions(root / "site", jobs=1, today=TODAY, search=False))
    assert not result.ok
    assert not (root / "site").exists()


def test_a_report_that_links_outside_is_not_read(tmp_path, secret):
    root = minimal(tmp_path / "s", {}, remove=(REPORT,))
    secret.write_text("---\nyear: 2018\n---\n## 一、概述\n\n外部文件的内容。\n", encoding="utf-8")
    os.symlink(secret, root / REPORT)
    expect(root, "file.symlink", REPORT, 0)
    assert not any("外部" in p.message for p in problems_in(root))


def test_dangling_links_and_link_loops_are_reported_not_followed(tmp_path):
    root = minimal(tmp_path / "s", {})
    os.symlink(tmp_path / "nowhere.md", root / FOLDER / "2017.md")
    os.symlink(root / "content", root / FOLDER / "loop")
    expect(root, "file.symlink", f"{FOLDER}/2017.md", 0)
    expect(root, "file.symlink", f"{FOLDER}/loop", 0)


def test_a_township_folder_that_is_a_link_is_reported(tmp_path):
    root = minimal(tmp_path / "s", {})
    elsewhere = tmp_path / "elsewhere"
    (elsewhere).mkdir()
    (elsewhere / "township.yaml").write_text((root / TOWNSHIP).read_text("utf-8"), encoding="utf-8")
    os.symlink(elsewhere, root / "content/townships/linked-town")
    expect(root, "file.symlink", "content/townships/linked-town", 0)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_like_a_report_is_reported_without_waiting_for_a_writer(tmp_path):
    root = minimal(tmp_path / "s", {})
    os.mkfifo(root / FOLDER / "2017.md")
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert run.returncode == 1
    code = "file.special"
    assert f"{FOLDER}/2017.md: " in run.stdout and f"[{code}]" in run.stdout
    assert "Traceback" not in run.stderr


def test_a_file_that_vanishes_before_it_is_read_is_a_problem_not_a_traceback(tmp_path):
    _, source, problems = read_source(str(tmp_path), "content/townships/test-town/2019.md")
    assert source is None
    assert [(p.code, p.path, p.line) for p in problems] == [
        ("file.unreadable", "content/townships/test-town/2019.md", 0)
    ]


def test_full_width_year_digits_are_not_a_second_report_for_the_year(tmp_path):
    name = f"{FOLDER}/\uff12\uff10\uff11\uff18.md"  # ２０１８.md beside 2018.md
    root = minimal(tmp_path / "s", {name: report("year: 2018\n")})
    expect(root, "file.unknown_type", name, 0)


def test_a_folder_name_ending_in_a_newline_is_not_a_slug(tmp_path):
    root = minimal(tmp_path / "s", {"content/townships/bad-town\n/township.yaml": "name: 坏镇\n"})
    expect(root, "township.slug", "content/townships/bad-town\n", 0)


def test_an_attachment_over_the_limit_is_reported_and_not_copied(tmp_path):
    root = minimal(tmp_path / "s", {REPORT: report("year: 2018\nsource: 2018.pdf\n")})
    with open(root / FOLDER / "2018.pdf", "wb") as handle:
        handle.truncate(ATTACHMENT_LIMIT + 1)  # sparse: costs no disk
    expect(root, "file.too_large", f"{FOLDER}/2018.pdf", 0)


def test_links_in_the_sites_own_templates_are_reported(tmp_path, secret):
    root = minimal(tmp_path / "s", {"templates/static/own.css": "body{}"})
    os.symlink(secret, root / "templates/static/leak.txt")
    expect(root, "file.symlink", "templates/static/leak.txt", 0)
