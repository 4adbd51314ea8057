"""The pipeline, in one readable function per command:
load config → load documents → assemble → run checks → render → write (→ index)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.assemble import assemble, with_base_url
from generator.assembly_cache import assemble_cached
from generator.cache import (
    CACHE_DIR,
    COPIED,
    Manifest,
    build_key,
    code_key,
    content_stats,
    folder_id,
    load_manifest,
    save_manifest,
    tree_digest,
)
from generator.carry_over import Carried
from generator.checks import run_checks
from generator.documents import ATTACHMENT_LIMIT, load_documents, load_documents_cached
from generator.history import history_stamp, read_git_history
from generator.link_check import site_link_problems
from generator.links import Unresolved
from generator.model import Site
from generator.navigation import build_index
from generator.open_data import data_deps
from generator.output import discard, publish, refuse_out, staging_dir, write_file
from generator.pages import Page, Urls, data_routes, report_facets, routes
from generator.parse_cache import ParseCache, load_parse_cache, save_parse_cache
from generator.problems import Problem, blocking, sort_problems
from generator.progress import Progress
from generator.reader_notes import reader_notes, with_reader_notes
from generator.render import RenderJob, render_to
from generator.revisions import with_revisions
from generator.safe_files import UnsafeFile, copy_regular, regular_stat, walk
from generator.schema import SCHEMA_DIR, load_schemas
from generator.search_update import write_search


@dataclass(frozen=True)
class BuildOptions:
    out: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache: bool = True
    strict: bool = False
    today: date = field(default_factory=date.today)
    search: bool = True  # build the search index (`--no-search` skips it)
    base_url: str = ""  # overrides site.yaml's base_url (the deploy workflow passes the Pages URL)
    progress: bool = False  # a progress line on stderr for long builds (the CLI: on a terminal)


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    ok: bool
    rendered: tuple[str, ...] = ()  # pages written anew
    reused: int = 0  # output paths (pages, open data, search index) carried over unchanged from the last build
    seconds: float = 0.0
    cache_note: str = ""
    written: tuple[str, ...] = ()  # other output paths written anew: open data and search index


def load_site(root: Path, today: date, jobs: int = 1) -> tuple[Site | None, list[Problem]]:
    """Everything `check` does: parse, assemble, run the checks. Writes nothing."""
    files, problems = load_documents(root, jobs)
    problems += template_problems(root)
    site, more = assemble(files, load_schemas(SCHEMA_DIR), today)
    problems += more
    if site is not None:
        problems += run_checks(site)
    return site, sort_problems(problems)


def for_publishing(root: Path, site: Site, options: BuildOptions) -> Site:
    """What only a build needs: the base URL it is published at, and from git each report's
    corrections and each file's last change."""
    config = with_base_url(site.config, options.base_url) if options.base_url else site.config
    history = read_git_history(root)
    # The parsed source of each report is for the checks' line numbers; pages do not need it.
    reports = tuple(replace(r, origin=None) for r in site.reports)
    site = replace(site, config=config, corrections=history.corrections, reports=reports)
    return with_revisions(site, history.last_changed)


DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def template_dir(root: Path) -> Path:
    """The site's own templates/, else the ones xxgk ships with (a site need not copy them)."""
    own = root / "templates"
    return own if own.is_dir() else DEFAULT_TEMPLATES


def make_urls(site: Site, template_dir: Path) -> Urls:
    assets = tuple((rel.removeprefix("static/"), tree_digest(p)) for p, rel in static_files(template_dir))
    return Urls(site.config.base_path, site.config.base_url, assets)


class OutputRefused(ValueError):
    """The output folder is one a build must not replace (output.refuse_out says why)."""


def build(root: Path, options: BuildOptions) -> BuildResult:
    refused = refuse_out(root, options.out)
    if refused:
        raise OutputRefused(refused)
    started = time.perf_counter()
    templates = template_dir(root)
    code = code_key(templates, SCHEMA_DIR)
    previous, note = load_manifest(root, code) if options.cache else (None, "cache disabled")
    inputs = content_stats(root) if (root / "content").is_dir() else {}
    settings = _settings(root, options)
    if previous and _nothing_changed(previous, inputs, settings, options):
        problems = list(previous.problems)
        ok = not blocking(problems, options.strict)
        seconds = time.perf_counter() - started
        made = sum(not digest.startswith(COPIED) for digest in previous.files.values())
        return BuildResult(tuple(problems), ok, (), made, seconds, "nothing changed")
    progress = Progress(options.progress)
    try:
        site, problems = _load_cached(root, code, options, progress)
        if site is None or blocking(problems, options.strict):
            return BuildResult(tuple(problems), False, seconds=time.perf_counter() - started)
        site = for_publishing(root, site, options)
        site = with_reader_notes(site, reader_notes(site, problems))
        key = build_key(templates, SCHEMA_DIR, site.config.digest, site.config.base_url, code)
        if previous and not _trusted(previous, key, options.out):
            previous, note = None, "cache is for other config or output folder, rebuilding everything"
        result = _publish(root, site, templates, key, previous, problems, options, progress)
    finally:
        progress.close()
    if isinstance(result, list):
        return BuildResult(tuple(sort_problems([*problems, *result])), False, seconds=time.perf_counter() - started)
    manifest, rendered, reused, written = result
    if options.cache:
        today, out_id = options.today.isoformat(), folder_id(options.out)
        manifest = replace(manifest, code=code, inputs=inputs, problems=tuple(problems), today=today)
        save_manifest(root, replace(manifest, out=str(options.out), out_id=out_id, settings=settings))
    seconds = time.perf_counter() - started
    return BuildResult(tuple(problems), True, tuple(sorted(rendered)), reused, seconds, note, tuple(sorted(written)))


def _load_cached(root: Path, code: str, options: BuildOptions, progress: Progress) -> tuple[Site | None, list[Problem]]:
    """load_site with the parse cache, which it updates. The parsed files and the cache are let go
    on return: the render workers fork from this process, and at 20,000 reports they were a
    third of its memory."""
    cache_dir = root / CACHE_DIR
    parsed = load_parse_cache(cache_dir, code) if options.cache else ParseCache(code, {}, "cache disabled")
    files, problems, parsed_now = load_documents_cached(root, options.jobs, parsed, progress)
    problems += template_problems(root)
    site, more, parsed_now = assemble_cached(files, load_schemas(SCHEMA_DIR), options.today, parsed_now, options.jobs)
    if options.cache:
        save_parse_cache(cache_dir, parsed, parsed_now)
    return site, sort_problems(problems + more)


def _publish(
    root: Path, site: Site, templates: Path, key: str, previous: Manifest | None, problems: list[Problem],
    options: BuildOptions, progress: Progress,
) -> tuple[Manifest, list[str], int, tuple[str, ...]] | list[Problem]:
    """Renders the pages and downloads into a staging tree, adds the search index and the link
    check; then swaps the tree in, or, when the last build's output can be trusted, moves only
    what changed into it and deletes what is gone. On broken links it changes nothing. Search
    files, too, are written only where their bytes change (carry_over.py)."""
    index = build_index(site)
    urls = make_urls(site, templates)
    facets = report_facets(site)
    pages = list(routes(site, index, urls, facets))
    # issue 10: the downloads under /data/, made in the same pool as the pages
    downloads = [replace(p, deps=data_deps(p, index, facets)) for p in data_routes(site, index, urls)]
    staging = staging_dir(options.out)
    try:
        assets = asset_files(root, site, urls, templates)
        planned = frozenset([*(urls.output_path(p.url) for p in (*downloads, *pages)), *(rel for _, rel in assets)])
        manifest, rendered, reused, written, unresolved = _write_pages(
            RenderJob(site, index, urls, templates, staging, links_to=planned),
            downloads + pages, options, key, previous, progress,
        )
        copied = _copy_assets(assets, staging, options.out if previous else None)
        carried = Carried()  # the search index's files, when it is built
        if options.search:
            cache_dir = root / CACHE_DIR if options.cache else None
            carried = write_search(
                site, index, urls, pages, manifest.pages, staging, options.out, previous, cache_dir, options.jobs
            )
        files = {**manifest.files, **copied, **carried.files}
        broken = site_link_problems(site, urls, staging, options.out, rendered, previous, unresolved, set(files))
        if broken:
            discard(staging)
            return broken
        publish(staging, options.out, files if previous else ())
    except BaseException:
        discard(staging)
        raise
    manifest = replace(manifest, pages={**manifest.pages, **carried.fingerprints}, files=files)
    return manifest, rendered, reused + carried.reused, (*written, *carried.written)


def _settings(root: Path, options: BuildOptions) -> str:
    """What a build's output depends on besides the code, the content and the day: the options
    and the git history the corrections and last-changed dates come from."""
    return repr((options.base_url, options.search, history_stamp(root)))


def _nothing_changed(previous: Manifest, inputs: dict[str, list[int]], settings: str, options: BuildOptions) -> bool:
    """Same code (checked by load_manifest), same content files by stat, same settings and day,
    output folder still the one the last build wrote."""
    return (
        previous.inputs == inputs
        and previous.settings == settings
        and previous.today == options.today.isoformat()
        and previous.out == str(options.out)
        and previous.out_id == folder_id(options.out) != ""
    )


def _trusted(previous: Manifest, key: str, out: Path) -> bool:
    """The last build's pages can be kept: same key, and the output folder is the one it wrote."""
    return previous.key == key and previous.out == str(out) and previous.out_id == folder_id(out) != ""


_SLOWEST = ("bulk_xlsx", "bulk_csv", "figures_csv")
_EVERY_TABLE = (*_SLOWEST, "compare_cell", "compare_figure", "compare_table", "compare", "data")


def _write_pages(
    job: RenderJob, pages: list[Page], options: BuildOptions, key: str, previous: Manifest | None, progress: Progress,
) -> tuple[Manifest, list[str], int, tuple[str, ...], list[Unresolved]]:
    """Renders the pages and makes the downloads that changed; the rest are the last build's.
    Returns the manifest, the pages rendered, how many files were reused, the downloads
    made, and the links of the pages rendered that are left to check."""
    urls = job.urls
    fingerprints = {urls.output_path(p.url): p.fingerprint(key) for p in pages}
    files: dict[str, str] = {}
    dirty, reused = [], 0
    out = str(options.out)
    for page in pages:
        rel = urls.output_path(page.url)
        # The last build's file stays where it is (the output is updated in place: _publish).
        if previous and previous.pages.get(rel) == fingerprints[rel] and rel in previous.files and (
            os.path.isfile(os.path.join(out, rel))
        ):
            files[rel] = previous.files[rel]
            reused += 1
        else:
            dirty.append(page)
    downloads = {urls.output_path(p.url) for p in dirty if not p.template}
    rendered, written, unresolved = [], [], []
    progress.stage("生成页面", len(dirty))
    # What reads every report's tables is made last, by workers of their own: they copy those
    # tables once (reading an object writes its reference count: see render.py), and do not
    # start from workers that have already copied other parts of the site. Within that, the bulk
    # files take longest: started first, they do not leave one worker busy at the end.
    last = sorted((p for p in dirty if p.kind in _EVERY_TABLE), key=lambda p: p.kind not in _SLOWEST)
    for batch in ([p for p in dirty if p.kind not in _EVERY_TABLE], last):
        for done in render_to(job, batch, options.jobs):
            files[done.rel] = done.digest
            (written if done.rel in downloads else rendered).append(done.rel)
            unresolved += done.unresolved
            progress.tick()
    return Manifest(key, fingerprints, files), rendered, reused, tuple(written), unresolved


def static_files(templates: Path) -> list[tuple[Path, str]]:
    """(source, output path) of the regular files under templates/static (links are left out:
    template_problems reports them)."""
    static = templates / "static"
    found = (e for e in walk(static) if e.kind == "file") if static.is_dir() else ()
    return [(static / e.rel, f"static/{e.rel}") for e in found]


def template_problems(root: Path) -> list[Problem]:
    """Links and special files in the site's own templates/ are never read or published."""
    own = root / "templates"
    if not own.is_dir():
        return []
    return [
        Problem(f"templates/{e.rel}", 0, "file.symlink" if e.kind == "symlink" else "file.special",
                "templates/ 中不能有符号链接或特殊文件：xxgk 不会读取或发布它，请换成文件本身")
        for e in walk(own) if e.kind != "file"
    ]


def asset_files(root: Path, site: Site, urls: Urls, templates: Path) -> list[tuple[Path, str]]:
    """(source, output path) of every file copied as it is: the static files and the attachments."""
    pairs = static_files(templates)
    for report in site.reports:
        if report.attachment:
            target = urls.output_path(urls.attachment(report.township, report.year, report.attachment))
            pairs.append((root / Path(report.path).parent / report.attachment, target))
    return pairs


def _copy_assets(assets: list[tuple[Path, str]], staging: Path, out: Path | None) -> dict[str, str]:
    """Copies the static files and attachments into `staging`, except, when the last build's
    output is kept, those it already has (same size and modification time: `publish` links them).
    Returns them as manifest entries (output path → size and time of the source)."""
    copied = {}
    for source, rel in assets:
        stat = regular_stat(source)
        if stat is None:
            raise UnsafeFile("symlink", str(source))  # it was a regular file when content/ was listed
        copied[rel] = f"{COPIED}{stat.st_size}:{stat.st_mtime_ns}"
        if out is not None:
            old = regular_stat(out / rel)
            if old is not None and (old.st_size, old.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                continue
        copy_regular(source, staging / rel, ATTACHMENT_LIMIT)
    write_file(staging, ".nojekyll", b"")
    copied[".nojekyll"] = f"{COPIED}0:0"
    return copied
