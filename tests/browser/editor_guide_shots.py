"""The editors' guide's screenshots of the form (content/pages/help.md, 第八部分), made again from the
sample site: `python -m tests.browser.editor_guide_shots [OUTDIR]` (default templates/static/guide).
Not a test: a person looks at them before they replace the ones in the guide."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests.browser.conftest import site_in_chromium
from tests.conftest import FIXTURES, REPO, build_site

# 表二 as a clerk has typed it so far: one total typed wrong, to show what the form says.
TYPED = {
    "new": "3 0 0 0 0 1 5", "carried_over": "1 0 0 0 0 0 1", "granted": "2 0 0 0 0 1 3",
    "unable_not_held": "2 0 0 0 0 0 2", "total_handled": "4 0 0 0 0 1 5", "carried_forward": "0 0 0 0 0 0 0",
}


def top_of(page, selector: str, edge: str = "top") -> float:
    """Where an element starts (or ends) on the whole page: a full-page shot's clip is in these terms."""
    return page.eval_on_selector(selector, f"el => el.getBoundingClientRect().{edge} + window.scrollY")


def shots(site: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with site_in_chromium(site) as (origin, browser):
        for name, width, height in (("editor-table", 1000, 560), ("editor-phone", 360, 640)):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{origin}/editor/?township=demo-town&year=2022")
            page.wait_for_selector("#editor[data-ready]")
            for row, cells in TYPED.items():
                for index, value in enumerate(cells.split()):
                    page.fill(f"#c-applications-{row}-{index}", value)
            page.focus("#c-applications-new-6")
            page.wait_for_selector("#ed-bubble:not([hidden])")
            above = "#ed-h-applications" if width > 800 else "#c-applications-new-0"
            top = top_of(page, above) - (8 if width > 800 else 60)
            if width < 800:  # down to the end of the explanation shown under the cell
                height = top_of(page, "#ed-bubble", "bottom") - top + 12
            path = out / f"{name}.png"
            page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": top, "width": width, "height": height})
            written.append(path)
            if width > 800:
                page.locator("#ed-summary").scroll_into_view_if_needed()
                page.wait_for_function("document.getElementById('ed-summary').textContent.includes('处错误')")
                top, bottom = top_of(page, ".ed-send") - 8, top_of(page, ".ed-send", "bottom") + 8
                path = out / "editor-send.png"
                page.screenshot(path=str(path), full_page=True,
                                clip={"x": 0, "y": top, "width": width, "height": bottom - top})
                written.append(path)
            page.close()
    return written


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else REPO / "templates" / "static" / "guide"
    root = Path(tempfile.mkdtemp())
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(FIXTURES / "f2021/content/townships/demo-town", root / "content/townships/demo-town")
    with (root / "content/site.yaml").open("a", encoding="utf-8") as config:
        config.write("repository: https://github.com/example/xxgk-site\n")  # both ways of sending shown
    build_site(root, cache=False)
    for path in shots(root / "site", out):
        print(path)
    shutil.rmtree(root)


if __name__ == "__main__":
    main(sys.argv[1:])
