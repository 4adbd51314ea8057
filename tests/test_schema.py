"""The schema files: the official cell counts, the rule grammar, the derived figures."""

import pytest

from generator.model.rules import RuleSyntaxError, evaluate, parse_rule
from generator.model.schema import format_for_year, load_schemas


@pytest.fixture(scope="module")
def schemas():
    return load_schemas()


def cells(table):
    return sum(len(table.columns_of(row.id)) for row in table.rows())


def test_official_cell_counts(schemas):
    f2019, f2021 = schemas["f2019"], schemas["f2021"]
    assert [cells(t) for t in f2019.tables] == [22, 161, 15]
    assert [cells(t) for t in f2021.tables] == [10, 175, 15]
    assert len(f2019.table("applications").rows()) == 23
    assert len(f2021.table("applications").rows()) == 25


def test_formats_by_year(schemas):
    assert format_for_year(schemas, 2013).id == "pre2019"
    assert format_for_year(schemas, 2019).id == "f2019"
    assert format_for_year(schemas, 2020).id == "f2019"
    assert format_for_year(schemas, 2024).id == "f2021"


def test_review_table_is_inherited_identically(schemas):
    assert schemas["f2019"].table("review") == schemas["f2021"].table("review")


def test_labels_keep_official_punctuation(schemas):
    labels = [row.label for row in schemas["f2021"].table("applications").rows()]
    assert "3.危及“三安全一稳定”" in labels
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in labels


def test_rule_grammar():
    expr = parse_rule("total_handled == granted + sum(denied) - other + 2")
    values = {"total_handled": 5, "granted": 2, "denied": 2, "other": 1}
    outcome = evaluate(expr, lambda term: values[term.value])
    assert outcome.holds is True and outcome.left == 5
    assert evaluate(expr, lambda term: None) is None
    for bad in ["a ==", "== b", "a b == c", "a == b == c", "__import__('os') == 1", "a * b == c"]:
        with pytest.raises(RuleSyntaxError):
            parse_rule(bad)


def test_every_rule_names_only_known_ids(schemas):
    for fmt in schemas.values():
        for table in fmt.tables:
            row_ids = {r.id for r in table.rows()} | set(table.groups())
            column_ids = {c.id for r in table.rows() for c in table.columns_of(r.id)}
            for rule in table.rules:
                known = column_ids if rule.scope == "each_row" else row_ids
                assert rule.expr.names() <= known, (fmt.id, rule.id)
