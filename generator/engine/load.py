"""Load: list content/ → read → assemble → check, then plan every page. `xxgk check` is a load;
a build is a load and then a publish (engine/build.py); `xxgk serve` loads again on every save.

The work is done township by township (a report is checked against its township's year before),
in the worker pool; what a township gave is kept in the memo under a digest of everything it was
made from (its files' bytes, its township.yaml, the attachments beside them, the day, the code),
so a township whose files did not change costs a lookup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.checks.bodies import known_paths
from generator.checks.reader_notes import reader_notes
from generator.checks.registry import CHECKS, CheckSet
from generator.content.assemble import assemble_pages, assemble_report, assemble_townships
from generator.content.git_history import history_stamp, read_git_history
from generator.content.listing import NO_CONTENT, Listing, file_digest, list_content, read_source
from generator.content.revisions import with_revisions
from generator.content.site_config import assemble_config, relative_base_url, with_base_url
from generator.engine.keys import code_digest, digest
from generator.engine.pool import Workers, parallel
from generator.engine.project import static_files, template_folders, template_problems
from generator.model.cells import stated_cells
from generator.model.pages import Known, View, facets_of, report_facet
from generator.model.problems import Problem, sort_problems
from generator.model.schema import SCHEMA_DIR, Schemas, load_schemas
from generator.model.site import ReaderNote, Report, Site, Township
from generator.model.site_index import build_index
from generator.model.urls import Urls
from generator.pages.anchors import Anchors
from generator.pages.kinds import plan


@dataclass(frozen=True)
class LoadOptions:
    today: date
    base_url: str = ""  # overrides site.yaml's (the deploy workflow passes the Pages URL)
    history: bool = False  # corrections and last-change dates from git: what a build shows
    workers: Workers = field(default_factory=Workers)
    checks: CheckSet = CHECKS
    assets: tuple[tuple[str, str], ...] = ()  # static file → digest, for the URLs' cache busting
    schema_dir: Path = SCHEMA_DIR


@dataclass(frozen=True)
class Loaded:
    site: Site | None
    problems: tuple[Problem, ...]
    view: View | None = None  # the site with its indexes, URLs, facets and every page
    listing: Listing | None = None


@dataclass(frozen=True)
class TownshipWork:
    """One township's report files, to read, assemble and check (or find in the memo)."""

    slug: str
    township: Township | None
    files: tuple[str, ...]  # its report files, in name (year) order
    nearby: tuple[str, ...]  # the attachments in its folder
    key: str  # everything the result depends on (memo key)


@dataclass(frozen=True)
class TownshipResult:
    reports: tuple[Report, ...]  # without their parsed sources (kept only while checking)
    problems: tuple[Problem, ...]
    facets: tuple[tuple[tuple[str, int], tuple[str, str]], ...]  # report key → report_facet
    stated: frozenset[tuple[str, str, str, int]]
    notes: tuple[tuple[str, tuple[ReaderNote, ...]], ...] = ()  # report path → what readers are told


@dataclass(frozen=True)
class Shared:
    """What every township task reads (sent to each worker once)."""

    root: str
    schemas: Schemas
    today: date
    attachments: frozenset[str]
    checks: CheckSet


def load(root: Path, options: LoadOptions, memo, listing: Listing | None = None) -> Loaded:
    """`listing`: content/ as the caller has just listed it (else it is listed here)."""
    listing = listing or list_content(root)
    if listing is None:
        return Loaded(None, (NO_CONTENT,))
    code = code_digest(options.schema_dir)
    schemas = load_schemas(options.schema_dir)
    small, problems = _small_files(root, listing, code, memo)
    config, found = assemble_config(small.get("content/site.yaml"))
    problems += found
    townships, found = assemble_townships(_township_sources(listing, small))
    problems += found
    pages, found = assemble_pages(tuple(s for rel, s in small.items() if rel.startswith("content/pages/") and s))
    problems += found + _missing_config(listing) + template_problems(root)
    if config is None:
        return Loaded(None, tuple(sort_problems(problems)), listing=listing)
    shared = Shared(str(root), schemas, options.today, frozenset(listing.attachments), options.checks)
    results = _townships(listing, townships, shared, code, memo, options.workers)
    reports = tuple(r for result in results for r in result.reports)
    problems += [p for result in results for p in result.problems]
    notes = {path: found for result in results for path, found in result.notes}
    site = Site(config, townships, reports, pages, schemas, listing.attachments, reader_notes=notes)
    site = _for_publishing(root, site, options, memo)
    problems += relative_base_url(site.config, small["content/site.yaml"])
    view = _view(site, results, options)
    known = _known(view, root)
    problems += [p for check in options.checks.site for p in check.run(site, known)]
    return Loaded(site, tuple(sort_problems(problems)), view, listing)


def load_site(root: Path, today: date, jobs: int = 1) -> tuple[Site | None, list[Problem]]:
    """What `xxgk check` finds, with no memo kept: (the site, its problems)."""
    from generator.engine.memo import MemoryMemo

    loaded = load(root, LoadOptions(today, workers=Workers(jobs)), MemoryMemo())
    return loaded.site, list(loaded.problems)


def _small_files(root: Path, listing: Listing, code: str, memo) -> tuple[dict, list[Problem]]:
    """site.yaml, township.yaml and the pages, parsed (or found in the memo by their stamp)."""
    rels = [r for r in listing.readable if not r.startswith("content/townships/") or r.endswith("/township.yaml")]
    keys = {rel: digest(code, rel, listing.stamps.get(rel, "")) for rel in rels}
    known = memo.get_many("source", keys.values())
    sources, problems = {}, []
    for rel in rels:
        found = known.get(keys[rel])
        if found is None:
            found = read_source(str(root), rel)
            memo.put("source", keys[rel], found)
        sources[rel] = found[1]
        problems += found[2]
    return sources, problems


def _township_sources(listing: Listing, small: dict) -> dict:
    return {slug: small.get(f"content/townships/{slug}/township.yaml") for slug in listing.folders}


def _missing_config(listing: Listing) -> list[Problem]:
    if "content/site.yaml" in listing.yamls:
        return list(listing.problems)
    message = "缺少站点配置 content/site.yaml（至少写 title: 和 base_url:）"
    return [*listing.problems, Problem("content/site.yaml", 0, "config.missing", message)]


def _townships(
    listing: Listing, townships: tuple[Township, ...], shared: Shared, code: str, memo, workers: Workers
) -> list[TownshipResult]:
    """Every township folder's reports, from the memo or read, assembled and checked anew."""
    works = _works(listing, townships, shared, code, memo)
    known = memo.get_many("township", (w.key for w in works))
    todo = [w for w in works if w.key not in known]
    for work, result in zip(todo, parallel(_township_task, todo, shared, workers), strict=True):
        memo.put("township", work.key, result)
        known[work.key] = result
    return [known[w.key] for w in works]


def _works(listing: Listing, townships: tuple[Township, ...], shared: Shared, code: str, memo) -> list[TownshipWork]:
    by_slug = {t.slug: t for t in townships}
    files: dict[str, list[str]] = defaultdict(list)
    for rel in listing.markdowns:
        if rel.startswith("content/townships/"):
            files[rel.split("/")[2]].append(rel)
    nearby: dict[str, list[str]] = defaultdict(list)
    for rel in listing.attachments:
        nearby[rel.split("/")[2]].append(rel)
    digests = _digests(shared.root, listing, [rel for rels in files.values() for rel in rels], memo)
    checks = shared.checks.names
    works = []
    for slug, rels in sorted(files.items()):
        township = by_slug.get(slug)
        inputs = (code, checks, shared.today, township, tuple(nearby[slug]), tuple((r, digests[r]) for r in rels))
        works.append(TownshipWork(slug, township, tuple(rels), tuple(nearby[slug]), digest(*inputs)))
    return works


def _digests(root: str, listing: Listing, rels: list[str], memo) -> dict[str, str]:
    """Each file's sha256, read again only when its stamp (time, size, inode) is new."""
    keys = {rel: f"{rel}\0{listing.stamps.get(rel, '')}" for rel in rels}
    known = memo.get_many("digest", keys.values())
    found = {}
    for rel in rels:
        value = known.get(keys[rel])
        if value is None:
            value = file_digest(root, rel)
            memo.put("digest", keys[rel], value)
        found[rel] = value
    return found


def _township_task(shared: Shared, work: TownshipWork) -> TownshipResult:
    """One township: its files read, each report assembled, then every township check run."""
    townships = {work.slug: work.township} if work.township else {}
    reports, problems = [], []
    for rel in work.files:
        _, source, found = read_source(shared.root, rel)
        problems += found
        if source is None:
            continue
        report, found = assemble_report(source, townships, shared.schemas, shared.attachments, shared.today)
        problems += found
        if report is not None:
            reports.append(report)
    ordered = tuple(sorted(reports, key=lambda r: r.year))
    for check in shared.checks.townships:
        problems += check.run(ordered, shared.schemas)
    notes = tuple(sorted(reader_notes(ordered, shared.schemas, problems).items()))
    bare = tuple(replace(r, origin=None) for r in ordered)
    facets = tuple((r.key, report_facet(r)) for r in bare)
    return TownshipResult(bare, tuple(problems), facets, frozenset(stated_cells(bare)), notes)


def _for_publishing(root: Path, site: Site, options: LoadOptions, memo) -> Site:
    """The base URL the site is published at, and from git each report's corrections and each
    file's last change (what a build shows; a check does not read git)."""
    if options.base_url:
        site = replace(site, config=with_base_url(site.config, options.base_url))
    if not options.history:
        return site
    stamp = history_stamp(root)
    history = memo.get("history", stamp) if stamp else None
    if history is None:
        history = read_git_history(root)
        memo.put("history", stamp, history)
    return with_revisions(replace(site, corrections=history.corrections), history.last_changed)


def _view(site: Site, results: Iterable[TownshipResult], options: LoadOptions) -> View:
    per_report = {key: facet for result in results for key, facet in result.facets}
    stated = frozenset().union(*(result.stated for result in results))
    urls = Urls(site.config.base_path, site.config.base_url, options.assets)
    view = View(site, build_index(site), urls, facets_of(site, per_report, stated))
    return replace(view, pages=plan(view))


def _known(view: View, root: Path) -> Known:
    """Every path a body may link to (the pages, the attachments and the static files), and each
    page's anchors (made from the renderer's own functions, when a link asks)."""
    static = (rel for _, rel in static_files(template_folders(root)))
    paths = known_paths(view.site, (page.url for page in view.pages)) | frozenset(static)
    return Known(paths, Anchors(view.site))
