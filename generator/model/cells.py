"""The standard tables as flat lists of cells, each with stable ids and its full Chinese label,
read from the schema: the one vocabulary of the downloads and the comparison pages."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.schema import Format, HeaderNode, RowNode, Schemas, Table
from generator.model.site import Cell, Report, TableValues

LABEL_JOIN = "／"  # joins a header path: 三、本年度办理结果／（三）不予公开／1.属于国家秘密


@dataclass(frozen=True)
class CellDef:
    format: str
    table: str
    row: str
    column: str
    row_label: str  # the full path of row labels, joined with LABEL_JOIN
    column_label: str
    type: str  # count | signed_count | money
    unit: str | None = None

    @property
    def id(self) -> str:
        """Unique within its table: `<row>.<column>`."""
        return f"{self.row}.{self.column}"

    @property
    def label(self) -> str:
        return f"{self.row_label}{LABEL_JOIN}{self.column_label}"


def table_cells(fmt: Format, table: Table) -> tuple[CellDef, ...]:
    """Every value cell of a table, in printed order (row by row, left to right)."""
    return fmt.cells[table.id]


def make_table_cells(fmt: Format, table: Table) -> tuple[CellDef, ...]:
    rows = _row_paths(table)
    columns = _column_paths(table)
    cells = []
    for row in table.rows():
        for column in table.columns_of(row.id or ""):
            cells.append(
                CellDef(
                    fmt.id,
                    table.id,
                    row.id or "",
                    column.id,
                    rows[row.id or ""],
                    columns.get(column.id, column.label),
                    column.type,
                    column.unit,
                )
            )
    return tuple(cells)


def report_cells(report: Report, schemas: Schemas) -> list[tuple[CellDef, Cell]]:
    """The report's table cells with their values (None: printed blank), in printed order."""
    return [pair for values in report.tables for pair in filled_cells(values, schemas)]


def filled_cells(values: TableValues, schemas: Schemas) -> list[tuple[CellDef, Cell]]:
    """One table's cells with their values, in printed order (rows left out are left out)."""
    fmt = schemas[values.format]
    table = fmt.table(values.id)
    if table is None:
        return []
    found = []
    positions: dict[str, int] = {}
    for cell in table_cells(fmt, table):
        index = positions.get(cell.row, 0)
        positions[cell.row] = index + 1
        row = values.rows.get(cell.row)
        if row is not None:
            found.append((cell, row[index]))
    return found


def _row_paths(table: Table) -> dict[str, str]:
    if table.layout == "blocks":
        return {row.id or "": row.label for block in table.blocks for row in block.rows}
    paths: dict[str, str] = {}

    def visit(node: RowNode, prefix: tuple[str, ...]) -> None:
        path = (*prefix, node.label)
        if node.id:
            paths[node.id] = LABEL_JOIN.join(path)
        for child in node.children:
            visit(child, path)

    for node in table.row_tree:
        visit(node, ())
    return paths


def _column_paths(table: Table) -> dict[str, str]:
    if table.layout == "blocks":
        return {}
    paths: dict[str, str] = {}

    def visit(node: HeaderNode, prefix: tuple[str, ...]) -> None:
        path = (*prefix, node.label)
        if node.column:
            paths[node.column.id] = LABEL_JOIN.join(path)
        for child in node.children:
            visit(child, path)

    for node in table.header:
        visit(node, ())
    return paths



def stated_cells(reports: tuple[Report, ...], table: tuple[str, str] | None = None) -> set[tuple[str, str, str, int]]:
    """(format, table, row, position) of every cell that some report fills with a number other
    than 0: the cells worth a comparison page (an all-zero matrix says no more than its picker).
    `table`: (format, table id) to look at that table alone."""
    found = set()
    for report in reports:
        for values in report.tables:
            if table and (values.format, values.id) != table:
                continue
            for row, cells in values.rows.items():
                for i, value in enumerate(cells):
                    if value:
                        found.add((values.format, values.id, row, i))
    return found


def compared_cells(fmt: Format, table: Table, stated: set[tuple[str, str, str, int]]) -> tuple[CellDef, ...]:
    """The cells of a table that get a comparison page."""
    chosen, positions = [], {}
    for cell in table_cells(fmt, table):
        index = positions.get(cell.row, 0)
        positions[cell.row] = index + 1
        if (fmt.id, table.id, cell.row, index) in stated:
            chosen.append(cell)
    return tuple(chosen)


def format_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:f}".rstrip("0").rstrip(".")
    return str(value)
