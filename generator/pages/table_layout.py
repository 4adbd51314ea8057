"""A standard table as a grid of cells with rowspan/colspan and header ids, derived from the
schema's trees (never hand-placed), ready for one generic template macro."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from generator.model.cells import format_cell
from generator.model.schema import HeaderNode, RowNode, Table
from generator.model.site import Cell, TableValues


@dataclass(frozen=True)
class GridCell:
    text: str
    header: bool = False
    colspan: int = 1
    rowspan: int = 1
    id: str = ""
    scope: str = ""
    headers: str = ""
    numeric: bool = False
    blank: bool = False
    hidden: bool = False  # present for screen readers only
    sticky: int = 0  # a row-label column (1 = leftmost) that stays in view while wide tables scroll


@dataclass(frozen=True)
class Grid:
    id: str
    number: str
    caption: str
    note: str
    head: tuple[tuple[GridCell, ...], ...]
    bodies: tuple[tuple[tuple[GridCell, ...], ...], ...]  # one <tbody> each

    @property
    def caption_id(self) -> str:
        return f"{self.id}-caption"

    @property
    def ids(self) -> frozenset[str]:
        """Every id the table macro writes for this grid: a link may point at any of them."""
        cells = (c.id for rows in (self.head, *self.bodies) for row in rows for c in row if c.id)
        return frozenset({self.id, self.caption_id, *cells})

    @property
    def sections(self) -> tuple[tuple[str, tuple[tuple[GridCell, ...], ...]], ...]:
        """("thead", rows) and ("tbody", rows) in order, so that one loop writes every cell."""
        head = (("thead", self.head),) if self.head else ()
        return head + tuple(("tbody", body) for body in self.bodies)


def table_grid(table: Table, values: TableValues) -> Grid:
    prefix = f"t-{table.id}"
    if table.layout == "blocks":
        bodies = tuple(_block(prefix, table, b, values) for b in table.blocks)
        return _short_ids(Grid(prefix, table.number, table.caption, "", (), bodies), table.id[:2])
    head, leaf_ids = _grid_head(prefix, table)
    body = _Body(prefix, max(node.depth() for node in table.row_tree), values, leaf_ids)
    rows = tuple(row for node in table.row_tree for row in _grid_rows(body, node, 1, (), ()))
    return _short_ids(Grid(prefix, table.number, table.caption, table.corner_note, head, (tuple(rows),)), table.id[:2])


def _short_ids(grid: Grid, short: str) -> Grid:
    """The header cells' ids as short as they can be (`ap12`): every value cell names three to five
    of them in its `headers`, and a report page's three tables were most of its bytes. The table's
    own id (`t-applications`), which links point at, stays."""
    cells = (c for rows in (grid.head, *grid.bodies) for row in rows for c in row)
    names = {c.id: f"{short}{n}" for n, c in enumerate(c for c in cells if c.id)}

    def renamed(cell: GridCell) -> GridCell:
        if not cell.id and not cell.headers:
            return cell
        headers = " ".join([names[h] for h in cell.headers.split()]) if cell.headers else ""
        # positional, not dataclasses.replace: this runs for every cell of every table (~7% of a build)
        return GridCell(cell.text, cell.header, cell.colspan, cell.rowspan, names.get(cell.id, ""), cell.scope,
                        headers, cell.numeric, cell.blank, cell.hidden, cell.sticky)  # fmt: skip

    def rows_of(rows):
        return tuple(tuple(renamed(c) for c in row) for row in rows)

    return replace(grid, head=rows_of(grid.head), bodies=tuple(rows_of(body) for body in grid.bodies))


def _value_cell(value: Cell, headers: str) -> GridCell:
    return GridCell(format_cell(value), headers=headers, numeric=True, blank=value is None)


def _block(prefix: str, table: Table, block, values: TableValues) -> tuple[tuple[GridCell, ...], ...]:
    width = table.value_columns
    title_id = f"{prefix}-{block.id}"
    rows = [(GridCell(block.title, header=True, colspan=width + 1, id=title_id, scope="colgroup"),)]
    label_id = f"{title_id}-label"
    header = [GridCell(table.header_label, header=True, id=label_id, scope="col", sticky=1)]
    used = 0
    for n, column in enumerate(block.columns):
        span = column.span if n < len(block.columns) - 1 else width - used
        used += column.span
        header.append(GridCell(column.label, header=True, colspan=span, id=f"{title_id}-{column.id}", scope="col"))
    rows.append(tuple(header))
    for row in block.rows:
        row_id = f"{prefix}-{row.id}"
        cells = [GridCell(row.label, header=True, id=row_id, scope="row", sticky=1)]
        data = values.rows.get(row.id, (None,) * len(block.columns))
        for n, (column, value) in enumerate(zip(block.columns, data, strict=True)):
            last = n == len(block.columns) - 1
            cell = _value_cell(value, f"{title_id} {title_id}-{column.id} {row_id}")
            cells.append(GridCell(**{**cell.__dict__, "colspan": header[n + 1].colspan if last else column.span}))
        rows.append(tuple(cells))
    return tuple(rows)


def _grid_head(prefix: str, table: Table) -> tuple[tuple[tuple[GridCell, ...], ...], dict[str, str]]:
    """Header rows from the column tree; returns the rows and, per leaf column id, its headers."""
    depth = max(node.depth() for node in table.header)
    label_depth = max(node.depth() for node in table.row_tree)
    hidden = all(node.hidden_label for node in table.row_tree)
    levels: list[list[GridCell]] = [[] for _ in range(depth)]
    corner = table.corner_note or "项目"
    levels[0].append(
        GridCell(
            corner,
            header=not table.corner_note,
            colspan=label_depth,
            rowspan=depth,
            hidden=hidden,
            id=f"{prefix}-corner",
            sticky=0 if hidden else 1,
        )
    )
    leaf_headers: dict[str, str] = {}
    counter = iter(range(1000))

    def visit(node: HeaderNode, level: int, ancestors: tuple[str, ...]) -> None:
        cell_id = f"{prefix}-{node.column.id}" if node.column else f"{prefix}-h{next(counter)}"
        if node.column:
            levels[level].append(GridCell(node.label, header=True, rowspan=depth - level, id=cell_id, scope="col"))
            leaf_headers[node.column.id] = " ".join((*ancestors, cell_id))
            return
        levels[level].append(
            GridCell(node.label, header=True, colspan=len(node.leaves()), id=cell_id, scope="colgroup")
        )
        for child in node.children:
            visit(child, level + 1, (*ancestors, cell_id))

    for node in table.header:
        visit(node, 0, ())
    return tuple(tuple(level) for level in levels if level), leaf_headers


@dataclass(frozen=True)
class _Body:
    """What every row of a grid table's body is laid out with."""

    prefix: str
    label_depth: int  # label columns: the deepest row tree
    values: TableValues
    leaf_headers: dict[str, str]  # column id → the id of its header cell


def _grid_rows(
    body: _Body, node: RowNode, level: int, pending: tuple[GridCell, ...], ancestors: tuple[str, ...]
) -> Iterator[tuple[GridCell, ...]]:
    """The printed rows of `node`; `pending`: group label cells that start in its first row."""
    if node.group:
        cell = GridCell(
            node.label,
            header=True,
            rowspan=len(node.leaves()),
            id=f"{body.prefix}-{node.group}",
            scope="rowgroup",
            sticky=level,
        )
        for n, child in enumerate(node.children):
            yield from _grid_rows(body, child, level + 1, (*pending, cell) if n == 0 else (), (*ancestors, cell.id))
        return
    row_id = f"{body.prefix}-{node.id}"
    label = GridCell(
        node.label,
        header=True,
        colspan=body.label_depth - level + 1,
        id=row_id,
        scope="row",
        hidden=node.hidden_label,
        sticky=0 if node.hidden_label else level,
    )
    data = body.values.rows.get(node.id, (None,) * len(body.leaf_headers))
    cells = [
        _value_cell(v, " ".join((body.leaf_headers[c], *ancestors, row_id)))
        for c, v in zip(body.leaf_headers, data, strict=True)
    ]
    yield (*pending, label, *cells)
