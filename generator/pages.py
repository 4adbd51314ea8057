"""The one routing table: every URL of the site is made here, and nowhere else."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from generator.cells import compared_cells, stated_cells
from generator.model import FIGURE_NAMES, Report, Site
from generator.navigation import SiteIndex

RESERVED = {"townships", "years", "regions", "static", "search", "data", "compare", "editor"}


@dataclass(frozen=True)
class Urls:
    """URLs as the browser sees them: every one starts with the site's base path."""

    base_path: str
    base_url: str
    assets: tuple[tuple[str, str], ...] = ()  # static file name → content digest, for cache busting

    def home(self) -> str:
        return self.base_path

    def townships(self) -> str:
        return f"{self.base_path}townships/"

    def township(self, slug: str) -> str:
        return f"{self.base_path}townships/{slug}/"

    def report(self, slug: str, year: int) -> str:
        return f"{self.base_path}townships/{slug}/{year}/"

    def attachment(self, slug: str, year: int, name: str) -> str:
        return f"{self.report(slug, year)}{quote(name)}"

    def years(self) -> str:
        return f"{self.base_path}years/"

    def year(self, year: int) -> str:
        return f"{self.base_path}years/{year}/"

    def region(self, county_slug: str) -> str:
        return f"{self.base_path}regions/{county_slug}/"

    def page(self, name: str) -> str:
        return f"{self.base_path}{name}/"

    def static(self, name: str) -> str:
        digest = dict(self.assets).get(name, "")
        return f"{self.base_path}static/{name}" + (f"?v={digest[:10]}" if digest else "")

    def search(self) -> str:
        return f"{self.base_path}search/"

    def search_index(self) -> str:
        """The search index's folder (search_index.py): manifest.json.gz and `<bucket>.gz`."""
        return f"{self.base_path}search/index/"

    def search_cards(self) -> str:
        """The search cards' folder (search_cards.py): one `<page number>.gz` per page."""
        return f"{self.base_path}search/cards/"

    def feed(self) -> str:
        return f"{self.base_path}feed.xml"

    def sitemap(self) -> str:
        return f"{self.base_path}sitemap.xml"

    def not_found(self) -> str:
        return f"{self.base_path}404.html"

    # Open data, comparison and per-township feeds (issue 10): every URL still made here.
    def township_feed(self, slug: str) -> str:
        return f"{self.township(slug)}feed.xml"

    def data_home(self) -> str:
        return f"{self.base_path}data/"

    def data_file(self, name: str) -> str:
        """A bulk download: figures.csv, <format>-<table>.csv/.xlsx, datapackage.json."""
        return f"{self.data_home()}{name}"

    def report_data(self, slug: str, year: int, name: str) -> str:
        """A per-report download: report.json or tables.csv."""
        return f"{self.data_home()}townships/{slug}/{year}/{name}"

    def compare(self) -> str:
        return f"{self.base_path}compare/"

    def compare_figure(self, name: str, county_slug: str = "") -> str:
        scope = f"{county_slug}/" if county_slug else ""
        return f"{self.compare()}figures/{name}/{scope}"

    def compare_table(self, fmt: str, table: str) -> str:
        return f"{self.compare()}{fmt}/{table}/"

    def compare_cell(self, fmt: str, table: str, cell_id: str, county_slug: str = "") -> str:
        """One cell's matrix; a region is a section of the site-wide page (see README, Open data)."""
        return f"{self.compare_table(fmt, table)}{cell_id}/" + (f"#r-{county_slug}" if county_slug else "")

    # The editors' form (issue 23): its page, its list of townships, and the format documents.
    def editor(self, slug: str = "", year: int | None = None) -> str:
        """The form, opened ready for a township and year when they are given."""
        query = "&".join(f"{k}={v}" for k, v in (("township", slug), ("year", year)) if v)
        return f"{self.base_path}editor/" + (f"?{query}" if query else "")

    def editor_townships(self) -> str:
        return f"{self.base_path}editor/townships.json"

    def format_document(self, fmt_id: str) -> str:
        """Labels, layout and rules of one format, for programs (generator/format_document.py)."""
        return f"{self.data_home()}formats/{fmt_id}.json"

    def absolute(self, url: str) -> str:
        """Full URL for feeds and sitemaps; relative to the host when base_url has none."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}{url}" if parts.netloc else url

    def output_path(self, url: str) -> str:
        """The file a URL is served from, relative to the output directory."""
        path = unquote(url[len(self.base_path) :] if url.startswith(self.base_path) else url.lstrip("/"))
        return path + "index.html" if path.endswith("/") or not path else path


@dataclass(frozen=True)
class Page:
    """One output file: which template, for what (kind + key), and which sources it reads."""

    kind: str
    url: str
    template: str
    key: tuple = ()
    deps: tuple[str, ...] = ()  # digests of the content files whose change re-renders the page

    def fingerprint(self, base: str) -> str:
        return hashlib.sha256("\0".join((base, self.url, *self.deps)).encode()).hexdigest()


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Facets:
    """What other pages can see of each report, so that an edit re-renders only the pages that
    show what changed: a body edit touches the report page alone, a figure edit also the pages
    that compare figures, a new title every page that lists reports."""

    listing: dict[tuple[str, int], str]  # title, dates, organ, format: what lists of reports show
    data: dict[tuple[str, int], str]  # listing + figures + tables: what comparisons show
    all_listings: str  # the listing of every report and township, in one digest
    all_data: str
    townships: str  # every township, in one digest
    reports: dict[tuple[str, int], Report]  # the reports these facets were taken from
    stated: frozenset[tuple[str, str, str, int]]  # cells.stated_cells of all reports


def report_facets(site: Site, previous: Facets | None = None) -> Facets:
    """With `previous` (the dev server's last rebuild), the facets of a report that is the very
    same object as last time are taken over rather than hashed again."""
    known = previous.reports if previous else {}
    listing, data = {}, {}
    for r in site.reports:
        if known.get(r.key) is r:
            listing[r.key], data[r.key] = previous.listing[r.key], previous.data[r.key]
            continue
        listing[r.key] = _digest(r.key, r.title, r.published, r.organ, r.format, r.attachment)
        data[r.key] = _digest(listing[r.key], r.figures, r.tables)
    townships = _digest([t.digest for t in site.townships])
    all_data = _digest(townships, list(data.values()))
    same = previous is not None and previous.all_data == all_data
    stated = previous.stated if same else frozenset(stated_cells(site.reports))
    reports = {r.key: r for r in site.reports}
    return Facets(listing, data, _digest(townships, list(listing.values())), all_data, townships, reports, stated)


def routes(site: Site, index: SiteIndex, urls: Urls, facets: Facets | None = None) -> Iterator[Page]:
    facets = facets or report_facets(site)
    listings, data = (facets.all_listings,), (facets.all_data,)
    yield Page("home", urls.home(), "home.html", (), listings)
    yield Page("townships", urls.townships(), "townships.html", (), listings)
    for township in site.townships:
        reports = index.by_township.get(township.slug, ())
        deps = (township.digest, *(facets.data[r.key] for r in reports))
        yield Page("township", urls.township(township.slug), "township.html", (township.slug,), deps)
    for report in site.reports:
        yield report_route(site, index, urls, facets, report)
    yield Page("years", urls.years(), "years.html", (), listings)
    years = ",".join(str(y) for y in index.years)  # a year page links the years before and after it
    for year in index.years:
        # Every township has a row, with that year's report if any: other years do not matter.
        deps = (years, *(t.digest for t in site.townships), *(facets.data[r.key] for r in index.by_year[year]))
        yield Page("year", urls.year(year), "year.html", (year,), deps)
    for county in index.counties.values():
        reports = index.reports_of_county(county)
        deps = (*(t.digest for t in county.townships), *(facets.data[r.key] for r in reports))
        yield Page("region", urls.region(county.slug), "region.html", (county.slug,), deps)
    for page in site.pages:
        yield Page("page", urls.page(page.name), "page.html", (page.name,), (page.digest,))
    yield Page("search", urls.search(), "search.html", (), listings)
    yield from editor_routes(site, urls, facets)  # issue 23: the editors' form
    yield Page("not_found", urls.not_found(), "404.html", (), ())
    yield Page("feed", urls.feed(), "feed.xml", (), listings)
    pages = tuple(p.digest for p in site.pages)
    yield Page("sitemap", urls.sitemap(), "sitemap.xml", (), (*listings, *pages, *site.revised.values()))
    yield from open_data_routes(site, index, urls, data, facets)


def report_route(site: Site, index: SiteIndex, urls: Urls, facets: Facets, report: Report) -> Page:
    """A report's page. It is the only page that shows a report's body, so the only one a body
    edit changes (the dev server relies on that: see devbuild.py `route_table`)."""
    neighbours = (index.previous.get(report.key), index.following.get(report.key))
    deps = (report.digest, index.townships[report.township].digest,
            *(facets.listing[n.key] for n in neighbours if n),
            *(r.commit for r in site.corrections.get(report.path, ())))
    return Page("report", urls.report(report.township, report.year), "report.html", report.key, deps)


def editor_routes(site: Site, urls: Urls, facets: Facets) -> Iterator[Page]:
    """The editors' form and the files it reads (editor_page.py writes them). Here, with the pages,
    not with the downloads: `xxgk serve` makes these, so the form works while previewing too."""
    yield Page("editor", urls.editor(), "editor.html", (), ())
    yield Page("editor_townships", urls.editor_townships(), "", (), (facets.all_listings,))
    for fmt_id in sorted(site.schemas):  # from the schema alone: the build key covers it
        yield Page("format_document", urls.format_document(fmt_id), "", (fmt_id,), ())


def used_tables(site: Site) -> tuple[tuple[str, str], ...]:
    """(format, table) pairs that at least one report fills in, in schema order."""
    used = {(v.format, v.id) for r in site.reports for v in r.tables}
    return tuple((f, t.id) for f, fmt in sorted(site.schemas.items()) for t in fmt.tables if (f, t.id) in used)


def open_data_routes(site: Site, index: SiteIndex, urls: Urls, every: tuple[str, ...],
                     facets: Facets) -> Iterator[Page]:
    """HTML pages of issue 10: the data page, comparisons, per-township feeds."""
    yield Page("data", urls.data_home(), "data.html", (), every)
    yield Page("compare", urls.compare(), "compare_index.html", (), every)
    # A county's comparison shows its own reports and links every county: a figure edit re-renders
    # its county's pages, not every county's (at 20,000 reports: 7 pages, not 1,200).
    by_county = {
        c.slug: (facets.townships, *(facets.data[r.key] for r in index.reports_of_county(c)))
        for c in index.counties.values()
    }
    for name in FIGURE_NAMES:
        yield Page("compare_figure", urls.compare_figure(name), "compare.html", (name, ""), every)
        for slug, deps in by_county.items():
            yield Page("compare_figure", urls.compare_figure(name, slug), "compare.html", (name, slug), deps)
    stated = facets.stated
    for fmt_id, table_id in used_tables(site):
        fmt = site.schemas[fmt_id]
        pair = (fmt_id, table_id)
        yield Page("compare_table", urls.compare_table(*pair), "compare_table.html", pair, every)
        for cell in compared_cells(fmt, fmt.table(table_id), stated):
            key = (fmt_id, table_id, cell.id)
            yield Page("compare_cell", urls.compare_cell(*key), "compare.html", key, every)
    for township in site.townships:
        reports = index.by_township.get(township.slug, ())
        yield Page(
            "township_feed",
            urls.township_feed(township.slug),
            "feed.xml",
            (township.slug,),
            (township.digest, *(facets.listing[r.key] for r in reports)),
        )


def data_routes(site: Site, index: SiteIndex, urls: Urls) -> Iterator[Page]:
    """The downloads (not rendered by a template: generator/open_data.py writes them)."""
    for report in site.reports:
        yield Page("report_json", urls.report_data(report.township, report.year, "report.json"), "", report.key)
        if report.tables:
            yield Page("report_csv", urls.report_data(report.township, report.year, "tables.csv"), "", report.key)
    yield Page("figures_csv", urls.data_file("figures.csv"), "")
    for fmt_id, table_id in used_tables(site):
        yield Page("bulk_csv", urls.data_file(f"{fmt_id}-{table_id}.csv"), "", (fmt_id, table_id))
        yield Page("bulk_xlsx", urls.data_file(f"{fmt_id}-{table_id}.xlsx"), "", (fmt_id, table_id))
    yield Page("report_schema", urls.data_file("report-tables.schema.json"), "")
    yield Page("datapackage", urls.data_file("datapackage.json"), "")
