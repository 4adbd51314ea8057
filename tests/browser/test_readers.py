"""Readers on phones and on big sites (issue 21), in real Chromium: every figure of every standard
table readable at 360 px with its row and column label, at the standard and the largest text size;
the home page short on a 1,000-report site; the first search result on the first screen; a
result opens at its match."""

from __future__ import annotations

import re
import shutil
from urllib.parse import quote

import pytest

from tests.browser.conftest import serve
from tests.conftest import FIXTURES, REPO, build_site

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}
SCREEN = 640

# For every standard table of the page: each figure (td.num) either as a label–value pair in the
# phone layout, whose label is the figure's column header and whose block is headed by its row
# header, or in a "以下各项均为 0 / 原表空白" line naming its row; all of it inside the screen.
CHECK_TABLES = """() => {
  const out = [];
  const width = document.documentElement.clientWidth;
  const text = (el) => el.textContent.replace(/\\s+/g, ' ').trim();
  const inside = (el, what) => {
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.left >= -0.5 && r.right <= width + 0.5)) out.push(`${what} outside: ${text(el)}`);
  };
  const tables = [...document.querySelectorAll('table.std-table')];
  for (const table of tables) {
    const view = table.closest('.table-scroll').nextElementSibling;
    if (!view || !view.classList.contains('phone-table') || view.hidden) {
      out.push(table.id + ': no phone layout');
      continue;
    }
    const pairs = new Map([...view.querySelectorAll('.pt-pair')].map((p) => [p.dataset.cell, p]));
    const folded = new Map();
    for (const el of view.querySelectorAll('[data-cells]')) {
      el.dataset.cells.split(' ').forEach((i) => folded.set(i, el));
    }
    [...table.querySelectorAll('td.num')].forEach((td, i) => {
      const heads = td.getAttribute('headers').split(' ').map((id) => document.getElementById(id));
      const rowHead = heads.filter((h) => /row/.test(h.getAttribute('scope'))).pop();
      const colHead = heads.filter((h) => h.getAttribute('scope') === 'col').pop();
      const pair = pairs.get(String(i));
      const folds = folded.get(String(i));
      if (pair) {
        const value = text(pair.querySelector('.pt-value'));
        const key = pair.querySelector('.pt-key');
        const label = pair.closest('.pt-row').querySelector('.pt-label');
        if (value !== (td.classList.contains('blank') ? '空白' : text(td))) out.push(`${table.id} cell ${i}: ${value}`);
        if (!key || text(key) !== text(colHead)) out.push(`${table.id} cell ${i}: column ${key && text(key)}`);
        if (text(label) !== text(rowHead)) out.push(`${table.id} cell ${i}: row ${text(label)}`);
        [pair.querySelector('.pt-value'), key, label].forEach((el) => el && inside(el, `${table.id} cell ${i}`));
      } else if (folds) {
        if (!['0', ''].includes(text(td).replace('空白', ''))) out.push(`${table.id} cell ${i} folded but ${text(td)}`);
        if (!text(folds).includes(text(rowHead))) out.push(`${table.id} cell ${i}: fold lacks ${text(rowHead)}`);
        inside(folds, `${table.id} fold`);
      } else out.push(`${table.id} cell ${i}: not shown`);
    });
    // no label is broken one character per line
    const labels = '.pt-key, .pt-label, .pt-group-label, .pt-parent, .pt-section, .pt-zero-row';
    view.querySelectorAll(labels).forEach((el) => {
      const words = text(el);
      if (words.length < 3) return;
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.bottom))).size;
      if (lines > 1 && words.length / lines < 2.5) out.push(`squeezed: ${words} on ${lines} lines`);
    });
  }
  if (document.documentElement.scrollWidth > width) out.push('page scrolls sideways');
  return [tables.length, out];
}"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample site and the f2021 fixture township, served."""
    root = tmp_path_factory.mktemp("readers")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(FIXTURES / "f2021/content/townships/demo-town", root / "content/townships/demo-town")
    assert build_site(root).ok
    yield from serve(root / "site")


@pytest.fixture(scope="module")
def corpus(corpus_site):
    yield from serve(corpus_site)


def open_at(browser, url: str, font: str = "0", **options):
    context = browser.new_context(viewport=options.pop("viewport", PHONE), **options)
    context.add_init_script(f"localStorage.setItem('xxgk-font', '{font}')")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


def corpus_reports(corpus_site) -> list[str]:
    """Reports of both table formats, and of many shapes of non-zero rows."""
    pages = sorted(p.parent.relative_to(corpus_site).as_posix() for p in corpus_site.glob("townships/*/20*/index.html"))
    tabled = [p for p in pages if int(p.rsplit("/", 1)[1]) >= 2019]
    return tabled[:: max(1, len(tabled) // 8)][:8]


@pytest.mark.parametrize("font", ["0", "2"], ids=["standard", "largest"])
def test_every_figure_of_the_sample_tables_reads_on_a_phone(browser, sample, font):
    for path in ("/townships/anqiu-jingzhi/2019/", "/townships/demo-town/2021/"):
        context, page = open_at(browser, sample + path, font)
        count, wrong = page.evaluate(CHECK_TABLES)
        context.close()
        assert count == 3 and wrong == [], (path, wrong[:10])


@pytest.mark.parametrize("font", ["0", "2"], ids=["standard", "largest"])
def test_every_figure_of_a_county_sites_tables_reads_on_a_phone(browser, corpus, corpus_site, font):
    paths = corpus_reports(corpus_site)
    assert len(paths) >= 6 and {p[-4:] for p in paths} & {"2019", "2020"} and {p[-4:] for p in paths} & {"2021", "2022"}
    for path in paths:
        context, page = open_at(browser, f"{corpus}/{path}/", font)
        count, wrong = page.evaluate(CHECK_TABLES)
        context.close()
        assert count == 3 and wrong == [], (path, wrong[:10])


def test_the_phone_layout_is_for_the_eye_and_the_table_for_screen_readers(browser, sample):
    context, page = open_at(browser, sample + "/townships/anqiu-jingzhi/2019/")
    state = page.evaluate(
        """() => [...document.querySelectorAll('table.std-table')].map((t) => {
             const wrap = t.closest('.table-scroll');
             return {hidden: wrap.nextElementSibling.getAttribute('aria-hidden'), display: getComputedStyle(t).display,
                     tab: wrap.getAttribute('tabindex'), width: wrap.getBoundingClientRect().width};
           })"""
    )
    assert all(s == {"hidden": "true", "display": "table", "tab": None, "width": 1} for s in state), state
    page.emulate_media(media="print")  # printed: the official table, never the phone layout
    printed = page.evaluate(
        "[...document.querySelectorAll('.phone-table')].map(v => getComputedStyle(v).display)"
        ".concat([...document.querySelectorAll('.table-scroll')].map(w => w.getBoundingClientRect().width > 300))"
    )
    assert printed == ["none"] * 3 + [True] * 3
    context.close()
    context, page = open_at(browser, sample + "/townships/anqiu-jingzhi/2019/", viewport={"width": 1280, "height": 800})
    assert page.evaluate("document.querySelectorAll('.phone-table:not([hidden])').length") == 0
    context.close()


def test_the_layout_follows_the_text_size(browser, sample):
    """特大 on a tablet: the tables no longer fit, and the phone layout takes over at once."""
    context, page = open_at(browser, sample + "/townships/anqiu-jingzhi/2019/", viewport={"width": 1024, "height": 800})
    assert page.evaluate("document.querySelectorAll('.phone-table:not([hidden])').length") == 0
    page.get_by_role("button", name="特大", exact=True).click()
    page.wait_for_function("document.querySelectorAll('.phone-table:not([hidden])').length >= 1")
    page.get_by_role("button", name="标准", exact=True).click()
    page.wait_for_function("document.querySelectorAll('.phone-table:not([hidden])').length === 0")
    context.close()


def test_the_home_page_of_a_county_site_is_under_six_screens(browser, corpus):
    for font in ("0", "2"):
        context, page = open_at(browser, corpus + "/", font)
        height = page.evaluate("document.documentElement.scrollHeight")
        latest = page.evaluate("document.getElementById('latest-title').getBoundingClientRect().top")
        context.close()
        if font == "0":
            assert height < 6 * SCREEN and latest < 3 * SCREEN, (height, latest)


@pytest.mark.parametrize("font", ["0", "2"], ids=["standard", "largest"])
def test_the_first_search_result_is_on_the_first_screen(browser, sample, corpus, font):
    queries = [
        (sample, "政府信息公开"), (sample, "景芝镇"), (sample, "228条"), (sample, "公开&year=2019&region=安丘市"),
        (corpus, "政府信息公开"), (corpus, "依申请公开"), (corpus, "公开&sort=year-desc"),
    ]
    for origin, query in queries:
        q, _, rest = query.partition("&")
        context, page = open_at(browser, f"{origin}/search/?q={quote(q)}{'&' + rest if rest else ''}", font)
        page.wait_for_selector("#search-results li")
        top = page.evaluate("document.querySelector('#search-results li h2').getBoundingClientRect().bottom")
        context.close()
        if font == "0":
            assert top < SCREEN, (query, top)


def test_search_says_how_many_and_what_to_try(browser, sample):
    context, page = open_at(browser, sample + "/search/?q=" + quote("景芝县"))
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('没有页面')")
    page.wait_for_selector("#search-hint a")
    hint = page.inner_text("#search-hint")
    assert "少输一两个字" in hint and "景芝" in hint
    page.click("#search-hint a")
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('找到')")
    assert re.match(r"找到 \d+ 个页面包含“景芝", page.inner_text("#search-status"))
    context.close()


def test_filter_menus_show_the_filters_of_the_url(browser, sample):
    context, page = open_at(browser, sample + "/search/?q=" + quote("公开") + "&region=anqiu")
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('找到')")
    assert page.input_value("#f-region") == "安丘市"  # a county's slug names the county
    assert "地区：安丘市" in page.inner_text("#filter-summary")
    assert not page.evaluate("document.getElementById('search-filters').open")  # folded on a phone
    hrefs = page.eval_on_selector_all("#search-results h2 a", "ls => ls.map(a => a.getAttribute('href'))")
    assert hrefs and all("anqiu" in h for h in hrefs)
    context.close()
    context, page = open_at(browser, sample + "/search/?q=" + quote("公开") + "&region=nowhere")
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('没有页面')")
    assert page.input_value("#f-region") == "nowhere"
    assert "没有这一项" in page.eval_on_selector("#f-region", "s => s.selectedOptions[0].textContent")
    page.wait_for_selector("#search-hint a")
    assert "去掉筛选条件" in page.inner_text("#search-hint")
    context.close()


def test_a_result_opens_at_its_match(browser, sample):
    context, page = open_at(browser, sample + "/search/?q=" + quote("工作考核"))
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('找到')")
    page.click("#search-results h2 a")
    page.wait_for_function("CSS.highlights.has('search-match')")
    match = page.evaluate(
        "(() => { const r = [...CSS.highlights.get('search-match')][0];"
        " const b = r.getBoundingClientRect(); return [r.toString(), b.top, b.bottom]; })()"
    )
    assert match[0] == "工作考核" and match[1] >= 0 and match[2] <= PHONE["height"]
    assert page.evaluate("scrollY") > 0
    context.close()


def test_header_is_compact_on_a_phone(browser, sample):
    heights = []
    for font in ("0", "2"):
        context, page = open_at(browser, sample + "/", font)
        heights.append(page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height"))
        context.close()
    assert heights[0] <= 130 and heights[1] <= 160, heights
