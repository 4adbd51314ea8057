"""The build cache: which page was rendered from which inputs, so that a rebuild re-renders only
what changed, and what every content file looked like, so that a rebuild with nothing changed
does nothing. A stale or unreadable cache is ignored, never trusted."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__
from generator.model.problems import Problem

CACHE_DIR = ".xxgk-cache"
FORMAT = 4  # 4: static files and attachments are in `files` (an in-place update deletes the removed ones)
COPIED = "copy:"  # how `files` marks a file copied as it is (its source's size and time follow), not made


@dataclass(frozen=True)
class Manifest:
    key: str  # generator version + templates + schemas + config: any change invalidates all pages
    pages: dict[str, str] = field(default_factory=dict)  # output path → page fingerprint
    files: dict[str, str] = field(default_factory=dict)  # output path → sha256 of the bytes written
    code: str = ""  # generator + templates + schemas, without the config (known before parsing)
    inputs: dict[str, list[int]] = field(default_factory=dict)  # content path → [mtime_ns, size]
    problems: tuple[Problem, ...] = ()
    today: str = ""
    out: str = ""  # the output folder this build wrote, and its identity (device:inode)
    out_id: str = ""
    settings: str = ""  # the build options and git state the output was made with (build.py)


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


def code_key(template_dir: Path, schema_dir: Path) -> str:
    # The package's own source, not just its version: an edited checkout must not reuse anything.
    parts = (str(FORMAT), __version__, tree_digest(Path(__file__).parent.parent), tree_digest(template_dir, schema_dir))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def build_key(template_dir: Path, schema_dir: Path, config_digest: str, base_url: str, code: str = "") -> str:
    code = code or code_key(template_dir, schema_dir)
    return hashlib.sha256("\0".join((code, config_digest, base_url)).encode()).hexdigest()


def folder_id(path: Path) -> str:
    """Which directory `path` is: a new or replaced output folder gets a new id."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return ""
    return f"{st.st_dev}:{st.st_ino}"


def content_stats(root: Path) -> dict[str, list[int]]:
    """Every file below content/ (as the loader sees them) → [mtime_ns, size]; one stat per file."""
    stats: dict[str, list[int]] = {}
    prefix = len(str(root)) + 1
    stack = [str(root / "content")]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.name.startswith(".") or entry.name.endswith("~"):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:  # files, and links and special files (never followed: their own stat)
                    st = entry.stat(follow_symlinks=False)
                    stats[entry.path[prefix:].replace(os.sep, "/")] = [st.st_mtime_ns, st.st_size]
    return stats


def load_manifest(root: Path, key: str) -> tuple[Manifest | None, str]:
    """The last build's manifest if it was made by this generator, templates and schemas
    (`key` is the code key), or None and why it cannot be used."""
    path = root / CACHE_DIR / "manifest.json"
    if not path.is_file():
        return None, "no cache yet"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"cache unreadable ({exc.__class__.__name__}), rebuilding everything"
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != key:
        return None, "cache is for other templates, schemas or generator version"
    try:
        return _manifest(data), "cache valid"
    except (KeyError, TypeError, ValueError) as exc:
        return None, f"cache malformed ({exc.__class__.__name__}), rebuilding everything"


def _manifest(data: dict) -> Manifest:
    maps = ("pages", "files", "inputs")
    if not all(isinstance(data[name], dict) for name in maps) or not isinstance(data["problems"], list):
        raise TypeError("manifest fields have the wrong types")
    return Manifest(
        str(data["key"]),
        data["pages"],
        data["files"],
        str(data["code"]),
        data["inputs"],
        tuple(Problem(*p) for p in data["problems"]),
        str(data["today"]),
        str(data["out"]),
        str(data["out_id"]),
        str(data["settings"]),
    )


def drop_manifest(root: Path) -> None:
    """Forgets the last build, before its output is changed in place: a build cut short then leaves
    no manifest, and the next build starts from nothing rather than trust a half-updated folder."""
    (root / CACHE_DIR / "manifest.json").unlink(missing_ok=True)


def save_manifest(root: Path, manifest: Manifest) -> None:
    folder = root / CACHE_DIR
    folder.mkdir(exist_ok=True)
    data = {name: getattr(manifest, name) for name in Manifest.__dataclass_fields__}
    data["problems"] = [[p.path, p.line, p.code, p.message, p.severity, p.column] for p in manifest.problems]
    data["format"] = FORMAT
    tmp = folder / f"manifest.json.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / "manifest.json")
