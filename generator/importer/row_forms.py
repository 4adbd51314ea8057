"""Table rows one per line in plain text: cells split by spaces (PDF text: `规章 0 0 6`), or with no
separator left at all (`规章000`), told apart by the schema's own labels (see layout.py)."""

from __future__ import annotations

import re

from generator.importer.grid import Grid
from generator.importer.labels import norm
from generator.importer.lines import MIN_LABELS, RUN_MAX, SPACES, blank, has_bar, labels_in, trim_blank_tail
from generator.importer.values import is_value

ROW_MIN = 3  # rows of a label and its values before a run of spaced or squeezed rows counts as a table
_TRAILING_NUMBERS = re.compile(r"[-+]?[\d.]+$")
LABEL_MAX = 80  # the longest normalised label (Table 2's row （六）1.) is shorter


def spaced_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    """Rows of cells split by spaces; a label wrapped onto the next line is joined to its end."""
    first, _ = _spaced_row(lines, start, known)
    if first is None or not any(norm(c) in known for c in first):
        return start, None  # a run starts with a row that holds a label
    rows: list[tuple[str, ...]] = []
    full = 0  # rows with a label and values
    i = start
    while i < len(lines) and i - start < RUN_MAX:
        if blank(lines[i]) and rows:
            i += 1
            continue
        row, used = _spaced_row(lines, i, known)
        if row is None:
            break
        if rows and len(rows[-1]) == 1 and norm(rows[-1][0]) in known and all(is_value(c) for c in row):
            full -= _row_evidence(rows[-1], known)
            row = (*rows.pop(), *row)  # a label alone on its line, its values on the next
        rows.append(row)
        full += _row_evidence(row, known)
        i += used
    if full < ROW_MIN or labels_in([c for r in rows for c in r], known) < MIN_LABELS:
        return start, None
    return trim_blank_tail(lines, start, i), Grid(tuple(rows), True, "spaced")


def _spaced_row(lines: list[str], i: int, known: set[str]) -> tuple[tuple[str, ...] | None, int]:
    words = SPACES.split(lines[i].strip(" \t\xa0\u3000"))
    if "\t" in lines[i] or has_bar(lines[i]) or not words[0]:
        return None, 0
    used = 1
    if norm(words[0]) not in known and not is_value(words[0]) and i + 1 < len(lines):
        after = SPACES.split(lines[i + 1].strip(" \t\xa0\u3000"))
        if len(words) == 1 and norm(words[0] + after[0]) in known:  # `…不计其他` + `情形） 0 0 …`
            words, used = [words[0] + after[0], *after[1:]], 2
    if len(words) < 2 and norm(words[0]) not in known:
        return None, 0
    if not all(norm(w) in known or (is_value(w) and w.strip()) for w in words):
        return None, 0
    if all(is_value(w) for w in words) and len(words) < 2:
        return None, 0
    return tuple(words), used


def _row_evidence(row: tuple[str, ...], known: set[str]) -> bool:
    """A row that shows a table: a label with its values, a header of three labels or more, or a row of
    five values or more (Table 3's only data row)."""
    labels = sum(norm(c) in known for c in row)
    return (labels and len(row) > 1 and is_value(row[-1])) or labels >= 3 or (not labels and len(row) >= 5)


def squeezed_run(lines: list[str], start: int, known: set[str]) -> tuple[int, Grid | None]:
    """Rows whose cells lost their separators (`规章000`): labels split by the schema's labels, the
    trailing digits kept as one cell for tables.py to split only where certain."""
    first = _squeezed_row(lines[start], known)
    if first is None or not any(c in known for c in first):
        return start, None  # a run starts with a row that holds a label
    rows: list[tuple[str, ...]] = []
    glued = 0
    i = start
    while i < len(lines) and i - start < RUN_MAX:
        if blank(lines[i]) and rows:
            i += 1
            continue
        row = _squeezed_row(lines[i], known)
        if row is None:
            break
        rows.append(row)
        glued += _row_evidence(tuple(row[0]) if len(row) == 1 and row[0].isdigit() else row, known)
        i += 1
    if glued < ROW_MIN or labels_in([c for r in rows for c in r], known) < MIN_LABELS:
        return start, None
    return trim_blank_tail(lines, start, i), Grid(tuple(rows), True, "squeezed")


def _squeezed_row(line: str, known: set[str]) -> tuple[str, ...] | None:
    text = line.strip(" \t\xa0\u3000")
    if not text or re.search(r"[\s|｜]", text):
        return None
    if re.fullmatch(r"\d+", text):
        return (text,)  # a row of values only (Table 3)
    number = _TRAILING_NUMBERS.search(text)
    head = text[: number.start()] if number else text
    labels = _segment(norm(head), known)
    if not labels:
        return None
    return (*labels, number.group(0)) if number else tuple(labels)


def _segment(key: str, known: set[str]) -> list[str] | None:
    """A normalised text as a sequence of known labels (fewest pieces), or None."""
    if not key:
        return None
    best: list[list[str] | None] = [[]] + [None] * len(key)
    for begin in range(len(key)):
        if best[begin] is None:
            continue
        for end in range(begin + 1, min(len(key), begin + LABEL_MAX) + 1):
            if key[begin:end] in known:
                candidate = [*best[begin], key[begin:end]]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[-1]
