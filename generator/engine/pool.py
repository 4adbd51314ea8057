"""The one worker pool: parse, check, render and index all share work out through `parallel`.

Workers are forked where the system can fork safely (Linux): they then read the parent's memory
(the assembled site) as it is, instead of each unpickling a copy. Elsewhere (Windows, macOS) they
are spawned and get the shared value pickled once each. The output is the same either way: a task
depends only on the shared value and its item, and results come back in the items' order.

A worker may be replaced after some chunks (`fresh_after`): reading an object in Python writes to
it (its reference count), so a long-lived forked worker slowly turns its share of the parent's
memory into a copy of its own. A pool whose worker dies (killed by the system, out of memory)
raises instead of waiting for it.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Task = Callable[[Any, Any], Any]  # (shared, item) → result; a module-level function (spawn pickles it)

# (shared value, setup) of the pool being started, for forked workers to find (set just before the fork)
_FORKED: list[Any] = []
# In a worker: its state (the shared value, or what `setup` made of it), set once by `_start`
_WORKER: list[Any] = []


SERIAL_BELOW = 200  # items: below this, starting processes costs more than it saves


@dataclass(frozen=True)
class Workers:
    """How work is shared out: `jobs` processes started by `method` ("fork", "spawn", or "" for
    the system's choice); below `serial_below` items (default SERIAL_BELOW) it is done here."""

    jobs: int = 1
    method: str = ""
    serial_below: int | None = None


def start_method(requested: str = "") -> str:
    """"fork" where it is available and safe (Linux), else "spawn"; `requested` wins when given."""
    if requested:
        return requested
    forkable = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
    return "fork" if forkable else "spawn"


def parallel(
    task: Task, items: Sequence[Item], shared: Any, workers: Workers, chunk: int = 0, fresh_after: int = 0,
    setup: Callable[[Any], Any] | None = None,
) -> Iterator[Result]:
    """task(state, item) for every item, in order; `state` is `setup(shared)`, made once in each
    worker (a Jinja environment, say), or `shared` itself. `chunk`: items per message (0: chosen
    from the count); `fresh_after`: replace the workers after this many chunks each (0: never)."""
    serial_below = SERIAL_BELOW if workers.serial_below is None else workers.serial_below
    if workers.jobs <= 1 or len(items) < max(2, serial_below):
        state = setup(shared) if setup else shared
        for item in items:
            yield task(state, item)
        return
    jobs = min(workers.jobs, len(items))
    size = chunk or max(1, min(64, len(items) // (jobs * 8)))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    per_generation = fresh_after * jobs if fresh_after else len(chunks)
    for first in range(0, len(chunks), per_generation):
        part = chunks[first : first + per_generation]
        for done in _generation(task, part, (shared, setup), jobs, workers.method):
            yield from done


def _generation(task: Task, chunks: list, shared: tuple, jobs: int, requested: str) -> Iterator[list]:
    method = start_method(requested)
    context = multiprocessing.get_context(method)
    forked = method == "fork"
    if forked:
        _FORKED.append(shared)
        # The children's collector then leaves the shared objects (and their memory pages) alone.
        # They stay frozen in this process too: unfreezing would also thaw what a caller froze
        # (`xxgk serve` freezes what it keeps between rebuilds), and a build ends soon after.
        gc.freeze()
    try:
        initargs = (None,) if forked else (shared,)
        with ProcessPoolExecutor(min(jobs, len(chunks)), context, _start, initargs) as pool:
            futures: list[Future] = [pool.submit(_run, task, chunk) for chunk in chunks]
            for future in futures:
                yield future.result()
    finally:
        if forked:
            _FORKED.clear()


def _start(given: tuple | None) -> None:
    shared, setup = _FORKED[-1] if given is None else given
    _WORKER.clear()
    _WORKER.append(setup(shared) if setup else shared)


def _run(task: Task, chunk: Sequence) -> list:
    shared = _WORKER[0]
    return [task(shared, item) for item in chunk]
