"""适老化: three font sizes and a high-contrast mode, kept across pages, in the page itself (no
overlay, no framework), and the page reads fine without JavaScript. Layout holds at the largest
size on a phone and at 200 % zoom."""

from __future__ import annotations

import pytest

from tests.browser.a11y.site_pages import PAGE_TYPES, REPORT

pytestmark = pytest.mark.browser

BODY_FONT = "parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"
ROOT_FONT = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
SCROLL_WIDTH = "document.documentElement.scrollWidth"


def test_font_size_steps_and_contrast_persist_across_pages(open_page, server):
    page = open_page(REPORT)
    sizes = []
    for label in ("标准", "大", "特大"):
        page.get_by_role("button", name=label, exact=True).click()
        assert page.get_by_role("button", name=label, exact=True).get_attribute("aria-pressed") == "true"
        sizes.append(page.evaluate(BODY_FONT))
    assert sizes[0] < sizes[1] < sizes[2] and sizes[2] >= 1.35 * sizes[0]
    largest = page.evaluate(ROOT_FONT)
    page.get_by_role("button", name="高对比度").click()
    assert page.get_by_role("button", name="高对比度").get_attribute("aria-pressed") == "true"
    page.goto(server + PAGE_TYPES["township"])  # another page: the choice is kept
    assert sorted(page.evaluate("[...document.documentElement.classList]")) == ["contrast", "font-2"]
    assert page.evaluate(ROOT_FONT) == largest
    assert page.get_by_role("button", name="特大", exact=True).get_attribute("aria-pressed") == "true"
    background = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    page.get_by_role("button", name="高对比度").click()  # and it switches back off
    assert "contrast" not in page.evaluate("[...document.documentElement.classList]")


def test_switches_are_part_of_the_page_not_an_overlay(open_page):
    page = open_page(REPORT)
    fixed = page.evaluate(
        "[...document.querySelectorAll('*')].filter(e => ['fixed', 'sticky'].includes(getComputedStyle(e).position)"
        " && !e.closest('table')).map(e => e.tagName + '.' + e.className)"
    )
    assert fixed == []
    assert page.evaluate("document.querySelector('header').contains(document.getElementById('prefs'))")
    assert page.evaluate("getComputedStyle(document.getElementById('prefs')).position") == "static"


def test_reading_works_without_javascript(open_page):
    page = open_page(REPORT, 360, java_script_enabled=False)
    assert page.locator("main h1").inner_text().startswith("景芝镇2019年")
    assert page.locator("table.std-table").count() == 3
    assert not page.locator("#prefs").is_visible()  # no dead buttons when they cannot work
    assert page.evaluate(SCROLL_WIDTH) <= 360


@pytest.mark.parametrize(
    "width", [360, 320, 640], ids=["phone", "reflow-320", "zoom-200-percent-of-1280"]
)  # 200 % zoom of a 1280 px window lays out like a 640 px one; 320 px is WCAG 1.4.10's reflow width
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_largest_font_never_widens_the_page(open_page, kind, width):
    page = open_page(PAGE_TYPES[kind], width, prefs={"font": "2", "contrast": "1"})
    assert page.evaluate(SCROLL_WIDTH) <= width
