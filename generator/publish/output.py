"""Writing the site: into a staging directory first, swapped in only when everything worked,
so a failed build never leaves a half-written site/ and never deletes the last good one."""

from __future__ import annotations

import ctypes
import errno
import glob
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

MARKER = ".xxgk-site"  # in every output folder: a folder without it is never replaced
MARKER_TEXT = b"xxgk output folder: every build replaces this whole folder\n"


def staging_dir(out: Path) -> Path:
    """A new, empty folder beside `out` to build the next site in. First the leftovers of builds
    that were killed are cleared away (and a site a kill left half-swapped is put back)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    path = out.parent / f".{out.name}.staging-{os.getpid()}"
    if path.exists():
        remove_tree(path)
    path.mkdir()
    return path


def recover(out: Path) -> None:
    """Undoes what a killed build left: with no `out`, the site it had moved aside is moved back;
    then the staging and old folders of builds no longer running are removed."""
    leftovers = sorted(out.parent.glob(f".{glob.escape(out.name)}.*-*"))
    if not os.path.lexists(out):
        old = [p for p in leftovers if p.name.startswith(f".{out.name}.old-") and (p / MARKER).is_file()]
        if old:
            old[-1].rename(out)
    for path in leftovers:
        kind, _, pid = path.name.rpartition("-")
        ours = kind in (f".{out.name}.staging", f".{out.name}.old") and pid.isdigit()
        if ours and path.exists() and not _running(int(pid)):
            remove_tree(path)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a leftover of an earlier process that had this number
    if sys.platform == "win32":
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process, or a platform that cannot tell: leave it
    return True


def _running_on_windows(pid: int) -> bool:
    """Windows has no signal 0: os.kill(pid, 0) would end the process. Ask for its exit code."""
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: someone else's process
    try:
        code = ctypes.c_ulong()
        return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def write_file(staging: Path, rel: str, data: bytes) -> None:
    """Writes output path `rel` (made by the routing table, never by content) under `staging`."""
    parts = rel.split("/")
    if rel.startswith("/") or "\\" in rel or ".." in parts or "" in parts[:-1]:
        raise ValueError(f"refusing to write outside the output directory: {rel}")
    target = os.path.join(staging, rel)
    try:  # one system call for most files: the folder is made only when the open fails for want of it
        handle = open(target, "wb")  # noqa: SIM115
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        handle = open(target, "wb")  # noqa: SIM115
    with handle:
        handle.write(data)


def copy_file(source: Path, staging: Path, rel: str) -> None:
    target = staging / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)  # with its modification time: an in-place update compares it


def publish(staging: Path, out: Path, kept: Iterable[str]) -> None:
    """Makes `staging` the site at `out`, in one step for anyone reading `out`: the files of the
    last build that stay the same (`kept`, output paths) are hard-linked into `staging` first, so
    the new tree is complete; then the two folders are exchanged. A build killed at any point
    leaves `out` wholly old or wholly new (see `recover` for the one gap where exchange is missing)."""
    for rel in kept:
        _link_into(out, staging, rel)
    if not os.path.lexists(out):
        staging.rename(out)
    elif exchange(staging, out):
        remove_tree(staging)  # which now holds the old site
    else:
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        out.rename(old)
        staging.rename(out)  # a kill between these two renames: `recover` moves `old` back
        remove_tree(old)


def move_into(staging: Path, out: Path, removed: Iterable[str]) -> None:
    """Updates `out` file by file (`xxgk serve`'s own folder): each file of `staging` renamed over
    its old copy, then the `removed` output paths deleted, with the folders they leave empty."""
    for folder, _, files in os.walk(staging):
        target_folder = os.path.normpath(os.path.join(out, os.path.relpath(folder, staging)))
        if files:
            os.makedirs(target_folder, exist_ok=True)
        for name in files:
            os.replace(os.path.join(folder, name), os.path.join(target_folder, name))
    for rel in removed:
        path = Path(out, rel)
        path.unlink(missing_ok=True)
        for parent in path.parents:
            if parent == out or any(parent.iterdir()):
                break
            parent.rmdir()
    discard(staging)


def _link_into(out: Path, staging: Path, rel: str) -> None:
    source, target = os.path.join(out, rel), os.path.join(staging, rel)
    for attempt in range(2):
        try:
            os.link(source, target, follow_symlinks=False)
            return
        except FileExistsError:
            return  # made anew by this build
        except FileNotFoundError:
            if not os.path.lexists(source) and os.path.lexists(target):
                return  # new in this build
            if attempt or not os.path.lexists(source):
                raise
            os.makedirs(os.path.dirname(target), exist_ok=True)
        except OSError:
            break  # a file system without hard links
    shutil.copy2(source, target, follow_symlinks=False)


def exchange(first: Path, second: Path) -> bool:
    """Swaps two folders atomically (Linux renameat2, macOS renamex_np); False where the system
    or the file system cannot, and nothing was changed."""
    libc = _libc()
    a, b = os.fsencode(first), os.fsencode(second)
    if libc is not None and hasattr(libc, "renameat2"):
        done = libc.renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
    elif libc is not None and hasattr(libc, "renamex_np"):
        done = libc.renamex_np(a, b, _RENAME_SWAP)
    else:
        return False
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV, errno.EPERM):
        return False
    raise OSError(error, os.strerror(error), str(second))


_AT_FDCWD, _RENAME_EXCHANGE, _RENAME_SWAP = -100, 2, 2


def _libc() -> ctypes.CDLL | None:
    if sys.platform == "win32":
        return None
    return ctypes.CDLL(None, use_errno=True)


def discard(staging: Path) -> None:
    if staging.exists():
        remove_tree(staging)


def remove_tree(path: Path) -> None:
    """The old site, or a killed build's leftover. Plain shutil.rmtree: removing from several threads
    was slower on an ext4 disk (5.8 s against 4.1 s for a 20,000-report site; benchmarks/results.md)."""
    shutil.rmtree(path)


def refuse_out(root: Path, out: Path) -> str:
    """Why `out` must not be the output folder ("" if it may): every build replaces the whole
    folder, so it must be neither the project nor anything in it that is not a site, nor a file,
    nor a folder of something else."""
    root, out = root.resolve(), Path(os.path.abspath(out))
    protected = [root, *(root / name for name in ("content", "templates", ".git", ".github", ".xxgk-cache"))]
    for place in protected:
        if place == out or place.is_relative_to(out) or (place != root and out.is_relative_to(place)):
            return f"输出目录 {out} 不能是项目目录、content/、templates/ 等目录本身，也不能包含或位于其中"
    if os.path.islink(out):
        return f"输出目录 {out} 是符号链接；请指定一个真实目录"
    if os.path.lexists(out) and not out.is_dir():
        return f"输出目录 {out} 已存在且不是目录"
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        return (f"输出目录 {out} 已存在且不是 xxgk 生成的（缺少 {MARKER} 标记）；"
                "为免覆盖其中的文件，请换一个目录或先清空它")
    return ""


def unwritable(out: Path) -> str:
    """Why no site can be written at `out` ("" if one can): its parent cannot be made or written."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        probe = out.parent / f".{out.name}.probe-{os.getpid()}"
        probe.mkdir()
        probe.rmdir()
    except OSError as error:
        return f"无法在 {out.parent} 中写入（{error.strerror or error}）；请换一个输出目录"
    return ""
