"""Digests that key the memo: of the code, of files, of any values."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator import __version__

PACKAGE = Path(__file__).resolve().parent.parent
MEMO_FORMAT = "5"  # raise when what the memo holds changes shape without the code changing


def digest(*parts: object) -> str:
    """A digest of values whose repr is stable (strings, numbers, tuples of them, frozen values)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def tree_digest(*paths: Path) -> str:
    """One digest over every file below `paths` (names relative to each path, and contents), so
    that the same files give the same digest in any checkout."""
    h = hashlib.sha256()
    for root in paths:
        for path in sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]:
            if "__pycache__" in path.parts:
                continue
            h.update((path.relative_to(root).as_posix() if root.is_dir() else path.name).encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def code_digest(schema_dir: Path) -> str:
    """The generator's own source and the schemas: an edited checkout must not reuse anything."""
    return digest(MEMO_FORMAT, __version__, tree_digest(PACKAGE, schema_dir))


def folder_id(path: Path) -> str:
    """Which directory `path` is: every build publishes a new folder, so a new id."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return ""
    return f"{st.st_dev}:{st.st_ino}"
