"""The search index of a rebuild: patched from the last build's where that is cheaper, else built
whole (search_index.py); the same bytes either way.

When the pages are the same and in the same order as in the last build, a page keeps its number,
so only the changed pages' cards and the buckets that hold a key one of them gained or lost can
differ: those buckets are read back from the last build, their postings of those keys edited, and
written; every other card and bucket is hard-linked. A changed page's old keys come from its old
card. Every file read back is checked against the sha256 the manifest recorded for it: one that
does not match makes the build index everything, as does any other doubt.

Documents of pages whose fingerprint is unchanged come from search_docs_cache.py rather than from
reading their HTML again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.engine.cache import Manifest
from generator.engine.carry_over import Carried, reusable, sha256
from generator.model.site import Site
from generator.model.site_index import SiteIndex
from generator.pages.routes import Page, Urls
from generator.publish.output import reuse_file, write_file
from generator.search.cards import card_bytes
from generator.search.docs_cache import SHARDS, Entries, cached_doc, read_shards, save_shards, shard_of
from generator.search.index import (
    SEARCHABLE,
    SearchDoc,
    build_search_index,
    doc_stub,
    manifest_file,
    result_order,
    search_doc,
)
from generator.search.parallel import page_keys
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


@dataclass(frozen=True)
class Plan:
    """The index to write: pages in index order, with their fingerprints and output paths."""

    stubs: list[SearchDoc]
    pages: dict[str, Page]  # URL → page
    fingerprints: list[str]
    buckets: int
    state: str  # the numbering: which pages in which order, and the bucket count
    cards: list[str]
    bucket_files: list[str]
    manifest: str


def write_search(
    site: Site, index: SiteIndex, urls: Urls, pages: list[Page], fingerprints: dict[str, str],
    staging: Path, out: Path, previous: Manifest | None, cache_dir: Path | None, jobs: int,
) -> Carried:
    """Writes search/ into the staging tree; `fingerprints` are the pages' (output path → fingerprint)."""
    plan = _plan(site, index, urls, pages, fingerprints)
    changed = _changed(plan, previous, out)

    def path_of(rel: str) -> Path:  # a page written anew is in the staging tree, else still in `out`
        return staging / rel if previous is None or os.path.isfile(staging / rel) else out / rel

    if changed is not None and previous is not None:
        carried = _patch(plan, changed, site, index, urls, staging, out, previous, cache_dir, path_of)
        if carried is not None:
            return carried
    return _full(plan, site, index, urls, staging, cache_dir, jobs, path_of)


def _plan(site: Site, index: SiteIndex, urls: Urls, pages: list[Page], fingerprints: dict[str, str]) -> Plan:
    searchable = {page.url: page for page in pages if page.kind in SEARCHABLE}
    stubs = sorted((doc_stub(page, site, index) for page in searchable.values()), key=result_order)
    buckets = bucket_count(sum(doc.kind == "report" for doc in stubs))
    state = hashlib.sha256(repr((buckets, [doc.url for doc in stubs])).encode()).hexdigest()
    folder = PurePosixPath(urls.output_path(urls.search_index())).parent
    card_folder = PurePosixPath(urls.output_path(urls.search_cards())).parent
    return Plan(
        stubs,
        searchable,
        [fingerprints[urls.output_path(doc.url)] for doc in stubs],
        buckets,
        state,
        [f"{card_folder}/{number}.gz" for number in range(len(stubs))],
        [f"{folder}/{number}.gz" for number in range(buckets)],
        f"{folder}/manifest.json.gz",
    )


def _changed(plan: Plan, previous: Manifest | None, out: Path) -> list[int] | None:
    """The numbers of the pages that changed since the last build, or None if it cannot be patched."""
    if previous is None or previous.pages.get(plan.manifest) != plan.state:
        return None
    every = [*plan.cards, *plan.bucket_files]
    if any(rel not in previous.files or not os.path.isfile(os.path.join(out, rel)) for rel in every):
        return None
    changed = [n for n, fp in enumerate(plan.fingerprints) if previous.pages.get(plan.cards[n]) != fp]
    return changed if len(changed) <= max(4, len(plan.stubs) // FULL_SHARE) else None


def _verified(out: Path, rel: str, previous: Manifest) -> bytes | None:
    data = (out / rel).read_bytes()
    return gzip.decompress(data) if sha256(data) == previous.files[rel] else None


def _old_keys(out: Path, rel: str, previous: Manifest) -> set[str] | None:
    """A page's keys as the last build indexed them, from its card there."""
    raw = _verified(out, rel, previous)
    if raw is None:
        return None
    card = json.loads(raw)
    heading = " ".join(value for name, value in card.items() if name in ("township", "region"))
    return page_keys(card["text"], f"{card['title']} {heading}")


def _patch(
    plan: Plan, changed: list[int], site: Site, index: SiteIndex, urls: Urls,
    staging: Path, out: Path, previous: Manifest, cache_dir: Path | None, path_of: Callable[[str], Path],
) -> Carried | None:
    """Everything is read and checked before anything is written (None: a check failed)."""
    shards = {shard_of(plan.stubs[n].url) for n in changed}
    entries = read_shards(cache_dir, shards) if cache_dir else {}
    docs = {n: _doc(plan, n, entries, site, index, urls, path_of) for n in changed}
    gained: defaultdict[str, list[int]] = defaultdict(list)
    lost: defaultdict[str, list[int]] = defaultdict(list)
    for n, doc in docs.items():
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
    if cache_dir:
        save_shards(cache_dir, entries, shards)
    made = {plan.cards[n]: card_bytes(doc) for n, doc in docs.items()}
    made.update({plan.bucket_files[n]: data for n, data in patched.items()})
    made[plan.manifest] = manifest_file(plan.stubs, plan.buckets)
    return _write(plan, made, staging, out, previous)


def _edited(found: dict[str, bytes], keys: list[str], gained: dict, lost: dict) -> list[bytes]:
    """A bucket's entries with the page numbers of `keys` edited, in key order (as written whole)."""
    for key in keys:
        numbers = set(page_numbers(found.get(key, b""))) - set(lost.get(key, ())) | set(gained.get(key, ()))
        if numbers:
            found[key] = gaps(sorted(numbers))
        else:
            found.pop(key, None)
    return [entry(key, found[key]) for key in sorted(found)]


def _write(plan: Plan, made: dict[str, bytes], staging: Path, out: Path, previous: Manifest) -> Carried:
    fingerprints = _fingerprints(plan)
    files: dict[str, str] = {}
    written: list[str] = []
    reused = 0
    for rel in [*plan.cards, *plan.bucket_files, plan.manifest]:
        data = made.get(rel)
        files[rel] = sha256(data) if data is not None else previous.files[rel]
        if data is not None and not (files[rel] == previous.files[rel] and reusable(previous, rel, fingerprints[rel])):
            write_file(staging, rel, data)
            written.append(rel)
        elif reuse_file(out, staging, rel):  # checked to be there: a file that is gone fails loudly below
            reused += 1
        else:
            raise FileNotFoundError(out / rel)
    return Carried(fingerprints, files, tuple(written), reused)


def _fingerprints(plan: Plan) -> dict[str, str]:
    """A card's is its page's; the buckets' and the manifest's, the numbering (their bytes are
    checked by digest)."""
    fingerprints = dict(zip(plan.cards, plan.fingerprints, strict=True))
    fingerprints.update({rel: plan.state for rel in [*plan.bucket_files, plan.manifest]})
    return fingerprints


def _doc(
    plan: Plan, n: int, entries: Entries, site: Site, index: SiteIndex, urls: Urls, path_of: Callable[[str], Path]
) -> SearchDoc:
    url, fingerprint = plan.stubs[n].url, plan.fingerprints[n]
    doc = cached_doc(entries, url, fingerprint) or search_doc(plan.pages[url], site, index, urls, path_of)
    entries[url] = (fingerprint, doc)
    return doc


def _full(
    plan: Plan, site: Site, index: SiteIndex, urls: Urls, staging: Path, cache_dir: Path | None, jobs: int,
    path_of: Callable[[str], Path],
) -> Carried:
    """The whole index, from cached documents where they are current."""
    entries = read_shards(cache_dir, range(SHARDS)) if cache_dir else {}
    before = dict(entries)
    docs = [_doc(plan, n, entries, site, index, urls, path_of) for n in range(len(plan.stubs))]
    build_search_index(docs, urls, staging, jobs)
    if cache_dir:
        entries = {doc.url: entries[doc.url] for doc in docs}  # pages that are gone leave the cache
        stale = {shard_of(url) for url in before.keys() ^ entries.keys()}
        stale |= {shard_of(url) for url, entry in entries.items() if before.get(url) is not entry}
        save_shards(cache_dir, entries, stale)
    rels = [*plan.cards, *plan.bucket_files, plan.manifest]
    files = {rel: sha256((staging / rel).read_bytes()) for rel in rels}
    return Carried(_fingerprints(plan), files, tuple(rels), 0)
