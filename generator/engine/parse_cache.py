"""The parse cache: content files parsed by earlier builds, so an unchanged file is not parsed again.

A file is looked up by (path, mtime, size); when those differ, its bytes are hashed and a parse of
the same bytes is still reused. The cache is one shard per content folder (a township), so that an
edit rewrites one small shard. Each shard starts with the generator's key and a digest of its
payload: a truncated, corrupt or foreign shard is detected and ignored, never trusted.
(Shards are pickles: like the code, `.xxgk-cache/` must be as trusted as the checkout it sits in.)"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.source import Source
from generator.model.problems import Problem

FOLDER = "parsed"
_MAGIC = b"xxgk-parse-cache-2\n"


@dataclass(frozen=True)
class Parsed:
    """One file as the last build saw it."""

    mtime_ns: int
    size: int
    digest: str  # sha256 of the bytes
    source: Source | None
    problems: tuple[Problem, ...]
    assembled: Any = None  # assembly_cache.Assembled: the report built from this file, and its problems


@dataclass(frozen=True)
class ParseCache:
    key: str
    entries: dict[str, Parsed] = field(default_factory=dict)  # content path → parse
    note: str = ""
    ignored: int = 0  # shards found stale or corrupt


def _shard_name(rel: str) -> str:
    folder = rel.rpartition("/")[0] or "."  # PurePosixPath(rel).parent, without a Path per file
    return hashlib.sha256(folder.encode()).hexdigest()[:24] + ".pickle"


def _read_shard(path: Path, head: bytes) -> dict[str, Parsed] | None:
    raw = path.read_bytes()
    payload = raw[len(head) + 32 :]
    if not raw.startswith(head) or raw[len(head) : len(head) + 32] != hashlib.sha256(payload).digest():
        return None
    entries = pickle.loads(payload)
    return entries if isinstance(entries, dict) else None


def load_parse_cache(cache_dir: Path, key: str) -> ParseCache:
    """The cached parses; shards that do not verify are left out (their files get parsed again)."""
    folder = cache_dir / FOLDER
    if not folder.is_dir():
        return ParseCache(key, {}, "no parse cache yet")
    head = _MAGIC + key.encode() + b"\n"
    entries: dict[str, Parsed] = {}
    ignored = 0
    with os.scandir(folder) as shards:
        for shard in shards:
            found = _read_shard(Path(shard.path), head) if shard.name.endswith(".pickle") else None
            if found is None:
                ignored += 1
            else:
                entries.update(found)
    note = f"parse cache: {ignored} stale or corrupt shards ignored" if ignored else "parse cache valid"
    return ParseCache(key, entries, note, ignored)


def save_parse_cache(cache_dir: Path, old: ParseCache, new: ParseCache) -> int:
    """Writes the shards whose entries changed since `old` (all of them if `old` had another key),
    removes shards of folders that are gone; returns the number of shards written."""
    folder = cache_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    shards: dict[str, dict[str, Parsed]] = defaultdict(dict)
    for rel, entry in new.entries.items():
        shards[_shard_name(rel)][rel] = entry
    before: dict[str, dict[str, Parsed]] = defaultdict(dict)
    for rel, entry in old.entries.items():
        before[_shard_name(rel)][rel] = entry
    same = old.key == new.key and not old.ignored
    head = _MAGIC + new.key.encode() + b"\n"
    written = 0
    for name, entries in shards.items():
        if (
            same
            and before.get(name, {}).keys() == entries.keys()
            and all(before[name][rel] is entry for rel, entry in entries.items())
        ):
            continue
        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = folder / f".{name}.tmp-{os.getpid()}"
        tmp.write_bytes(head + hashlib.sha256(payload).digest() + payload)
        tmp.replace(folder / name)
        written += 1
    with os.scandir(folder) as existing:
        for entry in existing:
            if entry.name not in shards:
                Path(entry.path).unlink()
    return written


def stat_of(path: Path) -> tuple[int, int]:
    """(mtime, size) of the file itself, not of what a link points to; (0, -1) if it is gone."""
    try:
        st = os.lstat(path)
    except OSError:
        return 0, -1
    return st.st_mtime_ns, st.st_size


def reusable(entry: Parsed | None, mtime_ns: int, size: int) -> bool:
    return entry is not None and entry.mtime_ns == mtime_ns and entry.size == size
