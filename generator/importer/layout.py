"""Finding the standard tables inside plain text: the forms a table takes once copied out of Word or a web page.

* tab dump (Word export, the 景芝镇 2019 seed): one cell per line, each starting with a tab; a line without
  the tab continues the cell above (`\\t本年新` + `公开数量`); a blank line ends a row;
* '|'-separated rows (CMS pages, Markdown);
* one cell per line with no marker: found by its labels; blank cells cannot be placed in this form.

A run of lines becomes a table only if it holds schema labels (MIN_LABELS); the rest stays text.
"""

from __future__ import annotations

import re

from generator.importer.grid import Block, Grid
from generator.importer.labels import norm
from generator.importer.values import is_value

MIN_LABELS = 2
FRAGMENT_MAX = 14  # a broken label piece or a header fragment is short
_SENTENCE = re.compile(r"[。；;，,！？!?]")
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])")
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日")


def find_tables(blocks: list[Block], known: set[str]) -> list[Block]:
    """Runs of table-shaped lines → Grids; every other block unchanged, in order."""
    out: list[Block] = []
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Grid):
            out += _scan(lines, known)
            lines = []
            out.append(block)
        else:
            lines.append(block)
    return out + _scan(lines, known)


def _scan(lines: list[str], known: set[str]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(lines):
        for finder in (_tab_run, _pipe_run, _line_run):
            end, grid = finder(lines, i, known)
            if grid is not None:
                out.append(grid)
                i = end
                break
        else:
            out.append(lines[i])
            i += 1
    return out


def _labels_in(cells: list[str], known: set[str]) -> int:
    return sum(norm(c) in known for c in cells)


def _blank(line: str) -> bool:
    return not line.strip(" \t\r\n\xa0\u3000") and not line.startswith("\t")


def _tab_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    if not lines[start].startswith("\t"):
        return start, None
    rows: list[list[str]] = [[]]
    i = start
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            rows[-1].append(line.strip(" \t\xa0\u3000"))
        elif _blank(line):
            if rows[-1]:
                rows.append([])
        elif i > start and lines[i - 1].startswith("\t") and _fragment(line) and rows[-1]:
            rows[-1][-1] += line.strip()
        else:
            break
        i += 1
    rows = [r for r in rows if r]
    if _labels_in([c for r in rows for c in r], known) < MIN_LABELS:
        return start, None
    return _trim_blank_tail(lines, start, i), Grid(tuple(tuple(r) for r in rows), True, "tab")


def _pipe_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    rows: list[tuple[str, ...]] = []
    i = start
    while i < len(lines) and ("|" in lines[i] or (_blank(lines[i]) and rows)):
        line = lines[i].strip()
        if line and not re.fullmatch(r"[|:\-\s]+", line):
            cells = [c.strip(" \t\xa0\u3000") for c in line.split("|")]
            if line.startswith("|"):
                cells = cells[1:]
            if line.endswith("|"):
                cells = cells[:-1]
            rows.append(tuple(cells))
        i += 1
    if not rows or _labels_in([c for r in rows for c in r], known) < MIN_LABELS:
        return start, None
    return _trim_blank_tail(lines, start, i), Grid(tuple(rows), True, "pipe")


def _line_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    cells: list[str] = []
    i = start
    while i < len(lines):
        merged, used = _merge_label(lines, i, known)
        if merged is not None:
            cells.append(merged)
            i += used
        elif _blank(lines[i]):
            i += 1
        elif is_value(lines[i].strip()) or (cells and _fragment(lines[i])):
            cells.append(lines[i].strip())
            i += 1
        else:
            break
    while cells and norm(cells[-1]) not in known and not is_value(cells[-1]):
        cells.pop()
    starts_with_label = _merge_label(lines, start, known)[0] is not None
    if not starts_with_label or _labels_in(cells, known) < MIN_LABELS + 1:
        return start, None
    return _trim_blank_tail(lines, start, i), Grid(tuple((c,) for c in cells), False, "lines")


def _merge_label(lines: list[str], i: int, known: set[str]) -> tuple[str | None, int]:
    """A label broken over up to three lines (`商业` / `企业`), joined back."""
    text = ""
    for used in range(1, 4):
        if i + used > len(lines) or _blank(lines[i + used - 1]):
            return None, 0
        text += lines[i + used - 1].strip()
        if norm(text) in known:
            return text, used
        if len(text) > 60:
            break
    return None, 0


def _fragment(line: str) -> bool:
    """A short piece of a broken header, never a heading, a date or a sentence."""
    text = line.strip(" \t\xa0\u3000")
    return (
        0 < len(text) <= FRAGMENT_MAX
        and not _SENTENCE.search(text)
        and not _HEADING.match(text)
        and not _DATE.search(text)
    )


def _trim_blank_tail(lines: list[str], start: int, end: int) -> int:
    """Leave trailing blank lines to the text (they separate paragraphs)."""
    while end > start + 1 and _blank(lines[end - 1]):
        end -= 1
    return end
