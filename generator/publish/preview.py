"""A copy of a built site that opens from disk: `xxgk build --preview DIR`.

The site's own links start with its base path (`/`, `/their-copy/`), which a browser resolves
against the disk's root when the pages are opened as files (an unzipped pull-request preview).
In the copy every such link in a page is made relative to that page, and a link to a folder
names its index.html, so that double-clicking index.html and following links works. Search and
other pages' scripts that fetch files need a server and do not work from disk."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from pathlib import Path

from generator.publish.output import MARKER, MARKER_TEXT, remove_tree

_ATTRIBUTE = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")')


def relative_links(html: str, rel: str, base_path: str) -> str:
    """`html` of the page at output path `rel`, each link under `base_path` made relative to it."""
    here = posixpath.dirname(rel)

    def one(match: re.Match[str]) -> str:
        url = match.group(2)
        if not url.startswith(base_path) or url.startswith("//"):
            return match.group(0)
        path, sep, rest = _split(url[len(base_path) :])
        if path == "" or path.endswith("/"):
            path += "index.html"
        target = posixpath.relpath(path, here or ".")
        return f"{match.group(1)}{target}{sep}{rest}{match.group(3)}"

    return _ATTRIBUTE.sub(one, html)


def _split(url: str) -> tuple[str, str, str]:
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=-1)
    return (url, "", "") if cut < 0 else (url[:cut], url[cut], url[cut + 1 :])


def write_preview(site: Path, preview: Path, base_path: str) -> int:
    """Copies `site` to `preview` (replacing a preview made before), its pages' links relative;
    returns the number of pages rewritten."""
    if preview.exists():
        remove_tree(preview)
    pages = 0
    for folder, _, names in os.walk(site):
        for name in names:
            source = Path(folder) / name
            rel = source.relative_to(site).as_posix()
            target = preview / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if name.endswith(".html"):
                html = source.read_text(encoding="utf-8")
                target.write_text(relative_links(html, rel, base_path), encoding="utf-8", newline="")
                pages += 1
            else:
                shutil.copyfile(source, target)
    (preview / MARKER).write_bytes(MARKER_TEXT)
    return pages
