"""One rebuild of `xxgk serve`: the build's own load and publish, with the memo kept in memory
between rebuilds and the serve folder updated file by file. What a save did not change is found
in the memo; what it did is made again, as `xxgk build` would make it."""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator.checks.registry import CHECKS, CheckSet
from generator.engine.build import BuildOptions
from generator.engine.load import LoadOptions, load
from generator.engine.memo import MemoryMemo
from generator.engine.pool import Workers
from generator.engine.progress import Progress
from generator.engine.project import open_project
from generator.engine.publish import publish_site
from generator.model.problems import Problem, blocking, sort_problems
from generator.model.site import Site


@dataclass(frozen=True)
class Rebuild:
    problems: tuple[Problem, ...]
    site: Site | None
    rendered: tuple[str, ...] = ()  # output files written anew: pages, downloads, search files
    seconds: float = 0.0
    crash: str = ""  # the traceback when a template raised
    cpu_seconds: float = 0.0  # this thread's CPU time: the wall time on an idle machine


def rebuild(root: Path, out: Path, memo: MemoryMemo, today: date, jobs: int = 1, checks: CheckSet = CHECKS) -> Rebuild:
    """Brings `out` up to date with `root`; with errors in the content, only checks."""
    started, cpu = time.perf_counter(), time.thread_time()
    project = open_project(root)
    options = BuildOptions(out, jobs=jobs, today=today)
    load_options = LoadOptions(today, "", True, Workers(jobs), checks, project.assets(), project.schema_dir)
    loaded = load(root, load_options, memo)
    problems = list(loaded.problems)

    def done(**more) -> Rebuild:
        memo.end_run()
        return Rebuild(tuple(problems), loaded.site, seconds=time.perf_counter() - started,
                       cpu_seconds=time.thread_time() - cpu, **more)

    if loaded.view is None or blocking(problems):
        return done()
    try:
        published = publish_site(loaded.view, project, options, memo, Progress(False), in_place=True)
    except Exception as error:  # a template (or the code behind it) raised: shown in the browser
        return done(crash="".join(traceback.format_exception(error)))
    if isinstance(published, list):
        problems = sort_problems([*problems, *published])
        return done()
    return replace(done(), rendered=tuple(sorted((*published.rendered, *published.written))))
