"""Files other than pages and downloads (the search index) written into the staging tree only
when their bytes would change, else carried over from the last build by a hard link, as pages
are: each is recorded in the manifest with a fingerprint of what its bytes depend on and the
sha256 of the bytes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from generator.engine.cache import Manifest


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
