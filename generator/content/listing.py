"""Listing content/ (what each file is, by its place and name) and reading one file of it."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.safe_files import UnsafeFile, read_regular, walk
from generator.content.source import MAX_BYTES, Source, read_markdown, read_yaml
from generator.model.problems import Problem

ATTACHMENT_TYPES = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".ofd", ".jpg", ".jpeg", ".png", ".zip")
_REPORT_NAME = re.compile(r"[0-9]{4}\.md", re.ASCII)  # ASCII digits: ２０１３.md is not 2013
ATTACHMENT_LIMIT = 50 * 2**20  # GitHub refuses files over 100 MB; a report's PDF is a few MB
PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


def _classify(content: Path) -> tuple[list[str], list[str], list[str], list[str], list[Problem], dict[str, str]]:
    """Lists (yaml files, markdown files, attachments, township folders) and flags entries that do
    not belong: unknown files, links and special files (safe_files.py: none of them is read)."""
    yamls, markdowns, attachments, problems = [], [], [], []
    folders = set()
    stamps = {}
    for entry in walk(content):
        rel = f"content/{entry.rel}"
        stamps[rel] = entry.stamp
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
    return yamls, markdowns, attachments, sorted(real), problems, stamps


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


def read_source(root: str, rel: str) -> tuple[str, Source | None, tuple[Problem, ...]]:
    """One content file read and parsed: (sha256 of its bytes, the parse, its problems)."""
    try:
        raw = read_regular(os.path.join(root, rel), MAX_BYTES)
    except UnsafeFile as refused:
        return "", None, (unsafe_problem(rel, refused),)
    source, problems = read_markdown(rel, raw) if rel.endswith(".md") else read_yaml(rel, raw)
    return hashlib.sha256(raw).hexdigest(), source, tuple(problems)


def file_digest(root: str, rel: str) -> str:
    """The sha256 of a content file's bytes ("" if it cannot be read: read_source says why)."""
    try:
        return hashlib.sha256(read_regular(os.path.join(root, rel), MAX_BYTES)).hexdigest()
    except UnsafeFile:
        return ""


def unsafe_problem(rel: str, refused: UnsafeFile) -> Problem:
    if refused.kind == "too_large":
        size = int(refused.detail) // 1024
        return Problem(rel, 0, "file.too_large", f"文件过大（{size} KB，上限 {MAX_BYTES // 1024} KB），"
                       "请确认不是误存的附件或二进制文件")
    if refused.kind == "unreadable":
        return Problem(rel, 0, "file.unreadable", f"无法读取这个文件（{refused.detail}），请检查文件权限")
    return Problem(rel, 0, *_UNSAFE[refused.kind])


@dataclass(frozen=True)
class Listing:
    """Which files content/ holds, sorted and classified, before any is read."""

    yamls: tuple[str, ...]
    markdowns: tuple[str, ...]
    attachments: tuple[str, ...]
    folders: tuple[str, ...]  # township folder names
    problems: tuple[Problem, ...]  # files that do not belong, folders without township.yaml
    stamps: dict[str, str] = field(default_factory=dict)  # regular file → safe_files.stamp_of

    @property
    def readable(self) -> tuple[str, ...]:
        return self.yamls + self.markdowns


def list_content(root: Path) -> Listing | None:
    """None when there is no content/ folder."""
    content = root / "content"
    if not content.is_dir():
        return None
    yamls, markdowns, attachments, folders, problems, stamps = _classify(content)
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
    return Listing(tuple(yamls), tuple(markdowns), tuple(attachments), tuple(folders), tuple(problems), stamps)


NO_CONTENT = Problem("content", 0, "config.missing", "找不到 content/ 目录：请在站点根目录运行 xxgk")
