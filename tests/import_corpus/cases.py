"""The invented reports of the import corpus: made-up townships, prose written for this corpus, and
numbers that satisfy the 勾稽 rules. Printed cells may be strings ("—", " 0", "? 2") to test the forms."""

from __future__ import annotations

from dataclasses import dataclass, field

Z7 = [0] * 7
NAV = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 白云镇人民政府网</title></head><body>
<div class="top-nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></div>
<div class="login-bar">登录 | 注册</div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="article">
<h1>{title}</h1>
<table class="meta"><tr><td>索引号：11340100MB1234567X/2023-00012</td><td>发布机构：白云镇人民政府</td></tr>
<tr><td>发布日期：2023-01-18</td><td>点击数：1024</td></tr></table>
<div class="content">
"""
TAIL = """</div>
<div class="share">分享到：微信 微博</div><p>【字体：大 中 小】 打印本页 关闭窗口</p>
</div>
<div class="footer">版权所有：白云镇人民政府 ICP备00000000号 网站地图</div></body></html>
"""


@dataclass(frozen=True)
class Case:
    file: str
    form: str  # pipe | tab | lines | docx | html | tsv | oneline | pipecells
    encoding: str
    format: str
    year: int
    parts: tuple  # ("text", str) | ("table", table id)
    tables: dict
    figures: dict
    meta: dict = field(default_factory=dict)
    shown: dict = field(default_factory=dict)
    fold: bool = False  # print labels as web copies do: ASCII brackets, "1. 属于", "商业 企业"
    page_head: str = ""
    page_tail: str = ""
    table_formats: dict = field(default_factory=dict)  # a table printed on another template than `format`
    traditional: bool = False  # printed in traditional characters, as mirror sites copy reports
    glosses: bool = False  # … with pinyin after some characters: 鎮(zhèn)


def _apps(f2021: bool, **rows) -> dict:
    ids = ["new", "carried_over", "granted", "partial"]
    ids += [
        f"denied_{k}" for k in ("secret", "law", "safety", "third_party", "internal", "process", "enforcement", "query")
    ]
    ids += ["unable_not_held", "unable_need_make", "unable_unclear"]
    ids += [f"rejected_{k}" for k in ("petition", "repeat", "publication", "excessive", "confirm")]
    ids += ["other_no_correction", "other_no_fee", "other_misc"] if f2021 else ["other"]
    ids += ["total_handled", "carried_forward"]
    return {i: list(rows.get(i, Z7)) for i in ids}


QINGSHI_TABLES = {
    "proactive": {
        "regulations": [0, 0, 0],
        "normative": [2, 2, 15],
        "licensing": [35, -3, 120],
        "other_services": [None, None, None],
        "penalty": [8, "—", 23],
        "coercion": [1, 0, "—"],
        "fees": [3, 0],
        "procurement": [4, 52.6],
    },
    "applications": _apps(
        False,
        new=[5, 1, 0, 0, 0, 0, 6],
        carried_over=[1, 0, 0, 0, 0, 0, 1],
        granted=[3, 1, 0, 0, 0, 0, 4],
        partial=[1, 0, 0, 0, 0, 0, 1],
        unable_not_held=[1, 0, 0, 0, 0, 0, 1],
        total_handled=[5, 1, 0, 0, 0, 0, 6],
        carried_forward=[1, 0, 0, 0, 0, 0, 1],
    ),
    "review": {"cases": [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]},
}
QINGSHI_FIGURES = {
    "proactive_items": 312,
    "applications_new": 6,
    "applications_carried_over": 1,
    "applications_carried_forward": 1,
    "reviews_total": 1,
    "lawsuits_total": 1,
    "fees": 0,
}
QINGSHI_INTRO = """青石镇2020年政府信息公开工作年度报告

本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限为2020年1月1日至2020年12月31日。
一、总体情况
（一）主动公开
全年我镇通过门户网站、公开栏等渠道主动公开政府信息312条，其中政策文件41条。
（二）依申请公开
本年度共收到政府信息公开申请6件，均在法定期限内答复。
（三）政府信息管理
镇党政办每季度对已公开信息进行一次清理，更新失效链接。
二、主动公开政府信息情况
"""
QINGSHI_MID = """三、收到和处理政府信息公开申请情况
"""
QINGSHI_END = """四、政府信息公开行政复议、行政诉讼情况
"""
QINGSHI_OUTRO = """五、存在的主要问题及改进情况
公开内容的解读还不够通俗。下一步将增加图解和问答。
六、其他需要报告的事项
本年度依申请公开未收取任何费用。
青石镇人民政府
2021年1月25日
"""
QINGSHI_PARTS = (
    ("text", QINGSHI_INTRO),
    ("table", "proactive"),
    ("text", QINGSHI_MID),
    ("table", "applications"),
    ("text", QINGSHI_END),
    ("table", "review"),
    ("text", QINGSHI_OUTRO),
)
QINGSHI_META = {"published": "2021-01-25", "organ": "青石镇人民政府"}
QINGSHI_LINES_TABLES = {**QINGSHI_TABLES, "proactive": {**QINGSHI_TABLES["proactive"], "other_services": [12, 1, 40]}}

BAIYUN_TABLES = {
    "proactive": {
        "regulations": [0, 0, 0],
        "normative": [3, 1, 12],
        "licensing": [86],
        "penalty": [14],
        "coercion": [2],
        "fees": [1.25],
    },
    "applications": _apps(
        True,
        new=[3, 0, 0, 0, 0, 0, 3],
        granted=[2, 0, 0, 0, 0, 0, 2],
        unable_not_held=[1, 0, 0, 0, 0, 0, 1],
        total_handled=[3, 0, 0, 0, 0, 0, 3],
    ),
    "review": {"cases": [1, 0, 0, 0, 1] + [0] * 10},
}
BAIYUN_FIGURES = {
    "proactive_items": 208,
    "applications_new": 3,
    "applications_carried_over": 0,
    "applications_carried_forward": 0,
    "reviews_total": 1,
    "lawsuits_total": 0,
    "fees": 0,
}
BAIYUN_TEXT = """白云镇2022年政府信息公开工作年度报告
一、总体情况
2022年，白云镇主动公开政府信息208条，办理依申请公开3件。镇政府办公室负责人张䶮同志牵头落实公开工作。
（一）主动公开
重点公开了乡村振兴、惠民补贴等信息。
（二）依申请公开
申请均在法定期限内答复。
二、主动公开政府信息情况
"""
BAIYUN_MID = "三、收到和处理政府信息公开申请情况\n"
BAIYUN_END = "四、政府信息公开行政复议、行政诉讼情况\n"
BAIYUN_OUTRO = """五、存在的主要问题及改进情况
个别栏目更新不及时，将建立周更新制度。
六、其他需要报告的事项
本年度收取信息处理费0元。
"""
BAIYUN_PARTS = (
    ("text", BAIYUN_TEXT),
    ("table", "proactive"),
    ("text", BAIYUN_MID),
    ("table", "applications"),
    ("text", BAIYUN_END),
    ("table", "review"),
    ("text", BAIYUN_OUTRO),
)

ASCII_TABLES = {
    "proactive": {**BAIYUN_TABLES["proactive"], "normative": [" 3", "? 1", "12 "]},
    "applications": BAIYUN_TABLES["applications"],
    "review": BAIYUN_TABLES["review"],
}
HEXI_TEXT = """河西乡二〇一六年政府信息公开
工作年度报告
根据《中华人民共和国政府信息公开条例》要求，现公布本乡2016年度政府信息公开工作情况。
一、概述
本乡成立了政府信息公开工作小组，由分管副乡长任组长。
二、主动公开政府信息情况
全年共计主动公开政府信息57条，其中通过公开栏公开20条。
三、依申请公开情况
全年收到政府信息公开申请2件，已答复1件，结转下年度办理1件。
四、收费及减免情况
按规定收取检索复制费用30元，无减免。
五、行政复议和行政诉讼情况
因政府信息公开被申请行政复议0件，被提起行政诉讼1件。
六、存在的主要问题及改进措施
（一）存在的问题
公开栏更新频率偏低。
（二）改进措施
每月更新一次公开栏。
河西乡人民政府
二〇一七年一月二十日
"""

CASES = (
    Case(
        "qingshi-2020-pipe-gbk.txt",
        "pipe",
        "gbk",
        "f2019",
        2020,
        QINGSHI_PARTS,
        QINGSHI_TABLES,
        QINGSHI_FIGURES,
        QINGSHI_META,
    ),
    Case(
        "qingshi-2020-lines-utf16.txt",
        "lines",
        "utf-16-le",
        "f2019",
        2020,
        QINGSHI_PARTS,
        QINGSHI_LINES_TABLES,
        QINGSHI_FIGURES,
        QINGSHI_META,
    ),
    Case(
        "qingshi-2020-word.docx",
        "docx",
        "",
        "f2019",
        2020,
        QINGSHI_PARTS,
        QINGSHI_TABLES,
        QINGSHI_FIGURES,
        QINGSHI_META,
    ),
    Case(
        "baiyun-2022-page.html",
        "html",
        "utf-8",
        "f2021",
        2022,
        BAIYUN_PARTS[1:],
        BAIYUN_TABLES,
        BAIYUN_FIGURES,
        {"published": "2023-01-18", "organ": "白云镇人民政府", "index_no": "11340100MB1234567X/2023-00012"},
        page_head=NAV.format(title="白云镇2022年政府信息公开工作年度报告")
        + BAIYUN_TEXT.split("\n", 1)[1].replace("\n", "</p>\n<p>").join(("<p>", "</p>\n")),
        page_tail=TAIL,
    ),
    Case("baiyun-2022-tab-gb18030.txt", "tab", "gb18030", "f2021", 2022, BAIYUN_PARTS, BAIYUN_TABLES, BAIYUN_FIGURES),
    Case(
        "baiyun-2022-pipe-ascii.txt",
        "pipe",
        "utf-8",
        "f2021",
        2022,
        BAIYUN_PARTS,
        ASCII_TABLES,
        BAIYUN_FIGURES,
        fold=True,
    ),
    Case(
        "hexi-2016-prose-gbk.txt",
        "lines",
        "gbk",
        "pre2019",
        2016,
        (("text", HEXI_TEXT),),
        {},
        {
            "proactive_items": 57,
            "applications_new": 2,
            "applications_carried_over": None,
            "applications_carried_forward": 1,
            "reviews_total": 0,
            "lawsuits_total": 1,
            "fees": 30,
        },
        {"published": "2017-01-20", "organ": "河西乡人民政府"},
    ),
)
