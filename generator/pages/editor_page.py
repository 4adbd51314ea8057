"""The editors' form (/editor/, issue 23): its template context, and the two kinds of JSON file it
reads besides the reports' own data: the format documents (format_document.py) and the list of
townships with the years they have reports for. The form itself runs in the browser
(templates/static/editor*.js); everything it knows about a format comes from its format document."""

from __future__ import annotations

import json

from generator.content.assemble import YEAR_MIN
from generator.content.site_config import GITHUB_REPOSITORY
from generator.model.pages import Page
from generator.model.site import Site
from generator.model.site_index import SiteIndex
from generator.model.urls import Urls
from generator.pages.format_document import format_document_bytes

# Where a report lives in the content repository; {slug} and {year} are filled in by the form.
REPORT_PATH = "content/townships/{slug}/{year}.md"


def github_links(repository: str) -> dict[str, str]:
    """GitHub's new-file and edit pages of the content repository ({} without one). The new-file
    page takes the file name and, where the address is not too long, the content (`?filename=`,
    `&value=`); the edit page takes neither, so the form copies the file first."""
    match = GITHUB_REPOSITORY.fullmatch(repository or "")
    if not match:
        return {}
    owner, name, branch = match.group(1), match.group(2), match.group(3) or "main"
    base = f"https://github.com/{owner}/{name}"
    folder, file_name = REPORT_PATH.rsplit("/", 1)
    return {
        "new": f"{base}/new/{branch}/{folder}?filename={file_name}",
        "edit": f"{base}/edit/{branch}/{REPORT_PATH}",
        "repository": base,
    }


def editor_context(page: Page, site: Site, index: SiteIndex, urls: Urls, converter) -> dict:
    help_page = next((p for p in site.pages if p.name == "help"), None)
    config = {
        "townships": urls.editor_townships(),
        "formats": {fmt_id: urls.format_document(fmt_id) for fmt_id in sorted(site.schemas)},
        # URL patterns made by the routing table, with placeholders the form fills in
        "report_json": urls.report_data("{slug}", "{year}", "report.json"),  # type: ignore[arg-type]
        "report_page": urls.report("{slug}", "{year}"),  # type: ignore[arg-type]
        "path": REPORT_PATH,
        "github": github_links(site.config.repository),
        "year_min": YEAR_MIN,  # the first year a report can be for (the 条例 took effect in 2008)
    }
    return {
        "title": "在线填报年度报告",
        "description": "按统一格式逐格填写政府信息公开工作年度报告的统计表，边填边核对勾稽关系，生成报告文件并提交",
        "editor_config": json.dumps(config, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        "help_url": urls.page("help") if help_page else "",
        "repository": config["github"].get("repository", ""),
    }


def editor_townships(site: Site, index: SiteIndex) -> dict:
    """Every township with its region and the years it has a report for (the form offers to load
    and correct those), in the site's order."""
    return {
        "townships": [
            {
                "slug": t.slug,
                "name": t.name,
                "county": t.county,
                "city": t.city,
                "province": t.province,
                "years": [r.year for r in index.by_township.get(t.slug, ())],
            }
            for t in site.townships
        ]
    }


def format_document_file(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    return format_document_bytes(site.schemas[page.key[0]])


def editor_townships_file(page: Page, site: Site, index: SiteIndex, urls: Urls) -> bytes:
    text = json.dumps(editor_townships(site, index), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")
