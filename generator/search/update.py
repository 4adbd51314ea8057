"""The search index of a rebuild: patched from the last build's where that is cheaper, else built
whole (search_index.py); the same bytes either way.

When the pages are the same and in the same order as in the last build, a page keeps its number,
so only the changed pages' cards and the buckets that hold a key one of them gained or lost can
differ: those buckets are read back from the last build, their postings of those keys edited, and
written; every other card and bucket is hard-linked. A changed page's old keys come from its old
card. Every file read back is checked against the sha256 the manifest recorded for it: one that
does not match makes the build index everything, as does any other doubt.

Documents of pages whose fingerprint is unchanged are given by the caller (the engine's memo)
rather than read from their HTML again; the documents made anew are returned for it to keep.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from generator.model.urls import Urls
from generator.publish.output import write_file
from generator.search.cards import card_bytes
from generator.search.index import SearchDoc, build_search_index, manifest_file, result_order, search_doc
from generator.search.parallel import Run, page_keys
from generator.search.postings import (
    HEADING,
    bucket_count,
    bucket_file,
    bucket_of,
    entry,
    gaps,
    page_numbers,
    read_bucket,
)

FULL_SHARE = 8  # more than one page in 8 changed: indexing everything is about as quick

Record = Mapping[str, tuple[str, str]]  # output path → (fingerprint, sha256): what a folder holds


@dataclass(frozen=True)
class Indexed:
    """What the search step put into the staging tree."""

    files: dict[str, tuple[str, str]]  # output path → (fingerprint, sha256)
    written: tuple[str, ...]  # output paths written anew
    reused: int  # output paths hard-linked from the last build
    docs: dict[str, SearchDoc]  # page fingerprint → its document, for the next build


@dataclass(frozen=True)
class Plan:
    """The index to write: pages in index order, with their fingerprints and output paths."""

    stubs: list[SearchDoc]
    pages: list[str]  # output paths, in index order
    fingerprints: list[str]
    buckets: int
    state: str  # the numbering: which pages in which order, and the bucket count
    cards: list[str]
    bucket_files: list[str]
    manifest: str


@dataclass(frozen=True)
class Search:
    """What the index is made of: a stub per searchable page (pages/kinds.py `search_stubs`), the
    pages' fingerprints (output path → fingerprint) and the documents known by fingerprint."""

    stubs: list[SearchDoc]
    urls: Urls
    fingerprints: Mapping[str, str]
    docs: Mapping[str, SearchDoc]


def write_search(
    search: Search, staging: Path, out: Path, previous: Record | None, run: Run, shares: int = 1
) -> Indexed:
    """Writes search/ into the staging tree. `previous`: what `out` holds, if the last build wrote it."""
    plan = _plan(search.stubs, search.urls, search.fingerprints)
    changed = _changed(plan, previous, out)

    def path_of(rel: str) -> Path:  # a page written anew is in the staging tree, else still in `out`
        return staging / rel if previous is None or os.path.isfile(staging / rel) else out / rel

    made: dict[str, SearchDoc] = {}
    if changed is not None and previous is not None:
        indexed = _patch(plan, changed, search.urls, staging, out, previous, search.docs, made, path_of)
        if indexed is not None:
            return indexed
    return _full(plan, search.urls, staging, search.docs, made, path_of, run, shares)


def _plan(stubs: list[SearchDoc], urls: Urls, fingerprints: Mapping[str, str]) -> Plan:
    stubs = sorted(stubs, key=result_order)
    buckets = bucket_count(sum(doc.kind == "report" for doc in stubs))
    state = hashlib.sha256(repr((buckets, [doc.url for doc in stubs])).encode()).hexdigest()
    folder = PurePosixPath(urls.output_path(urls.search_index())).parent
    card_folder = PurePosixPath(urls.output_path(urls.search_cards())).parent
    pages = [urls.output_path(doc.url) for doc in stubs]
    return Plan(
        stubs,
        pages,
        [fingerprints[rel] for rel in pages],
        buckets,
        state,
        [f"{card_folder}/{number}.gz" for number in range(len(stubs))],
        [f"{folder}/{number}.gz" for number in range(buckets)],
        f"{folder}/manifest.json.gz",
    )


def _changed(plan: Plan, previous: Record | None, out: Path) -> list[int] | None:
    """The numbers of the pages that changed since the last build, or None if it cannot be patched."""
    if previous is None or previous.get(plan.manifest, ("", ""))[0] != plan.state:
        return None
    every = [*plan.cards, *plan.bucket_files]
    present = _files_in(out, {os.path.dirname(rel) for rel in every})
    if any(rel not in previous or rel not in present for rel in every):
        return None
    changed = [n for n, fp in enumerate(plan.fingerprints) if previous[plan.cards[n]][0] != fp]
    return changed if len(changed) <= max(4, len(plan.stubs) // FULL_SHARE) else None


def _files_in(out: Path, folders: set[str]) -> set[str]:
    """The regular files in these folders of `out` (output paths): one listing per folder, not a
    stat per file (a site of 20,000 reports has ~40,000 search files)."""
    found = set()
    for folder in folders:
        try:
            entries = list(os.scandir(os.path.join(out, folder)))
        except FileNotFoundError:
            continue
        found.update(f"{folder}/{e.name}" for e in entries if e.is_file(follow_symlinks=False))
    return found


def _verified(out: Path, rel: str, previous: Record) -> bytes | None:
    data = (out / rel).read_bytes()
    return gzip.decompress(data) if _sha256(data) == previous[rel][1] else None


def _old_keys(out: Path, rel: str, previous: Record) -> set[str] | None:
    """A page's keys as the last build indexed them, from its card there."""
    raw = _verified(out, rel, previous)
    if raw is None:
        return None
    card = json.loads(raw)
    heading = " ".join(value for name, value in card.items() if name in ("township", "region"))
    return page_keys(card["text"], f"{card['title']} {heading}")


def _patch(
    plan: Plan, changed: list[int], urls: Urls, staging: Path, out: Path, previous: Record,
    docs: Mapping[str, SearchDoc], made: dict[str, SearchDoc], path_of: Callable[[str], Path],
) -> Indexed | None:
    """Everything is read and checked before anything is written (None: a check failed)."""
    found = {n: _doc(plan, n, docs, made, path_of) for n in changed}
    gained: defaultdict[str, list[int]] = defaultdict(list)
    lost: defaultdict[str, list[int]] = defaultdict(list)
    for n, doc in found.items():
        old = _old_keys(out, plan.cards[n], previous)
        if old is None:
            return None
        new = page_keys(doc.text, f"{doc.title} {doc.heading}")
        for key in new - old:
            gained[key].append(n)
        for key in old - new:
            lost[key].append(n)
    touched = defaultdict(list)
    for key in gained.keys() | lost.keys():
        touched[bucket_of(key.removeprefix(HEADING), plan.buckets)].append(key)
    patched = {}
    for number, keys in touched.items():
        raw = _verified(out, plan.bucket_files[number], previous)
        if raw is None:
            return None
        patched[number] = bucket_file(_edited(read_bucket(raw), keys, gained, lost))
    written = {plan.cards[n]: card_bytes(doc) for n, doc in found.items()}
    written.update({plan.bucket_files[n]: data for n, data in patched.items()})
    written[plan.manifest] = manifest_file(plan.stubs, plan.buckets)
    return _write(plan, written, staging, out, previous, made)


def _edited(found: dict[str, bytes], keys: list[str], gained: dict, lost: dict) -> list[bytes]:
    """A bucket's entries with the page numbers of `keys` edited, in key order (as written whole)."""
    for key in keys:
        numbers = set(page_numbers(found.get(key, b""))) - set(lost.get(key, ())) | set(gained.get(key, ()))
        if numbers:
            found[key] = gaps(sorted(numbers))
        else:
            found.pop(key, None)
    return [entry(key, found[key]) for key in sorted(found)]


def _write(
    plan: Plan, made: dict[str, bytes], staging: Path, out: Path, previous: Record, docs: dict[str, SearchDoc]
) -> Indexed:
    fingerprints = _fingerprints(plan)
    files: dict[str, tuple[str, str]] = {}
    written: list[str] = []
    reused = 0
    for rel in [*plan.cards, *plan.bucket_files, plan.manifest]:
        data = made.get(rel)
        files[rel] = (fingerprints[rel], _sha256(data) if data is not None else previous[rel][1])
        if data is not None and files[rel] != previous.get(rel):
            write_file(staging, rel, data)
            written.append(rel)
        else:  # the last build's file, which publishing keeps (checked to be there: _changed)
            reused += 1
    return Indexed(files, tuple(written), reused, docs)


def _fingerprints(plan: Plan) -> dict[str, str]:
    """A card's is its page's; the buckets' and the manifest's, the numbering (their bytes are
    checked by digest)."""
    fingerprints = dict(zip(plan.cards, plan.fingerprints, strict=True))
    fingerprints.update({rel: plan.state for rel in [*plan.bucket_files, plan.manifest]})
    return fingerprints


def _doc(
    plan: Plan, n: int, docs: Mapping[str, SearchDoc], made: dict[str, SearchDoc], path_of: Callable[[str], Path]
) -> SearchDoc:
    fingerprint, stub = plan.fingerprints[n], plan.stubs[n]
    doc = docs.get(fingerprint) or made.get(fingerprint)
    if doc is None or replace(doc, title="", text="") != stub:
        doc = search_doc(stub, path_of(plan.pages[n]).read_text(encoding="utf-8"))
    made[fingerprint] = doc
    return doc


def _full(
    plan: Plan, urls: Urls, staging: Path, docs: Mapping[str, SearchDoc], made: dict[str, SearchDoc],
    path_of: Callable[[str], Path], run: Run, shares: int,
) -> Indexed:
    """The whole index, from the documents given where they are current."""
    found = [_doc(plan, n, docs, made, path_of) for n in range(len(plan.stubs))]
    build_search_index(found, urls, staging, run, shares)
    rels = [*plan.cards, *plan.bucket_files, plan.manifest]
    fingerprints = _fingerprints(plan)
    files = {rel: (fingerprints[rel], _sha256((staging / rel).read_bytes())) for rel in rels}
    return Indexed(files, tuple(rels), 0, made)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
