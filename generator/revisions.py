"""When each content file last changed, from git (for the sitemap's lastmod).

One `git log` over the content tree, read newest first: the first commit that names a file is
its last change. Commit dates, not the clock or file mtimes, so that a checkout builds the same
bytes anywhere. Outside a git checkout (or without git) there are no dates, and no lastmod."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

from generator.model import Site
from generator.navigation import SiteIndex
from generator.pages import Page

_COMMIT = "\x01"  # marks a commit line in the log; never part of a path


def last_commit_dates(root: Path) -> dict[str, str]:
    """Project-relative path (with /) → ISO date (YYYY-MM-DD) of the last commit touching it."""
    git = shutil.which("git")
    if git is None or not (root / "content").is_dir():
        return {}
    inside = subprocess.run(
        [git, "-C", str(root), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True, check=False
    )
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return {}
    log = subprocess.run(
        [
            git,
            "-C",
            str(root),
            "-c",
            "core.quotepath=off",
            "log",
            f"--format={_COMMIT}%cs",
            "--name-only",
            "--relative",
            "--no-renames",
            "--",
            "content",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    dates: dict[str, str] = {}
    current = ""
    for line in log.stdout.splitlines():
        if line.startswith(_COMMIT):
            current = line[1:]
        elif line and current:
            dates.setdefault(line, current)
    return dates


def with_revisions(root: Path, site: Site) -> Site:
    """The site with `revised` filled in for its content files."""
    dates = last_commit_dates(root)
    files = [r.path for r in site.reports] + [t.path for t in site.townships] + [p.path for p in site.pages]
    return replace(site, revised={path: dates[path] for path in sorted(files) if path in dates})


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
