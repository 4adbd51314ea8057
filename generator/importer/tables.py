"""Grids → the schema's tables, row by row, by their printed labels (never by position on the page).

A row label starts a row; the values after it fill the row's columns in printed order. A table with
no row labels (Table 3) takes the first all-number row after its header. A row whose number of cells
does not fit is left empty and reported: wrong data is worse than missing data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.grid import Grid
from generator.importer.labels import LabelIndex, norm
from generator.importer.values import is_value, read_cell
from generator.model.rules import evaluate
from generator.model.schema import Format, Table

GLYPHS = re.compile(r"^[\u4e00-\u9fff](?:[ \xa0\u3000]+[\u4e00-\u9fff]){2,}$")  # `结 结 其 尚 总`: header debris

MIN_ROW_SHARE = 0.5  # below this share of its rows found, a table is not imported at all

Cells = list  # list[int | float | None]


@dataclass
class TableResult:
    """What one format's labels find in the grids, per table id (a report may mix templates)."""

    format: str
    tables: dict[str, dict[str, Cells]] = field(default_factory=dict)
    filled: dict[str, int] = field(default_factory=dict)  # cells read from the source (printed blanks included)
    rows_found: dict[str, int] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)

    def warn(self, table_id: str, text: str) -> None:
        self.warnings.setdefault(table_id, []).append(text)


def map_tables(grids: list[Grid], fmt: Format, index: LabelIndex) -> TableResult:
    result = TableResult(fmt.id)
    found: dict[str, dict[str, Cells]] = {}
    for grid in grids:
        _walk(grid, fmt, index, found, result)
        for table in fmt.tables:
            if _rowless(table) and table.id not in found:
                _rowless_data(grid, table, index, found, result)
    for table in fmt.tables:
        rows = found.get(table.id)
        if rows:
            _complete(table, rows, result)
    return result


def _rowless(table: Table) -> bool:
    return all(row.hidden_label for row in table.rows())


def _tokens(grid: Grid) -> list[tuple[int, str]]:
    return [(r, text) for r, row in enumerate(grid.rows) for text in row]


def _walk(grid: Grid, fmt: Format, index: LabelIndex, found: dict, result: TableResult) -> None:
    tokens = _tokens(grid)
    i = 0
    while i < len(tokens):
        _, text = tokens[i]
        labels, how = index.lookup(text)
        rows = [lab for lab in labels if lab.kind == "row"]
        if rows:
            following = _following(tokens, i, grid.delimited, index)
            table = fmt.table(rows[0].table)
            cells = _unsqueezed(table, rows[0].row, following, result) if grid.form == "squeezed" else following
            _assign(table, rows[0].row, text, how, cells, found, result)
            i += 1 if grid.delimited else 1 + len(following)
            continue
        if not labels and not is_value(text) and not GLYPHS.match(text.strip()) and text.strip() not in result.unmapped:
            result.unmapped.append(text.strip())
        i += 1


def _following(tokens: list[tuple[int, str]], i: int, delimited: bool, index: LabelIndex) -> list[str]:
    """The cell texts after a row label: the rest of its row, or (one cell per line) the values after it."""
    row = tokens[i][0]
    if delimited:
        return [text for r, text in tokens[i + 1 :] if r == row]
    out = []
    for _, text in tokens[i + 1 :]:
        if not is_value(text) or index.lookup(text)[0]:
            break
        out.append(text)
    return out


def _assign(table: Table, row_id: str, text: str, how: str, cells: list[str], found: dict, result: TableResult) -> None:
    columns = table.columns_of(row_id)
    where = f"{table.number}「{text.strip()}」行"
    if how != "exact":
        result.warn(table.id, f"{where}按近似标签对应为「{_row_label(table, row_id)}」，请核对")
    # Empty positions around the values in '|' rows are spans: of the label (leading) or of a merged
    # value cell (trailing). Only as many are dropped as needed to fit the row.
    while len(cells) > len(columns) and not cells[0].strip(" \xa0\u3000"):
        cells = cells[1:]
    while len(cells) > len(columns) and not cells[-1].strip(" \xa0\u3000"):
        cells = cells[:-1]
    if row_id in found.get(table.id, {}):
        result.warn(table.id, f"{where}出现了不止一次，只取第一次的数字")
        return
    if len(cells) != len(columns):
        result.warn(
            table.id,
            f"{where}应有 {len(columns)} 格（{'、'.join(c.label for c in columns)}），原文有 {len(cells)} 格，"
            "无法确定各数字的位置，此行留空"
        )
        found.setdefault(table.id, {})[row_id] = [None] * len(columns)
        return
    values = []
    for column, cell in zip(columns, cells, strict=True):
        read = read_cell(cell, column)
        if read.note:
            result.warn(table.id, f"{where}「{column.label}」列{read.note}")
        values.append(read.value if read.ok else None)
        result.filled[table.id] = result.filled.get(table.id, 0) + read.ok
    found.setdefault(table.id, {})[row_id] = values
    result.rows_found[table.id] = result.rows_found.get(table.id, 0) + 1


def _unsqueezed(table: Table, row_id: str, cells: list[str], result: TableResult) -> list[str]:
    """A squeezed row's digits (`规章000`) one per cell, where that is certain: as many digits as the
    row has cells (so every cell holds one digit) and the table's own row rules (总计 = the sum of the
    others) hold. Anything else (`12037` for three cells, `13.5`) is left as it is: the row does not
    fit and stays empty."""
    columns = table.columns_of(row_id)
    if len(cells) != 1 or len(columns) < 2 or not re.fullmatch(r"\d+", cells[0].strip()):
        return cells
    digits = list(cells[0].strip())
    if len(digits) != len(columns):
        return cells
    values = {c.id: float(d) for c, d in zip(columns, digits, strict=True)}
    for rule in table.rules:
        if rule.scope != "each_row" or rule.basis not in ("official", "implied") or rule.expr.uses_prev():
            continue
        if rule.rows and row_id not in rule.rows:
            continue
        outcome = evaluate(rule.expr, lambda term: values.get(term.value))
        if outcome is not None and not outcome.holds:
            return cells
    where = f"{table.number}「{_row_label(table, row_id)}」行"
    result.warn(table.id, f"{where}的数字“{cells[0]}”连在一起，已按每格一位拆开，请核对原件")
    return digits


def _row_label(table: Table, row_id: str) -> str:
    return next(r.label for r in table.rows() if r.id == row_id)


def _rowless_data(grid: Grid, table: Table, index: LabelIndex, found: dict, result: TableResult) -> None:
    """Table 3: the data row is the first row of values after the last header label of its own."""
    own = {k for k, labs in index.labels.items() if labs and all(lab.table == table.id for lab in labs)}
    tokens = _tokens(grid)
    last = max((i for i, (_, text) in enumerate(tokens) if norm(text) in own), default=None)
    if last is None:
        return
    row = table.rows()[0]
    if grid.delimited:
        later = [r for r in grid.rows[tokens[last][0] + 1 :] if any(c.strip() for c in r)]
        if not later:
            return
        cells = list(later[0])
        while cells and not is_value(cells[0]):
            cells = cells[1:]  # a printed row label such as 件数
    else:
        cells = []
        for _, text in tokens[last + 1 :]:
            if not cells and (index.lookup(text)[0] or GLYPHS.match(text.strip())):
                continue  # header labels shared with other tables (总计), or a vertical header read across
            if not is_value(text):
                break
            if text.strip() or cells:
                cells.append(text)
    if not cells:
        return
    if grid.form == "squeezed":
        cells = _unsqueezed(table, row.id or "", cells, result)
    _assign(table, row.id or "", table.caption, "exact", cells, found, result)


def _complete(table: Table, rows: dict[str, Cells], result: TableResult) -> None:
    """A table in the front matter must be complete: rows not found are left blank, and said so."""
    leaves = table.rows()
    read = result.rows_found.get(table.id, 0)  # rows whose cells could be placed (not rows left empty)
    if read / len(leaves) < MIN_ROW_SHARE:
        result.warn(table.id, f"{table.number}只读出 {read}/{len(leaves)} 行，未导入此表，请手工录入")
        return
    for row in leaves:
        if row.id not in rows:
            rows[row.id] = [None] * len(table.columns_of(row.id or ""))
            result.warn(table.id, f"{table.number}缺少「{row.label}」行，已留空，请对照原件补录")
    result.tables[table.id] = {row.id: rows[row.id] for row in leaves if row.id}


def held_figures(fmt: Format, table_ids) -> set[str]:
    """The key figures the given tables hold (the site derives them; they are never typed twice)."""
    return {name for table in fmt.tables if table.id in table_ids for name, _ in table.derives}


def derive_figures(fmt: Format, tables: dict[str, dict[str, Cells]]) -> dict[str, int | float]:
    """The key figures a table holds, by the schema's `derives`. Only from cells that were read: an
    empty cell may be a row that could not be placed (left empty on import), so a figure that needs it
    is not derived (the checks count a printed blank as 0; an import cannot tell the two apart)."""
    figures: dict[str, int | float] = {}
    for table in fmt.tables:
        rows = tables.get(table.id)
        if not rows:
            continue
        for name, refs in table.derives:
            cells = []
            for ref in refs:
                row_id, column_id = ref.split(".")
                columns = [c.id for c in table.columns_of(row_id)]
                cells.append(rows[row_id][columns.index(column_id)])
            if all(cell is not None for cell in cells):
                figures[name] = sum(cells)
    return figures
