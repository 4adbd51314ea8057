"""Files other than pages (the open data, the search index) written into the staging tree only
when their bytes would change, else carried over from the last build by a hard link, as pages
are: each is recorded in the manifest with a fingerprint of what its bytes depend on and the
sha256 of the bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import Manifest
from generator.output import reuse_file, write_file


@dataclass(frozen=True)
class Carried:
    """What one step put into the staging tree."""

    fingerprints: dict[str, str] = field(default_factory=dict)  # output path → fingerprint
    files: dict[str, str] = field(default_factory=dict)  # output path → sha256 of the bytes
    written: tuple[str, ...] = ()  # output paths written anew
    reused: int = 0  # output paths hard-linked from the last build


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def reusable(previous: Manifest | None, rel: str, fingerprint: str) -> bool:
    return previous is not None and previous.pages.get(rel) == fingerprint and rel in previous.files


def write_or_reuse(
    items: Iterable[tuple[str, str, Callable[[], bytes]]], previous: Manifest | None, out: Path, staging: Path
) -> Carried:
    """For each (output path, fingerprint, maker): the last build's file when the fingerprint is
    the one it was made with, else the maker's bytes."""
    fingerprints: dict[str, str] = {}
    files: dict[str, str] = {}
    written: list[str] = []
    reused = 0
    for rel, fingerprint, make in items:
        fingerprints[rel] = fingerprint
        if previous is not None and reusable(previous, rel, fingerprint) and reuse_file(out, staging, rel):
            files[rel] = previous.files[rel]
            reused += 1
            continue
        data = make()
        write_file(staging, rel, data)
        files[rel] = sha256(data)
        written.append(rel)
    return Carried(fingerprints, files, tuple(written), reused)


def combined(*parts: Carried) -> Carried:
    fingerprints: dict[str, str] = {}
    files: dict[str, str] = {}
    for part in parts:
        fingerprints.update(part.fingerprints)
        files.update(part.files)
    written = tuple(rel for part in parts for rel in part.written)
    return Carried(fingerprints, files, written, sum(part.reused for part in parts))
