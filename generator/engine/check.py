"""`xxgk check`: a load, nothing written but the memo (which the next build then finds)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.checks.registry import CHECKS, CheckSet
from generator.engine.load import LoadOptions, load
from generator.engine.memo import DiskMemo, MemoryMemo
from generator.engine.pool import Workers
from generator.engine.project import open_project
from generator.model.problems import Problem


def check(root: Path, today: date, jobs: int = 1, cache: bool = True, checks: CheckSet = CHECKS) -> list[Problem]:
    project = open_project(root)
    memo = DiskMemo(project.cache / "memo.sqlite", project.code) if cache else MemoryMemo()
    try:
        options = LoadOptions(today, workers=Workers(jobs), checks=checks, assets=project.assets())
        loaded = load(root, options, memo)
        memo.end_run()
    finally:
        if isinstance(memo, DiskMemo):
            memo.close()
    return list(loaded.problems)
