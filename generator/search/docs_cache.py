"""The search documents of earlier builds, so that a page whose fingerprint is unchanged is not
read and stripped of its markup again.

Entries are keyed on the page's URL and hold the fingerprint they were made from: an entry with
another fingerprint is stale and ignored. Entries are spread over a fixed number of shards by a
hash of the URL, so that an edit rewrites one small shard. Each shard starts with a magic line
and the sha256 of its payload: a truncated, corrupt or foreign shard is ignored, never trusted.
(Shards are pickles: like the code, `.xxgk-cache/` must be as trusted as the checkout it sits in.)"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from generator.search.index import SearchDoc

FOLDER = "search"
SHARDS = 64
_MAGIC = b"xxgk-search-docs-1\n"

Entries = dict[str, tuple[str, SearchDoc]]  # URL → (page fingerprint, document)


def shard_of(url: str) -> int:
    return hashlib.sha256(url.encode()).digest()[0] % SHARDS


def _path(cache_dir: Path, shard: int) -> Path:
    return cache_dir / FOLDER / f"{shard:02x}.pickle"


def read_shard(cache_dir: Path, shard: int) -> Entries:
    """The shard's entries, or none if it is missing or does not verify."""
    path = _path(cache_dir, shard)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    payload = raw[len(_MAGIC) + 32 :]
    if not raw.startswith(_MAGIC) or raw[len(_MAGIC) : len(_MAGIC) + 32] != hashlib.sha256(payload).digest():
        return {}
    entries = pickle.loads(payload)
    if not isinstance(entries, dict):
        return {}
    return {
        url: entry
        for url, entry in entries.items()
        if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], SearchDoc)
    }


def read_shards(cache_dir: Path, shards: Iterable[int]) -> Entries:
    entries: Entries = {}
    for shard in sorted(set(shards)):
        entries.update(read_shard(cache_dir, shard))
    return entries


def cached_doc(entries: Entries, url: str, fingerprint: str) -> SearchDoc | None:
    entry = entries.get(url)
    return entry[1] if entry is not None and entry[0] == fingerprint and entry[1].url == url else None


def save_shards(cache_dir: Path, entries: Entries, shards: Iterable[int]) -> None:
    """Rewrites the given shards with the entries that belong to them (and only those)."""
    folder = cache_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    grouped: dict[int, Entries] = {shard: {} for shard in shards}
    for url, entry in entries.items():
        shard = shard_of(url)
        if shard in grouped:
            grouped[shard][url] = entry
    for shard, found in grouped.items():
        payload = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = folder / f".{shard:02x}.tmp-{os.getpid()}"
        tmp.write_bytes(_MAGIC + hashlib.sha256(payload).digest() + payload)
        tmp.replace(_path(cache_dir, shard))
