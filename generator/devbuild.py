"""Incremental rebuilds for `xxgk serve`: the same stages as `build`, with what did not change kept.

A rebuild is a function from the last `DevState` to the next one. Unchanged files are not re-read,
unchanged reports are not re-assembled or re-checked, and only pages whose dependency fingerprint
(pages.py `Page.deps`, as in the build cache) changed are rendered, in place, into the dev server's
own output directory. A change to a template, a schema or site.yaml changes the build key, so every
page is rendered again.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from generator.assemble import assemble
from generator.build import make_urls, template_dir
from generator.cache import build_key, tree_digest
from generator.checks import run_checks
from generator.documents import ContentFiles, load_documents
from generator.model import Report, Site
from generator.navigation import build_index
from generator.pages import routes
from generator.problems import Problem, blocking, sort_problems
from generator.render import RenderJob, make_environment, render_to
from generator.schema import SCHEMA_DIR, Schemas, load_schemas
from generator.source import Source, read_markdown, read_yaml

Parsed = tuple[Source | None, tuple[Problem, ...]]


@dataclass(frozen=True)
class DevState:
    """What the last rebuild knew; every field is replaced, never changed in place."""

    schemas_digest: str = ""
    schemas: Schemas = field(default_factory=dict)
    parsed: dict[str, tuple[tuple[int, int], Parsed]] = field(default_factory=dict)  # rel → (stat, result)
    assembled: dict[str, tuple[tuple, Report | None, tuple[Problem, ...]]] = field(default_factory=dict)
    checked: dict[str, tuple[tuple, tuple[Problem, ...]]] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # output path → fingerprint of the file there
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


def rebuild(root: Path, out: Path, state: DevState, today: date, jobs: int = 1) -> Rebuild:
    """Brings `out` up to date with `root`; with errors in the content, only checks."""
    started, cpu = time.perf_counter(), time.thread_time()
    schemas_digest = tree_digest(SCHEMA_DIR)
    if schemas_digest != state.schemas_digest:
        state = DevState(schemas_digest, load_schemas(SCHEMA_DIR), written=state.written)
    parsed: dict[str, tuple[tuple[int, int], Parsed]] = {}
    files, problems = load_documents(root, jobs, _cached_reader(state.parsed, parsed))
    site, assembled, more = _assemble(files, state, today)
    problems += more
    checked: dict[str, tuple[tuple, tuple[Problem, ...]]] = {}
    if site is not None:
        problems += _check(site, state.checked, checked)
    state = dataclasses.replace(state, parsed=parsed, assembled=assembled, checked=checked)
    problems = sort_problems(problems)
    if site is None or blocking(problems):
        return Rebuild(state, tuple(problems), site, seconds=time.perf_counter() - started)
    templates = template_dir(root)
    if state.environment is None or state.environment.loader.searchpath != [str(templates)]:
        state = dataclasses.replace(state, environment=_compiled_environment(templates))
    try:
        written, rendered, removed = write_changed(root, site, out, state.written, jobs, state.environment)
    except RenderFailed as failure:
        crash = "".join(traceback.format_exception(failure.__cause__ or failure))
        state = dataclasses.replace(state, written=failure.written)
        return Rebuild(state, tuple(problems), site, seconds=time.perf_counter() - started, crash=crash)
    state = dataclasses.replace(state, written=written)
    seconds = time.perf_counter() - started
    return Rebuild(state, tuple(problems), site, rendered, removed, seconds, cpu_seconds=time.thread_time() - cpu)


def _cached_reader(previous: dict, current: dict):
    """A documents.Reader that re-parses a file only when its size or modification time changed."""

    def read(root: Path, rels: list[str], jobs: int) -> list[Parsed]:
        results = []
        for rel in rels:
            stat = os.stat(os.path.join(root, rel))
            stamp = (stat.st_mtime_ns, stat.st_size)
            hit = previous.get(rel)
            if hit and hit[0] == stamp:
                result = hit[1]
            else:
                with open(os.path.join(root, rel), "rb") as handle:
                    raw = handle.read()
                source, problems = read_markdown(rel, raw) if rel.endswith(".md") else read_yaml(rel, raw)
                result = (source, tuple(problems))
            current[rel] = (stamp, result)
            results.append((result[0], list(result[1])))
        return results

    return read


def _assemble(files: ContentFiles, state: DevState, today: date) -> tuple[Site | None, dict, list[Problem]]:
    """Assembles only the reports whose inputs changed: a report depends on its own file, its
    township (as assembled), the attachments beside it and `today`. Everything else (config,
    townships, pages) is cheap and assembled every time, with the changed reports."""
    probe, _ = assemble(dataclasses.replace(files, reports=()), state.schemas, today)
    townships = {t.slug: t for t in probe.townships} if probe else {}

    def key(source: Source) -> tuple:
        folder = source.path.rsplit("/", 1)[0] + "/"
        near = tuple(a for a in files.attachments if a.startswith(folder))
        return (source.digest, townships.get(source.path.split("/")[2]), near, today)

    keys = {s.path: key(s) for s in files.reports}
    stale = tuple(s for s in files.reports if state.assembled.get(s.path, (None,))[0] != keys[s.path])
    site, problems = assemble(dataclasses.replace(files, reports=stale), state.schemas, today)
    fresh = {s.path for s in stale}
    by_path = {r.path: r for r in site.reports} if site else {}
    assembled = {}
    for source in files.reports:
        if source.path in fresh:
            mine = tuple(p for p in problems if p.path == source.path)
            assembled[source.path] = (keys[source.path], by_path.get(source.path), mine)
        else:
            assembled[source.path] = state.assembled[source.path]
    others = [p for p in problems if p.path not in fresh]
    kept = [p for path, entry in assembled.items() if path not in fresh for p in entry[2]]
    if site is None:
        return None, assembled, others + kept + [p for p in problems if p.path in fresh]
    reports = tuple(sorted((e[1] for e in assembled.values() if e[1]), key=lambda r: (r.township, r.year)))
    mine = [p for path in fresh for p in assembled[path][2]]
    return dataclasses.replace(site, reports=reports), assembled, others + kept + mine


def _check(site: Site, previous: dict, current: dict) -> list[Problem]:
    """Re-runs the checks of a report only when it or the report of the year before changed."""
    by_key = {r.key: r for r in site.reports}
    stale: list[Report] = []
    for report in site.reports:
        prev = by_key.get((report.township, report.year - 1))
        key = (report, prev)
        hit = previous.get(report.path)
        # Unchanged reports are the very same objects (kept by _assemble): identity is enough.
        if hit and hit[0][0] is report and hit[0][1] is prev:
            current[report.path] = hit
        else:
            current[report.path] = (key, ())
            stale.append(report)
    if stale:
        needed = {r.key: r for r in stale}
        for report in stale:
            prev = by_key.get((report.township, report.year - 1))
            if prev:
                needed[prev.key] = prev
        subset = tuple(sorted(needed.values(), key=lambda r: (r.township, r.year)))
        found = run_checks(dataclasses.replace(site, reports=subset))
        for report in stale:
            current[report.path] = (current[report.path][0], tuple(p for p in found if p.path == report.path))
    return [p for entry in current.values() for p in entry[1]]


def _compiled_environment(templates: Path) -> jinja2.Environment:
    """An environment with every page template compiled now, not during the first edit's rebuild
    (the first full build renders in worker processes, whose compiled templates are lost)."""
    environment = make_environment(templates)
    for name in environment.list_templates(filter_func=lambda n: n.endswith((".html", ".xml"))):
        environment.get_template(name)
    return environment


def write_changed(
    root: Path, site: Site, out: Path, written: dict[str, str], jobs: int, environment: jinja2.Environment | None
) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """Renders into `out` the pages whose fingerprint differs from what `out` holds; removes pages
    that no longer exist. If rendering raises, what was written is still recorded, so the next
    rebuild renders only the rest."""
    templates = template_dir(root)
    index = build_index(site)
    urls = make_urls(site, templates)
    pages = list(routes(site, index, urls))
    key = build_key(templates, SCHEMA_DIR, site.config.digest, site.config.base_url)
    fingerprints = {urls.output_path(p.url): p.fingerprint(key) for p in pages}
    dirty = [p for p in pages if written.get(urls.output_path(p.url)) != fingerprints[urls.output_path(p.url)]]
    kept = {rel: fp for rel, fp in written.items() if fingerprints.get(rel) == fp}
    removed = tuple(sorted(rel for rel in written if rel not in fingerprints))
    for rel in removed:
        (out / rel).unlink(missing_ok=True)
    rendered = []
    try:
        for rel, _ in render_to(RenderJob(site, index, urls, templates, out, environment), dirty, jobs):
            kept[rel] = fingerprints[rel]
            rendered.append(rel)
    except Exception as exc:
        raise RenderFailed(dict(kept)) from exc
    _copy_assets(root, site, urls, templates, out)
    return kept, tuple(sorted(rendered)), removed


def _copy_assets(root: Path, site: Site, urls, templates: Path, out: Path) -> None:
    static = templates / "static"
    pairs: list[tuple[Path, str]] = [
        (p, f"static/{p.relative_to(static).as_posix()}") for p in sorted(static.rglob("*")) if p.is_file()
    ]
    for report in site.reports:
        if report.attachment:
            target = urls.output_path(urls.attachment(report.township, report.year, report.attachment))
            pairs.append((root / Path(report.path).parent / report.attachment, target))
    for source, rel in pairs:
        target = out / rel
        stat = source.stat()
        if target.is_file() and target.stat().st_size == stat.st_size and target.stat().st_mtime_ns == stat.st_mtime_ns:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
