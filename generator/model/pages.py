"""The typed pages that travel down the pipeline: each page of the site (kind, URL, key, and the
digests it is made from), the reports' facets those digests come from, and the view of the site
that every page kind's functions read."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Protocol

from generator.model.cells import stated_cells
from generator.model.site import Report, Site
from generator.model.site_index import SiteIndex
from generator.model.urls import Urls


@dataclass(frozen=True)
class Page:
    """One output file: its kind, URL and key, and the digests of what it is made from: when
    they are the same as last time, so are its bytes."""

    kind: str
    url: str
    key: tuple = ()
    deps: tuple[str, ...] = ()

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
    stated: frozenset[tuple[str, str, str, int]]  # cells.stated_cells of all reports
    stated_digest: str = ""  # of `stated`: which cells have a comparison page
    tables_used: tuple[tuple[str, str], ...] = ()  # used_tables(site), planned once


def report_facet(report: Report) -> tuple[str, str]:
    """(listing, data): the digests of what lists of reports and comparisons show of a report."""
    listing = _digest(report.key, report.title, report.published, report.organ, report.format, report.attachment)
    return listing, _digest(listing, report.figures, report.tables)


def facets_of(
    site: Site, per_report: dict[tuple[str, int], tuple[str, str]], stated: frozenset[tuple[str, str, str, int]]
) -> Facets:
    """The site's facets from each report's (`report_facet`) and the cells stated anywhere."""
    listing = {r.key: per_report[r.key][0] for r in site.reports}
    data = {r.key: per_report[r.key][1] for r in site.reports}
    townships = _digest([t.digest for t in site.townships])
    all_listings = _digest(townships, list(listing.values()))
    all_data = _digest(townships, list(data.values()))
    return Facets(listing, data, all_listings, all_data, townships, stated, _digest(sorted(stated)), used_tables(site))


def report_facets(site: Site) -> Facets:
    return facets_of(site, {r.key: report_facet(r) for r in site.reports}, frozenset(stated_cells(site.reports)))


@dataclass(frozen=True)
class View:
    """What every page kind's functions read: the site, its indexes, its URLs, the reports'
    facets, and (once planned) every page of the site."""

    site: Site
    index: SiteIndex
    urls: Urls
    facets: Facets
    pages: tuple[Page, ...] = ()


def used_tables(site: Site) -> tuple[tuple[str, str], ...]:
    """(format, table) pairs that at least one report fills in, in schema order."""
    used = {(v.format, v.id) for r in site.reports for v in r.tables}
    return tuple((f, t.id) for f, fmt in sorted(site.schemas.items()) for t in fmt.tables if (f, t.id) in used)


class Anchors(Protocol):
    """The #fragment targets of pages (pages/anchors.py makes them from the renderer's own functions)."""

    pages: Mapping[str, object]  # URL → report or content page
    fixed: frozenset[str]  # the ids every page's template writes

    def of(self, url: str) -> frozenset[str] | None: ...


@dataclass(frozen=True)
class Known:
    """What a link in content may reach, as the engine gives it: every path of the site (pages,
    attachments, static files) and each page's anchors."""

    paths: Set[str]
    anchors: Anchors
