"""`xxgk build`: load (engine/load.py: list → read → assemble → check → plan), then publish
(engine/publish.py: render → index → link-check → swap in), with the memo kept on disk.

A build whose inputs are all what the last one saw (content files by stamp, templates, code,
options, git commit, the day, and the output folder it made) does nothing else.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.checks.registry import CHECKS, CheckSet
from generator.content.git_history import history_stamp
from generator.content.listing import list_content
from generator.engine.keys import digest, folder_id
from generator.engine.load import Loaded, LoadOptions, load
from generator.engine.memo import DiskMemo, MemoryMemo
from generator.engine.pool import Workers
from generator.engine.progress import Progress
from generator.engine.project import Project, open_project
from generator.engine.publish import COPIED, Published, publish_site
from generator.model.problems import Problem, blocking, sort_problems
from generator.publish.output import refuse_out


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
    start_method: str = ""  # how workers start: "fork", "spawn", or "" for the system's choice


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    ok: bool
    rendered: tuple[str, ...] = ()  # pages written anew
    reused: int = 0  # output files carried over unchanged from the last build
    seconds: float = 0.0
    cache_note: str = ""
    written: tuple[str, ...] = ()  # other output paths written anew: open data and search index


class OutputRefused(ValueError):
    """The output folder is one a build must not replace (output.refuse_out says why)."""


def build(root: Path, options: BuildOptions, checks: CheckSet = CHECKS) -> BuildResult:
    refused = refuse_out(root, options.out)
    if refused:
        raise OutputRefused(refused)
    started = time.perf_counter()
    project = open_project(root)
    memo = DiskMemo(project.cache / "memo.sqlite", project.code) if options.cache else MemoryMemo()
    try:
        result = _build(project, options, checks, memo)
    finally:
        if isinstance(memo, DiskMemo):
            memo.close()
    note = result.cache_note or getattr(memo, "note", "")
    return BuildResult(result.problems, result.ok, result.rendered, result.reused,
                       time.perf_counter() - started, note, result.written)


def _build(project: Project, options: BuildOptions, checks: CheckSet, memo) -> BuildResult:
    listing = list_content(project.root)
    unchanged = _unchanged_key(project, options, listing)
    if listing is not None:
        known = memo.get("build", digest(unchanged, folder_id(options.out)))
        if known is not None and folder_id(options.out):
            record = memo.get("output", folder_id(options.out)) or {}
            memo.end_run()
            kept = sum(not fingerprint.startswith(COPIED) for fingerprint, _ in record.values())
            return BuildResult(known, not blocking(known, options.strict), reused=kept, cache_note="nothing changed")
    progress = Progress(options.progress)
    try:
        loaded = load(project.root, _load_options(project, options, checks), memo, listing)
        problems = list(loaded.problems)
        if loaded.view is None or blocking(problems, options.strict):
            memo.end_run()
            return BuildResult(tuple(problems), False)
        published = publish_site(loaded.view, project, options, memo, progress)
    finally:
        progress.close()
    return _finish(published, loaded, problems, unchanged, options, memo)


def _finish(
    published: Published | list[Problem], loaded: Loaded, problems: list[Problem], unchanged: str,
    options: BuildOptions, memo,
) -> BuildResult:
    if isinstance(published, list):
        memo.end_run()
        return BuildResult(tuple(sort_problems([*problems, *published])), False)
    memo.put("build", digest(unchanged, folder_id(options.out)), tuple(problems))
    memo.end_run()
    return BuildResult(tuple(problems), True, published.rendered, published.reused, written=published.written)


def _load_options(project: Project, options: BuildOptions, checks: CheckSet) -> LoadOptions:
    workers = Workers(options.jobs, options.start_method)
    return LoadOptions(options.today, options.base_url, True, workers, checks, project.assets(), project.schema_dir)


def _unchanged_key(project: Project, options: BuildOptions, listing) -> str:
    """Everything a build's output depends on, cheaply: the code and templates, every content file
    by its stamp, the options, the git commit (corrections, dates) and the day."""
    stamps = sorted(listing.stamps.items()) if listing else ()
    problems = listing.problems if listing else ()
    settings = (options.base_url, options.search, str(options.out), history_stamp(project.root))
    return digest(project.code, project.look, stamps, problems, settings, options.today.isoformat())
