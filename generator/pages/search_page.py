"""The /search/ page's context: the filter choices, known at build time, so that the form works
before the search index has loaded anything."""

from __future__ import annotations

from generator.model.site import Site, township_label
from generator.model.site_index import SiteIndex
from generator.model.urls import Urls
from generator.search.postings import bucket_count


def search_context(site: Site, index: SiteIndex, urls: Urls) -> dict:
    counties = sorted(index.counties.values(), key=lambda c: (c.province, c.city, c.name))
    formats = sorted({site.schemas[r.format].name for r in site.reports})
    return {
        "title": "全文搜索",
        "description": f"在 {len(site.reports)} 份年度报告和各乡镇、年度、地区页面中查找文字",
        "index": urls.search_index(),
        "buckets": bucket_count(len(site.reports)),
        "cards": urls.search_cards(),
        # a region may also be named by its slug in a URL (?region=anqiu): the menu shows its name
        "region_aliases": [f"{c.slug}\t{c.name}" for c in counties],
        "filters": [
            ("region", "地区", [c.name for c in counties]),
            ("township", "乡镇", [township_label(t) for c in counties for t in c.townships]),
            ("year", "年度", [str(y) for y in reversed(index.years)]),
            ("format", "报告格式", formats),
        ],
    }
