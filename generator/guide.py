"""Generated parts of the editors' guide (content/pages/help.md), so that it never goes stale.

A content page is never evaluated as a template: only a line that is exactly MARKER is
recognised, and replaced with a Markdown table made from the catalogue of problem codes."""

from __future__ import annotations

from collections.abc import Iterable

from generator.problem_codes import CODES, ProblemCode
from generator.problems import SEVERITY_ZH

MARKER = "<!-- xxgk:problem-codes -->"


def expand_generated(body: str, codes: Iterable[ProblemCode] | None = None) -> str:
    """`body` with every MARKER line replaced by the table of problem codes."""
    if MARKER not in body:
        return body
    table = problem_code_table(CODES.values() if codes is None else codes)
    return "\n".join(table if line.strip() == MARKER else line for line in body.split("\n"))


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")


def problem_code_table(codes: Iterable[ProblemCode]) -> str:
    """Every code, errors first, then warnings and notices, each group sorted by code."""
    order = {severity: i for i, severity in enumerate(SEVERITY_ZH)}
    rows = sorted(codes, key=lambda c: (order.get(c.severity, len(order)), c.code))
    lines = ["", "| 代码 | 级别 | 问题 | 含义和改法 |", "|---|---|---|---|"]
    for c in rows:
        severity = SEVERITY_ZH.get(c.severity, c.severity)
        lines.append(f"| `{c.code}` | {severity} | {_cell(c.title)} | {_cell(c.explanation)} |")
    return "\n".join([*lines, ""])
