"""One input file → the report it becomes: front matter values, Markdown body, and a summary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.checks.prose_figures import paragraph_matches, pick_figures
from generator.importer.grid import Block, Grid
from generator.importer.headings import Paragraph, paragraphs, to_markdown
from generator.importer.labels import all_labels, build_indexes
from generator.importer.layout import find_tables
from generator.importer.metadata import (
    clean_line,
    detect_format,
    find_year,
    parse_date,
    signature,
    split_title,
    stated,
)
from generator.importer.reading import read_document
from generator.importer.script import simplified
from generator.importer.templates import read_standard_tables
from generator.model.schema import Schemas
from generator.model.site import FIGURES


class ImportFailed(ValueError):
    """The input cannot become a report (no year, unreadable file): message in Chinese."""


@dataclass(frozen=True)
class Summary:
    kind: str
    encoding: str
    format: str
    format_reason: str
    tables: tuple[str, ...]  # the table ids imported
    cells_filled: int
    cells_total: int
    figures: dict[str, str]  # figure → where it came from: table | prose
    warnings: tuple[str, ...]
    unmapped: tuple[str, ...]
    form: str = ""  # how the report came: prose | traditional | mixed-templates | the table forms (tsv, pipe…)


@dataclass(frozen=True)
class Imported:
    input: Path
    township: str
    year: int
    meta: dict  # front matter fields in file order (without figures and tables)
    figures: dict[str, int | float | None]  # all seven names; None where the report does not say
    figure_quotes: dict[str, str]  # prose figure → the sentence it came from
    tables: dict[str, dict[str, list]]
    body: str
    summary: Summary
    derived: frozenset = field(default_factory=frozenset)  # figures the tables hold (never typed twice)
    table_formats: dict[str, str] = field(default_factory=dict)  # a table in another template than `format`

    def front_matter(self, all_figures: bool = False) -> dict:
        """As written to the file: only figures the tables do not hold (the checker refuses duplicates)."""
        figures = (
            dict(self.figures)
            if all_figures
            else {k: v for k, v in self.figures.items() if v is not None and k not in self.derived}
        )
        out = dict(self.meta)
        if figures:
            out["figures"] = figures
        if self.tables:
            out["tables"] = self.tables
        return out


def import_report(path: Path, township: str, schemas: Schemas, year: int | None = None) -> Imported:
    doc = read_document(path)
    converted, script_notes = simplified(doc.blocks)
    blocks, warnings = list(converted), list(script_notes)
    said = _stated_in(blocks)
    blocks = [b for b in (_clean_block(b) for b in blocks) if b is not None]
    indexes = build_indexes([f for f in schemas.values() if f.tables])
    known = all_labels(list(indexes.values()))
    blocks = find_tables(blocks, known)  # first: a report flattened to one line is cut into lines here
    leading = [b for b in blocks if isinstance(b, str)]
    title, first = split_title(leading)
    blocks = _drop_leading_lines(blocks, first)
    paras = paragraphs(blocks, known)
    if not any(p.level == 0 for p in paras) and not _grids(blocks):
        raise ImportFailed("文件中只有标题或网页框架，没有报告正文：请检查是否选错了文件或网页未保存完整")
    year = _year(title, "\n".join(p.text for p in paras if p.level >= 0), year, warnings)
    unread: set[str] = set()  # figures of tables that are printed but could not be read
    read, fmt_id, reason = _tables_and_format(blocks, paras, schemas, indexes, year, warnings, unread)
    meta = _meta(title, year, fmt_id, said, leading, warnings)
    held = (read.held if read else frozenset()) | unread
    figures, quotes = _figures(paras, read.figures if read else {}, held, warnings)
    tables = read.tables if read else {}
    summary = Summary(
        doc.kind,
        doc.encoding,
        fmt_id,
        reason,
        tuple(tables),
        read.filled if read else 0,
        sum(len(cells) for rows in tables.values() for cells in rows.values()),
        {k: ("table" if read and k in read.figures else "prose") for k, v in figures.items() if v is not None},
        tuple(warnings),
        read.unmapped if read else (),
        _form(bool(script_notes), read, blocks),
    )
    formats = {t: f for t, f in (read.formats if read else {}).items() if f != fmt_id}
    derived = read.held if read else frozenset()
    body = to_markdown(paras)
    return Imported(path, township, year, meta, figures, quotes, tables, body, summary, derived, formats)


def _stated_in(blocks: list) -> dict[str, str]:
    """What the page furniture states (发布日期, 索引号, …), in the text and in the tables' cells."""
    grids = _grids(blocks)
    return stated(
        [b for b in blocks if isinstance(b, str)]
        + [c for g in grids for c in _cells(g)]
        + [_row_text(row) for g in grids for row in g.rows]
    )


def _tables_and_format(blocks, paras, schemas: Schemas, indexes, year: int, warnings: list[str], unread: set[str]):
    """The standard tables, each in its own template, and the report's format (by the tables' labels;
    for a report without tables, by its markers or its year)."""
    read = read_standard_tables(_grids(blocks), schemas, indexes, year, warnings, unread)
    if read is not None:
        warnings += read.warnings
        return read, read.format, "各表的栏目标签"
    grid_text = "\n".join(c for g in _grids(blocks) for c in _cells(g))
    fmt_id, reason = detect_format(grid_text + "\n".join(p.text for p in paras), year, schemas)
    return None, fmt_id, reason


def _form(converted: bool, read, blocks: list) -> str:
    if converted:
        return "traditional"
    if read and len(set(read.formats.values())) > 1:
        return "mixed-templates"
    forms = sorted({b.form for b in _grids(blocks) if read})
    return "+".join(forms) if forms else "prose"


def _year(title: str, text: str, given: int | None, warnings: list[str]) -> int:
    found, where = find_year(title, text)
    if given is None and found is None:
        raise ImportFailed("找不到报告年度（标题和正文中都没有“20xx年”）：请用 --year 指定")
    if given is not None and found is not None and given != found:
        warnings.append(f"--year {given} 与{where}中的年份 {found} 不同，按 --year 处理")
    return given or found


def _grids(blocks) -> list[Grid]:
    return [b for b in blocks if isinstance(b, Grid)]


def _cells(grid: Grid) -> list[str]:
    return [c for row in grid.rows for c in row]


# The field names of a portal's metadata table (索引号 | 000014349/2023-00031 | 发布机构 | …)
META_KEYS = frozenset(
    (
        *("索引号", "主题分类", "组配分类", "体裁分类", "发布机构", "发文机关", "发文机构"),
        *("责任部门", "信息来源", "来源"),
        *("发布日期", "发文日期", "成文日期", "生成日期", "发布时间", "文号", "发文字号", "名称", "标题"),
        *("有效性", "时效性", "是否有效", "关键词", "主题词", "公开方式", "公开范围", "公开形式", "公开时限"),
    )
)


def _meta_key(cell: str) -> bool:
    return re.sub(r"[\s\u3000\xa0:：]", "", cell) in META_KEYS


def _row_text(row: tuple[str, ...]) -> str:
    """A table row as one line, with a colon after a metadata field name printed in a cell of its own."""
    return " ".join(c.strip() + ("：" if _meta_key(c) and not c.strip().endswith(("：", ":")) else "") for c in row)


def _clean_block(block: Block) -> Block | None:
    """Boilerplate lines go; so does a page's metadata table (索引号, 发布日期, 点击数), once read."""
    if isinstance(block, str):
        return clean_line(block)
    if all(clean_line(c) is None or not c.strip() for c in _cells(block)):
        return None
    if sum(_meta_key(c) for c in _cells(block)) >= 3:
        return None
    return block


def _drop_leading_lines(blocks: list[Block], count: int) -> list[Block]:
    out, seen = [], 0
    for block in blocks:
        if isinstance(block, str) and seen < count:
            seen += 1
            continue
        out.append(block)
    return out


def _meta(title: str, year: int, fmt_id: str, said: dict, lines: list[str], warnings: list[str]) -> dict:
    organ, signed = signature(lines)
    published = parse_date(said["published"]) if "published" in said else signed
    if published is not None and published < date(year, 12, 31):
        warnings.append(f"发布日期 {published} 早于 {year} 年底，不可能是年度报告的发布日期，未填写")
        published = None
    meta: dict = {"year": year}
    if published:
        meta["published"] = published.isoformat()
    if said.get("organ") or organ:
        meta["organ"] = said.get("organ") or organ
    if title:
        meta["title"] = title
    if said.get("index_no"):
        meta["index_no"] = said["index_no"]
    meta["format"] = fmt_id
    return meta


def _figures(paras: list[Paragraph], derived: dict, held: frozenset, warnings: list[str]) -> tuple[dict, dict]:
    """Per figure: the tables' value where they were read, else what the prose states. A figure that a
    printed table holds but whose cells could not be read stays empty: the prose does not stand in for
    the table, as the two disagree in real reports (景芝镇 2019: prose 0, table 1)."""
    hits, notes = pick_figures(paragraph_matches((p.section, p.text) for p in paras if p.level == 0))
    warnings += notes
    figures: dict = {}
    quotes: dict = {}
    for figure in FIGURES:
        name, hit = figure.name, hits.get(figure.name)
        if name in derived:
            figures[name] = derived[name]
            if hit and hit.value != derived[name]:
                warnings.append(f"正文“{hit.sentence}”与表格不一致（表格为 {derived[name]}），以表格为准，请核对原件")
        elif name in held:
            figures[name] = None
            if hit:
                warnings.append(f"表格中“{figure.label}”所需的格未能读出，正文写“{hit.sentence}”，未填，请对照原件补录表格")
        else:
            figures[name] = hit.value if hit else None
            if hit:
                quotes[name] = hit.sentence
    return figures, quotes
