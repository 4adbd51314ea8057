"""Key figures stated in prose (report-formats §7.3): 主动公开…条, 收到…申请…件, 行政复议…件, 行政诉讼…件, 收费…元.

`prose_figures` is the one entry point (the lead folds it together with generator/prose_figures.py from
the `check` branch). Each figure keeps the sentence it came from. Two different values for one figure
at the same confidence give no value and a warning: a wrong figure is worse than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUM = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]{1,4})"
GAP = r"[^，,。；;：:\d]{0,%d}?"
_SENTENCES = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE_PARTS = re.compile(r"其中")
_ZH = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class Pattern:
    figure: str
    regex: re.Pattern
    priority: int  # 1 beats 2 beats 3
    zero: bool = False  # a negation: "未发生…行政复议" states 0
    needs: str = ""  # the sentence must mention one of these
    in_section: bool = False  # … or its section heading may ("三、依申请公开情况" + "未接到相关申请")


def _p(figure: str, text: str, priority: int, zero: bool = False, needs: str = "", in_section: bool = False) -> Pattern:
    return Pattern(figure, re.compile(text), priority, zero, needs, in_section)


NEG = r"(?:未|没有|无|尚无|不存在)"
PATTERNS: tuple[Pattern, ...] = (
    _p("proactive_items", rf"(?:共计|合计|总计|累计|共){GAP % 20}{NUM}\s*条", 1, needs="主动公开|主动发布"),
    _p("proactive_items", rf"主动(?:公开|发布){GAP % 6}政府信息(?:数)?{GAP % 4}{NUM}\s*条", 2),
    _p("proactive_items", rf"主动(?:公开|发布){GAP % 20}{NUM}\s*条", 3),
    _p("applications_new", rf"(?:收到|接到|受理|新收){GAP % 25}申请{GAP % 8}{NUM}\s*[件项个宗]", 1),
    _p(
        "applications_new",
        rf"{NEG}(?:收到|接到|受理|发生){GAP % 14}申请",
        1,
        zero=True,
        needs="依申请|公开申请|信息公开",
        in_section=True,
    ),
    _p("applications_carried_over", rf"上年(?:度)?结转{GAP % 12}{NUM}\s*件", 1),
    _p("applications_carried_forward", rf"结转(?:至)?下(?:一)?年度?{GAP % 12}{NUM}\s*件", 1),
    _p("reviews_total", rf"行政复议{GAP % 12}{NUM}\s*[件起宗次]", 1),
    _p("reviews_total", rf"{NEG}[^。；]{{0,40}}?复议", 1, zero=True),
    _p("lawsuits_total", rf"行政诉讼{GAP % 12}{NUM}\s*[件起宗次]", 1),
    _p("lawsuits_total", rf"{NEG}[^。；]{{0,40}}?诉讼", 1, zero=True),
    _p("fees", rf"(?:收取|收费|信息处理费){GAP % 12}{NUM}\s*(万元|元)", 1),
    _p("fees", rf"{NEG}[^。；]{{0,30}}?(?:收取|收费)", 1, zero=True, needs="费"),
)
# 行政事业性收费 is Table 1's organ fee (万元), not a disclosure fee (report-formats §7.3).
_NOT_FEES = re.compile(r"行政事业性收费")


@dataclass(frozen=True)
class FigureHit:
    name: str
    value: int | float
    quote: str


def zh_number(text: str) -> int | float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        number = float(text)
        return int(number) if number.is_integer() else number
    if not text or any(c not in _ZH and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for c in text:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _ZH[c]
    return total + current


def prose_figures(paragraphs: list[tuple[str, str]]) -> tuple[dict[str, FigureHit], list[str]]:
    """(section heading, paragraph text) pairs → one hit per figure found, and warnings."""
    hits: dict[str, list[tuple[int, FigureHit]]] = {}
    for section, text in paragraphs:
        for sentence in _SENTENCES.findall(text):
            for pattern in PATTERNS:
                hit = _match(pattern, sentence, section)
                if hit is not None:
                    hits.setdefault(pattern.figure, []).append((pattern.priority, hit))
    chosen: dict[str, FigureHit] = {}
    warnings: list[str] = []
    for name, found in hits.items():
        best = min(priority for priority, _ in found)
        top = [hit for priority, hit in found if priority == best]
        values = sorted({hit.value for hit in top})
        if len(values) == 1:
            chosen[name] = top[0]
        else:
            quotes = "；".join(f"“{hit.quote}”" for hit in top[:3])
            warnings.append(f"正文中“{name}”有不同的数字（{'、'.join(map(str, values))}）：{quotes}，未填，请核对")
    return chosen, warnings


def _match(pattern: Pattern, sentence: str, section: str) -> FigureHit | None:
    context = sentence + section if pattern.in_section else sentence
    if pattern.needs and not re.search(pattern.needs, context):
        return None
    if pattern.figure == "fees" and _NOT_FEES.search(sentence):
        return None
    match = pattern.regex.search(sentence)
    if not match or _CLAUSE_PARTS.search(sentence[: match.start()].split("，")[-1]):
        return None
    quote = sentence.strip(" \t\xa0\u3000")
    if pattern.zero:
        if re.search(r"\d+\s*[件起宗次元]", sentence[match.end() :]):
            return None  # "未…复议，诉讼2件": the negation does not cover the number
        return FigureHit(pattern.figure, 0, quote)
    value = zh_number(match.group(1))
    if value is None:
        return None
    if pattern.figure == "fees" and match.group(2) == "万元":
        value = round(value * 10000, 2)
    return FigureHit(pattern.figure, value, quote)
