"""Runs a workflow's own steps locally, as GitHub Actions would: the same `run:` scripts, in order,
under `bash -eo pipefail`, with the step's `env:` and a local GITHUB_STEP_SUMMARY file.

Only our steps are run: the ones that call `xxgk` (checkout, setup-python, installing and the
test run itself are the machine's business, done here by the test's fixtures)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
_EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
_OURS = re.compile(r"^\s*xxgk\s", re.M)


@dataclass(frozen=True)
class StepRun:
    name: str
    returncode: int
    stdout: str
    stderr: str


def load_workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); the tests use the key as written.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def our_steps(workflow: dict, job: str) -> list[dict]:
    return [s for s in workflow["jobs"][job]["steps"] if "run" in s and _OURS.search(s["run"])]


def _substitute(value: str, context: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        if match.group(1) not in context:
            raise KeyError(f"the test gives no value for ${{{{ {match.group(1)} }}}}")
        return context[match.group(1)]

    return _EXPRESSION.sub(one, str(value))


def xxgk_shim(folder: Path) -> Path:
    """An `xxgk` command that runs this checkout's generator (the venv's may be another copy)."""
    folder.mkdir(parents=True, exist_ok=True)
    shim = folder / "xxgk"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m generator "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return folder


def run_steps(steps: list[dict], cwd: Path, context: dict[str, str], summary: Path, bin_dir: Path) -> list[StepRun]:
    """Runs steps in order and stops at the first that fails, as a job does (our steps have no `if:`)."""
    env = {
        **os.environ,
        "PATH": f"{xxgk_shim(bin_dir)}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO),
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    runs = []
    for step in steps:
        assert "if" not in step, f"step {step.get('name')} has a condition the runner does not model"
        step_env = {k: _substitute(v, context) for k, v in step.get("env", {}).items()}
        script = _substitute(step["run"], context)
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=cwd,
            env={**env, **step_env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        runs.append(StepRun(step.get("name", step.get("id", "")), result.returncode, result.stdout, result.stderr))
        if result.returncode != 0:
            break
    return runs
