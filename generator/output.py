"""Writing the site: into a staging directory first, swapped in only when everything worked,
so a failed build never leaves a half-written site/ and never deletes the last good one."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REMOVERS = 8  # threads: each removal waits on the disk, and the waits overlap


def staging_dir(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    path = out.parent / f".{out.name}.staging-{os.getpid()}"
    if path.exists():
        shutil.rmtree(path)
    path.mkdir()
    return path


def write_file(staging: Path, rel: str, data: bytes) -> None:
    target = staging / rel
    if not target.resolve().is_relative_to(staging.resolve()):
        raise ValueError(f"refusing to write outside the output directory: {rel}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def reuse_file(previous: Path, staging: Path, rel: str) -> bool:
    """Carries an unchanged file over from the last build (a hard link: no copy, no rewrite)."""
    # One system call in the common case (a rebuild links thousands of files): the folder is made
    # only when the link fails for want of it, and a missing source fails the link too. Plain
    # strings, not Path objects: at this count, building Paths cost more than the links.
    source, target = os.path.join(previous, rel), os.path.join(staging, rel)
    try:
        os.link(source, target)
        return True
    except FileNotFoundError:
        if not os.path.isfile(source):
            return False
        os.makedirs(os.path.dirname(target), exist_ok=True)
    except OSError:
        pass
    if not os.path.isfile(source):
        return False
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
    return True


def copy_file(source: Path, staging: Path, rel: str) -> None:
    target = staging / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)  # with its modification time: an in-place update compares it


def move_into(staging: Path, out: Path, removed: Iterable[str]) -> None:
    """Updates `out` in place: each file of `staging` (only what changed) renamed over its old
    copy, then the `removed` output paths deleted. A reader of `out` sees each file old or new,
    never half-written."""
    for folder, _, files in os.walk(staging):
        rel_folder = os.path.relpath(folder, staging)
        target_folder = os.path.normpath(os.path.join(out, rel_folder))
        if files:
            os.makedirs(target_folder, exist_ok=True)
        for name in files:
            # A file hard-linked from `out` (search files carried over) is the same file: renaming
            # it onto itself changes nothing, and the staging tree's link goes with the tree.
            os.replace(os.path.join(folder, name), os.path.join(target_folder, name))
    for rel in removed:
        path = Path(out, rel)
        path.unlink(missing_ok=True)
        # and the folders it leaves empty (a removed report's), which a server would list
        for folder in path.parents:
            if folder == out or any(folder.iterdir()):
                break
            folder.rmdir()
    discard(staging)


def swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames; the old tree is removed only afterwards."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if old.exists():
        remove_tree(old)


def discard(staging: Path) -> None:
    if staging.exists():
        remove_tree(staging)


def remove_tree(path: Path) -> None:
    """shutil.rmtree, a few folders at a time: a site is thousands of folders, and removing them
    one after the other took longer than the rest of a one-report rebuild."""
    with ThreadPoolExecutor(REMOVERS) as pool:
        for depth in (3, 2, 1):  # the deepest first, so that the trees removed at once are small
            list(pool.map(shutil.rmtree, _folders(path, depth)))
    shutil.rmtree(path)


def _folders(path: Path, depth: int) -> list[str]:
    found = [str(path)]
    for _ in range(depth):
        found = [e.path for folder in found for e in os.scandir(folder) if e.is_dir(follow_symlinks=False)]
    return found
