"""The routing table: every kind of page, declared once.

A kind says which pages it has (routes.py: URL, key, dependencies), how a page is made (a Jinja
template and its context, or a writer for a download), whether the search index reads it and in
which order it ranks, which content files date it in the sitemap, and whether it reads every
report's tables (those are made last, by fresh workers). A new kind is one record here, its
route function and its template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import markdown

from generator.data import data_pages, downloads
from generator.model.pages import Page, View
from generator.model.site import township_label
from generator.pages import contexts, editor_page, report_page, routes
from generator.search.index import SearchDoc

Context = Callable[[Page, View, markdown.Markdown], dict]
Writer = Callable[[Page, View], bytes]
Dating = Callable[[Page, View], Iterable[str]]
Facets = Callable[[Page, View], tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class PageKind:
    name: str
    routes: Callable[[View], Iterable[Page]]
    template: str = ""  # made by Jinja from `context`, or else by `writer` (a download)
    context: Context | None = None
    writer: Writer | None = None
    search_rank: int | None = None  # indexed for search when set; lower ranks list first
    dated_by: Dating | None = None  # the content files whose last commit is the page's lastmod
    search_facets: Facets | None = None  # (filter, value) pairs the search page filters on
    every_table: bool = False  # reads every report's tables: made last, by workers of their own
    in_sitemap: bool = True  # an HTML page for readers (not the 404 page, not the editors' form)

    @property
    def html(self) -> bool:
        return self.template.endswith(".html")


def _old(context: Callable) -> Context:
    """Contexts written as (page, site, index, urls, converter)."""
    return lambda page, view, converter: context(page, view.site, view.index, view.urls, converter)


def _download(writer: Callable) -> Writer:
    return lambda page, view: writer(page, view.site, view.index, view.urls)


def _report_files(page: Page, view: View) -> Iterable[str]:
    return (view.index.report(*page.key).path,)


def _township_files(page: Page, view: View) -> Iterable[str]:
    township = view.index.townships[page.key[0]]
    return (township.path, *(r.path for r in view.index.by_township.get(township.slug, ())))


def _year_files(page: Page, view: View) -> Iterable[str]:
    return (r.path for r in view.index.by_year[page.key[0]])


def _region_files(page: Page, view: View) -> Iterable[str]:
    county = view.index.counties[page.key[0]]
    return (*(t.path for t in county.townships), *(r.path for r in view.index.reports_of_county(county)))


def _content_page_files(page: Page, view: View) -> Iterable[str]:
    return (p.path for p in view.site.pages if p.name == page.key[0])


def _sitemap(page: Page, view: View, converter: markdown.Markdown) -> dict:
    pages = sitemap_pages(view)
    overall = max(view.site.revised.values(), default="")
    return {"title": "", "description": "", "locations": [p.url for p in pages],
            "lastmods": [lastmod(p, view, overall) for p in pages]}


def _report_facets(page: Page, view: View) -> tuple[tuple[str, str], ...]:
    report = view.index.report(*page.key)
    township = view.index.townships[report.township]
    fmt = view.site.schemas[report.format].name
    return (("township", township_label(township)), ("year", str(report.year)), ("region", township.county),
            ("format", fmt))


def _township_facets(page: Page, view: View) -> tuple[tuple[str, str], ...]:
    township = view.index.townships[page.key[0]]
    return (("township", township_label(township)), ("region", township.county))


def _region_facets(page: Page, view: View) -> tuple[tuple[str, str], ...]:
    return (("region", view.index.counties[page.key[0]].name),)


def _year_facets(page: Page, view: View) -> tuple[tuple[str, str], ...]:
    return (("year", str(page.key[0])),)


C = contexts
KINDS: tuple[PageKind, ...] = (
    PageKind("home", routes.home_routes, "home.html", _old(C.home)),
    PageKind("townships", routes.townships_routes, "townships.html", _old(C.townships)),
    PageKind("township", routes.township_routes, "township.html", _old(C.township), None, 1, _township_files,
             _township_facets),
    PageKind("report", routes.report_routes, "report.html", _old(report_page.report), None, 0, _report_files,
             _report_facets),
    PageKind("years", routes.years_routes, "years.html", _old(C.years)),
    PageKind("year", routes.year_routes, "year.html", _old(C.year), None, 2, _year_files, _year_facets),
    PageKind("region", routes.region_routes, "region.html", _old(C.region), None, 3, _region_files, _region_facets),
    PageKind("page", routes.content_page_routes, "page.html", _old(C.content_page), None, 4, _content_page_files),
    PageKind("search", routes.search_routes, "search.html", _old(C.search)),
    PageKind("editor", routes.editor_routes, "editor.html", _old(editor_page.editor_context), in_sitemap=False),
    PageKind("editor_townships", routes.editor_townships_routes, writer=_download(editor_page.editor_townships_file)),
    PageKind("format_document", routes.format_document_routes, writer=_download(editor_page.format_document_file)),
    PageKind("not_found", routes.not_found_routes, "404.html", _old(C.not_found), in_sitemap=False),
    PageKind("feed", routes.feed_routes, "feed.xml", _old(C.feed)),
    PageKind("sitemap", routes.sitemap_routes, "sitemap.xml", _sitemap),
    PageKind("data", routes.data_routes, "data.html", _old(data_pages.data), every_table=True),
    PageKind("compare", routes.compare_routes, "compare_index.html", _old(data_pages.compare_index), every_table=True),
    PageKind("compare_figure", routes.compare_figure_routes, "compare.html", _old(data_pages.compare_figure),
             every_table=True),
    PageKind("compare_view", routes.compare_view_routes, "compare_view.html", _old(data_pages.compare_view)),
    PageKind("compare_table", routes.compare_table_routes, "compare_table.html", _old(data_pages.compare_table),
             every_table=True),
    PageKind("township_feed", routes.township_feed_routes, "feed.xml", _old(C.township_feed)),
    PageKind("report_json", routes.report_json_routes, writer=_download(downloads.report_json)),
    PageKind("report_csv", routes.report_csv_routes, writer=_download(downloads.report_csv)),
    PageKind("figures_csv", routes.figures_csv_routes, writer=_download(downloads.figures_csv), every_table=True),
    PageKind("bulk_csv", routes.bulk_csv_routes, writer=_download(downloads.bulk_csv), every_table=True),
    PageKind("bulk_xlsx", routes.bulk_xlsx_routes, writer=_download(downloads.bulk_xlsx), every_table=True),
    PageKind("compare_data", routes.compare_data_routes, writer=_download(downloads.compare_data), every_table=True),
    PageKind("compare_places", routes.compare_places_routes, writer=_download(downloads.compare_places)),
    PageKind("datapackage", routes.datapackage_routes, writer=_download(downloads.datapackage_file)),
)
BY_NAME = {kind.name: kind for kind in KINDS}


def plan(view: View, kinds: tuple[PageKind, ...] = KINDS) -> tuple[Page, ...]:
    """Every page of the site, kind by kind in the table's order: made once per build."""
    return tuple(page for kind in kinds for page in kind.routes(view))


def search_stubs(view: View) -> list[SearchDoc]:
    """What the search index knows of each page of a searchable kind before reading it."""
    stubs = []
    for page in view.pages:
        kind = BY_NAME[page.kind]
        if kind.search_rank is not None:
            facets = kind.search_facets(page, view) if kind.search_facets else ()
            names = " ".join(value for name, value in facets if name in ("township", "region"))
            stubs.append(SearchDoc(page.url, "", "", facets, names, page.kind, kind.search_rank))
    return stubs


def sitemap_pages(view: View) -> list[Page]:
    """The readers' pages (HTML, found by URL): what the sitemap lists."""
    return [p for p in view.pages if BY_NAME[p.kind].html and BY_NAME[p.kind].in_sitemap]


def lastmod(page: Page, view: View, overall: str) -> str:
    """The date of the last commit to the content files a page shows ("" outside git); `overall`
    (the newest of all) for the pages that show the whole site."""
    dated_by = BY_NAME[page.kind].dated_by
    if dated_by is None:
        return overall
    return max((view.site.revised[p] for p in dated_by(page, view) if p in view.site.revised), default="")
