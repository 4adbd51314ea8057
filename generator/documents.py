"""Finding and parsing every file under content/ (in parallel when there are many)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.problems import Problem
from generator.source import Source, read_markdown, read_yaml

ATTACHMENT_TYPES = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".ofd", ".jpg", ".jpeg", ".png", ".zip")
_REPORT_NAME = re.compile(r"^\d{4}\.md$")
PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class ContentFiles:
    """Every content file, parsed. Paths are relative to the project root, with /."""

    config: Source | None
    townships: dict[str, Source | None]  # slug → township.yaml (None: missing or unreadable)
    reports: tuple[Source, ...]
    pages: tuple[Source, ...]
    attachments: tuple[str, ...]


def _classify(root: Path, content: Path) -> tuple[list[str], list[str], list[str], list[Problem]]:
    """Lists (yaml files, markdown files, attachments) and flags files that do not belong."""
    yamls, markdowns, attachments, problems = [], [], [], []
    prefix = len(str(root)) + 1
    for folder, dirs, files in os.walk(content):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = folder[prefix:].replace(os.sep, "/")  # plain strings: pathlib costs seconds at 20,000 files
        for name in sorted(files):
            if name.startswith(".") or name.endswith("~"):
                continue
            rel = f"{base}/{name}"
            parts = tuple(rel.split("/")[1:])
            if parts in (("site.yaml",),) or (len(parts) == 3 and parts[0] == "townships" and name == "township.yaml"):
                yamls.append(rel)
            elif (len(parts) == 2 and parts[0] == "pages" and name.endswith(".md")) or (
                len(parts) == 3 and parts[0] == "townships" and _REPORT_NAME.match(name)
            ):
                markdowns.append(rel)
            elif len(parts) == 3 and parts[0] == "townships" and name.lower().endswith(ATTACHMENT_TYPES):
                attachments.append(rel)
            else:
                problems.append(Problem(rel, 0, "file.unknown_type", _unknown_message(parts)))
    return yamls, markdowns, attachments, problems


def _unknown_message(parts: tuple[str, ...]) -> str:
    if parts[0] == "townships" and parts[-1].endswith(".md"):
        return "报告文件名应为四位年份，如 2019.md，放在 content/townships/<乡镇>/ 下"
    return (
        "content/ 中不认识这个文件：报告放在 townships/<乡镇>/<年份>.md，附件用 "
        f"{'、'.join(ATTACHMENT_TYPES)} 等扩展名，页面放在 pages/<名称>.md"
    )


def _read(root: str, rel: str) -> tuple[Source | None, list[Problem]]:
    raw = Path(root, rel).read_bytes()
    return read_markdown(rel, raw) if rel.endswith(".md") else read_yaml(rel, raw)


def _read_many(root: Path, rels: list[str], jobs: int) -> Iterable[tuple[Source | None, list[Problem]]]:
    if jobs <= 1 or len(rels) < PARALLEL_FROM:
        return [_read(str(root), rel) for rel in rels]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_read, [str(root)] * len(rels), rels, chunksize=64))


Reader = Callable[[Path, list[str], int], Iterable[tuple[Source | None, list[Problem]]]]


def load_documents(root: Path, jobs: int = 1, reader: Reader | None = None) -> tuple[ContentFiles, list[Problem]]:
    """`reader` parses the listed files (default: all of them, afresh); `xxgk serve` passes one that
    re-reads only the files changed since its last rebuild."""
    content = root / "content"
    if not content.is_dir():
        return ContentFiles(None, {}, (), (), ()), [
            Problem("content", 0, "config.missing", "找不到 content/ 目录：请在站点根目录运行 xxgk")
        ]
    yamls, markdowns, attachments, problems = _classify(root, content)
    parsed = dict(zip(yamls + markdowns, (reader or _read_many)(root, yamls + markdowns, jobs), strict=True))
    config = None
    townships: dict[str, Source | None] = {}
    reports, pages = [], []
    for folder in sorted(p.name for p in (content / "townships").glob("*") if p.is_dir()):
        townships[folder] = None
        if not (content / "townships" / folder / "township.yaml").is_file():
            problems.append(
                Problem(
                    f"content/townships/{folder}",
                    0,
                    "township.missing_yaml",
                    "乡镇目录中缺少 township.yaml（写明 name、county、city、province），可用 xxgk new township 生成",
                )
            )
    for rel, (source, file_problems) in parsed.items():
        problems += file_problems
        parts = Path(rel).parts[1:]
        if parts == ("site.yaml",):
            config = source
        elif parts[-1] == "township.yaml":
            townships[parts[1]] = source
        elif source is not None and parts[0] == "pages":
            pages.append(source)
        elif source is not None:
            reports.append(source)
    if "content/site.yaml" not in parsed:
        problems.append(
            Problem(
                "content/site.yaml", 0, "config.missing", "缺少站点配置 content/site.yaml（至少写 title: 和 base_url:）"
            )
        )
    return ContentFiles(config, townships, tuple(reports), tuple(pages), tuple(attachments)), problems
