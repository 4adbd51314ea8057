"""The schema's 勾稽 rules, evaluated
generically: the rules are text in generator/schema/*.yaml, the messages quote them with the
numbers and name every cell by its official labels."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.model.problems import Problem
from generator.model.rules import Term, evaluate
from generator.model.schema import Rule, Schemas, Table
from generator.model.site import Report, TableValues

CODE_BY_BASIS = {
    "official": "table.sum",
    "implied": "table.sum",
    "cross_year": "table.cross_year",
    "plausibility": "table.plausibility",
}
_OP_ZH = {"==": "应等于", ">=": "应不小于", "<=": "应不大于"}


def table_problems(reports: tuple[Report, ...], schemas: Schemas) -> list[Problem]:
    """The 勾稽 rules of every table of `reports`, each against the report of the year before
    when `reports` has it (the rules that compare years)."""
    by_key = {r.key: r for r in reports}
    problems: list[Problem] = []
    for report in reports:
        prev = by_key.get((report.township, report.year - 1))
        for values in report.tables:
            table = schemas[values.format].table(values.id)
            if table is None:
                continue
            prev_values = next((t for t in prev.tables if t.id == values.id), None) if prev else None
            problems += check_table(report, table, values, prev_values)
    return problems


@dataclass(frozen=True)
class Binding:
    """One application of a rule: a row (each_row) or a column (each_column) of the table."""

    row: str | None  # the row id, for each_row
    column: int | None  # the column index, for each_column
    lookup: object  # Term → value or None


def check_table(report: Report, table: Table, values: TableValues, prev: TableValues | None) -> list[Problem]:
    problems = []
    for rule in table.rules:
        if rule.expr.uses_prev() and prev is None:
            continue
        for binding in _bindings(table, rule, values, prev):
            outcome = evaluate(rule.expr, binding.lookup)
            if outcome is None or outcome.holds:
                continue
            keys = _cell_keys(table, rule, binding, values)
            origin = report.origin
            problems.append(
                Problem(
                    report.path,
                    origin.line_of("tables", *keys) if origin else report.body_line,
                    CODE_BY_BASIS[rule.basis],
                    rule_message(table, rule, binding, outcome.left, outcome.right),
                    rule.severity,
                    origin.column_of("tables", *keys) if origin else 0,
                )
            )
    return problems


def _cell_keys(table: Table, rule: Rule, binding: Binding, values: TableValues) -> tuple:
    """The cell the message is about: the rule's first term, in the bound row or column."""
    first = rule.expr.left[0].value
    if binding.row is not None:
        columns = [c.id for c in table.columns_of(binding.row)]
        return (table.id, binding.row, columns.index(first)) if first in columns else (table.id, binding.row)
    row = first if first in values.rows else next(iter(values.rows), "")
    return (table.id, row, binding.column)


def show(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def rule_message(table: Table, rule: Rule, binding: Binding, left: float, right: float) -> str:
    names = _Names(table, binding)
    lead = rule.expr.left[0]
    if rule.message:
        terms = f"{_side(rule.expr.left, names, binding)} {rule.expr.op} {_side(rule.expr.right, names, binding)}"
        return f"{table.number}{names.subject()}：{rule.message}，请核对（规则 {rule.id}：{terms}）"
    if len(rule.expr.left) == 1 and lead.kind == "name" and lead.sign == 1 and rule.expr.op == "==":
        why = _kind_of_sum(rule)
        return (
            f"{table.number}{names.cell(lead.value)}应为 {show(right)}"
            f"（{why}：{_side(rule.expr.right, names, binding)}），实为 {show(left)}；"
            f"请核对这一格和{'各分项' if why != '与上年报告衔接' else '上年报告'}（规则 {rule.id}）"
        )
    return (
        f"{table.number}{names.subject()}不满足勾稽关系{rule.text}："
        f"{_side(rule.expr.left, names, binding)} = {show(left)}，{_OP_ZH[rule.expr.op]}"
        f" {_side(rule.expr.right, names, binding)} = {show(right)}；请核对这些格（规则 {rule.id}）"
    )


def _kind_of_sum(rule: Rule) -> str:
    terms = rule.expr.right
    if any(t.kind == "prev" for t in terms):
        return "与上年报告衔接"
    if all(t.sign == 1 and t.kind in ("name", "sum") for t in terms):
        return "本行各列之和" if rule.scope == "each_row" else "本列各分项之和"
    return "按勾稽关系"


def _side(terms: tuple[Term, ...], names: _Names, binding: Binding) -> str:
    parts = []
    for index, term in enumerate(terms):
        sign = "" if index == 0 and term.sign == 1 else ("- " if term.sign == -1 else "+ ")
        if term.kind == "int":
            parts.append(f"{sign}{term.value}")
            continue
        value = binding.lookup(term)  # type: ignore[operator]
        shown = "空白" if value is None else show(value)
        parts.append(f"{sign}{names.term(term)} {shown}")
    return " ".join(parts)


@dataclass(frozen=True)
class _Names:
    """Official labels for the terms of a rule bound to one row or column."""

    table: Table
    binding: Binding

    def row_label(self, row_id: str) -> str:
        for row in self.table.rows():
            if row.id == row_id:
                return row.label
        return next((node.label for node in _row_groups(self.table) if node.group == row_id), row_id)

    def column_label(self, column_id: str) -> str:
        """The column's own label, or its whole header path where the label alone is ambiguous
        (表三 has three 「总计」 columns)."""
        paths = column_paths(self.table)
        path = paths.get(column_id, (column_id,))
        same = [p for p in paths.values() if p[-1] == path[-1]]
        return "·".join(path) if len(same) > 1 else path[-1]

    def bound_column(self) -> str:
        columns = self.table.columns_of(self.table.rows()[0].id)
        return self.column_label(columns[self.binding.column].id)  # type: ignore[index]

    def subject(self) -> str:
        if self.binding.row is not None:
            row = next(r for r in self.table.rows() if r.id == self.binding.row)
            return "" if row.hidden_label else f"「{row.label}」行"
        return f"「{self.bound_column()}」列"

    def cell(self, name: str) -> str:
        if self.binding.row is not None:
            return f"{self.subject()}「{self.column_label(name)}」列"
        return f"「{self.row_label(name)}」行「{self.bound_column()}」列"

    def term(self, term: Term) -> str:
        label = self.column_label(term.value) if self.binding.row is not None else self.row_label(term.value)
        return f"上年「{label}」" if term.kind == "prev" else f"「{label}」"


def _row_groups(table: Table) -> Iterator:
    stack = list(table.row_tree)
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children)


def column_paths(table: Table) -> dict[str, tuple[str, ...]]:
    """Column id → its header labels from the top (blocks tables: just the label)."""
    if table.layout == "blocks":
        return {c.id: (c.label,) for block in table.blocks for c in block.columns}
    paths: dict[str, tuple[str, ...]] = {}

    def visit(node, above: tuple[str, ...]) -> None:
        if node.column:
            paths[node.column.id] = (*above, node.label)
        for child in node.children:
            visit(child, (*above, node.label))

    for node in table.header:
        visit(node, ())
    return paths


def _bindings(table: Table, rule: Rule, values: TableValues, prev: TableValues | None) -> Iterator[Binding]:
    """each_row: one binding per data row (names are columns); each_column: per column (names are rows)."""
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

            yield Binding(row.id, None, lookup)
        return
    for index in range(len(table.columns_of(table.rows()[0].id))):

        def lookup(term: Term, index=index) -> float | None:
            rows = prev.rows if (term.kind == "prev" and prev) else values.rows
            ids = groups.get(term.value, ()) if term.kind == "sum" else (term.value,)
            if any(i not in rows for i in ids):
                return None
            return sum(rows[i][index] or 0 for i in ids)

        yield Binding(None, index, lookup)
