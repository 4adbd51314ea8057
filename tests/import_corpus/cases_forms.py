"""More invented reports for the import corpus (#22): the forms real published reports take that the
first corpus lacked. Townships, sentences and numbers are made up; the layouts and phrasings follow
what many real township reports do (tab-separated Word text, pages flattened to one line, one cell
per line closed by '|', mixed templates, traditional characters with pinyin glosses, bullet summaries).
"""

from __future__ import annotations

from tests.import_corpus.cases import Case, _apps

F2019_T1 = {
    "regulations": [0, 0, 0],
    "normative": [1, 1, 6],
    "licensing": [12, 2, 30],
    "other_services": [5, 0, 9],
    "penalty": [3, -1, 4],
    "coercion": [0, 0, 0],
    "fees": [2, 0],
    "procurement": [1, 8.5],
}
F2021_T1 = {"regulations": [0, 0, 0], "normative": [2, 0, 7], "licensing": [41], "penalty": [6], "coercion": [1],
            "fees": [0.8]}
APPS_F2019 = _apps(
    False,
    new=[3, 1, 0, 0, 0, 0, 4],
    granted=[2, 1, 0, 0, 0, 0, 3],
    other=[1, 0, 0, 0, 0, 0, 1],
    total_handled=[3, 1, 0, 0, 0, 0, 4],
)
APPS_F2021 = _apps(
    True,
    new=[4, 0, 0, 0, 0, 0, 4],
    carried_over=[1, 0, 0, 0, 0, 0, 1],
    granted=[2, 0, 0, 0, 0, 0, 2],
    unable_not_held=[1, 0, 0, 0, 0, 0, 1],
    other_misc=[1, 0, 0, 0, 0, 0, 1],
    total_handled=[4, 0, 0, 0, 0, 0, 4],
    carried_forward=[1, 0, 0, 0, 0, 0, 1],
)
REVIEW_2 = {"cases": [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}
REVIEW_0 = {"cases": [0] * 15}


def _figures(proactive, new, over, forward, reviews, lawsuits, fees) -> dict:
    names = ("proactive_items", "applications_new", "applications_carried_over", "applications_carried_forward")
    return dict(zip((*names, "reviews_total", "lawsuits_total", "fees"),
                    (proactive, new, over, forward, reviews, lawsuits, fees), strict=True))


def _parts(intro: str, outro: str, *mid: str) -> tuple:
    """Text, Table 1, text, Table 2, text, Table 3, text."""
    heads = mid or ("三、收到和处理政府信息公开申请情况\n", "四、政府信息公开行政复议、行政诉讼情况\n")
    return (("text", intro), ("table", "proactive"), ("text", heads[0]), ("table", "applications"),
            ("text", heads[1]), ("table", "review"), ("text", outro))


SONGLIN_2021 = """松林镇2021年政府信息公开工作年度报告
本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。
一、总体情况
（一）主动公开
全年共发布信息156条，其中通过门户网站发布98条，通过“松林发布”公众号推送58条。
（二）依申请公开
全年共受理政府信息公开申请4件，上年结转1件，1件顺延至下一年度办理。
二、主动公开政府信息情况
"""
SONGLIN_2021_END = """五、存在的主要问题及改进情况
部分栏目更新不及时，今后每月检查一次。
六、其他需要报告的事项
本年度未收取信息处理费。
松林镇人民政府
2022年1月20日
"""
SONGLIN_2020 = """松林镇2020年政府信息公开工作年度报告
一、总体情况 2020年，松林镇主动公开政府信息件数为87件，收到政府信息公开申请4件，均按时答复。
二、主动公开政府信息情况
"""
SONGLIN_2020_END = "五、存在的主要问题及改进情况 公开内容还不够细。六、其他需要报告的事项 无。\n"
LIANHUA = """莲花乡{year}年政府信息公开工作年度报告
一、总体情况
{year}年，莲花乡通过乡政府网站、政务公开栏等渠道主动公开政府信息{items}条。
二、主动公开政府信息情况
"""
LIANHUA_END = """五、存在的主要问题及改进情况
信息发布的及时性有待提高。
六、其他需要报告的事项
无。
"""
TAOYUAN_2019 = """桃源镇2019年政府信息公开工作年度报告
一、总体情况
2019年，桃源镇主动公开政府信息合计203条，涵盖财政预决算、民生保障等领域。
二、主动公开政府信息情况
"""
TAOYUAN_2019_END = """五、存在的主要问题及改进情况
培训还不够经常。
六、其他需要报告的事项
依申请公开未收取任何费用。
"""
TAOYUAN_2017 = """桃源镇2017年政府信息公开工作年度报告
当前位置：首页 > 政务公开 > 年度报告
一、概述
本镇政府信息公开工作由党政办负责，配备兼职人员一名。
二、主动公开政府信息情况
全年我镇主动公开政府信息数量为75件，内容包括财政、人事和工作动态。
三、依申请公开政府信息情况
本年度未收到公民、法人或其他组织的政府信息公开申请。
四、收费及减免情况
本年度没有收取检索、复制等任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
本年度没有发生因政府信息公开引起的行政复议和行政诉讼。
桃源镇人民政府
2018年1月15日
"""
SHUIKOU_2018 = """水口乡2018年度政府信息公开工作年度报告
一、概述
全乡政府信息公开工作运行平稳，现将主要数字列示如下：
· 主动公开政府信息：64条
· 收到政府信息公开申请：2+2件（当面申请与网上申请）
· 顺延至下一年度办理：1件
· 行政复议：0件；行政诉讼：1件
· 依申请公开收取费用：0元
二、存在的主要问题
公开栏内容偏少。
水口乡人民政府
2019年1月22日
"""
SHUIKOU_2020 = """水口乡2020年政府信息公开工作年度报告
一、总体情况
（一）主动公开
2020年，水口乡通过乡政府网站公开信息45条，通过微信公众号推送信息70条。
（二）依申请公开
全年未收到政府信息公开申请。
（三）其他
本年行政事业性收费2.3万元，均按规定票据收取。
因政府信息公开被申请行政复议2件，其中1件尚未审结。全年未发生行政诉讼。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
解读材料偏少。
"""

FORM_CASES = (
    Case("songlin-2021-tsv.txt", "tsv", "utf-8", "f2021", 2021, _parts(SONGLIN_2021, SONGLIN_2021_END),
         {"proactive": F2021_T1, "applications": APPS_F2021, "review": REVIEW_2},
         _figures(156, 4, 1, 1, 2, 0, 0), {"published": "2022-01-20", "organ": "松林镇人民政府"}),
    Case("songlin-2020-oneline.txt", "oneline", "utf-8", "f2019", 2020,
         _parts(SONGLIN_2020, SONGLIN_2020_END, "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况"),
         {"proactive": F2019_T1, "applications": APPS_F2019, "review": REVIEW_2},
         _figures(87, 4, 0, 0, 2, 0, None)),
    Case("lianhua-2020-mixed-page.html", "html", "utf-8", "f2019", 2020,
         _parts(LIANHUA.format(year=2020, items=118), LIANHUA_END),
         {"proactive": F2021_T1, "applications": APPS_F2019, "review": REVIEW_0},
         _figures(118, 4, 0, 0, 0, 0, None), table_formats={"proactive": "f2021"}),
    Case("lianhua-2021-mixed-word.docx", "docx", "", "f2021", 2021,
         _parts(LIANHUA.format(year=2021, items=131), LIANHUA_END),
         {"proactive": F2019_T1, "applications": APPS_F2021, "review": REVIEW_2},
         _figures(131, 4, 1, 1, 2, 0, None), table_formats={"proactive": "f2019"}),
    Case("lianhua-2022-f2019-tsv.txt", "tsv", "gb18030", "f2019", 2022,
         _parts(LIANHUA.format(year=2022, items=140), LIANHUA_END),
         {"proactive": F2019_T1, "applications": APPS_F2019, "review": REVIEW_0},
         _figures(140, 4, 0, 0, 0, 0, None)),
    Case("taoyuan-2019-traditional-pipecells.txt", "pipecells", "utf-8", "f2019", 2019,
         _parts(TAOYUAN_2019, TAOYUAN_2019_END),
         {"proactive": F2019_T1, "applications": APPS_F2019, "review": REVIEW_2},
         _figures(203, 4, 0, 0, 2, 0, 0), traditional=True),
    Case("taoyuan-2017-traditional-glosses.txt", "lines", "utf-8", "pre2019", 2017, (("text", TAOYUAN_2017),), {},
         _figures(75, 0, None, None, 0, 0, 0), {"published": "2018-01-15", "organ": "桃源镇人民政府"},
         traditional=True, glosses=True),
    Case("shuikou-2018-bullets.txt", "lines", "utf-8", "pre2019", 2018, (("text", SHUIKOU_2018),), {},
         _figures(64, 4, None, 1, 0, 1, 0), {"published": "2019-01-22", "organ": "水口乡人民政府"}),
    Case("shuikou-2020-channels.txt", "lines", "utf-8", "f2019", 2020, (("text", SHUIKOU_2020),), {},
         _figures(None, 0, None, None, 2, 0, None)),
)
