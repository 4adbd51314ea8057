"""Pages made in the worker pool: each worker renders a page (pages/render.py), writes it into
the staging folder and checks its links while its bytes are at hand, so only a digest and the
links it could not vouch for go back to the parent."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.engine.pool import Workers, parallel
from generator.model.pages import Page, View
from generator.pages.render import Renderer
from generator.publish.links import Unresolved, unresolved_links
from generator.publish.output import write_file

# Links parsed by a worker are kept for the pages after (most are on every page: navigation,
# footer), up to this many: each page also has links of its own, and at 20,000 reports keeping
# them all took ~200 MB per worker.
PARSED_LINKS = 5000
# A worker is replaced by a new one, forked afresh, after this many chunks of pages: each page it
# renders reads a little more of the site, and reading an object in Python writes to it (its
# reference count), so the worker's share of the parent's memory slowly becomes a copy of its own.
CHUNKS_PER_WORKER = 20


@dataclass(frozen=True)
class RenderJob:
    """Everything a worker needs; handed to each worker once, at its start."""

    view: View
    templates: tuple[Path, ...]
    staging: Path
    links_to: frozenset[str]  # every output path of the build: each page's links are checked against it
    compiled: dict[str, bytes] = field(default_factory=dict)  # pages/render.py CompiledTemplates


@dataclass(frozen=True)
class Written:
    rel: str  # output path
    digest: str  # sha256 of the bytes
    unresolved: tuple[Unresolved, ...] = ()  # links the page and the build's output paths do not vouch for


class PageMaker:
    def __init__(self, job: RenderJob) -> None:
        self.job = job
        self.renderer = Renderer(job.view, job.templates, job.compiled)
        self.parsed: dict[str, tuple[str, str | None, str] | None] = {}

    def make(self, page: Page) -> Written:
        data = self.renderer.render(page)
        rel = self.job.view.urls.output_path(page.url)
        write_file(self.job.staging, rel, data)
        unresolved: list[Unresolved] = []
        if rel.endswith(".html"):
            if len(self.parsed) > PARSED_LINKS:
                self.parsed.clear()
            base = self.job.view.urls.base_path
            unresolved = unresolved_links(rel, data.decode("utf-8"), base, self.job.links_to, self.parsed)
        return Written(rel, hashlib.sha256(data).hexdigest(), tuple(unresolved))


def _make(maker: PageMaker, page: Page) -> Written:
    return maker.make(page)


def make_pages(job: RenderJob, pages: Sequence[Page], workers: Workers) -> Iterator[Written]:
    """Makes `pages` into `job.staging`, in order. The same bytes whatever the number of processes
    and however they are started: each page depends only on its inputs."""
    return parallel(_make, pages, job, workers, fresh_after=CHUNKS_PER_WORKER, setup=PageMaker)
