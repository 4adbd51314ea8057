"""Broken bodies: garbled dates, leftovers, empty sections, raw HTML, broken internal links."""

from __future__ import annotations

import pytest

from generator.content.markup import new_converter, to_html
from tests.checking import REPORT, expect, f2021, minimal, problems_in, report

FRONT = "year: 2018\npublished: 2019-01-15\n"  # the body starts at line 5


@pytest.mark.parametrize(
    ("code", "text", "words"),
    [
        ("body.garbled_date", "现公布本镇二O一年政府信息公开工作年度报告。", "“二O一年”不完整"),
        ("body.garbled_date", "统计期限自20171月1日起。", "应为“2017年1月”"),
        ("body.garbled_date", "2019年2月30日召开会议。", "不是真实存在的日期"),
        ("body.leftover", "发布日期：2019-01-15 点击数：128", "点击计数"),
        ("body.leftover", "登录|注册", "登录|注册"),
        ("body.leftover", "正文[bookmark: _GoBack]正文", "书签"),
        ("body.html_removed", '<font color="red">重要</font>通知', "<font>"),
        ("body.html_removed", "<script>alert(1)</script>", "连同其中的内容"),
        ("body.html_removed", '<p style="color:red" onclick="x()">段落</p>', "style 属性"),
        ("body.broken_link", "见[上年报告](/townships/test-town/2017/)。", "/townships/test-town/2017/"),
        ("body.broken_link", "见[首页](../../../nowhere/)。", "nowhere"),
    ],
)
def test_body_line(tmp_path, code, text, words):
    root = minimal(tmp_path, {REPORT: report(FRONT, f"## 一、概述\n\n{text}\n")})
    expect(root, code, REPORT, 7, words)


def test_html_message_says_what_the_sanitiser_really_removes(tmp_path):
    line = '<font color="red">重要</font><p style="color:red">段落</p><script>alert(1)</script>'
    root = minimal(tmp_path, {REPORT: report(FRONT, f"{line}\n")})
    expect(root, "body.html_removed", REPORT, 5)
    html = to_html(new_converter(), line)
    assert "<font" not in html and "style=" not in html and "alert" not in html and "重要" in html


def test_links_that_resolve_are_not_reported(tmp_path):
    body = "[本镇](/townships/test-town/)、[本页](./)、[年度](../../../years/2018/)、[外链](https://example.org/x)\n"
    root = minimal(tmp_path, {REPORT: report(FRONT, body)})
    assert not [p for p in problems_in(root) if p.code == "body.broken_link"]


def test_empty_section(tmp_path):
    root = minimal(tmp_path, {REPORT: report(FRONT, "## 一、概述\n\n## 二、主动公开情况\n\n正文。\n")})
    assert "「一、概述」" in expect(root, "body.empty_section", REPORT, 5).message


def test_section_whose_table_is_given_is_not_empty(f2021_root):
    assert not [p for p in problems_in(f2021_root) if p.code == "body.empty_section"]


def test_section_whose_table_is_missing_is_empty(tmp_path):
    start = "  review:\n    cases: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n"
    root = f2021(tmp_path, (start, ""))
    expect(root, "body.empty_section", "content/townships/demo-town/2021.md", 51)
