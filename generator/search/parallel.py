"""The search index built on every core: the n-gram keys of the pages in contiguous slices, one
per process, merged in page order; then the buckets and cards split between processes by number.

Output is the same whatever the number of processes: each bucket and card depends only on the
merged postings and its own number. Processes are forked, so the merged postings and the cards'
pages are shared with the writers rather than copied to them.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

from generator.engine.forked import forked_pool
from generator.search.cards import Card, write_cards
from generator.search.postings import HEADING, gaps, postings, varint, write_buckets
from generator.search.tokens import grams

PARALLEL_FROM = 200  # pages; below this, starting processes costs more than it saves


def page_keys(text: str, heading: str) -> set[str]:
    return grams(text) | {HEADING + key for key in grams(heading)}


def slice_postings(pages: list[tuple[str, str]], first: int) -> dict[str, tuple[int, int, bytes]]:
    """Key → (first page, last page, the gaps after the first) for a slice of pages: encoded in
    the worker, so that bytes rather than millions of numbers go back to the parent."""
    found = postings((page_keys(text, heading) for text, heading in pages), first)
    return {key: (numbers[0], numbers[-1], gaps(numbers[1:], numbers[0])) for key, numbers in found.items()}


def all_postings(pages: list[tuple[str, str]], jobs: int) -> dict[str, bytes]:
    """Key → its page numbers as varint gaps, for (text, heading) pages numbered in list order."""
    if jobs <= 1 or len(pages) < PARALLEL_FROM:
        parts = [slice_postings(pages, 0)]
    else:
        size = -(-len(pages) // jobs)
        slices = [(pages[start : start + size], start) for start in range(0, len(pages), size)]
        with forked_pool(len(slices)) as pool:
            parts = pool.starmap(slice_postings, slices)
    merged: dict[str, list[bytes]] = {}
    last: dict[str, int] = {}
    for part in parts:  # later slices hold higher page numbers: appending keeps the order
        for key, (start, end, tail) in part.items():
            merged.setdefault(key, []).extend((varint(start - last.get(key, -1)), tail))
            last[key] = end
    return {key: b"".join(pieces) for key, pieces in merged.items()}


def write_all(
    index: dict[str, list[int]], buckets: int, folder: Path, cards: list[Card], card_folder: Path, jobs: int
) -> None:
    """Writes every bucket into `folder` and every card into `card_folder` (both must exist)."""
    if jobs <= 1 or len(cards) < PARALLEL_FROM:
        _write_share(index, buckets, folder, cards, card_folder, (0, 1))
        return
    _in_processes(jobs, lambda share: _write_share(index, buckets, folder, cards, card_folder, share))


def _write_share(index, buckets, folder, cards, card_folder, share: tuple[int, int]) -> None:
    write_buckets(index, buckets, folder, share)
    write_cards(cards, card_folder, share)


def _in_processes(jobs: int, work: Callable[[tuple[int, int]], None]) -> None:
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=work, args=((number, jobs),)) for number in range(jobs)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    failed = [p.exitcode for p in processes if p.exitcode != 0]
    if failed:
        raise RuntimeError(f"writing the search index failed in {len(failed)} process(es): exit codes {failed}")
