"""Assembling and checking only the reports whose inputs changed, reusing the rest from the parse
cache: what makes a one-report edit cost one report, not the whole site.

A report's assembly depends on its file, its township.yaml, the files next to it (attachments) and
`today`; its table, copy-paste and prose checks on itself and the report of the year before. Both
are memoised under a digest of exactly those inputs, so a memo is reused only for the same inputs.
The checks that look at the whole site (links in bodies resolve against every page, gaps between a
township's years) run every time; the rest of the body checks is memoised too (body_checks.py).
The result is the one `assemble` + `run_checks` give for the whole site (tests compare the two)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePosixPath

from generator.checks.across import copy_paste, gap_notices, prose_against_figures
from generator.checks.bodies import BodyFindings, bodies_checked
from generator.checks.table_rules import table_problems
from generator.content.assemble import assemble
from generator.content.listing import ContentFiles
from generator.engine.forked import forked_map
from generator.engine.parse_cache import ParseCache
from generator.model.problems import Problem
from generator.model.schema import Schemas
from generator.model.site import Report, Site

PARALLEL_FROM = 200  # reports; below this, starting processes for the checks costs more than it saves


@dataclass(frozen=True)
class Assembled:
    """One report as the last build assembled and checked it."""

    key: str  # digest of the assembly inputs
    report: Report | None
    problems: tuple[Problem, ...]
    check_key: str = ""  # digest of the check inputs (this report and the year before)
    checked: tuple[Problem, ...] = ()
    body: BodyFindings | None = None  # the body checks' findings (body_checks.py keys them itself)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _assembly_keys(files: ContentFiles, today: date) -> dict[str, str]:
    nearby: dict[str, list[str]] = defaultdict(list)
    for rel in files.attachments:
        nearby[str(PurePosixPath(rel).parent)].append(rel)
    keys = {}
    for source in files.reports:
        folder = PurePosixPath(source.path).parent
        township = files.townships.get(folder.name)
        town = township.digest if township else ""
        keys[source.path] = _digest(source.digest, town, *sorted(nearby[str(folder)]), today.isoformat())
    return keys


def assemble_cached(
    files: ContentFiles, schemas: Schemas, today: date, cache: ParseCache, jobs: int = 1
) -> tuple[Site | None, list[Problem], ParseCache]:
    """`assemble` + `run_checks`, with the per-report work reused from `cache` where its inputs are
    unchanged, and the rest shared out to `jobs` processes. Returns the cache with the new memos
    for the next build."""
    keys = _assembly_keys(files, today)
    memo = {p: e.assembled for p, e in cache.entries.items() if e.assembled and e.assembled.key == keys.get(p)}
    misses = tuple(s for s in files.reports if s.path not in memo)
    site, problems = assemble(replace(files, reports=misses), schemas, today)
    by_path: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_path[problem.path].append(problem)
    fresh = {s.path: Assembled(keys[s.path], None, tuple(by_path.pop(s.path, ()))) for s in misses}
    if site is not None:
        for report in site.reports:
            fresh[report.path] = replace(fresh[report.path], report=report)
    memo.update(fresh)
    problems = [p for path, found in by_path.items() for p in found]  # township, config, page problems
    problems += [p for m in memo.values() for p in m.problems]
    if site is None:
        return None, problems, cache
    reports = sorted((m.report for m in memo.values() if m.report), key=lambda r: (r.township, r.year))
    site = replace(site, reports=tuple(reports))
    memo = _check_cached(site, memo, jobs)
    problems += [p for m in memo.values() for p in m.checked]
    memoised = {path: m.body for path, m in memo.items() if m.body is not None}
    found, bodies = _bodies_checked(site, memoised, jobs)
    memo = {path: _with_body(m, bodies.get(path)) for path, m in memo.items()}
    problems += [*found, *gap_notices(site.reports)]
    entries = {
        path: replace(entry, assembled=memo[path]) if path in memo and entry.assembled is not memo[path] else entry
        for path, entry in cache.entries.items()
    }
    return site, problems, replace(cache, entries=entries)


def _check_cached(site: Site, memo: dict[str, Assembled], jobs: int) -> dict[str, Assembled]:
    """Runs the checks for the reports whose check inputs changed, with the year before each."""
    by_key = {r.key: r for r in site.reports}
    keys = {}
    for report in site.reports:
        before = by_key.get((report.township, report.year - 1))
        keys[report.path] = _digest(memo[report.path].key, before.path if before else "", _key_of(memo, before))
    stale = [r for r in site.reports if memo[r.path].check_key != keys[r.path]]
    if not stale:
        return memo
    context = {r.key: r for r in stale}
    for report in stale:
        before = by_key.get((report.township, report.year - 1))
        if before:
            context[before.key] = before
    found: dict[str, list[Problem]] = defaultdict(list)
    reports = tuple(sorted(context.values(), key=lambda r: r.key))
    shares = [replace(site, reports=share) for share in township_shares(reports, jobs)]
    for problems in forked_map(_report_checks, shares, jobs):
        for problem in problems:
            found[problem.path].append(problem)
    updated = dict(memo)
    for report in stale:
        updated[report.path] = replace(
            memo[report.path], check_key=keys[report.path], checked=tuple(found[report.path])
        )
    return updated


def _report_checks(site: Site) -> list[Problem]:
    """The part of `run_checks` that looks at no report but one and the report of the year before."""
    prose = [p for r in site.reports for p in prose_against_figures(r, site.schemas)]
    return [*table_problems(site), *copy_paste(site.reports, site.reports), *prose]


def _bodies_checked(
    site: Site, memo: dict[str, BodyFindings], jobs: int
) -> tuple[list[Problem], dict[str, BodyFindings]]:
    """body_checks.bodies_checked over every report, shared out to `jobs` processes; the findings
    returned are the new ones (the memo's are kept by the caller)."""
    # Processes only when many bodies are new (a first build): for an edit, starting them costs
    # more than checking the few bodies and the links of the rest.
    fresh = len(site.reports) - len(memo)
    shares = list(enumerate(township_shares(site.reports, jobs if fresh >= PARALLEL_FROM else 1)))
    problems: list[Problem] = []
    findings: dict[str, BodyFindings] = {}

    def check(share: tuple[int, tuple[Report, ...]]) -> tuple[list[Problem], dict[str, BodyFindings]]:
        number, reports = share
        found, bodies = bodies_checked(site, reports, memo, with_pages=number == 0)
        # Only the findings made anew go back: a memo that came back as a copy would look changed,
        # and every shard of the parse cache would be written again.
        return found, {path: b for path, b in bodies.items() if b is not memo.get(path)}

    for found, bodies in forked_map(check, shares, jobs):
        problems += found
        findings.update(bodies)
    return problems, findings


def township_shares(reports: tuple[Report, ...], jobs: int) -> list[tuple[Report, ...]]:
    """`reports` (sorted by township) in up to `jobs` parts, a township's reports in one part
    (a report is checked against the year before), the parts in order."""
    parts = min(jobs, len(reports) // PARALLEL_FROM) or 1
    size = -(-len(reports) // parts)
    shares: list[list[Report]] = [[]]
    for report in reports:
        if len(shares[-1]) >= size and report.township != shares[-1][-1].township:
            shares.append([])
        shares[-1].append(report)
    return [tuple(share) for share in shares]


def _with_body(memo: Assembled, body: BodyFindings | None) -> Assembled:
    return memo if body is None or body is memo.body else replace(memo, body=body)


def _key_of(memo: dict[str, Assembled], report: Report | None) -> str:
    return memo[report.path].key if report else ""
