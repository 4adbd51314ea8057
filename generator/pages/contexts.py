"""What each kind of page shows: small, explicit template contexts, computed in Python."""

from __future__ import annotations

import markdown

from generator.content.markup import to_html
from generator.model.cells import format_cell
from generator.model.pages import Page
from generator.model.site import FIGURES, ContentPage, Report, Site
from generator.model.site_index import SiteIndex, year_gaps
from generator.model.urls import Urls
from generator.pages.charts import figure_charts
from generator.pages.guide import expand_generated
from generator.pages.search_page import search_context


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


# Lists that grow with the site stay bounded (issue 21): above this many rows a page shows one
# row per county, with totals, and the county's own page lists its townships.
LIST_LIMIT = 50
# /townships/ names every township while the site has at most this many (about 40 KB of links);
# above it, each county's page does.
NAME_LIMIT = 600
# The home page's region tree opens its levels while it stays this short (lines at 360 px).
OPEN_LINES = 30


def region_tree(index: SiteIndex) -> dict:
    """The province → city → county tree with counts, and which levels are shown open: all of
    it on a small site, the provinces only on a larger one, nothing but provinces on a province's."""
    provinces = index.provinces
    cities = sum(len(p.cities) for p in provinces)
    counties = len(index.counties)
    reports = {c.slug: len(index.reports_of_county(c)) for c in index.counties.values()}
    return {
        "provinces": provinces,
        "county_reports": reports,
        "open_provinces": len(provinces) == 1 or len(provinces) + cities <= OPEN_LINES,
        "open_cities": len(provinces) + cities + counties <= OPEN_LINES,
    }


def home(page, site, index, urls, converter) -> dict:
    latest = sorted(site.reports, key=lambda r: (r.year, str(r.published or ""), r.township), reverse=True)[:10]
    return {
        "title": site.config.title,
        "description": site.config.description,
        "tree": region_tree(index),
        "latest": latest,
        "townships": index.townships,
        "counts": {"townships": len(site.townships), "reports": len(site.reports), "years": len(index.years)},
    }


def townships(page, site, index, urls, converter) -> dict:
    return {
        "title": "全部乡镇",
        "description": f"按地区列出的 {len(site.townships)} 个乡镇",
        "tree": region_tree(index),
        "list_names": len(site.townships) <= NAME_LIMIT,
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


def years(page, site, index, urls, converter) -> dict:
    counts = {y: len(index.by_year[y]) for y in index.years}
    return {
        "title": "按年度浏览",
        "description": "各年度政府信息公开工作年度报告的发布情况",
        "counts": counts,
        "total": len(site.townships),
        "coverage": county_coverage(index, index.years),
    }


def counties_in_order(index: SiteIndex) -> list:
    """Counties as the region tree lists them: by province, city and name."""
    return [county for p in index.provinces for c in p.cities for county in c.counties]


def city_groups(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """Rows of counties (each with its "county"), under a heading per city once there are more
    than LIST_LIMIT of them; else one group without a heading."""
    if len(rows) <= LIST_LIMIT:
        return [("", rows)]
    groups: list[tuple[str, list[dict]]] = []
    for row in rows:
        county = row["county"]
        label = county.province if county.city == county.province else f"{county.province} {county.city}"
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(row)
    return groups


def county_coverage(index: SiteIndex, years: tuple[int, ...]) -> list[tuple[str, list[dict]]]:
    """County × year: how many of the county's townships published a report that year (one row
    per county, never one per township: the county's page has those)."""
    rows = []
    for county in counties_in_order(index):
        per_year = dict.fromkeys(years, 0)
        for report in index.reports_of_county(county):
            per_year[report.year] += 1
        rows.append({"county": county, "cells": [per_year[y] for y in years]})
    return city_groups(rows)


def year(page, site, index, urls, converter) -> dict:
    """Townships in rows, key figures in columns, grouped by county; on a site of more than
    LIST_LIMIT townships one row per county with its totals (the county's page lists the rest)."""
    year = page.key[0]
    reports = {r.township: r for r in index.by_year[year]}
    published = index.by_year[year]
    figures = [f for f in FIGURES if any(f.name in r.figures for r in published)]
    gaps = {slug for slug, years in year_gaps(site.reports).items() if year in years}
    counties = []
    for county in counties_in_order(index):
        mine = [reports[t.slug] for t in county.townships if t.slug in reports]
        townships = [
            {
                "township": t,
                "report": reports.get(t.slug),
                "gap": t.slug in gaps,
                "values": _figure_cells(reports.get(t.slug), figures),
            }
            for t in county.townships
        ]
        counties.append({"county": county, "published": len(mine), "townships": townships,
                         "totals": _total_cells(mine, figures)})
    return {
        "title": f"{year}年度报告",
        "description": f"{year}年度各乡镇政府信息公开工作年度报告及关键数字",
        "year": year,
        "published": len(published),
        "missing": len(site.townships) - len(published),
        "figures": figures,
        "counties": counties,
        "groups": city_groups(counties),
        "by_county": len(site.townships) > LIST_LIMIT,
        "totals": _total_cells(published, figures),
        "previous_year": year - 1 if year - 1 in index.by_year else None,
        "next_year": year + 1 if year + 1 in index.by_year else None,
    }


def _figure_cells(report: Report | None, figures: list) -> list[str]:
    return [format_cell(report.figures[f.name].value) if report and f.name in report.figures else "" for f in figures]


def _total_cells(reports: list[Report] | tuple[Report, ...], figures: list) -> list[str]:
    """Each figure summed over the reports that state it; "" where none does."""
    cells = []
    for fig in figures:
        values = [r.figures[fig.name].value for r in reports if fig.name in r.figures]
        cells.append(format_cell(sum(values)) if values else "")
    return cells


def region(page, site, index, urls, converter) -> dict:
    county = index.counties[page.key[0]]
    reports = index.reports_of_county(county)
    years = sorted({r.year for r in reports})
    matrix = [
        {
            "township": t,
            "cells": [next((r for r in index.by_township.get(t.slug, ()) if r.year == y), None) for y in years],
        }
        for t in county.townships
    ]
    published = [[r for r in reports if r.year == y] for y in years]
    figures = [f for f in FIGURES if any(f.name in r.figures for r in reports)]
    return {
        "title": f"{county.name}",
        "description": f"{county.province}{county.city}{county.name}各乡镇政府信息公开工作年度报告",
        "county": county,
        "years": years,
        "matrix": matrix,
        "published_counts": [len(p) for p in published],
        "figures": figures,
        "year_totals": [_total_cells(p, figures) for p in published],
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
