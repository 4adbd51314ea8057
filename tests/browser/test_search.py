"""Search, end to end: a real build with its real search index, queried through the real /search/
page in Chromium. Ground truth is what a reader sees: the <main> text of every indexed page, read from
the browser, whitespace collapsed; a page must be found exactly when it contains the query."""

from __future__ import annotations

import random
import re
import shutil

import pytest

from tests.browser.conftest import serve
from tests.conftest import FIXTURES, REPO, build_site

pytestmark = pytest.mark.browser

BASE = "/portal/"
LISTINGS = {"", "townships/", "years/", "search/"}  # pages of links only: not indexed by design
DATA_PAGES = ("data/", "compare/")  # tables of figures: the downloads and comparisons are not searched
SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u3000]+")

WORDS = [
    "政府信息公开", "年度报告", "主动公开", "依申请公开", "行政复议", "行政诉讼", "信息公开", "政务微信",
    "政府网站", "人民政府", "统计表", "关键数字", "报告年度", "发布机构", "保密审查", "工作机制",
    "申请人", "新闻发布", "公开目录", "监督保障", "政策解读", "历年报告", "政府信息公开工作年度报告",
]
TWO_CHARACTERS = [
    "公开", "申请", "复议", "诉讼", "网站", "微信", "制度", "工作", "情况", "问题", "乡镇", "年度", "收费",
    "减免", "培训", "平台", "指标", "格式", "表格", "虚构",
]
ACROSS_BOUNDARIES = ["段简", "请公开政", "开政府", "息公", "府信", "度报", "作年度", "况、依", "信息的", "开工", "镇政"]
NUMBERS = ["228条", "61条", "0件", "2019年", "2018年度", "1件", "2013", "2021 年版", "0439-6361610", "100%"]
PHRASES = [
    "主动公开政府信息228条。",
    "（一）予以公开",
    "一、总体情况",
    "2019年，景芝镇通过网站、政务微信等多种形式主动公开政府信息228条",
    "本测试报告为虚构示例，用于检验 2021 年版格式的表格渲染。",
    "三、收到和处理政府信息公开申请情况",
    "无。",
]
PLACES = [
    "景芝镇", "安丘市", "潍坊市", "山东省", "乌镇镇", "桐乡市", "浙江省", "嘉兴市", "不老屯镇", "密云区",
    "密云县", "北京市", "露水河镇", "抚松县", "白山市", "吉林省", "甸中镇", "峨山彝族自治县", "玉溪市",
    "云南省", "示例镇", "示例县", "乌镇",
]
MIXED = ["GB/T 37668", "GB/T 37668—2019", "gb/t", "xxgk", "LED", "LED显示屏", "f2019", "CSV", "JSON", "Markdown"]
SINGLE = ["镇", "县", "年", "0", "9", "L"]
ABSENT = ["不存在的词", "量子计算", "火星基地", "GB/T 99999", "zzqqxx", "12345678901", "景芝县", "政府信息不公开工作"]


def collapse(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    return text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    """The sample site plus the f2021 fixture township, built under a base path and served."""
    root = tmp_path_factory.mktemp("search") / "site-src"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(FIXTURES / "f2021/content/townships/demo-town", root / "content/townships/demo-town")
    site_yaml = root / "content/site.yaml"
    site_yaml.write_text(
        site_yaml.read_text(encoding="utf-8").replace("base_url: /", f"base_url: https://example.org{BASE}"),
        encoding="utf-8",
    )
    served = root.parent / "www"
    result = build_site(root, served / BASE.strip("/"))
    assert result.ok, result.problems
    yield from (origin + BASE for origin in serve(served))


@pytest.fixture(scope="module")
def truth(search_site, browser) -> dict[str, str]:
    """URL → the visible text of its <main>, for every page search should cover."""
    page = browser.new_page()
    texts = {}
    sitemap = page.goto(search_site + "sitemap.xml").text()
    for loc in re.findall(r"<loc>[^<]*?" + re.escape(BASE) + r"([^<]*)</loc>", sitemap):
        if loc in LISTINGS or loc.startswith(DATA_PAGES):
            continue
        page.goto(search_site + loc)
        texts[BASE + loc] = collapse(page.inner_text("main"))
    page.close()
    assert len(texts) >= 20
    return texts


def expected(truth: dict[str, str], query: str) -> set[str]:
    needle = fold(collapse(query))
    return {url for url, text in truth.items() if needle in fold(text)}


def sampled_queries(truth: dict[str, str], count: int) -> list[str]:
    """Substrings cut at random places from the pages' text: most cross word boundaries."""
    rng = random.Random(20240601)
    found = []
    urls = sorted(truth)
    while len(found) < count:
        text = truth[rng.choice(urls)]
        length = rng.choice([2, 2, 3, 4, 5, 7, 12])
        start = rng.randrange(0, max(1, len(text) - length))
        query = collapse(text[start : start + length])
        if len(query) >= 2 and query not in found:
            found.append(query)
    return found


# The search is over: results show while candidate pages are still checked ("已找到 … 待核对"), so
# a test that reads them must wait for the final count, for its query (`arg`).
DONE = (
    "m => { const s = document.getElementById('search-status').textContent;"
    " return s.includes(m) && (s.startsWith('找到') || s.startsWith('没有页面')); }"
)


# The pages the results link to (a result's link carries #hl=<query>: the page opens at the match).
RESULT_PAGES = "links => links.map(a => a.getAttribute('href').split('#')[0])"


def run_query(page, query: str) -> tuple[list[str], str]:
    """Types the query into the search page, presses Enter, reads every result (all pages)."""
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_function(DONE, arg=f"“{collapse(query)}”", timeout=15000)
    while page.is_visible("#search-more"):
        before = page.locator("#search-results > li").count()
        # the button can hide itself between the check and a click (the last batch just finished)
        page.evaluate("() => { const more = document.getElementById('search-more'); if (!more.hidden) more.click(); }")
        page.wait_for_function(
            "n => document.querySelectorAll('#search-results > li').length > n"
            " || document.getElementById('search-more').hidden",
            arg=before,
        )
    hrefs = page.eval_on_selector_all("#search-results h2 a", RESULT_PAGES)
    return hrefs, page.inner_text("#search-status")


def test_every_query_finds_exactly_the_pages_that_contain_it(search_site, truth, browser):
    curated = [*WORDS, *TWO_CHARACTERS, *ACROSS_BOUNDARIES, *NUMBERS, *PHRASES, *PLACES, *MIXED, *SINGLE, *ABSENT]
    queries = list(dict.fromkeys([*curated, *sampled_queries(truth, 40)]))
    assert len(queries) >= 100
    assert all(not expected(truth, q) for q in ABSENT)
    assert sum(bool(expected(truth, q)) for q in queries) >= 90
    page = browser.new_page()
    page.goto(search_site + "search/")
    wrong = {}
    for query in queries:
        hrefs, status = run_query(page, query)
        want = expected(truth, query)
        if set(hrefs) != want or len(hrefs) != len(set(hrefs)):
            wrong[query] = {"missing": sorted(want - set(hrefs)), "extra": sorted(set(hrefs) - want)}
        elif want:
            assert f"找到 {len(want)} 个页面" in status, (query, status)
    page.close()
    assert not wrong, wrong


def test_excerpt_is_readable_text_with_the_match_highlighted(search_site, browser):
    page = browser.new_page()
    page.goto(search_site + "search/?q=" + "请公开政")
    page.wait_for_selector("#search-results mark")
    marks = page.eval_on_selector_all("#search-results .excerpt mark", "ms => ms.map(m => m.textContent)")
    assert marks and set(marks) == {"请公开政"}
    excerpts = page.eval_on_selector_all("#search-results .excerpt", "es => es.map(e => e.textContent)")
    assert not any(re.search(r"\b[bu][0-9a-z]{4}", e) for e in excerpts), excerpts
    page.close()


def test_pages_carry_no_token_block(search_site, browser):
    page = browser.new_page()
    page.goto(search_site + "townships/anqiu-jingzhi/2019/")
    html = page.content()
    assert "data-pagefind" not in html
    assert not re.search(r"\bb[0-9a-z]{8}\b", page.inner_text("body"))
    page.close()


def test_title_and_township_matches_rank_first(search_site, browser):
    page = browser.new_page()
    page.goto(search_site + "search/?q=景芝镇")
    # results show while cards are still checked: read them once the count is final, in one go
    page.wait_for_function("document.getElementById('search-status').textContent.startsWith('找到')")
    pairs = page.eval_on_selector_all(
        "#search-results li", "ls => ls.map(l => [l.querySelector('h2').textContent, l.textContent])"
    )
    titles = [t for t, _ in pairs]
    heading = [("景芝镇" in t) or ("景芝镇" in f.split("\n")[0]) for t, f in pairs]
    assert heading[0] and heading == sorted(heading, reverse=True), titles
    page.close()


def test_filters_narrow_results_and_live_in_the_url(search_site, truth, browser):
    page = browser.new_page()
    page.goto(search_site + "search/?q=公开&year=2019")
    assert page.input_value("#f-year") == "2019"
    page.wait_for_function(DONE, arg="“公开”")
    hrefs = set(page.eval_on_selector_all("#search-results h2 a", RESULT_PAGES))
    want = {u for u in expected(truth, "公开") if u.endswith("/2019/")}
    assert hrefs == want
    page.select_option("#f-region", "安丘市")
    page.wait_for_function("() => location.search.includes('region=')")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 1")
    assert page.get_attribute("#search-results h2 a", "href").split("#")[0] == BASE + "townships/anqiu-jingzhi/2019/"
    assert "year=2019" in page.url
    page.select_option("#f-year", "")
    page.select_option("#f-format", "2019年版格式")
    page.wait_for_function("() => !location.search.includes('year=') && location.search.includes('format=')")
    page.wait_for_function("() => document.getElementById('search-status').textContent.startsWith('找到')")
    hrefs = page.eval_on_selector_all("#search-results h2 a", RESULT_PAGES)
    assert hrefs == [BASE + "townships/anqiu-jingzhi/2019/"]
    page.close()


def test_typing_searches_after_a_pause_and_updates_the_url(search_site, browser):
    page = browser.new_page()
    page.goto(search_site + "search/")
    page.type("#q", "乌镇镇", delay=30)
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('“乌镇镇”')")
    assert "q=%E4%B9%8C%E9%95%87%E9%95%87" in page.url
    page.goto(search_site + "search/?q=公开&township=" + "安丘市景芝镇")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('“公开”')")
    page.go_back()
    page.wait_for_function("() => document.getElementById('q').value === '乌镇镇'")
    page.close()


def test_sort_by_year(search_site, browser):
    page = browser.new_page()
    for order, reverse in (("year-desc", True), ("year-asc", False)):
        page.goto(search_site + f"search/?q=政府信息公开&sort={order}")
        page.wait_for_function("() => document.getElementById('search-status').textContent.startsWith('找到')")
        metas = page.eval_on_selector_all(".search-result .result-meta", "ms => ms.map(m => m.textContent)")
        years = [int(m) for m in re.findall(r"(\d{4})年度", " ".join(metas))]
        assert len(years) >= 5 and years == sorted(years, reverse=reverse), metas
    page.close()


def test_usable_at_360_px_and_without_javascript(search_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(search_site + "search/?q=政府信息公开")
    page.wait_for_selector("#search-results li")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(search_site + "search/?q=公开")
    assert "需要启用 JavaScript" in page.inner_text("main")
    context.close()


def test_header_search_box_leads_to_the_search_page(search_site, browser):
    page = browser.new_page()
    page.goto(search_site + "townships/")
    page.fill("#site-q", "228条")
    page.press("#site-q", "Enter")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('找到 1 个')")
    assert page.url.startswith(search_site + "search/?q=228")
    page.close()


def test_search_page_loads_no_script_file_and_fills_filter_choices_when_needed(search_site, browser):
    """The script is inline (its buckets are asked for while the page parses); the thousand-odd
    filter choices are added on focus or when the URL names one, never lost."""
    page = browser.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(search_site + "search/?q=公开&township=" + "安丘市景芝镇")
    assert page.input_value("#f-township") == "安丘市景芝镇"
    assert not [u for u in requested if "/search.js" in u]
    assert any("/search/index/" in u and u.endswith(".gz") and "manifest" not in u for u in requested)
    page.goto(search_site + "search/")
    page.wait_for_function("() => document.documentElement.classList.contains('search-ready')")
    page.focus("#f-region")
    regions = page.eval_on_selector_all("#f-region option", "os => os.map(o => o.value)")
    assert regions[0] == "" and "安丘市" in regions and len(regions) == len(set(regions))
    page.close()


def test_a_site_built_without_search_says_so(sample_root, browser):
    """`--no-search` (and the dev server) write no index: the page says that, not "check your network"."""
    assert build_site(sample_root, search=False).ok
    for origin in serve(sample_root / "site"):
        context = browser.new_context()
        page = context.new_page()
        page.goto(origin + "/search/?q=景芝镇")
        page.wait_for_function("document.getElementById('search-status').textContent.includes('没有生成搜索索引')")
        assert "xxgk build" in page.inner_text("#search-status")
        context.close()
