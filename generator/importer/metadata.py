"""What a report says about itself: title, year, organ, publication date, index number, format.

Also the page furniture to drop (登录|注册, 发布日期…点击数, Word bookmarks). Dates are only taken
when they are real dates; a garbled one (`20171月1日`, `二O一年`) is never repaired into a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from generator.checks.boilerplate import BOOKMARK, is_leftover
from generator.importer.labels import norm
from generator.model.schema import Schemas, format_for_year

# A line of page furniture that also holds a date: `时间：2020-01-16 来源：鹤鸣乡 作者：`
_FURNITURE_DATE = re.compile(
    r"(?<![统截止计])时间\s*[:：]\s*(\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2})(?=.*(?:来源|作者|点击|浏览|阅读|访问))"
)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?)\s*$"
)
LONG_LINE = 200  # a line this long that holds sentences is a page flattened to one line, not furniture
# Furniture inside such a line, removed span by span (the report text around it stays)
_INLINE_FURNITURE = re.compile(
    r"【[^【】]{0,12}】"
    r"|(?:首页|当前位置\s*[:：]?)(?:\s*[>›»]\s*[^\s>›»]{1,20}){1,6}"
    r"|(?:发布|更新)(?:日期|时间)\s*[:：]\s*\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:信息来源|来源|作者)\s*[:：]\s*[^\s:：]{0,20}"
    r"|(?:浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]\s*\d*"
    r"|(?:主办单位|主办|承办单位|承办|技术支持|备案号|网站标识码)\s*[:：]\s*[^\s:：]{0,30}"
    r"|打印本页|关闭窗口|版权所有[^\s]{0,30}|[^\s]{0,12}ICP备[^\s]{0,20}"
)
_META = {
    "published": re.compile(
        r"(?:发布日期|发布时间|发文日期)\s*[:：]\s*(\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2})"
    ),
    "organ": re.compile(r"(?:发布机构|发文机关)\s*[:：]\s*([^\s|：:]{2,40})"),
    "index_no": re.compile(r"索\s*引\s*号\s*[:：]\s*([0-9A-Za-z/\-_.]{4,60})"),
}
_ZH_DIGITS = {
    "〇": 0,
    "O": 0,
    "o": 0,
    "○": 0,
    "零": 0,
    "0": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_YEAR = re.compile(r"二[〇O○零0][一二三四五六七八九〇O○零0]{2}(?=\s*年)")
_YEAR = re.compile(r"(20[0-4]\d|199\d)\s*年")
# Each optional 年/月 takes the spaces after it: two runs of spaces side by side made it cubic.
_PERIOD = re.compile(r"(20[0-4]\d)\s*(?:年\s*)?0?1\s*(?:月\s*)?0?1\s*日\s*(?:起|至|到|—|-)")
_DATE = re.compile(r"^(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?$")
_ZH_DATE = re.compile(
    r"^([二〇O○零一三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$"
)
_ORGAN = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(人民政府|办事处|管理委员会|管委会|政府办公室|政府)$")
_TITLE_END = re.compile(r"报\s*告$")
_SENTENCE = re.compile(r"[。；;，,：:！!？?]")
_HEADING = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])")


def stated(lines: list[str]) -> dict[str, str]:
    """What the page furniture states: 发布日期, 发布机构, 索引号 (first occurrence of each)."""
    found: dict[str, str] = {}
    for line in lines:
        for name, pattern in _META.items():
            match = pattern.search(line)
            if match and name not in found:
                found[name] = match.group(1)
    if "published" not in found:
        for line in lines:
            match = _FURNITURE_DATE.search(line)
            if match:
                found["published"] = match.group(1)
                break
    return found


def clean_line(line: str) -> str | None:
    """The line without Word bookmarks; None for boilerplate (登录|注册, 发布日期…点击数, 打印本页…) and
    PDF page numbers (`- 3 -`). A page flattened to one line keeps its text: only the furniture in it
    (breadcrumbs, buttons, 发布时间, 浏览次数, footer) is cut out."""
    clean = BOOKMARK.sub("", line)
    if _PAGE_NUMBER.match(clean):
        return None
    furniture = is_leftover(clean)
    if furniture and len(clean) > LONG_LINE and clean.count("。") >= 2:
        return re.sub(r"[ \t\xa0\u3000]{2,}", " ", _INLINE_FURNITURE.sub(" ", clean)).strip() or None
    if furniture or (any(p.search(clean) for p in _META.values()) and len(clean) < 120):
        return None
    return clean


def split_title(lines: list[str]) -> tuple[str, int]:
    """The title at the top, possibly over several lines (`乌镇镇2018年度政府信息公开工作` / `年  度  报  告`),
    and the index of the first body line. Repeated title lines right after it are dropped too."""
    i, parts = 0, []
    while i < len(lines) and len(parts) < 4:
        text = re.sub(r"[\s\u3000\xa0]+", "", lines[i])
        if not text:
            i += 1
            continue
        if not _title_like(text):
            break
        parts.append(text)
        i += 1
        if _TITLE_END.search(text):
            break
    title = "".join(parts)
    while i < len(lines):
        text = norm(lines[i])
        if text and not (_title_like(text) and text in norm(title)):
            break
        i += 1
    return title, i


def _title_like(text: str) -> bool:
    return len(text) <= 40 and not _SENTENCE.search(text) and not _HEADING.match(text)


def find_year(title: str, text: str) -> tuple[int | None, str]:
    """Report year and where it came from: the title, the statistics period, or the most cited year."""
    for source, where in ((title, "标题"), (text[:600], "正文开头")):
        year = _year_in(source)
        if year:
            return year, where
    period = _PERIOD.search(text)
    if period:
        return int(period.group(1)), "统计期限"
    counted = Counter(int(m.group(1)) for m in _YEAR.finditer(text))
    if counted:
        return counted.most_common(1)[0][0], "正文中最常见的年份"
    return None, ""


def _year_in(text: str) -> int | None:
    match = _YEAR.search(text)
    if match:
        return int(match.group(1))
    zh = _ZH_YEAR.search(text)
    if zh:
        return int("".join(str(_ZH_DIGITS[c]) for c in zh.group(0)))
    return None


def parse_date(text: str) -> date | None:
    text = re.sub(r"[\s\u3000\xa0]+", "", text)
    match = _DATE.match(text)
    if match:
        parts = [int(g) for g in match.groups()]
    else:
        zh = _ZH_DATE.match(text)
        if not zh:
            return None
        parts = [
            int("".join(str(_ZH_DIGITS[c]) for c in zh.group(1))),
            _zh_number(zh.group(2)),
            _zh_number(zh.group(3)),
        ]
    try:
        return date(*parts)
    except ValueError:
        return None


def _zh_number(text: str) -> int:
    """一 … 三十一: the day and month numerals of a signature date."""
    if "十" not in text:
        return _ZH_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[ones] if ones else 0)


def signature(lines: list[str]) -> tuple[str, date | None]:
    """The organ and date that sign the report off, from its last lines."""
    tail = [re.sub(r"[\s\u3000\xa0]+", "", line) for line in lines if line.strip(" \t\xa0\u3000")][-4:]
    organ, signed = "", None
    for text in tail:
        if _ORGAN.match(text):
            organ = text
        elif parse_date(text):
            signed = parse_date(text)
    return organ, signed


def detect_format(text: str, year: int | None, schemas: Schemas) -> tuple[str, str]:
    """By the labels first (report-formats §1: real reports mix templates), by the year otherwise."""
    flat = norm(text)
    scores = {f.id: sum(norm(marker) in flat for marker in f.detect) for f in schemas.values() if f.detect}
    best = max(scores.values(), default=0)
    if best:
        winners = sorted(k for k, v in scores.items() if v == best)
        by_year = format_for_year(schemas, year) if year else None
        chosen = by_year.id if by_year and by_year.id in winners else winners[0]
        return chosen, f"表格栏目（{chosen} 的特征标签）"
    fmt = format_for_year(schemas, year) if year else None
    return (fmt.id if fmt else "pre2019"), "报告年度（未见表格栏目）"
