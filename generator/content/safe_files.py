"""Reading and listing content that may come from a stranger's pull request: only regular files,
never through a symbolic link, never a FIFO or a device, never more than a set number of bytes.

A link is refused rather than followed, whatever it points to: a link to a file outside the
repository would publish that file (the CI runner's, an editor's), and a loop or a FIFO would hang
the build. The checks are made on the open file itself (O_NOFOLLOW, then fstat), so a file swapped
for a link between listing and reading is refused too."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows, where git checks links out as text files
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_BINARY = getattr(os, "O_BINARY", 0)


class UnsafeFile(Exception):
    """Why a file was not read: `kind` is "symlink", "special", "too_large" or "unreadable"."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Entry:
    rel: str  # relative to the folder walked, with /
    kind: str  # "file", "symlink" or "special" (FIFO, socket, device)
    stamp: str = ""  # a regular file's modification time, size and inode: it changes with the file


def walk(top: Path) -> Iterator[Entry]:
    """Every entry below `top` except folders and names starting with "." or ending in "~",
    in sorted order; a link (to a file or a folder) is an entry of its own and is not followed."""
    stack = [""]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(os.path.join(top, folder) if folder else top) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            continue  # vanished or unreadable while walking: its files are simply not there
        subfolders = []
        for entry in entries:
            if entry.name.startswith(".") or entry.name.endswith("~"):
                continue
            rel = f"{folder}/{entry.name}" if folder else entry.name
            if entry.is_symlink():
                yield Entry(rel, "symlink")
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append(rel)
            elif entry.is_file(follow_symlinks=False):
                yield Entry(rel, "file", stamp_of(entry.stat(follow_symlinks=False)))
            else:
                yield Entry(rel, "special")
        stack.extend(reversed(subfolders))


def stamp_of(info: os.stat_result) -> str:
    return f"{info.st_mtime_ns}:{info.st_size}:{info.st_ino}"


def _open_regular(path: Path | str) -> tuple[int, os.stat_result]:
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    except OSError as exc:
        if os.path.islink(path):
            raise UnsafeFile("symlink") from exc
        raise UnsafeFile("unreadable", exc.strerror or str(exc)) from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or (not _NOFOLLOW and os.path.islink(path)):
        os.close(fd)
        raise UnsafeFile("symlink" if os.path.islink(path) else "special")
    return fd, info


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` of them (UnsafeFile "too_large" beyond)."""
    fd, info = _open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise UnsafeFile("too_large", str(info.st_size))
        data = handle.read(limit + 1)  # the size may have grown since fstat
    if len(data) > limit:
        raise UnsafeFile("too_large", str(len(data)))
    return data


def copy_regular(source: Path, target: Path, limit: int) -> os.stat_result:
    """Copies a regular file with its modification time; returns the source's stat."""
    fd, info = _open_regular(source)
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise UnsafeFile("too_large", str(info.st_size))
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as out:
            shutil.copyfileobj(handle, out)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    return info


def regular_stat(path: Path | str) -> os.stat_result | None:
    """The stat of a regular file that is not a link, else None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None
