"""`xxgk serve`'s rebuild (serve/rebuild.py), called directly: after each edit the result must
equal a rebuild from nothing, and the folder it serves must be what `xxgk build` publishes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.engine.load import load_site
from generator.engine.memo import MemoryMemo
from generator.model.site import FIGURE_NAMES
from generator.serve.rebuild import Rebuild, rebuild
from tests.conftest import build_site

TODAY = date(2026, 11, 24)
JINGZHI = "content/townships/anqiu-jingzhi/2019.md"
WUZHEN = "content/townships/tongxiang-wuzhen/2018.md"


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def found(result: Rebuild) -> list[tuple[str, str, int]]:
    return [(p.code, p.path, p.line) for p in result.problems]


def replace_in(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_build(root: Path, out: Path) -> tuple[Rebuild, MemoryMemo]:
    out.mkdir(parents=True, exist_ok=True)
    memo = MemoryMemo()
    return rebuild(root, out, memo, TODAY), memo


def edited(root: Path, out: Path, rel: str, old: str, new: str) -> Rebuild:
    """A first rebuild, then the edit, then the rebuild the watcher would start for it."""
    _, memo = first_build(root, out)
    replace_in(root, rel, old, new)
    return rebuild(root, out, memo, TODAY)


def assert_same_as_from_nothing(root: Path, result: Rebuild, out: Path, tmp_path: Path) -> None:
    fresh_out = tmp_path / f"fresh{len(list(tmp_path.iterdir()))}"
    fresh, _ = first_build(root, fresh_out)
    assert found(result) == found(fresh)
    assert files_of(out) == files_of(fresh_out)
    problems = load_site(root, TODAY)[1]  # what `xxgk check` says
    assert found(result) == [(p.code, p.path, p.line) for p in problems]


EDITS = {
    "body": (JINGZHI, "宣传车等方式", "宣传车（编辑）等方式"),
    "figure": (JINGZHI, "proactive_items: 228", "proactive_items: 229"),
    "title": (JINGZHI, "title: 景芝镇2019年", "title: 景芝镇二〇一九年"),
    "link to another report": (WUZHEN, "\n## ", "\n见[景芝镇报告](/townships/anqiu-jingzhi/2019/)。\n\n## "),
}


@pytest.mark.parametrize("kind", EDITS)
def test_edit_named_by_the_watcher_equals_a_rebuild_from_nothing(sample_root, tmp_path, kind):
    out = tmp_path / "out"
    result = edited(sample_root, out, *EDITS[kind])
    assert result.rendered
    assert_same_as_from_nothing(sample_root, result, out, tmp_path)


def test_body_edit_renders_the_report_page_alone(sample_root, tmp_path):
    result = edited(sample_root, tmp_path / "out", JINGZHI, "宣传车等方式", "宣传车（编辑）等方式")
    assert [r for r in result.rendered if not r.startswith("search/")] == ["townships/anqiu-jingzhi/2019/index.html"]


def test_other_reports_problems_survive_an_edit(sample_root, tmp_path):
    """Problems that need the whole site (a link to another report, a gap in a township's years,
    a content page) are the same after an edit as `xxgk check` finds."""
    replace_in(sample_root, WUZHEN, "\n## ", "\n见[景芝镇报告](/townships/anqiu-jingzhi/2019/)。\n\n## ")
    (sample_root / "content/pages/about.md").write_text(
        "---\ntitle: 关于\n---\n见[无此页](/no/such/page/)。\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    first, memo = first_build(sample_root, out)
    assert ("body.broken_link", "content/pages/about.md", 4) in found(first)
    replace_in(sample_root, WUZHEN, "乌镇发布", "乌镇发布（编辑）")
    result = rebuild(sample_root, out, memo, TODAY)
    assert found(result) == found(first)
    assert_same_as_from_nothing(sample_root, result, out, tmp_path)


def test_new_and_removed_files_are_found_by_listing_again(sample_root, tmp_path):
    out = tmp_path / "out"
    _, memo = first_build(sample_root, out)
    new = "content/townships/anqiu-jingzhi/2020.md"
    text = (sample_root / JINGZHI).read_text(encoding="utf-8")
    (sample_root / new).write_text(text.replace("year: 2019", "year: 2020").replace("2019年", "2020年"), "utf-8")
    added = rebuild(sample_root, out, memo, TODAY)
    assert "townships/anqiu-jingzhi/2020/index.html" in added.rendered
    assert_same_as_from_nothing(sample_root, added, out, tmp_path)
    (sample_root / WUZHEN).unlink()
    removed = rebuild(sample_root, out, memo, TODAY)
    assert not (out / "townships/tongxiang-wuzhen/2018/index.html").exists()
    assert not (out / "townships/tongxiang-wuzhen/2018").exists()
    assert_same_as_from_nothing(sample_root, removed, out, tmp_path)


def test_figure_edit_renders_its_own_countys_comparisons_only(sample_root, tmp_path):
    result = edited(sample_root, tmp_path / "out", JINGZHI, "proactive_items: 228", "proactive_items: 229")
    county_pages = {r for r in result.rendered if r.startswith("compare/figures/") and r.count("/") == 4}
    assert county_pages == {f"compare/figures/{name}/anqiu/index.html" for name in FIGURE_NAMES}
    assert "data/compare/figures/proactive_items.json" in result.rendered  # the site-wide view's data


def test_serve_publishes_what_build_publishes(sample_root, tmp_path):
    """Downloads and the search index included; the reload script is added when a page is
    served, not in the files."""
    served = tmp_path / "served"
    first_build(sample_root, served)
    assert build_site(sample_root, tmp_path / "built").ok
    assert files_of(served) == files_of(tmp_path / "built")
    assert any(rel.startswith("data/townships/") for rel in files_of(served))
    assert any(rel.startswith("search/index/") for rel in files_of(served))


def test_reader_notes_follow_an_edit(sample_root, tmp_path):
    """The report page says what the checks found (checks/reader_notes.py): fixing the text takes
    the note away; an edit to the report of the year before can give this one a note, though
    nothing this page shows of that report changed."""
    out = tmp_path / "out"
    page = out / "townships/anqiu-jingzhi/2019/index.html"
    _, memo = first_build(sample_root, out)
    prose = "2019年，收到公民申请公开政府信息"
    replace_in(sample_root, JINGZHI, f"{prose}0件", f"{prose}1件")
    fixed = rebuild(sample_root, out, memo, TODAY)
    assert "townships/anqiu-jingzhi/2019/index.html" in fixed.rendered
    assert "本报告正文与统计表数字不一致" not in page.read_text("utf-8")
    assert_same_as_from_nothing(sample_root, fixed, out, tmp_path)
    before = "content/townships/anqiu-jingzhi/2018.md"
    text = (sample_root / JINGZHI).read_text(encoding="utf-8").replace("year: 2019", "year: 2018")
    (sample_root / before).write_text(text.replace("2019年", "2018年"), "utf-8")
    added = rebuild(sample_root, out, memo, TODAY)
    assert "与2018年度报告完全相同" in page.read_text("utf-8")
    assert_same_as_from_nothing(sample_root, added, out, tmp_path)
    # 2018 carries one application forward, which 2019 does not carry over: 2019's table is noted
    replace_in(sample_root, before, "new: [1, 0, 0, 0, 0, 0, 1]", "new: [2, 0, 0, 0, 0, 0, 2]")
    replace_in(sample_root, before, "carried_forward: [0, 0, 0, 0, 0, 0, 0]", "carried_forward: [1, 0, 0, 0, 0, 0, 1]")
    changed = rebuild(sample_root, out, memo, TODAY)
    assert "townships/anqiu-jingzhi/2019/index.html" in changed.rendered
    assert "不衔接" in page.read_text("utf-8") and "完全相同" not in page.read_text("utf-8")
    assert_same_as_from_nothing(sample_root, changed, out, tmp_path)
