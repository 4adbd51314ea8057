"""Parsed files → a typed Site, with every field-level problem found on the way."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from pathlib import PurePosixPath
from urllib.parse import urlparse

from generator.content.fields import FieldReader, as_mapping
from generator.content.quantities import read_quantity, shown
from generator.content.table_values import derive_figures, read_tables
from generator.model.problems import WARNING, Problem
from generator.model.schema import Schemas, format_for_year
from generator.model.site import FIGURE_NAMES, ContentPage, Figure, Report, SiteConfig, Township
from generator.model.source import Source
from generator.model.urls import RESERVED

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)  # used with fullmatch: "$" lets a final newline in
YEAR_MIN = 2008  # the 条例 took effect on 2008-05-01; no report predates it
FUTURE_MARGIN = timedelta(days=31)
CONFIG_FIELDS = (
    "title", "base_url", "publisher", "contact", "language", "description",
    "sponsor", "operator", "site_code", "icp", "icp_link", "police_record", "police_link", "license", "repository",
)
ICP_LINK = "https://beian.miit.gov.cn/"  # 工业和信息化部 ICP/IP地址/域名信息备案管理系统
POLICE_LINK = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"  # 全国互联网安全管理服务平台
# The content repository, where the editors' form sends new reports: https://github.com/<owner>/<repo>,
# optionally /tree/<branch> (default main); owner/repo alone is read as that.
GITHUB_REPOSITORY = re.compile(
    r"https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?(?:/tree/([A-Za-z0-9._/-]+?))?/?", re.ASCII
)
GITHUB = "https://github.com/{owner}"
OWNER_REPO = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+", re.ASCII)
TOWNSHIP_FIELDS = ("name", "county", "city", "province", "code", "county_slug")
REPORT_FIELDS = ("year", "published", "organ", "title", "index_no", "format", "source", "figures", "tables")
PAGE_FIELDS = ("title", "description")


def assemble_config(source: Source | None) -> tuple[SiteConfig | None, list[Problem]]:
    problems: list[Problem] = []
    return _config(source, problems), problems


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


def _config(source: Source | None, problems: list[Problem]) -> SiteConfig | None:
    if source is None:
        return None
    reader = FieldReader(source)
    reader.unknown(CONFIG_FIELDS, "站点配置")
    title = reader.text("title", "站点名称", required=True)
    base_url = reader.text("base_url", "站点地址", required=True, default="/")
    if not valid_base_url(base_url):
        reader.problem(
            ("base_url",), "config.base_url", f"base_url 应为 / 、/路径/ 或 https://域名/路径/，实为“{base_url}”"
        )
    config = SiteConfig(
        title,
        base_url,
        base_path_of(base_url),
        reader.text("publisher", "发布者"),
        reader.text("contact", "联系方式"),
        reader.text("language", "语言", default="zh-CN"),
        reader.text("description", "站点简介"),
        source.digest,
        **_official(reader),
    )
    problems += reader.problems
    return config


def _official(reader: FieldReader) -> dict[str, str]:
    """The footer's official-site fields, and the data licence and repository (all optional)."""
    icp = reader.text("icp", "ICP备案号")
    police = reader.text("police_record", "公安机关备案号")
    digits = "".join(re.findall(r"\d", police))
    return {
        "sponsor": reader.text("sponsor", "主办单位"),
        "operator": reader.text("operator", "承办单位"),
        "site_code": reader.text("site_code", "网站标识码"),
        "icp": icp,
        "icp_link": reader.text("icp_link", "ICP备案号链接", default=ICP_LINK if icp else ""),
        "police_record": police,
        "police_link": reader.text("police_link", "公安机关备案号链接",
                                   default=POLICE_LINK.format(code=digits) if digits else ""),
        "license": reader.text("license", "开放数据许可"),
        "repository": _repository(reader),
    }


def _repository(reader: FieldReader) -> str:
    repository = reader.text("repository", "内容仓库")
    if OWNER_REPO.fullmatch(repository):
        repository = GITHUB.format(owner=repository)
    if repository and not GITHUB_REPOSITORY.fullmatch(repository):
        reader.problem(
            ("repository",),
            "config.repository",
            f"repository 应为 GitHub 仓库地址，如 https://github.com/组织名/仓库名"
            f"（可加 /tree/分支名），实为“{repository}”",
        )
        return ""
    return repository


def relative_base_url(config: SiteConfig, source: Source) -> list[Problem]:
    """The sitemap and the Atom feeds need absolute URLs: a build for a base_url of "/" (and no
    --base-url) writes ones that search engines and feed readers reject."""
    if urlparse(config.base_url).scheme:
        return []
    message = (
        f"base_url “{config.base_url}” 不是完整网址：sitemap.xml 和订阅（Atom）中的链接将是相对地址，搜索引擎和"
        "阅读器不认。请写成网站的正式地址，如 https://xxgk.example.gov.cn/；用 GitHub Pages 发布时由发布工作流的 "
        "--base-url 传入"
    )
    line = source.line_of("base_url") if "base_url" in source.meta else 0
    return [Problem(source.path, line, "config.base_url_relative", message, WARNING)]


def base_path_of(base_url: str) -> str:
    """The path part of a base URL, always starting and ending in "/"."""
    path = urlparse(base_url).path.strip("/")
    return f"/{path}/" if path else "/"


def valid_base_url(base_url: str) -> bool:
    parsed = urlparse(base_url)
    return parsed.scheme in ("", "http", "https") and bool(not parsed.scheme or parsed.netloc)


def with_base_url(config: SiteConfig, base_url: str) -> SiteConfig:
    """site.yaml's base_url replaced, e.g. by the GitHub Pages URL that the deploy workflow is given."""
    return replace(config, base_url=base_url, base_path=base_path_of(base_url))


def _townships(sources: dict[str, Source | None], problems: list[Problem]) -> tuple[Township, ...]:
    townships, seen_names, seen_codes = [], {}, {}
    for slug, source in sorted(sources.items()):
        if not SLUG.fullmatch(slug):
            problems.append(
                Problem(
                    f"content/townships/{slug}",
                    0,
                    "township.slug",
                    f"乡镇目录名“{slug}”只能用小写字母、数字和连字符，如 anqiu-jingzhi",
                )
            )
            continue
        if source is None:
            continue
        reader = FieldReader(source)
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
        if (name, county) in seen_names:
            reader.problem(
                ("name",),
                "township.duplicate",
                f"{county}{name}已在 {seen_names[(name, county)]} 中登记，同一乡镇只能有一个目录",
            )
        if code and code in seen_codes:
            reader.problem(("code",), "township.duplicate", f"行政区划代码 {code} 已被 {seen_codes[code]} 使用")
        seen_names[(name, county)] = source.path
        if code:
            seen_codes[code] = source.path
        problems += reader.problems
        townships.append(Township(slug, name, county, city, province, county_slug, code, source.path, source.digest))
    return tuple(townships)


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
    slug, file_year = folder.name, int(PurePosixPath(source.path).stem)
    year = reader.integer("year", "报告年度", required=True)
    if year is not None and year != file_year:
        reader.problem(("year",), "report.year_mismatch", f"year 为 {year}，文件名却是 {file_year}.md，二者应一致")
    if year is not None and not YEAR_MIN <= year <= today.year:
        reader.problem(("year",), "year.range", f"报告年度 {year} 不在 {YEAR_MIN}–{today.year} 之间")
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
        township=slug,
        year=year,
        path=source.path,
        digest=source.digest,
        body=source.body,
        body_line=source.body_line,
        published=published,
        format=fmt_id,
        attachment=attachment,
        title=title,
        organ=organ,
        index_no=index_no,
        figures={**figures, **derived},
        tables=tables,
        origin=source,
    )


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
