"""A one-line progress display on the terminal for long builds: files parsed, pages rendered.

It stays silent for the first couple of seconds (short builds print nothing) and when disabled;
the CLI enables it when stderr is a terminal, or with --progress."""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY = 2.0  # seconds before the first line: a quick build shows no progress at all
INTERVAL = 0.2  # seconds between redraws


class Progress:
    """Counts for the current stage. The build owns one and passes its `tick` down as a callback;
    nothing else reads it."""

    def __init__(self, enabled: bool, stream: TextIO | None = None, delay: float = DELAY) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.delay = delay
        self.label, self.total, self.count = "", 0, 0
        self.drawn_at = 0.0
        self.shown = False

    def stage(self, label: str, total: int) -> None:
        self.label, self.total, self.count = label, total, 0
        self._draw(force=True)

    def tick(self, count: int = 1) -> None:
        self.count += count
        self._draw(force=self.count == self.total)

    def _draw(self, force: bool) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or (not force and now - self.drawn_at < INTERVAL):
            return
        self.drawn_at, self.shown = now, True
        share = f"{self.count * 100 // self.total:3d}%" if self.total else ""
        self.stream.write(f"\r\x1b[2K{self.label} {self.count}/{self.total} {share}")
        self.stream.flush()

    def close(self) -> None:
        """Ends the progress line, if one was drawn, so that the summary starts on its own line."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False
