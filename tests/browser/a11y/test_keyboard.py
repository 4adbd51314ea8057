"""Keyboard only: the skip link comes first and moves focus to <main>; Tab then visits every
control in document order, and each one shows a clearly visible focus indicator."""

from __future__ import annotations

import pytest

from tests.browser.a11y.site_pages import PAGE_TYPES, REPORT

pytestmark = pytest.mark.browser

# what the focused element looks like: its outline or focus ring, and where it is in the document
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const all = [...document.querySelectorAll('*')];
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, id: el.id, text: (el.textContent || '').trim().slice(0, 20), order: all.indexOf(el),
          outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
          ring: style.boxShadow !== 'none', width: box.width, height: box.height};
}"""


def tab_through(page, limit: int = 400) -> list[dict]:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or (seen and state["order"] == seen[0]["order"]):
            break
        seen.append(state)
    return seen


def test_skip_link_is_first_and_moves_focus_to_main(open_page):
    page = open_page(REPORT)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STATE)
    assert first["text"] == "跳到正文"
    assert first["outline"] >= 2 and first["height"] > 0  # shown on screen when focused, not off-canvas
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert inside, "the Tab after the skip link must land in the main content"


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_tab_order_follows_the_document_and_focus_is_always_visible(open_page, kind):
    page = open_page(PAGE_TYPES[kind])
    visited = tab_through(page)
    focusable = page.evaluate(
        "[...document.querySelectorAll('a[href], button, [tabindex=\"0\"], summary, input, select, textarea')]"
        ".filter(e => e.getClientRects().length && !e.closest('details:not([open]) > :not(summary)')).length"
    )
    assert len(visited) == focusable, "every visible control is reachable by Tab, once"
    orders = [v["order"] for v in visited]
    assert orders == sorted(orders), "Tab order is the reading order"
    invisible = [v for v in visited if not (v["outline"] >= 2 or v["ring"]) or v["width"] == 0]
    assert invisible == []
