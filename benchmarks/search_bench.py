"""Search benchmark: index time and size, bytes fetched and time to first results per query kind,
cold (fresh browser context, from navigation start) and warm (a page that searched before, from Enter), in the
page's own clock, in real Chromium, for xxgk's n-gram index and for plain Pagefind over the same
pages (its own word splitting; recall not equal). "First results" is a result on screen with the
status naming the query, or the final "没有…"; "exact count" is when the status says "找到…".

    PYTHONPATH=. python benchmarks/search_bench.py 1000 5000
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

from benchmarks.search_corpus import write_corpus
from generator.engine.build import BuildOptions, build
from generator.engine.load import LoadOptions, load
from generator.engine.memo import MemoryMemo
from generator.engine.pool import Workers, parallel
from generator.engine.project import open_project
from generator.pages.kinds import search_stubs
from generator.search.index import build_search_index, search_doc
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
PLAIN = """async (q) => { const t = performance.now(); const pf = await import('/pagefind-plain/pagefind.js');
  const s = await pf.search(q); await Promise.all(s.results.slice(0, 8).map(r => r.data()));
  return [performance.now() - t, s.results.length]; }"""
# Reports, in the page's clock, when results first show for a query (a result in the list and the
# status naming the query, or the final "没有…") and when the count is exact ("找到…"/"没有…"): a
# console message, so that nothing polls the page's main thread while it is being timed.
OBSERVER = """(() => {
  let seen = new Set();
  window.__benchReset = () => { seen = new Set(); };
  const report = (what) => {
    if (!seen.has(what)) { seen.add(what); console.log(`xxgk-bench ${what} ${performance.now()}`); }
  };
  new MutationObserver(() => {
    const status = document.getElementById("search-status");
    const named = status && /“(.*)”/.exec(status.textContent);
    if (!named) return;
    const text = status.textContent;
    const listed = document.querySelector("#search-results li") && /找到/.test(text);
    if (text.startsWith("没有") || listed) report("first " + named[1]);
    if (/^(找到|没有)/.test(text)) report("exact " + named[1]);
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();"""
REPEAT = 3  # cold runs per query: the median is printed, with the range
def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build_corpus(root: Path, reports: int) -> dict:
    write_corpus(root, reports)
    out = root / "site"
    started = time.perf_counter()
    options = BuildOptions(out, today=date(2026, 1, 1), cache=False, search=False)
    assert build(root, options).ok
    site_seconds = time.perf_counter() - started
    view = load(root, LoadOptions(date(2026, 1, 1), assets=open_project(root).assets()), MemoryMemo()).view
    started = time.perf_counter()
    stubs = search_stubs(view)
    docs = [search_doc(s, (out / view.urls.output_path(s.url)).read_text(encoding="utf-8")) for s in stubs]
    run = partial(parallel, workers=Workers(options.jobs, serial_below=2), chunk=1)
    build_search_index(docs, view.urls, out, run, options.jobs)
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


class Clock:
    """The OBSERVER's reports for one page: (what, query) → ms in the page's clock."""

    def __init__(self, page) -> None:
        self.page, self.seen = page, {}
        page.add_init_script(OBSERVER)
        page.on("console", self.read)

    def read(self, message) -> None:
        parts = message.text.split(" ")
        if parts[0] == "xxgk-bench":
            self.seen[(parts[1], " ".join(parts[2:-1]))] = float(parts[-1])

    def wait(self, what: str, query: str, timeout_ms: float = 15000) -> float | None:
        waited = 0
        while (what, query) not in self.seen and waited < timeout_ms:
            self.page.wait_for_timeout(10)  # waits in Python: nothing runs in the page
            waited += 10
        return self.seen.get((what, query))

    def reset(self) -> None:
        self.seen.clear()
        self.page.evaluate("window.__benchReset()")


def cold_query(browser, origin: str, query: str) -> dict:
    """A fresh browser context opens /search/?q=…: ms from navigation start to the first results
    and to the exact count (None: not exact on the first screen), KB fetched until the first
    results, the status then."""
    context = browser.new_context()
    page = context.new_page()
    clock = Clock(page)
    fetched = byte_counter(page)
    page.goto(f"{origin}/search/?q={query}", wait_until="commit")
    first = clock.wait("first", query)
    kb = fetched[0] / 1000
    exact = clock.wait("exact", query, timeout_ms=1500)
    status = page.inner_text("#search-status")
    context.close()
    return {"first": first, "exact": exact, "kb": kb, "status": status}


def warm_query(browser, origin: str, query: str) -> tuple[float, float]:
    """A page that has already searched for something else ("工作"): (ms from Enter to the first
    results of `query`, KB fetched). Script and connections are warm; the query's own buckets and
    cards are not (unless "工作" shared them)."""
    context = browser.new_context()
    page = context.new_page()
    clock = Clock(page)
    fetched = byte_counter(page)
    page.goto(f"{origin}/search/?q=工作")
    clock.wait("first", "工作")
    page.wait_for_timeout(300)  # the cards of "工作" still being checked
    clock.reset()
    fetched[0] = 0
    page.fill("#q", query)
    started = page.evaluate("performance.now()")
    page.press("#q", "Enter")
    ms, kb = clock.wait("first", query) - started, fetched[0] / 1000
    context.close()
    return ms, kb


def page_ready(browser, origin: str) -> float:
    """The floor: ms from navigation start until /search/ (no query) has run its script."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{origin}/search/")
    ready = "() => document.documentElement.classList.contains('search-ready') && performance.now()"
    ms = page.wait_for_function(ready).json_value()
    context.close()
    return ms


def plain_query(browser, origin: str, query: str) -> tuple[float, float, int]:
    """Plain Pagefind from a loaded page: (ms from import() to 8 loaded results, KB, hits)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{origin}/404.html")
    fetched = byte_counter(page)
    ms, hits = page.evaluate(PLAIN, query)
    context.close()
    return ms, fetched[0] / 1000, hits


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def measure(browser, origin: str) -> list[tuple]:
    rows = []
    for kind, query in QUERIES.items():
        colds, warms, exacts = [], [], []
        for _ in range(REPEAT):
            cold = cold_query(browser, origin, query)
            warm, warm_kb = warm_query(browser, origin, query)
            status = cold["status"]
            colds.append(cold["first"])
            warms.append(warm)
            exacts.append(cold["exact"])
        plains = [plain_query(browser, origin, query) for _ in range(REPEAT)]
        exact = spread(exacts) if None not in exacts else "first screen only"
        plain_ms = spread([p[0] for p in plains])
        row = (kind, query, spread(colds), cold["kb"], exact, spread(warms), warm_kb, status, plain_ms, *plains[0][1:])
        rows.append(row)
    return rows


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    for reports in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            figures = build_corpus(Path(tmp), reports)
            print(f"\n## {reports} reports: " + ", ".join(f"{k} {v:.2f}" for k, v in figures.items()))
            print(f"cold, exact and warm: median (min–max) of {REPEAT} runs, ms in the page's clock")
            print(
                "| query kind | query | cold ms | cold KB | exact count ms | warm ms | warm KB | result "
                "| plain ms | plain KB | plain hits |"
            )
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                for origin in serve(Path(tmp) / "site"):
                    floor = sorted(page_ready(browser, origin) for _ in range(REPEAT))
                    for row in measure(browser, origin):
                        print("| {} | {} | {} | {:.0f} | {} | {} | {:.0f} | {} | {} | {:.0f} | {} |".format(*row))
                    print(f"page without a query, ready after {spread(floor)} ms (fresh contexts)")
                browser.close()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
