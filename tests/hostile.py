"""Helpers for the hostile-input tests (issue 17): run `check` or `build` on a small site in a child
process, so that a hang is a timeout and a crash a traceback, never a stuck test run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

TIMEOUT = 60  # seconds; each of these sites takes well under one

_CHILD = """
import json, sys
from datetime import date
from pathlib import Path
from generator.engine.load import load_site
from tests.conftest import TODAY, build_site
root = Path(sys.argv[2])
if sys.argv[1] == "check":
    problems = load_site(root, TODAY)[1]
    ok = None
else:
    result = build_site(root)
    problems, ok = result.problems, result.ok
print(json.dumps({"ok": ok, "problems": [[p.code, p.path, p.line, p.message] for p in problems]}))
"""


def run(command: str, root: Path, timeout: float = TIMEOUT) -> tuple[bool | None, list[tuple[str, str, int, str]]]:
    """(build ok or None for check, problems as (code, path, line, message)): in a child process
    that must finish within `timeout` seconds and must not raise."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, command, str(root)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[-1])
    return result["ok"], [tuple(p) for p in result["problems"]]


def found(problems: list[tuple[str, str, int, str]], code: str, path: str, line: int) -> bool:
    return any((p[0], p[1], p[2]) == (code, path, line) for p in problems)
