"""Pages to bytes: a Jinja template and its context, or a download's writer (pages/kinds.py),
in the worker pool. Each page is checked for links as it is made, while its bytes are at hand."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.content.markup import new_converter
from generator.engine.pool import Workers, parallel
from generator.pages.contexts import common_context
from generator.pages.kinds import BY_NAME
from generator.pages.routes import Page, View
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


def make_environment(templates: Sequence[Path]) -> jinja2.Environment:
    """Templates are looked up in `templates` in order (a site's own folder before the defaults,
    file by file); they fail loudly on a missing variable and escape everything by default."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(t) for t in templates]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class RenderJob:
    """Everything a worker needs; handed to each worker once, at its start."""

    view: View
    templates: tuple[Path, ...]
    staging: Path
    # Every output path of the build: each page's links are checked against it as the page is
    # made (links.unresolved_links). None: links are not checked.
    links_to: frozenset[str] | None = None


@dataclass(frozen=True)
class Written:
    rel: str  # output path
    digest: str  # sha256 of the bytes
    unresolved: tuple[Unresolved, ...] = ()  # links the page and the build's output paths do not vouch for


class Renderer:
    """One worker's renderer: a Jinja environment, a Markdown converter and the links it parsed."""

    def __init__(self, job: RenderJob, environment: jinja2.Environment | None = None) -> None:
        self.job = job
        self.env = environment or make_environment(job.templates)
        self.converter = new_converter()
        self.parsed: dict[str, tuple[str, str | None, str] | None] = {}

    def render(self, page: Page) -> bytes:
        kind, view = BY_NAME[page.kind], self.job.view
        if kind.writer is not None:
            return kind.writer(page, view)
        context = {**common_context(page, view.site, view.index, view.urls), **kind.context(page, view, self.converter)}
        return self.env.get_template(kind.template).render(context).encode("utf-8")

    def write(self, page: Page) -> Written:
        data = self.render(page)
        rel = self.job.view.urls.output_path(page.url)
        write_file(self.job.staging, rel, data)
        unresolved: list[Unresolved] = []
        if self.job.links_to is not None and rel.endswith(".html"):
            if len(self.parsed) > PARSED_LINKS:
                self.parsed.clear()
            base = self.job.view.urls.base_path
            unresolved = unresolved_links(rel, data.decode("utf-8"), base, self.job.links_to, self.parsed)
        return Written(rel, hashlib.sha256(data).hexdigest(), tuple(unresolved))


def _write(renderer: Renderer, page: Page) -> Written:
    return renderer.write(page)


def render_to(job: RenderJob, pages: Sequence[Page], workers: Workers) -> Iterator[Written]:
    """Renders `pages` into `job.staging`, in order. The same bytes whatever the number of
    processes and however they are started: each page depends only on its inputs."""
    return parallel(_write, pages, job, workers, fresh_after=CHUNKS_PER_WORKER, setup=Renderer)
