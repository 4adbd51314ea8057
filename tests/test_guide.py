"""The editors' guide: its table of problem codes is generated from the catalogue, at an explicit
marker line, and content is never evaluated."""

from __future__ import annotations

from generator.content.markup import new_converter, to_html
from generator.model.codes import CODES, ProblemCode
from generator.model.problems import ERROR, NOTICE, WARNING
from generator.pages.guide import MARKER, expand_generated
from tests.conftest import REPO, build_site

CODES_FOR_TEST = (
    ProblemCode("z.notice", NOTICE, "表格", "提示项", "仅供参考"),
    ProblemCode("b.error", ERROR, "文件", "错误项", "左 | 右，<b>不是标签</b>"),
    ProblemCode("a.warning", WARNING, "字段", "警告项", "请核对\n原件"),
)


def test_the_marker_line_becomes_tables_errors_first():
    body = f"前言\n\n{MARKER}\n\n后记"
    text = expand_generated(body, CODES_FOR_TEST)
    lines = text.splitlines()
    assert MARKER not in text
    headings = [line for line in lines if line.startswith("### ")]
    assert headings == ["### 错误：检查不通过，必须改正", "### 警告：请核对", "### 提示：仅供参考"]
    rows = [line for line in lines if line.startswith("| `")]
    assert [row.split("|")[1].strip() for row in rows] == ["`b.error`", "`a.warning`", "`z.notice`"]
    assert "左 \\| 右，&lt;b>不是标签&lt;/b>" in rows[0]
    assert "请核对 原件" in rows[1]
    assert lines[0] == "前言" and lines[-1] == "后记"


def test_catalogue_text_is_shown_as_written_never_as_markup():
    codes = (ProblemCode("body.html", WARNING, "正文", "正文含 HTML", "请改用 **加粗**、[文字](链接)、a_b、`x` | <i>"),)
    converter = new_converter()
    html = to_html(converter, expand_generated(MARKER, codes))
    assert "请改用 **加粗**、[文字](链接)、a_b、`x` | &lt;i&gt;" in html
    assert "<a " not in html and "<strong>" not in html


def test_only_a_line_that_is_exactly_the_marker_is_replaced():
    body = f"正文里提到 `{MARKER}` 不会被替换。\n\n{{{{ problem_codes }}}} {{% if x %}}"
    assert expand_generated(body, CODES_FOR_TEST) == body


def test_the_published_guide_lists_every_problem_code(sample_root):
    help_md = (REPO / "content" / "pages" / "help.md").read_text(encoding="utf-8")
    assert help_md.splitlines().count(MARKER) == 1
    assert build_site(sample_root).ok
    html = (sample_root / "site" / "help" / "index.html").read_text(encoding="utf-8")
    assert CODES, "the catalogue of problem codes is empty"
    for code in CODES.values():
        assert f"<td><code>{code.code}</code></td>" in html
    assert MARKER not in html
    assert "<h1>编辑指南</h1>" in html


def test_readme_links_the_guide():
    assert "(content/pages/help.md)" in (REPO / "README.md").read_text(encoding="utf-8")
