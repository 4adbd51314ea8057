"""Which pages the site has: one function per page kind, each yielding that kind's pages with
the content digests they are made from (their dependencies). The kinds themselves, with their
templates and writers, are declared in kinds.py; every URL comes from model/urls.py."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.cells import compared_cells
from generator.model.pages import Page, View
from generator.model.site import FIGURE_NAMES, Report


def home_routes(view: View) -> Iterator[Page]:
    yield Page("home", view.urls.home(), (), (view.facets.all_listings,))


def townships_routes(view: View) -> Iterator[Page]:
    yield Page("townships", view.urls.townships(), (), (view.facets.all_listings,))


def township_routes(view: View) -> Iterator[Page]:
    for township in view.site.townships:
        reports = view.index.by_township.get(township.slug, ())
        deps = (township.digest, *(view.facets.data[r.key] for r in reports))
        yield Page("township", view.urls.township(township.slug), (township.slug,), deps)


def report_routes(view: View) -> Iterator[Page]:
    for report in view.site.reports:
        yield report_route(view, report)


def report_route(view: View, report: Report) -> Page:
    """A report's page: the only page that shows a report's body, so the only one a body edit changes."""
    index = view.index
    neighbours = (index.previous.get(report.key), index.following.get(report.key))
    deps = (report.digest, index.townships[report.township].digest,
            *(view.facets.listing[n.key] for n in neighbours if n),
            *(r.commit for r in view.site.corrections.get(report.path, ())),
            *(f"note\0{n.target}\0{n.key}\0{n.text}" for n in view.site.reader_notes.get(report.path, ())))
    return Page("report", view.urls.report(report.township, report.year), report.key, deps)


def years_routes(view: View) -> Iterator[Page]:
    yield Page("years", view.urls.years(), (), (view.facets.all_listings,))


def year_routes(view: View) -> Iterator[Page]:
    years = ",".join(str(y) for y in view.index.years)  # a year page links the years before and after it
    for year in view.index.years:
        # Every township has a row, with that year's report if any: other years do not matter.
        deps = (years, view.facets.townships, *(view.facets.data[r.key] for r in view.index.by_year[year]))
        yield Page("year", view.urls.year(year), (year,), deps)


def region_routes(view: View) -> Iterator[Page]:
    for county in view.index.counties.values():
        reports = view.index.reports_of_county(county)
        deps = (*(t.digest for t in county.townships), *(view.facets.data[r.key] for r in reports))
        yield Page("region", view.urls.region(county.slug), (county.slug,), deps)


def content_page_routes(view: View) -> Iterator[Page]:
    for page in view.site.pages:
        yield Page("page", view.urls.page(page.name), (page.name,), (page.digest,))


def search_routes(view: View) -> Iterator[Page]:
    yield Page("search", view.urls.search(), (), (view.facets.all_listings,))


def editor_routes(view: View) -> Iterator[Page]:
    """The editors' form (issue 23). With the pages, not the downloads: `xxgk serve` makes it too."""
    yield Page("editor", view.urls.editor(), (), ())


def editor_townships_routes(view: View) -> Iterator[Page]:
    yield Page("editor_townships", view.urls.editor_townships(), (), (view.facets.all_listings,))


def format_document_routes(view: View) -> Iterator[Page]:
    for fmt_id in sorted(view.site.schemas):  # from the schema alone: the build key covers it
        yield Page("format_document", view.urls.format_document(fmt_id), (fmt_id,), ())


def not_found_routes(view: View) -> Iterator[Page]:
    yield Page("not_found", view.urls.not_found(), (), ())


def feed_routes(view: View) -> Iterator[Page]:
    yield Page("feed", view.urls.feed(), (), (view.facets.all_listings,))


def sitemap_routes(view: View) -> Iterator[Page]:
    site = view.site
    # It lists every page, among them the comparison of every cell stated in some report.
    deps = (view.facets.all_listings, view.facets.stated_digest, *(p.digest for p in site.pages),
            *site.revised.values())
    yield Page("sitemap", view.urls.sitemap(), (), deps)


def township_feed_routes(view: View) -> Iterator[Page]:
    for township in view.site.townships:
        reports = view.index.by_township.get(township.slug, ())
        deps = (township.digest, *(view.facets.listing[r.key] for r in reports))
        yield Page("township_feed", view.urls.township_feed(township.slug), (township.slug,), deps)


def data_routes(view: View) -> Iterator[Page]:
    yield Page("data", view.urls.data_home(), (), (view.facets.all_data,))


def compare_routes(view: View) -> Iterator[Page]:
    yield Page("compare", view.urls.compare(), (), (view.facets.all_data,))


def compare_figure_routes(view: View) -> Iterator[Page]:
    """A county's matrix of a figure: static, for every reader. A figure edit re-renders its own
    county's pages, not every county's."""
    urls, facets, index = view.urls, view.facets, view.index
    for county in index.counties.values():
        deps = (facets.townships, *(facets.data[r.key] for r in index.reports_of_county(county)))
        for name in FIGURE_NAMES:
            yield Page("compare_figure", urls.compare_figure(name, county.slug), (name, county.slug), deps)


def compare_table_routes(view: View) -> Iterator[Page]:
    for pair in view.facets.tables_used:
        yield Page("compare_table", view.urls.compare_table(*pair), pair, (view.facets.all_data,))


def _compared(view: View) -> Iterator[tuple[tuple[str, ...], str, tuple[str, ...]]]:
    """(key, view URL, data file parts) of every figure and every cell stated in some report."""
    for name in FIGURE_NAMES:
        yield ("figure", name), view.urls.compare_figure(name), ("figures", name)
    for fmt_id, table_id in view.facets.tables_used:
        fmt = view.site.schemas[fmt_id]
        for cell in compared_cells(fmt, fmt.table(table_id), view.facets.stated):
            key = (fmt_id, table_id, cell.id)
            yield ("cell", *key), view.urls.compare_cell(*key), key


def compare_view_routes(view: View) -> Iterator[Page]:
    """The site-wide view of a figure or cell: a page the browser fills from its data file."""
    for key, url, _ in _compared(view):
        yield Page("compare_view", url, key, (view.facets.townships,))


def compare_data_routes(view: View) -> Iterator[Page]:
    for key, _, parts in _compared(view):
        yield Page("compare_data", view.urls.compare_data(*parts), key, (view.facets.all_data,))


def compare_places_routes(view: View) -> Iterator[Page]:
    years = ",".join(str(y) for y in view.index.years)
    yield Page("compare_places", view.urls.compare_data("places"), (), (view.facets.townships, years))


def report_json_routes(view: View) -> Iterator[Page]:
    for report in view.site.reports:
        township = view.index.townships[report.township]
        deps = (view.facets.data[report.key], township.digest, report.index_no)
        yield Page("report_json", view.urls.report_data(report.township, report.year, "report.json"), report.key, deps)


def report_csv_routes(view: View) -> Iterator[Page]:
    for report in view.site.reports:
        if report.tables:
            url = view.urls.report_data(report.township, report.year, "tables.csv")
            yield Page("report_csv", url, report.key, (view.facets.data[report.key],))


def figures_csv_routes(view: View) -> Iterator[Page]:
    yield Page("figures_csv", view.urls.data_file("figures.csv"), (), (view.facets.all_data,))


def bulk_csv_routes(view: View) -> Iterator[Page]:
    for fmt_id, table_id in view.facets.tables_used:
        url = view.urls.data_file(f"{fmt_id}-{table_id}.csv")
        yield Page("bulk_csv", url, (fmt_id, table_id), (view.facets.all_data,))


def bulk_xlsx_routes(view: View) -> Iterator[Page]:
    for fmt_id, table_id in view.facets.tables_used:
        url = view.urls.data_file(f"{fmt_id}-{table_id}.xlsx")
        yield Page("bulk_xlsx", url, (fmt_id, table_id), (view.facets.all_data,))


def datapackage_routes(view: View) -> Iterator[Page]:
    yield Page("datapackage", view.urls.data_file("datapackage.json"), (), (view.facets.all_data,))
