"""Every check, listed once: `xxgk check`, `xxgk build` and `xxgk serve` all run this list.

Field checks happen while a file is assembled (content/assemble.py). The checks here look at
assembled reports: a township check reads one township's reports (each with its parsed source, for
line numbers), so its result is kept until one of them changes; a site check reads the whole site
and must be linear in it (it runs on every load).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.checks.across import copy_paste, gap_notices, prose_against_figures
from generator.checks.bodies import broken_body_links, page_body_problems, report_body_problems
from generator.checks.table_rules import table_problems
from generator.model.pages import Known
from generator.model.problems import Problem
from generator.model.schema import Schemas
from generator.model.site import Report, Site


@dataclass(frozen=True)
class TownshipCheck:
    name: str
    run: Callable[[tuple[Report, ...], Schemas], list[Problem]]  # one township's reports, by year


@dataclass(frozen=True)
class SiteCheck:
    name: str
    run: Callable[[Site, Known], list[Problem]]


@dataclass(frozen=True)
class CheckSet:
    townships: tuple[TownshipCheck, ...]
    site: tuple[SiteCheck, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in (*self.townships, *self.site))


def _tables(reports: tuple[Report, ...], schemas: Schemas) -> list[Problem]:
    return table_problems(reports, schemas)


def _copies(reports: tuple[Report, ...], schemas: Schemas) -> list[Problem]:
    return copy_paste(reports, reports)


def _prose(reports: tuple[Report, ...], schemas: Schemas) -> list[Problem]:
    return [p for report in reports for p in prose_against_figures(report, schemas)]


def _gaps(reports: tuple[Report, ...], schemas: Schemas) -> list[Problem]:
    return gap_notices(reports)


def _bodies(reports: tuple[Report, ...], schemas: Schemas) -> list[Problem]:
    return [p for report in reports for p in report_body_problems(report, schemas)]


def _page_bodies(site: Site, known: Known) -> list[Problem]:
    return page_body_problems(site)


CHECKS = CheckSet(
    townships=(
        TownshipCheck("tables", _tables),
        TownshipCheck("copy_paste", _copies),
        TownshipCheck("prose", _prose),
        TownshipCheck("gaps", _gaps),
        TownshipCheck("bodies", _bodies),
    ),
    site=(
        SiteCheck("links", broken_body_links),
        SiteCheck("page_bodies", _page_bodies),
    ),
)
