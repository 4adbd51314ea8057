"""Runs `xxgk` and kills it with SIGKILL at its Nth change to the file system, as a power cut or
the OOM killer would: `python tests/tools/kill_at.py N COUNT_FILE -- xxgk-args…`. N = 0 never kills;
the number of changes made, and the number made before publishing began, are then written to
COUNT_FILE (for choosing the kill points)."""

from __future__ import annotations

import builtins
import io
import os
import signal
import sys

from generator.cli import main
from generator.engine import publish as engine_publish
from generator.publish import output

_MUTATING = ("link", "rename", "replace", "unlink", "rmdir", "mkdir", "remove")


def _arm(kill_at: int) -> list[int]:
    count = [0, 0]
    parent = os.getpid()

    def tick() -> None:
        if os.getpid() != parent:
            return  # a worker process: the parent's sequence is what is measured
        count[0] += 1
        if count[0] == kill_at:
            os.kill(parent, signal.SIGKILL)

    def counted(function):
        def wrapper(*args, **kwargs):
            tick()
            return function(*args, **kwargs)

        return wrapper

    for name in _MUTATING:
        setattr(os, name, counted(getattr(os, name)))
    original_open = io.open

    def opening(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            tick()
        return original_open(file, mode, *args, **kwargs)

    builtins.open = io.open = opening
    # XXGK_TEST_NO_EXCHANGE: as on Windows, where folders cannot be exchanged in one step
    no_exchange = os.environ.get("XXGK_TEST_NO_EXCHANGE") == "1"
    output.exchange = counted((lambda first, second: False) if no_exchange else output.exchange)
    publish = output.publish

    def publishing(*args, **kwargs):
        count[1] = count[1] or count[0]
        return publish(*args, **kwargs)

    output.publish = engine_publish.publish = publishing
    return count


if __name__ == "__main__":
    kill_at, count_file = int(sys.argv[1]), sys.argv[2]
    count = _arm(kill_at)
    status = main(sys.argv[4:])
    with open(count_file, "w", encoding="utf-8") as handle:
        handle.write(f"{count[0]} {count[1]}")
    sys.exit(status)
