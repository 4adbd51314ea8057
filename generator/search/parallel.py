"""The search index built on every core: the n-gram keys of the pages in contiguous slices, one
per process, merged in page order; then the buckets and cards split between processes by number.

Output is the same whatever the number of processes: each bucket and card depends only on the
merged postings and its own number. The work is shared out by `run`, which the engine gives
(its worker pool, engine/pool.py: run(task, items, shared) → task(shared, item) for each, in order).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.search.cards import Card, write_cards
from generator.search.postings import HEADING, gaps, postings, varint, write_buckets
from generator.search.tokens import grams

PARALLEL_FROM = 200  # pages; below this, starting processes costs more than it saves
Run = Callable[[Callable[[Any, Any], Any], Sequence, Any], Iterable]


def page_keys(text: str, heading: str) -> set[str]:
    return grams(text) | {HEADING + key for key in grams(heading)}


def slice_postings(pages: list[tuple[str, str]], first: int) -> dict[str, tuple[int, int, bytes]]:
    """Key → (first page, last page, the gaps after the first) for a slice of pages: encoded in
    the worker, so that bytes rather than millions of numbers go back to the parent."""
    found = postings((page_keys(text, heading) for text, heading in pages), first)
    return {key: (numbers[0], numbers[-1], gaps(numbers[1:], numbers[0])) for key, numbers in found.items()}


def _slice(shared: None, piece: tuple[list[tuple[str, str]], int]) -> dict[str, tuple[int, int, bytes]]:
    return slice_postings(*piece)


def all_postings(pages: list[tuple[str, str]], run: Run, shares: int = 2) -> dict[str, bytes]:
    """Key → its page numbers as varint gaps, for (text, heading) pages numbered in list order,
    in up to `shares` slices."""
    shares = shares if len(pages) >= PARALLEL_FROM else 1
    size = max(1, -(-len(pages) // shares))  # a new site has no report yet: no page to index
    slices = [(pages[start : start + size], start) for start in range(0, len(pages), size)] or [([], 0)]
    parts = run(_slice, slices, None)
    merged: dict[str, list[bytes]] = {}
    last: dict[str, int] = {}
    for part in parts:  # later slices hold higher page numbers: appending keeps the order
        for key, (start, end, tail) in part.items():
            merged.setdefault(key, []).extend((varint(start - last.get(key, -1)), tail))
            last[key] = end
    return {key: b"".join(pieces) for key, pieces in merged.items()}


@dataclass(frozen=True)
class Writing:
    index: dict[str, bytes]
    buckets: int
    folder: Path
    cards: list[Card]
    card_folder: Path
    shares: int


def _write_share(writing: Writing, number: int) -> None:
    share = (number, writing.shares)
    write_buckets(writing.index, writing.buckets, writing.folder, share)
    write_cards(writing.cards, writing.card_folder, share)


def write_all(
    index: dict[str, bytes], buckets: int, folder: Path, cards: list[Card], card_folder: Path, run: Run,
    shares: int = 2,
) -> None:
    """Writes every bucket into `folder` and every card into `card_folder` (both must exist)."""
    shares = shares if len(cards) >= PARALLEL_FROM else 1
    writing = Writing(index, buckets, folder, cards, card_folder, shares)
    list(run(_write_share, range(shares), writing))
