"""The Frictionless Data Package (datapackage.json) describing every CSV under /data/, and the
field vocabulary shared by the CSV writers and the /data/ page: types, labels and units come
from the schema files (cells.py) and the figure vocabulary (model.FIGURES)."""

from __future__ import annotations

from generator.model.cells import CellDef, table_cells
from generator.model.pages import used_tables
from generator.model.site import FIGURES, Site
from generator.model.site_index import SiteIndex
from generator.model.urls import Urls

# (id, Chinese label, Table Schema type) of the columns that say which report a row is from.
TOWNSHIP_FIELDS = (
    ("township", "乡镇代号", "string"),
    ("township_name", "乡镇", "string"),
    ("county", "县（市、区）", "string"),
    ("city", "市", "string"),
    ("province", "省", "string"),
    ("code", "行政区划代码", "string"),
    ("year", "报告年度", "integer"),
)
# The long format of one report's tables.csv: one row per cell.
# Schema cell types → Table Schema types; counts are 件 unless the schema prints a unit.
FIELD_TYPES = {"count": "integer", "signed_count": "integer", "money": "number"}
TYPE_LABELS = {"count": "计数（非负整数）", "signed_count": "增减数（整数，可为负）", "money": "金额（非负数）"}
MISSING = [""]  # an empty CSV cell: printed blank (tables) or not stated (figures)
DIALECT = {"delimiter": ",", "header": True, "headerRows": [1], "commentRows": [2]}
CSV_COMMON = {"profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}


def bulk_columns(site: Site, fmt_id: str, table_id: str) -> tuple[CellDef, ...]:
    fmt = site.schemas[fmt_id]
    return table_cells(fmt, fmt.table(table_id))


def plain_field(name: str, title: str, kind: str) -> dict:
    return {"name": name, "title": title, "type": kind}


def cell_field(cell: CellDef) -> dict:
    field = {
        "name": cell.id,
        "title": cell.label,
        "type": FIELD_TYPES[cell.type],
        "description": TYPE_LABELS[cell.type],
    }
    unit = cell.unit or ("件" if cell.type != "money" else None)
    if unit:
        field["unit"] = unit
    if cell.type != "signed_count":
        field["constraints"] = {"minimum": 0}
    return field


def township_fields() -> list[dict]:
    return [plain_field(*f) for f in TOWNSHIP_FIELDS]


def figure_fields() -> list[dict]:
    fields = [*township_fields(), plain_field("format", "报告格式", "string")]
    for fig in FIGURES:
        fields.append(
            {"name": fig.name, "title": fig.label, "type": "number", "unit": fig.unit, "constraints": {"minimum": 0}}
        )
        fields.append(
            {
                "name": f"{fig.name}_origin",
                "title": f"{fig.label}：来源",
                "type": "string",
                "constraints": {"enum": ["table", "prose"]},
            }
        )
    return fields


# The open-data licences a portal is likely to choose (site.yaml `license:`), by SPDX id.
LICENSES = {
    "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/", "知识共享 署名 4.0 国际（CC BY 4.0）"),
    "CC-BY-SA-4.0": ("https://creativecommons.org/licenses/by-sa/4.0/", "知识共享 署名-相同方式共享 4.0 国际"),
    "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0 公有领域贡献"),
    "ODC-By-1.0": ("https://opendatacommons.org/licenses/by/1-0/", "开放数据共享 署名许可 1.0"),
    "ODbL-1.0": ("https://opendatacommons.org/licenses/odbl/1-0/", "开放数据库许可 1.0"),
    "PDDL-1.0": ("https://opendatacommons.org/licenses/pddl/1-0/", "开放数据共享 公有领域贡献与许可 1.0"),
}


def licenses(license: str) -> list[dict]:
    """The package's `licenses`: a known SPDX id with its page and title, a URL as it is, or the
    id alone; none when site.yaml names none."""
    if not license:
        return []
    if license.startswith(("https://", "http://")):
        return [{"path": license, "title": license}]
    known = {key.lower(): key for key in LICENSES}.get(license.lower())
    if known:
        path, title = LICENSES[known]
        return [{"name": known, "path": path, "title": title}]
    return [{"name": license, "title": license}]


def datapackage(site: Site, index: SiteIndex, urls: Urls) -> dict:
    base = urls.data_home()
    resources = [
        {
            "name": "figures",
            "path": "figures.csv",
            "title": "各报告关键数字",
            **CSV_COMMON,
            "dialect": DIALECT,
            "schema": {"fields": figure_fields(), "missingValues": MISSING, "primaryKey": ["township", "year"]},
        }
    ]
    for fmt_id, table_id in used_tables(site):
        fmt = site.schemas[fmt_id]
        table = fmt.table(table_id)
        fields = township_fields() + [cell_field(c) for c in bulk_columns(site, fmt_id, table_id)]
        resources.append(
            {
                "name": f"{fmt_id}-{table_id}",
                "path": f"{fmt_id}-{table_id}.csv",
                "title": f"{fmt.name}{table.number}{table.caption}",
                **CSV_COMMON,
                "dialect": DIALECT,
                "schema": {"fields": fields, "missingValues": MISSING, "primaryKey": ["township", "year"]},
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "xxgk-open-data",
        "title": site.config.title,
        "description": site.config.description,
        "homepage": urls.absolute(base),
        **({"licenses": licenses(site.config.license)} if site.config.license else {}),
        "resources": resources,
    }
