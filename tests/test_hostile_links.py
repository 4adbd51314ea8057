"""Links to a missing #anchor or static file (issue 17): `check` finds them at the body line of
the link, from the anchors the renderer itself makes; before, they passed `check` and the build
failed with link.broken at line 0. What the check cannot see still fails the build, at the line."""

from __future__ import annotations

import pytest

from tests.checking import F2021, REPORT, expect, f2021, minimal, problems_in, report
from tests.conftest import build_site

FRONT = "year: 2018\npublished: 2019-01-15\n"  # the body starts at line 5
ABOUT = "content/pages/about.md"
BODY = "## 一、概述\n\n{}\n\n### 细节\n\n正文。\n"  # the link is on line 7


def _links(problems):
    return [(p.code, p.path, p.line) for p in problems if "link" in p.code]


@pytest.mark.parametrize(
    "link",
    [
        "[下文](#没有这一节)",
        "[图](/static/no-such.png)",
        "[样式](../../../static/no-such.css)",
        '<a href="#没有这一节">下文</a>',
        "[另一份](/townships/test-town/2018/#没有这一节)",
        "[关于](/about/#没有这一节)",
        '<img src=x alt="图">',  # raw HTML the sanitizer keeps: unquoted, single-quoted, upper case
        "<a href=nowhere/>下文</a>",
        "<IMG SRC='no-such.png'>",
    ],
)
def test_missing_anchor_or_static_file_is_found_at_the_link(tmp_path, link):
    files = {REPORT: report(FRONT, BODY.format(link)), ABOUT: "---\ntitle: 关于\n---\n## 联系\n\n电话。\n"}
    root = minimal(tmp_path, files)
    expect(root, "body.broken_link", REPORT, 7)
    result = build_site(root)
    assert not result.ok and _links(result.problems) == [("body.broken_link", REPORT, 7)]


@pytest.mark.parametrize(
    "link",
    [
        "[概述](#一概述)",
        "[细节](#细节)",
        "[概述](#%E4%B8%80%E6%A6%82%E8%BF%B0)",  # percent-encoded as a browser copies it
        "[正文](#main)",  # an id the template writes
        "[样式](/static/style.css)",
        "[联系](/about/#联系)",
        "[关于](/about/)",
        "[年度](/years/#coverage-title)",  # another kind of page: its ids are the build's to check
        "<a href=/about/>关于</a>",
        "<img src='/static/favicon.svg' alt=''>",
    ],
)
def test_anchors_and_files_that_exist_pass(tmp_path, link):
    files = {REPORT: report(FRONT, BODY.format(link)), ABOUT: "---\ntitle: 关于\n---\n## 联系\n\n电话。\n"}
    root = minimal(tmp_path, files)
    assert not _links(problems_in(root))
    assert build_site(root).ok


@pytest.mark.parametrize(
    "link",
    [
        "[表二](#t-applications)",  # a table
        "[表二](#t-applications-caption)",
        "[数字](#fig-proactive_items)",  # the key-figures list
        "[总体](#一总体情况)",
        "[带前缀](/portal/townships/demo-town/2021/#一总体情况)",  # copied from the address bar
        "[样式](/portal/static/style.css)",
    ],
)
def test_table_anchors_and_base_path_pass(tmp_path, link):
    root = f2021(tmp_path, ("本测试报告为虚构示例", f"{link}本测试报告为虚构示例"))
    assert not _links(problems_in(root))


def test_missing_anchor_with_the_base_path_is_found(tmp_path):
    link = "[带前缀](/portal/townships/demo-town/2021/#没有)"
    root = f2021(tmp_path, ("本测试报告为虚构示例", f"{link}本测试报告为虚构示例"))
    expect(root, "body.broken_link", F2021, 47)


def test_what_the_check_cannot_see_fails_the_build_at_the_line(tmp_path):
    """An id of another kind of page is the build's to check: its link.broken names the line now."""
    root = minimal(tmp_path, {REPORT: report(FRONT, BODY.format("[年度](/years/#没有这个位置)"))})
    assert not _links(problems_in(root))
    result = build_site(root)
    assert _links(result.problems) == [("link.broken", REPORT, 7)]
