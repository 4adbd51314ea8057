"""A build killed at any point (SIGKILL, as by a power cut or the OOM killer) leaves the site
wholly old or wholly new, never a mix; the next build cleans up what the killed one left and
publishes the new site. Kill points are chosen at random among the build's changes to the file
system (tests/tools/kill_at.py counts them), with a fixed seed, plus the last few."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.publish.output import MARKER, MARKER_TEXT, recover
from tests.conftest import REPO
from tests.test_build import digest_tree

KILL_AT = REPO / "tests" / "tools" / "kill_at.py"
POINTS = 4  # random kill points per scenario and phase, besides the last three changes


def _xxgk(root: Path, kill_at: int, *args: str, exchange: bool = True) -> tuple[int, list[int]]:
    """(exit status, [changes made, changes made before publishing]); a killed run has status -9."""
    count = root.parent / "count"
    count.unlink(missing_ok=True)
    argv = [sys.executable, str(KILL_AT), str(kill_at), str(count), "--", "--root", str(root), "build", "--jobs", "1"]
    env = {**os.environ, "XXGK_TEST_NO_EXCHANGE": "" if exchange else "1"}
    run = subprocess.run([*argv, *args], cwd=REPO, env=env, capture_output=True, timeout=300, check=False)
    assert b"Traceback" not in run.stderr, run.stderr.decode()
    return run.returncode, [int(n) for n in count.read_text().split()] if count.exists() else []


def _sample(root: Path) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def _tree(out: Path) -> str | None:
    return digest_tree(out) if out.exists() else None


def _edit(root: Path) -> None:
    """A body edit and a renamed township: some pages change, most stay."""
    path = root / "content/townships/anqiu-jingzhi/2019.md"
    path.write_text(path.read_text("utf-8").replace("## 一、", "## 一、（已修订）", 1), "utf-8")
    path = root / "content/townships/tongxiang-wuzhen/township.yaml"
    path.write_text(path.read_text("utf-8").replace("乌镇", "乌镇镇"), "utf-8")


SCENARIOS = {
    # name: (prepare the old site, make the new content, build arguments)
    "cold build": (lambda root: None, lambda root: None, ()),
    "full swap": (lambda root: _xxgk(root, 0), _edit, ("--no-cache",)),
    "in-place update": (lambda root: _xxgk(root, 0), _edit, ()),
}
SYSTEMS = {"exchange": True, "two renames": False}  # where folders can be exchanged at once, and where not


@pytest.mark.parametrize(
    ("scenario", "system"),
    [(scenario, "exchange") for scenario in SCENARIOS] + [("in-place update", "two renames")],
)
def test_a_killed_build_leaves_the_old_site_or_the_new_one(scenario, system, tmp_path):
    prepare, change, args = SCENARIOS[scenario]

    def ready(name: str) -> Path:  # the old site built where the new one will go (the cache trusts it)
        root = _sample(tmp_path / name)
        prepare(root)
        return root

    reference = ready("reference")
    old = _tree(reference / "site")
    change(reference)
    status, (changes, publishing) = _xxgk(reference, 0, *args, exchange=SYSTEMS[system])
    assert status == 0 and 10 < publishing < changes
    new = _tree(reference / "site")
    assert new != old
    rng = random.Random(f"{scenario}-20261203")
    # anywhere, and where a mix could arise: once the new site starts to go in
    late = range(publishing, changes)
    points = {*rng.sample(range(1, changes), POINTS), *rng.sample(late, min(POINTS, len(late)))}
    for point in sorted({*points, changes - 2, changes - 1, changes}):
        root = ready(f"killed-{point}")
        change(root)
        status, _ = _xxgk(root, point, *args, exchange=SYSTEMS[system])
        assert status == -9, f"not killed at change {point} of {changes}"
        assert _tree(root / "site") in (old, new), f"{scenario}: a mix after a kill at change {point}/{changes}"
        assert _xxgk(root, 0, *args, exchange=SYSTEMS[system])[0] == 0
        assert _tree(root / "site") == new, f"{scenario}: the build after a kill at {point} differs"
        assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []
        shutil.rmtree(root)


def test_the_next_build_puts_back_a_site_left_between_two_renames_and_clears_leftovers(tmp_path):
    """Where folders cannot be exchanged, a kill between `site` → `.site.old-PID` and the staging
    folder → `site` leaves no `site`: the next build moves the old one back before anything else."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    pid = int(gone.stdout)  # a process that has ended
    old, staging = tmp_path / f".site.old-{pid}", tmp_path / f".site.staging-{pid}"
    old.mkdir()
    (old / MARKER).write_bytes(MARKER_TEXT)
    (old / "index.html").write_text("old site", encoding="utf-8")
    staging.mkdir()
    (staging / "index.html").write_text("half of the new one", encoding="utf-8")
    recover(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text("utf-8") == "old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
