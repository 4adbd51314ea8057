"""The `tables:` front matter, checked cell by cell against the schema of its format."""

from __future__ import annotations

from generator.content.quantities import read_quantity
from generator.model.problems import Problem
from generator.model.schema import Column, Format, Schemas, Table
from generator.model.site import Cell, Figure, TableValues
from generator.model.source import Source


def read_tables(source: Source, schemas: Schemas, fmt_id: str) -> tuple[tuple[TableValues, ...], list[Problem]]:
    raw = source.meta.get("tables")
    if raw is None:
        return (), []
    problems: list[Problem] = []

    def problem(keys: tuple, code: str, message: str, severity: str = "error") -> None:
        problems.append(
            Problem(
                source.path, source.line_of("tables", *keys), code, message, severity, source.column_of("tables", *keys)
            )
        )

    fmt = schemas[fmt_id]
    if not isinstance(raw, dict):
        problem((), "field.type", "tables 下应按表分行：proactive:、applications:、review:")
        return (), problems
    if not fmt.tables:
        problem((), "table.not_in_format", f"{fmt.name}没有统一表格，请删去 tables，关键数字写在 figures 下")
        return (), problems
    tables = []
    for table_id, rows in raw.items():
        table_fmt, rows = _table_format(schemas, fmt, table_id, rows, problem)
        table = table_fmt.table(str(table_id))
        if table is None:
            problem(
                (table_id,),
                "table.unknown",
                f"{fmt.name}中没有“{table_id}”表，可用：{'、'.join(t.id for t in fmt.tables)}",
            )
        elif not isinstance(rows, dict):
            problem((table_id,), "field.type", f"{table.number}（{table_id}）下应每行一项：行名: [数字, …]")
        else:
            values = _read_rows(table, rows, problem)
            tables.append(TableValues(table.id, table_fmt.id, values, source.line_of("tables", table_id)))
    order = [t.id for t in fmt.tables]
    return tuple(sorted(tables, key=lambda t: order.index(t.id))), problems


def _table_format(schemas: Schemas, fmt: Format, table_id: object, rows: object, problem) -> tuple[Format, object]:
    """A table may be in another format than its report (report-formats.md §1: real reports mix
    them), declared by a `format:` line among its rows; returns that format and the rows."""
    if not isinstance(rows, dict) or "format" not in rows:
        return fmt, rows
    declared = str(rows["format"])
    rows = {k: v for k, v in rows.items() if k != "format"}
    keys = (table_id, "format")
    other = schemas.get(declared)
    if other is None:
        problem(keys, "format.unknown", f"没有“{declared}”这种格式，可选：{'、'.join(sorted(schemas))}")
        return fmt, rows
    if other.table(str(table_id)) is None:
        problem(keys, "table.unknown", f"{other.name}中没有“{table_id}”表，请删去这一行 format，按报告的格式填写")
        return fmt, rows
    if other.id != fmt.id:
        table = other.table(str(table_id))
        problem(
            keys,
            "table.format",
            f"{table.number}按{other.name}（{other.id}）填写，与报告的{fmt.name}（{fmt.id}）不同；"
            "请核对原件确实用了这种表格",
            "warning",
        )
    return other, rows


def _read_rows(table: Table, rows: dict, problem) -> dict[str, tuple[Cell, ...]]:
    known = {row.id: row for row in table.rows()}
    values: dict[str, tuple[Cell, ...]] = {}
    for row_id, cells in rows.items():
        if row_id not in known:
            problem(
                (table.id, row_id),
                "table.unknown_row",
                f"{table.number}中没有“{row_id}”这一行，请对照 xxgk new 生成的模板检查拼写",
            )
            continue
        label = known[row_id].label
        columns = table.columns_of(row_id)
        if not isinstance(cells, list):
            problem(
                (table.id, row_id),
                "table.cells",
                f"{table.number}「{label}」行应写成 [{', '.join('0' for _ in columns)}]（{len(columns)} 格）",
            )
            continue
        if len(cells) != len(columns):
            problem(
                (table.id, row_id),
                "table.cells",
                f"{table.number}「{label}」行应有 {len(columns)} 格（{'、'.join(c.label for c in columns)}），"
                f"实有 {len(cells)} 格",
            )
            continue
        values[row_id] = tuple(
            _cell(table, label, col, cell, (table.id, row_id, i), problem)
            for i, (col, cell) in enumerate(zip(columns, cells, strict=True))
        )
    for row in table.rows():
        if row.id not in rows:
            problem(
                (table.id,),
                "table.missing_row",
                f"{table.number}缺少「{row.label}」行，请补上 {row.id}: [...]（没有数据的格填 0）",
            )
    return values


_CELL_CODES = {"type": "table.cell_type", "range": "table.range", "negative": "table.negative"}


def _cell(table: Table, row_label: str, column: Column, cell: object, keys: tuple, problem) -> Cell:
    where = f"{table.number}「{row_label}」行「{column.label}」列"
    if cell is None:
        problem(keys, "table.blank", f"{where}为空白，按 0 计算", "notice")
        return None
    reading = read_quantity(cell, column.type)
    if reading.value is None:
        hint = "；没有数据请填 0" if reading.kind == "type" and not isinstance(cell, (int, float)) else ""
        problem(keys, _CELL_CODES[reading.kind], f"{where}{reading.reason}{hint}")
    return reading.value


def cell_value(tables: tuple[TableValues, ...], schemas: Schemas, table_id: str, row_id: str, column_id: str) -> Cell:
    """One cell by ids; None when the table, row or cell is absent or blank."""
    for values in tables:
        if values.id == table_id and row_id in values.rows:
            table = schemas[values.format].table(table_id)
            columns = [c.id for c in table.columns_of(row_id)] if table else []
            if column_id in columns:
                return values.rows[row_id][columns.index(column_id)]
    return None


def derive_figures(
    source: Source, schemas: Schemas, tables: tuple[TableValues, ...], typed: dict[str, Figure]
) -> tuple[dict[str, Figure], list[Problem]]:
    """Figures the tables hold are taken from them, never typed twice."""
    derived: dict[str, Figure] = {}
    problems: list[Problem] = []
    for values in tables:
        table = schemas[values.format].table(values.id)
        for name, cells in table.derives if table else ():
            parts = [cell_value(tables, schemas, values.id, *ref.split(".")) for ref in cells]
            if any(p is None for p in parts) and not all(r.split(".")[0] in values.rows for r in cells):
                continue
            derived[name] = Figure(name, sum(p or 0 for p in parts), "table", values.line)
            if name in typed:
                problems.append(
                    Problem(
                        source.path,
                        typed[name].line,
                        "figure.duplicate",
                        f"关键数字“{name}”已由{table.number}得出（{derived[name].value}），"
                        "请从 figures 中删去，避免同一数字录入两次",
                    )
                )
    return derived, problems
