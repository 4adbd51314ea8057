"""axe-core (bundled with axe-playwright-python, no network) in real Chromium: zero WCAG 2.1 AA
violations on every page type, at desktop and phone widths, in normal and in 适老化 mode."""

from __future__ import annotations

import pytest

from tests.browser.a11y.site_pages import PAGE_TYPES, WIDTHS

pytestmark = pytest.mark.browser

WCAG21AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# high-contrast mode promises more than AA: the AAA contrast rule (7:1) must hold there
AAA_CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast-enhanced"]}}
LARGE_CONTRAST = {"font": "2", "contrast": "1"}


def violations(page, options: dict) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={**options, "resultTypes": ["violations"]}).response
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:5]} {v['help']}" for v in result["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_wcag21aa_violations(open_page, kind, width):
    page = open_page(PAGE_TYPES[kind], width)
    assert page.locator("#prefs button").count() >= 4  # the page under test is the real one, prefs shown
    assert violations(page, WCAG21AA) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_high_contrast_large_font_meets_aa_and_aaa_contrast(open_page, kind, width):
    page = open_page(PAGE_TYPES[kind], width, prefs=LARGE_CONTRAST)
    assert {"contrast", "font-2"} <= set(page.evaluate("[...document.documentElement.classList]"))
    assert violations(page, WCAG21AA) == []
    assert violations(page, AAA_CONTRAST) == []


# An experimental rule, not in the WCAG tags above: a link's name must contain its visible text
# (a county page's 已发布 links once had an aria-label without it).
NAME_MISMATCH = {"runOnly": {"type": "rule", "values": ["label-content-name-mismatch"]}, "rules": {
    "label-content-name-mismatch": {"enabled": True}}}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["region", "year", "years", "report", "township", "home"])
def test_accessible_names_contain_the_visible_text(open_page, kind, width):
    page = open_page(PAGE_TYPES[kind], width)
    assert violations(page, NAME_MISMATCH) == []
