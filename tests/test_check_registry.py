"""Every check is listed once (checks/registry.py), and `xxgk check`, `xxgk build` and
`xxgk serve` all run that list: a check added there reaches all three."""

from __future__ import annotations

from dataclasses import replace

from generator.checks.registry import CHECKS, SiteCheck, TownshipCheck
from generator.engine.build import BuildOptions, build
from generator.engine.check import check
from generator.model.problems import WARNING, Problem
from generator.serve.server import DevServer
from tests.conftest import TODAY


def _every_report(reports, schemas) -> list[Problem]:  # module level: spawned workers unpickle it
    return [Problem(r.path, 2, "test.throwaway", f"试用检查：{r.year} 年", WARNING) for r in reports]


def _the_site(site, known) -> list[Problem]:
    return [Problem("content/site.yaml", 1, "test.site_wide", f"试用检查：{len(site.reports)} 份报告", WARNING)]


THROWAWAY = replace(
    CHECKS,
    townships=(*CHECKS.townships, TownshipCheck("throwaway", _every_report)),
    site=(*CHECKS.site, SiteCheck("site_wide", _the_site)),
)
EXPECTED = {
    ("test.throwaway", "content/townships/anqiu-jingzhi/2019.md", 2),
    ("test.throwaway", "content/townships/miyun-bulaotun/2013.md", 2),
    ("test.site_wide", "content/site.yaml", 1),
}


def _found(problems) -> set[tuple[str, str, int]]:
    return {(p.code, p.path, p.line) for p in problems if p.code.startswith("test.")}


def test_a_check_registered_once_is_run_by_check_build_and_serve(sample_root, tmp_path):
    assert _found(check(sample_root, TODAY, cache=False, checks=THROWAWAY)) >= EXPECTED
    built = build(sample_root, BuildOptions(tmp_path / "site", jobs=1, today=TODAY), checks=THROWAWAY)
    assert built.ok and _found(built.problems) >= EXPECTED
    with DevServer(sample_root, "127.0.0.1", 0, jobs=1, checks=THROWAWAY) as server:
        assert _found(server.status.result.problems) >= EXPECTED
    assert _found(check(sample_root, TODAY, cache=False)) == set()  # the default list is untouched
