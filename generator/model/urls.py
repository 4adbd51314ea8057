"""Every URL of the site is made here, and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

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
        digest = next((d for n, d in self.assets if n == name), "")  # a few files: no dict per call
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

    def compare_cell(self, fmt: str, table: str, cell_id: str) -> str:
        """One cell's site-wide view (drawn in the browser from compare_data)."""
        return f"{self.compare_table(fmt, table)}{cell_id}/"

    # The editors' form (issue 23): its page, its list of townships, and the format documents.
    def editor(self, slug: str = "", year: int | None = None) -> str:
        """The form, opened ready for a township and year when they are given."""
        query = "&".join(f"{k}={v}" for k, v in (("township", slug), ("year", year)) if v)
        return f"{self.base_path}editor/" + (f"?{query}" if query else "")

    def editor_townships(self) -> str:
        return f"{self.base_path}editor/townships.json"

    def format_document(self, fmt_id: str) -> str:
        """Labels, layout and rules of one format, for programs (pages/format_document.py)."""
        return f"{self.data_home()}formats/{fmt_id}.json"

    def compare_data(self, *parts: str) -> str:
        """A view's data file: ("figures", name), (format, table, cell id), or ("places",)."""
        return f"{self.data_home()}compare/{'/'.join(parts)}.json"

    def absolute(self, url: str) -> str:
        """Full URL for feeds and sitemaps; relative to the host when base_url has none."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}{url}" if parts.netloc else url

    def output_path(self, url: str) -> str:
        """The file a URL is served from, relative to the output directory."""
        path = unquote(url[len(self.base_path) :] if url.startswith(self.base_path) else url.lstrip("/"))
        return path + "index.html" if path.endswith("/") or not path else path
