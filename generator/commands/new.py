"""`xxgk new`: the starting file for a new report or township, written from the schema files.

Every table row, its label and its number of cells come from generator/schema/*.yaml; the file
that comes out passes `xxgk check` as it is, so an editor only ever replaces zeros and fills prose.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.content.assemble import SLUG, YEAR_MIN
from generator.content.safe_files import read_regular, regular_stat
from generator.content.source import MAX_BYTES, read_yaml
from generator.model.schema import Format, HeaderNode, RowNode, Schemas, Table, format_for_year
from generator.model.site import FIGURES

SLUG_MESSAGE = "乡镇目录名“{slug}”只能用小写字母、数字和连字符，如 anqiu-jingzhi"


class ScaffoldError(Exception):
    """Why `xxgk new` wrote nothing (a message for the editor, in Chinese)."""


def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value` (plain when that is safe, else quoted)."""
    return value if _reads_back(value) else json.dumps(value, ensure_ascii=False)


def _reads_back(value: str) -> bool:
    if not value or value.strip() != value or value[0] in "'\"&*!|>%@`{[-?:,#" or ": " in value or " #" in value:
        return False
    try:
        return yaml.safe_load(value) == value
    except yaml.YAMLError:
        return False  # not valid as a plain scalar: the caller quotes it


def township_text(name: str, county: str, city: str, province: str, code: str = "") -> str:
    lines = [f"name: {scalar(name)}", f"county: {scalar(county)}", f"city: {scalar(city)}"]
    lines.append(f"province: {scalar(province)}")
    if code:
        lines.append(f"code: {json.dumps(code)}  # 行政区划代码")
    return "\n".join(lines) + "\n"


def report_text(township: dict, year: int, fmt: Format) -> str:
    """The front matter and headings of a new report for `township` (its township.yaml fields)."""
    name, county = str(township["name"]), str(township["county"])
    derived = {figure for table in fmt.tables for figure, _ in table.derives}
    lines = [
        "---",
        f"year: {year}",
        f"# published: {year + 1}-01-31   # 发布日期：报告发布后去掉行首的 # 并改为实际日期，不要编造",
        f"organ: {scalar(f'{county}{name}人民政府')}",
        f"title: {scalar(f'{name}{year}年政府信息公开工作年度报告')}",
        f"format: {fmt.id}  # {fmt.name}（{fmt.doc_no}）",
        "figures:  # 正文中写明的关键数字：去掉行首的 # 并填入数字；表格能得出的数字不在此填写",
    ]
    for figure in FIGURES:
        if figure.name not in derived:
            lines.append(f"#  {figure.name}: 0  # {figure.label}（{figure.unit}）")
    if fmt.tables:
        lines.append("tables:  # 统一表格：按原报告逐格填写（合计也照填），没有数据的格填 0")
        for table in fmt.tables:
            lines += _table_lines(table)
    lines.append("---")
    headings = [s.title for s in fmt.sections] or list(fmt.headings)
    for heading in headings:
        lines += [f"## {heading}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _table_lines(table: Table) -> list[str]:
    lines = [f"  {table.id}:  # {table.number} {table.caption}"]
    width = max(len(row.id or "") for row in table.rows())
    if table.layout == "blocks":
        for block in table.blocks:
            lines.append(f"    # {block.title}：{'、'.join(c.label for c in block.columns)}")
            for row in block.rows:
                lines.append(_row_line(row, len(block.columns), width))
        return lines
    # A lone top header (申请人情况) says nothing per column; below it, the path tells repeated leaves apart.
    roots = table.header[0].children if len(table.header) == 1 and table.header[0].children else table.header
    paths = [path for node in roots for path in _header_paths(node)]
    lines.append(f"    # 各列依次为：{'、'.join(paths)}")
    for node in table.row_tree:
        lines += _tree_lines(node, len(paths), width)
    return lines


def _header_paths(node: HeaderNode) -> list[str]:
    if node.column:
        return [node.label]
    return [f"{node.label}/{path}" for child in node.children for path in _header_paths(child)]


def _tree_lines(node: RowNode, cells: int, width: int) -> list[str]:
    if node.id:
        return [_row_line(node, cells, width)]
    lines = [f"    # {node.label}"]
    for child in node.children:
        lines += _tree_lines(child, cells, width)
    return lines


def _row_line(row: RowNode, cells: int, width: int) -> str:
    values = ", ".join("0" for _ in range(cells))
    return f"    {(row.id or '') + ':':<{width + 1}} [{values}]  # {row.label}"


def new_report(root: Path, slug: str, year: int, schemas: Schemas, this_year: int) -> Path:
    """Writes content/townships/<slug>/<year>.md; refuses to overwrite; returns the path."""
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(SLUG_MESSAGE.format(slug=slug))
    folder = root / "content" / "townships" / slug
    township_file = folder / "township.yaml"
    if folder.is_symlink() or regular_stat(township_file) is None:
        raise ScaffoldError(
            f"找不到 {township_file.relative_to(root)}：请先运行 xxgk new township {slug} --name … --county … "
            "--city … --province …"
        )
    if not YEAR_MIN <= year <= this_year:
        raise ScaffoldError(f"报告年度 {year} 不在 {YEAR_MIN}–{this_year} 之间")
    rel = township_file.relative_to(root).as_posix()
    source, problems = read_yaml(rel, read_regular(township_file, MAX_BYTES))
    missing = [k for k in ("name", "county") if source is None or not source.meta.get(k)]
    if missing:
        details = "；".join(f"{p.location()}: {p.message}" for p in problems)
        raise ScaffoldError(f"{rel} 缺少或无法读取 {'、'.join(missing)}，请先修正{('：' + details) if details else ''}")
    fmt = format_for_year(schemas, year)
    if fmt is None:
        raise ScaffoldError(f"没有适用于 {year} 年的报告格式")
    return _create(folder / f"{year}.md", report_text(source.meta, year, fmt), root)


def new_township(root: Path, slug: str, name: str, county: str, city: str, province: str, code: str = "") -> Path:
    """Writes content/townships/<slug>/township.yaml; refuses to overwrite; returns the path."""
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(SLUG_MESSAGE.format(slug=slug))
    if code and not (code.isascii() and code.isdigit() and len(code) in (9, 12)):
        raise ScaffoldError(f"行政区划代码应为 9 位或 12 位数字，实为“{code}”")
    for label, value in (("--name", name), ("--county", county), ("--city", city), ("--province", province)):
        if not value.strip():
            raise ScaffoldError(f"{label} 不能为空")
    path = root / "content" / "townships" / slug / "township.yaml"
    return _create(path, township_text(name, county, city, province, code), root)


def _create(path: Path, text: str, root: Path) -> Path:
    if any(p.is_symlink() for p in (path.parent, path.parent.parent)):
        raise ScaffoldError(f"{path.parent.relative_to(root).as_posix()} 是符号链接，不会写入")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise ScaffoldError(f"{path.relative_to(root).as_posix()} 已存在，不会覆盖；如需重写请先删除或改名") from exc
    return path
