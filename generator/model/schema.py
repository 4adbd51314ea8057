"""The standard-table formats (generator/schema/*.yaml) as typed, frozen values.

The schema files are the single source of labels, header trees, cell types and 勾稽 rules:
validation, `xxgk new`, the HTML tables and the downloads are all driven from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.model.rules import Expr, parse_rule

SCHEMA_DIR = Path(__file__).parent.parent / "schema"
CELL_TYPES = ("count", "signed_count", "money")


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    type: str = "count"
    unit: str | None = None
    span: int = 1


@dataclass(frozen=True)
class HeaderNode:
    """A column header: a leaf carries a Column, a group carries children."""

    label: str
    column: Column | None
    children: tuple[HeaderNode, ...] = ()

    def leaves(self) -> tuple[Column, ...]:
        if self.column:
            return (self.column,)
        return tuple(leaf for child in self.children for leaf in child.leaves())

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


@dataclass(frozen=True)
class RowNode:
    """A row label: a leaf row (id) holds cells; a group (group) only labels its children."""

    label: str
    id: str | None = None
    group: str | None = None
    children: tuple[RowNode, ...] = ()
    hidden_label: bool = False

    def leaves(self) -> tuple[RowNode, ...]:
        if self.id:
            return (self,)
        return tuple(leaf for child in self.children for leaf in child.leaves())

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


@dataclass(frozen=True)
class Block:
    """One 第二十条 block of Table 1: a title row, a header row, data rows."""

    id: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[RowNode, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    expr: Expr
    source: str
    scope: str  # each_row | each_column
    severity: str
    basis: str
    rows: tuple[str, ...] = ()
    text: str = ""
    message: str = ""


@dataclass(frozen=True)
class Table:
    id: str
    number: str
    caption: str
    layout: str  # blocks | grid
    rules: tuple[Rule, ...] = ()
    derives: tuple[tuple[str, tuple[str, ...]], ...] = ()
    header_label: str = ""
    value_columns: int = 0
    blocks: tuple[Block, ...] = ()
    header: tuple[HeaderNode, ...] = ()
    row_tree: tuple[RowNode, ...] = ()
    corner_note: str = ""
    # Declared equivalences for comparing with another format: (other format, row, its rows summed),
    # e.g. f2019 `other` ≡ f2021 other_no_correction + other_no_fee + other_misc.
    compare: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

    # The tree walks below run for every cell of every report; each is done once per table.
    # (cached_property stores into the instance dict, which a frozen dataclass allows.)
    @cached_property
    def _rows(self) -> tuple[RowNode, ...]:
        if self.layout == "blocks":
            return tuple(row for block in self.blocks for row in block.rows)
        return tuple(leaf for node in self.row_tree for leaf in node.leaves())

    @cached_property
    def _columns(self) -> dict[str, tuple[Column, ...]]:
        if self.layout == "blocks":
            return {row.id: block.columns for block in reversed(self.blocks) for row in block.rows if row.id}
        leaves = tuple(leaf for node in self.header for leaf in node.leaves())
        return {row.id: leaves for row in self._rows if row.id}

    @cached_property
    def _groups(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}

        def visit(node: RowNode) -> None:
            if node.group:
                found[node.group] = tuple(leaf.id for leaf in node.leaves() if leaf.id)
            for child in node.children:
                visit(child)

        for node in self.row_tree:
            visit(node)
        return found

    def rows(self) -> tuple[RowNode, ...]:
        """Every data row, in printed order."""
        return self._rows

    def columns_of(self, row_id: str) -> tuple[Column, ...]:
        if self.layout == "blocks":
            return self._columns.get(row_id, ())
        return self._columns.get(row_id) or tuple(leaf for node in self.header for leaf in node.leaves())

    def groups(self) -> dict[str, tuple[str, ...]]:
        """Row group id → the ids of its leaf rows (for `sum(group)` in rules)."""
        return dict(self._groups)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    table: str | None = None


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    title: str
    doc_no: str
    year_from: int | None
    year_to: int | None
    detect: tuple[str, ...]
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    headings: tuple[str, ...] = ()  # suggested headings for `xxgk new` where the format prescribes none

    def table(self, table_id: str) -> Table | None:
        return next((t for t in self.tables if t.id == table_id), None)

    @cached_property  # every report's cells are read in this order: the list is made once per table
    def cells(self) -> dict[str, tuple]:
        """Table id → cells.table_cells of that table."""
        from generator.model.cells import make_table_cells  # cells.py is built on this module

        return {t.id: make_table_cells(self, t) for t in self.tables}

    def covers(self, year: int) -> bool:
        return (self.year_from is None or year >= self.year_from) and (self.year_to is None or year <= self.year_to)


Schemas = dict[str, Format]


def load_schemas(directory: Path = SCHEMA_DIR) -> Schemas:
    """All formats. A broken schema file is a bug in xxgk, not in content: it raises."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: schemas load on every build
    raw = {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=loader) for p in sorted(directory.glob("*.yaml"))}
    return {name: _format(name, data, raw) for name, data in raw.items()}


def format_for_year(schemas: Schemas, year: int) -> Format | None:
    return next((f for f in schemas.values() if f.covers(year)), None)


def _format(name: str, data: dict[str, Any], raw: dict[str, dict]) -> Format:
    years = data.get("years") or {}
    tables = []
    for table_id, spec in (data.get("tables") or {}).items():
        if "inherit" in spec:
            spec = raw[spec["inherit"]]["tables"][table_id]
        tables.append(_table(table_id, spec))
    return Format(
        id=data["format"],
        name=data["name"],
        title=data["title"],
        doc_no=data.get("doc_no", ""),
        year_from=years.get("from"),
        year_to=years.get("to"),
        detect=tuple(data.get("detect") or ()),
        sections=tuple(Section(s["id"], s["title"], s.get("table")) for s in data.get("sections") or ()),
        tables=tuple(tables),
        headings=tuple(data.get("headings") or ()),
    )


def _column(spec: dict) -> Column:
    if spec.get("type", "count") not in CELL_TYPES:
        raise ValueError(f"unknown cell type {spec.get('type')!r}")
    return Column(spec["id"], spec["label"], spec.get("type", "count"), spec.get("unit"), spec.get("span", 1))


def _header(spec: dict) -> HeaderNode:
    if "children" in spec:
        return HeaderNode(spec["label"], None, tuple(_header(c) for c in spec["children"]))
    return HeaderNode(spec["label"], _column(spec))


def _row(spec: dict) -> RowNode:
    if "group" in spec:
        return RowNode(spec["label"], group=spec["group"], children=tuple(_row(c) for c in spec["children"]))
    return RowNode(spec["label"], id=spec["id"], hidden_label=bool(spec.get("hidden_label")))


def _rule(spec: dict) -> Rule:
    return Rule(
        id=spec["id"],
        expr=parse_rule(spec["expr"]),
        source=spec["expr"],
        scope=spec["scope"],
        severity=spec.get("severity", "error"),
        basis=spec.get("basis", "implied"),
        rows=tuple(spec.get("rows") or ()),
        text=spec.get("text", ""),
        message=spec.get("message", ""),
    )


def _table(table_id: str, spec: dict) -> Table:
    common = {
        "id": table_id,
        "number": spec["number"],
        "caption": spec["caption"],
        "layout": spec["layout"],
        "rules": tuple(_rule(r) for r in spec.get("rules") or ()),
        "derives": tuple((k, tuple(v)) for k, v in (spec.get("derives") or {}).items()),
        "compare": tuple(
            (other, row, tuple(rows))
            for other, mapping in (spec.get("compare") or {}).items()
            for row, rows in mapping.items()
        ),
    }
    if spec["layout"] == "blocks":
        blocks = tuple(
            Block(b["id"], b["title"], tuple(_column(c) for c in b["columns"]), tuple(_row(r) for r in b["rows"]))
            for b in spec["blocks"]
        )
        return Table(**common, header_label=spec["header_label"], value_columns=spec["value_columns"], blocks=blocks)
    return Table(
        **common,
        header=tuple(_header(c) for c in spec["columns"]),
        row_tree=tuple(_row(r) for r in spec["rows"]),
        corner_note=spec.get("corner_note", ""),
    )
