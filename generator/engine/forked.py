"""Work shared out to forked processes, for stages whose results are small next to their inputs:
each child reads the parent's memory (the assembled site) as it is, instead of receiving a copy."""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# The work and its items, set in each child by the pool initializer: a forked child inherits them,
# so that neither is pickled (the items are lists of reports).
_SLOT: list[tuple[Callable, Sequence]] = []


@contextmanager
def forked_pool(
    processes: int, initializer: Callable | None = None, initargs: tuple = (), maxtasksperchild: int | None = None
) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of processes forked from this one, so that they read the site in its memory rather
    than unpickle a copy each. Objects are frozen first: the children's garbage collector skips
    them, where it would otherwise touch (and so copy) every object of the shared site."""
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes, initializer, initargs, maxtasksperchild) as pool:
            yield pool
    finally:
        gc.unfreeze()


def forked_map(work: Callable[[Item], Result], items: Sequence[Item], jobs: int) -> list[Result]:
    """[work(item) for item in items], in up to `jobs` forked processes when there is more than
    one item. Only the results are pickled, back to the parent."""
    if jobs <= 1 or len(items) <= 1:
        return [work(item) for item in items]
    with forked_pool(min(jobs, len(items)), _hold, (work, items)) as pool:
        return pool.map(_call, range(len(items)), chunksize=1)


def _hold(work: Callable, items: Sequence) -> None:
    _SLOT.append((work, items))


def _call(number: int) -> object:
    work, items = _SLOT[0]
    return work(items[number])
