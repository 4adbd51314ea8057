"""Finding and parsing every file under content/ (in parallel when there are many)."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from generator.content.safe_files import UnsafeFile, read_regular, walk
from generator.content.source import MAX_BYTES, Source, read_markdown, read_yaml
from generator.engine.parse_cache import ParseCache, Parsed, reusable, stat_of
from generator.engine.progress import Progress
from generator.model.problems import Problem

ATTACHMENT_TYPES = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".ofd", ".jpg", ".jpeg", ".png", ".zip")
_REPORT_NAME = re.compile(r"[0-9]{4}\.md", re.ASCII)  # ASCII digits: ２０１３.md is not 2013
ATTACHMENT_LIMIT = 50 * 2**20  # GitHub refuses files over 100 MB; a report's PDF is a few MB
PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class ContentFiles:
    """Every content file, parsed. Paths are relative to the project root, with /."""

    config: Source | None
    townships: dict[str, Source | None]  # slug → township.yaml (None: missing or unreadable)
    reports: tuple[Source, ...]
    pages: tuple[Source, ...]
    attachments: tuple[str, ...]


def _classify(content: Path) -> tuple[list[str], list[str], list[str], list[str], list[Problem]]:
    """Lists (yaml files, markdown files, attachments, township folders) and flags entries that do
    not belong: unknown files, links and special files (safe_files.py: none of them is read)."""
    yamls, markdowns, attachments, problems = [], [], [], []
    folders = set()
    for entry in walk(content):
        rel = f"content/{entry.rel}"
        parts = tuple(entry.rel.split("/"))
        if len(parts) >= 2 and parts[0] == "townships":
            folders.add(parts[1])
        if entry.kind != "file":
            problems.append(Problem(rel, 0, *_UNSAFE[entry.kind]))
        elif parts == ("site.yaml",) or (len(parts) == 3 and parts[0] == "townships" and parts[2] == "township.yaml"):
            yamls.append(rel)
        elif (len(parts) == 2 and parts[0] == "pages" and parts[1].endswith(".md")) or (
            len(parts) == 3 and parts[0] == "townships" and _REPORT_NAME.fullmatch(parts[2])
        ):
            markdowns.append(rel)
        elif len(parts) == 3 and parts[0] == "townships" and parts[2].lower().endswith(ATTACHMENT_TYPES):
            size = os.lstat(content / entry.rel).st_size
            if size > ATTACHMENT_LIMIT:
                problems.append(Problem(rel, 0, "file.too_large", f"附件过大（{size // 2**20} MB，上限 "
                                        f"{ATTACHMENT_LIMIT // 2**20} MB），请压缩后再上传，或只链接到原发布地址"))
            else:
                attachments.append(rel)
        else:
            problems.append(Problem(rel, 0, "file.unknown_type", _unknown_message(parts)))
    real = {f for f in folders if (content / "townships" / f).is_dir() and not (content / "townships" / f).is_symlink()}
    return yamls, markdowns, attachments, sorted(real), problems


_UNSAFE = {  # safe_files kind → code, message
    "symlink": ("file.symlink", "content/ 中不能有符号链接（快捷方式）：xxgk 不读取它指向的文件或目录，请换成文件本身"),
    "special": ("file.special", "这不是普通文件（可能是管道、设备或套接字），xxgk 不会读取它；请删除"),
}


def _unknown_message(parts: tuple[str, ...]) -> str:
    if parts[0] == "townships" and parts[-1].endswith(".md"):
        return "报告文件名应为四位年份，如 2019.md，放在 content/townships/<乡镇>/ 下"
    return (
        "content/ 中不认识这个文件：报告放在 townships/<乡镇>/<年份>.md，附件用 "
        f"{'、'.join(ATTACHMENT_TYPES)} 等扩展名，页面放在 pages/<名称>.md"
    )


def parse_file(root: str, rel: str, mtime_ns: int, size: int) -> Parsed:
    """One file read and parsed; the stat is the caller's, taken before reading."""
    try:
        raw = read_regular(os.path.join(root, rel), MAX_BYTES)
    except UnsafeFile as refused:
        return Parsed(mtime_ns, size, "", None, (unsafe_problem(rel, refused),))
    source, problems = read_markdown(rel, raw) if rel.endswith(".md") else read_yaml(rel, raw)
    return Parsed(mtime_ns, size, hashlib.sha256(raw).hexdigest(), source, tuple(problems))


def unsafe_problem(rel: str, refused: UnsafeFile) -> Problem:
    if refused.kind == "too_large":
        size = int(refused.detail) // 1024
        return Problem(rel, 0, "file.too_large", f"文件过大（{size} KB，上限 {MAX_BYTES // 1024} KB），"
                       "请确认不是误存的附件或二进制文件")
    if refused.kind == "unreadable":
        return Problem(rel, 0, "file.unreadable", f"无法读取这个文件（{refused.detail}），请检查文件权限")
    return Problem(rel, 0, *_UNSAFE[refused.kind])


def _parse_many(root: Path, todo: list[tuple[str, int, int]], jobs: int, progress: Progress | None) -> list[Parsed]:
    args = [(str(root), *item) for item in todo]
    if progress:
        progress.stage("解析内容文件", len(todo))
    if jobs <= 1 or len(todo) < PARALLEL_FROM:
        return [_ticked(parse_file(*a), progress) for a in args]
    with ProcessPoolExecutor(jobs) as pool:
        return [_ticked(p, progress) for p in pool.map(parse_file, *zip(*args, strict=True), chunksize=64)]


def _ticked(parsed: Parsed, progress: Progress | None) -> Parsed:
    if progress:
        progress.tick()
    return parsed


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(read_regular(path, MAX_BYTES)).hexdigest()
    except UnsafeFile:
        return ""


def parse_files(
    root: Path, rels: list[str], jobs: int, cache: ParseCache, progress: Progress | None = None
) -> dict[str, Parsed]:
    """Every file in `rels`, parsed, or taken from `cache` when its stat or its bytes are unchanged.
    Each file is stat-ed before it is read, so an edit during the build is seen by the next one."""
    done: dict[str, Parsed] = {}
    todo = []
    for rel in rels:
        mtime_ns, size = stat_of(root / rel)
        old = cache.entries.get(rel)
        if reusable(old, mtime_ns, size):
            done[rel] = old
        elif old is not None and old.size == size and _digest(root / rel) == old.digest:
            done[rel] = replace(old, mtime_ns=mtime_ns)  # touched, not changed (e.g. a git checkout)
        else:
            todo.append((rel, mtime_ns, size))
    done.update(zip((t[0] for t in todo), _parse_many(root, todo, jobs, progress), strict=True))
    return {rel: done[rel] for rel in rels}


Parser = Callable[[list[str]], dict[str, tuple[Source | None, list[Problem]]]]


def load_documents(root: Path, jobs: int = 1) -> tuple[ContentFiles, list[Problem]]:
    """Every content file, parsed afresh."""
    files, problems, _ = load_documents_cached(root, jobs, ParseCache(""))
    return files, problems


def load_documents_cached(
    root: Path, jobs: int, cache: ParseCache, progress: Progress | None = None
) -> tuple[ContentFiles, list[Problem], ParseCache]:
    """`load_documents`, reusing the parses in `cache`; also returns the cache for the next build."""
    entries: dict[str, Parsed] = {}

    def parse(rels: list[str]) -> dict[str, tuple[Source | None, list[Problem]]]:
        entries.update(parse_files(root, rels, jobs, cache, progress))
        return {rel: (e.source, list(e.problems)) for rel, e in entries.items()}

    files, problems = _collect(root, parse)
    return files, problems, ParseCache(cache.key, entries, cache.note)


@dataclass(frozen=True)
class Listing:
    """Which files content/ holds, sorted and classified, before any is read."""

    yamls: tuple[str, ...]
    markdowns: tuple[str, ...]
    attachments: tuple[str, ...]
    folders: tuple[str, ...]  # township folder names
    problems: tuple[Problem, ...]  # files that do not belong, folders without township.yaml

    @property
    def readable(self) -> tuple[str, ...]:
        return self.yamls + self.markdowns


def list_content(root: Path) -> Listing | None:
    """None when there is no content/ folder."""
    content = root / "content"
    if not content.is_dir():
        return None
    yamls, markdowns, attachments, folders, problems = _classify(content)
    for folder in folders:
        if f"content/townships/{folder}/township.yaml" not in yamls:
            problems.append(
                Problem(
                    f"content/townships/{folder}",
                    0,
                    "township.missing_yaml",
                    "乡镇目录中缺少 township.yaml（写明 name、county、city、province），可用 xxgk new township 生成",
                )
            )
    return Listing(tuple(yamls), tuple(markdowns), tuple(attachments), tuple(folders), tuple(problems))


NO_CONTENT = Problem("content", 0, "config.missing", "找不到 content/ 目录：请在站点根目录运行 xxgk")


def _collect(root: Path, parse: Parser) -> tuple[ContentFiles, list[Problem]]:
    listing = list_content(root)
    if listing is None:
        return ContentFiles(None, {}, (), (), ()), [NO_CONTENT]
    return content_files(listing, parse(list(listing.readable)))


def content_files(
    listing: Listing, parsed: dict[str, tuple[Source | None, list[Problem]]]
) -> tuple[ContentFiles, list[Problem]]:
    """The parsed files of `listing`, sorted into config, townships, reports and pages."""
    problems = list(listing.problems)
    config = None
    townships: dict[str, Source | None] = dict.fromkeys(listing.folders)
    reports, pages = [], []
    for rel in listing.readable:
        source, file_problems = parsed[rel]
        problems += file_problems
        # content/site.yaml, content/pages/<name>.md, content/townships/<slug>/{township.yaml,<year>.md}
        parts = rel.split("/")
        if len(parts) == 2:
            config = source
        elif parts[-1] == "township.yaml":
            townships[parts[2]] = source
        elif source is not None and parts[1] == "pages":
            pages.append(source)
        elif source is not None:
            reports.append(source)
    if "content/site.yaml" not in parsed:
        problems.append(
            Problem(
                "content/site.yaml", 0, "config.missing", "缺少站点配置 content/site.yaml（至少写 title: 和 base_url:）"
            )
        )
    return ContentFiles(config, townships, tuple(reports), tuple(pages), listing.attachments), problems
