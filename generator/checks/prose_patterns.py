"""The phrasings of key figures in report prose (report-formats §7.3 and the real reports behind #22),
as data: one Pattern per phrasing, read by generator/checks/prose_figures.py.

Each pattern states what it counts. Priority 1 is a stated total ("共计主动公开…", "总数…"), 2 a plain
statement ("主动公开政府信息N条"), 3 a loose mention that is often a part of the total. A number is
NUM: digits (also "1,234"), Chinese numerals, or a sum as printed ("2+2"). It starts only where a
run of digits does, and its parts are bounded (15 digits, 20 terms, 6 groups): a pattern that begins
with it would else scan the rest of a long run of digits from each of them (issue 17;
tests/test_hostile_patterns.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUM = (
    r"((?<!\d)(?:\d{1,3}(?:,\d{3}){1,5}(?![\d,])|\d{1,15}(?:\.\d{1,6})?(?:\s*[+＋]\s*\d{1,15}){0,20})"
    r"|[零〇一二两三四五六七八九十百]{1,4})"
)
GAP = r"[^，,。；;：:\d]{0,%d}?"
COLON = r"[：:]?\s*"
# "未经复议直接起诉" and "尚未审结" are not negations
NEG = r"(?:(?<!尚)未(?!经)|没有|无(?!法)|尚无|不存在|不曾|从未|不(?=收取|收费))"
APPROX = r"(?:余|多|以上|左右)"
COUNT = rf"{NUM}\s*{APPROX}?"  # a count, possibly round ("260余"): read, then left out as a round number
CASES = r"[件起宗次例个项]"
# 行政事业性收费 is Table 1's organ fee (万元) and 收费金额 its column: not a disclosure fee (§7.3)
NOT_FEES = re.compile(r"行政事业性收费|收费金额|收费项目")
# a count of review or lawsuit outcomes (结果维持…) is a part of the total, not the total
OUTCOME = re.compile(r"维持|纠正|撤销|驳回|审结|败诉|胜诉|确认违法")


@dataclass(frozen=True)
class Pattern:
    figure: str
    regex: re.Pattern
    priority: int  # 1 beats 2 beats 3
    zero: bool = False  # a negation: "未发生…行政复议" states 0
    needs: re.Pattern | None = None  # the sentence must mention one of these
    in_section: bool = False  # … or its section heading may ("三、依申请公开情况" + "未接到相关申请")
    row: bool = False  # a table row flattened into prose: seven numbers, the last is the total


def _p(figure: str, text: str, priority: int, zero=False, needs="", in_section=False, row=False) -> Pattern:
    return Pattern(figure, re.compile(text), priority, zero, re.compile(needs) if needs else None, in_section, row)


_PUBLISH = r"(?:公开|发布|推送|更新|公布)"
_INFO = r"(?:政府|政务|各类|各项|相关)?信息"
_SEVEN = r"((?:\s+\d+){7})(?!\s*\d)"

PROACTIVE = (
    _p(
        "proactive_items",
        rf"(?:共计|合计|总计|累计|总共|一共|共)(?:{GAP % 20}){COLON}{COUNT}[条件篇]",
        1,
        needs=rf"主动{_PUBLISH}|{_PUBLISH}{_INFO}|{_INFO}{_PUBLISH}|{_PUBLISH}(?:了)?\d",
    ),
    _p("proactive_items", rf"主动{_PUBLISH}{GAP % 8}信息(?:总数|总量|数量?|条数|件数)为?{COLON}{COUNT}[条件篇]", 1),
    _p("proactive_items", rf"主动{_PUBLISH}{GAP % 8}{_INFO}(?:数|数量)?为?{GAP % 4}{COLON}{COUNT}[条件篇]", 2),
    _p("proactive_items", rf"主动{_PUBLISH}[^。；;\d]{{0,20}}?{COLON}{COUNT}[条件篇]", 3),
    _p("proactive_items", rf"(?<!申请)(?<!不予){_PUBLISH}{_INFO}(?:数量?)?为?{COLON}{COUNT}条", 3),
)
APPLICATIONS = (
    _p("applications_new", rf"(?:收到|接到|受理|新收|办理){GAP % 25}申请{GAP % 8}{COLON}{NUM}\s*(?:{CASES}|条|份)", 1),
    _p(
        "applications_new",
        rf"(?:收到|接到|受理|新收){COLON}{NUM}\s*[件个份](?:{GAP % 12})申请",
        1,
        needs="信息公开|公开申请|依申请",
    ),
    # "依申请公开0件" alone does not say whether it counts applications received or information given
    # "依申请公开0件" or "办结…公开申请4件" alone do not say that the number counts applications received
    _p(
        "applications_new",
        rf"(?:依申请公开(?:政府信息)?(?:申请)?|公开申请)(?:件)?(?:数量|件数|总数)为?{COLON}{NUM}\s*{CASES}",
        2,
    ),
    # a list of applications by how they came, then its total: "收到当面申请2件、信函申请2件，共计4件"
    _p(
        "applications_new",
        rf"(?:收到|接到|受理|新收)[^。；;]{{0,40}}?申请[^。；;]{{0,30}}?(?:共计|合计|总计|共)\s*{NUM}\s*{CASES}",
        1,
    ),
    # "受理依申请公开政府信息数量共计0条": what was received, however counted
    _p(
        "applications_new",
        rf"(?:收到|接到|受理|新收)依申请公开(?:政府信息)?(?:申请)?(?:数量|件数|总数)?(?:为|共计|合计|总计|共)?"
        rf"{COLON}{NUM}\s*(?:{CASES}|条|份)",
        1,
    ),
    _p("applications_new", rf"本年新收政府信息公开申请数量{_SEVEN}", 1, row=True),
    _p(
        "applications_new",
        # "未发生因…申请行政复议" speaks of a review, not of applications for information
        # the gap holds "公民、法人或其他组织通过任何形式提出的政府信息公开" (25 characters)
        rf"{NEG}(?:收到|接到|受理|发生|办理){GAP % 32}申请(?!\s*(?:行政)?(?:复议|诉讼)|\s*提起)",
        1,
        zero=True,
        needs="依申请|公开申请|信息公开",
        in_section=True,
    ),
    _p("applications_new", rf"{NEG}(?:任何)?(?:形式的)?依申请公开", 1, zero=True),
    _p("applications_new", r"依申请公开[^。；;：:]{0,16}(?:数量|情况)[：:]\s*(?:无|0件?)(?![\d件])", 1, zero=True),
    _p("applications_new", r"未收到和处理[^。；;]{0,12}申请", 1, zero=True),
)
CARRIED = (
    _p("applications_carried_over", rf"上(?:一)?年(?:度)?结转{GAP % 12}{COLON}{NUM}\s*件", 1),
    _p("applications_carried_over", rf"二、上年结转政府信息公开申请数量{_SEVEN}", 1, row=True),
    _p("applications_carried_forward", rf"(?:结转|转结|顺延)(?:至|到)?下(?:一)?年度?{GAP % 12}{COLON}{NUM}\s*件", 1),
    _p("applications_carried_forward", rf"{NUM}\s*件[^，,。；;\d]{{0,10}}?(?:结转|转结|顺延)(?:至|到)?下(?:一)?年", 1),
    _p(
        "applications_carried_forward", rf"{NEG}[^。；;，,]{{0,6}}(?:结转|转结|顺延)(?:至|到)?下(?:一)?年", 1, zero=True
    ),
    _p("applications_carried_forward", rf"四、结转下年度继续办理{_SEVEN}", 1, row=True),
)
CASES_PATTERNS = tuple(
    p
    for noun, figure in (("复议", "reviews_total"), ("诉讼", "lawsuits_total"))
    for p in (
        _p(figure, rf"行政{noun}(?:案件|申请)?{GAP % 12}{COLON}{NUM}\s*{CASES}", 1),
        _p(figure, rf"(?<!行政)(?<!政){noun}(?:案件)?{COLON}{NUM}\s*{CASES}", 2, needs="复议|诉讼"),
        _p(figure, rf"{NEG}[^。；;]{{0,40}}?{noun}", 1, zero=True),
        _p(figure, rf"{noun}[^。；;：:]{{0,30}}[：:]\s*(?:无|0件?)(?![\d件])", 1, zero=True),
        _p(figure, rf"{noun}[^。；;：:\d]{{0,20}}?(?:均|都)(?:为|是)\s*(?:零|0)(?![\d.])", 1, zero=True),
    )
)
FEES = (
    _p(
        "fees",
        rf"(?:收取|收费|信息处理费){GAP % 20}{COLON}{NUM}\s*(万元|元)",
        1,
        needs="信息处理费|依申请|信息公开|检索|复制|邮寄|减免|费用",
    ),
    _p("fees", rf"{NEG}[^。；;]{{0,30}}?(?:收取|收费)", 1, zero=True, needs="费"),
    _p("fees", rf"{NEG}(?:产生|发生|收取)?[^。；;，,]{{0,8}}?信息处理费", 1, zero=True),
    _p("fees", r"(?:收费|信息处理费)(?:及|和)?(?:减免)?[^。；;：:]{0,12}[：:]\s*无(?![\d件])", 1, zero=True),
)
PATTERNS: tuple[Pattern, ...] = (*PROACTIVE, *APPLICATIONS, *CARRIED, *CASES_PATTERNS, *FEES)

# What makes a proactive count a part of the total: one publishing channel, or one kind of information.
CHANNELS = {
    "网站": "网站",
    "门户": "网站",
    "政府网": "网站",
    "网页": "网站",
    "微信": "微信",
    "公众号": "微信",
    "微博": "微博",
    "新媒体": "新媒体",
    "公开栏": "公开栏",
    "宣传栏": "公开栏",
    "公告栏": "公开栏",
    "公示栏": "公开栏",
    "显示屏": "显示屏",
    "电子屏": "显示屏",
    "LED": "显示屏",
    "客户端": "客户端",
    "抖音": "短视频",
    "视频号": "短视频",
    "头条": "头条",
    "栏目": "网站",  # a column of a website (区政府网站…栏目) is the website
    "专栏": "网站",
    "网公开": "网站",  # 在省政府采购网公开…
    "网发布": "网站",
    "网上公开": "网站",
    "网上发布": "网站",
}
# Publishing on new media (公众号, 微博…) is counted apart from 主动公开: a count of posts there that does
# not say 主动公开 is not the proactive figure, however many channels it adds up
NEW_MEDIA = re.compile(r"微信|公众号|微博|新媒体|抖音|视频号|短视频|快手|头条|客户端")
# A count over all years, not the report year's: "历年累计公开318条", "开通以来累计…"
CUMULATIVE = re.compile(r"历年|累计至今|至今累计|迄今|(?:成立|开通|建站|运行|实施|开展)以来")
# "截至目前，…累计…1362条" is a running total, unless the count names its year ("截至目前，本镇2013年共…")
TO_DATE = re.compile(r"截[至止]目前")
THIS_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?![\d底末])|本年|全年|今年|年度|当年")
# "申请5件，其中上年结转2件" / "申请3件（含上年结转1件）": a count that holds last year's applications
WITH_CARRIED = re.compile(r"^[^。；;]{0,4}?(?:[（(]|，|,)?\s*(?:其中|含|包括|包含)[^。；;）)]{0,6}上一?年度?结转")
# "新增…48条，累计…1036条": after a count of the year's new items, 累计 is the running total
NEW_THEN_TOTAL = re.compile(r"新增[^。；;]*累计")
# A change against last year, not the figure: "较上年增加32条", "同比减少2件"
CHANGE = re.compile(r"(?:增加|减少|增长|下降|上升|增|减|多|少)了?\s*$")
# An application that is not one for government information: 行政复议申请, 行政许可申请, 信访…
NOT_APPLICATIONS = re.compile(r"复议|诉讼|仲裁|信访|举报|投诉|赔偿|许可|审批|低保|救助|补贴|建议|提案")
# What a stated total of published items must say it counts, where it says anything ("共发文96件" does not)
PUBLISHED_WORDS = re.compile(r"公开|发布|推送|更新|公布|信息")
# How an application came in: a count of one way ("当面申请1件") is a part of the applications
_WAYS = r"(?:当面|网上|网络|在线|信函|来信|邮寄|传真|电子邮件|电邮|电话|口头|现场|窗口)"
APPLICATION_WAYS = re.compile(rf"{_WAYS}(?:提出|提交|递交|方式)?的?申请|(?:通过|经由|以){_WAYS}(?:方式|形式|渠道)?")
# "未产生…诉讼相关的费用支出" speaks of costs, not of cases
ABOUT_COSTS = re.compile(r"^[^，,。；;]{0,6}(?:费用|支出|经费)")
CHANNEL = re.compile("|".join(CHANNELS))
MANY_CHANNELS = re.compile(
    r"等(?:渠道|平台|载体|形式|方式|途径|媒体|栏目)|多种|多个|各类渠道|各渠道|线上线下|线上和线下|不同渠道"
)
KINDS = re.compile(
    r"文件|动态|政策|公告|通知|解读|预算|决算|人事|规划|年报|指南|招标|采购|财政|项目|简报|新闻|稿件|法定"
)
