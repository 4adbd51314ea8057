"""A parsed content file: its front matter and body, and the line and column of every key, so
that any problem found later can point at the place in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KeyPath = tuple[str | int, ...]
_CELLS = -1  # key of the packed columns of a one-line sequence (indices are >= 0, YAML keys are text)


@dataclass(frozen=True)
class Source:
    """A parsed content file. `lines` maps a key path such as ("tables", "review", "cases", 3)
    to its 1-based line, and `columns` to its 1-based column, so any problem can point there."""

    path: str
    digest: str
    meta: dict[str, Any]
    body: str = ""
    body_line: int = 0
    lines: dict[KeyPath, int] = field(default_factory=dict)
    columns: dict[KeyPath, int] = field(default_factory=dict)
    head: str = ""  # sha256 of the front matter alone: what list pages show changes only with it
    # key path → the text written, for a value YAML reads as something else (`no` → False,
    # `2020.10` → 2020.1, `0123` → 83): a text field must not take such a value silently
    literals: dict[KeyPath, str] = field(default_factory=dict)

    def line_of(self, *keys: str | int) -> int:
        """The line of the deepest key of `keys` that the file has (1 if none)."""
        for end in range(len(keys), 0, -1):
            line = self.lines.get(tuple(keys[:end]))
            if line:
                return line
        return 1

    def column_of(self, *keys: str | int) -> int:
        column = self.columns.get(tuple(keys), 0)
        if column or not keys or not isinstance(keys[-1], int):
            return column
        packed = self.columns.get((*keys[:-1], _CELLS), ())
        return packed[keys[-1]] if 0 <= keys[-1] < len(packed) else 0
