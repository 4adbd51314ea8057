"""Key figures that a report's prose states ("主动公开政府信息228条", "未收到…申请").

A small public module: `xxgk check` compares these with the tables and `figures:`, and
`xxgk import` can reuse it to suggest `figures:` for a prose-only report. Names are the
vocabulary of `model.FIGURES`. Hard-wrapped lines are joined first, as the page joins them.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

_GAP = r"[^。；;！？!?|\n]"  # within one clause: no sentence end, table cell or paragraph break
_NUM = r"(\d+(?:\.\d+)?|零)"
_NEG = r"(?:未(?!经)|没有|无)"  # "未经复议直接起诉" is not a negation
_BLOCK_STARTS = ("#", "|", "- ", "* ", "+ ", ">")
_HAS_FULL_WIDTH = re.compile("[０-９．]")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


class ProseFigure(NamedTuple):
    name: str
    value: int | float
    line: int


class ProseMatch(NamedTuple):
    """A figure with the words that state it, for messages that quote the prose."""

    name: str
    value: int | float
    line: int
    phrase: str


# (figure name, pattern; group 1 is the number, or no group: the pattern states a zero)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("proactive_items", rf"主动公开{_GAP}{{0,20}}?{_NUM}\s*条"),
        ("applications_new", rf"(?:收到|接到|受理){_GAP}{{0,20}}?申请{_GAP}{{0,12}}?{_NUM}\s*[件项]"),
        ("applications_new", rf"{_NEG}(?:收到|接到|受理){_GAP}{{0,15}}?申请"),
        ("reviews_total", rf"行政复议{_GAP}{{0,10}}?{_NUM}\s*[件起]"),
        ("reviews_total", rf"{_NEG}{_GAP}{{0,30}}?(?<!未经)(?:行政)?复议"),
        ("lawsuits_total", rf"行政诉讼{_GAP}{{0,10}}?{_NUM}\s*[件起]"),
        ("lawsuits_total", rf"{_NEG}{_GAP}{{0,30}}?(?:行政)?诉讼"),
        ("fees", rf"收(?:取)?费{_GAP}{{0,10}}?{_NUM}\s*(?:万)?元"),
        ("fees", rf"{_NEG}{_GAP}{{0,20}}?收取{_GAP}{{0,10}}?费"),
    )
)


def _joined(text: str) -> tuple[str, list[int], list[int]]:
    """The text with hard-wrapped lines joined (paragraphs, headings, list items and table rows
    stay apart), and the offset and line index where each line starts."""
    parts, offsets, numbers, length = [], [], [], 0
    previous_break = True
    if _HAS_FULL_WIDTH.search(text):  # translate() is slow on long text; most reports need none
        text = text.translate(_FULL_WIDTH_DIGITS)
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        structural = stripped.startswith(_BLOCK_STARTS)
        if not stripped:
            previous_break = True
            continue
        if previous_break or structural:
            parts.append("\n")
            length += 1
        offsets.append(length)
        numbers.append(number)
        parts.append(stripped)
        length += len(stripped)
        previous_break = structural
    return "".join(parts), offsets, numbers


def _value(raw: str) -> int | float:
    if raw == "零":
        return 0
    number = float(raw)
    return int(number) if number.is_integer() else number


def extract_matches(text: str, first_line: int = 1) -> list[ProseMatch]:
    """Every figure the prose states, in order of appearance; `first_line`: the line of text[0]."""
    joined, offsets, numbers = _joined(text)
    found = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(joined):
            value = _value(match.group(1)) if pattern.groups else 0
            if name == "fees" and pattern.groups and "万元" in match.group(0):
                value = _value(match.group(1)) * 10000
            line = numbers[bisect.bisect_right(offsets, match.start()) - 1] + first_line
            found.append(ProseMatch(name, value, line, match.group(0)))
    return sorted(found, key=lambda m: (m.line, m.name))


def extract_figures(text: str, first_line: int = 1) -> list[ProseFigure]:
    """(figure name, value, line) for each figure the prose states."""
    return [ProseFigure(m.name, m.value, m.line) for m in extract_matches(text, first_line)]
