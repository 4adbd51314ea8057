"""Parsed files → a typed Site, with every field-level problem found on the way."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import PurePosixPath

from generator.content.fields import FieldReader, as_mapping
from generator.content.quantities import read_quantity, shown
from generator.content.table_values import derive_figures, read_tables
from generator.model.problems import Problem
from generator.model.schema import Schemas, format_for_year
from generator.model.site import FIGURE_NAMES, ContentPage, Figure, Report, Township
from generator.model.source import Source
from generator.model.urls import RESERVED

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)  # used with fullmatch: "$" lets a final newline in
YEAR_MIN = 2008  # the 条例 took effect on 2008-05-01; no report predates it
FUTURE_MARGIN = timedelta(days=31)
TOWNSHIP_FIELDS = ("name", "county", "city", "province", "code", "county_slug")
REPORT_FIELDS = ("year", "published", "organ", "title", "index_no", "format", "source", "figures", "tables")
PAGE_FIELDS = ("title", "description")


def assemble_townships(sources: Mapping[str, Source | None]) -> tuple[tuple[Township, ...], list[Problem]]:
    """Township folder name → its township.yaml (None: missing or unreadable)."""
    problems: list[Problem] = []
    return _townships(dict(sources), problems), problems


def assemble_pages(sources: tuple[Source, ...]) -> tuple[tuple[ContentPage, ...], list[Problem]]:
    problems: list[Problem] = []
    return tuple(p for p in (_page(s, problems) for s in sources) if p), problems


def assemble_report(
    source: Source, townships: Mapping[str, Township], schemas: Schemas, attachments: frozenset[str], today: date
) -> tuple[Report | None, list[Problem]]:
    """One report file; `today` is passed in (not read from the clock) so that checks are reproducible."""
    problems: list[Problem] = []
    return _report(source, townships, schemas, attachments, today, problems), problems


def _townships(sources: dict[str, Source | None], problems: list[Problem]) -> tuple[Township, ...]:
    townships, seen_names, seen_codes = [], {}, {}
    for slug, source in sorted(sources.items()):
        if not SLUG.fullmatch(slug):
            message = f"乡镇目录名“{slug}”只能用小写字母、数字和连字符，如 anqiu-jingzhi"
            problems.append(Problem(f"content/townships/{slug}", 0, "township.slug", message))
            continue
        if source is None:
            continue
        reader = FieldReader(source)
        township = _township(slug, reader)
        name, county, code = township.name, township.county, township.code
        if (name, county) in seen_names:
            message = f"{county}{name}已在 {seen_names[(name, county)]} 中登记，同一乡镇只能有一个目录"
            reader.problem(("name",), "township.duplicate", message)
        if code and code in seen_codes:
            reader.problem(("code",), "township.duplicate", f"行政区划代码 {code} 已被 {seen_codes[code]} 使用")
        seen_names[(name, county)] = source.path
        if code:
            seen_codes[code] = source.path
        problems += reader.problems
        townships.append(township)
    return tuple(townships)


def _township(slug: str, reader: FieldReader) -> Township:
    """One township.yaml; its problems are left in the reader."""
    reader.unknown(TOWNSHIP_FIELDS, "township.yaml ")
    name = reader.text("name", "乡镇名称", required=True)
    county = reader.text("county", "县（市、区）", required=True)
    city = reader.text("city", "市（州）", required=True)
    province = reader.text("province", "省（区、市）", required=True)
    code = reader.text("code", "行政区划代码")
    if code and not re.fullmatch(r"[0-9]{9}|[0-9]{12}", code):
        reader.problem(("code",), "township.code", f"行政区划代码应为 9 位或 12 位数字，实为“{code}”")
    county_slug = reader.text("county_slug", "县级目录名", default=slug.split("-")[0])
    if not SLUG.fullmatch(county_slug):
        reader.problem(("county_slug",), "township.slug", f"county_slug“{county_slug}”只能用小写字母、数字和连字符")
    source = reader.source
    return Township(slug, name, county, city, province, county_slug, code, source.path, source.digest)


def _report(
    source: Source,
    townships: Mapping[str, Township],
    schemas: Schemas,
    attachments: frozenset[str],
    today: date,
    problems: list[Problem],
) -> Report | None:
    reader = FieldReader(source)
    reader.unknown(REPORT_FIELDS, "报告元数据")
    folder = PurePosixPath(source.path).parent
    slug, year = folder.name, _year(reader, int(PurePosixPath(source.path).stem), today)
    township = townships.get(slug)
    problems += reader.problems
    if year is None or township is None:
        return None
    reader.problems = []
    published = _published(reader, year, today)
    fmt_id = _format(reader, schemas, year)
    attachment = _attachment(reader, folder, attachments)
    tables, table_problems = read_tables(source, schemas, fmt_id)
    figures = _figures(reader)
    derived, derive_problems = derive_figures(source, schemas, tables, figures)
    # Read before collecting the reader's problems, so that a wrong type here is reported too.
    title = reader.text("title", "标题", default=f"{township.name}{year}年政府信息公开工作年度报告")
    organ = reader.text("organ", "发布机构", default=f"{township.county}{township.name}人民政府")
    index_no = reader.text("index_no", "索引号")
    problems += reader.problems + table_problems + derive_problems
    return Report(
        township=slug, year=year, path=source.path, digest=source.digest, body=source.body,
        body_line=source.body_line, published=published, format=fmt_id, attachment=attachment, title=title,
        organ=organ, index_no=index_no, figures={**figures, **derived}, tables=tables, origin=source,
    )  # fmt: skip


def _year(reader: FieldReader, file_year: int, today: date) -> int | None:
    year = reader.integer("year", "报告年度", required=True)
    if year is not None and year != file_year:
        reader.problem(("year",), "report.year_mismatch", f"year 为 {year}，文件名却是 {file_year}.md，二者应一致")
    if year is not None and not YEAR_MIN <= year <= today.year:
        reader.problem(("year",), "year.range", f"报告年度 {year} 不在 {YEAR_MIN}–{today.year} 之间")
    return year


def _published(reader: FieldReader, year: int, today: date) -> date | None:
    published = reader.date("published", "发布日期")
    if published is None:
        return None
    if published > today + FUTURE_MARGIN:
        reader.problem(("published",), "date.future", f"发布日期 {published} 在未来，请核对")
    elif published < date(year, 12, 31):
        reader.problem(
            ("published",),
            "date.before_year_end",
            f"发布日期 {published} 早于报告年度 {year} 结束，年度报告应在次年发布，请核对年份",
        )
    elif published == date(year, 12, 31):
        reader.problem(
            ("published",),
            "date.year_end",
            f"发布日期 {published} 是报告年度的最后一天，年度统计尚未结束，请核对是否为落款日期",
            "warning",
        )
    return published


def _format(reader: FieldReader, schemas: Schemas, year: int) -> str:
    expected = format_for_year(schemas, year)
    fmt_id = reader.text("format", "报告格式", default=expected.id if expected else "pre2019")
    if fmt_id not in schemas:
        reader.problem(("format",), "format.unknown", f"没有“{shown(fmt_id)}”这种格式，可选：{'、'.join(schemas)}")
        return expected.id if expected else "pre2019"
    if expected and fmt_id != expected.id:
        reader.problem(
            ("format",),
            "format.year_mismatch",
            f"{year} 年的报告通常用 {expected.id}（{expected.name}），这里写的是 {fmt_id}，请核对",
            "warning",
        )
    return fmt_id


def _attachment(reader: FieldReader, folder: PurePosixPath, attachments: frozenset[str]) -> str:
    name = reader.text("source", "原始文件")
    if not name:
        return ""
    if "/" in name or "\\" in name or name.startswith("."):
        reader.problem(("source",), "attachment.outside", f"附件“{name}”须是与报告同目录的文件名，不能含路径")
        return ""
    if f"{folder}/{name}" not in attachments:
        reader.problem(("source",), "attachment.missing", f"找不到附件 {folder}/{name}，请上传该文件或删去 source 字段")
        return ""
    return name


def _figures(reader: FieldReader) -> dict[str, Figure]:
    figures = {}
    for name, value in as_mapping(reader, "figures", "关键数字").items():
        keys = ("figures", name)
        reading = read_quantity(value, "money" if name == "fees" else "count")
        if name not in FIGURE_NAMES:
            reader.problem(keys, "figure.unknown", f"不认识的关键数字“{name}”，可用：{'、'.join(FIGURE_NAMES)}")
        elif reading.value is None:
            code = "figure.range" if reading.kind == "range" else "figure.type"
            unit = "；不要带“条”“件”等单位" if reading.kind == "type" and isinstance(value, str) else ""
            reader.problem(keys, code, f"关键数字“{name}”{reading.reason}{unit}")
        else:
            figures[name] = Figure(name, reading.value, "prose", reader.source.line_of(*keys))
    return figures


def _page(source: Source, problems: list[Problem]) -> ContentPage | None:
    reader = FieldReader(source)
    reader.unknown(PAGE_FIELDS, "页面元数据")
    name = PurePosixPath(source.path).stem
    if not SLUG.fullmatch(name) or name in RESERVED:
        reader.problem(
            ("title",),
            "page.name",
            f"页面文件名“{name}.md”只能用小写字母、数字和连字符，且不能是 {'、'.join(sorted(RESERVED))}",
        )
    title = reader.text("title", "页面标题", required=True)
    problems += reader.problems
    return ContentPage(
        name, title, reader.text("description", "页面简介"), source.body, source.body_line, source.path, source.digest
    )
