"""At 360 px no page scrolls sideways. A standard table that does not fit is shown in its phone
layout (tests/browser/test_readers.py); without JavaScript it scrolls in its own labelled,
focusable region, its header columns in view where there is room for them."""

from __future__ import annotations

import pytest

from tests.browser.a11y.site_pages import PAGE_TYPES, REPORT, WIDTHS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_never_scrolls_sideways(open_page, kind, width):
    page = open_page(PAGE_TYPES[kind], width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def without_phone_layout(browser, server, width: int, font: str = "0"):
    """The report as it reads without static/reader.js (the page's phone layout for its tables)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(f"localStorage.setItem('xxgk-font', '{font}')")
    context.route("**/reader.js*", lambda route: route.abort())
    page = context.new_page()
    page.goto(server + REPORT)
    return context, page


def test_without_the_phone_layout_wide_tables_scroll_in_their_own_region_at_360(browser, server):
    context, page = without_phone_layout(browser, server, 360)
    regions = page.evaluate(
        """[...document.querySelectorAll('.table-scroll')].map(r => ({
             scrolls: r.scrollWidth > r.clientWidth, overflow: getComputedStyle(r).overflowX,
             focusable: r.tabIndex === 0, role: r.getAttribute('role'),
             name: document.getElementById(r.getAttribute('aria-labelledby'))?.textContent
                   || r.getAttribute('aria-label'),
             right: r.getBoundingClientRect().right}))"""
    )
    assert len(regions) == 3
    assert all(r["scrolls"] and r["overflow"] == "auto" for r in regions)
    assert all(r["focusable"] and r["role"] == "region" and r["name"] for r in regions)
    assert all(r["right"] <= 360 for r in regions)
    region = page.locator(".table-scroll").nth(1)  # Table 2: the keyboard scrolls it
    region.focus()
    page.keyboard.press("ArrowRight")
    # keyboard scrolling may be animated: wait for it (fails after 5 s if it never moves)
    page.wait_for_function("document.querySelectorAll('.table-scroll')[1].scrollLeft > 0", timeout=5000)
    context.close()


def test_table_columns_line_up_with_their_headers(open_page):
    """Every data cell sits under each column header its `headers` names (hidden label cells
    included: a label only screen readers see must not shift the columns)."""
    for kind in ("report", "report_f2021"):
        page = open_page(PAGE_TYPES[kind], 1280)
        misplaced = page.evaluate(
            """[...document.querySelectorAll('table.std-table td[headers]')].flatMap(td => {
                 const c = td.getBoundingClientRect();
                 return td.getAttribute('headers').split(' ').map(id => document.getElementById(id))
                   .filter(th => th.closest('thead') && !th.classList.contains('sr-only-cell'))
                   .filter(th => { const h = th.getBoundingClientRect();
                                   return c.left < h.left - 1 || c.right > h.right + 1; })
                   .map(th => td.closest('table').id + ':' + th.id);
               })"""
        )
        assert misplaced == [], kind


@pytest.mark.parametrize(("width", "sticky"), [(360, False), (1280, True)])
def test_figure_table_label_column_is_sticky_only_where_there_is_room(open_page, width, sticky):
    page = open_page(PAGE_TYPES["township"], width)
    position = page.evaluate("getComputedStyle(document.querySelector('.data-table th[scope=row]')).position")
    assert (position == "sticky") == sticky


@pytest.mark.parametrize(("width", "sticky"), [(360, False), (640, True)])
def test_standard_table_row_labels_stay_in_view_while_scrolling_where_there_is_room(browser, server, width, sticky):
    """Table 2's three label columns (report-formats.md §8.5): sticky from 600 px, not at 360 px.
    The largest font makes the table wider than the screen at both widths. (static/reader.js would
    show the phone layout there: this is the table as it reads without that script.)"""
    context, page = without_phone_layout(browser, server, width, font="2")
    region = page.locator(".table-scroll:has(#t-applications)")
    region.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_timeout(100)
    box = region.bounding_box()
    assert page.evaluate("document.querySelector('.table-scroll:has(#t-applications)').scrollLeft") > 0
    for label in ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"):  # the three label columns
        cell = page.locator("#t-applications th[scope^=row]", has_text=label).first
        left = cell.bounding_box()["x"]
        assert (left >= box["x"] - 1) == sticky, (cell, left, box["x"])
    context.close()
