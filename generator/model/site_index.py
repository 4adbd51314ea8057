"""Indexes over the site, each built in one pass (no O(n²) scans in page contexts)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from generator.model.site import Report, Site, Township


@dataclass(frozen=True)
class County:
    slug: str
    name: str
    city: str
    province: str
    townships: tuple[Township, ...]


@dataclass(frozen=True)
class City:
    name: str
    counties: tuple[County, ...]


@dataclass(frozen=True)
class Province:
    name: str
    cities: tuple[City, ...]


@dataclass(frozen=True)
class SiteIndex:
    townships: dict[str, Township]
    by_township: dict[str, tuple[Report, ...]]  # sorted by year
    by_year: dict[int, tuple[Report, ...]]  # sorted by township slug
    counties: dict[str, County]
    provinces: tuple[Province, ...]
    years: tuple[int, ...]  # every year with at least one report, ascending
    previous: dict[tuple[str, int], Report]  # the township's report before this one
    following: dict[tuple[str, int], Report]
    by_key: dict[tuple[str, int], Report] = field(default_factory=dict)  # (township, year) → report

    def report(self, township: str, year: int) -> Report:
        return self.by_key[(township, year)]

    def reports_of_county(self, county: County) -> tuple[Report, ...]:
        return tuple(r for t in county.townships for r in self.by_township.get(t.slug, ()))


def build_index(site: Site) -> SiteIndex:
    by_township: dict[str, list[Report]] = defaultdict(list)
    by_year: dict[int, list[Report]] = defaultdict(list)
    for report in site.reports:
        by_township[report.township].append(report)
        by_year[report.year].append(report)
    previous, following = {}, {}
    for reports in by_township.values():
        for older, newer in itertools.pairwise(reports):
            previous[newer.key] = older
            following[older.key] = newer
    counties = _counties(site.townships)
    return SiteIndex(
        townships={t.slug: t for t in site.townships},
        by_township={k: tuple(v) for k, v in by_township.items()},
        by_year={k: tuple(v) for k, v in sorted(by_year.items())},
        counties=counties,
        provinces=_provinces(counties),
        years=tuple(sorted(by_year)),
        previous=previous,
        following=following,
        by_key={r.key: r for r in site.reports},
    )


def _counties(townships: tuple[Township, ...]) -> dict[str, County]:
    groups: dict[str, list[Township]] = defaultdict(list)
    for township in townships:
        groups[township.county_slug].append(township)
    counties = {}
    for slug, members in sorted(groups.items()):
        first = members[0]
        members.sort(key=lambda t: t.name)
        counties[slug] = County(slug, first.county, first.city, first.province, tuple(members))
    return counties


# Provinces in the order of their GB/T 2260 codes (北京 11 … 新疆 65, then 台湾, 香港, 澳门), the
# order Chinese readers expect; a name not listed here sorts after them.
PROVINCE_ORDER = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
    "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
    "宁夏回族自治区", "新疆维吾尔自治区", "台湾省", "香港特别行政区", "澳门特别行政区",
)


def _province_key(name: str) -> tuple[int, str]:
    return (PROVINCE_ORDER.index(name), "") if name in PROVINCE_ORDER else (len(PROVINCE_ORDER), name)


def _provinces(counties: dict[str, County]) -> tuple[Province, ...]:
    tree: dict[str, dict[str, list[County]]] = defaultdict(lambda: defaultdict(list))
    for county in counties.values():
        tree[county.province][county.city].append(county)
    return tuple(
        Province(p, tuple(City(c, tuple(sorted(cs, key=lambda x: x.name))) for c, cs in sorted(cities.items())))
        for p, cities in sorted(tree.items(), key=lambda item: _province_key(item[0]))
    )


def year_gaps(reports: tuple[Report, ...]) -> dict[str, tuple[int, ...]]:
    """Township slug → the years missing between its first and last report (for the year page)."""
    years: dict[str, set[int]] = defaultdict(set)
    for report in reports:
        years[report.township].add(report.year)
    gaps = {
        slug: tuple(y for y in range(min(have), max(have)) if y not in have) for slug, have in sorted(years.items())
    }
    return {slug: missing for slug, missing in gaps.items() if missing}
