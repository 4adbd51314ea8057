"""Template contexts of the open-data pages: /data/, /compare/ and its figure and cell matrices.
Registered with the other page kinds in pages/kinds.py."""

from __future__ import annotations

from collections.abc import Callable

from generator.data.comparison import build_matrix, figure_lookup
from generator.data.datapackage import TOWNSHIP_FIELDS, TYPE_LABELS
from generator.data.matrix_html import matrix_body
from generator.model.cells import compared_cells, stated_cells, table_cells
from generator.model.pages import Page, used_tables
from generator.model.site import FIGURES, Report, Site
from generator.model.site_index import SiteIndex
from generator.model.urls import Urls


def format_legend(site: Site, formats: tuple[str, ...]) -> list[tuple[str, str, str]]:
    return [(f, site.schemas[f].name, site.schemas[f].title) for f in formats]


def _downloads(site: Site, urls: Urls) -> list[dict]:
    files = []
    for fmt_id, table_id in used_tables(site):
        fmt = site.schemas[fmt_id]
        table = fmt.table(table_id)
        files.append(
            {
                "title": f"{fmt.name} {table.number} {table.caption}",
                "csv": urls.data_file(f"{fmt_id}-{table_id}.csv"),
                "xlsx": urls.data_file(f"{fmt_id}-{table_id}.xlsx"),
                "picker": urls.compare_table(fmt_id, table_id),
                "rows": sum(1 for r in site.reports for v in r.tables if (v.format, v.id) == (fmt_id, table_id)),
            }
        )
    return files


def data(page: Page, site: Site, index: SiteIndex, urls: Urls, converter) -> dict:
    schemas = []
    for _fmt_id, fmt in sorted(site.schemas.items()):
        tables = [{"table": t, "cells": table_cells(fmt, t)} for t in fmt.tables]
        schemas.append({"format": fmt, "tables": tables})
    example = site.reports[0] if site.reports else None
    return {
        "title": "开放数据",
        "description": "下载各乡镇年度报告中的关键数字与统计表数据：CSV、Excel、JSON 与 Frictionless 数据包",
        "downloads": _downloads(site, urls),
        "figures": FIGURES,
        "schemas": schemas,
        "type_labels": TYPE_LABELS,
        "township_fields": TOWNSHIP_FIELDS,
        "example": example,
        "report_count": len(site.reports),
    }


def _report_link(urls: Urls) -> Callable[[Report], str]:
    return lambda report: urls.report(report.township, report.year)


def compare_index(page: Page, site: Site, index: SiteIndex, urls: Urls, converter) -> dict:
    return {
        "title": "数据对比",
        "description": "按关键数字或统计表中的任一格，对比各乡镇历年数据",
        "figures": FIGURES,
        "counties": list(index.counties.values()),
        "downloads": _downloads(site, urls),
    }


def compare_figure(page: Page, site: Site, index: SiteIndex, urls: Urls, converter) -> dict:
    """One county's townships × years for a figure: a static, sortable table."""
    name, county_slug = page.key
    figure = next(f for f in FIGURES if f.name == name)
    county = index.counties[county_slug]
    matrix = build_matrix(index, [county], figure_lookup(name, site.schemas), _report_link(urls))
    return {
        "title": f"{figure.label}：{county.name}各乡镇历年对比",
        "description": f"{county.name}各乡镇历年“{figure.label}”（{figure.unit}）对比",
        "heading": figure.label,
        "unit": figure.unit,
        "scope": county.name,
        "county": county,
        "matrix": matrix,
        "matrix_body": matrix_body(matrix, urls, grouped=False),
        "legend": format_legend(site, matrix.formats),
        "csv": urls.data_file("figures.csv"),
        "column": name,
        "scopes": [("全部地区", urls.compare_figure(name))]
        + [(c.name, urls.compare_figure(name, c.slug)) for c in index.counties.values()],
        "cell": None,
        "grouped": False,
    }


def compare_view(page: Page, site: Site, index: SiteIndex, urls: Urls, converter) -> dict:
    """The site-wide view of a figure or a cell: drawn in the browser from its data file (counties
    first, each county's townships on demand); without JavaScript, the county pages and downloads."""
    if page.key[0] == "figure":
        figure = next(f for f in FIGURES if f.name == page.key[1])
        heading, unit, source = figure.label, figure.unit, "关键数字"
        data, csv, xlsx = urls.compare_data("figures", figure.name), urls.data_file("figures.csv"), ""
        counties = [(c.name, urls.compare_figure(figure.name, c.slug)) for c in index.counties.values()]
    else:
        fmt_id, table_id, cell_id = page.key[1:]
        fmt = site.schemas[fmt_id]
        table = fmt.table(table_id)
        cell = next(c for c in table_cells(fmt, table) if c.id == cell_id)
        heading, unit = cell.label, cell.unit or ("" if cell.type == "money" else "件")
        source = f"{fmt.name}{table.number}{table.caption}"
        data = urls.compare_data(fmt_id, table_id, cell_id)
        csv, xlsx = urls.data_file(f"{fmt_id}-{table_id}.csv"), urls.data_file(f"{fmt_id}-{table_id}.xlsx")
        counties = [(c.name, urls.region(c.slug)) for c in index.counties.values()]
    return {
        "title": f"{heading}：各地区历年对比" + ("" if page.key[0] == "figure" else f"（{source}）"),
        "description": f"{source}“{heading}”的各县（市、区）与乡镇历年对比",
        "heading": heading,
        "unit": unit,
        "source": source,
        "data": data,
        "places": urls.compare_data("places"),
        "csv": csv,
        "xlsx": xlsx,
        "counties": counties,
        "kind": page.key[0],
        "legend": format_legend(site, tuple(sorted(site.schemas))),
    }


def compare_table(page: Page, site: Site, index: SiteIndex, urls: Urls, converter) -> dict:
    fmt_id, table_id = page.key
    fmt = site.schemas[fmt_id]
    table = fmt.table(table_id)
    linked = set(compared_cells(fmt, table, stated_cells(site.reports, (fmt_id, table_id))))
    rows: dict[str, dict] = {}
    for cell in table_cells(fmt, table):
        rows.setdefault(cell.row, {"label": cell.row_label, "cells": []})["cells"].append((cell, cell in linked))
    return {
        "title": f"{fmt.name}{table.number}{table.caption}：选择要对比的格",
        "description": f"{fmt.name}{table.number}{table.caption}各格的乡镇历年对比",
        "format": fmt,
        "table": table,
        "rows": list(rows.values()),
        "csv": urls.data_file(f"{fmt_id}-{table_id}.csv"),
        "xlsx": urls.data_file(f"{fmt_id}-{table_id}.xlsx"),
    }
