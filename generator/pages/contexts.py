"""What each kind of page shows: small, explicit template contexts, computed in Python."""

from __future__ import annotations

from dataclasses import dataclass

import markdown

from generator.content.markup import BodySection, normalize_heading, split_sections, to_html
from generator.model.cells import format_cell
from generator.model.pages import Page
from generator.model.site import FIGURES, ContentPage, Report, Site
from generator.model.site_index import SiteIndex, year_gaps
from generator.model.urls import Urls
from generator.pages.charts import figure_charts
from generator.pages.guide import expand_generated
from generator.pages.search_page import search_context
from generator.pages.structured_data import report_downloads, report_jsonld
from generator.pages.table_layout import Grid, table_grid
from generator.publish.links import text_ids


@dataclass(frozen=True)
class Block:
    """A part of a report page: a body section, with the standard table that belongs under it."""

    heading: str
    anchor: str
    html: str
    grid: Grid | None = None


def figure_rows(reports: tuple[Report, ...]) -> list[dict]:
    """Key figures as rows (one per figure) × columns (one per report), blanks where unstated."""
    rows = []
    for fig in FIGURES:
        cells = [r.figures.get(fig.name) for r in reports]
        if any(cells):
            rows.append(
                {
                    "label": fig.label,
                    "unit": fig.unit,
                    "name": fig.name,
                    "values": [format_cell(c.value) if c else "" for c in cells],
                }
            )
    return rows


def report_blocks(site: Site, report: Report, converter: markdown.Markdown) -> list[Block]:
    """Body sections in order; each table goes under the heading its schema section names,
    or, if the editor left that heading out, after the body under the official heading."""
    fmt = site.schemas[report.format]
    grids = {}
    for values in report.tables:
        table = site.schemas[values.format].table(values.id)
        grids[values.id] = table_grid(table, values)
    wanted = {normalize_heading(s.title): s.table for s in fmt.sections if s.table}
    blocks = []
    for section in split_sections(to_html(converter, report.body)):
        table_id = wanted.get(normalize_heading(section.heading))
        blocks.append(_block(section, grids.pop(table_id, None) if table_id else None))
    titles = {s.table: s.title for s in fmt.sections if s.table}
    for table_id, grid in grids.items():
        blocks.append(Block(titles.get(table_id, grid.caption), f"table-{table_id}", "", grid))
    return blocks


def report_anchors(site: Site, report: Report, converter: markdown.Markdown) -> frozenset[str]:
    """The ids a report page has from its content, made as the page makes them (report_blocks and
    templates/report.html): a section's heading, the headings inside it, its table and cells.
    `xxgk check` reads a link's #fragment against these, at the line of the link."""
    ids: set[str] = set()
    for block in report_blocks(site, report, converter):
        ids.update(text_ids(block.html))
        if block.heading:
            ids.add(block.anchor)
        if block.grid:
            ids.update(block.grid.ids)
    return frozenset(ids)


def _block(section: BodySection, grid: Grid | None) -> Block:
    return Block(section.heading, section.anchor, section.html, grid)


def common_context(page: Page, site: Site, index: SiteIndex, urls: Urls) -> dict:
    """What every template gets besides its kind's own context."""
    return {
        "site": site.config,
        "urls": urls,
        "url": page.url,
        "index": _nav(index),
        "content_pages": [(p.title, urls.page(p.name)) for p in site.pages],
    }


def _nav(index: SiteIndex) -> dict:
    return {"years": index.years, "latest_year": index.years[-1] if index.years else None}


def home(page, site, index, urls, converter) -> dict:
    latest = sorted(site.reports, key=lambda r: (r.year, str(r.published or ""), r.township), reverse=True)[:10]
    return {
        "title": site.config.title,
        "description": site.config.description,
        "provinces": index.provinces,
        "latest": latest,
        "townships": index.townships,
        "by_township": index.by_township,
        "counts": {"townships": len(site.townships), "reports": len(site.reports), "years": len(index.years)},
    }


def townships(page, site, index, urls, converter) -> dict:
    return {
        "title": "全部乡镇",
        "description": f"按地区列出的 {len(site.townships)} 个乡镇及其年度报告",
        "provinces": index.provinces,
        "by_township": index.by_township,
    }


def township(page, site, index, urls, converter) -> dict:
    township = index.townships[page.key[0]]
    reports = index.by_township.get(township.slug, ())
    return {
        "title": f"{township.name}政府信息公开工作年度报告",
        "description": f"{township.province}{township.city}{township.county}{township.name}"
        "历年政府信息公开工作年度报告与关键数字",
        "township": township,
        "county": index.counties[township.county_slug],
        "reports": reports,
        "figure_rows": figure_rows(reports),
        "figure_headings": [(f"{r.year}年", urls.report(r.township, r.year)) for r in reports],
        "charts": figure_charts(township.name, reports, site.schemas),
        "township_feed": urls.township_feed(township.slug),
    }


def report(page, site, index, urls, converter) -> dict:
    report = next(r for r in index.by_township[page.key[0]] if r.year == page.key[1])
    township = index.townships[report.township]
    fmt = site.schemas[report.format]
    return {
        "title": report.title,
        "description": f"{township.county}{township.name}{report.year}年政府信息公开工作年度报告全文与统计表",
        "report": report,
        "township": township,
        "format": fmt,
        "blocks": report_blocks(site, report, converter),
        "previous": index.previous.get(report.key),
        "following": index.following.get(report.key),
        "figures": [(f, report.figures[f.name]) for f in FIGURES if f.name in report.figures],
        "downloads": report_downloads(report, urls),
        "structured_data": report_jsonld(site.config, report, township, urls),
        "corrections": site.corrections.get(report.path, ()),
    }


def years(page, site, index, urls, converter) -> dict:
    counts = {y: len(index.by_year[y]) for y in index.years}
    return {
        "title": "按年度浏览",
        "description": "各年度政府信息公开工作年度报告的发布情况",
        "counts": counts,
        "total": len(site.townships),
        "coverage": coverage_rows(index, list(index.counties.values()), index.years),
    }


def coverage_rows(index: SiteIndex, counties: list, years: tuple[int, ...]) -> list[dict]:
    """Township × year: the report of each year, or None where the township published none."""
    published = {r.key: r for c in counties for r in index.reports_of_county(c)}
    return [
        {"county": c, "township": t, "cells": [published.get((t.slug, y)) for y in years]}
        for c in counties
        for t in c.townships
    ]


def year(page, site, index, urls, converter) -> dict:
    year = page.key[0]
    reports = {r.township: r for r in index.by_year[year]}
    rows = [{"township": t, "report": reports.get(t.slug)} for t in site.townships]
    published = [r for r in index.by_year[year]]
    return {
        "title": f"{year}年度报告",
        "description": f"{year}年度各乡镇政府信息公开工作年度报告及关键数字",
        "year": year,
        "rows": rows,
        "missing": [row["township"] for row in rows if not row["report"]],
        "gaps": {slug for slug, years in year_gaps(site.reports).items() if year in years},
        "figure_rows": figure_rows(tuple(published)),
        "reports": published,
        "figure_headings": [(index.townships[r.township].name, urls.report(r.township, r.year)) for r in published],
        "previous_year": year - 1 if year - 1 in index.by_year else None,
        "next_year": year + 1 if year + 1 in index.by_year else None,
    }


def region(page, site, index, urls, converter) -> dict:
    county = index.counties[page.key[0]]
    years = sorted({r.year for r in index.reports_of_county(county)})
    matrix = [
        {
            "township": t,
            "cells": [next((r for r in index.by_township.get(t.slug, ()) if r.year == y), None) for y in years],
        }
        for t in county.townships
    ]
    return {
        "title": f"{county.name}",
        "description": f"{county.province}{county.city}{county.name}各乡镇政府信息公开工作年度报告",
        "county": county,
        "years": years,
        "matrix": matrix,
        "published_counts": [sum(1 for row in matrix if row["cells"][i]) for i in range(len(years))],
        "compare_links": [(f.label, urls.compare_figure(f.name, county.slug)) for f in FIGURES],
    }


def content_page(page, site, index, urls, converter) -> dict:
    content = next(p for p in site.pages if p.name == page.key[0])
    return {
        "title": content.title,
        "description": content.description or content.title,
        "body": content_page_html(content, converter),
    }


def content_page_html(content: ContentPage, converter: markdown.Markdown) -> str:
    return to_html(converter, expand_generated(content.body))


def not_found(page, site, index, urls, converter) -> dict:
    return {"title": "页面未找到", "description": "您访问的页面不存在"}


def entry_date(report: Report) -> str:
    """When a report appeared: its publication date, else the first day after its year.
    Never the clock, so that the same content always gives the same feed."""
    day = report.published.isoformat() if report.published else f"{report.year + 1}-01-01"
    return f"{day}T00:00:00Z"


def feed(page, site, index, urls, converter) -> dict:
    return _entries(site.reports, site, index, urls.home(), site.config.title)


def township_feed(page, site, index, urls, converter) -> dict:
    township = index.townships[page.key[0]]
    reports = index.by_township.get(township.slug, ())
    return _entries(reports, site, index, urls.township(township.slug), f"{township.name}政府信息公开工作年度报告")


def _entries(reports, site, index, home: str, title: str) -> dict:
    latest = sorted(reports, key=lambda r: (entry_date(r), r.township), reverse=True)[:50]
    dates = [entry_date(r) for r in latest]
    return {
        "home": home,
        "title": title,
        "description": site.config.description,
        "reports": latest,
        "townships": index.townships,
        "entry_dates": dates,
        "updated": dates[0] if dates else "2008-05-01T00:00:00Z",
    }


def search(page, site, index, urls, converter) -> dict:
    return search_context(site, index, urls)
