"""Generated parts of the editors' guide (content/pages/help.md), so that it never goes stale.

A content page is never evaluated as a template: only a line that is exactly MARKER is
recognised, and replaced with a Markdown table made from the catalogue of problem codes."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.model.codes import CODES, ProblemCode
from generator.model.problems import ERROR, NOTICE, SEVERITY_ZH, WARNING

MARKER = "<!-- xxgk:problem-codes -->"


def expand_generated(body: str, codes: Iterable[ProblemCode] | None = None) -> str:
    """`body` with every MARKER line replaced by the table of problem codes."""
    if MARKER not in body:
        return body
    table = problem_code_table(CODES.values() if codes is None else codes)
    return "\n".join(table if line.strip() == MARKER else line for line in body.split("\n"))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()#!|])")


def _cell(text: str) -> str:
    """Catalogue text shown as written: an explanation may quote Markdown (`[文字](链接)`) to editors."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split())).replace("<", "&lt;")


GROUP_HEADINGS = {ERROR: "错误：检查不通过，必须改正", WARNING: "警告：请核对", NOTICE: "提示：仅供参考"}


def problem_code_table(codes: Iterable[ProblemCode]) -> str:
    """One table per severity (errors first), each sorted by code."""
    by_severity: dict[str, list[ProblemCode]] = {}
    for c in sorted(codes, key=lambda c: c.code):
        by_severity.setdefault(c.severity, []).append(c)
    order = [*GROUP_HEADINGS, *sorted(set(by_severity) - set(GROUP_HEADINGS))]
    lines = []
    for severity in (s for s in order if s in by_severity):
        heading = GROUP_HEADINGS.get(severity, SEVERITY_ZH.get(severity, severity))
        lines += ["", f"### {heading}", "", "| 代码 | 问题 | 含义和改法 |", "|---|---|---|"]
        lines += [f"| `{c.code}` | {_cell(c.title)} | {_cell(c.explanation)} |" for c in by_severity[severity]]
    return "\n".join([*lines, ""])
