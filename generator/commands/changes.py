"""Which content files a pull request changes (`git diff` against its base), for the Chinese job
summary of the check workflow: reviewers see at a glance which reports the PR touches."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.model.problems import ERROR, WARNING, Problem

STATUS_ZH = {"A": "新增", "M": "修改", "D": "删除", "R": "改名", "C": "复制", "T": "修改"}


@dataclass(frozen=True)
class ChangedFile:
    path: str  # relative to the site root, with /
    status: str  # git's letter, see STATUS_ZH
    old_path: str = ""  # for renames and copies


class GitError(Exception):
    """git could not compare with the base: not a checkout, or the base is not fetched."""


_REVISION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/~^@{}-]{0,199}")


def valid_revision(text: str) -> bool:
    """A branch, tag or commit as git spells them; nothing that git could read as an option."""
    return bool(_REVISION.fullmatch(text)) and ".." not in text and not text.endswith((".", "/", ".lock"))


def changed_files(root: Path, base: str, folder: str = "content") -> list[ChangedFile]:
    """Files under `folder` that differ between the merge base of `base` and HEAD, and HEAD:
    what the pull request itself changes, not what landed on the base branch meanwhile."""
    if not valid_revision(base):
        raise GitError(f"“{base}”不是有效的 git 分支名或提交")
    args = ["git", "-c", "core.quotePath=false", "-C", str(root), "diff", "--relative", "-M", "--name-status", "-z"]
    try:
        result = subprocess.run(
            [*args, "--end-of-options", f"{base}...HEAD", "--", folder],
            capture_output=True, text=True, encoding="utf-8", check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("找不到 git 命令") from exc
    if result.returncode != 0:
        raise GitError(f"无法与 {base} 比较（{result.stderr.strip()}）；拉取时请取完整历史（fetch-depth: 0）")
    tokens = [t for t in result.stdout.split("\0") if t]
    changes, i = [], 0
    while i < len(tokens):
        status = tokens[i][0]
        if status in "RC":
            changes.append(ChangedFile(tokens[i + 2], status, tokens[i + 1]))
            i += 3
        else:
            changes.append(ChangedFile(tokens[i + 1], status))
            i += 2
    return sorted(changes, key=lambda c: c.path)


def changes_markdown(changes: Iterable[ChangedFile], problems: Iterable[Problem], base: str) -> str:
    """A table of the changed files with the problems found in each."""
    changes = list(changes)
    if not changes:
        return f"\n### 本次修改的内容\n\n与 `{base}` 相比，content/ 下没有文件改动。\n"
    counts: dict[str, list[int]] = {}
    for p in problems:
        row = counts.setdefault(p.path, [0, 0])
        row[0] += p.severity == ERROR
        row[1] += p.severity == WARNING
    out = ["", "### 本次修改的内容", "", f"与 `{base}` 相比改动了 {len(changes)} 个文件：", ""]
    out += ["| 文件 | 改动 | 错误 | 警告 |", "|---|---|---:|---:|"]
    for change in changes:
        errors, warnings = counts.get(change.path, [0, 0])
        how = STATUS_ZH.get(change.status, change.status)
        if change.old_path:
            how += f"（原 `{change.old_path}`）"
        out.append(f"| `{change.path}` | {how} | {errors} | {warnings} |")
    return "\n".join(out) + "\n"
