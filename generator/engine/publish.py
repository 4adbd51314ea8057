"""Publish a loaded site: render → index → link-check → swap in.

Every page has a fingerprint (its kind's dependencies and the build's key: code, templates,
config, base URL). What the output folder holds is recorded in the memo under the folder's
identity (device and inode): a page whose fingerprint is the same as there is not made again but
linked from it. Pages and downloads are made into a staging folder; then the search index, the
link check, and the exchange with the output folder (publish/output.py), or, for `xxgk serve`,
the changed files moved into its folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.content.listing import ATTACHMENT_LIMIT
from generator.content.safe_files import UnsafeFile, copy_regular, regular_stat
from generator.engine.keys import digest, folder_id
from generator.engine.pool import Workers, parallel
from generator.engine.progress import Progress
from generator.engine.project import Project
from generator.engine.rendering import RenderJob, make_pages
from generator.model.pages import Page, View
from generator.pages.kinds import BY_NAME, search_stubs
from generator.publish.link_check import site_link_problems
from generator.publish.links import Unresolved
from generator.publish.output import MARKER, MARKER_TEXT, discard, move_into, publish, staging_dir, write_file
from generator.search.update import Record, Search, write_search

COPIED = "copy:"  # a record's fingerprint for a file copied as it is: its source's size and time


@dataclass(frozen=True)
class Published:
    rendered: tuple[str, ...]  # pages made anew
    written: tuple[str, ...]  # downloads and search files written anew
    reused: int  # files kept from the last build
    record: dict[str, tuple[str, str]]  # output path → (fingerprint, sha256): what the folder holds now


@dataclass(frozen=True)
class Made:
    record: dict[str, tuple[str, str]]
    rendered: list[str]
    written: list[str]
    reused: int
    unresolved: list[Unresolved]


def publish_site(view: View, project: Project, options, memo, progress: Progress, in_place: bool = False):
    """Writes the site of `view` to `options.out`; returns Published, or the broken links (and
    then changes nothing). `in_place`: update the folder file by file (`xxgk serve`'s own folder)
    rather than exchanging it whole."""
    out = options.out
    key = digest(project.code, project.look, view.site.config)
    previous: Record | None = memo.get("output", folder_id(out)) if os.path.isdir(out) else None
    staging = staging_dir(out)
    try:
        made = _make(view, project, key, previous, staging, options, memo, progress, in_place)
        broken = site_link_problems(
            view.site, view.urls, staging, out, made.rendered, previous, made.unresolved, set(made.record)
        )
        if broken:
            discard(staging)
            return broken
        if in_place:
            move_into(staging, out, [rel for rel in previous or {} if rel not in made.record])
        else:
            publish(staging, out, made.record if previous else ())
    except BaseException:
        discard(staging)
        raise
    memo.put("output", folder_id(out), made.record)
    return Published(tuple(sorted(made.rendered)), tuple(sorted(made.written)), made.reused, made.record)


def _make(view: View, project: Project, key: str, previous: Record | None, staging: Path, options, memo,
          progress: Progress, in_place: bool) -> Made:
    located = [(page, view.urls.output_path(page.url)) for page in view.pages]
    fingerprints = {rel: page.fingerprint(key) for page, rel in located}
    assets = _assets(project, view)
    planned = frozenset([*fingerprints, *(rel for _, rel in assets)])
    compiled = memo.get("templates", project.look) or {}
    job = RenderJob(view, project.templates, staging, planned, compiled)
    made = _render(job, located, fingerprints, previous, options, progress, in_place)
    memo.put("templates", project.look, compiled)
    made.record.update(_copy(assets, staging, previous, options.out))
    if options.search:
        stubs = search_stubs(view)
        by_url = {page.url: fingerprints[rel] for page, rel in located}
        docs = memo.get_many("search_doc", (by_url[stub.url] for stub in stubs))
        run = partial(parallel, workers=Workers(options.jobs, options.start_method, serial_below=2), chunk=1)
        search = Search(stubs, view.urls, fingerprints, docs)
        indexed = write_search(search, staging, options.out, previous, run, options.jobs)
        for fingerprint, doc in indexed.docs.items():
            memo.put("search_doc", fingerprint, doc)
        made.record.update(indexed.files)
        made.written.extend(indexed.written)
        return Made(made.record, made.rendered, made.written, made.reused + indexed.reused, made.unresolved)
    return made


def _render(job: RenderJob, located: list[tuple[Page, str]], fingerprints: dict[str, str],
            previous: Record | None, options, progress: Progress, in_place: bool) -> Made:
    """The pages whose fingerprint differs from what the output folder holds, made anew; what reads
    every report's tables last, by workers of their own (they copy those tables once, and do not
    start from workers that have copied other parts of the site). A build's folder may have been
    changed by hand, so a kept page must still be there; `xxgk serve`'s folder is its own."""
    out = str(options.out)
    record, dirty, reused = {}, [], 0
    for page, rel in located:
        old = previous.get(rel) if previous else None
        if old is not None and old[0] == fingerprints[rel] and (in_place or os.path.isfile(os.path.join(out, rel))):
            record[rel] = old
            reused += 1
        else:
            dirty.append(page)
    rendered, written, unresolved = [], [], []
    progress.stage("生成页面", len(dirty))
    workers = Workers(options.jobs, options.start_method)
    late = [p for p in dirty if BY_NAME[p.kind].every_table]
    for batch in ([p for p in dirty if not BY_NAME[p.kind].every_table], _slowest_first(late)):
        for page, done in zip(batch, make_pages(job, batch, workers), strict=True):
            record[done.rel] = (fingerprints[done.rel], done.digest)
            (rendered if BY_NAME[page.kind].template else written).append(done.rel)
            unresolved += done.unresolved
            progress.tick()
    return Made(record, rendered, written, reused, unresolved)


def _slowest_first(pages: list[Page]) -> list[Page]:
    """Downloads of every report (bulk files) take longest: started first, they do not leave one
    worker busy at the end."""
    return sorted(pages, key=lambda p: BY_NAME[p.kind].template != "")


def _assets(project: Project, view: View) -> list[tuple[Path, str]]:
    """(source, output path) of every file copied as it is: the static files and the attachments."""
    pairs = project.static_files()
    urls = view.urls
    for report in view.site.reports:
        if report.attachment:
            target = urls.output_path(urls.attachment(report.township, report.year, report.attachment))
            pairs.append((project.root / Path(report.path).parent / report.attachment, target))
    return pairs


def _copy(assets: list[tuple[Path, str]], staging: Path, previous: Record | None, out: Path) -> dict:
    """Copies the static files and attachments into `staging`, except those the output folder
    already has (same size and modification time: `publish` links them)."""
    copied = {}
    for source, rel in assets:
        stat = regular_stat(source)
        if stat is None:
            raise UnsafeFile("symlink", str(source))  # it was a regular file when content/ was listed
        copied[rel] = (f"{COPIED}{stat.st_size}:{stat.st_mtime_ns}", "")
        if previous is None or previous.get(rel) != copied[rel] or regular_stat(out / rel) is None:
            copy_regular(source, staging / rel, ATTACHMENT_LIMIT)
    for rel, data in ((".nojekyll", b""), (MARKER, MARKER_TEXT)):  # GitHub Pages: no Jekyll; output.refuse_out
        copied[rel] = (f"{COPIED}{len(data)}:0", "")
        if previous is None or previous.get(rel) != copied[rel] or regular_stat(out / rel) is None:
            write_file(staging, rel, data)
    return copied
