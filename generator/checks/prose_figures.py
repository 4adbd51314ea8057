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
from typing import NamedTuple

from generator.checks.prose_parts import ROUND, clause, part_of
from generator.checks.prose_patterns import (
    ABOUT_COSTS,
    NEG,
    NOT_APPLICATIONS,
    NOT_FEES,
    OUTCOME,
    PATTERNS,
    Pattern,
)
from generator.model.site import FIGURES

_SENTENCES = re.compile(r"[^。；;！!？?\n·•●▪]+")
_CLAUSE_PARTS = re.compile(r"其中")
_NOT_PROACTIVE = re.compile(r"申请|复议|诉讼|收费|收取|答复|办理|受理|咨询|投诉|建议|提案|来电|留言")
_NEGATION = re.compile(NEG)
_NUMBER_AFTER = re.compile(r"(?<!\d)\d+\s*[件起宗次元]")  # from a run's first digit only: linear
_ZH = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_BLOCK_STARTS = ("#", "|", "- ", "* ", "+ ", ">")
_HAS_FULL_WIDTH = re.compile("[０-９．＋：]")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．＋", "0123456789.+")
_QUOTE_STRIP = " \t\xa0\u3000"
_LABELS = {f.name: f.label for f in FIGURES}  # editors read the figures' Chinese names

# Every pattern needs a number (NUM) or a negation (NEG): a sentence with neither states nothing,
# and most sentences of a report are skipped by this one search instead of every pattern's.
_MAY_STATE = re.compile(r"[\d零〇一二两三四五六七八九十百未无不]|没有|不存在")


class ProseMatch(NamedTuple):
    """One statement of a figure: `phrase` the words that state it (for messages that quote the
    prose), `sentence` the whole sentence (for the importer's notes), `priority` 1 beats 2 beats 3."""

    name: str
    value: int | float
    line: int
    phrase: str
    sentence: str
    priority: int
    part: str = ""  # why this number is not the figure itself (one channel, one kind, a round number)


def zh_number(text: str) -> int | float | None:
    """ "228" → 228, "1.5" → 1.5, "十二" → 12, "零" → 0, "2+2" → 4 (a total printed as its sum);
    None for anything else."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return int(text.replace(",", ""))
    if re.fullmatch(r"\d+(?:\s*\+\s*\d+)+", text):
        return sum(int(n) for n in re.findall(r"\d+", text))
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
    but a `##` heading is the section that a sentence's zero form may lean on. Round numbers
    ("100余条") are left out: the check compares exact figures only."""
    found: list[ProseMatch] = []
    section = ""
    for block, offsets, numbers in _blocks(text):
        if block.startswith("#"):
            section = block.lstrip("#").strip() if re.match(r"##(?!#)", block) else section
            continue
        if block.startswith("|"):
            continue
        for start, match in _block_matches(section, block):
            if match.part == ROUND:
                continue
            line = numbers[bisect.bisect_right(offsets, start) - 1] + first_line
            found.append(match._replace(line=line))
    return sorted(found, key=lambda m: (m.line, m.name))


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
    """One statement per figure, and warnings. A guessed number is worse than a blank: two different
    values at the best priority give no value, and so does a number that counts a part (one channel,
    one kind) or a round number; each with a warning that quotes the prose."""
    matches = list(matches)
    whole = [m for m in matches if not m.part]
    top: dict[str, list[ProseMatch]] = {}
    for m in best_matches(whole):
        top.setdefault(m.name, []).append(m)
    chosen: dict[str, ProseMatch] = {}
    warnings: list[str] = []
    for name, found in top.items():
        values = sorted({m.value for m in found})
        if len(values) == 1:
            chosen[name] = found[0]
        else:
            quotes = "；".join(f"“{m.sentence}”" for m in found[:3])
            numbers = "、".join(map(str, values))
            warnings.append(f"正文中“{_LABELS[name]}”有不同的数字（{numbers}）：{quotes}，未填，请核对")
    for name in sorted({m.name for m in matches if m.part} - set(top)):
        parts = [m for m in matches if m.name == name and m.part]
        quotes = "；".join(f"“{m.phrase}”（{m.part}）" for m in parts[:3])
        warnings.append(f"正文没有直接写出“{_LABELS[name]}”的数字，只有 {quotes}，未填，请对照原件填写")
    return chosen, warnings


def _block_matches(section: str, block: str) -> list[tuple[int, ProseMatch]]:
    """(offset in the block, statement) for one paragraph: per sentence and figure, the
    statements at the best priority, each value once; parts apart, so that a part ("历年累计318条")
    does not hide the figure stated beside it ("本年度主动公开41条")."""
    out = []
    for sentence in _SENTENCES.finditer(block):
        if not _MAY_STATE.search(sentence.group(0)):
            continue
        kept: dict[tuple[str, bool], list[tuple[int, ProseMatch]]] = {}
        for pattern in PATTERNS:
            for hit in _matches(pattern, sentence.group(0), section):
                same = kept.setdefault((pattern.figure, bool(hit[1].part)), [])
                if same and same[0][1].priority < pattern.priority:
                    continue
                if same and same[0][1].priority > pattern.priority:
                    same.clear()
                if all((m.value, m.part) != (hit[1].value, hit[1].part) for _, m in same):
                    same.append((sentence.start() + hit[0], hit[1]))
        out += [hit for hits in kept.values() for hit in hits]
    return out


def _matches(pattern: Pattern, sentence: str, section: str) -> list[tuple[int, ProseMatch]]:
    context = sentence + section if pattern.in_section else sentence
    if pattern.needs and not pattern.needs.search(context):
        return []
    if pattern.figure == "fees" and NOT_FEES.search(sentence):
        return []
    found = []
    for match in pattern.regex.finditer(sentence):
        hit = _read(pattern, sentence, match)
        if hit is not None:
            found.append(hit)
        if pattern.zero:
            break
    return found


def _read(pattern: Pattern, sentence: str, match: re.Match) -> tuple[int, ProseMatch] | None:
    if _CLAUSE_PARTS.search(re.split("[，,]", sentence[: match.start()])[-1]):
        return None
    quote = sentence.strip(_QUOTE_STRIP)
    if pattern.zero:
        if _NUMBER_AFTER.search(sentence, match.end()):
            return None  # "未…复议，诉讼2件": the negation does not cover the number
        if pattern.figure in ("reviews_total", "lawsuits_total") and ABOUT_COSTS.search(sentence[match.end() :]):
            return None
        # quote from the negation nearest the noun: "没有收取", not "未发生行政复议…，没有收取"
        start = match.start() + max((n.start() for n in _NEGATION.finditer(match.group(0))), default=0)
        return start, ProseMatch(pattern.figure, 0, 0, sentence[start : match.end()], quote, pattern.priority)
    if pattern.row:
        value: int | float | None = int(match.group(1).split()[-1])
    else:
        value = zh_number(re.sub(r"\s+", "", match.group(1)))
    if value is None:
        return None
    if pattern.figure == "fees" and match.group(2) == "万元":
        value = round(value * 10000, 2)
    if pattern.figure in ("reviews_total", "lawsuits_total") and OUTCOME.search(match.group(0)):
        return None
    if pattern.figure == "proactive_items" and _NOT_PROACTIVE.search(clause(sentence, match)):
        return None
    if pattern.figure.startswith("applications") and NOT_APPLICATIONS.search(match.group(0)):
        return None  # "收到…行政复议申请10件" counts reviews, not applications for information
    part = part_of(pattern, sentence, match)
    return match.start(), ProseMatch(pattern.figure, value, 0, match.group(0), quote, pattern.priority, part)


def _half_width(text: str) -> str:
    # translate() is slow on long text; most reports need none
    return text.translate(_FULL_WIDTH_DIGITS).replace("：", ":") if _HAS_FULL_WIDTH.search(text) else text


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
