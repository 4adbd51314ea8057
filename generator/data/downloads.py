"""The downloads under /data/: per report JSON and CSV, bulk CSV and .xlsx per format and table,
the key figures, and a Frictionless datapackage.json. Made from the same assembled values as the
pages (one source); every URL comes from pages.py (`data_routes`)."""

from __future__ import annotations

import csv
import io
import json

from generator.data.comparison import cell_lookup, figure_lookup, places_document, view_document
from generator.data.datapackage import (
    TOWNSHIP_FIELDS,
    bulk_columns,
    datapackage,
)
from generator.data.report_json import compact_report
from generator.data.xlsx import XlsxValue, xlsx_bytes
from generator.model.cells import CellDef, filled_cells, table_cells
from generator.model.pages import Page
from generator.model.site import FIGURES, Report, Site
from generator.model.site_index import SiteIndex
from generator.model.urls import Urls

BOM = "\ufeff"  # so that Excel opens the Chinese labels as UTF-8
Rows = list[list[XlsxValue]]


def csv_bytes(rows: Rows) -> bytes:
    buffer = io.StringIO()
    # The csv module writes None as "" and a float by repr(): the texts the downloads promise.
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def township_values(site: Site, index: SiteIndex, report: Report) -> list[XlsxValue]:
    t = index.townships[report.township]
    return [t.slug, t.name, t.county, t.city, t.province, t.code, report.year]


def bulk_rows(site: Site, index: SiteIndex, fmt_id: str, table_id: str) -> Rows:
    """Header row of ids, header row of Chinese labels, then one row per township-year."""
    cells = bulk_columns(site, fmt_id, table_id)
    rows: Rows = [
        [f[0] for f in TOWNSHIP_FIELDS] + [c.id for c in cells],
        [f[1] for f in TOWNSHIP_FIELDS] + [c.label for c in cells],
    ]
    for report in site.reports:
        for values in report.tables:
            if (values.format, values.id) != (fmt_id, table_id):
                continue
            found = {c.id: v for c, v in filled_cells(values, site.schemas)}
            if found:
                rows.append(township_values(site, index, report) + [found.get(c.id) for c in cells])
    return rows


def figure_rows(site: Site, index: SiteIndex) -> Rows:
    header_ids = [f[0] for f in TOWNSHIP_FIELDS] + ["format"]
    header_labels = [f[1] for f in TOWNSHIP_FIELDS] + ["报告格式"]
    for fig in FIGURES:
        header_ids += [fig.name, f"{fig.name}_origin"]
        header_labels += [f"{fig.label}（{fig.unit}）", f"{fig.label}：来源"]
    rows: Rows = [header_ids, header_labels]
    for report in site.reports:
        row = [*township_values(site, index, report), report.format]
        for fig in FIGURES:
            value = report.figures.get(fig.name)
            row += [value.value, value.origin] if value else [None, None]
        rows.append(row)
    return rows


def printed_tables(site: Site, report: Report) -> Rows:
    """The report's tables as printed, one after another, for a spreadsheet: a title line, a header
    of column labels (again wherever the columns change, as in a table printed in blocks), then
    a line per printed row, its label first; a blank line between tables."""
    rows: Rows = []
    for values in report.tables:
        fmt = site.schemas[values.format]
        table = fmt.table(values.id)
        rows.append([f"{table.number} {table.caption}（{fmt.name}）"])
        header: list[XlsxValue] = []
        for row_id, cells in _by_row(table_cells(fmt, table)):
            labels = [c.column_label for c in cells]
            if labels != header:
                rows.append(["", *labels])
                header = labels
            if row_id in values.rows:
                rows.append([cells[0].row_label, *values.rows[row_id]])
        rows.append([])
    return rows[:-1]


def _by_row(cells: tuple[CellDef, ...]) -> list[tuple[str, list[CellDef]]]:
    grouped: dict[str, list[CellDef]] = {}
    for cell in cells:
        grouped.setdefault(cell.row, []).append(cell)
    return list(grouped.items())


def json_bytes(data: object, indent: int | None = None) -> bytes:
    """Compact by default: with `indent`, the json module encodes in Python, not C (a third of the
    open data's build time); one JSON document per line is what the per-report files are."""
    separators = (",", ":") if indent is None else None
    return (json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n").encode("utf-8")


def _report_of(page: Page, index: SiteIndex) -> Report:
    return next(r for r in index.by_township[page.key[0]] if r.year == page.key[1])


def report_json(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return json_bytes(compact_report(site, index, urls, index.report(*page.key)))


def report_csv(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return csv_bytes(printed_tables(site, _report_of(page, index)))


def figures_csv(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return csv_bytes(figure_rows(site, index))


def bulk_csv(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return csv_bytes(bulk_rows(site, index, *page.key))


def bulk_xlsx(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    fmt_id, table_id = page.key
    return xlsx_bytes(f"{fmt_id}-{table_id}", bulk_rows(site, index, fmt_id, table_id), frozen_rows=2)


def datapackage_file(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return json_bytes(datapackage(site, index, urls), indent=1)  # one file, read by people


def compare_data(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    """A figure's or cell's values for every township and year (comparison.view_document)."""
    if page.key[0] == "figure":
        figure = next(f for f in FIGURES if f.name == page.key[1])
        lookup, unit = figure_lookup(figure.name, site.schemas), figure.unit
    else:
        fmt_id, table_id, cell_id = page.key[1:]
        fmt = site.schemas[fmt_id]
        cell = next(c for c in table_cells(fmt, fmt.table(table_id)) if c.id == cell_id)
        lookup, unit = cell_lookup(cell, site.schemas), cell.unit or ("" if cell.type == "money" else "件")
    return json_bytes(view_document(index, lookup, unit))


def compare_places(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return json_bytes(places_document(index, index.years))
