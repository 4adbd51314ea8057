"""Revision history from git: the changes to each content file after it was first published, so
that corrections made after publication are visible to readers ("更正记录").

Two git calls per build, whatever the number of files: one to learn whether this is a full
checkout, one `git log` over content/ whose renames are followed here (as `git log --follow`
does for one file)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.model.site import Revision

_RECORD, _FIELD = "\x1e", "\x1f"
_LOG_FORMAT = "--format=%x1e%H%x1f%cs%x1f%s"


@dataclass(frozen=True)
class _Change:
    commit: str
    date: str
    message: str
    status: str  # git's letter: A, M, D, T, R (rename), C (copy)
    paths: tuple[str, ...]  # one path, or (old, new) for R and C


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    """None when git is not installed; the caller reads the return code."""
    try:
        return subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except FileNotFoundError:
        return None


def full_checkout(root: Path) -> bool:
    """True in a git work tree with its whole history. A shallow clone (actions/checkout's default)
    would make the oldest commit it has look like every file's first publication. A repository
    with no commit yet (just after `git init`) has no history either."""
    result = _git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--verify", "-q", "HEAD")
    return result is not None and result.returncode == 0 and result.stdout.split()[:2] == ["true", "false"]


def history_stamp(root: Path) -> str:
    """What the history read from git depends on, in one cheap call: the commit checked out and
    whether the clone is shallow ("" outside a git work tree)."""
    result = _git(root, "rev-parse", "HEAD", "--is-shallow-repository")
    return result.stdout.strip() if result is not None and result.returncode == 0 else ""


@dataclass(frozen=True)
class GitHistory:
    corrections: dict[str, tuple[Revision, ...]]  # path → changes after first publication, oldest first
    last_changed: dict[str, str]  # path → date of its newest commit (the sitemap's lastmod)


def read_git_history(root: Path, folder: str = "content") -> GitHistory:
    """One `git log` for both uses. Empty outside a full git checkout: then the site simply shows
    no history and no lastmod (a shallow clone would date every file to its one commit)."""
    if not full_checkout(root):
        return GitHistory({}, {})
    result = _git(root, "log", "--relative", "-M", "--name-status", "-z", _LOG_FORMAT, "--", folder)
    if result is None or result.returncode != 0:
        raise RuntimeError(f"git log 失败：{result.stderr.strip() if result else '找不到 git'}")
    return history_from_changes(parse_log(result.stdout))


def parse_log(text: str) -> list[_Change]:
    """`git log --name-status -z` output → one entry per file per commit, newest commit first."""
    changes = []
    for record in text.split(_RECORD)[1:]:
        header, _, rest = record.partition("\0")
        commit, date, message = header.split(_FIELD, 2)
        tokens = [t for t in rest.lstrip("\n").split("\0") if t]
        i = 0
        while i < len(tokens):
            status = tokens[i][0]
            count = 2 if status in "RC" else 1
            changes.append(_Change(commit, date, message, status, tuple(tokens[i + 1 : i + 1 + count])))
            i += 1 + count
    return changes


def history_from_changes(changes: list[_Change]) -> GitHistory:
    """Walks history backwards from the newest commit. `names` maps a name a file had at this point
    in history to the file's name today (None: that name then belonged to no file that exists
    now). The change that created a file is its first publication and is not a correction."""
    names: dict[str, str | None] = {}
    found: dict[str, list[Revision]] = {}
    last: dict[str, str] = {}

    def current(name: str) -> str | None:
        return names.get(name, name)

    for change in changes:
        revision = Revision(change.date, change.message, change.commit)
        key = current(change.paths[-1])
        if key and change.status != "D":
            last.setdefault(key, change.date)
        if change.status in "RC":
            old, new = change.paths
            if change.status == "R":
                if key:
                    found.setdefault(key, []).append(revision)
                names[old] = key
            names[new] = None  # before this commit no file was called `new`
        elif change.status in "AD":
            names[change.paths[0]] = None  # before: no file; or older changes of a file that is gone
        elif key:
            found.setdefault(key, []).append(revision)
    corrections = {path: tuple(reversed(revisions)) for path, revisions in sorted(found.items())}
    return GitHistory(corrections, dict(sorted(last.items())))
