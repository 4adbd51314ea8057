"""The pages the browser tests visit: one URL per page type of the sample site.

Data, not code: a new page type (search, open data, help…) is one more line here, and every
browser test (axe, keyboard, 360 px, weight, print) then covers it."""

from __future__ import annotations

PAGE_TYPES: dict[str, str] = {
    "home": "/",
    "townships": "/townships/",
    "township": "/townships/anqiu-jingzhi/",
    "report": "/townships/anqiu-jingzhi/2019/",  # the one with the standard tables
    "report_f2021": "/townships/demo-town/2021/",
    "report_prose": "/townships/tongxiang-wuzhen/2018/",
    "years": "/years/",
    "year": "/years/2019/",
    "region": "/regions/anqiu/",
    "page": "/accessibility/",
    "help": "/help/",
    "search": "/search/?q=%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80",  # with results: 政府信息公开
    "data": "/data/",
    "compare": "/compare/",
    "compare_figure": "/compare/figures/proactive_items/anqiu/",
    "compare_view": "/compare/figures/proactive_items/",
    "compare_table": "/compare/f2019/applications/",
    "compare_cell": "/compare/f2019/applications/new.total/",
    "not_found": "/404.html",
}

REPORT = PAGE_TYPES["report"]
WIDTHS = (1280, 360)
EXTERNAL_LINK = "https://www.gov.cn/zhengce/"  # added to the report's body by the site fixture
