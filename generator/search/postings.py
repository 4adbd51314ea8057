"""The search index's postings: for every n-gram key (search_tokens.py), the numbers of the pages
that hold it, spread over a few hundred small files ("buckets") by a hash of the key, so that a
query fetches only the buckets of its own keys.

A bucket is gzip over a sequence of entries: varint length + UTF-8 key, varint length + the page
numbers as varint gaps. A key found on every page is a run of 0x01 bytes, which gzip shrinks to
almost nothing: no bitmap format is needed. Heading keys ("#" + key: title, township and region)
sit in the bucket of their key, so a query gets both from the same files. The browser's reader
is in templates/search.js; the hash and the format must change together with it.
"""

from __future__ import annotations

import functools
import gzip
import operator
from collections import defaultdict, deque
from collections.abc import Iterable
from itertools import repeat
from pathlib import Path

HEADING = "#"  # never a letter or digit, so never the start of a text key
REPORTS_PER_BUCKET = 2  # a report's keys take about 3 KB, so a bucket about 6 KB (2 KB gzip'd)


def bucket_of(key: str, buckets: int) -> int:
    """FNV-1a (32 bit) over the key's UTF-8 bytes, as in search.js; `buckets` is a power of two."""
    value = 0x811C9DC5
    for byte in key.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value & (buckets - 1)


def varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


@functools.cache
def _short_varints() -> tuple[bytes, ...]:
    return tuple(varint(value) for value in range(1 << 14))


def gaps(pages: list[int], before: int = -1) -> bytes:
    """Ascending page numbers as varint gaps, the first from `before` (-1: page 0 is a gap of 1)."""
    if not pages:
        return b""
    deltas = list(map(operator.sub, pages, [before, *pages]))
    largest = max(deltas)
    if largest < 0x80:  # the common case, done in C
        return bytes(deltas)
    if largest < 1 << 14:  # one or two bytes each, looked up in C
        return b"".join(map(_short_varints().__getitem__, deltas))
    return b"".join(varint(d) for d in deltas)


def postings(keys_per_page: Iterable[set[str]], first: int = 0) -> dict[str, list[int]]:
    """Key → the ascending numbers of the pages (numbered in iteration order from `first`) that
    hold it."""
    found: defaultdict[str, list[int]] = defaultdict(list)
    for number, keys in enumerate(keys_per_page, first):
        # list.append(found[key], number) for every key, with the loop in C: millions of calls
        deque(map(list.append, map(found.__getitem__, keys), repeat(number)), maxlen=0)
    return found


def bucket_count(reports: int) -> int:
    """A power of two that grows with the site; known from the report count alone, so that the
    search page states it and the browser fetches buckets without waiting for the manifest."""
    count = 32
    while count * REPORTS_PER_BUCKET < reports:
        count *= 2
    return count


def write_buckets(index: dict[str, bytes], count: int, folder: Path, share: tuple[int, int] = (0, 1)) -> None:
    """Writes folder/<bucket number>.gz for every bucket (empty ones too: the browser fetches the
    bucket of any key it is asked for) whose number is share[0] modulo share[1]: processes that
    share the work each write their own buckets. The folder must exist."""
    entries: defaultdict[int, list[bytes]] = defaultdict(list)
    for key in sorted(index):
        number = bucket_of(key.removeprefix(HEADING), count)
        if number % share[1] == share[0]:
            entries[number].append(entry(key, index[key]))
    for number in range(share[0], count, share[1]):
        (folder / f"{number}.gz").write_bytes(bucket_file(entries.get(number, [])))


def entry(key: str, data: bytes) -> bytes:
    raw_key = key.encode("utf-8")
    return varint(len(raw_key)) + raw_key + varint(len(data)) + data


def bucket_file(entries: list[bytes]) -> bytes:
    return gzip.compress(b"".join(entries), compresslevel=6, mtime=0)


def read_varint(data: bytes, at: int) -> tuple[int, int]:
    """The varint at `at`, and the offset after it."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def read_bucket(raw: bytes) -> dict[str, bytes]:
    """A bucket's entries (gunzip'd bytes) as key → the page numbers as varint gaps."""
    found: dict[str, bytes] = {}
    at = 0
    while at < len(raw):
        size, at = read_varint(raw, at)
        key = raw[at : at + size].decode("utf-8")
        size, at = read_varint(raw, size + at)
        found[key] = raw[at : at + size]
        at += size
    return found


def page_numbers(data: bytes) -> list[int]:
    """The page numbers of varint gaps written by `gaps` (from -1)."""
    numbers, at, last = [], 0, -1
    while at < len(data):
        gap, at = read_varint(data, at)
        last += gap
        numbers.append(last)
    return numbers
