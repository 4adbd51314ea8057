"""The format document: one JSON file per report format (/data/formats/<id>.json) holding what a
program needs to read, lay out and check that format's tables without the schema files: labels,
header trees with their spans, rows and their columns, cell types and units, the 勾稽 rules
(already parsed), and the figures the tables hold. Report data files link to it instead of
repeating labels; the editors' form (templates/static/editor*.js) is driven by it alone.

A pure function of the schema: the same schema always gives the same bytes."""

from __future__ import annotations

import json

from generator.checks.table_rules import CODE_BY_BASIS, column_paths
from generator.model.rules import Expr, Term
from generator.model.schema import Format, HeaderNode, RowNode, Rule, Table
from generator.model.site import FIGURES, TableValues
from generator.pages.table_layout import GridCell, table_grid

# Bumped when a field changes meaning, so that a reader can tell which documents it understands.
DOCUMENT_VERSION = 1


def format_document(fmt: Format) -> dict:
    derived = {name: table.id for table in fmt.tables for name, _ in table.derives}
    return {
        "version": DOCUMENT_VERSION,
        "format": fmt.id,
        "name": fmt.name,
        "title": fmt.title,
        "doc_no": fmt.doc_no,
        "years": {"from": fmt.year_from, "to": fmt.year_to},
        "sections": [{"id": s.id, "title": s.title, "table": s.table} for s in fmt.sections],
        "headings": [s.title for s in fmt.sections] or list(fmt.headings),
        "figures": [
            {"name": f.name, "label": f.label, "unit": f.unit, "table": derived.get(f.name)} for f in FIGURES
        ],
        "tables": [_table(fmt, table) for table in fmt.tables],
    }


def format_document_bytes(fmt: Format) -> bytes:
    """Sorted keys, no spaces, one line: byte-identical for the same schema."""
    text = json.dumps(format_document(fmt), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def _table(fmt: Format, table: Table) -> dict:
    paths = column_paths(table)
    columns: dict[str, dict] = {}
    for row in table.rows():
        for column in table.columns_of(row.id or ""):
            columns.setdefault(
                column.id,
                {"id": column.id, "label": column.label, "path": list(paths.get(column.id, (column.label,))),
                 "type": column.type, "unit": column.unit},
            )
    document = {
        "id": table.id,
        "number": table.number,
        "caption": table.caption,
        "layout": table.layout,
        "note": table.corner_note,
        "columns": list(columns.values()),
        "rows": _rows(table),
        "groups": {group: list(ids) for group, ids in table.groups().items()},
        "rules": [_rule(rule) for rule in table.rules],
        "derives": {name: list(cells) for name, cells in table.derives},
        "compare": [{"format": other, "row": row, "rows": list(rows)} for other, row, rows in table.compare],
        "grid": _grid(fmt, table),
    }
    if table.layout == "blocks":
        document["header_label"] = table.header_label
        document["value_columns"] = table.value_columns
        document["blocks"] = [
            {"id": b.id, "title": b.title, "rows": [r.id for r in b.rows],
             "columns": [{"id": c.id, "label": c.label, "span": c.span} for c in b.columns]}
            for b in table.blocks
        ]
    else:
        document["header"] = [_header(node) for node in table.header]
        document["row_tree"] = [_row_node(node) for node in table.row_tree]
    return document


def _rows(table: Table) -> list[dict]:
    """Every data row in printed order, with the labels above it (groups) and its columns."""
    above: dict[str, list[str]] = {}

    def visit(node: RowNode, path: list[str]) -> None:
        if node.id:
            above[node.id] = path
        for child in node.children:
            visit(child, [*path, node.label])

    for node in table.row_tree:
        visit(node, [])
    block_of = {row.id: block.id for block in table.blocks for row in block.rows}
    return [
        {
            "id": row.id,
            "label": row.label,
            "path": [*above.get(row.id or "", []), row.label],
            "hidden_label": row.hidden_label,
            "columns": [c.id for c in table.columns_of(row.id or "")],
            "block": block_of.get(row.id or ""),
        }
        for row in table.rows()
    ]


def _header(node: HeaderNode) -> dict:
    """A column header with its span: a leaf names its column, a group holds its children."""
    if node.column:
        return {"label": node.label, "colspan": 1, "column": node.column.id}
    return {"label": node.label, "colspan": len(node.leaves()), "children": [_header(c) for c in node.children]}


def _row_node(node: RowNode) -> dict:
    if node.id:
        return {"label": node.label, "id": node.id, "hidden_label": node.hidden_label}
    return {"label": node.label, "group": node.group, "children": [_row_node(c) for c in node.children]}


def _rule(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "scope": rule.scope,
        "rows": list(rule.rows),
        "basis": rule.basis,
        "code": CODE_BY_BASIS[rule.basis],
        "severity": rule.severity,
        "text": rule.text,
        "message": rule.message,
        "source": rule.source,
        "expr": _expr(rule.expr),
    }


def _expr(expr: Expr) -> dict:
    def terms(side: tuple[Term, ...]) -> list[dict]:
        return [{"sign": t.sign, "kind": t.kind, "value": t.value} for t in side]

    return {"left": terms(expr.left), "op": expr.op, "right": terms(expr.right)}


def _grid(fmt: Format, table: Table) -> dict:
    """The printed layout, made by the code that lays out the report pages (table_layout.py):
    header rows with their spans and ids, and for every value cell its row and column ids."""
    grid = table_grid(table, TableValues(table.id, fmt.id, {}))
    slots = iter([(row.id, column.id) for row in table.rows() for column in table.columns_of(row.id or "")])

    def cell(c: GridCell) -> dict:
        found: dict = {}
        if c.numeric:
            found["cell"] = list(next(slots))
        else:
            found["text"] = c.text
            if c.header:
                found["th"] = True
        for name, default in (("colspan", 1), ("rowspan", 1), ("id", ""), ("scope", ""), ("headers", ""),
                              ("hidden", False), ("sticky", 0)):
            value = getattr(c, name)
            if value != default:
                found[name] = value
        return found

    head = [[cell(c) for c in row] for row in grid.head]
    bodies = [[[cell(c) for c in row] for row in body] for body in grid.bodies]
    return {"id": grid.id, "head": head, "bodies": bodies}
