"""Hostile YAML (issue 17): alias bombs, recursive aliases, complex and huge keys, deep nesting,
huge integers, tags, second documents. Each is a problem at its line; none hangs or raises."""

from __future__ import annotations

import pytest

from tests.checking import REPORT, TOWNSHIP, expect, minimal, problems_in, report
from tests.hostile import found, run

SITE = "content/site.yaml"
FRONT = "year: 2018\npublished: 2019-01-15\n"  # lines 2-3; what a case adds starts at line 4


def _bomb(levels: int = 9) -> str:
    """The "billion laughs": each level is nine aliases of the one before."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_at_its_first_anchor_in_bounded_time(tmp_path):
    root = minimal(tmp_path, {REPORT: report(FRONT + _bomb())})
    _, problems = run("check", root)
    assert found(problems, "yaml.alias", REPORT, 4)  # &l0
    assert found(problems, "yaml.alias", REPORT, 5)  # &l1 and its *l0s


@pytest.mark.parametrize(
    ("yaml_text", "line"),
    [
        ("x: &a [*a]\n", 4),  # a recursive alias (RecursionError before)
        ("x: &a {b: *a}\n", 4),
        ("x: &a 1\ny: *a\n", 5),
        ("x: *undefined\n", 4),
        ("title: &t 标题\n", 4),  # an anchor alone, never used
    ],
)
def test_anchors_and_aliases_are_refused_at_their_line(tmp_path, yaml_text, line):
    root = minimal(tmp_path, {REPORT: report(FRONT + yaml_text)})
    expect(root, "yaml.alias", REPORT, line)


def test_alias_bomb_in_site_and_township_yaml(tmp_path):
    root = minimal(
        tmp_path,
        {
            SITE: "title: 测试站\nbase_url: /\n" + _bomb(),
            TOWNSHIP: "name: 测试镇\ncounty: 测试县\ncity: &c 测试市\nprovince: *c\n",
        },
    )
    _, problems = run("check", root)
    assert found(problems, "yaml.alias", SITE, 3)
    assert found(problems, "yaml.alias", TOWNSHIP, 3) and found(problems, "yaml.alias", TOWNSHIP, 4)


@pytest.mark.parametrize(
    ("yaml_text", "line"),
    [
        ("? [a, b]\n: 1\n", 4),  # TypeError: unhashable type before
        ("? {a: 1}\n: 1\n", 4),
        ("[a, b]: 1\n", 4),
        ("figures:\n  {a: 1}: 2\n", 5),
        ("x" * 300 + ": 1\n", 4),  # a key of 300 characters
    ],
)
def test_keys_that_are_no_names_are_refused(tmp_path, yaml_text, line):
    root = minimal(tmp_path, {REPORT: report(FRONT + yaml_text)})
    expect(root, "yaml.key", REPORT, line)


def test_very_long_key_is_not_quoted_whole(tmp_path):
    """YAML allows a plain key of at most 1,024 characters; a longer one is a syntax error."""
    root = minimal(tmp_path, {REPORT: report(FRONT + "k" * 100_000 + ": 1\n")})
    expect(root, "yaml.syntax", REPORT, 4, "冒号")
    assert all(len(p.message) < 500 for p in problems_in(root))


@pytest.mark.parametrize(
    "yaml_text",
    [
        "x: " + "[" * 50 + "]" * 50 + "\n",
        "x: " + "{a: " * 50 + "1" + "}" * 50 + "\n",
        "x: " + "[" * 200_000 + "\n",  # unclosed, deeper than libyaml's own limit of 1,000
        "x:\n" + "".join(" " * n + "- \n" for n in range(1, 60)),
        "x:\n" + "".join(" " * n + f"k{n}:\n" for n in range(1, 60)),
    ],
)
def test_deep_nesting_is_refused_at_the_first_level_too_deep(tmp_path, yaml_text):
    root = minimal(tmp_path, {REPORT: report(FRONT + yaml_text)})
    _, problems = run("check", root)
    depth = [p for p in problems if p[0] == "yaml.depth"]
    assert len(depth) == 1 and depth[0][1] == REPORT and depth[0][2] in (4, 5, 24, 25), problems
    assert not [p for p in problems if p[0] == "yaml.syntax"]


@pytest.mark.parametrize(
    ("value", "code", "line"),
    [
        ("9" * 5000, "figure.range", 5),  # ValueError: exceeds the limit for integer strings before
        ("-" + "9" * 5000, "figure.range", 5),
        ("0x" + "f" * 5000, "figure.range", 5),
        ("1" + ":1" * 100_000, "figure.range", 5),  # a YAML 1.1 sexagesimal integer, 200 KB long
        ("1_000_000_000_000", "figure.range", 5),
    ],
)
def test_huge_integers_are_out_of_range(tmp_path, value, code, line):
    root = minimal(tmp_path, {REPORT: report(FRONT + f"figures:\n  proactive_items: {value}\n")})
    _, problems = run("check", root)
    assert found(problems, code, REPORT, line), problems
    assert all(len(p[3]) < 500 for p in problems)


def test_huge_integer_as_year_and_in_a_table(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: " + "9" * 5000 + "\n")})
    expect(root, "field.type", REPORT, 2)


@pytest.mark.parametrize(
    ("yaml_text", "line"),
    [
        ("title: !!binary aGVsbG8=\n", 4),
        ("title: !!python/object:os.system ls\n", 4),
        ("title: !custom 标题\n", 4),
        ("figures: !!set {a, b}\n", 4),
        ("figures:\n  proactive_items: !!int 十二\n", 5),
        ("...\ntitle: 结束标记之后\n", 5),
    ],
)
def test_tags_and_second_documents_are_syntax_errors(tmp_path, yaml_text, line):
    root = minimal(tmp_path, {REPORT: report(FRONT + yaml_text)})
    expect(root, "yaml.syntax", REPORT, line)


def test_second_document_in_site_yaml(tmp_path):
    root = minimal(tmp_path, {SITE: "title: 测试站\nbase_url: /\n---\ntitle: 另一个\n"})
    expect(root, "yaml.syntax", SITE, 3, "第二份文档")


def test_core_tags_still_work(tmp_path):
    root = minimal(tmp_path, {REPORT: report(FRONT + 'title: !!str 2019\norgan: !!str "某镇"\n')})
    assert not [p for p in problems_in(root) if p.code.startswith("yaml.")]


@pytest.mark.parametrize(
    ("yaml_text", "line", "words"),
    [
        ("title: [a, b\norgan: x\nindex_no: 1\n", 4, "方括号"),  # reported on the next line before
        ("title: [a,\n  b,\n  c\norgan: x\n", 4, "第 7 行"),
        ("title: {a: 1\norgan: x\n", 4, "花括号"),
        ('title: "没有闭合\norgan: x\nindex_no: 1\n', 4, "引号"),
        ("title 少了冒号\norgan: x\n", 4, "冒号"),
    ],
)
def test_unclosed_brackets_and_quotes_are_reported_where_they_open(tmp_path, yaml_text, line, words):
    root = minimal(tmp_path, {REPORT: report(FRONT + yaml_text)})
    expect(root, "yaml.syntax", REPORT, line, words)


@pytest.mark.parametrize(
    ("yaml_text", "field"),
    [
        ("organ: no\n", "organ"),  # YAML 1.1: the boolean False
        ("index_no: 2020.10\n", "index_no"),  # the float 2020.1
        ("index_no: 0123\n", "index_no"),  # the octal 83
        ("index_no: 1_000\n", "index_no"),  # 1000
        ("title: 1:30\n", "title"),  # sexagesimal 90
        ("title: .inf\n", "title"),
        ("title: " + "9" * 5000 + "\n", "title"),
    ],
)
def test_text_fields_that_yaml_would_change_are_reported(tmp_path, yaml_text, field):
    root = minimal(tmp_path, {REPORT: report(FRONT + yaml_text)})
    assert "引号" in expect(root, "field.type", REPORT, 4).message
