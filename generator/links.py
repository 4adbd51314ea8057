"""Internal link check over a built site: every href/src that stays on the site must reach a
file, and every #fragment an id in it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK = re.compile(r"""\s(?:href|src)="([^"]*)\"""")
_ID = re.compile(r"""\sid="([^"]*)\"""")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # output path of the page with the link
    target: str


def _target_file(out: Path, base_path: str, path: str) -> Path | None:
    if not path.startswith(base_path):
        return None
    rel = unquote(path[len(base_path) :])
    target = out / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    return target


def broken_links(out: Path, base_path: str, pages: list[str] | None = None) -> list[BrokenLink]:
    """Checks the links of `pages` (output paths; default every .html file) against `out`."""
    names = pages if pages is not None else sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    broken = []
    for name in names:
        page = out / name
        text = page.read_text(encoding="utf-8")
        for raw in _LINK.findall(text):
            link = html.unescape(raw)
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:")):
                continue
            target = _target_file(out, base_path, parts.path) if parts.path else page
            if target is None or not target.is_file():
                broken.append(BrokenLink(name, link))
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {html.unescape(i) for i in _ID.findall(target.read_text(encoding="utf-8"))}
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(BrokenLink(name, link))
    return broken


def page_ids(page: Path) -> set[str]:
    """The #fragment targets a page offers (for noticing when a rebuilt page lost one)."""
    return {html.unescape(i) for i in _ID.findall(page.read_text(encoding="utf-8"))}
