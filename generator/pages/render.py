"""Rendering pages to bytes with Jinja (and the downloads with open_data.py), in a pool of worker
processes when there are many."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.content.markup import new_converter
from generator.data.downloads import data_file
from generator.engine.forked import forked_pool
from generator.model.site import Site
from generator.model.site_index import SiteIndex
from generator.pages.contexts import page_context
from generator.pages.routes import Page, Urls
from generator.publish.links import Unresolved, unresolved_links
from generator.publish.output import write_file

PARALLEL_FROM = 200  # pages; below this a pool costs more than it saves
# Links parsed by a worker are kept for the pages after (most are on every page: navigation,
# footer), up to this many: each page also has links of its own, and at 20,000 reports keeping
# them all took ~200 MB per worker.
PARSED_LINKS = 5000
# A worker is replaced by a new one, forked afresh, after this many chunks of pages: each page it
# renders reads a little more of the site, and reading an object in Python writes to it (its
# reference count), so the worker's share of the parent's memory slowly becomes a copy of its own.
# At 20,000 reports two workers had grown by ~400 MB by the end of the build.
CHUNKS_PER_WORKER = 20


def make_environment(template_dir: Path) -> jinja2.Environment:
    """Templates fail loudly on a missing variable and escape everything by default."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class RenderJob:
    """Everything a worker needs; handed to each worker once, at its start."""

    site: Site
    index: SiteIndex
    urls: Urls
    template_dir: Path
    staging: Path
    # A long-lived environment (the dev server's): templates compile once and recompile only when
    # their file changes (Jinja's auto_reload). None: a fresh one per renderer.
    environment: jinja2.Environment | None = None
    # Every output path of the build: each page's links are checked against it as the page is made
    # (links.unresolved_links). None: links are not checked (the dev server).
    links_to: frozenset[str] | None = None


@dataclass(frozen=True)
class Written:
    rel: str  # output path
    digest: str  # sha256 of the bytes
    unresolved: tuple[Unresolved, ...] = ()  # links the page and the build's output paths do not vouch for


class _Renderer:
    def __init__(self, job: RenderJob) -> None:
        self.job = job
        self.env = job.environment or make_environment(job.template_dir)
        self.converter = new_converter()
        self.parsed: dict[str, tuple[str, str | None, str] | None] = {}  # links seen by this worker

    def render(self, page: Page) -> bytes:
        if not page.template:  # a download (open_data.py): made in the same pool as the pages
            return data_file(page, self.job.site, self.job.index, self.job.urls)
        context = page_context(page, self.job.site, self.job.index, self.job.urls, self.converter)
        return self.env.get_template(page.template).render(context).encode("utf-8")

    def write(self, page: Page) -> Written:
        data = self.render(page)
        rel = self.job.urls.output_path(page.url)
        write_file(self.job.staging, rel, data)
        unresolved: list[Unresolved] = []
        if self.job.links_to is not None and rel.endswith(".html"):
            if len(self.parsed) > PARSED_LINKS:
                self.parsed.clear()
            text = data.decode("utf-8")
            unresolved = unresolved_links(rel, text, self.job.urls.base_path, self.job.links_to, self.parsed)
        return Written(rel, hashlib.sha256(data).hexdigest(), tuple(unresolved))


# A worker process renders many pages with one Jinja environment and one Markdown converter;
# this per-process slot is set once by the pool initializer and read by `_render_in_worker`.
_WORKER: list[_Renderer] = []


def _start_worker(job: RenderJob) -> None:
    _WORKER.append(_Renderer(job))


def _render_in_worker(page: Page) -> Written:
    return _WORKER[0].write(page)


def render_to(job: RenderJob, pages: Sequence[Page], jobs: int) -> Iterator[Written]:
    """Renders `pages` into `job.staging`; yields each as it is written.
    Output is the same whatever the number of processes: each page depends only on its inputs."""
    if jobs <= 1 or len(pages) < PARALLEL_FROM:
        renderer = _Renderer(job)
        for page in pages:
            yield renderer.write(page)
        return
    with forked_pool(jobs, _start_worker, (job,), CHUNKS_PER_WORKER) as pool:
        chunk = max(1, min(64, len(pages) // (jobs * 8)))
        yield from pool.imap_unordered(_render_in_worker, pages, chunksize=chunk)


def render_page(job: RenderJob, page: Page) -> bytes:
    """One page in memory (for tests and the dev server's error pages)."""
    return _Renderer(job).render(page)
