"""A report prints as a document (tables whole, no navigation, external URLs shown), weighs under
100 KB of HTML+CSS+JS, and no page asks another origin for anything."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.a11y.site_pages import EXTERNAL_LINK, PAGE_TYPES, REPORT

pytestmark = pytest.mark.browser

A4_WIDTH = 794  # CSS px at 96 dpi


def test_report_prints_without_navigation_and_with_whole_tables(open_page):
    page = open_page(REPORT, A4_WIDTH)
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".breadcrumbs", ".prev-next", ".skip-link", "#prefs"):
        assert not page.locator(selector).first.is_visible(), selector
    overflow = page.evaluate(
        "[...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().right > "
        "document.documentElement.clientWidth + 1).map(t => t.id)"
    )
    assert overflow == [], "a printed table must fit the page width"
    after = page.evaluate(
        f"getComputedStyle(document.querySelector('.report-body a[href=\"{EXTERNAL_LINK}\"]'), '::after').content"
    )
    assert EXTERNAL_LINK in after
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 3


def test_report_weighs_under_100_kb(browser, server):
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.ok else None)
    page.goto(server + REPORT, wait_until="networkidle")
    context.close()
    kinds = {url: urlsplit(url).path.rsplit(".", 1)[-1] for url in sizes}
    counted = {u: s for u, s in sizes.items() if kinds[u] in ("css", "js") or u.endswith("/")}
    assert len(counted) == 5  # the page, style.css, print.css, prefs.js, reader.js
    assert sum(counted.values()) < 100_000, counted


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_request_leaves_the_site(browser, server, kind):
    context = browser.new_context()
    foreign = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server)
            else (foreign.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.goto(server + PAGE_TYPES[kind], wait_until="networkidle")
    page.emulate_media(media="print")  # the print stylesheet may not fetch anything either
    page.wait_for_load_state("networkidle")
    context.close()
    assert foreign == []
