"""Timing one command: wall time, and peak memory of the whole process tree (workers included).

Peak memory is sampled from /proc every 20 ms as the sum of PSS (proportional set size) over the
process and all its descendants, so forked workers sharing pages are not counted twice; the
kernel's own peak RSS of the largest single process (wait4) is kept as well."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    seconds: float
    tree_pss_mb: float  # peak of the summed PSS of the process tree, sampled
    max_rss_mb: float  # peak RSS of the largest single process (kernel accounting)
    returncode: int
    cpu_seconds: float = 0.0  # user + system time of the tree: less sensitive to a busy machine


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            found += [int(c) for c in text.split()]
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return found
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return 0
    return 0


def _tree_pss_kb(root: int) -> int:
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss_kb(pid)
        stack += _children(pid)
    return total


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> Sample:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_pss_kb(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=poll, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr.close() if proc.stderr else None
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, peak[0] / 1024, usage.ru_maxrss / 1024, proc.returncode, cpu)


def tree_size_mb(path: Path) -> tuple[float, int]:
    """Output size in MB and number of HTML pages."""
    size, pages = 0, 0
    for folder, _, files in os.walk(path):
        for name in files:
            size += os.lstat(os.path.join(folder, name)).st_size
            pages += name.endswith(".html")
    return size / 1e6, pages
