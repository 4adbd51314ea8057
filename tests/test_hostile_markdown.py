"""Bodies the Markdown engine cannot render in bounded time (issue 17): `check` finds each one at
its line, and `build` stops there too, never meeting a RecursionError or a hang. Bodies just
within the bounds render quickly, whatever their shape."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.checks.body_limits import MAX_DEPTH, MAX_LINE, body_limits, depth_of
from tests.checking import REPORT, minimal, report
from tests.conftest import REPO
from tests.hostile import found, run

FRONT = "year: 2018\npublished: 2019-01-15\n"  # the body starts at line 5


@pytest.mark.parametrize(
    ("body", "code", "line"),
    [
        # the two: a list nested 300 deep, a line of 40,000 "["
        ("".join("    " * n + "- 项\n" for n in range(300)), "body.too_complex", 5 + MAX_DEPTH),
        ("正文。\n\n" + "[" * 40_000 + "\n", "body.long_line", 7),
        ("正文。\n\n" + "[" * 40_000 + "\n", "body.too_complex", 7),
        ("- " * 300 + "项\n", "body.too_complex", 5),  # lists nested on one line
        ("".join(">" * n + " 引\n" for n in range(1, 40)), "body.too_complex", 5 + MAX_DEPTH),
        ("> - " * 20 + "项\n", "body.too_complex", 5),
        ("*" * 3000 + "a" + "*" * 3000 + "\n", "body.too_complex", 5),  # RecursionError in emphasis
        ("![" * 10_000 + "\n", "body.long_line", 5),
        ("<![CDATA[" * 3000 + "\n", "body.too_complex", 5),
        ("<a" + " " * 20_000 + "\n", "body.long_line", 5),  # the cubic tag pattern of the check
        ("字" * 340_000 + "\n", "body.long_line", 5),  # a 1 MB single line
        ("a" * 1_500_000 + "\n", "body.long_line", 5),
        ("正文。\n\n" + "<a 属性\n" * 3000, "body.too_complex", 7),  # unclosed tags: each a scan to the end
        ("<ul><li>" * 3000 + "\n", "body.too_complex", 5),  # 6,000 tags nested
        ("## 节\n\n" * 600, "body.too_complex", 5 + 1000),
        ("[链接](/) " * 300 + "\n", "body.too_complex", 5),  # 600 marks in one paragraph
        (("[a] " * 200 + "\n\n") * 20, "body.too_complex", 5 + 2 * 12),  # over 5,000 in the 13th
    ],
)
def test_check_and_build_stop_at_the_line(tmp_path, body, code, line):
    root = minimal(tmp_path, {REPORT: report(FRONT, body)})
    _, problems = run("check", root)
    assert found(problems, code, REPORT, line), problems
    ok, built = run("build", root)
    assert ok is False and found(built, code, REPORT, line)


def test_real_bodies_are_far_within_the_bounds():
    for path in (REPO / "content").rglob("*.md"):
        assert body_limits(path.read_text("utf-8").split("\n---\n", 1)[-1]) == [], path


def test_depth_of_a_line():
    assert depth_of("- - - 项") == 3
    assert depth_of("        - 项") == 3
    assert depth_of("> > > 引") == 3
    assert depth_of("\t\t1. 项") == 3
    assert depth_of(" " * 80 + "景芝镇人民政府") == 0  # right-aligned text is no nesting
    assert depth_of("-不是列表") == 0


# Every shape at its bound: in a child process that must not raise and must finish in time.
AT_THE_BOUNDS = '''
from generator.checks.body_limits import body_limits
from generator.content.markup import new_converter, to_html

paragraphs = lambda block, n=10: "\\n\\n".join([block] * n)
bodies = {
    "[": paragraphs("[" * 500),
    "![": paragraphs("![" * 500),
    "[`": paragraphs("[`" * 250),
    "*a*": paragraphs("*" * 250 + "a" + "*" * 250),
    "**a**": paragraphs("**" * 125 + "a" + "**" * 125),
    "_a_": paragraphs("_" * 250 + "a" + "_" * 250),
    "*[": paragraphs("*[" * 250),
    "[a](": paragraphs("[a](" * 250),
    "list": "".join("    " * n + "- x\\n" for n in range(16)),
    "quote": "".join(">" * n + " x\\n" for n in range(1, 17)),
    "quote list": "> - " * 8 + "x\\n",
    "tags": "<ul><li>\\n" * 2499 + "x",
    "unclosed": "<a \\n" * 1100,
    "headings": "## a\\n\\n" * 500,
    "long lines": ("字" * 9999 + "\\n") * 150,
}
for name, body in bodies.items():
    assert body_limits(body) == [], (name, body_limits(body)[:1])
    to_html(new_converter(), body)
print("rendered", len(bodies))
'''


def test_bodies_at_the_bounds_render_in_bounded_time():
    done = subprocess.run(
        [sys.executable, "-c", AT_THE_BOUNDS], cwd=REPO, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0 and "rendered" in done.stdout, done.stderr[-3000:]


def test_line_bound_is_characters_not_bytes():
    assert body_limits("字" * MAX_LINE) == []
    assert [f[1] for f in body_limits("字" * (MAX_LINE + 1))] == ["body.long_line"]
