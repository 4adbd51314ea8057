"""Broken fields: required, types, unknown names, dates, years, formats, townships, attachments, figures."""

from __future__ import annotations

import pytest

from tests.checking import F2021, REPORT, TOWNSHIP, expect, f2021, minimal, report

OTHER = "content/townships/other-town/township.yaml"


@pytest.mark.parametrize(
    ("code", "front", "line"),
    [
        ("field.required", "published: 2019-01-15\n", 1),
        ("field.type", "year: 二〇一八\n", 2),
        ("field.type", "year: 2018\ntitle: [一, 二]\n", 3),
        ("date.format", "year: 2018\npublished: 2019年1月15日\n", 3),
        ("date.invalid", "year: 2018\npublished: 2019-02-30\n", 3),
        ("date.future", "year: 2018\npublished: 2030-01-01\n", 3),
        ("date.before_year_end", "year: 2018\npublished: 2018-06-01\n", 3),
        ("date.year_end", "year: 2018\npublished: 2018-12-31\n", 3),
        ("report.year_mismatch", "year: 2017\npublished: 2019-01-15\n", 2),
        ("format.unknown", "year: 2018\nformat: f2020\n", 3),
        ("format.year_mismatch", "year: 2018\nformat: f2019\n", 3),
        ("attachment.missing", "year: 2018\nsource: 2018.pdf\n", 3),
        ("attachment.outside", "year: 2018\nsource: ../other-town/2018.pdf\n", 3),
        ("figure.unknown", "year: 2018\nfigures:\n  proactive: 12\n", 4),
        ("figure.type", "year: 2018\nfigures:\n  proactive_items: 十二条\n", 4),
        ("field.type", "year: 2018\nfigures: 12\n", 3),
    ],
)
def test_report_field(tmp_path, code, front, line):
    root = minimal(tmp_path, {REPORT: report(front)})
    expect(root, code, REPORT, line)


def test_unknown_field_suggests_the_right_one(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: 2018\npublshed: 2019-01-15\n")})
    assert "是否想写“published”" in expect(root, "field.unknown", REPORT, 3).message


def test_year_out_of_range(tmp_path):
    path = "content/townships/test-town/2005.md"
    root = minimal(tmp_path, {path: report("year: 2005\npublished: 2006-01-15\n")})
    expect(root, "year.range", path, 2)


def test_required_township_field(tmp_path):
    root = minimal(tmp_path, {TOWNSHIP: "name: 测试镇\ncounty: 测试县\ncity: 测试市\n"})
    assert "province" in expect(root, "field.required", TOWNSHIP, 1).message


def test_township_slug(tmp_path):
    yaml = "name: 甲镇\ncounty: 乙县\ncity: 丙市\nprovince: 丁省\n"
    root = minimal(tmp_path, {"content/townships/Test_Town/township.yaml": yaml})
    expect(root, "township.slug", "content/townships/Test_Town", 0)


def test_township_folder_without_yaml(tmp_path):
    root = minimal(tmp_path, {"content/townships/other-town/2018.md": report("year: 2018\n")})
    expect(root, "township.missing_yaml", "content/townships/other-town", 0)


def test_duplicate_township_name_and_county(tmp_path):
    root = minimal(tmp_path, {OTHER: "name: 测试镇\ncounty: 测试县\ncity: 测试市\nprovince: 测试省\n"})
    assert "other-town" in expect(root, "township.duplicate", TOWNSHIP, 1).message


def test_duplicate_township_code(tmp_path):
    code = "code: '370784103'\n"
    root = minimal(
        tmp_path,
        {
            TOWNSHIP: "name: 测试镇\ncounty: 测试县\ncity: 测试市\nprovince: 测试省\n" + code,
            OTHER: "name: 别的镇\ncounty: 测试县\ncity: 测试市\nprovince: 测试省\n" + code,
        },
    )
    expect(root, "township.duplicate", TOWNSHIP, 5)


def test_township_code_digits(tmp_path):
    root = minimal(tmp_path, {TOWNSHIP: "name: 测试镇\ncounty: 测试县\ncity: 测试市\nprovince: 测试省\ncode: '3707'\n"})
    expect(root, "township.code", TOWNSHIP, 5)


def test_page_name(tmp_path):
    path = "content/pages/years.md"
    root = minimal(tmp_path, {path: "---\ntitle: 年度\n---\n正文\n"})
    expect(root, "page.name", path, 2)


def test_figure_typed_twice(tmp_path):
    root = f2021(tmp_path, ("  proactive_items: 150\n", "  proactive_items: 150\n  applications_new: 6\n"))
    assert "表二" in expect(root, "figure.duplicate", F2021, 8).message
