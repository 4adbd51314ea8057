"""Finding the standard tables inside plain text: the forms a table takes once copied out of Word or a web page.

* tab-separated rows (a Word table pasted into a text editor or saved as text): one row per line, cells
  split by tabs; a vertically merged label leaves an empty first cell on the rows below it;
* tab dump (Word export, the 景芝镇 2019 seed): one cell per line, each starting with a tab; a line without
  the tab continues the cell above (`\\t本年新` + `公开数量`); a blank line ends a row;
* '|'-separated rows (CMS pages, Markdown), also one cell per line each ending in '|' (`规章 |`, `0 | ||`);
* one cell per line with no marker: found by its labels; blank cells cannot be placed in this form;
* one cell per line, each closed by a line that is only '|' (a CMS table copied as text: `规章` / `|` /
  `0` / `|`); a cell broken over lines (`商业` / `企业` / `|`) is joined;
* one row per line with cells split by spaces (PDF text: `规章 0 0 6`); a long label that wrapped onto
  the next line (`…不计其他` / `情形） 0 0 0 …`) is joined;
* one row per line with no separator at all (`规章000`, `信息内容本年新制作数量…`): the labels are told
  apart by the schema's own, the trailing digits are split one per cell only where that is certain
  (tables.py);
* a body flattened to one line (a web page copied as one paragraph): cells separated by spaces. Such a
  line is cut at its spaces into one-cell pieces, read as above, and what is not table is joined again.

PDF page numbers (`- 3 -`) are page furniture, dropped before (metadata.clean_line); a line of single
characters split by spaces (`结 结 其 尚 总`, a vertical header read across) is header debris.

A run of lines becomes a table only if it holds schema labels (MIN_LABELS); the rest stays text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from generator.importer.grid import Block, Grid
from generator.importer.labels import norm
from generator.importer.lines import MIN_LABELS, RUN_MAX, SPACES, blank, has_bar, labels_in, trim_blank_tail
from generator.importer.row_forms import spaced_run, squeezed_run
from generator.importer.values import is_value

FRAGMENT_MAX = 14  # a broken label piece or a header fragment is short
PIPE_CELL_LINES = 0.7  # this share of '|' lines with one cell at most: one cell per line
FLAT_MIN = 80  # a flattened table line holds at least a label and its values
FLAT_MIN_WORDS = 8
_INLINE_HEADING = re.compile(r"(?:(?<=\s)|(?<=[。；！？]))(?=[一二三四五六七八九十]{1,3}、)")
_HEADING_WORDS = re.compile(r"([一二三四五六七八九十]{1,3}、[^\s，。；：]{2,30})\s+(.*)", re.S)
_SENTENCE = re.compile(r"[。；;，,！？!?]")
_SIGNED = re.compile(
    r"(?<=[。\s])\s*([\u4e00-\u9fff（）()]{2,30}(?:人民政府|办事处))\s+(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$"
)
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])")
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日")
_BAR = re.compile(r"^[|｜]$")
BAR_MIN = 6  # cells closed by '|' lines before a run counts as a table
GLYPHS = re.compile(r"^[\u4e00-\u9fff](?:[ \xa0\u3000]+[\u4e00-\u9fff]){2,}$")


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
    pieces, groups = _pieces(lines, known)
    out: list[Block] = []
    out_groups: list[int] = []
    # A run that holds too few labels fails from any later start inside it too: a finder that reports
    # where its failed run ended is not tried again before that line (no quadratic rescans)
    failed_until: dict = {}
    i = 0
    while i < len(pieces):
        for finder in (_bar_run, _tsv_run, _tab_run, _pipe_run, spaced_run, squeezed_run, _line_run):
            if failed_until.get(finder, 0) > i:
                continue
            end, grid = finder(pieces, i, known)
            if grid is not None:
                out.append(replace(grid, form="oneline") if groups[i] >= 0 else grid)
                out_groups.append(-1)
                i = end
                break
            failed_until[finder] = end
        else:
            out.append(pieces[i])
            out_groups.append(groups[i])
            i += 1
    return _rejoin(out, out_groups)


def _pieces(lines: list[str], known: set[str]) -> tuple[list[str], list[int]]:
    """Lines, with each flattened table line cut at its spaces; `groups[i]`: the line a piece came
    from when it was cut (its leftover text is joined again), else -1."""
    pieces: list[str] = []
    groups: list[int] = []
    for number, line in enumerate(lines):
        words = _flattened(line, known)
        pieces += words or [line]
        groups += [number if words else -1] * (len(words) or 1)
    return pieces, groups


def _flattened(line: str, known: set[str]) -> list[str]:
    """The space-separated pieces of a line that holds a table flattened to one line, or []."""
    if has_bar(line) or "\t" in line or len(line) < FLAT_MIN:
        return []
    words = SPACES.split(line.strip(" \xa0\u3000"))
    if len(words) < FLAT_MIN_WORDS or sum(is_value(w) for w in words) < FLAT_MIN_WORDS // 2:
        return []
    labels = sum(norm(w) in known for w in words) + sum(norm(a + b) in known for a, b in pairwise(words))
    return words if labels >= MIN_LABELS + 1 else []


def _rejoin(blocks: list[Block], groups: list[int]) -> list[Block]:
    """Pieces of one cut line that are not table go back together, then apart at its headings."""
    out: list[Block] = []
    joined: list[bool] = []
    for i, block in enumerate(blocks):
        if i and groups[i] >= 0 and groups[i] == groups[i - 1] and isinstance(out[-1], str):
            out[-1] += " " + block
        else:
            out.append(block)
            joined.append(groups[i] >= 0)
    return [part for block, cut in zip(out, joined, strict=True) for part in (_at_headings(block) if cut else [block])]


def _at_headings(text: str) -> list[str]:
    """`… 二、主动公开政府信息情况 本年…` → lines: a title, each `一、…` heading, the text between, and
    a signature at the end (`… 三溪镇人民政府 2022年1月21日`) on lines of its own."""
    lines = []
    for part in _INLINE_HEADING.split(text):
        head = _HEADING_WORDS.match(part)
        lines += [head.group(1), head.group(2)] if head else [part]
    if lines:
        signed = _SIGNED.search(lines[-1])
        if signed:
            lines[-1:] = [lines[-1][: signed.start()], signed.group(1), signed.group(2)]
    return [line.strip() for line in lines if line.strip()]


def _tsv_line(line: str) -> bool:
    """A table row saved as text: cells split by tabs (not a tab dump's one '\\t<cell>' per line)."""
    body = line.rstrip("\r\n")
    return body.count("\t") >= 2 or ("\t" in body and not body.startswith("\t"))


def _tsv_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    """Tab-separated rows; a one-cell row between them (a block title such as 第二十条第（五）项,
    which spans the whole width) belongs to the table when a tab row follows it."""
    rows: list[tuple[str, ...]] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if _tsv_line(line):
            rows.append(tuple(c.strip(" \xa0\u3000") for c in line.rstrip("\r\n").split("\t")))
        elif blank(line) and rows:
            pass
        elif norm(line) in known and _tsv_follows(lines, i + 1):
            rows.append((line.strip(" \t\xa0\u3000"),))
        else:
            break
        i += 1
    if not any(len(r) > 1 for r in rows) or labels_in([c for r in rows for c in r], known) < MIN_LABELS:
        return i, None  # (where the run ended: no start inside it can do better)
    return trim_blank_tail(lines, start, i), Grid(tuple(rows), True, "tsv")


def _tsv_follows(lines: list[str], i: int) -> bool:
    while i < len(lines) and blank(lines[i]):
        i += 1
    return i < len(lines) and _tsv_line(lines[i])


def _tab_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    if not lines[start].startswith("\t"):
        return start, None
    rows: list[list[str]] = [[]]
    i = start
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            rows[-1].append(line.strip(" \t\xa0\u3000"))
        elif blank(line):
            if rows[-1]:
                rows.append([])
        elif i > start and lines[i - 1].startswith("\t") and _fragment(line) and rows[-1]:
            glue = " " if is_value(rows[-1][-1]) and rows[-1][-1].strip() and is_value(line) else ""
            rows[-1][-1] += glue + line.strip()  # a header broken in two joins; two numbers stay apart
        else:
            break
        i += 1
    rows = [r for r in rows if r]
    if labels_in([c for r in rows for c in r], known) < MIN_LABELS:
        return i, None
    return trim_blank_tail(lines, start, i), Grid(tuple(tuple(r) for r in rows), True, "tab")


def _pipe_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    rows: list[tuple[str, ...]] = []
    i = start
    while i < len(lines) and (has_bar(lines[i]) or (blank(lines[i]) and rows)):
        line = lines[i].strip().replace("｜", "|")  # typed with a Chinese input method
        if line and not re.fullmatch(r"[|:\-\s]+", line):
            cells = [c.strip(" \t\xa0\u3000") for c in line.split("|")]
            if line.startswith("|"):
                cells = cells[1:]
            if line.endswith("|"):
                cells = cells[:-1]
            rows.append(tuple(cells))
        i += 1
    if not rows or labels_in([c for r in rows for c in r], known) < MIN_LABELS:
        return i, None
    return trim_blank_tail(lines, start, i), _pipe_grid(rows)


def _pipe_grid(rows: list[tuple[str, ...]]) -> Grid:
    """'|' rows, or one cell per line each closed by '|' (`规章 |` / `0 |` / `0 | ||`, spans as empty
    cells): then a line that is only '|' starts a row where the page kept that, else rows are unknown."""
    filled = [tuple(c for c in row if c) for row in rows]
    if sum(len(r) <= 1 for r in filled) < PIPE_CELL_LINES * len(rows):
        return Grid(tuple(rows), True, "pipe")
    if sum(not r for r in filled) >= 3:
        grouped: list[list[str]] = [[]]
        for row in filled:
            if row:
                grouped[-1] += row
            elif grouped[-1]:
                grouped.append([])
        return Grid(tuple(tuple(r) for r in grouped if r), True, "pipe-cells")
    return Grid(tuple(r for r in filled if r), False, "pipe-cells")


def _bar_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    """Cells closed by '|' lines. Row ends are not marked: the grid is read like one cell per line;
    an empty cell (two '|' lines in a row) keeps its place."""
    if _BAR.match(lines[start].strip()) or blank(lines[start]) or _merge_label(lines, start, known)[0] is None:
        return start, None  # a run starts with a label (a title, header or row label)
    cells: list[str] = []
    current: list[str] = []
    i = end = start
    while i < len(lines) and i - start < RUN_MAX:
        text = lines[i].strip(" \t\xa0\u3000")
        if _BAR.match(text):
            # a label broken over lines is joined; two values before one '|' stay apart (and do not fit)
            cells.append(" ".join(current) if sum(is_value(c) for c in current) > 1 else "".join(current))
            current = []
            end = i + 1
        elif "|" in text or "｜" in text or len(current) >= 3:
            break
        elif text and current and not (_fragment(current[-1]) and _fragment(text)):
            break  # a cell of several lines is a label broken into short pieces, never sentences
        elif text:
            current.append(text)
        i += 1
    if len(cells) < BAR_MIN or labels_in(cells, known) < MIN_LABELS:
        return start, None
    return end, Grid(tuple((c,) for c in cells), False, "barlines")


def _line_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    if _merge_label(lines, start, known)[0] is None:
        return start, None  # a run starts with a label
    cells: list[str] = []
    i = start
    while i < len(lines) and i - start < RUN_MAX:
        merged, used = _merge_label(lines, i, known)
        if merged is not None:
            cells.append(merged)
            i += used
        elif blank(lines[i]):
            i += 1
        elif is_value(lines[i].strip()) or (cells and (_fragment(lines[i]) or GLYPHS.match(lines[i].strip()))):
            cells.append(lines[i].strip())
            i += 1
        else:
            break
    while cells and norm(cells[-1]) not in known and not is_value(cells[-1]):
        cells.pop()
    if labels_in(cells, known) < MIN_LABELS + 1:
        return start, None
    return trim_blank_tail(lines, start, i), Grid(tuple((c,) for c in cells), False, "lines")


def _merge_label(lines: list[str], i: int, known: set[str]) -> tuple[str | None, int]:
    """A label broken over up to three lines (`商业` / `企业`), joined back."""
    text = ""
    for used in range(1, 4):
        if i + used > len(lines) or blank(lines[i + used - 1]):
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
        and "\t" not in text
        and not _SENTENCE.search(text)
        and not _HEADING.match(text)
        and not _DATE.search(text)
    )
