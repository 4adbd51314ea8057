"""Arguments that would write outside the site or destroy the project: each is a clean usage error
(exit 2, a Chinese message) and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.checking import REPORT, minimal, report
from tests.test_build import digest_tree


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = minimal(tmp_path / "project", {})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def _refused(root: Path, argv: list[str], capsys) -> str:
    before = digest_tree(root)
    assert main(["--root", str(root), *argv]) == 2
    assert digest_tree(root) == before
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("out", [".", "content", "content/townships", "..", "templates", ".git", ".git/x"])
def test_build_refuses_to_replace_the_project_or_a_part_of_it(project, out, capsys):
    (project / "templates").mkdir()
    (project / "templates" / "keep.txt").write_text("mine", encoding="utf-8")
    err = _refused(project, ["build", "--out", str(project / out)], capsys)
    assert "输出目录" in err
    assert (project / "content" / "site.yaml").is_file() and (project / ".git" / "HEAD").is_file()


def test_build_refuses_an_existing_file_a_link_and_a_folder_it_did_not_make(project, tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"jpg")
    os.symlink(tmp_path / "photos", tmp_path / "linked")
    for out in ("notes.txt", "photos", "linked"):
        assert "输出目录" in _refused(project, ["build", "--out", str(tmp_path / out)], capsys)
    assert (tmp_path / "notes.txt").read_text("utf-8") == "keep"
    assert (tmp_path / "photos" / "a.jpg").read_bytes() == b"jpg"


def test_build_into_an_unwritable_place_is_a_usage_error(project, capsys):
    err = _refused(project, ["build", "--out", "/proc/version/site"], capsys)
    assert "无法在" in err


def test_a_folder_xxgk_built_is_replaced_on_the_next_build(project, tmp_path, capsys):
    out = tmp_path / "public"
    assert main(["--root", str(project), "build", "--out", str(out), "--no-search", "--jobs", "1"]) == 0
    assert (out / ".xxgk-site").is_file()
    assert main(["--root", str(project), "build", "--out", str(out), "--no-search", "--no-cache", "--jobs", "1"]) == 0


@pytest.mark.parametrize("slug", ["../../../x", "a/b", "Bad", "x\n", "town_1", "town.", "\uff41"])
def test_new_refuses_slugs_that_are_not_folder_names(project, slug, capsys, tmp_path):
    for argv in (["new", "report", slug, "2020"],
                 ["new", "township", slug, "--name", "镇", "--county", "县", "--city", "市", "--province", "省"]):
        before = digest_tree(project)
        with pytest.raises(SystemExit) as exit_:
            main(["--root", str(project), *argv])
        assert exit_.value.code == 2
        assert "只能用小写字母、数字和连字符" in capsys.readouterr().err
        assert digest_tree(project) == before
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("base", ["--output=/tmp/xxgk-escape", "-p", "main;rm", "a..b", "x\ny"])
def test_check_base_never_reaches_git_as_an_option(project, base, capsys, tmp_path):
    assert main(["--root", str(project), "check", f"--base={base}"]) == 2
    assert "--base" in capsys.readouterr().err
    assert not Path("/tmp/xxgk-escape").exists()


def test_output_to_a_stream_that_cannot_encode_chinese(tmp_path):
    root = minimal(tmp_path / "s", {REPORT: report("year: 二〇一八\n")})
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check"],
        capture_output=True, env=env, timeout=120, check=False,
    )
    assert run.returncode == 1
    assert b"Traceback" not in run.stderr
    assert b"2018.md:2:1: \\u201cyear\\u201d" in run.stdout and b"[field.type]" in run.stdout
