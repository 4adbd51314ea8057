"""Broken tables: rows, cells, types, and the schema's 勾稽 rules with messages that quote them."""

from __future__ import annotations

import pytest

from generator.engine.load import load_site
from tests.checking import F2021, F2021_TEXT, REPORT, expect, f2021, minimal, problems_in, report
from tests.conftest import TODAY

F2022 = "content/townships/demo-town/2022.md"


def test_table_in_a_format_without_tables(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: 2018\ntables:\n  applications:\n    new: [0]\n")})
    expect(root, "table.not_in_format", REPORT, 3)


def test_unknown_table(tmp_path):
    root = f2021(tmp_path, ("  review:\n", "  appeals:\n    cases: [0]\n  review:\n"))
    assert "proactive" in expect(root, "table.unknown", F2021, 42).message


def test_unknown_row(tmp_path):
    root = f2021(tmp_path, ("    granted:", "    grantd:"))
    expect(root, "table.unknown_row", F2021, 19)


def test_missing_row_names_it_by_its_official_label(tmp_path):
    root = f2021(tmp_path, ("    denied_secret: [0, 0, 0, 0, 0, 0, 0]\n", ""))
    assert "「1.属于国家秘密」" in expect(root, "table.missing_row", F2021, 16).message


@pytest.mark.parametrize(
    ("code", "old", "new", "line", "words"),
    [
        ("table.cells", "new: [5, 1, 0, 0, 0, 0, 6]", "new: [5, 1, 0, 0, 0, 6]", 17, "应有 7 格"),
        ("table.cells", "new: [5, 1, 0, 0, 0, 0, 6]", "new: 6", 17, "7 格"),
        ("table.cell_type", "new: [5, 1, 0, 0, 0, 0, 6]", "new: [5, 1, 0, 0, 0, 0, 六]", 17, "「总计」列应为数字"),
        ("table.cell_type", "new: [5, 1, 0, 0, 0, 0, 6]", "new: [5, 1, 0, 0, 0, 0, 6.5]", 17, "应为整数"),
        ("table.negative", "granted: [2, 1, 0, 0, 0, 0, 3]", "granted: [-2, 1, 0, 0, 0, 0, 3]", 19, "不能为负数"),
        ("table.blank", "partial: [1, 0, 0, 0, 0, 0, 1]", "partial: [1, null, 0, 0, 0, 0, 1]", 20, "按 0 计算"),
        ("table.plausibility", "regulations: [0, 0, 0]", "regulations: [1, 0, 1]", 10, "乡镇、街道不制定规章"),
    ],
)
def test_cell(tmp_path, code, old, new, line, words):
    root = f2021(tmp_path, (old, new))
    assert words in expect(root, code, F2021, line).message


def test_row_total_names_the_cell_and_quotes_the_rule(tmp_path):
    root = f2021(tmp_path, ("total_handled: [5, 1, 0, 0, 0, 0, 6]", "total_handled: [5, 2, 0, 0, 0, 0, 6]"))
    problem = expect(root, "table.sum", F2021, 40, "T2-I1")
    lead = "表二「（七）总计」行「总计」列应为 7（本行各列之和：「自然人」 5 + 「商业企业」 2"
    assert problem.message.startswith(lead)
    assert "实为 6" in problem.message and "T2-I1" in problem.message
    assert problem.column == 39  # the 总计 cell itself


def test_column_rule_names_row_group_sums(tmp_path):
    root = f2021(tmp_path, ("granted: [2, 1, 0, 0, 0, 0, 3]", "granted: [2, 0, 0, 0, 0, 0, 2]"))
    messages = [p.message for p in problems_in(root) if p.code == "table.sum" and p.line == 40]
    assert any(
        m.startswith("表二「（七）总计」行「商业企业」列应为 0（本列各分项之和：「（一）予以公开」 0")
        and "「（三）不予公开」 0" in m
        for m in messages
    ), messages


def test_official_column_rule(tmp_path):
    root = f2021(tmp_path, ("carried_forward: [1, 0, 0, 0, 0, 0, 1]", "carried_forward: [0, 0, 0, 0, 0, 0, 0]"))
    problem = expect(root, "table.sum", F2021, 17, "表二「总计」列不满足")
    assert "T2-O1" in problem.message and "本列数据的勾稽关系" in problem.message
    assert "数量」 1 = 7" in problem.message and "办理」 0 = 6" in problem.message


def test_review_totals_name_the_ambiguous_column_by_its_path(tmp_path):
    root = f2021(tmp_path, ("cases: [1, 0, 0, 0, 1,", "cases: [1, 0, 0, 0, 2,"))
    problem = expect(root, "table.sum", F2021, 43)
    assert problem.message.startswith("表三「行政复议·总计」列应为 1"), problem.message


def test_carried_over_must_match_last_years_carried_forward(tmp_path):
    next_year = (
        F2021_TEXT.replace("year: 2021", "year: 2022")
        .replace("published: 2022-01-20", "published: 2023-01-20")
        .replace("new: [5, 1, 0, 0, 0, 0, 6]", "new: [6, 1, 0, 0, 0, 0, 7]")
        .replace("carried_over: [1, 0, 0, 0, 0, 0, 1]", "carried_over: [0, 0, 0, 0, 0, 0, 0]")
    )
    root = f2021(tmp_path, extra={F2022: next_year})
    problem = expect(root, "table.cross_year", F2022, 18)
    assert "上年「四、结转下年度继续办理」 1" in problem.message



_F2019_PROACTIVE = """  proactive:
    format: f2019
    regulations: [0, 0, 0]
    normative: [2, 2, 15]
    licensing: [35, -3, 120]
    other_services: [0, 0, 0]
    penalty: [8, 0, 23]
    coercion: [1, 0, 0]
    fees: [3, 0]
    procurement: [4, 52.6]
"""


def _f2021_with_proactive(root, table: str):
    start = F2021_TEXT.index("  proactive:\n")
    end = F2021_TEXT.index("  applications:\n")
    return f2021(root, (F2021_TEXT[start:end], table))


def test_a_table_on_another_template_says_so_and_is_read_in_it(tmp_path):
    """A 2021 report whose Table 1 is printed on the 2019 template (report-formats §1)."""
    root = _f2021_with_proactive(tmp_path, _F2019_PROACTIVE)
    problems = [p for p in problems_in(root) if p.path == F2021 and p.severity == "error"]
    assert problems == []
    site, _ = load_site(root, TODAY)
    (report_,) = [r for r in site.reports if r.path == F2021]
    assert {t.id: t.format for t in report_.tables} == {
        "proactive": "f2019",
        "applications": "f2021",
        "review": "f2021",
    }


def test_a_table_format_that_has_no_such_table(tmp_path):
    root = _f2021_with_proactive(tmp_path, _F2019_PROACTIVE.replace("format: f2019", "format: pre2019"))
    assert "f2019、f2021" in expect(root, "table.format", F2021, 10).message
