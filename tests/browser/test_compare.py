"""The site-wide comparison views (issue 20), drawn in the browser from their data files, against
what Python wrote: each county's static matrix and the bulk CSV. Real Chromium, a 1,000-report site."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from tests.browser.conftest import serve
from tests.conftest import REPO, build_site

pytestmark = pytest.mark.browser

# Rows of a table (a county matrix) or of one tbody (a county in the drawn view) as {row name:
# {year: value}}; a value is the cell's number (data-value), or its spoken words where it is blank
# ("无报告" for ·, "报告未载明" for —).
READ_ROWS = """(root) => {
  const table = root.closest('table');
  const years = [...table.tHead.rows[0].cells].slice(1).map((th) => th.textContent.trim());
  const rows = {};
  for (const tr of root.querySelectorAll(root === table ? 'tbody tr:not(.group-row)' : 'tr')) {
    const name = tr.cells[0].textContent.replace(/（.*）$/, '').trim();
    rows[name] = Object.fromEntries([...tr.cells].slice(1).map((td, i) => {
      const hidden = td.querySelector('.visually-hidden');
      const value = td.dataset.value;
      return [years[i], value === '' && hidden ? hidden.textContent : value];
    }));
  }
  return rows;
}"""


@pytest.fixture(scope="module")
def corpus(corpus_site):
    yield from serve(corpus_site)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample site: one township per county, years apart, so counties have years with no report."""
    root = tmp_path_factory.mktemp("compare-sample")
    shutil.copytree(REPO / "content", root / "content")
    assert build_site(root).ok
    yield from serve(root / "site")


def drawn(browser, url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#compare-view[data-ready='true'] table")
    return context, page


def counties_opened(page, count: int) -> dict[str, dict]:
    """The first `count` counties: their slug → (county row, township rows), each county opened."""
    found = {}
    for body in page.query_selector_all("#compare-view tbody")[:count]:
        slug = body.get_attribute("id").removeprefix("r-")
        body.query_selector("button.county-toggle").click()
        rows = body.evaluate(READ_ROWS)
        county_row = body.query_selector("tr.county-row").evaluate("tr => tr.cells[0].textContent")
        county = county_row.split("（")[0]
        found[slug] = (rows.pop(county), rows)
    return found


@pytest.mark.parametrize("site", ["corpus", "sample"])
def test_the_view_of_a_figure_shows_what_each_county_matrix_shows(browser, site, request):
    origin = request.getfixturevalue(site)
    context, page = drawn(browser, f"{origin}/compare/figures/proactive_items/")
    counties = counties_opened(page, 5)
    assert len(counties) == 5
    blanks = set()
    for slug, (totals, townships) in counties.items():
        matrix_page = context.new_page()
        matrix_page.goto(f"{origin}/compare/figures/proactive_items/{slug}/")
        matrix = matrix_page.eval_on_selector("table.compare-matrix", READ_ROWS)
        assert set(matrix) == set(townships)
        for name, by_year in matrix.items():
            # the view has every year of the site; the county's matrix the years its reports cover
            assert by_year.items() <= townships[name].items(), name
            assert all(v == "无报告" for y, v in townships[name].items() if y not in by_year), name
        for year, total in totals.items():
            numbers = [float(t[year]) for t in townships.values() if t[year] not in ("无报告", "报告未载明")]
            if numbers:
                assert float(total) == pytest.approx(sum(numbers)), (slug, year)
            else:  # blank: no report at all that year, or reports that do not state it
                reported = any(t[year] == "报告未载明" for t in townships.values())
                assert total == ("报告未载明" if reported else "无报告"), (slug, year)
                blanks.add(total)
    assert site == "corpus" or "无报告" in blanks  # the sample has county-years with no report
    context.close()


def test_the_view_of_a_cell_shows_the_bulk_csv(browser, corpus, corpus_site):
    stated = {}  # the f2021 view shows f2019 reports too: the two formats share this cell
    for fmt in ("f2019", "f2021"):
        text = (corpus_site / f"data/{fmt}-applications.csv").read_text("utf-8-sig")
        ids, _labels, *data = list(csv.reader(io.StringIO(text)))
        township, year, column = ids.index("township"), ids.index("year"), ids.index("new.total")
        stated.update({(r[township], r[year]): r[column] for r in data})
    context, page = drawn(browser, f"{corpus}/compare/f2021/applications/new.total/")
    seen = set()
    for body in page.query_selector_all("#compare-view tbody")[:3]:
        body.query_selector("button.county-toggle").click()
        for link in body.query_selector_all("tr.township-row td a"):
            slug, year = link.get_attribute("href").strip("/").split("/")[-2:]
            value = link.evaluate("a => a.closest('td').dataset.value")
            assert value == stated[(slug, year)], (slug, year)
            seen.add(year)
    assert {"2019", "2021"} <= seen
    context.close()
