"""The one routing table: every URL of the site is made here, and nowhere else."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from generator.model import Site
from generator.navigation import SiteIndex

RESERVED = {"townships", "years", "regions", "static", "search", "data", "pagefind", "compare"}


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

    def feed(self) -> str:
        return f"{self.base_path}feed.xml"

    def sitemap(self) -> str:
        return f"{self.base_path}sitemap.xml"

    def not_found(self) -> str:
        return f"{self.base_path}404.html"

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


def routes(site: Site, index: SiteIndex, urls: Urls) -> Iterator[Page]:
    # Pages that list the whole site depend on every file: one combined digest stands for them.
    every = (
        hashlib.sha256(
            "".join([*(index.summaries[r.key] for r in site.reports), *(t.digest for t in site.townships)]).encode()
        ).hexdigest(),
    )
    yield Page("home", urls.home(), "home.html", (), every)
    yield Page("townships", urls.townships(), "townships.html", (), every)
    for township in site.townships:
        reports = index.by_township.get(township.slug, ())
        yield Page(
            "township",
            urls.township(township.slug),
            "township.html",
            (township.slug,),
            (township.digest, *(index.summaries[r.key] for r in reports)),
        )
    for report in site.reports:
        neighbours = (index.previous.get(report.key), index.following.get(report.key))
        yield Page(
            "report",
            urls.report(report.township, report.year),
            "report.html",
            report.key,
            (
                report.digest,
                index.townships[report.township].digest,
                *(index.summaries[n.key] for n in neighbours if n),
            ),
        )
    yield Page("years", urls.years(), "years.html", (), every)
    for year in index.years:
        yield Page("year", urls.year(year), "year.html", (year,), every)
    for county in index.counties.values():
        reports = index.reports_of_county(county)
        yield Page(
            "region",
            urls.region(county.slug),
            "region.html",
            (county.slug,),
            (*(t.digest for t in county.townships), *(index.summaries[r.key] for r in reports)),
        )
    for page in site.pages:
        yield Page("page", urls.page(page.name), "page.html", (page.name,), (page.digest,))
    yield Page("not_found", urls.not_found(), "404.html", (), ())
    yield Page("feed", urls.feed(), "feed.xml", (), every)
    yield Page("sitemap", urls.sitemap(), "sitemap.xml", (), (*every, *(p.digest for p in site.pages)))
