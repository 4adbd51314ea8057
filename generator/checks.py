"""Checks across the assembled site: the schema's 勾稽 rules, within a report and across years."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Report, Site, TableValues
from generator.problems import Problem
from generator.rules import Term, evaluate
from generator.schema import Rule, Table

CODE_BY_BASIS = {
    "official": "table.sum",
    "implied": "table.sum",
    "cross_year": "table.cross_year",
    "plausibility": "table.plausibility",
}


def run_checks(site: Site) -> list[Problem]:
    previous = {r.key: r for r in site.reports}
    problems: list[Problem] = []
    for report in site.reports:
        prev = previous.get((report.township, report.year - 1))
        for values in report.tables:
            table = site.schemas[values.format].table(values.id)
            if table is None:
                continue
            prev_values = _same_table(prev, values.id) if prev else None
            problems += check_table(report, table, values, prev_values)
    return problems


def _same_table(report: Report, table_id: str) -> TableValues | None:
    return next((t for t in report.tables if t.id == table_id), None)


def check_table(report: Report, table: Table, values: TableValues, prev: TableValues | None) -> list[Problem]:
    problems = []
    for rule in table.rules:
        if rule.expr.uses_prev() and prev is None:
            continue
        for subject, lookup, keys in _bindings(table, rule, values, prev):
            outcome = evaluate(rule.expr, lookup)
            if outcome is None or outcome.holds:
                continue
            line = report.origin.line_of("tables", *keys) if report.origin else report.body_line
            problems.append(
                Problem(
                    report.path,
                    line,
                    CODE_BY_BASIS[rule.basis],
                    _message(table, rule, subject, outcome.left, outcome.right),
                    rule.severity,
                )
            )
    return problems


def _message(table: Table, rule: Rule, subject: str, left: float, right: float) -> str:
    def show(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)

    if rule.message:
        return f"{table.number}{subject}：{rule.message}（规则 {rule.id}：{rule.source}）"
    first = rule.expr.left[0]
    if len(rule.expr.left) == 1 and first.kind == "name" and rule.expr.op == "==":
        label = _label(table, first.value, rule.scope)
        return (
            f"{table.number}{subject}「{label}」应为 {show(right)}（{rule.source}），实为 {show(left)}"
            f"{'；' + rule.text if rule.text else ''}"
        )
    what = rule.text or rule.source
    return f"{table.number}{subject}不满足{what}：左边为 {show(left)}，右边为 {show(right)}（{rule.source}）"


def _label(table: Table, name: str, scope: str) -> str:
    if scope == "each_column":
        return next((r.label for r in table.rows() if r.id == name), name)
    for row in table.rows():
        for column in table.columns_of(row.id):
            if column.id == name:
                return column.label
    return name


def _bindings(table: Table, rule: Rule, values: TableValues, prev: TableValues | None) -> Iterator[tuple]:
    """For each_row rules: one binding per data row (IDENT = column); each_column: per column."""
    groups = table.groups()
    if rule.scope == "each_row":
        for row in table.rows():
            if (rule.rows and row.id not in rule.rows) or row.id not in values.rows:
                continue
            columns = [c.id for c in table.columns_of(row.id)]
            cells = dict(zip(columns, values.rows[row.id], strict=True))
            prev_cells = dict(zip(columns, prev.rows.get(row.id, ()), strict=False)) if prev else {}

            def lookup(term: Term, cells=cells, prev_cells=prev_cells) -> float | None:
                source = prev_cells if term.kind == "prev" else cells
                return (source.get(term.value) or 0) if term.value in source else None

            label = "" if row.hidden_label else f"「{row.label}」行"
            yield label, lookup, (table.id, row.id)
    else:
        columns = [c for c in table.columns_of(table.rows()[0].id)]
        for index, column in enumerate(columns):

            def lookup(term: Term, index=index) -> float | None:
                rows = prev.rows if (term.kind == "prev" and prev) else values.rows
                ids = groups.get(term.value, ()) if term.kind == "sum" else (term.value,)
                if any(i not in rows for i in ids):
                    return None
                return sum(rows[i][index] or 0 for i in ids)

            first_row = rule.expr.left[0].value
            yield f"「{column.label}」列", lookup, (table.id, first_row if first_row in values.rows else "", index)
