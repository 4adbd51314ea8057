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
    "not_found": "/404.html",
}

REPORT = PAGE_TYPES["report"]
WIDTHS = (1280, 360)
EXTERNAL_LINK = "https://www.gov.cn/zhengce/"  # added to the report's body by the site fixture
