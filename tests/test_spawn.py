"""Workers started the way Windows (and macOS's Python) start them: with "fork" made unavailable,
`xxgk build --jobs 2` spawns its workers, and the site is the same, byte for byte, as the one a
build with forked workers makes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.make_corpus import write_corpus
from tests.conftest import REPO
from tests.test_build import digest_tree

REPORTS = 500

# On PYTHONPATH, imported by every Python that starts (the build and each worker it spawns): fork
# is gone, as on Windows, and every start method asked for is written down.
NO_FORK = '''
import multiprocessing
import os

_methods = multiprocessing.get_all_start_methods
multiprocessing.get_all_start_methods = lambda: [m for m in _methods() if m != "fork"]
_get_context = multiprocessing.get_context


def _logged(method=None):
    with open(os.environ["XXGK_TEST_METHODS"], "a", encoding="utf-8") as log:
        log.write(f"{method}\\n")
    return _get_context(method)


multiprocessing.get_context = _logged
if hasattr(os, "fork"):
    del os.fork
'''


def _xxgk() -> list[str]:
    script = shutil.which("xxgk", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "generator"]


def _build(root: Path, out: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    command = [*_xxgk(), "build", "--root", str(root), "--out", str(root / out), "--jobs", "2", "--no-cache"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="compares with fork")
def test_a_build_without_fork_spawns_its_workers_and_writes_the_same_site(tmp_path):
    root = tmp_path / "corpus"
    assert write_corpus(REPORTS, root) == REPORTS
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    forked = _build(root, "site-fork", env)
    assert forked.returncode == 0, forked.stderr

    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(NO_FORK, encoding="utf-8")
    log = tmp_path / "methods.log"
    spawned = _build(root, "site-spawn", {**env, "PYTHONPATH": f"{hooks}{os.pathsep}{REPO}",
                                         "XXGK_TEST_METHODS": str(log)})
    assert spawned.returncode == 0, spawned.stderr
    methods = set(log.read_text(encoding="utf-8").split())
    assert "spawn" in methods and "fork" not in methods, methods

    assert digest_tree(root / "site-spawn") == digest_tree(root / "site-fork")
    assert (root / "site-spawn/townships").is_dir()
