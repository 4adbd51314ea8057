"""更正记录: each report's changes after first publication, from a real git repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator.content.git_history import read_git_history
from generator.model.site import Revision
from tests.conftest import MINIMAL_SITE, build_site, write_files

REPORT = "content/townships/test-town/2018.md"
PAGE = Path("townships/test-town/2018/index.html")


def _commit(root: Path, message: str, day: str) -> None:
    stamp = f"{day}T10:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    git = ["git", "-c", "user.name=编辑", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run([*git, "commit", "-qm", message], cwd=root, check=True, env=env)


def read_history(root):
    return read_git_history(root).corrections


def _repo(tmp_path: Path) -> Path:
    root = write_files(tmp_path / "site", {**MINIMAL_SITE, ".gitignore": "/site/\n/a/\n/b/\n.xxgk-cache/\n"})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    _commit(root, "发布测试镇2018年报告", "2019-01-15")
    return root


def _edit(root: Path, old: str, new: str) -> None:
    path = root / REPORT
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_first_publication_is_not_a_correction(tmp_path):
    root = _repo(tmp_path)
    assert read_history(root) == {}
    build_site(root)
    assert "更正记录" not in (root / "site" / PAGE).read_text(encoding="utf-8")


def test_corrections_after_publication_show_on_the_report_page(tmp_path):
    root = _repo(tmp_path)
    _edit(root, "proactive_items: 12", "proactive_items: 13")
    _commit(root, "更正测试镇2018年报告：主动公开信息应为13条（据原件）", "2019-03-05")
    _edit(root, "正文。", "正文（更正错字）。")
    _commit(root, "更正测试镇2018年报告正文错字", "2019-04-01")
    history = read_history(root)
    assert [(r.date, r.message) for r in history[REPORT]] == [
        ("2019-03-05", "更正测试镇2018年报告：主动公开信息应为13条（据原件）"),
        ("2019-04-01", "更正测试镇2018年报告正文错字"),
    ]
    assert list(history) == [REPORT]  # township.yaml and site.yaml never changed
    build_site(root)
    html = (root / "site" / PAGE).read_text(encoding="utf-8")
    assert '<h2 id="corrections">更正记录</h2>' in html
    assert '<time datetime="2019-03-05">2019-03-05</time> 更正测试镇2018年报告：主动公开信息应为13条（据原件）' in html
    assert html.index("2019-03-05") < html.index("2019-04-01")
    assert "发布测试镇2018年报告" not in html


def test_history_follows_a_moved_report(tmp_path):
    root = _repo(tmp_path)
    _edit(root, "proactive_items: 12", "proactive_items: 13")
    _commit(root, "更正主动公开数", "2019-03-05")
    write_files(
        root,
        {
            "content/townships/other-town/township.yaml": "name: 另一镇\ncounty: 测试县\n"
            "city: 测试市\nprovince: 测试省\n"
        },
    )
    (root / "content/townships/other-town/2018.md").write_bytes((root / REPORT).read_bytes())
    (root / REPORT).unlink()
    _commit(root, "报告放错了乡镇，移到另一镇", "2019-05-06")
    history = read_history(root)
    moved = "content/townships/other-town/2018.md"
    assert [r.message for r in history[moved]] == ["更正主动公开数", "报告放错了乡镇，移到另一镇"]
    assert REPORT not in history


def test_a_deleted_and_re_added_report_starts_a_new_history(tmp_path):
    root = _repo(tmp_path)
    _edit(root, "proactive_items: 12", "proactive_items: 13")
    _commit(root, "旧文件的更正", "2019-03-05")
    text = (root / REPORT).read_text(encoding="utf-8")
    (root / REPORT).unlink()
    _commit(root, "删除报告", "2019-04-01")
    (root / REPORT).write_text(text, encoding="utf-8")
    _commit(root, "重新发布报告", "2019-04-02")
    assert read_history(root) == {}


def test_corrections_re_render_a_cached_page_even_when_the_text_returns(tmp_path):
    root = _repo(tmp_path)
    build_site(root)
    _edit(root, "proactive_items: 12", "proactive_items: 13")
    _commit(root, "误改", "2019-03-05")
    _edit(root, "proactive_items: 13", "proactive_items: 12")
    _commit(root, "撤销误改", "2019-03-06")
    result = build_site(root)  # the file's bytes are as at the first build: only its history changed
    assert PAGE.as_posix() in result.rendered
    assert "撤销误改" in (root / "site" / PAGE).read_text(encoding="utf-8")


def test_no_history_outside_git_or_in_a_shallow_clone(tmp_path, minimal_root):
    assert read_history(minimal_root) == {}
    root = _repo(tmp_path)
    _edit(root, "proactive_items: 12", "proactive_items: 13")
    _commit(root, "更正", "2019-03-05")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(shallow)], check=True)
    assert read_history(shallow) == {}  # its oldest commit would pass for the first publication
    assert read_history(root)[REPORT] == (Revision("2019-03-05", "更正", read_history(root)[REPORT][0].commit),)


def test_history_is_deterministic(tmp_path):
    root = _repo(tmp_path)
    _edit(root, "proactive_items: 12", "proactive_items: 13")
    _commit(root, "更正", "2019-03-05")
    build_site(root, root / "a", cache=False)
    build_site(root, root / "b", cache=False)
    assert (root / "a" / PAGE).read_bytes() == (root / "b" / PAGE).read_bytes()


def test_last_change_dates_follow_renames_and_feed_the_sitemap(tmp_path):
    root = _repo(tmp_path)
    _edit(root, "proactive_items: 12", "proactive_items: 13")
    _commit(root, "更正", "2019-03-05")
    moved = "content/townships/test-town/2017.md"
    (root / REPORT).rename(root / moved)
    _edit_path = root / moved
    _edit_path.write_text(_edit_path.read_text(encoding="utf-8").replace("year: 2018", "year: 2017"), "utf-8")
    _commit(root, "年份更正为2017", "2019-05-06")
    history = read_git_history(root)
    assert history.last_changed[moved] == "2019-05-06"
    assert history.last_changed["content/site.yaml"] == "2019-01-15"
    assert REPORT not in history.last_changed
    assert build_site(root).ok
    sitemap = (root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>/townships/test-town/2017/</loc><lastmod>2019-05-06</lastmod>" in sitemap.replace("\n", "").replace(
        "  ", ""
    )
