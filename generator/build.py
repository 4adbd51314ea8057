"""The pipeline, in one readable function per command:
load config → load documents → assemble → run checks → render → write (→ index)."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.assembly_cache import assemble_cached
from generator.cache import (
    CACHE_DIR,
    Manifest,
    build_key,
    code_key,
    content_stats,
    folder_id,
    load_manifest,
    save_manifest,
    tree_digest,
)
from generator.documents import load_documents_cached
from generator.model import Site
from generator.navigation import SiteIndex, build_index
from generator.output import copy_file, discard, move_into, staging_dir, swap_in, write_file
from generator.pages import Urls, routes
from generator.parse_cache import ParseCache, load_parse_cache, save_parse_cache
from generator.problems import Problem, blocking, sort_problems
from generator.progress import Progress
from generator.render import RenderJob, render_to
from generator.schema import SCHEMA_DIR, load_schemas


@dataclass(frozen=True)
class BuildOptions:
    out: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache: bool = True
    strict: bool = False
    today: date = field(default_factory=date.today)
    progress: bool = False  # a progress line on stderr for long builds (the CLI: on a terminal)


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    ok: bool
    rendered: tuple[str, ...] = ()  # output paths written anew
    reused: int = 0  # output paths carried over unchanged from the last build
    seconds: float = 0.0
    cache_note: str = ""


def load_site(root: Path, today: date, jobs: int = 1) -> tuple[Site | None, list[Problem]]:
    """Everything `check` does: parse, assemble, run the checks. Writes nothing."""
    site, problems, _ = _load(root, today, jobs, ParseCache(""))
    return site, problems


def _load(
    root: Path, today: date, jobs: int, cache: ParseCache, progress: Progress | None = None
) -> tuple[Site | None, list[Problem], ParseCache]:
    files, problems, cache = load_documents_cached(root, jobs, cache, progress)
    site, more, cache = assemble_cached(files, load_schemas(SCHEMA_DIR), today, cache)
    return site, sort_problems(problems + more), cache


DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def template_dir(root: Path) -> Path:
    """The site's own templates/, else the ones xxgk ships with (a site need not copy them)."""
    own = root / "templates"
    return own if own.is_dir() else DEFAULT_TEMPLATES


def make_urls(site: Site, template_dir: Path) -> Urls:
    static = template_dir / "static"
    assets = tuple((p.relative_to(static).as_posix(), tree_digest(p)) for p in sorted(static.rglob("*")) if p.is_file())
    return Urls(site.config.base_path, site.config.base_url, assets)


def build(root: Path, options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    templates = template_dir(root)
    code = code_key(templates, SCHEMA_DIR)
    previous, note = load_manifest(root, code) if options.cache else (None, "cache disabled")
    inputs = content_stats(root) if (root / "content").is_dir() else {}
    if previous and _nothing_changed(previous, inputs, options):
        problems = list(previous.problems)
        ok = not blocking(problems, options.strict)
        return BuildResult(
            tuple(problems), ok, (), len(previous.files), time.perf_counter() - started, "nothing changed"
        )
    cache_dir = root / CACHE_DIR
    parsed = load_parse_cache(cache_dir, code) if options.cache else ParseCache(code, {}, "cache disabled")
    progress = Progress(options.progress)
    site, problems, new_parsed = _load(root, options.today, options.jobs, parsed, progress)
    if options.cache:
        save_parse_cache(cache_dir, parsed, new_parsed)
    if site is None or blocking(problems, options.strict):
        return BuildResult(tuple(problems), False, seconds=time.perf_counter() - started)
    key = build_key(templates, SCHEMA_DIR, site.config.digest, site.config.base_url, code)
    index = build_index(site)
    if previous and not _trusted(previous, key, options.out):
        previous, note = None, "cache is for other config or output folder, rebuilding everything"
    frame = _frame_digest(site, index, key)
    plan = _Plan(root, site, index, make_urls(site, templates), templates, key, frame, code, options, previous)
    staging = staging_dir(options.out)
    try:
        manifest, rendered = _write(plan, staging, inputs, progress)
    except BaseException:
        discard(staging)
        raise
    finally:
        progress.close()
    if options.cache:
        save_manifest(root, replace(manifest, problems=tuple(problems), out_id=folder_id(options.out)))
    reused = len(manifest.files) - len(rendered)
    return BuildResult(tuple(problems), True, tuple(sorted(rendered)), reused, time.perf_counter() - started, note)


def _frame_digest(site: Site, index: SiteIndex, key: str) -> str:
    """What every page shows around its content (the year menu, the content pages' titles) goes
    into every page's fingerprint, with the build key."""
    frame = (index.years, tuple((p.name, p.title) for p in site.pages))
    return hashlib.sha256((key + repr(frame)).encode()).hexdigest()


def _nothing_changed(previous: Manifest, inputs: dict[str, list[int]], options: BuildOptions) -> bool:
    """Same code (checked by load_manifest), same content files by stat, same day, output in place."""
    return (
        previous.inputs == inputs
        and previous.today == options.today.isoformat()
        and previous.out == str(options.out)
        and previous.out_id == folder_id(options.out) != ""
    )


def _trusted(previous: Manifest, key: str, out: Path) -> bool:
    """The last build's pages can be kept: same key, and the output folder is the one it wrote."""
    return previous.key == key and previous.out == str(out) and previous.out_id == folder_id(out) != ""


@dataclass(frozen=True)
class _Plan:
    root: Path
    site: Site
    index: SiteIndex
    urls: Urls
    templates: Path
    key: str
    frame: str
    code: str
    options: BuildOptions
    previous: Manifest | None  # trusted: its pages are in options.out and may be kept


def _write(plan: _Plan, staging: Path, inputs: dict[str, list[int]], progress: Progress) -> tuple[Manifest, list[str]]:
    """A full build renders everything into `staging` and swaps it in; an incremental one renders
    only the pages whose fingerprint changed and moves them into the existing output."""
    pages = {plan.urls.output_path(p.url): p for p in routes(plan.site, plan.index, plan.urls)}
    fingerprints = {rel: p.fingerprint(plan.frame) for rel, p in pages.items()}
    previous = plan.previous
    kept = previous.files if previous else {}
    dirty = [p for rel, p in pages.items() if rel not in kept or previous.pages.get(rel) != fingerprints[rel]]
    job = RenderJob(plan.site, plan.index, plan.urls, plan.templates, staging)
    files = dict(previous.files) if previous else {}
    rendered = []
    progress.stage("生成页面", len(dirty))
    for rel, digest in render_to(job, dirty, plan.options.jobs):
        files[rel] = digest
        rendered.append(rel)
        progress.tick()
    files = {rel: files[rel] for rel in fingerprints}
    attachments = _attachments(plan.site, plan.urls, inputs)
    if previous:
        moved = rendered + _copy_changed(plan.root, plan.site, plan.urls, staging, attachments, previous.attachments)
        stale = [rel for rel in [*previous.files, *previous.attachments] if rel not in files and rel not in attachments]
        move_into(staging, plan.options.out, moved, stale)
    else:
        _copy_assets(plan.root, plan.site, plan.urls, plan.templates, staging)
        swap_in(staging, plan.options.out)
    today = plan.options.today.isoformat()
    manifest = Manifest(plan.key, fingerprints, files, plan.code, inputs, attachments, (), today, str(plan.options.out))
    return manifest, rendered


def _attachments(site: Site, urls: Urls, inputs: dict[str, list[int]]) -> dict[str, list[int]]:
    """Output path of every attachment → the [mtime_ns, size] of its source file."""
    found = {}
    for report in site.reports:
        if report.attachment:
            source = (Path(report.path).parent / report.attachment).as_posix()
            rel = urls.output_path(urls.attachment(report.township, report.year, report.attachment))
            found[rel] = inputs.get(source, [0, 0])
    return found


def _copy_changed(root: Path, site: Site, urls: Urls, staging: Path, attachments: dict, before: dict) -> list[str]:
    copied = []
    for report in site.reports:
        if report.attachment:
            rel = urls.output_path(urls.attachment(report.township, report.year, report.attachment))
            if before.get(rel) != attachments[rel]:
                copy_file(root / Path(report.path).parent / report.attachment, staging, rel)
                copied.append(rel)
    return copied


def _copy_assets(root: Path, site: Site, urls: Urls, templates: Path, staging: Path) -> None:
    static = templates / "static"
    for path in sorted(static.rglob("*")):
        if path.is_file():
            copy_file(path, staging, f"static/{path.relative_to(static).as_posix()}")
    for report in site.reports:
        if report.attachment:
            source = root / Path(report.path).parent / report.attachment
            copy_file(
                source, staging, urls.output_path(urls.attachment(report.township, report.year, report.attachment))
            )
    write_file(staging, ".nojekyll", b"")
