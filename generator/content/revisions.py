"""When the content behind each page last changed (the sitemap's lastmod).

Commit dates from git_history.py (one `git log` per build), never the clock or file
mtimes, so that a checkout builds the same bytes anywhere. Outside a full git checkout there are
no dates, and no lastmod."""

from __future__ import annotations

from dataclasses import replace

from generator.model.site import Site


def with_revisions(site: Site, last_changed: dict[str, str]) -> Site:
    """The site with `revised` filled in for its content files (from history.read_git_history)."""
    files = [r.path for r in site.reports] + [t.path for t in site.townships] + [p.path for p in site.pages]
    return replace(site, revised={path: last_changed[path] for path in sorted(files) if path in last_changed})
