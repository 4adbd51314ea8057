# ruff: noqa: E501  (the report lines are data: long Chinese sentences and HTML kept as printed)
"""Held-out-like reports for the import corpus (#22): written before reading the importer, in the forms
real township reports take when copied from portals, PDFs and Word files (surveyed across many provinces
and years): cells alternating with '|' lines, rows squeezed with no separator, PDF text with page numbers,
vertical labels and wrapped labels, space-separated PDF rows, portal pages with nested layout tables, Word
"save as web page" HTML in GBK, .docx with merged and line-broken cells, Hubei-style annotated Table 1
with an extra row, a Table 2 with only the 总计 column printed, Shanghai-style blank cells, a traditional
mirror with pinyin after many characters, UTF-16 with a BOM, Chinese-numeral counts, channel lists with
and without a total, 历年累计 figures, 余/约 approximations, two disagreeing totals, and ambiguous phrases
("依申请公开0件") whose truth is blank.

Townships, sentences and numbers are invented; only the layouts and kinds of phrasing follow real reports.
Truth is honest: a figure the text does not state unambiguously is null (blank is right, a guess is wrong);
where a report has the standard tables, the figures the tables hold come from them (as in the seeds).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.import_corpus.cases import _apps

HERE = Path(__file__).resolve().parent
Rows = list  # list[list[tuple[str, int, int]]]


def _figures(proactive, new, over, forward, reviews, lawsuits, fees) -> dict:
    keys = ("proactive_items", "applications_new", "applications_carried_over", "applications_carried_forward",
            "reviews_total", "lawsuits_total", "fees")
    return dict(zip(keys, (proactive, new, over, forward, reviews, lawsuits, fees), strict=True))


@dataclass(frozen=True)
class Heldout:
    file: str
    form: str  # the form the benchmark reports it under
    render: str  # renderer key (see RENDER)
    encoding: str
    format: str
    year: int
    parts: tuple
    tables: dict
    figures: dict
    meta: dict = field(default_factory=dict)
    table_formats: dict = field(default_factory=dict)
    tweak: Callable | None = None  # (table id, rows) -> rows: printed label variants, extra rows …
    fold: bool = False
    traditional: bool = False
    head: str = ""  # text (or HTML) before the body
    tail: str = ""
    breaks: dict = field(default_factory=dict)  # table id -> row indices after which a PDF page number falls
    # rows ("table.row") that no reader can place with certainty (`12037` for three cells): their truth
    # stays the printed values (the benchmark counts them as missed), and the corpus test wants them blank
    unreadable: tuple = ()


# ---------------------------------------------------------------------------------------------- tweaks


def relabel(rows: Rows, mapping: dict) -> Rows:
    return [[(mapping.get(t, t), rs, cs) for t, rs, cs in row] for row in rows]


def split_headers(rows: Rows) -> Rows:
    """Header cells broken inside a word, as narrow Word/PDF columns print them."""
    return relabel(rows, {
        "本年新制作数量": "本年新\n制作数量", "本年新公开数量": "本年新\n公开数量", "对外公开总数量": "对外公开\n总数量",
        "本年制发件数": "本年制发\n件数", "本年废止件数": "本年废止\n件数", "现行有效件数": "现行有效\n件数",
        "商业企业": "商业\n企业", "科研机构": "科研\n机构", "社会公益组织": "社会公益\n组织",
        "法律服务机构": "法律服务\n机构", "上一年项目数量": "上一年项\n目数量", "处理决定数量": "处理决定\n数量",
    })


def positions(rows: Rows) -> list[list[tuple[str, int, int, int]]]:
    """Each cell with the grid column it starts in."""
    taken: set = set()
    out = []
    for r, row in enumerate(rows):
        c, placed = 0, []
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            placed.append((text, rs, cs, c))
            c += cs
        out.append(placed)
    return out


def unspan_header(rows: Rows, height: int) -> Rows:
    """Header rows written with empty cells where the template has rowspans (a CMS fixture style)."""
    placed = positions(rows)
    width = sum(cs for _, _, cs in rows[0])
    grid: dict = {}
    for r, row in enumerate(placed[:height]):
        for text, rs, cs, c in row:
            for dr in range(rs):
                grid[(r + dr, c)] = (text if dr == 0 else "", cs)
    out = []
    for r in range(height):
        line, c = [], 0
        while c < width:
            text, cs = grid.get((r, c), ("", 1))
            line.append((text, 1, cs))
            c += cs
        out.append(line)
    return out + rows[height:]


def glyph_review_header(rows: Rows) -> Rows:
    """Table 3 as PDF text prints it: group labels, then the 15 leaf labels as vertical glyph columns."""
    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    glyphs = [[(" ".join(label[i] for label in leaves if len(label) > i), 1, 15)] for i in range(4)]
    return [[("行政复议", 1, 5), ("行政诉讼", 1, 10)], [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)], *glyphs, *rows[3:]]


# ------------------------------------------------------------------------------------- text renderers


def as_barlines(rows: Rows) -> list[str]:
    """A CMS page copied as text: every cell's text, then a line '|' (xjnlk / 中仓街道 style)."""
    out = []
    for row in rows:
        for text, _, _ in row:
            if text:
                out += [*text.split("\n"), "|"]
    return out


def as_squeezed(rows: Rows) -> list[str]:
    """A page whose cells lost their separators: one line per row, texts run together ('规章000')."""
    return ["".join(t.replace("\n", "") for t, _, _ in row) for row in rows]


def as_pdf_lines(rows: Rows) -> list[str]:
    """PDF text: one cell per line, a cell's own line breaks kept, blank cells vanish."""
    return [line for row in rows for text, _, _ in row if text for line in text.split("\n")]


def as_pdf_rows(rows: Rows) -> list[str]:
    """PDF text where each printed row is one line, cells split by single spaces (long labels wrap)."""
    return [" ".join(t for t, _, _ in row if t) for row in rows]


def with_breaks(rows: Rows, breaks: list[int], render, first_page: int) -> list[str]:
    out, page = [], first_page
    for i, row in enumerate(rows):
        out += render([row])
        if i in breaks:
            out += [f"- {page} -"]
            page += 1
    return out


# ------------------------------------------------------------------------------------- html renderers


def _td(text: str, rs: int, cs: int, tag: str = "td", wrap=None) -> str:
    spans = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
    inner = "<br/>".join(html.escape(part) for part in text.split("\n")) if text else "&nbsp;"
    return f"<{tag}{spans}>{wrap(inner) if wrap else inner}</{tag}>"


def portal_table(rows: Rows, header_rows: int) -> str:
    wrap = lambda s: f'<p style="text-align:center;"><span style="font-family:宋体;font-size:14px;">{s}</span></p>'  # noqa: E731
    body = []
    for i, row in enumerate(rows):
        body.append("<tr>" + "".join(_td(t, rs, cs, "td", wrap) for t, rs, cs in row) + "</tr>")
        if i == header_rows - 1:
            body.append("</tbody><tbody>")
    return ('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;">'
            "<tbody>" + "\n".join(body) + "</tbody></table>")


def plain_table(rows: Rows, header_rows: int) -> str:
    body = []
    for i, row in enumerate(rows):
        tag = "th" if i < header_rows else "td"
        body.append("<tr>" + "".join(_td(t, rs, cs, tag) for t, rs, cs in row) + "</tr>")
    return '<table class="xxgk" border="1">\n' + "\n".join(body) + "\n</table>"


def word_table(rows: Rows) -> str:
    """Word's 'save as web page': unquoted attributes, MsoNormal paragraphs, <o:p>, one <p> per line."""
    def cell(text, rs, cs):
        spans = (f" rowspan={rs}" if rs > 1 else "") + (f" colspan={cs}" if cs > 1 else "")
        paras = text.split("\n") if text else [""]
        inner = "".join(
            f"<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt;"
            f"font-family:宋体'>{html.escape(p) or '&nbsp;'}<o:p></o:p></span></p>" for p in paras
        )
        return f"<td width=96{spans} valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>{inner}</td>"

    body = "\n".join("<tr style='height:18.0pt'>" + "".join(cell(*c) for c in row) + "</tr>" for row in rows)
    return ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=588 "
            "style='border-collapse:collapse;border:none'>\n" + body + "\n</table>")


def word_grid_table1(rows: Rows) -> Rows:
    """f2019 Table 1 on a 5-column Word grid (as 上海 2019): data-row colspans do not line up with the header's."""
    out, block = [], ""
    for row in rows:
        texts = [t for t, _, _ in row]
        if len(row) == 1:
            block = texts[0]
            out.append([(texts[0], 1, 5)])
            continue
        short = "（八）" in block or "（九）" in block
        header = texts[0] == "信息内容"
        if short:
            out.append([(texts[0], 1, 1), (texts[1], 1, 2), (texts[2], 1, 2)])
        elif "（一）" in block:
            out.append([(texts[0], 1, 1), (texts[1], 1, 1), (texts[2], 1, 1), (texts[3], 1, 2)])
        elif header:
            out.append([(texts[0], 1, 1), (texts[1], 1, 1), (texts[2], 1, 2), (texts[3], 1, 1)])
        else:
            out.append([(texts[0], 1, 1), (texts[1], 1, 2), (texts[2], 1, 1), (texts[3], 1, 1)])
    return out


# --------------------------------------------------------------------------------------------- glosses

GLOSSES = {
    "鎮": "zhèn", "當": "dāng", "報": "bào", "條": "tiáo", "項": "xiàng", "數": "shù", "處": "chǔ", "規": "guī",
    "範": "fàn", "請": "qǐng", "總": "zǒng", "結": "jié", "轉": "zhuǎn", "訴": "sù", "議": "yì", "費": "fèi",
    "計": "jì", "據": "jù", "關": "guān", "現": "xiàn", "實": "shí", "進": "jìn", "網": "wǎng", "發": "fā",
    "決": "jué", "訊": "xùn", "審": "shěn", "類": "lèi", "況": "kuàng", "號": "hào",
}


def traditional(text: str) -> str:
    import opencc

    text = opencc.OpenCC("s2t").convert(text)
    return "".join(f"{ch}({GLOSSES[ch]})" if ch in GLOSSES else ch for ch in text)


# ------------------------------------------------------------------------------------------------ data

T1_2019_A = {  # 竹园: signed change, amount with a decimal
    "regulations": [0, 0, 0], "normative": [2, 2, 9], "licensing": [30, 4, 56], "other_services": [18, -2, 240],
    "penalty": [6, 0, 6], "coercion": [0, 0, 0], "fees": [2, 0], "procurement": [3, 12.8],
}
APPS_ZHUYUAN = _apps(
    False, new=[5, 0, 0, 0, 0, 0, 5], carried_over=[1, 0, 0, 0, 0, 0, 1], granted=[3, 0, 0, 0, 0, 0, 3],
    partial=[1, 0, 0, 0, 0, 0, 1], unable_not_held=[1, 0, 0, 0, 0, 0, 1], rejected_repeat=[1, 0, 0, 0, 0, 0, 1],
    total_handled=[6, 0, 0, 0, 0, 0, 6],
)
Z15 = [0] * 15


def _only_total(rows: dict) -> dict:
    """Table 2 with only the 总计 column printed; every other cell blank."""
    return {k: [None] * 6 + [v[6]] for k, v in rows.items()}


def _blank_zeros(rows: dict, keep_total: tuple) -> dict:
    """Zero cells printed blank (上海 2019); the 总计 column printed only on the rows in keep_total."""
    out = {}
    for k, cells in rows.items():
        line = [None if v == 0 else v for v in cells[:6]]
        out[k] = [*line, cells[6] if k in keep_total else None]
    return out


# ------------------------------------------------------------------------------------------------ prose

YUNQI = """云栖镇2021年政府信息公开工作年度报告
发布时间：2022-01-24 来源：云栖镇人民政府
本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限为2021年1月1日至2021年12月31日。
一、总体情况
（一）主动公开
2021年，云栖镇累计主动公开政府信息136条，其中在县政府门户网站云栖镇专栏发布61条，内容涉及财政预决算、惠农补贴和乡村建设等。
（二）依申请公开
本年度新收政府信息公开申请2件，全部在法定期限内答复。
（三）政府信息管理
镇党政办每半年清理一次过期信息，全年更正错链、错字18处。
（四）平台建设
“云栖发布”公众号全年推送信息90条。
（五）监督保障
将信息公开纳入各办所年度目标考核。
二、主动公开政府信息情况
该部分以表格形式报告。表格如下：
"""
YUNQI_2 = "三、收到和处理政府信息公开申请情况\n该部分以表格形式报告。表格如下：\n"
YUNQI_3 = "四、政府信息公开行政复议、行政诉讼情况\n"
YUNQI_END = """五、存在的主要问题及改进情况
信息解读形式还比较单一，下一步将增加图文解读。
六、其他需要报告的事项
本年度未收取信息处理费。
云栖镇人民政府
2022年1月24日
"""

HEMING = """鹤鸣乡2019年政府信息公开工作年度报告
时间：2020-01-16 来源：鹤鸣乡 作者：
根据《中华人民共和国政府信息公开条例》规定，现将鹤鸣乡2019年度政府信息公开工作情况报告如下。本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。
一、总体情况
（一）主动公开政府信息情况。全年通过乡政务公开栏、县政府网站等渠道主动公开政府信息共计64条（同一信息在不同渠道发布的只计1条）。
（二）依申请公开情况。本年度收到政府信息公开申请1件，已按期答复。
（三）政府信息管理情况。本年度制定规范性文件0件。
二、主动公开政府信息情况
"""
HEMING_END = """五、存在的主要问题及改进情况
公开栏内容更新较慢。
六、其他需要报告的事项
无。
"""

ZHUYUAN = """竹园街道办事处2020年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息 公开条例》（以下简称《条例》）编制。报告所列数据统计期限为 2020 年 1 月 1 日至 2020 年 12 月 31 日。
一、总体情况
（一）主动公开。2020 年，竹园街道主动公开政府信息 187 条，其中政策文件 9 条，工作动态 121 条，其他信息 57 条。
（二）依申请公开。全年收到政府信息公开申请 5 件，上年结转 1 件，均已办结。
（三）政府信息管理。按季度开展信息公开自查，共自查 4 次。
- 1 -
二、主动公开政府信息情况
"""
ZHUYUAN_END = """五、存在的主要问题及改进情况
部分工作人员对新《条例》掌握不够，将加强 培训。
六、其他需要报告的事项
无。
- 4 -
竹园街道办事处
2021年1月28日
"""

XINGPING_NAV = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>杏坪镇2022年政府信息公开工作年度报告_杏坪镇人民政府</title>
<script type="text/javascript">var siteId = 1042; var pv = 23871;</script>
<style>.nav li{float:left}</style></head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="layout">
<tr><td><div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li>
<li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
<div class="date">今天是2024年3月5日 星期二</div></div></td></tr>
<tr><td>
<table width="100%" class="crumbs"><tr><td>当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</td></tr></table>
<table width="100%" border="0" class="xxgk-meta">
<tr><th>索引号：</th><td>000014349/2023-00031</td><th>主题分类：</th><td>其他</td></tr>
<tr><th>发布机构：</th><td>杏坪镇人民政府</td><th>发布日期：</th><td>2023-01-20</td></tr>
<tr><th>名　　称：</th><td colspan="3">杏坪镇2022年政府信息公开工作年度报告</td></tr>
<tr><th>文　　号：</th><td></td><th>有 效 性：</th><td>有效</td></tr>
</table>
<table width="100%" border="0"><tr><td class="sidebar" width="200">
<ul><li><a href="/nb/2021.html">2021年年报</a></li><li><a href="/nb/2020.html">2020年年报</a></li></ul>
<p>访问量：1523</p></td>
<td class="content">
<h2 style="text-align:center">杏坪镇2022年政府信息公开工作年度报告</h2>
"""
XINGPING_TAIL = """</td></tr></table>
<div class="tools">【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</div>
</td></tr>
<tr><td><div class="footer">主办单位：杏坪镇人民政府　地址：杏坪镇府前路8号　电话：0000-6123456<br/>
网站标识码：5100000012　ICP备12345678号-1</div></td></tr>
</table></body></html>
"""
XINGPING = """一、总体情况
2022年，杏坪镇共主动公开政府信息211条，其中政策文件12条、财政信息9条、工作动态190条。
（一）主动公开
重点公开了乡村振兴项目、低保和特困供养等信息。
（二）依申请公开
全年新收政府信息公开申请5件，均在法定期限内办结。
二、主动公开政府信息情况
"""
XINGPING_END = """五、存在的主要问题及改进情况
政策解读的针对性还不够强。
六、其他需要报告的事项
本机关未向申请人收取信息处理费。
"""

SHUANGHEKOU_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>双河口乡2020年政府信息公开工作年度报告</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>dzb</o:Author><o:Pages>6</o:Pages></o:DocumentProperties></xml><![endif]-->
<style>
<!-- p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;} -->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
"""
SHUANGHEKOU_TAIL = "</div>\n</body>\n</html>\n"
SHUANGHEKOU = """双河口乡2020年政府信息公开工作年度报告
一、总体情况
2020年，双河口乡坚持以公开为常态、不公开为例外，全年主动公开政府信息93条，主要通过县政府信息公开平台发布。
全年收到政府信息公开申请2件，均已按时答复。
二、主动公开政府信息情况
"""
SHUANGHEKOU_END = """五、存在的主要问题及改进情况
村级公开栏更新不够及时。
六、其他需要报告的事项
依申请公开工作未收取任何费用。
双河口乡人民政府
二〇二一年一月十五日
"""

MEILING = """梅岭镇2021年政府信息公开
工作年度报告
一、总体情况
2021年，梅岭镇全年共发布政府信息一百零八条，涵盖机构职能、政策文件、财政资金和工作动态。
本年度共收到政府信息公开申请3件，上年结转1件。
二、主动公开政府信息情况
"""
MEILING_END = """五、存在的主要问题及改进情况
一是公开内容不够全面；二是解读材料偏少。
六、其他需要报告的事项
无。
梅岭镇人民政府
2022年1月19日
"""

SHAPING = """沙坪街道2022年政府信息公开工作年度报告
一、总体情况
（一）主动公开
2022年，沙坪街道通过区政府网站沙坪街道栏目发布信息75条，通过“沙坪之声”公众号推送信息112条。
（二）依申请公开
全年收到政府信息公开申请7件，均已依法答复。
二、主动公开政府信息情况
"""
SHAPING_END = """五、存在的主要问题及改进情况
依申请公开答复文书还需进一步规范。
六、其他需要报告的事项
本年度收取信息处理费0元。
沙坪街道办事处
2023年1月16日
"""

QINGGANG = """青岗乡2020年政府信息公开工作年度报告
一、总体情况
2020年，青岗乡主动公开政府信息合计96条，其中公开规范性文件3件。本年度未收到政府信息公开申请。
二、主动公开政府信息情况
"""
QINGGANG_END = """五、存在的主要问题及改进情况
专职人员不足，将通过培训补齐短板。
"""

GUIHUA = """桂花乡2022年政府信息公开工作年度报告
一、总体情况
（一）主动公开
2022年，桂花乡共主动公开政府信息97条，其中机构职能类6条、财政资金类11条、工作动态类80条。
（二）依申请公开
全年共收到政府信息公开申请3件，其中当面申请1件、网上申请2件；上年结转1件。办理结果为予以公开2件、无法提供1件，结转下年度继续办理1件。
（三）政府信息管理
严格执行信息发布三审制度。
二、主动公开政府信息情况
（详见附图）
三、收到和处理政府信息公开申请情况
（详见附图）
四、政府信息公开行政复议、行政诉讼情况
本年度因政府信息公开工作被申请行政复议1件，结果维持；未发生行政诉讼。
五、存在的主要问题及改进情况
网站栏目设置还需优化。
六、其他需要报告的事项
本年度共收取信息处理费0元。
桂花乡人民政府
2023年1月18日
"""

BAILUZHOU = """白鹭洲街道二〇一六年政府信息公开工作年度报告
本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为二〇一六年一月一日至十二月三十一日。
一、概述
街道成立了由工委副书记任组长的信息公开工作领导小组，配备兼职信息员两名。
二、主动公开政府信息情况
全年共主动公开政府信息一百二十六条，其中工作动态七十八条、通知公告三十一条、其他信息十七条。
三、依申请公开政府信息情况
本年度共受理政府信息公开申请十二件，其中当面申请五件、网上申请七件；已全部答复，其中同意公开九件、信息不存在三件。
四、政府信息公开收费及减免情况
本年度按规定收取复制费共计三十元，未予减免。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
本年度因政府信息公开被申请行政复议两件，未发生行政诉讼。
六、存在的主要问题和改进措施
信息员业务能力有待提高，拟每季度组织一次培训。
白鹭洲街道办事处
二〇一七年一月二十三日
"""

SHIBAN = """石板乡2023年政府信息公开工作年度报告
本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
（一）主动公开。2023年全乡主动公开信息共计83条，无政府信息公开申请行政复议、行政诉讼。
（二）依申请公开。2023年我乡受理依申请公开政府信息数量共计0条。
（三）政府信息管理。信息发布前由乡党政办逐条审核。
（四）平台建设。利用乡政府网站和村务公开栏同步发布信息。
二、存在的主要问题及改进情况
公开内容不够丰富，拟增加民生事项的公开。
三、其他需要报告的事项
本年度未收取任何信息公开费用。
石板乡人民政府
2024年1月22日
"""

XILING = """西岭镇2025年政府信息公开工作年度报告
本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。
一、总体情况
（一）主动公开政府信息情况。全年通过电子屏幕、公告栏等公开渠道主动发布政府信息共计58条（不同渠道发布的同一信息计为1条）。
（二）依申请公开情况。年内，我镇未收到公民、法人或其他组织通过任何形式提出的政府信息公开申请。
（三）政府信息管理情况。2025年，我镇共制定规范性文件0件，废止规范性文件0件。
二、政府信息公开行政复议、行政诉讼情况
2025年我镇未有因政府信息公开申请行政复议和提起行政诉讼的情况。
三、其他需要报告的事项
2025年度，我镇政府信息公开没有收费。
西岭镇人民政府
2026年1月19日
"""

YINXING = """银杏乡2014年政府信息公开工作年度报告
一、概述
乡政府办公室负责政府信息公开日常工作。
二、主动公开政府信息情况
本年度通过乡政府网站公开信息38条，通过政务公开栏公开27条，通过短信平台发布15条，合计主动公开政府信息80条。
三、依申请公开政府信息情况
全年收到当面申请2件、信函申请2件，共计4件，均已按期答复。
四、收费情况
全年未收取任何费用。
五、行政复议和行政诉讼情况
因政府信息公开申请行政复议0件，提起行政诉讼0件。
六、咨询情况
全年接受群众咨询136人次，其中电话咨询98人次。
银杏乡人民政府
2015年2月6日
"""

LONGTANBA = """2012年龙潭坝镇政府信息公开工作年度报告
本报告中所列数据的统计期限自201211日至20121231日止。
一、概述
镇政府成立了政府信息公开领导小组，办公室设在党政办。
二、主动公开政府信息情况
1、主动公开政府信息的数量：本年度主动公开政府信息41条，历年累计公开318条，全文电子化率100%。
22012年主动公开政府信息的主要类别：工作动态29条，占70.7%；规划计划5条，占12.2%；其他7条，占17.1%。
三、依申请公开政府信息情况
本年度受理政府信息公开申请0件，历年累计受理6件。
四、政府信息公开的收费及减免情况
本年度未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况；历年累计行政复议1件。
六、存在的主要问题及改进措施
信息更新频率不高。
龙潭坝镇人民政府
2013年1月10日
"""

SHIMEN = """石门乡2018年政府信息公开工作年度报告
发布日期：2019-01-25  浏览次数：
一、概述
乡政府高度重视政府信息公开工作。
二、主动公开政府信息情况
全年通过各种渠道主动公开政府信息300余条，主要包括扶贫政策、低保名单和项目公示。
三、依申请公开情况
本年度收到当面申请1件，网上申请2件。其中予以公开2件，不予公开1件。
四、收费及减免情况
依申请公开未收取检索、复制等费用。
五、行政复议、诉讼和申诉情况
全年发生因政府信息公开引起的行政复议1起，目前正在办理中；未发生行政诉讼。
六、存在的主要问题及改进措施
公开形式较为单一。
"""

LUHUA = """当前位置：首页 > 信息公开 > 年度报告
索引号：LH-2020-0007  发布日期：2020-01-20
芦花镇2019年政府信息公开工作年度报告
一、总体情况
2019年，芦花镇主动公开政府信息共计158条。全年新收政府信息公开申请2件，均已办结。
二、主动公开政府信息情况
"""
LUHUA_END = """五、存在的主要问题及改进情况
信息公开队伍不够稳定。
六、其他需要报告的事项
本年度依申请公开未收取费用。
芦花镇人民政府
2020年1月20日
"""

SANXI_HEAD = ("首页 > 政务公开 > 政府信息公开年报 三溪镇2021年政府信息公开工作年度报告 发布时间：2022-01-21 09:30 "
              "来源：三溪镇 浏览次数：312 【字体：大 中 小】")
SANXI = """一、总体情况 2021年，三溪镇主动公开政府信息152条，同比增加12条。全年收到政府信息公开申请4件，均按期答复。
二、主动公开政府信息情况"""
SANXI_END = """五、存在的主要问题及改进情况 个别栏目更新不及时。 六、其他需要报告的事项 本年度未收取信息处理费。 三溪镇人民政府 2022年1月21日"""
SANXI_TAIL = "【打印本页】【关闭窗口】 主办：三溪镇人民政府 技术支持：某某网络 备案号：12345678号"

DONGPO = """东坡镇2020年政府信息公开工作年度报告

本年度报告所列数据的统计期限自202011日至20201231日止。
一、总体情况
（一）主动公开
2020年，东坡镇通过网站、政务微信等形式主动公开政府信息74条。其中，利用县政府信息公开平台公开31条，利用微信公众号公开43条，答复群众咨询15件。
（二）依申请公开
本年度收到公民申请公开政府信息0件。
（三）政府信息管理
[bookmark: _GoBack]落实信息发布审核制度。
二、主动公开政府信息情况
"""
DONGPO_END = """五、存在的问题及改进情况
网站栏目维护还需加强。
六、其他需要报告的事项
无。
"""

SHUANGFENG = """登录 |  注册

双峰乡2017年政府信息公开工作年度报告

发布日期:2018-02-02    点击数:

一、概述
乡政府办公室负责信息公开工作，配备兼职人员1名。
二、主动公开政府信息情况
全年在乡政府网站发布各类信息247条，其中机构概况类5条、政策文件类11条、工作动态类231条。全年通过政务网站、微信、微博共发布各类信息1362条。
三、依申请公开和不予公开情况
本年度依申请公开0件，不予公开0件。
四、收费及减免情况
本年度收取检索、复制费用共计15元。
五、行政复议和行政诉讼情况
因政府信息公开申请行政复议、提起行政诉讼均为0件。
六、存在的主要问题及改进情况
公开内容还不够丰富。
双峰乡人民政府
二O一八年一月十五日
"""

LIUAN = """柳岸街道2022年政府信息公开工作年度报告
一、总体情况
2022年，柳岸街道主动公开政府信息达326条，依申请公开工作运行平稳。
二、主动公开政府信息情况
"""
LIUAN_END = """五、存在的主要问题及改进情况
主动公开的深度还不够。
六、其他需要报告的事项
无。
"""

QIAOTOU = """桥头镇2023年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息 公开条例》编制，所列数据的统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日。
一、总体情况
（一）主动公开。全年主动公开政府信息 156 条，其中规范性文件 1 件。
（二）依申请公开。全年收到政府信息公开申请 2 件，均按时答复。
二、主动公开政府信息情况
"""
QIAOTOU_END = """五、存在的主要问题及改进情况
政务新媒体内容不够丰富。
六、其他需要报告的事项
本年度收取信息处理费 0 元。
- 5 -
"""

CHAYUAN = """茶园乡2019年政府信息公开工作年度报告
一、总体情况
2019年，茶园乡主动公开政府信息85条。全年收到政府信息公开申请0件。
二、主动公开政府信息情况
"""
CHAYUAN_END = """五、存在的主要问题及改进情况
信息公开培训偏少。
六、其他需要报告的事项
无。
茶园乡人民政府
2020年1月14日
"""

BAIHE_HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>白河镇2020年政府信息公开工作年度报告</title></head>
<body><div class="wrap"><div class="bread">首页 / 政府信息公开 / 年度报告</div>
<div class="article"><h1>白河镇2020年政府信息公开工作年度报告</h1>
<div class="info">发布日期：2021-01-22 来源：白河镇 阅读次数：86</div>
"""
BAIHE_TAIL = """</div><div class="foot">白河镇人民政府 版权所有</div></div></body></html>
"""
BAIHE = """一、总体情况
全年主动公开政府信息共142条，收到政府信息公开申请3件。
二、主动公开政府信息情况
"""
BAIHE_END = """五、存在的主要问题及改进情况
部分信息发布滞后。
六、其他需要报告的事项
本年度依申请公开未收取任何费用。
"""

SONGXI = """松溪乡2022年政府信息公开工作年度报告
一、总体情况
（一）主动公开
全年通过门户网站发布信息58条、政务公开栏张贴公告31条、微信公众号推送46条，共计主动公开政府信息121条（同一信息在多个渠道发布的只计一次）。
（二）依申请公开
全年收到政府信息公开申请2件。
二、主动公开政府信息情况
"""
SONGXI_END = """五、存在的主要问题及改进情况
信息分类还不够细。
六、其他需要报告的事项
本年度收取信息处理费0元。
松溪乡人民政府
2023年1月12日
"""

JINSHA = """金沙乡2023年政府信息公开工作年度报告
一、总体情况
（一）主动公开。2023年，金沙乡全年主动公开政府信息185条。
（二）依申请公开。2023年受理依申请公开0件。
（三）平台建设。全年通过政务新媒体共发布各类信息426条。
二、主动公开政府信息情况
"""
JINSHA_END = """五、存在的主要问题及改进情况
公开的及时性有待提高。
六、其他需要报告的事项
无。
"""

HEADS = ("三、收到和处理政府信息公开申请情况\n", "四、政府信息公开行政复议、行政诉讼情况\n")


def _parts(intro: str, outro: str, mid=HEADS) -> tuple:
    return (("text", intro), ("table", "proactive"), ("text", mid[0]), ("table", "applications"),
            ("text", mid[1]), ("table", "review"), ("text", outro))


# -------------------------------------------------------------------------------------------- tweaks


def _zhuyuan(table: str, rows: Rows) -> Rows:
    rows = relabel(rows, {
        "商业企业": "商 业 企\n业", "科研机构": "科 研 机\n构", "社会公益组织": "社会公\n益组织", "法律服务机构": "法律服\n务机构",
        "三、本年度办理结果": "三、\n本\n年\n度\n办\n理\n结\n果", "（三）不予公开": "（三）不予\n公开",
        "（四）无法提供": "（四）无法\n提供", "（五）不予处理": "（五）不予\n处理",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）":
            "（本列数据的勾稽关系为：第一项加第\n二项之和，等于第三项加第四项之和）",
    })
    return glyph_review_header(rows) if table == "review" else rows


def _qiaotou(table: str, rows: Rows) -> Rows:
    return relabel(rows, {
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开（区分处理的，只计这一情形，不计其他\n情形）",
        "5.要求行政机关确认或重新出具已获取信息": "5.要求行政机关确认或重新出具已获取\n信息",
    })


ANNOTATED = {
    "规章": "规章(仅设区的市、自治州人民政府填写)",
    "规范性文件": "规范性文件(以本机关名义制发的规范性文件)",
    "上一年项目数量": "上一年项目数量 (2019年底的事项数)",
    "本年增/减": "本年增/减 (2020年增加或减少的事项数,减少的填负数)",
    "处理决定数量": "处理决定数量 (2020年的办件数)",
    "其他对外管理服务事项": "其他对外管理服务事项(行政许可以外的政务服务事项)",
}


def _qinggang(table: str, rows: Rows) -> Rows:
    if table != "proactive":
        return rows
    out = []
    for row in relabel(rows, ANNOTATED):
        out.append(row)
        if row[0][0].startswith("规范性文件"):
            out.append([("其他主动公开文件(本机关正式印发的其他主动公开文件)", 1, 1), ("14", 1, 1), ("14", 1, 1), ("14", 1, 1)])
    return out


def _liuan(table: str, rows: Rows) -> Rows:
    if table != "proactive":
        return rows
    rows = [r for r in rows if r[0][0] != "第二十条第(一)项"]
    return relabel(rows, {"行政规范性文件": "规范性文件", "本年制发件数": "本年(2022)制发件数"})


def _split(table: str, rows: Rows) -> Rows:
    return split_headers(rows)


def _meiling(table: str, rows: Rows) -> Rows:
    rows = split_headers(rows)
    return relabel(rows, {"总计": "总\n计", "三、本年度办理结果": "三、本年度\n办理结果"}) if table != "proactive" else rows


def _portal(table: str, rows: Rows) -> Rows:
    rows = split_headers(rows)
    return unspan_header(rows, 3) if table in ("applications", "review") else rows


def _dongpo(table: str, rows: Rows) -> Rows:
    rows = relabel(rows, {"本年新公开数量": "本年新\n公开数量", "对外公开总数量": "对外公开\n总数量"})
    return relabel(rows, {"总计": "总\n计"}) if table == "review" else rows


def _word(table: str, rows: Rows) -> Rows:
    rows = split_headers(rows)
    return word_grid_table1(rows) if table == "proactive" else rows


# ----------------------------------------------------------------------------------------------- cases

HELDOUT = (
    Heldout("yunqi-2021-barlines.txt", "barlines", "barlines", "utf-8-sig", "f2021", 2021,
            _parts(YUNQI, YUNQI_END, (YUNQI_2, YUNQI_3)),
            {"proactive": {"regulations": [0, 0, 0], "normative": [1, 0, 4], "licensing": [23], "penalty": [5],
                           "coercion": [0], "fees": [0.36]},
             "applications": _apps(True, new=[2, 0, 0, 0, 0, 0, 2], granted=[1, 0, 0, 0, 0, 0, 1],
                                   unable_not_held=[1, 0, 0, 0, 0, 0, 1], total_handled=[2, 0, 0, 0, 0, 0, 2]),
             "review": {"cases": Z15}},
            _figures(136, 2, 0, 0, 0, 0, 0), {"published": "2022-01-24", "organ": "云栖镇人民政府"},
            tweak=lambda t, rows: relabel(rows, {"商业企业": "商业\n企业", "科研机构": "科研\n机构"}), fold=True),
    Heldout("heming-2019-squeezed.txt", "squeezed", "squeezed", "utf-8", "f2019", 2019, _parts(HEMING, HEMING_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [0, 0, 0], "licensing": [0, 0, 0],
                           "other_services": [12, 0, 37], "penalty": [0, 0, 0], "coercion": [0, 0, 0],
                           "fees": [0, 0], "procurement": [1, 3.5]},
             "applications": _apps(False, new=[1, 0, 0, 0, 0, 0, 1], granted=[1, 0, 0, 0, 0, 0, 1],
                                   total_handled=[1, 0, 0, 0, 0, 0, 1]),
             "review": {"cases": Z15}},
            _figures(64, 1, 0, 0, 0, 0, None), {"published": "2020-01-16"},
            unreadable=("proactive.other_services", "proactive.procurement")),
    Heldout("zhuyuan-2020-pdf-lines.txt", "pdf-lines", "pdf_lines", "utf-8", "f2019", 2020,
            _parts(ZHUYUAN, ZHUYUAN_END),
            {"proactive": T1_2019_A, "applications": APPS_ZHUYUAN,
             "review": {"cases": [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]}},
            _figures(187, 5, 1, 0, 0, 1, None), {"published": "2021-01-28", "organ": "竹园街道办事处"},
            tweak=_zhuyuan, breaks={"proactive": [9], "applications": [12]}),
    Heldout("xingping-2022-portal.html", "html-portal", "html_portal", "utf-8", "f2021", 2022,
            _parts(XINGPING, XINGPING_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [2, 1, 15], "licensing": [64], "penalty": [11],
                           "coercion": [0], "fees": [3.6]},
             "applications": _apps(True, new=[4, 1, 0, 0, 0, 0, 5], granted=[2, 1, 0, 0, 0, 0, 3],
                                   unable_not_held=[1, 0, 0, 0, 0, 0, 1], other_no_correction=[1, 0, 0, 0, 0, 0, 1],
                                   total_handled=[4, 1, 0, 0, 0, 0, 5]),
             "review": {"cases": [1, 0, 0, 0, 1] + [0] * 10}},
            _figures(211, 5, 0, 0, 1, 0, 0),
            {"published": "2023-01-20", "organ": "杏坪镇人民政府", "index_no": "000014349/2023-00031"},
            tweak=_portal, head=XINGPING_NAV, tail=XINGPING_TAIL),
    Heldout("shuanghekou-2020-word.html", "html-word", "html_word", "gbk", "f2019", 2020,
            _parts(SHUANGHEKOU, SHUANGHEKOU_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [1, 1, 3], "licensing": [8, 1, 15],
                           "other_services": [26, 3, 410], "penalty": [2, 0, 3], "coercion": [0, 0, 0],
                           "fees": [4, -1], "procurement": [2, "152790元"]},
             "applications": _apps(False, new=[2, 0, 0, 0, 0, 0, 2], granted=[1, 0, 0, 0, 0, 0, 1],
                                   unable_need_make=[1, 0, 0, 0, 0, 0, 1], total_handled=[2, 0, 0, 0, 0, 0, 2]),
             "review": {"cases": Z15}},
            _figures(93, 2, 0, 0, 0, 0, 0), {"published": "2021-01-15", "organ": "双河口乡人民政府"},
            tweak=_word, head=SHUANGHEKOU_HEAD, tail=SHUANGHEKOU_TAIL),
    Heldout("meiling-2021-merged.docx", "docx-merged", "docx", "", "f2021", 2021, _parts(MEILING, MEILING_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [3, 2, 11], "licensing": [" 17"], "penalty": [4],
                           "coercion": [1], "fees": ["0.00"]},
             "applications": {**_apps(True, new=[2, 1, 0, 0, 0, 0, 3], carried_over=[1, 0, 0, 0, 0, 0, 1],
                                      granted=[1, 1, 0, 0, 0, 0, 2], denied_third_party=[1, 0, 0, 0, 0, 0, 1],
                                      rejected_petition=[1, 0, 0, 0, 0, 0, 1], total_handled=[3, 1, 0, 0, 0, 0, 4]),
                              "denied_query": [None] * 7},
             "review": {"cases": Z15}},
            _figures(108, 3, 1, 0, 0, 0, None), {"published": "2022-01-19", "organ": "梅岭镇人民政府"},
            tweak=_meiling),
    Heldout("shaping-2022-mixed-tsv.txt", "mixed-templates", "tsv", "utf-8", "f2021", 2022,
            _parts(SHAPING, SHAPING_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [0, 0, 2], "licensing": [0], "penalty": [37],
                           "coercion": [2], "fees": [0]},
             "applications": _apps(False, new=[6, 1, 0, 0, 0, 0, 7], granted=[4, 1, 0, 0, 0, 0, 5],
                                   partial=[1, 0, 0, 0, 0, 0, 1], other=[1, 0, 0, 0, 0, 0, 1],
                                   total_handled=[6, 1, 0, 0, 0, 0, 7]),
             "review": {"cases": [0, 0, 0, 1, 1] + [0] * 10}},
            _figures(None, 7, 0, 0, 1, 0, 0), {"published": "2023-01-16", "organ": "沙坪街道办事处"},
            table_formats={"applications": "f2019"}),
    Heldout("qinggang-2020-annotated.txt", "annotated", "pipecells", "utf-8", "f2019", 2020,
            _parts(QINGGANG, QINGGANG_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [3, 3, 3], "licensing": [0, 0, 0],
                           "other_services": [45, 2, 388], "penalty": [0, 0, 0], "coercion": [0, 0, 0],
                           "fees": [0, 0], "procurement": [0, 0]},
             "applications": _apps(False), "review": {"cases": Z15}},
            _figures(96, 0, 0, 0, 0, 0, None), tweak=_qinggang, fold=True),
    Heldout("guihua-2022-no-tables.txt", "tables-absent", "lines", "utf-8", "f2021", 2022, (("text", GUIHUA),), {},
            _figures(97, 3, 1, 1, 1, 0, 0), {"published": "2023-01-18", "organ": "桂花乡人民政府"}),
    Heldout("bailuzhou-2016-numerals.txt", "prose-numerals", "lines", "utf-8", "pre2019", 2016,
            (("text", BAILUZHOU),), {}, _figures(126, 12, None, None, 2, 0, 30),
            {"published": "2017-01-23", "organ": "白鹭洲街道办事处"}),
    Heldout("shiban-2023-plain.txt", "prose", "lines", "utf-8", "f2021", 2023, (("text", SHIBAN),), {},
            _figures(83, 0, None, None, 0, 0, 0), {"published": "2024-01-22", "organ": "石板乡人民政府"}),
    Heldout("xiling-2025-plain.txt", "prose", "lines", "utf-8", "f2021", 2025, (("text", XILING),), {},
            _figures(58, 0, None, None, 0, 0, 0), {"published": "2026-01-19", "organ": "西岭镇人民政府"}),
    Heldout("yinxing-2014-channels.txt", "prose-parts", "lines", "utf-8", "pre2019", 2014, (("text", YINXING),), {},
            _figures(80, 4, None, None, 0, 0, 0), {"published": "2015-02-06", "organ": "银杏乡人民政府"}),
    Heldout("longtanba-2012-cumulative.txt", "prose-parts", "lines", "utf-8", "pre2019", 2012,
            (("text", LONGTANBA),), {}, _figures(41, 0, None, None, 0, 0, 0),
            {"published": "2013-01-10", "organ": "龙潭坝镇人民政府"}),
    Heldout("shimen-2018-approx.txt", "prose-parts", "lines", "utf-8", "pre2019", 2018, (("text", SHIMEN),), {},
            _figures(None, None, None, None, 1, 0, 0), {"published": "2019-01-25"}),
    Heldout("luhua-2019-traditional.txt", "traditional", "pipe", "utf-8", "f2019", 2019, _parts(LUHUA, LUHUA_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [0, 0, 1], "licensing": [15, 0, 42],
                           "other_services": [0, 0, 0], "penalty": [3, 1, 5], "coercion": [0, 0, 0],
                           "fees": [1, 0], "procurement": [0, 0]},
             "applications": _apps(False, new=[2, 0, 0, 0, 0, 0, 2], granted=[1, 0, 0, 0, 0, 0, 1],
                                   unable_not_held=[1, 0, 0, 0, 0, 0, 1], total_handled=[2, 0, 0, 0, 0, 0, 2]),
             "review": {"cases": Z15}},
            _figures(158, 2, 0, 0, 0, 0, 0), {"published": "2020-01-20", "organ": "芦花镇人民政府"},
            fold=True, traditional=True),
    Heldout("sanxi-2021-oneline.txt", "oneline-portal", "oneline", "utf-8", "f2021", 2021,
            _parts(SANXI, SANXI_END, ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")),
            {"proactive": {"regulations": [0, 0, 0], "normative": [1, 0, 6], "licensing": [9], "penalty": [2],
                           "coercion": [0], "fees": [0.12]},
             "applications": _apps(True, new=[3, 0, 0, 0, 0, 1, 4], granted=[2, 0, 0, 0, 0, 1, 3],
                                   rejected_repeat=[1, 0, 0, 0, 0, 0, 1], total_handled=[3, 0, 0, 0, 0, 1, 4]),
             "review": {"cases": [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]}},
            _figures(152, 4, 0, 0, 0, 1, 0), {"published": "2022-01-21", "organ": "三溪镇人民政府"},
            head=SANXI_HEAD, tail=SANXI_TAIL),
    Heldout("dongpo-2020-utf16-tab.txt", "utf16-tab", "tab", "utf-16", "f2019", 2020, _parts(DONGPO, DONGPO_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [1, 1, 1], "licensing": [0, 0, 0],
                           "other_services": ["\xa0", "\xa0", "\xa0"], "penalty": [0, 0, 0], "coercion": [0, 0, 0],
                           "fees": [0, 0], "procurement": [0, 0]},
             "applications": _apps(False, new=[1, 0, 0, 0, 0, 0, 1], unable_not_held=[1, 0, 0, 0, 0, 0, 1],
                                   total_handled=[1, 0, 0, 0, 0, 0, 1]),
             "review": {"cases": Z15}},
            _figures(74, 1, 0, 0, 0, 0, None), tweak=_dongpo),
    Heldout("shuangfeng-2017-gbk.txt", "prose-parts", "lines", "gbk", "pre2019", 2017, (("text", SHUANGFENG),), {},
            _figures(None, None, None, None, 0, 0, 15), {"organ": "双峰乡人民政府"}),
    Heldout("liuan-2022-pipe-variants.txt", "pipe-variants", "pipe", "utf-8", "f2021", 2022,
            _parts(LIUAN, LIUAN_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [2, 0, 9], "licensing": [0], "penalty": [58],
                           "coercion": [3], "fees": [0]},
             "applications": _only_total(_apps(True, new=[6, 0, 0, 0, 0, 0, 6], granted=[4, 0, 0, 0, 0, 0, 4],
                                                unable_not_held=[1, 0, 0, 0, 0, 0, 1],
                                                rejected_repeat=[1, 0, 0, 0, 0, 0, 1],
                                                total_handled=[6, 0, 0, 0, 0, 0, 6])),
             "review": {"cases": Z15}},
            _figures(326, 6, 0, 0, 0, 0, None), tweak=_liuan, fold=True),
    Heldout("qiaotou-2023-pdf-rows.txt", "pdf-rows", "pdf_rows", "utf-8", "f2021", 2023, _parts(QIAOTOU, QIAOTOU_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [1, 0, 5], "licensing": [12], "penalty": [0],
                           "coercion": [0], "fees": [0]},
             "applications": _apps(True, new=[2, 0, 0, 0, 0, 0, 2], granted=[1, 0, 0, 0, 0, 0, 1],
                                   unable_need_make=[1, 0, 0, 0, 0, 0, 1], total_handled=[2, 0, 0, 0, 0, 0, 2]),
             "review": {"cases": Z15}},
            _figures(156, 2, 0, 0, 0, 0, 0), tweak=_qiaotou, breaks={"applications": [10]}),
    Heldout("chayuan-2019-conflict.docx", "docx", "docx", "", "f2019", 2019, _parts(CHAYUAN, CHAYUAN_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [0, 0, 0], "licensing": [5, 0, 9],
                           "other_services": [None, None, None], "penalty": [2, "—", 2], "coercion": ["-", "-", "-"],
                           "fees": [0, 0], "procurement": [0, 0]},
             "applications": _apps(False, new=[2, 0, 0, 0, 0, 0, 2], granted=[2, 0, 0, 0, 0, 0, 2],
                                   total_handled=[2, 0, 0, 0, 0, 0, 2]),
             "review": {"cases": Z15}},
            _figures(85, 2, 0, 0, 0, 0, None), {"published": "2020-01-14", "organ": "茶园乡人民政府"},
            tweak=lambda t, rows: relabel(rows, {"总计": "总\n计"}) if t == "review" else rows),
    Heldout("baihe-2020-blanks.html", "html-blanks", "html_plain", "utf-8", "f2019", 2020, _parts(BAIHE, BAIHE_END),
            {"proactive": {"regulations": [None, None, None], "normative": [1, 1, 4], "licensing": [7, None, 12],
                           "other_services": [None, None, None], "penalty": [None, None, None],
                           "coercion": [None, None, None], "fees": [None, None], "procurement": [1, 6.8]},
             "applications": _blank_zeros(
                 _apps(False, new=[3, 0, 0, 0, 0, 0, 3], granted=[2, 0, 0, 0, 0, 0, 2],
                       unable_not_held=[1, 0, 0, 0, 0, 0, 1], total_handled=[3, 0, 0, 0, 0, 0, 3]),
                 ("new", "carried_over", "total_handled", "carried_forward")),
             "review": {"cases": Z15}},
            _figures(142, 3, 0, 0, 0, 0, 0), {"published": "2021-01-22"}, head=BAIHE_HEAD, tail=BAIHE_TAIL),
    Heldout("songxi-2022-lines-split.txt", "lines-split", "lines", "utf-8", "f2021", 2022,
            _parts(SONGXI, SONGXI_END),
            {"proactive": {"regulations": [0, 0, 0], "normative": [1, 1, 7], "licensing": [3], "penalty": [0],
                           "coercion": [0], "fees": [0]},
             "applications": _apps(True, new=[1, 1, 0, 0, 0, 0, 2], granted=[1, 0, 0, 0, 0, 0, 1],
                                   rejected_petition=[0, 1, 0, 0, 0, 0, 1], total_handled=[1, 1, 0, 0, 0, 0, 2]),
             "review": {"cases": Z15}},
            _figures(121, 2, 0, 0, 0, 0, 0), {"published": "2023-01-12", "organ": "松溪乡人民政府"}, tweak=_split),
    Heldout("jinsha-2023-f2019t1-pipe.txt", "mixed-templates", "pipe", "utf-8", "f2021", 2023,
            _parts(JINSHA, JINSHA_END),
            {"proactive": {"regulations": [1, 1, 1], "normative": [22, 22, 22], "licensing": [None] * 3,
                           "other_services": [None] * 3, "penalty": [None] * 3, "coercion": [None] * 3,
                           "fees": [None] * 2, "procurement": [0, 0]},
             "applications": _apps(True), "review": {"cases": Z15}},
            _figures(185, 0, 0, 0, 0, 0, None), table_formats={"proactive": "f2019"}, fold=True),
)


# ---------------------------------------------------------------------------------------------- render


def truth_value(printed):
    """What a printed cell means: a dash is 0, a trailing 元 is dropped, stray marks and spaces are nothing,
    a blank (or a cell of spaces) stays blank."""
    if not isinstance(printed, str):
        return printed
    text = printed.replace("\xa0", " ").strip().lstrip("?").strip()
    if not text:
        return None
    if text in ("—", "-", "－", "–"):
        return 0
    text = text.removesuffix("元")
    return float(text) if "." in text else int(text)


def _table_html(case: Heldout, table_id: str, rows: Rows, header_rows: int) -> str:
    if case.render == "html_portal":
        return portal_table(rows, header_rows)
    if case.render == "html_word":
        return word_table(rows)
    return plain_table(rows, header_rows)


def _text_html(case: Heldout, content: str) -> str:
    lines = [line for line in content.strip("\n").split("\n") if line.strip()]
    if case.render == "html_word":
        return "\n".join(
            f"<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>"
            f"{html.escape(line)}<span lang=EN-US><o:p></o:p></span></span></p>" for line in lines
        )
    if case.render == "html_portal":
        return "\n".join(f'<p style="text-indent:2em;">{html.escape(line)}</p>' for line in lines)
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)


def render(case: Heldout, schemas) -> None:
    from tests.import_corpus import make_inputs as mk

    texts: list[str] = []
    htmls: list[str] = []
    doc = None
    if case.render == "docx":
        from docx import Document

        doc = Document()
    page = 2
    for kind, content in case.parts:
        if kind == "text":
            if doc is not None:
                for line in content.strip("\n").split("\n"):
                    doc.add_paragraph(line)
            elif case.render.startswith("html"):
                htmls.append(_text_html(case, content))
            else:
                texts += (content.strip("\n").split("\n") if case.render != "oneline"
                          else [content.strip("\n").replace("\n", " ")])
            continue
        table = schemas[case.table_formats.get(content, case.format)].table(content)
        rows = mk.table_rows(table, case.tables[content], {})
        header_rows = 0 if table.layout == "blocks" else len(mk._header_rows(table.header))
        if case.fold:
            rows = [[(t if re.fullmatch(r"[\d.\-\s]*", t) else mk.fold(t), rs, cs) for t, rs, cs in row] for row in rows]
        if case.tweak:
            rows = case.tweak(content, rows)
        if doc is not None:
            mk.add_docx_table(doc, rows)
        elif case.render.startswith("html"):
            htmls.append(_table_html(case, content, rows, header_rows))
        else:
            simple = {"pipe": mk.as_pipe, "tab": mk.as_tab, "lines": mk.as_lines, "tsv": mk.as_tsv,
                      "oneline": mk.as_oneline, "pipecells": mk.as_pipecells, "barlines": as_barlines,
                      "squeezed": as_squeezed}
            if case.render in ("pdf_lines", "pdf_rows"):
                draw = as_pdf_lines if case.render == "pdf_lines" else as_pdf_rows
                out = with_breaks(rows, case.breaks.get(content, []), draw, page)
                page += len(case.breaks.get(content, []))
                texts += out
            else:
                texts += simple[case.render](rows)
    path = HERE / case.file
    if doc is not None:
        doc.save(str(path))
    elif case.render.startswith("html"):
        body = case.head + "\n".join(htmls) + "\n" + case.tail
        path.write_bytes(body.encode(case.encoding))
    else:
        if case.render == "oneline":
            text = " ".join([case.head, *texts, case.tail]).strip() + "\n"
        else:
            text = "\n".join([*([case.head] if case.head else []), *texts, *([case.tail] if case.tail else [])]) + "\n"
        if case.traditional:
            text = traditional(text)
        path.write_bytes(text.encode(case.encoding))
    tables = {t: {r: [truth_value(v) for v in cells] for r, cells in rows.items()} for t, rows in case.tables.items()}
    truth = {"year": case.year, "format": case.format, "form": case.form, **case.meta, "figures": case.figures,
             "tables": tables}
    if case.unreadable:
        truth["unreadable"] = list(case.unreadable)
    header = "# Held-out-like input (tests/import_corpus/cases_heldout.py); invented township, text and numbers.\n"
    (HERE / (re.sub(r"\.[a-z]+$", "", case.file) + ".truth.yaml")).write_text(
        header + yaml.safe_dump(truth, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def render_all(schemas) -> None:
    for case in HELDOUT:
        render(case, schemas)
        print("wrote", case.file)
