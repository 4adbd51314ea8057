"""An imported report as a file: YAML front matter laid out like `xxgk new` writes it, checked by the
real pipeline (generator.engine.build.load_site) on a throw-away copy of the township before it is written."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml

from generator.engine.load import load_site
from generator.importer.report import Imported
from generator.model.problems import Problem
from generator.model.schema import Schemas, Table

QUOTE_MAX = 36
# fullmatch, so "x\n" and "../x" never name a folder (re's "$" would let a trailing newline through)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def valid_slug(slug: str) -> bool:
    return SLUG.fullmatch(slug) is not None


def target_path(imported: Imported) -> str:
    if not valid_slug(imported.township):
        raise ValueError(f"invalid township slug {imported.township!r}")  # the command refuses it first
    return f"content/townships/{imported.township}/{imported.year}.md"


def with_source(imported: Imported, name: str) -> Imported:
    meta = dict(imported.meta)
    meta["source"] = name
    return replace(imported, meta=meta)


def with_warning(imported: Imported, warning: str) -> Imported:
    summary = replace(imported.summary, warnings=(*imported.summary.warnings, warning))
    return replace(imported, summary=summary)


def render(imported: Imported, schemas: Schemas) -> str:
    lines = ["---"]
    for key, value in imported.meta.items():
        lines.append(f"{key}: {_scalar(value)}")
    figures = imported.front_matter().get("figures", {})
    if figures:
        lines.append("figures:")
        for name, value in figures.items():
            quote = imported.figure_quotes.get(name, "")
            note = f"  # {quote[:QUOTE_MAX]}{'…' if len(quote) > QUOTE_MAX else ''}" if quote else ""
            lines.append(f"  {name}: {_scalar(value)}{note}")
    if imported.tables:
        lines.append("tables:")
        for table_id, rows in imported.tables.items():
            own = imported.table_formats.get(table_id)
            fmt = schemas[own or imported.meta["format"]]
            lines += _table_lines(fmt.table(table_id), rows, own)
    lines.append("---")
    return "\n".join(lines) + "\n" + imported.body


def _table_lines(table: Table, rows: dict[str, list], own_format: str | None) -> list[str]:
    lines = [f"  {table.id}:"]
    if own_format:
        lines.append(f"    format: {own_format}  # 此表用的是 {own_format} 的模板，与报告的 format 不同")
    if table.layout == "grid":
        leaves = table.columns_of(table.rows()[0].id or "")
        lines.append(f"    # 每行 {len(leaves)} 格：{', '.join(c.label for c in leaves)}")
    for block in table.blocks:
        lines.append(f"    # {block.title}: {', '.join(c.label for c in block.columns)}")
        lines += [_row_line(row.id or "", row.label, rows) for row in block.rows]
    if table.layout == "grid":
        lines += [_row_line(row.id or "", row.label, rows) for row in table.rows()]
    return lines


def _row_line(row_id: str, label: str, rows: dict[str, list]) -> str:
    cells = ", ".join(_scalar(c) for c in rows[row_id])
    return f"    {row_id}: [{cells}]  # {label}"


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    text = yaml.safe_dump(str(value), allow_unicode=True, width=10_000).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def check(root: Path, imported: Imported, text: str, original: Path | None, today: date) -> list[Problem]:
    """The problems `xxgk check` would find in this file, from a copy of the site config and the
    township (its other years feed the cross-year rules). Nothing under root is touched."""
    rel = target_path(imported)
    with tempfile.TemporaryDirectory(prefix="xxgk-import-") as tmp:
        site = Path(tmp)
        (site / "content").mkdir()
        shutil.copy2(root / "content" / "site.yaml", site / "content" / "site.yaml")
        town = root / "content" / "townships" / imported.township
        shutil.copytree(town, site / "content" / "townships" / imported.township)
        (site / rel).write_text(text, encoding="utf-8")
        if original is not None:
            shutil.copy2(original, site / Path(rel).parent / imported.meta["source"])
        _, problems = load_site(site, today)
    return [p for p in problems if p.path == rel]


def write(root: Path, imported: Imported, text: str, original: Path | None) -> Path:
    path = root / target_path(imported)
    path.write_text(text, encoding="utf-8")
    if original is not None:
        shutil.copy2(original, path.parent / imported.meta["source"])
    return path


def as_json(imported: Imported) -> dict:
    """The dry-run view: the front matter (all seven figures, null where the report does not say) and body."""
    summary = imported.summary
    return {
        "input": str(imported.input),
        "target": target_path(imported),
        "front_matter": imported.front_matter(all_figures=True),
        "body": imported.body,
        "summary": {
            "kind": summary.kind,
            "encoding": summary.encoding,
            "format": summary.format,
            "format_reason": summary.format_reason,
            "tables": list(summary.tables),
            "cells_filled": summary.cells_filled,
            "cells_total": summary.cells_total,
            "figures": summary.figures,
            "warnings": list(summary.warnings),
            "unmapped_labels": list(summary.unmapped),
        },
    }
