"""The downloads under /data/: per report JSON and CSV, bulk CSV and .xlsx per format and table,
the key figures, and a Frictionless datapackage.json. Made from the same assembled values as the
pages (one source); every URL comes from pages.py (`data_routes`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from generator.cells import CellDef, filled_cells, report_cells
from generator.datapackage import REPORT_CSV_FIELDS, TOWNSHIP_FIELDS, bulk_columns, datapackage, report_tables_schema
from generator.editor_page import EDITOR_WRITERS
from generator.model import FIGURES, Cell, Report, Site
from generator.navigation import SiteIndex
from generator.pages import Facets, Page, Urls
from generator.spreadsheet import XlsxValue, xlsx_bytes

BOM = "\ufeff"  # so that Excel opens the Chinese labels as UTF-8
Rows = list[list[XlsxValue]]


def data_deps(page: Page, index: SiteIndex, facets: Facets) -> tuple[str, ...]:
    """What a download's bytes depend on besides the build key (code, config, base URL): a
    report's own files its data facet (a body edit changes none), the bulk files every report's."""
    if page.kind == "report_json":
        report = _report_of(page, index)
        return (facets.data[report.key], index.townships[report.township].digest, report.index_no)
    if page.kind == "report_csv":
        return (facets.data[page.key],)
    if page.kind == "report_schema":
        return ()
    return (facets.all_data,)


def data_file(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return _WRITERS[page.kind](page, site, index, urls)


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


def report_document(site: Site, index: SiteIndex, urls: Urls, report: Report) -> dict:
    t = index.townships[report.township]
    tables = []
    for values in report.tables:
        table = site.schemas[values.format].table(values.id)
        cells = filled_cells(values, site.schemas)
        tables.append(
            {
                "id": values.id,
                "number": table.number if table else "",
                "caption": table.caption if table else "",
                "format": values.format,
                "cells": [_cell_document(c, v) for c, v in cells],
            }
        )
    return {
        "township": {
            "slug": t.slug,
            "name": t.name,
            "county": t.county,
            "city": t.city,
            "province": t.province,
            "code": t.code,
        },
        "year": report.year,
        "title": report.title,
        "organ": report.organ,
        "published": report.published.isoformat() if report.published else None,
        "index_no": report.index_no,
        "format": report.format,
        "url": urls.absolute(urls.report(report.township, report.year)),
        "figures": {
            fig.name: {
                "label": fig.label,
                "unit": fig.unit,
                "value": report.figures[fig.name].value,
                "origin": report.figures[fig.name].origin,
            }
            for fig in FIGURES
            if fig.name in report.figures
        },
        "tables": tables,
    }


def _cell_document(cell: CellDef, value: Cell) -> dict:
    return {
        "id": cell.id,
        "row": cell.row,
        "row_label": cell.row_label,
        "column": cell.column,
        "column_label": cell.column_label,
        "type": cell.type,
        "unit": cell.unit,
        "value": value,
    }


def report_csv_rows(site: Site, report: Report) -> Rows:
    rows: Rows = [[f[0] for f in REPORT_CSV_FIELDS], [f[1] for f in REPORT_CSV_FIELDS]]
    for cell, value in report_cells(report, site.schemas):
        table = site.schemas[cell.format].table(cell.table)
        rows.append(
            [
                cell.table,
                table.number if table else "",
                cell.format,
                cell.row,
                cell.row_label,
                cell.column,
                cell.column_label,
                cell.id,
                cell.type,
                cell.unit or "",
                value,
            ]
        )
    return rows


def json_bytes(data: object, indent: int | None = None) -> bytes:
    """Compact by default: with `indent`, the json module encodes in Python, not C (a third of the
    open data's build time); one JSON document per line is what the per-report files are."""
    separators = (",", ":") if indent is None else None
    return (json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n").encode("utf-8")


def _report_of(page: Page, index: SiteIndex) -> Report:
    return next(r for r in index.by_township[page.key[0]] if r.year == page.key[1])


def _report_json(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return json_bytes(report_document(site, index, urls, _report_of(page, index)))


def _report_csv(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return csv_bytes(report_csv_rows(site, _report_of(page, index)))


def _figures_csv(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return csv_bytes(figure_rows(site, index))


def _bulk_csv(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return csv_bytes(bulk_rows(site, index, *page.key))


def _bulk_xlsx(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    fmt_id, table_id = page.key
    return xlsx_bytes(f"{fmt_id}-{table_id}", bulk_rows(site, index, fmt_id, table_id), frozen_rows=2)


def _datapackage(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return json_bytes(datapackage(site, index, urls), indent=1)  # one file, read by people


def _report_schema(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return json_bytes(report_tables_schema(), indent=1)


_WRITERS: dict[str, Callable[[Page, Site, SiteIndex, Urls], bytes]] = {
    "report_json": _report_json,
    "report_csv": _report_csv,
    "figures_csv": _figures_csv,
    "bulk_csv": _bulk_csv,
    "bulk_xlsx": _bulk_xlsx,
    "datapackage": _datapackage,
    "report_schema": _report_schema,
    **EDITOR_WRITERS,  # issue 23: format documents, the editors' form's townships (pages.editor_routes)
}
