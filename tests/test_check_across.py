"""Across reports and prose against tables: copy-paste, year gaps, figures stated twice differently."""

from __future__ import annotations

from generator.checks.prose_figures import extract_matches
from tests.checking import REPORT, expect, minimal, problems_in, report
from tests.conftest import build_site

R2016 = "content/townships/test-town/2016.md"
R2017 = "content/townships/test-town/2017.md"
FRONT_2017 = "year: 2017\npublished: 2018-01-15\nfigures:\n  proactive_items: 12\n"


def test_report_identical_to_last_year(tmp_path):
    root = minimal(tmp_path, {R2017: report(FRONT_2017)})
    assert "2017" in expect(root, "report.copy_paste", REPORT, 4).message


def test_all_zero_figures_may_repeat(tmp_path):
    zero = "figures:\n  proactive_items: 0\n"
    root = minimal(
        tmp_path,
        {
            R2017: report(f"year: 2017\npublished: 2018-01-15\n{zero}"),
            REPORT: report(f"year: 2018\npublished: 2019-01-15\n{zero}"),
        },
    )
    assert not [p for p in problems_in(root) if p.code == "report.copy_paste"]


def test_year_gap_is_a_notice_and_shown_on_the_year_page(tmp_path):
    other = "content/townships/other-town/"
    root = minimal(
        tmp_path,
        {
            R2016: report("year: 2016\npublished: 2017-01-15\n"),
            f"{other}township.yaml": "name: 别的镇\ncounty: 测试县\ncity: 测试市\nprovince: 测试省\n",
            f"{other}2017.md": report("year: 2017\npublished: 2018-01-15\n"),
        },
    )
    assert "2017" in expect(root, "report.year_gap", REPORT, 2).message
    result = build_site(root)
    assert result.ok
    page = (root / "site/years/2017/index.html").read_text(encoding="utf-8")
    assert "缺报" in page


def test_prose_disagrees_with_figures(tmp_path):
    body = "## 一、概述\n\n全年主动公开政府信息13条。\n"
    front = "year: 2018\npublished: 2019-01-15\nfigures:\n  proactive_items: 12\n"
    root = minimal(tmp_path, {REPORT: report(front, body)})
    problem = expect(root, "prose.figure_mismatch", REPORT, 9)
    assert "13" in problem.message and "第 5 行" in problem.message


def test_sample_jingzhi_2019_prose_says_0_applications_table_says_1(sample_root):
    path = "content/townships/anqiu-jingzhi/2019.md"
    problem = expect(sample_root, "prose.figure_mismatch", path, 62)
    assert "收到公民申请公开政府信息0件" in problem.message
    assert "表二「一、本年新收政府信息公开申请数量」行「总计」列（第 25 行）为 1" in problem.message


def test_prose_figures_are_a_public_function():
    text = (
        "2019年，通过网站主动公开政府信息\n228条。\n\n"
        "收到公民申请公开政府信息０件。\n\n"
        "全年未发生行政复议和行政诉讼，没有收取任何费用。\n"
        "| 主动公开 | 5条 |\n"
    )
    assert [(m.name, m.value, m.line) for m in extract_matches(text, 10)] == [
        ("proactive_items", 228, 10),
        ("applications_new", 0, 13),
        ("fees", 0, 15),
        ("lawsuits_total", 0, 15),
        ("reviews_total", 0, 15),
    ]
    assert extract_matches("收取费用1.5万元", 1)[0].value == 15000


def test_prose_negations_that_are_not_zeros():
    assert extract_matches("未经复议直接起诉的案件另行统计。我镇未收到提案建议。") == []


def test_a_part_beside_the_total_is_not_a_mismatch(tmp_path):
    """Only the best-priority statements are compared: "通过微信…8条" is a part of the 12."""
    body = "## 二、主动公开情况\n\n全年累计主动公开政府信息12条。通过微信主动公开8条。\n"
    front = "year: 2018\npublished: 2019-01-15\nfigures:\n  proactive_items: 12\n"
    root = minimal(tmp_path, {REPORT: report(front, body)})
    assert not [p for p in problems_in(root) if p.code == "prose.figure_mismatch"]
    root = minimal(tmp_path, {REPORT: report(front.replace("12", "13"), body)})
    assert "累计主动公开政府信息12条" in expect(root, "prose.figure_mismatch", REPORT, 9).message


def test_prose_in_chinese_numerals_and_organ_fees(tmp_path):
    body = "## 三、依申请公开情况\n\n收到政府信息公开申请三件。本年行政事业性收费1.25万元。\n"
    front = "year: 2018\npublished: 2019-01-15\nfigures:\n  applications_new: 2\n  fees: 0\n"
    root = minimal(tmp_path, {REPORT: report(front, body)})
    (problem,) = [p for p in problems_in(root) if p.code == "prose.figure_mismatch"]
    assert (problem.path, problem.line) == (REPORT, 10) and "申请三件" in problem.message
