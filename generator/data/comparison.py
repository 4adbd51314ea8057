"""Township × year matrices of one key figure or one table cell, with every value's format kept:
values from formats that are not the same (pre2019, f2019, f2021) are marked, never merged
silently, and a township's change of format between two of its years is flagged as a break."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from generator.model.cells import CellDef, format_cell, table_cells
from generator.model.schema import Schemas
from generator.model.site import Cell, Report, Township
from generator.model.site_index import County, SiteIndex


class Value(NamedTuple):  # one per report and matrix: as MatrixCell, a tuple to make them fast
    value: Cell  # None: printed blank
    format: str  # the format of the table (or, for prose figures, the report) it comes from
    converted: bool = False  # summed from several cells by a declared equivalence


class MatrixCell(NamedTuple):
    """A named tuple, not a dataclass: a matrix holds up to ~30,000 of them, each made per page, and
    a frozen dataclass took several times as long to make."""

    year: int
    text: str  # "" when the report has no such value
    value: Cell
    present: bool  # the report exists and states the value (a printed blank counts)
    format: str = ""
    converted: bool = False
    break_from: str = ""  # the township's previous format, when this value's format differs
    report: Report | None = None
    href: str = ""  # the report page, for a stated value (made here: one call per cell in a template costs seconds)


@dataclass(frozen=True)
class MatrixRow:
    township: Township
    cells: tuple[MatrixCell, ...]


@dataclass(frozen=True)
class MatrixGroup:
    county: County
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class Matrix:
    years: tuple[int, ...]
    groups: tuple[MatrixGroup, ...]
    formats: tuple[str, ...]  # formats that occur, sorted
    breaks: int  # how many cells start a new format for their township
    converted: int


Lookup = Callable[[Report], Value | None]


def figure_format(report: Report, name: str, schemas: Schemas) -> str:
    """The format a figure comes from: its table's when derived, else the report's."""
    figure = report.figures[name]
    if figure.origin == "table":
        for values in report.tables:
            table = schemas[values.format].table(values.id)
            if table and any(derived == name for derived, _ in table.derives):
                return values.format
    return report.format


def figure_lookup(name: str, schemas: Schemas) -> Lookup:
    def lookup(report: Report) -> Value | None:
        if name not in report.figures:
            return None
        return Value(report.figures[name].value, figure_format(report, name, schemas))

    return lookup


def equivalents(schemas: Schemas, cell: CellDef, other: str) -> tuple[str, ...]:
    """Row ids of `other` format whose sum is the same quantity as `cell` (same column id), or ()
    when the formats do not define it alike. Same ids and same labels count as the same cell;
    anything else must be declared in the schema (`compare:`)."""
    table = schemas[cell.format].table(cell.table)
    declared = [rows for fmt, row, rows in (table.compare if table else ()) if fmt == other and row == cell.row]
    if declared:
        return declared[0]
    other_table = schemas[other].table(cell.table)
    if other_table is None:
        return ()
    same = [c for c in table_cells(schemas[other], other_table) if c.id == cell.id and c.label == cell.label]
    return (cell.row,) if same else ()


def _column_index(schemas: Schemas, fmt: str, table_id: str, row_id: str, column_id: str) -> int | None:
    """Where a cell sits in its row's list of values (as table_values.cell_value finds it)."""
    table = schemas[fmt].table(table_id)
    columns = [c.id for c in table.columns_of(row_id)] if table else []
    return columns.index(column_id) if column_id in columns else None


def cell_lookup(cell: CellDef, schemas: Schemas) -> Lookup:
    # Where the value sits, in this format and as equivalent rows of the others, is worked out once
    # per matrix: a matrix looks up every report.
    own = _column_index(schemas, cell.format, cell.table, cell.row, cell.column)
    mapping = {  # other format → ((row, column index), ...), and whether that is a conversion
        other: (tuple((row, _column_index(schemas, other, cell.table, row, cell.column)) for row in rows),
                rows != (cell.row,))
        for other in schemas
        if other != cell.format and (rows := equivalents(schemas, cell, other))
    }

    def lookup(report: Report) -> Value | None:
        for values in report.tables:  # at most one of each id (read_tables)
            if values.id == cell.table:
                break
        else:
            return None
        if values.format == cell.format:
            row = values.rows.get(cell.row)
            return None if row is None else Value(None if own is None else row[own], cell.format)
        places, converted = mapping.get(values.format, ((), False))
        parts = []
        for row_id, column in places:
            row = values.rows.get(row_id)
            if row is None:
                return None
            parts.append(None if column is None else row[column])
        if not parts:
            return None
        total = None if all(p is None for p in parts) else sum(p or 0 for p in parts)
        return Value(total, values.format, converted)

    return lookup


def build_matrix(
    index: SiteIndex, counties: list[County], lookup: Lookup, link: Callable[[Report], str], years: tuple[int, ...] = ()
) -> Matrix:
    """Rows: townships grouped by county; columns: `years` (default: every year with a value).
    `link`: a report's URL (pages.Urls.report)."""
    found = [
        (county, [(t, {r.year: (r, lookup(r)) for r in index.by_township.get(t.slug, ())}) for t in county.townships])
        for county in counties
    ]
    years = years or tuple(
        sorted({y for _, rows in found for _, by_year in rows for y, (_, v) in by_year.items() if v is not None})
    )
    groups, formats, breaks, converted = [], set(), 0, 0
    for county, rows in found:
        matrix_rows = []
        for township, by_year in rows:
            cells, last = [], ""
            for year in years:
                report, value = by_year.get(year, (None, None))
                if value is None:
                    cells.append(MatrixCell(year, "", None, False, report=report))
                    continue
                broke = last if last and last != value.format else ""
                last = value.format
                formats.add(value.format)
                breaks += bool(broke)
                converted += value.converted
                cells.append(
                    MatrixCell(
                        year, format_cell(value.value), value.value, True, value.format, value.converted, broke, report,
                        link(report),
                    )
                )
            matrix_rows.append(MatrixRow(township, tuple(cells)))
        groups.append(MatrixGroup(county, tuple(matrix_rows)))
    return Matrix(years, tuple(groups), tuple(sorted(formats)), breaks, converted)


def places_document(index: SiteIndex, years: tuple[int, ...]) -> dict:
    """Every county and township once, in the order the views list them: the data files of the
    views refer to townships by their number here."""
    counties = list(index.counties.values())
    return {
        "years": list(years),
        "counties": [[c.slug, c.name, c.city, c.province] for c in counties],
        "townships": [[number, t.slug, t.name] for number, c in enumerate(counties) for t in c.townships],
    }


def view_document(index: SiteIndex, lookup: Lookup, unit: str) -> dict:
    """One figure's or cell's values for every township (`places_document` numbering) and year, as
    the browser view draws them: a number, null for a printed blank, "-" where the report does not
    state it, "" where there is no report. `f`: each year's format (an index into `formats`), when
    the values come from more than one; `converted`: the values summed from another format's cells.
    Made straight from the reports (no Matrix): one such file per cell, each reading every report."""
    found, years, formats = [], set(), set()
    for county in index.counties.values():
        for township in county.townships:
            by_year = {r.year: lookup(r) for r in index.by_township.get(township.slug, ())}
            stated = {y: v for y, v in by_year.items() if v is not None}
            years.update(stated)
            formats.update(v.format for v in stated.values())
            found.append((by_year, stated))
    ordered, kinds = sorted(years), sorted(formats)
    rows, converted = [], []
    for number, (by_year, stated) in enumerate(found):
        if not stated:
            continue
        values = [stated[y].value if y in stated else ("-" if y in by_year else "") for y in ordered]
        row = [number, values]
        if len(kinds) > 1:
            row.append("".join(str(kinds.index(stated[y].format)) if y in stated else " " for y in ordered))
        rows.append(row)
        converted += [[number, i] for i, y in enumerate(ordered) if y in stated and stated[y].converted]
    return {"unit": unit, "years": ordered, "formats": kinds, "rows": rows, "converted": converted}
