"""Helpers for the broken-input tests: write a small broken site, run every check, find a problem."""

from __future__ import annotations

import re
from pathlib import Path

from generator.engine.load import load_site
from generator.model.codes import CODES
from generator.model.problems import Problem, format_text
from tests.conftest import FIXTURES, MINIMAL_SITE, TODAY, write_files

REPORT = "content/townships/test-town/2018.md"
TOWNSHIP = "content/townships/test-town/township.yaml"
F2021 = "content/townships/demo-town/2021.md"
F2021_TEXT = (FIXTURES / "f2021" / F2021).read_text(encoding="utf-8")
_CJK = re.compile("[\u4e00-\u9fff]")


def report(front: str, body: str = "## 一、概述\n\n正文。\n") -> str:
    """A report file: `front` is the YAML between the two --- lines (line 2 onward)."""
    return f"---\n{front}---\n{body}"


def minimal(root: Path, files: dict[str, str | bytes], remove: tuple[str, ...] = ()) -> Path:
    """The minimal site of conftest with some files replaced, added or removed."""
    write_files(root, {**MINIMAL_SITE, **files})
    for rel in remove:
        (root / rel).unlink()
    return root


def f2021(root: Path, *edits: tuple[str, str], extra: dict[str, str] | None = None) -> Path:
    """The f2021 fixture site with text replacements in its report (each must apply once)."""
    text = F2021_TEXT
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    files = {p.relative_to(FIXTURES / "f2021").as_posix(): p.read_bytes() for p in (FIXTURES / "f2021").rglob("*.*")}
    return write_files(root, {**files, F2021: text, **(extra or {})})


def problems_in(root: Path) -> list[Problem]:
    _, problems = load_site(root, TODAY)
    return problems


def expect(root: Path, code: str, path: str, line: int, contains: str = "") -> Problem:
    """The problem `code` at `path`:`line` (whose message has `contains`), with the catalogue's
    severity and a Chinese message."""
    problems = problems_in(root)
    hits = [p for p in problems if (p.code, p.path, p.line) == (code, path, line) and contains in p.message]
    assert hits, f"expected {code} at {path}:{line}, got:\n{format_text(problems)}"
    problem = hits[0]
    assert problem.severity == CODES[code].severity, problem
    assert _CJK.search(problem.message), problem
    return problem
