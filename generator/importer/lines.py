"""What every finder of a table run in plain text (layout.py, row_forms.py) shares."""

from __future__ import annotations

import re

from generator.importer.labels import norm

MIN_LABELS = 2
RUN_MAX = 3000  # lines in one table run: the three tables one cell per line, PDF debris and all, hold fewer
SPACES = re.compile(r"[ \xa0\u3000]+")


def labels_in(cells: list[str], known: set[str]) -> int:
    return sum(norm(c) in known for c in cells)


def blank(line: str) -> bool:
    return not line.strip(" \t\r\n\xa0\u3000") and not line.startswith("\t")


def has_bar(line: str) -> bool:
    """A cell separator: '|', or the full-width '｜' a Chinese input method types."""
    return "|" in line or "｜" in line


def trim_blank_tail(lines: list[str], start: int, end: int) -> int:
    """Leave trailing blank lines to the text (they separate paragraphs)."""
    while end > start + 1 and blank(lines[end - 1]):
        end -= 1
    return end
