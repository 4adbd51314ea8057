"""Numbers that are no real figures (issue 17): `.nan`, `.inf`, `1.0e309`, 10^30 as a count,
integers of thousands of digits, fractions of a count, negative zero. Each is a problem at its
line, or (negative zero) plain zero; `report.json` is always strict JSON."""

from __future__ import annotations

import json

import pytest

from generator.content.quantities import MAX_COUNT, read_quantity
from tests.checking import F2021, REPORT, expect, f2021, minimal, problems_in, report
from tests.conftest import build_site

FRONT = "year: 2018\npublished: 2019-01-15\nfigures:\n"  # the figure is on line 5
NEW = "new: [5, 1, 0, 0, 0, 0, 6]"  # line 17 of the f2021 report


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (".nan", "figure.type"),
        (".NaN", "figure.type"),
        (".inf", "figure.range"),
        ("-.inf", "figure.range"),
        ("1.0e+309", "figure.range"),  # a float too large: infinity
        ("1.0e309", "figure.type"),  # YAML 1.1 wants the exponent's sign: this is text
        ("1000000000000000000000000000000", "figure.range"),  # 10^30
        (str(MAX_COUNT + 1), "figure.range"),
        ("12.5", "figure.type"),  # a count is whole
        ("-1", "figure.type"),
        ("-0.5", "figure.type"),
        ("true", "figure.type"),
    ],
)
def test_figure_that_is_no_real_count(tmp_path, value, code):
    root = minimal(tmp_path, {REPORT: report(FRONT + f"  proactive_items: {value}\n")})
    problem = expect(root, code, REPORT, 5)
    assert len(problem.message) < 200


@pytest.mark.parametrize(("value", "code"), [(".nan", "figure.type"), ("2.0e+12", "figure.range")])
def test_fees_that_are_no_real_amount(tmp_path, value, code):
    root = minimal(tmp_path, {REPORT: report(FRONT + f"  fees: {value}\n")})
    expect(root, code, REPORT, 5)


@pytest.mark.parametrize(
    ("new", "code"),
    [
        ("new: [5, 1, 0, 0, 0, 0, .nan]", "table.cell_type"),
        ("new: [5, 1, 0, 0, 0, 0, .inf]", "table.range"),
        ("new: [5, 1, 0, 0, 0, 0, 1.0e+309]", "table.range"),
        ("new: [5, 1, 0, 0, 0, 0, 1000000000000000000000000000000]", "table.range"),
        ("new: [5, 1, 0, 0, 0, 0, " + "9" * 5000 + "]", "table.range"),
        ("new: [5, 1, 0, 0, 0, 0, 0x" + "f" * 100 + "]", "table.range"),
    ],
)
def test_table_cell_that_is_no_real_count(tmp_path, new, code):
    root = f2021(tmp_path, (NEW, new))
    problem = expect(root, code, F2021, 17)
    assert problem.column > 0 and len(problem.message) < 300


def test_signed_and_money_cells_are_bounded_too(tmp_path):
    root = f2021(tmp_path, ("fees: [1.25]", "fees: [-.inf]"), ("normative: [2, 1, 5]", "normative: [2, 1, -1.0e+31]"))
    expect(root, "table.range", F2021, 15)
    expect(root, "table.range", F2021, 11)


def test_negative_zero_is_zero_in_the_published_data(tmp_path):
    root = f2021(tmp_path, ("fees: [1.25]", "fees: [-0.0]"), ("proactive_items: 150", "proactive_items: -0"))
    assert not [p for p in problems_in(root) if p.severity == "error"]
    result = build_site(root)
    assert result.ok, result.problems
    data = next(root.glob("site/**/demo-town/2021/report.json")).read_text("utf-8")
    json.loads(data, parse_constant=lambda name: pytest.fail(f"{name} in report.json"))
    assert "-0.0" not in data and ":-0" not in data.replace(" ", "")


def test_read_quantity_keeps_what_is_fine():
    assert read_quantity(3.0, "count").value == 3 and type(read_quantity(3.0, "count").value) is int
    assert read_quantity(-2, "signed_count").value == -2
    assert read_quantity(1.25, "money").value == 1.25
    assert str(read_quantity(-0.0, "money").value) == "0.0"
    assert read_quantity(float("nan"), "money").kind == "type"
    assert read_quantity(10**4000, "count").kind == "range"
