"""Incremental rebuilds for `xxgk serve`: the same stages as `build`, with what did not change kept.

A rebuild is a function from the last `DevState` to the next one. Unchanged files are not re-read,
unchanged reports are not re-assembled or re-checked, and only pages whose dependency fingerprint
(pages.py `Page.deps`, as in the build cache) changed are rendered, in place, into the dev server's
own output directory. A change to a template, a schema or site.yaml changes the build key, so every
page is rendered again. The file watcher says which files changed; with that, a rebuild after
editing one report does work in proportion to that report, not to the site (see `route_table`).
"""

from __future__ import annotations

import dataclasses
import os
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from pathlib import Path

import jinja2

from generator.assemble import assemble, assemble_reports
from generator.body_checks import known_paths
from generator.build import asset_files, make_urls, template_dir
from generator.cache import build_key, tree_digest
from generator.checks import run_checks
from generator.documents import (
    ATTACHMENT_LIMIT,
    NO_CONTENT,
    ContentFiles,
    Listing,
    content_files,
    list_content,
    parse_file,
)
from generator.model import Report, Site
from generator.navigation import SiteIndex, build_index
from generator.pages import Facets, Page, Urls, report_facets, report_route, routes
from generator.parse_cache import Parsed, reusable, stat_of
from generator.problem_groups import Groups, merged, report_groups
from generator.problems import Problem, blocking
from generator.reader_notes import reader_notes, with_reader_notes
from generator.render import RenderJob, make_environment, render_to
from generator.safe_files import copy_regular, regular_stat
from generator.schema import SCHEMA_DIR, Schemas, load_schemas
from generator.source import Source


@dataclass(frozen=True)
class RouteTable:
    """Every page of a rebuild with its fingerprint, and what the pages other than the report pages
    depend on: while that stays the same, only the report pages of changed reports are made anew."""

    shared_key: tuple
    facets: Facets
    pages: dict[str, tuple[Page, str]]  # output path → (page, fingerprint)
    known: frozenset[str]  # body_checks.known_paths of these pages


@dataclass(frozen=True)
class DevState:
    """What the last rebuild knew; every field is replaced, never changed in place."""

    schemas_digest: str = ""
    schemas: Schemas = field(default_factory=dict)
    listing: Listing | None = None
    parsed: dict[str, Parsed] = field(default_factory=dict)
    probe: tuple = ()  # (inputs, site, problems): the site assembled without its reports
    assembled: dict[str, tuple[tuple, Report | None, tuple[Problem, ...]]] = field(default_factory=dict)
    checked: dict[str, tuple[tuple, tuple[Problem, ...]]] = field(default_factory=dict)
    table: RouteTable | None = None
    groups: Groups = field(default_factory=dict)  # each report file's problems, sorted (problem_groups.py)
    written: dict[str, str] = field(default_factory=dict)  # output path → fingerprint of the file there
    noted: frozenset[str] = frozenset()  # the report pages whose route carries reader notes
    environment: jinja2.Environment | None = None  # kept so that templates compile once


class RenderFailed(Exception):
    """A template (or the code behind it) raised; `written` is what `out` holds now."""

    def __init__(self, written: dict[str, str]) -> None:
        super().__init__("rendering failed")
        self.written = written


@dataclass(frozen=True)
class Rebuild:
    state: DevState
    problems: tuple[Problem, ...]
    site: Site | None
    rendered: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    seconds: float = 0.0
    crash: str = ""  # the traceback when a template raised
    cpu_seconds: float = 0.0  # this thread's CPU time: the wall time on an idle machine


def rebuild(
    root: Path, out: Path, state: DevState, today: date, jobs: int = 1, changed: frozenset[str] | None = None
) -> Rebuild:
    """Brings `out` up to date with `root`; with errors in the content, only checks. `changed`: the
    root-relative paths of the content files the watcher saw change (None: not known, look at all)."""
    started, cpu = time.perf_counter(), time.thread_time()
    schemas_digest = tree_digest(SCHEMA_DIR)
    if schemas_digest != state.schemas_digest:
        state = DevState(schemas_digest, load_schemas(SCHEMA_DIR), written=state.written)
    listing, parsed = _read(root, state, changed)
    if listing is None:
        files, problems = ContentFiles(None, {}, (), (), ()), [NO_CONTENT]
    else:
        files, problems = content_files(listing, {rel: (p.source, p.problems) for rel, p in parsed.items()})
    site, probe, assembled, more = _assemble(files, state, today)
    state = dataclasses.replace(state, listing=listing, parsed=parsed, probe=probe, assembled=assembled)
    # Below, `problems` holds the problems of files other than reports; a report's are in its group.
    problems = [p for p in problems if p.path not in assembled] + more
    if site is None:
        return Rebuild(state, tuple(merged(_groups(state), problems)), site, seconds=time.perf_counter() - started)
    templates = template_dir(root)
    index, urls = build_index(site), make_urls(site, templates)
    key = build_key(templates, SCHEMA_DIR, site.config.digest, site.config.base_url)
    table = route_table(site, index, urls, key, state.table)
    checked: dict[str, tuple[tuple, tuple[Problem, ...]]] = {}
    problems += _check(site, state.checked, checked, table.known)
    state = dataclasses.replace(state, checked=checked, table=table)
    state = dataclasses.replace(state, groups=_groups(state))
    problems = merged(state.groups, problems)
    if blocking(problems):
        return Rebuild(state, tuple(problems), site, seconds=time.perf_counter() - started)
    site = with_reader_notes(site, reader_notes(site, problems))
    state = dataclasses.replace(state, **noted_routes(state, site, index, urls, key))
    if state.environment is None or state.environment.loader.searchpath != [str(templates)]:
        state = dataclasses.replace(state, environment=_compiled_environment(templates))
    try:
        written, rendered, removed = write_changed(root, site, index, urls, state.table, out, state, jobs)
    except RenderFailed as failure:
        crash = "".join(traceback.format_exception(failure.__cause__ or failure))
        state = dataclasses.replace(state, written=failure.written)
        return Rebuild(state, tuple(problems), site, seconds=time.perf_counter() - started, crash=crash)
    state = dataclasses.replace(state, written=written)
    seconds = time.perf_counter() - started
    return Rebuild(state, tuple(problems), site, rendered, removed, seconds, cpu_seconds=time.thread_time() - cpu)


def _read(root: Path, state: DevState, changed: frozenset[str] | None) -> tuple[Listing | None, dict[str, Parsed]]:
    """The content listing and every file parsed. When the watcher names only files the last
    rebuild read, and they are all still there, only those are read again; anything else (a new,
    removed or renamed file, an attachment) lists and stats the whole of content/."""
    listing = state.listing
    known = listing is not None and changed is not None and changed <= set(listing.readable)
    if known and all(os.path.isfile(root / rel) for rel in changed):
        return listing, {**state.parsed, **{rel: _parse(root, rel) for rel in sorted(changed)}}
    listing = list_content(root)
    parsed = {}
    for rel in listing.readable if listing else ():
        old, (mtime_ns, size) = state.parsed.get(rel), stat_of(root / rel)
        parsed[rel] = old if reusable(old, mtime_ns, size) else parse_file(str(root), rel, mtime_ns, size)
    return listing, parsed


def _parse(root: Path, rel: str) -> Parsed:
    return parse_file(str(root), rel, *stat_of(root / rel))


def _assemble(files: ContentFiles, state: DevState, today: date) -> tuple[Site | None, tuple, dict, list[Problem]]:
    """Assembles only the reports whose inputs changed: a report depends on its own file, its
    township (as assembled), the attachments beside it and `today`. The rest of the site (config,
    townships, pages) is assembled again only when one of its files changed."""
    inputs = (files.config, tuple(files.townships.items()), files.pages, files.attachments, today, state.schemas)
    if state.probe and state.probe[0] == inputs:
        probe = state.probe
    else:
        site, problems = assemble(dataclasses.replace(files, reports=()), state.schemas, today)
        probe = (inputs, site, tuple(problems))
    base = probe[1]
    townships = {t.slug: t for t in base.townships} if base else {}
    near: dict[str, list[str]] = {}
    for attachment in files.attachments:
        near.setdefault(attachment.rsplit("/", 1)[0], []).append(attachment)

    def key(source: Source) -> tuple:
        folder = source.path.rsplit("/", 1)[0]
        return (source.digest, townships.get(folder.rsplit("/", 1)[1]), tuple(near.get(folder, ())), today)

    same_site = probe is state.probe  # same townships, attachments and day as last time
    assembled, stale = {}, []
    for source in files.reports:
        entry = state.assembled.get(source.path)
        # A file not read again is the very same Source: with the same site around it, its report stands.
        if same_site and entry is not None and entry[1] is not None and entry[1].origin is source:
            assembled[source.path] = entry
            continue
        new_key = key(source)
        if entry is not None and entry[0] == new_key:
            assembled[source.path] = entry
        else:
            stale.append(source)
            assembled[source.path] = (new_key, None, ())
    if base is None:  # no usable site.yaml: nothing is kept, the problems are all that matter
        return None, probe, {}, assemble(files, state.schemas, today)[1]
    # the reports' own problems stay in `assembled`: problem_groups.py puts them in
    problems = list(probe[2])
    fresh, found = assemble_reports(tuple(stale), base.townships, state.schemas, files.attachments, today)
    by_path = {r.path: r for r in fresh}
    for source in stale:
        mine = tuple(p for p in found if p.path == source.path)
        assembled[source.path] = (assembled[source.path][0], by_path.get(source.path), mine)
    reports = tuple(sorted((e[1] for e in assembled.values() if e[1]), key=attrgetter("key")))
    return dataclasses.replace(base, reports=reports), probe, assembled, problems


def route_table(site: Site, index: SiteIndex, urls: Urls, key: str, previous: RouteTable | None) -> RouteTable:
    """Every page with its fingerprint. The pages other than report pages depend only on what
    `shared_key` holds (pages.py: they see the reports through their facets), so while it is the
    same as last time they are taken over, and only the reports that are not the very objects of
    last time get their page made again: an edit to one report costs one report, not the site."""
    facets = report_facets(site, previous.facets if previous else None)
    corrections = tuple(site.corrections.items())
    shared_key = (key, urls, facets.all_listings, facets.all_data, site.townships, site.pages, site.config,
                  corrections, tuple(site.revised.items()))
    if previous is None or previous.shared_key != shared_key:
        pages = {urls.output_path(p.url): (p, p.fingerprint(key)) for p in routes(site, index, urls, facets)}
        known = known_paths(site, (p.url for p, _ in pages.values()))
        return RouteTable(shared_key, facets, pages, known)
    pages = dict(previous.pages)
    for report in site.reports:
        if previous.facets.reports.get(report.key) is not report:
            page = report_route(site, index, urls, facets, report)
            pages[urls.output_path(page.url)] = (page, page.fingerprint(key))
    return RouteTable(shared_key, facets, pages, previous.known)


def noted_routes(state: DevState, site: Site, index: SiteIndex, urls: Urls, key: str) -> dict:
    """The routes of the report pages whose reader notes (reader_notes.py, known only after the
    checks) differ from the ones their route was made with: an edit to one report can change the
    notes of the next year's (table.cross_year, report.copy_paste). Only the pages with notes now
    or at the last rebuild are looked at."""
    table, changed, noted = state.table, {}, set()
    reports = {r.path: r for r in site.reports if r.path in site.reader_notes}
    for report in reports.values():
        noted.add(urls.output_path(urls.report(report.township, report.year)))
    for rel in noted | state.noted:
        page = table.pages.get(rel, (None,))[0]
        report = table.facets.reports.get(page.key) if page else None
        if report is None:
            continue
        made = report_route(site, index, urls, table.facets, report)
        if made.deps != page.deps:
            changed[rel] = (made, made.fingerprint(key))
    pages = {**table.pages, **changed} if changed else table.pages
    return {"table": dataclasses.replace(table, pages=pages), "noted": frozenset(noted)}


def _check(site: Site, previous: dict, current: dict, known: frozenset[str]) -> list[Problem]:
    """Re-runs the checks of a report only when it or the report of the year before changed (the
    content pages are checked every time: there are few)."""
    by_key = {r.key: r for r in site.reports}
    stale: list[Report] = []
    for report in site.reports:
        prev = by_key.get((report.township, report.year - 1))
        hit = previous.get(report.path)
        # Unchanged reports are the very same objects (kept by _assemble): identity is enough.
        if hit and hit[0][0] is report and hit[0][1] is prev:
            current[report.path] = hit
        else:
            current[report.path] = ((report, prev), ())
            stale.append(report)
    found = run_checks(site, frozenset(r.key for r in stale), known)
    for report in stale:
        current[report.path] = (current[report.path][0], tuple(p for p in found if p.path == report.path))
    mine = {r.path for r in stale}
    return [p for p in found if p.path not in mine]  # the content pages' (the reports' stay in `current`)


def _groups(state: DevState) -> Groups:
    parsed = {path: entry.problems for path, entry in state.parsed.items()}
    assembled = {path: entry[2] for path, entry in state.assembled.items()}
    checked = {path: entry[1] for path, entry in state.checked.items()}
    return report_groups(parsed, assembled, checked, state.groups)


def _compiled_environment(templates: Path) -> jinja2.Environment:
    """An environment with every page template compiled now, not during the first edit's rebuild
    (the first full build renders in worker processes, whose compiled templates are lost)."""
    environment = make_environment(templates)
    for name in environment.list_templates(filter_func=lambda n: n.endswith((".html", ".xml"))):
        environment.get_template(name)
    return environment


def write_changed(
    root: Path, site: Site, index: SiteIndex, urls: Urls, table: RouteTable, out: Path, state: DevState, jobs: int
) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """Renders into `out` the pages whose fingerprint differs from what `out` holds; removes pages
    that no longer exist. If rendering raises, what was written is still recorded, so the next
    rebuild renders only the rest."""
    written = state.written
    dirty = [page for rel, (page, fp) in table.pages.items() if written.get(rel) != fp]
    kept = {rel: fp for rel, fp in written.items() if rel in table.pages and table.pages[rel][1] == fp}
    removed = tuple(sorted(rel for rel in written if rel not in table.pages))
    for rel in removed:
        (out / rel).unlink(missing_ok=True)
    rendered = []
    templates = template_dir(root)
    try:
        for written in render_to(RenderJob(site, index, urls, templates, out, state.environment), dirty, jobs):
            kept[written.rel] = table.pages[written.rel][1]
            rendered.append(written.rel)
    except Exception as exc:
        raise RenderFailed(dict(kept)) from exc
    _copy_assets(root, site, urls, templates, out)
    return kept, tuple(sorted(rendered)), removed


def _copy_assets(root: Path, site: Site, urls: Urls, templates: Path, out: Path) -> None:
    """build.asset_files into `out`, skipping those whose size and modification time it already has."""
    for source, rel in asset_files(root, site, urls, templates):
        have, stat = regular_stat(out / rel), regular_stat(source)
        if stat is None or (have and (have.st_size, have.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)):
            continue
        copy_regular(source, out / rel, ATTACHMENT_LIMIT)
