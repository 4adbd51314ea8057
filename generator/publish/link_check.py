"""The build's last gate: no page may link to a file or #anchor that the new site lacks.

Runs before the staging directory is swapped in, so a broken link leaves the previous site in place.
Each page written anew is checked as it is rendered (links.unresolved_links); pages carried over
are read only when a page was removed or lost an anchor (then one of them may now point at nothing,
and every page is read)."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from urllib.parse import quote, urlsplit

from generator.model.problems import Problem
from generator.model.site import Site
from generator.model.urls import Urls
from generator.publish.links import BrokenLink, Unresolved, broken_links, page_ids, resolve_links


def pages_to_check(
    staging: Path, previous_site: Path, rendered: Iterable[str], previous_files: Iterable[str] | None,
    present: set[str],
) -> list[str] | None:
    """The output paths whose links need reading; None means every page. `present`: the files
    of the new site.

    A page carried over unchanged links where it did before, so only two things can break it:
    a target that is gone, or an anchor lost from a page written anew. Either one, or no previous
    build to compare with, and every page is read."""
    if previous_files is None:
        return None
    written = sorted(p for p in rendered if p.endswith(".html"))
    if any(rel not in present for rel in previous_files):
        return None
    for rel in written:
        old = previous_site / rel
        if old.is_file() and page_ids(old) - page_ids(staging / rel):
            return None
    return written


def link_problems(
    broken: Iterable[BrokenLink], sources: Mapping[str, str], bodies: Mapping[str, tuple[str, int]] | None = None
) -> list[Problem]:
    """One `link.broken` problem per broken link, at the content file the page came from when
    there is one (reports, content pages), else at the page's output path; at the line of the
    body that has the link, when `bodies` (content path → body, its first line) has it."""
    problems = []
    for link in broken:
        source = sources.get(link.page)
        where = source or link.page
        page_note = f"（页面 {link.page}）" if source else ""
        body, first = (bodies or {}).get(where, ("", 0))
        problems.append(
            Problem(
                where,
                line_of_link(link.target, body, first),
                "link.broken",
                f"链接 {link.target} 指向站内不存在的页面或锚点{page_note}；请改正链接地址，或补上被链接的内容",
            )
        )
    return problems


def line_of_link(target: str, body: str, first: int) -> int:
    """The line of the body where a link to `target` is written (its #fragment, else the last
    name of its path, as an editor may have written it relatively); 0 if none is."""
    parts = urlsplit(target)
    name = parts.path.rstrip("/").rsplit("/", 1)[-1]
    wanted = [f"#{parts.fragment}", f"#{quote(parts.fragment)}"] if parts.fragment else [name] if name else []
    for number, line in enumerate(body.split("\n")):
        if ("](" in line or "href" in line) and any(w in line for w in wanted):
            return first + number
    return 0


def site_link_problems(
    site: Site, urls: Urls, staging: Path, out: Path, rendered: list[str], previous: Collection[str] | None,
    unresolved: list[Unresolved], present: set[str],
) -> list[Problem]:
    """No broken internal link or anchor reaches the live site (the scope: see the module text).
    The pages rendered were checked as they were made; what they left (`unresolved`) is looked up
    now. `present`: every output path of the new site, in `staging` if written anew, else in `out`.
    Pages carried over are read again only when a file or an anchor is gone. `previous`: the
    output paths of the last build, when its files in `out` are kept."""
    sources = {urls.output_path(urls.report(r.township, r.year)): r.path for r in site.reports}
    sources.update({urls.output_path(urls.page(p.name)): p.path for p in site.pages})
    bodies = {r.path: (r.body, r.body_line) for r in site.reports}
    bodies.update({p.path: (p.body, p.body_line) for p in site.pages})

    def path_of(rel: str) -> Path:
        return staging / rel if previous is None or os.path.isfile(staging / rel) else out / rel

    if previous is not None and pages_to_check(staging, out, rendered, previous, present) is None:
        return link_problems(broken_links(staging, urls.base_path, None, present, path_of), sources, bodies)
    return link_problems(resolve_links(unresolved, present.__contains__, path_of), sources, bodies)
