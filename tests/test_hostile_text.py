"""Invisible characters in content (issue 17): control characters, line separators other than
"\\n", bidirectional controls. Each is an error at its own line and column, whether typed raw or
spelled as a YAML escape, and none shifts the line numbers of what follows."""

from __future__ import annotations

import pytest

from generator.content.characters import scan_text
from tests.checking import REPORT, TOWNSHIP, expect, minimal, problems_in, report
from tests.hostile import found, run

FRONT = "year: 2018\npublished: 2019-01-15\n"  # lines 2-3; what a case adds starts at line 4
SITE = "content/site.yaml"


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x01", "text.control"),
        ("\x1b", "text.control"),
        ("\x7f", "text.control"),
        ("\x85", "text.control"),  # NEL: a line break to YAML
        ("\x9f", "text.control"),
        ("\u2028", "text.control"),
        ("\u2029", "text.control"),
        ("\ufeff", "text.control"),  # a BOM in the middle of the file
        ("\uffff", "text.control"),
        ("\r", "text.control"),  # a lone carriage return: a line break to YAML
        ("\u202e", "text.bidi"),
        ("\u202a", "text.bidi"),
        ("\u2066", "text.bidi"),
        ("\u2069", "text.bidi"),
        ("\u200f", "text.bidi"),
    ],
)
def test_raw_character_in_a_title_is_reported_at_its_column_and_later_lines_stay_right(tmp_path, char, code):
    front = FRONT + f"title: 测试{char}报告\norgan: 某镇\nnot_a_field: 1\n"
    root = minimal(tmp_path, {REPORT: report(front)})
    assert expect(root, code, REPORT, 4).column == 10
    expect(root, "field.unknown", REPORT, 6)  # not shifted by a line break that YAML saw


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\x01", "text.control"),
        ("\\0", "text.control"),
        ("\\e", "text.control"),
        ("\\r", "text.control"),
        ("\\N", "text.control"),  # NEL
        ("\\L", "text.control"),  # U+2028
        ("\\P", "text.control"),  # U+2029
        ("\\uFFFE", "text.control"),
        ("\\u202E", "text.bidi"),
        ("\\u2067", "text.bidi"),
    ],
)
def test_escaped_character_in_a_quoted_value_is_reported_at_its_line(tmp_path, escape, code):
    front = FRONT + f'title: "测试{escape}报告"\norgan: 某镇\nnot_a_field: 1\n'
    root = minimal(tmp_path, {REPORT: report(front)})
    expect(root, code, REPORT, 4)
    expect(root, "field.unknown", REPORT, 6)


def test_escaped_lone_surrogate_is_refused_by_the_parser(tmp_path):
    """Not even UTF-8: libyaml refuses it (the pure-Python parser does not: then text.control)."""
    root = minimal(tmp_path, {REPORT: report(FRONT + 'title: "测试\\ud800报告"\n')})
    expect(root, "yaml.syntax", REPORT, 4, "\\u")


def test_nul_byte_early_is_a_binary_file_and_later_a_control_character(tmp_path):
    root = minimal(tmp_path, {REPORT: report(FRONT + "title: 测试\x00报告\n")})
    expect(root, "file.binary", REPORT, 0)
    root = minimal(tmp_path / "later", {REPORT: report(FRONT, "正文。\n" * 2000 + "又\x00一行\n")})
    expect(root, "text.control", REPORT, 2005)


def test_quoted_title_with_a_line_separator_keeps_later_lines(tmp_path):
    """The case of the issue: U+2028 inside a quoted title shifted every later line by one."""
    front = FRONT + 'title: "一\u2028二\u0085三"\norgan: 某镇\nnot_a_field: 1\n'
    root = minimal(tmp_path, {REPORT: report(front)})
    expect(root, "text.control", REPORT, 4)
    expect(root, "field.unknown", REPORT, 6)


def test_characters_in_the_body_township_and_site_files(tmp_path):
    body = "## 一、概述\n\n正文\x08。\n\n见附件\u202egpj.exe。\n"
    root = minimal(
        tmp_path,
        {
            REPORT: report(FRONT, body),
            TOWNSHIP: "name: 测试镇\u202d\ncounty: 测试县\ncity: 测试市\nprovince: 测试省\n",
            SITE: "title: 测试\x0c站\nbase_url: /\n",
        },
    )
    expect(root, "text.control", REPORT, 7)
    expect(root, "text.bidi", REPORT, 9)
    expect(root, "text.bidi", TOWNSHIP, 1)
    expect(root, "text.control", SITE, 1)


def test_attachment_name_with_a_direction_override(tmp_path):
    root = minimal(tmp_path, {REPORT: report(FRONT + "source: \"2018\\u202Efdp.docx\"\n")})
    expect(root, "text.bidi", REPORT, 4)


def test_one_problem_per_line_and_a_bound_per_file(tmp_path):
    text, problems = scan_text("x.md", "a\x01\x01b\u202e\n" + "\x02\n" * 1000)
    assert text.count("\ufffd") == 1003 and "\x01" not in text
    assert [(p.line, p.code) for p in problems[:2]] == [(1, "text.control"), (2, "text.control")]
    assert "共 2 个" in problems[0].message
    assert len([p for p in problems if p.code == "text.control"]) == 20
    assert "还有 981 行" in problems[19].message
    assert [(p.line, p.column) for p in problems if p.code == "text.bidi"] == [(1, 5)]


def test_crlf_line_endings_are_fine(tmp_path):
    text = report(FRONT + "title: 标题\n").replace("\n", "\r\n")
    root = minimal(tmp_path, {REPORT: text})
    assert not [p for p in problems_in(root) if p.code.startswith(("text.", "yaml."))]


def test_binary_junk_is_reported_quickly_and_boundedly(tmp_path):
    """A megabyte of control characters in one line and over many lines: a few problems, no hang."""
    junk = "".join(chr(c) for c in range(1, 32) if c not in (9, 10, 13)) * 35_000
    root = minimal(tmp_path, {REPORT: report(FRONT + f"title: {junk}\n", junk + "\n" + "\x01\n" * 50_000)})
    _, problems = run("check", root)
    assert found(problems, "text.control", REPORT, 4)
    assert len(problems) < 100
