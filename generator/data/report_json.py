"""The compact report.json agreed between issue 23 (the editors' form reads it) and the province-scale
downloads (which will publish it): ids and values only; labels, units and layout are in the format
document it links to (format_document.py). Cells are in printed column order, null for a printed
blank, so a table row reads the same as the row's line in the report file."""

from __future__ import annotations

from generator.model.site import FIGURES, Report, Site
from generator.model.site_index import SiteIndex
from generator.model.urls import Urls


def compact_report(site: Site, index: SiteIndex, urls: Urls, report: Report) -> dict:
    t = index.townships[report.township]
    tables = {}
    for values in report.tables:
        table = site.schemas[values.format].table(values.id)
        order = [row.id for row in table.rows()] if table else list(values.rows)
        rows = {row: list(values.rows[row]) for row in order if row in values.rows}
        tables[values.id] = {"format": values.format, "rows": rows}
    return {
        "format_document": urls.absolute(urls.format_document(report.format)),
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
        "figures": {
            f.name: {"value": report.figures[f.name].value, "origin": report.figures[f.name].origin}
            for f in FIGURES
            if f.name in report.figures
        },
        "tables": tables,
    }
