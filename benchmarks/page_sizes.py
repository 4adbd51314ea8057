"""Page sizes and the home page's height on a built site (issue 21: no page grows with the site).

    python benchmarks/page_sizes.py SITE [--no-browser]

Prints, per kind of page, how many there are and the largest (uncompressed HTML bytes), the pages
over 150 KB, and, in real Chromium at 360 px, the home page's height and where the first result
of a search starts. Build the site first: `python benchmarks/make_corpus.py 20000 /tmp/c20000 &&
xxgk --root /tmp/c20000 build`. Results: benchmarks/results.md."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LIMIT = 150_000
SCREEN = (360, 640)


def kind_of(rel: str) -> str:
    """The page kind of an output path, as pages.py names them."""
    parts = rel.split("/")
    if rel == "index.html":
        return "home"
    if parts[0] == "townships":
        return {2: "townships", 3: "township", 4: "report"}.get(len(parts), "other")
    if parts[0] == "years":
        return "years" if len(parts) == 2 else "year"
    if parts[0] in ("regions", "search", "compare", "data"):
        return {"regions": "region"}.get(parts[0], parts[0])
    return "page"


def sizes(site: Path) -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        found[kind_of(rel)].append((path.stat().st_size, rel))
    return found


def in_browser(site: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, serve

    served = serve(site)
    origin = next(served)
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for font in ("0", "2"):
            context = browser.new_context(viewport={"width": SCREEN[0], "height": SCREEN[1]})
            context.add_init_script(f"localStorage.setItem('xxgk-font', '{font}')")
            page = context.new_page()
            page.goto(origin + "/")
            found[f"home height, font {font} (px)"] = page.evaluate("document.documentElement.scrollHeight")
            page.goto(origin + "/search/?q=" + quote("政府信息公开"))
            page.wait_for_selector("#search-results li", timeout=60_000)
            found[f"first result bottom, font {font} (px)"] = page.evaluate(
                "document.querySelector('#search-results li h2').getBoundingClientRect().bottom"
            )
            context.close()
        browser.close()
    served.close()
    return found


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    found = sizes(args.site)
    print("| kind | pages | largest (bytes) | page |")
    print("|---|---:|---:|---|")
    for kind, pages in sorted(found.items()):
        size, rel = max(pages)
        print(f"| {kind} | {len(pages)} | {size:,} | {rel} |")
    over = sorted((s, r) for pages in found.values() for s, r in pages if s > LIMIT)
    print(f"\npages over {LIMIT:,} bytes: {len(over)}" + "".join(f"\n  {s:,} {r}" for s, r in over[-10:]))
    if not args.no_browser:
        for name, value in in_browser(args.site).items():
            print(f"{name}: {value:.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
