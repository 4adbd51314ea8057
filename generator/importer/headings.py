"""The report body as Markdown, with the report's own headings.

`一、…` title lines become `##`, `（一）…` title lines `###`, short `1、…` title lines `####`. A line
is a heading only when it is short and holds no sentence, so `（一）规范信息公开制度，提升公开工作
水平。完善…` stays a paragraph. Table 2's row labels (`四、结转下年度继续办理`) never get here: the
table finder has already turned them into data (report-formats §2, the parser trap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importer.grid import Block, Grid
from generator.importer.labels import norm

SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+、\s*(?=总体情况|主动公开|收到和处理|政府信息公开行政))")
SUBSECTION = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
ITEM = re.compile(r"^\d{1,2}、")
HEADING_MAX = 40
ITEM_MAX = 20
_INNER_STOP = re.compile(r"[。！？!?；;](?=.)")
_MARKDOWN_START = re.compile(r"^(#|>|[-*+]\s|\d+[.)]\s|={3,}|-{3,}|`{3})")


@dataclass(frozen=True)
class Paragraph:
    text: str
    level: int  # 0: paragraph; 2, 3, 4: heading level; -1: a Markdown table kept as it is
    section: str  # the enclosing `##` heading (for finding figures by context)


def paragraphs(blocks: list[Block], known: set[str] = frozenset()) -> list[Paragraph]:
    """Text blocks as paragraphs. A grid holding no standard label (a table of the township's own)
    stays in the body as a Markdown table; the standard tables become data."""
    out: list[Paragraph] = []
    section = ""
    for block in blocks:
        if isinstance(block, Grid):
            if known and not any(norm(c) in known for row in block.rows for c in row):
                out.append(Paragraph(markdown_table(block), -1, section))
            continue
        text = block.strip(" \t\r\n\xa0\u3000")
        if not text:
            continue
        level = heading_level(text)
        if level == 2:
            section = text
        out.append(Paragraph(text, level, section))
    return out


def heading_level(text: str) -> int:
    if len(text) > HEADING_MAX or _INNER_STOP.search(text):
        return 0
    if SECTION.match(text):
        return 2
    if SUBSECTION.match(text):
        return 3
    if ITEM.match(text) and len(text) <= ITEM_MAX and not re.search(r"[，,：:]", text):
        return 4
    return 0


def to_markdown(paras: list[Paragraph]) -> str:
    chunks = []
    for para in paras:
        if para.level == -1:
            chunks.append(para.text)
        elif para.level:
            chunks.append("#" * para.level + " " + para.text)
        else:
            chunks.append(_escape(para.text))
    return "\n\n".join(chunks) + "\n"


def _escape(text: str) -> str:
    """Text that Markdown would read as markup at the start of a line stays text."""
    return "\\" + text if _MARKDOWN_START.match(text) else text


def markdown_table(grid: Grid) -> str:
    width = max((len(r) for r in grid.rows), default=1)
    rows = [[c.replace("|", "/").replace("\n", " ") for c in r] + [""] * (width - len(r)) for r in grid.rows]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)
