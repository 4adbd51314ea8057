"""Indexes over the site, each built in one pass (no O(n²) scans in page contexts)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from generator.model import Report, Site, Township


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
    # What pages other than a report's own show of it changes only with its front matter:
    # a body edit re-renders the report page alone.
    summaries: dict[tuple[str, int], str] = field(default_factory=dict)

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
        summaries={r.key: r.origin.head if r.origin and r.origin.head else r.digest for r in site.reports},
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


def _provinces(counties: dict[str, County]) -> tuple[Province, ...]:
    tree: dict[str, dict[str, list[County]]] = defaultdict(lambda: defaultdict(list))
    for county in counties.values():
        tree[county.province][county.city].append(county)
    return tuple(
        Province(p, tuple(City(c, tuple(sorted(cs, key=lambda x: x.name))) for c, cs in sorted(cities.items())))
        for p, cities in sorted(tree.items())
    )
