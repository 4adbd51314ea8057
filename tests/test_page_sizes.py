"""Pages that scale (issue 21): on a 1,000-report site no reader's page is over 150 KB, no page
lists every report, and the lists grow with counties, not townships (benchmarks/page_sizes.py
measures the same at 20,000 reports)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.engine.load import load_site
from generator.model.site_index import build_index
from generator.pages.contexts import LIST_LIMIT, NAME_LIMIT
from tests.conftest import TODAY

LIMIT = 150_000
# The comparison and open-data pages are the scale issue's (comparison.py, data_pages.py).
OTHERS = ("compare/", "data/")


def html_sizes(site: Path) -> dict[str, int]:
    return {
        p.relative_to(site).as_posix(): p.stat().st_size
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith(OTHERS)
    }


def test_no_readers_page_is_over_150_kb(corpus_site):
    sizes = html_sizes(corpus_site)
    assert len(sizes) > 1000
    assert {rel: size for rel, size in sizes.items() if size > LIMIT} == {}


def test_listing_pages_list_counties_not_every_report(corpus_site):
    reports = re.compile(r'href="/townships/[a-z0-9-]+/\d{4}/')
    home = (corpus_site / "index.html").read_text("utf-8")
    assert len(reports.findall(home)) <= 10  # the latest reports only
    for listing in ("townships/index.html", "years/index.html", "years/2019/index.html"):
        assert len(reports.findall((corpus_site / listing).read_text("utf-8"))) == 0, listing
    county_links = re.compile(r'href="/regions/[a-z0-9-]+/"')
    assert len(county_links.findall(home)) >= 5


def test_lists_switch_to_counties_above_their_limits(corpus_site):
    root = corpus_site.parent
    site, _ = load_site(root, TODAY)
    index = build_index(site)
    assert LIST_LIMIT < len(site.townships) <= NAME_LIMIT
    year = (corpus_site / "years/2019/index.html").read_text("utf-8")
    assert year.count('class="group-row"') == 0  # one row per county, with its totals
    assert len(re.findall(r'<tr><th scope="row"><a href="/regions/', year)) == len(index.counties)
    townships = (corpus_site / "townships/index.html").read_text("utf-8")
    assert all(f'href="/townships/{t.slug}/"' in townships for t in site.townships)
