"""Internal link check over a built site: every href/src that stays on the site must reach a
file, and every #fragment an id in it."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Collection, Container, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK = re.compile(r"""\s(?:href|src)="([^"]*)\"""")
_ID = re.compile(r"""\sid="([^"]*)\"""")
_NOT_PLAIN = re.compile(r"[#%&?:]")  # a fragment, an escape, a query or a scheme


@dataclass(frozen=True)
class BrokenLink:
    page: str  # output path of the page with the link
    target: str


def output_files(out: Path) -> set[str]:
    """Every file under `out`, as output paths (one walk: a stat per link costs minutes at 20,000 reports)."""
    found = set()
    for folder, _, files in os.walk(out):
        base = os.path.relpath(folder, out).replace(os.sep, "/")
        prefix = "" if base == "." else base + "/"
        found.update(prefix + name for name in files)
    return found


def _target(base_path: str, path: str) -> str | None:
    """The output path a link's path is served from (None: not under the site's base path)."""
    if not path.startswith(base_path):
        return None
    rel = unquote(path[len(base_path) :])
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def _parse_link(raw: str, base_path: str) -> tuple[str, str | None, str] | None:
    """(the link, the output path it reaches: "" for the page itself, None for a path outside the
    base path; its #fragment), or None for a link that leaves the site."""
    if raw.startswith(base_path) and not raw.startswith("//") and not _NOT_PLAIN.search(raw):
        # A plain path under the base path, as most links are (a comparison page has one to every
        # report): nothing to unescape, split or unquote, which took most of the check's time.
        rel = raw[len(base_path) :]
        return raw, rel + "index.html" if rel == "" or rel.endswith("/") else rel, ""
    link = html.unescape(raw)
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:")):
        return None
    return link, _target(base_path, parts.path) if parts.path else "", unquote(parts.fragment)


# (page, link, output path it reaches or None, #fragment): a link its page cannot vouch for alone
Unresolved = tuple[str, str, "str | None", str]


def broken_links(
    out: Path, base_path: str, pages: list[str] | None = None, present: Collection[str] | None = None,
    path_of: Callable[[str], Path] | None = None,
) -> list[BrokenLink]:
    """Checks the links of `pages` (output paths; default every .html file) against `out`
    (`present`: its `output_files`, when the caller has them; `path_of`: where an output path's
    file is, when not in `out`: a build that updates its output in place reads two folders)."""
    present = output_files(out) if present is None else present
    path_of = path_of or (lambda rel: out / rel)
    names = pages if pages is not None else sorted(p for p in present if p.endswith(".html"))
    parsed: dict[str, tuple[str, str | None, str] | None] = {}  # most links repeat on every page: parse each once
    found = [
        link
        for name in names
        for link in unresolved_links(name, path_of(name).read_text(encoding="utf-8"), base_path, present, parsed)
    ]
    return resolve_links(found, present.__contains__, path_of)


def unresolved_links(
    name: str, text: str, base_path: str, planned: Container[str], parsed: dict[str, tuple[str, str | None, str] | None]
) -> list[Unresolved]:
    """The links of page `name` (its `text`) that neither the page nor the `planned` output paths
    vouch for: a target outside the site or not planned, an #anchor the page itself lacks, an
    #anchor on another page. The render workers call this on each page as it is made, so that
    only these few are left to look up once every file is written (`resolve_links`).
    `parsed`: the caller's memo of parsed links."""
    found: list[Unresolved] = []
    own_ids: set[str] | None = None
    for raw in set(_LINK.findall(text)):
        if raw not in parsed:
            parsed[raw] = _parse_link(raw, base_path)
        if parsed[raw] is None:
            continue
        link, target, fragment = parsed[raw]
        target = name if target == "" else target
        if target is not None and target in planned and (not fragment or not target.endswith(".html")):
            continue
        if target == name and fragment:
            own_ids = text_ids(text) if own_ids is None else own_ids
            if fragment in own_ids:
                continue
        found.append((name, link, target, fragment))
    return found


def resolve_links(
    links: Iterable[Unresolved], exists: Callable[[str], bool], path_of: Callable[[str], Path]
) -> list[BrokenLink]:
    """Which of `links` reach no file (`exists` says whether an output path is one of the site's,
    `path_of` where its file is), or no id in it."""
    ids: dict[str, set[str]] = {}
    broken = []
    for name, link, target, fragment in links:
        if target is None or not exists(target):
            broken.append(BrokenLink(name, link))
        elif fragment and target.endswith(".html"):
            if target not in ids:
                ids[target] = page_ids(path_of(target))
            if fragment not in ids[target]:
                broken.append(BrokenLink(name, link))
    return sorted(set(broken), key=lambda b: (b.page, b.target))


def page_ids(page: Path) -> set[str]:
    """The #fragment targets a page offers (for noticing when a rebuilt page lost one)."""
    return text_ids(page.read_text(encoding="utf-8"))


def text_ids(text: str) -> set[str]:
    return {html.unescape(i) for i in _ID.findall(text)}
