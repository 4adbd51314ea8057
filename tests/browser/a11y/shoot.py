"""Screenshots for a person to look at (not a test): `python -m tests.browser.a11y.shoot OUTDIR [SITE]`.

Builds the sample site (or serves SITE), then writes full-page PNGs of every page type (site_pages.py)
at 1280 and 360 px, and the report at 360 px in the largest text size and in large-font +
high-contrast mode. A tall page is also cut into screen-sized parts."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browser.a11y.site_pages import PAGE_TYPES
from tests.browser.conftest import site_in_chromium

SHOTS = (
    *((kind, width, {}) for kind in PAGE_TYPES for width in (1280, 360)),
    ("report", 360, {"font": "2"}),
    ("report", 360, {"font": "2", "contrast": "1"}),
    ("editor", 360, {"font": "2"}),
)


def shoot(site: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with site_in_chromium(site) as (base, browser):
        for kind, width, prefs in SHOTS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            context.add_init_script("".join(f"localStorage.setItem('xxgk-{k}','{v}');" for k, v in prefs.items()))
            page = context.new_page()
            page.goto(base + PAGE_TYPES[kind])
            page.wait_for_load_state("networkidle")  # pages laid out by a script (the editors' form)
            if "?q=" in PAGE_TYPES[kind]:
                page.wait_for_selector("#search-results li")
            suffix = "".join(f"-{k}{v}" for k, v in sorted(prefs.items()))
            path = out / f"{kind}-{width}{suffix}.png"
            page.screenshot(path=str(path), full_page=True)
            written.append(path)
            written += _slices(page, out / f"{kind}-{width}{suffix}", width)
            context.close()
    return written


def _slices(page, stem: Path, width: int) -> list[Path]:
    """A tall page also in screen-sized parts, so each can be looked at unscaled."""
    height = page.evaluate("document.documentElement.scrollHeight")
    step = 2 * width if width < 800 else 1200
    if height <= step * 1.5:
        return []
    parts = []
    for n, top in enumerate(range(0, height, step), 1):
        path = stem.with_name(f"{stem.name}-part{n}.png")
        clip = {"x": 0, "y": top, "width": width, "height": min(step, height - top)}
        page.screenshot(path=str(path), full_page=True, clip=clip)
        parts.append(path)
    return parts


def main(argv: list[str]) -> None:
    out = Path(argv[0])
    if len(argv) > 1:
        site = Path(argv[1])
    else:
        from tests.conftest import REPO, build_site

        site = Path(tempfile.mkdtemp()) / "site"
        build_site(REPO, site, cache=False)
    for path in shoot(site, out):
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
