"""The one value every reader produces for a table: rows of cell texts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grid:
    """A table: rows of cell texts. `delimited`: cell positions are known (a real table, '|' or tab rows);
    otherwise the text had one cell per line and blank cells cannot be told from missing ones."""

    rows: tuple[tuple[str, ...], ...]
    delimited: bool
    form: str  # docx | html | tab | pipe | lines


Block = str | Grid  # a line of text, or a table
