"""schema.org JSON-LD for a report page: the Report, the GovernmentOrganization that issued it,
and the Dataset of its downloads. Serialised so that it can never close its <script> element."""

from __future__ import annotations

import json

from generator.model.site import Report, SiteConfig, Township
from generator.model.urls import Urls


def report_downloads(report: Report, urls: Urls) -> list[tuple[str, str, str]]:
    """(label, URL, media type) of a report's own downloads."""
    files = [
        (
            "JSON（元数据、关键数字、统计表各格）",
            urls.report_data(report.township, report.year, "report.json"),
            "application/json",
        )
    ]
    if report.tables:
        files.append(
            ("CSV（统计表，每格一行）", urls.report_data(report.township, report.year, "tables.csv"), "text/csv")
        )
    return files


def report_jsonld(config: SiteConfig, report: Report, township: Township, urls: Urls) -> str:
    page = urls.absolute(urls.report(report.township, report.year))
    nodes = [
        _report_node(config, report, page),
        _organization(report, township, page),
        _dataset(report, township, urls, page),
    ]
    data = {"@context": "https://schema.org", "@graph": nodes}
    # Compact, so that the json module encodes it in C (indented, in Python: 4% of a report page).
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "<" only ever appears inside strings: escaping it keeps "</script>" out of the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _organization(report: Report, township: Township, page: str) -> dict:
    city = township.city if township.city != township.province else ""
    return {
        "@type": "GovernmentOrganization",
        "@id": f"{page}#organization",
        "name": report.organ,
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": f"{township.province}{city}{township.county}{township.name}",
        },
    }


def _report_node(config: SiteConfig, report: Report, page: str) -> dict:
    node = {
        "@type": "Report",
        "@id": f"{page}#report",
        "name": report.title,
        "url": page,
        "inLanguage": config.language,
        "temporalCoverage": str(report.year),
        "author": {"@id": f"{page}#organization"},
        "publisher": {"@id": f"{page}#organization"},
    }
    if report.published:
        node["datePublished"] = report.published.isoformat()
    if report.index_no:
        node["identifier"] = report.index_no
    return node


def _dataset(report: Report, township: Township, urls: Urls, page: str) -> dict:
    return {
        "@type": "Dataset",
        "@id": f"{page}#dataset",
        "name": f"{report.title}：关键数字与统计表数据",
        "description": f"{township.county}{township.name}{report.year}年度报告中的关键数字与统计表各格数值",
        "url": urls.absolute(urls.data_home()),
        "creator": {"@id": f"{page}#organization"},
        "temporalCoverage": str(report.year),
        "isAccessibleForFree": True,
        "isBasedOn": {"@id": f"{page}#report"},
        "distribution": [
            {"@type": "DataDownload", "name": label, "contentUrl": urls.absolute(url), "encodingFormat": media}
            for label, url, media in report_downloads(report, urls)
        ],
    }
