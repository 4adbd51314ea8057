"""The assembled site: typed, frozen values that every later stage reads and none changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.model.schema import Schemas
from generator.model.source import Source


@dataclass(frozen=True)
class Revision:
    """One commit that changed a file after its first publication."""

    date: str  # commit date, YYYY-MM-DD: when the change landed
    message: str  # the commit's subject line
    commit: str


Cell = int | float | None  # None: printed blank


@dataclass(frozen=True)
class FigureDef:
    name: str
    label: str
    unit: str


# One vocabulary for every format, so that townships and years can be compared (DESIGN.md).
FIGURES: tuple[FigureDef, ...] = (
    FigureDef("proactive_items", "主动公开政府信息", "条"),
    FigureDef("applications_new", "本年新收政府信息公开申请", "件"),
    FigureDef("applications_carried_over", "上年结转申请", "件"),
    FigureDef("applications_carried_forward", "结转下年度继续办理", "件"),
    FigureDef("reviews_total", "行政复议", "件"),
    FigureDef("lawsuits_total", "行政诉讼", "件"),
    FigureDef("fees", "信息公开收费", "元"),
)
FIGURE_NAMES = tuple(f.name for f in FIGURES)


@dataclass(frozen=True)
class SiteConfig:
    title: str
    base_url: str
    base_path: str  # the path part of base_url, always ending in "/"
    publisher: str = ""
    contact: str = ""
    language: str = "zh-CN"
    description: str = ""
    digest: str = ""
    # An official portal's footer (《政府网站发展指引》): shown when set (templates/_site_info.html)
    sponsor: str = ""  # 主办单位
    operator: str = ""  # 承办单位
    site_code: str = ""  # 网站标识码
    icp: str = ""  # ICP备案号
    icp_link: str = ""  # where the ICP number links (default: the MIIT record system)
    police_record: str = ""  # 公安机关备案号
    police_link: str = ""  # where it links (default: the MPS record system, by the number's digits)
    license: str = ""  # the open data's licence (SPDX id or URL), into /data/datapackage.json
    repository: str = ""  # the site's GitHub repository, owner/name or URL (editors' links)


@dataclass(frozen=True)
class Township:
    slug: str
    name: str
    county: str
    city: str
    province: str
    county_slug: str
    code: str = ""
    path: str = ""
    digest: str = ""


def township_label(township: Township) -> str:
    """Township names repeat across China (hundreds of 城关镇): where townships are listed
    together (search filters), the county is named too."""
    return f"{township.county}{township.name}"


@dataclass(frozen=True)
class Figure:
    name: str
    value: int | float
    origin: str  # "table" (derived) or "prose" (typed in figures:)
    line: int = 0


@dataclass(frozen=True)
class TableValues:
    id: str
    format: str
    rows: dict[str, tuple[Cell, ...]]
    line: int = 0


@dataclass(frozen=True)
class Report:
    township: str
    year: int
    title: str
    organ: str
    format: str
    path: str
    digest: str
    body: str
    body_line: int
    published: date | None = None
    index_no: str = ""
    attachment: str = ""  # file name next to the report, if any
    figures: dict[str, Figure] = field(default_factory=dict)
    tables: tuple[TableValues, ...] = ()
    origin: Source | None = field(default=None, compare=False, repr=False)
    # (township, year): how every stage looks a report up, so made once
    key: tuple[str, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.township, self.year))


@dataclass(frozen=True)
class ContentPage:
    name: str
    title: str
    description: str
    body: str
    body_line: int
    path: str
    digest: str


@dataclass(frozen=True)
class ReaderNote:
    """What a reader is told, on the report page, about a problem the checks found in it
    (generator/checks/reader_notes.py): at a key figure, under a table, or for the whole report."""

    target: str  # "figure" | "table" | "report"
    key: str  # the figure's name or the table's id; "" for the report
    text: str  # plain Chinese, e.g. 正文写 0 件，统计表为 1 件


@dataclass(frozen=True)
class Site:
    config: SiteConfig
    townships: tuple[Township, ...]
    reports: tuple[Report, ...]  # sorted by township slug, then year
    pages: tuple[ContentPage, ...]
    schemas: Schemas
    attachments: tuple[str, ...] = ()  # content-relative paths of files copied as they are
    # content path → date of its last git commit (generator/content/revisions.py); empty outside a checkout
    revised: dict[str, str] = field(default_factory=dict)
    # 更正记录: content path → its changes after first publication, from git (history.py); empty outside git
    corrections: dict[str, tuple[Revision, ...]] = field(default_factory=dict)
    # content path → what readers are told about the problems the checks found (reader_notes.py)
    reader_notes: dict[str, tuple[ReaderNote, ...]] = field(default_factory=dict)
