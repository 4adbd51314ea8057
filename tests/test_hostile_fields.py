"""Fields of absurd size (issue 17): a megabyte on one front-matter line is a problem at that line,
checked in bounded time, and no message quotes it whole."""

from __future__ import annotations

import pytest

from tests.checking import REPORT, expect, minimal, report
from tests.hostile import found, run

FRONT = "year: 2018\npublished: 2019-01-15\n"  # lines 2-3; what a case adds starts at line 4


@pytest.mark.parametrize(
    ("yaml_text", "code"),
    [
        ("title: " + "标" * 340_000 + "\n", "field.type"),  # a 1 MB single line
        ("organ: '" + "a" * 1_000_000 + "'\n", "field.type"),
        ("published: " + "2" * 1_000_000 + "\n", "date.format"),
        ("format: " + "f" * 1_000_000 + "\n", "field.type"),
    ],
)
def test_megabyte_field_is_reported_at_its_line(tmp_path, yaml_text, code):
    root = minimal(tmp_path, {REPORT: report(FRONT + yaml_text)})
    _, problems = run("check", root)
    assert found(problems, code, REPORT, 4), [p[:3] for p in problems]
    assert all(len(p[3]) < 3_000 for p in problems)


def test_year_as_a_megabyte_of_text(tmp_path):
    root = minimal(tmp_path, {REPORT: report("year: " + "x" * 1_000_000 + "\n")})
    assert len(expect(root, "field.type", REPORT, 2).message) < 200


def test_field_at_the_bound_is_fine(tmp_path):
    root = minimal(tmp_path, {REPORT: report(FRONT + "title: " + "标" * 2_000 + "\n")})
    _, problems = run("check", root)
    assert not [p for p in problems if p[0] == "field.type"]
