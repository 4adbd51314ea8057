"""Pagefind's bundle made byte-stable: Pagefind writes the values of each filter in hash-map
order, which changes from run to run. The filter files are rewritten with their values sorted
and renamed by their content, and the files that name them (the language's metadata file and
pagefind-entry.json) follow, so that the same content always gives the same site."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

PREFIX = b"pagefind_dcd"  # Pagefind's marker in front of every compressed file's payload


def decode(data: bytes, at: int = 0) -> tuple[object, int]:
    """The subset of CBOR that Pagefind writes: integers, strings, arrays and maps."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        value = info
    else:
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major in (2, 3):
        raw = data[at : at + value]
        return (raw.decode("utf-8") if major == 3 else raw), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(value):
            key, at = decode(data, at)
            item, at = decode(data, at)
            pairs.append((key, item))
        return dict(pairs), at
    raise ValueError(f"unexpected CBOR major type {major} in Pagefind output")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError(value)


def encode(value: object) -> bytes:
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise TypeError(type(value))


def read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(PREFIX), path
    return decode(data, len(PREFIX))[0]


def packed(value: object) -> bytes:
    return gzip.compress(PREFIX + encode(value), compresslevel=9, mtime=0)


def stabilize(bundle: Path) -> None:
    """Sorts every filter's values, renames the filter files by content, and updates the names
    in each language's metadata file and in pagefind-entry.json."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renamed = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = read(path)
        data = packed([name, sorted(values, key=lambda pair: pair[0])])
        new = f"{path.stem.split('_')[0]}_{hashlib.sha256(data).hexdigest()[:7]}"
        path.unlink()
        (bundle / "filter" / f"{new}.pf_filter").write_bytes(data)
        renamed[path.stem] = new
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read(meta_path)  # [version, pages, index chunks, filters, sorts, meta keys]
        meta[3] = sorted([name, renamed.get(stem, stem)] for name, stem in meta[3])
        data = packed(meta)
        language["hash"] = f"{language['hash'].split('_')[0]}_{hashlib.sha256(data).hexdigest()[:13]}"
        meta_path.unlink()
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
