"""When the content behind each page last changed (the sitemap's lastmod).

Commit dates from generator/history.py (one `git log` per build), never the clock or file
mtimes, so that a checkout builds the same bytes anywhere. Outside a full git checkout there are
no dates, and no lastmod."""

from __future__ import annotations

from dataclasses import replace

from generator.model.site import Site
from generator.model.site_index import SiteIndex
from generator.pages.routes import Page


def with_revisions(site: Site, last_changed: dict[str, str]) -> Site:
    """The site with `revised` filled in for its content files (from history.read_git_history)."""
    files = [r.path for r in site.reports] + [t.path for t in site.townships] + [p.path for p in site.pages]
    return replace(site, revised={path: last_changed[path] for path in sorted(files) if path in last_changed})


def latest(site: Site, paths: list[str]) -> str:
    """The newest date among `paths`; empty when none is known."""
    return max((site.revised[p] for p in paths if p in site.revised), default="")


def last_modified(page: Page, site: Site, index: SiteIndex, overall: str) -> str:
    """The date of the last commit to the content files a page shows ("" outside git);
    `overall` (the newest of all) for the pages that list the whole site."""
    if page.kind == "report":
        report = next(r for r in index.by_township[page.key[0]] if r.year == page.key[1])
        return latest(site, [report.path])
    if page.kind == "township":
        township = index.townships[page.key[0]]
        return latest(site, [township.path, *(r.path for r in index.by_township.get(township.slug, ()))])
    if page.kind == "page":
        return latest(site, [p.path for p in site.pages if p.name == page.key[0]])
    if page.kind == "year":
        return latest(site, [r.path for r in index.by_year[page.key[0]]])
    if page.kind == "region":
        county = index.counties[page.key[0]]
        return latest(site, [*(t.path for t in county.townships), *(r.path for r in index.reports_of_county(county))])
    return overall
