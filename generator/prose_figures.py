"""Key figures a report's prose states (report-formats §7.3): 主动公开…条, 收到…申请…件, 行政复议…件,
行政诉讼…件, 收费…元, and the zeros said in words ("未发生…行政复议", "未接到相关申请").

One set of patterns serves both readers of prose. `xxgk check` takes every statement with its line
and words (`extract_matches` on a Markdown body, then `best_matches`) and compares it with the tables
and `figures:`; `xxgk import` takes one value per figure (`paragraph_matches`, then `pick_figures`).
Names are the vocabulary of `model.FIGURES`. Patterns carry a priority: a total ("共计主动公开…")
beats a loose mention ("通过网站主动公开…"), which is often a part of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

NUM = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]{1,4})"
GAP = r"[^，,。；;：:\d]{0,%d}?"
NEG = r"(?:未(?!经)|没有|无|尚无|不存在)"  # "未经复议直接起诉" is not a negation
_SENTENCES = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE_PARTS = re.compile(r"其中")
_NEGATION = re.compile(NEG)
_NUMBER_AFTER = re.compile(r"(?<!\d)\d+\s*[件起宗次元]")  # from a run's first digit only: linear
_ZH = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_BLOCK_STARTS = ("#", "|", "- ", "* ", "+ ", ">")
_HAS_FULL_WIDTH = re.compile("[０-９．]")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_QUOTE_STRIP = " \t\xa0\u3000"


@dataclass(frozen=True)
class Pattern:
    figure: str
    regex: re.Pattern
    priority: int  # 1 beats 2 beats 3
    zero: bool = False  # a negation: "未发生…行政复议" states 0
    needs: re.Pattern | None = None  # the sentence must mention one of these
    in_section: bool = False  # … or its section heading may ("三、依申请公开情况" + "未接到相关申请")


def _p(figure: str, text: str, priority: int, zero: bool = False, needs: str = "", in_section: bool = False) -> Pattern:
    return Pattern(figure, re.compile(text), priority, zero, re.compile(needs) if needs else None, in_section)


# Every pattern needs a number (NUM) or a negation (NEG): a sentence with neither states nothing,
# and most sentences of a report are skipped by this one search instead of every pattern's.
_MAY_STATE = re.compile(r"[\d零〇一二两三四五六七八九十百未无]|没有|不存在")


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


class ProseFigure(NamedTuple):
    name: str
    value: int | float
    line: int


class ProseMatch(NamedTuple):
    """One statement of a figure: `phrase` the words that state it (for messages that quote the
    prose), `sentence` the whole sentence (for the importer's notes), `priority` 1 beats 2 beats 3."""

    name: str
    value: int | float
    line: int
    phrase: str
    sentence: str
    priority: int


def zh_number(text: str) -> int | float | None:
    """ "228" → 228, "1.5" → 1.5, "十二" → 12, "零" → 0; None for anything else."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        number = float(text)
        return int(number) if number.is_integer() else number
    if not text or any(c not in _ZH and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for c in text:
        if c in "十百":
            total += (current or 1) * (10 if c == "十" else 100)
            current = 0
        else:
            current = _ZH[c]
    return total + current


def extract_matches(text: str, first_line: int = 1) -> list[ProseMatch]:
    """Every statement of a figure in a Markdown body, by line; `first_line`: the line of text[0].
    Hard-wrapped lines are joined first, as the page joins them; tables and headings state nothing,
    but a `##` heading is the section that a sentence's zero form may lean on."""
    found: list[ProseMatch] = []
    section = ""
    for block, offsets, numbers in _blocks(text):
        if block.startswith("#"):
            section = block.lstrip("#").strip() if re.match(r"##(?!#)", block) else section
            continue
        if block.startswith("|"):
            continue
        for start, match in _block_matches(section, block):
            line = numbers[bisect.bisect_right(offsets, start) - 1] + first_line
            found.append(match._replace(line=line))
    return sorted(found, key=lambda m: (m.line, m.name))


def extract_figures(text: str, first_line: int = 1) -> list[ProseFigure]:
    """(figure name, value, line) for each figure the prose states."""
    return [ProseFigure(m.name, m.value, m.line) for m in extract_matches(text, first_line)]


def paragraph_matches(paragraphs: Iterable[tuple[str, str]]) -> list[ProseMatch]:
    """(section heading, paragraph text) pairs, as the importer reads them → every statement;
    `line` is the paragraph's number (from 1)."""
    found = []
    for number, (section, text) in enumerate(paragraphs, 1):
        found += [m._replace(line=number) for _, m in _block_matches(section, _half_width(text))]
    return found


def best_matches(matches: Iterable[ProseMatch]) -> list[ProseMatch]:
    """The statements at each figure's best priority: the ones that state the figure itself
    (a lower-priority mention beside a total is most likely a part of it)."""
    matches = list(matches)
    best: dict[str, int] = {}
    for m in matches:
        best[m.name] = min(m.priority, best.get(m.name, m.priority))
    return [m for m in matches if m.priority == best[m.name]]


def pick_figures(matches: Iterable[ProseMatch]) -> tuple[dict[str, ProseMatch], list[str]]:
    """One statement per figure, and warnings. Two different values at the best priority give no
    value and a warning: a wrong figure is worse than a missing one."""
    top: dict[str, list[ProseMatch]] = {}
    for m in best_matches(matches):
        top.setdefault(m.name, []).append(m)
    chosen: dict[str, ProseMatch] = {}
    warnings: list[str] = []
    for name, found in top.items():
        values = sorted({m.value for m in found})
        if len(values) == 1:
            chosen[name] = found[0]
        else:
            quotes = "；".join(f"“{m.sentence}”" for m in found[:3])
            warnings.append(f"正文中“{name}”有不同的数字（{'、'.join(map(str, values))}）：{quotes}，未填，请核对")
    return chosen, warnings


def _block_matches(section: str, block: str) -> list[tuple[int, ProseMatch]]:
    """(offset in the block, statement) for one paragraph: per sentence and figure, the
    statements at the best priority, each value once."""
    out = []
    for sentence in _SENTENCES.finditer(block):
        if not _MAY_STATE.search(sentence.group(0)):
            continue
        kept: dict[str, list[tuple[int, ProseMatch]]] = {}
        for pattern in PATTERNS:
            hit = _match(pattern, sentence.group(0), section)
            if hit is None:
                continue
            same = kept.setdefault(pattern.figure, [])
            if same and same[0][1].priority < pattern.priority:
                continue
            if same and same[0][1].priority > pattern.priority:
                same.clear()
            if all(m.value != hit[1].value for _, m in same):
                same.append((sentence.start() + hit[0], hit[1]))
        out += [hit for hits in kept.values() for hit in hits]
    return out


def _match(pattern: Pattern, sentence: str, section: str) -> tuple[int, ProseMatch] | None:
    context = sentence + section if pattern.in_section else sentence
    if pattern.needs and not pattern.needs.search(context):
        return None
    if pattern.figure == "fees" and _NOT_FEES.search(sentence):
        return None
    match = pattern.regex.search(sentence)
    if not match or _CLAUSE_PARTS.search(sentence[: match.start()].split("，")[-1]):
        return None
    quote = sentence.strip(_QUOTE_STRIP)
    if pattern.zero:
        if _NUMBER_AFTER.search(sentence, match.end()):
            return None  # "未…复议，诉讼2件": the negation does not cover the number
        # quote from the negation nearest the noun: "没有收取", not "未发生行政复议…，没有收取"
        start = match.start() + max(n.start() for n in _NEGATION.finditer(match.group(0)))
        return start, ProseMatch(pattern.figure, 0, 0, sentence[start : match.end()], quote, pattern.priority)
    value = zh_number(match.group(1))
    if value is None:
        return None
    if pattern.figure == "fees" and match.group(2) == "万元":
        value = round(value * 10000, 2)
    return match.start(), ProseMatch(pattern.figure, value, 0, match.group(0), quote, pattern.priority)


def _half_width(text: str) -> str:
    # translate() is slow on long text; most reports need none
    return text.translate(_FULL_WIDTH_DIGITS) if _HAS_FULL_WIDTH.search(text) else text


def _blocks(text: str) -> list[tuple[str, list[int], list[int]]]:
    """Paragraphs with hard-wrapped lines joined (headings, list items and table rows stay apart):
    (text, the offset where each source line starts in it, that line's index in `text`)."""
    blocks: list[tuple[str, list[int], list[int]]] = []
    parts: list[str] = []
    offsets: list[int] = []
    numbers: list[int] = []
    previous_break = True
    length = 0  # of the block so far (a sum over its parts per line was quadratic in its lines)
    for number, line in enumerate(_half_width(text).split("\n")):
        stripped = line.strip()
        structural = stripped.startswith(_BLOCK_STARTS)
        if not stripped or previous_break or structural:
            if parts:
                blocks.append(("".join(parts), offsets, numbers))
            parts, offsets, numbers, length = [], [], [], 0
        previous_break = structural or not stripped
        if stripped:
            offsets.append(length)
            numbers.append(number)
            parts.append(stripped)
            length += len(stripped)
    if parts:
        blocks.append(("".join(parts), offsets, numbers))
    return blocks
