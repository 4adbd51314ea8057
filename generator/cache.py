"""The build cache: which page was rendered from which inputs, so that a rebuild re-renders only
what changed. A stale or unreadable cache is ignored, never trusted."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__

CACHE_DIR = ".xxgk-cache"
FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    key: str  # generator version + templates + schemas + config: any change invalidates all pages
    pages: dict[str, str] = field(default_factory=dict)  # output path → page fingerprint
    files: dict[str, str] = field(default_factory=dict)  # output path → sha256 of the bytes written


def tree_digest(*paths: Path) -> str:
    """One digest over every file below `paths` (names and contents)."""
    h = hashlib.sha256()
    for root in paths:
        for path in sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]:
            if "__pycache__" in path.parts:
                continue
            h.update(path.as_posix().encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def build_key(template_dir: Path, schema_dir: Path, config_digest: str, base_url: str) -> str:
    # The package's own source, not just its version: an edited checkout must not reuse pages.
    code = __version__ + tree_digest(Path(__file__).parent)
    parts = (str(FORMAT), code, tree_digest(template_dir), tree_digest(schema_dir), config_digest, base_url)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def load_manifest(root: Path, key: str) -> tuple[Manifest | None, str]:
    """The last build's manifest, or None and why it cannot be used."""
    path = root / CACHE_DIR / "manifest.json"
    if not path.is_file():
        return None, "no cache yet"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"cache unreadable ({exc.__class__.__name__}), rebuilding everything"
    if not isinstance(data, dict) or data.get("key") != key:
        return None, "cache is for other templates, schemas, config or generator version"
    pages, files = data.get("pages"), data.get("files")
    if not isinstance(pages, dict) or not isinstance(files, dict):
        return None, "cache malformed, rebuilding everything"
    return Manifest(key, pages, files), "cache valid"


def save_manifest(root: Path, manifest: Manifest) -> None:
    folder = root / CACHE_DIR
    folder.mkdir(exist_ok=True)
    tmp = folder / "manifest.json.tmp"
    tmp.write_text(
        json.dumps({"key": manifest.key, "pages": manifest.pages, "files": manifest.files}, sort_keys=True),
        encoding="utf-8",
    )
    tmp.replace(folder / "manifest.json")
