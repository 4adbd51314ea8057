"""Search benchmark: index time and size, bytes fetched and time to first results per query kind,
cold (fresh browser context) and warm (same page), in real Chromium, for xxgk's n-gram index and
for plain Pagefind over the same pages (its own word splitting; recall not equal).

    PYTHONPATH=. python benchmarks/search_bench.py 1000 5000
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.search_corpus import write_corpus
from generator.build import BuildOptions, build, load_site, make_urls, template_dir
from generator.navigation import build_index
from generator.pages import routes
from generator.search_index import build_search_index, search_docs
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, serve

QUERIES = {
    "word on every page": "政府信息公开",
    "common phrase": "年度报告",
    "2-character word": "复议",
    "across boundary": "请公开政",
    "number + unit": "228条",
    "long phrase": "主动公开政府信息",
    "place name": "安和镇",
    "mixed Latin": "GB/T 37668",
    "single character": "镇",
    "absent": "量子计算",
}
FINAL = "() => /^(找到|没有|已找到)/.test(document.getElementById('search-status').textContent)"
PLAIN = """async (q) => { const t = performance.now(); const pf = await import('/pagefind-plain/pagefind.js');
  const s = await pf.search(q); await Promise.all(s.results.slice(0, 8).map(r => r.data()));
  return [performance.now() - t, s.results.length]; }"""


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build_corpus(root: Path, reports: int) -> dict:
    write_corpus(root, reports)
    out = root / "site"
    started = time.perf_counter()
    options = BuildOptions(out, today=date(2026, 1, 1), cache=False, search=False)
    assert build(root, options).ok
    site_seconds = time.perf_counter() - started
    site, _ = load_site(root, date(2026, 1, 1))
    urls = make_urls(site, template_dir(root))
    index = build_index(site)
    started = time.perf_counter()
    build_search_index(search_docs(site, index, urls, list(routes(site, index, urls)), out), urls, out, options.jobs)
    index_seconds = time.perf_counter() - started
    started = time.perf_counter()
    run_pagefind_plain(out)
    plain_seconds = time.perf_counter() - started
    return {
        "site build s": site_seconds,
        "xxgk index s": index_seconds,
        "xxgk index MB": tree_size(out / "search/index") / 1e6,
        "cards MB": tree_size(out / "search/cards") / 1e6,
        "plain index s": plain_seconds,
        "plain index MB": tree_size(out / "pagefind-plain") / 1e6,
    }


def run_pagefind_plain(out: Path) -> None:
    import subprocess

    from pagefind_bin import get_executable

    command = [str(get_executable()), "--site", str(out), "--glob", "townships/**/*.html", "--quiet"]
    subprocess.run([*command, "--output-subdir", "pagefind-plain"], check=True, capture_output=True)


def byte_counter(page) -> list[int]:
    """A one-item list that accumulates the response bytes the page (and its workers) fetch from
    now on, from the Content-Length the server sends (read without a round trip to the browser,
    so that a page closed while the search is still checking cards does not break the count)."""
    fetched = [0]
    page.on("response", lambda r: fetched.__setitem__(0, fetched[0] + int(r.headers.get("content-length", 0))))
    return fetched


def shown(query: str) -> str:
    """A page function that becomes true, as the page's clock reading, when results or the final
    answer for `query` show (the progress note while candidates are checked does not count)."""
    return (
        "() => { const s = document.getElementById('search-status').textContent;"
        f" return /^(找到|没有|已找到)/.test(s) && s.includes('“{query}”') && performance.now(); }}"
    )


def cold_query(browser, origin: str, query: str) -> tuple:
    """A fresh browser context opens /search/?q=…: (ms from navigation start to first results,
    in the page's clock; the same wall-clock, as the benchmark saw it; KB fetched; the page)."""
    context = browser.new_context()
    page = context.new_page()
    fetched = byte_counter(page)
    started = time.perf_counter()
    page.goto(f"{origin}/search/?q={query}")
    in_page = page.wait_for_function(shown(query)).json_value()
    return in_page, (time.perf_counter() - started) * 1000, fetched[0] / 1000, page, fetched


def warm_query(page, fetched: list[int], query: str) -> tuple[float, float]:
    """The same page, after another query: (ms from Enter to first results, KB fetched)."""
    page.fill("#q", "工作")
    page.press("#q", "Enter")
    page.wait_for_function(shown("工作"))
    fetched[0] = 0
    page.fill("#q", query)
    started = page.evaluate("performance.now()")
    page.press("#q", "Enter")
    return page.wait_for_function(shown(query)).json_value() - started, fetched[0] / 1000


def page_ready(browser, origin: str) -> float:
    """The floor: ms from navigation start until /search/ (no query) has run its script."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{origin}/search/")
    ready = "() => document.documentElement.classList.contains('search-ready') && performance.now()"
    ms = page.wait_for_function(ready).json_value()
    context.close()
    return ms


def measure(browser, origin: str) -> list[tuple]:
    rows = []
    for kind, query in QUERIES.items():
        cold, wall, cold_kb, page, fetched = cold_query(browser, origin, query)
        warm, warm_kb = warm_query(page, fetched, query)
        status = page.inner_text("#search-status")
        page.context.close()
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{origin}/404.html")
        fetched = byte_counter(page)
        plain_ms, plain_hits = page.evaluate(PLAIN, query)
        context.close()
        rows.append((kind, query, cold, wall, cold_kb, warm, warm_kb, status, plain_ms, fetched[0] / 1000, plain_hits))
    return rows


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    for reports in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            figures = build_corpus(Path(tmp), reports)
            print(f"\n## {reports} reports: " + ", ".join(f"{k} {v:.2f}" for k, v in figures.items()))
            print(
                "| query kind | query | cold ms | cold wall ms | cold KB | warm ms | warm KB | result "
                "| plain cold ms | plain KB | plain hits |"
            )
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                for origin in serve(Path(tmp) / "site"):
                    floor = sorted(page_ready(browser, origin) for _ in range(3))[1]
                    for row in measure(browser, origin):
                        line = "| {} | {} | {:.0f} | {:.0f} | {:.0f} | {:.0f} | {:.0f} | {} | {:.0f} | {:.0f} | {} |"
                        print(line.format(*row))
                    print(f"page without a query, ready after {floor:.0f} ms (median of 3, fresh contexts)")
                browser.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
