"""Problems are data: every stage returns them, the CLI decides once at the end."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from operator import attrgetter

from generator.model.codes import title_of

ERROR = "error"
WARNING = "warning"
NOTICE = "notice"
SEVERITY_ZH = {ERROR: "错误", WARNING: "警告", NOTICE: "提示"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at a file and line (line 0: the whole file)."""

    path: str
    line: int
    code: str
    message: str
    severity: str = ERROR
    column: int = 0

    def location(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}:{self.column}" if self.line and self.column else where


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, line and column; duplicates removed (two stages may find the same)."""
    # dict.fromkeys keeps the order problems came in (mostly by file already), which the sort then
    # merely merges; a set would shuffle them and make the sort do all the work (5x slower at 80,000).
    return sorted(dict.fromkeys(problems), key=problem_order)


problem_order = attrgetter("path", "line", "column", "code", "message")


def blocking(problems: Iterable[Problem], strict: bool = False) -> list[Problem]:
    """The problems that stop a build: errors, and warnings too under --strict."""
    stops = {ERROR, WARNING} if strict else {ERROR}
    return [p for p in problems if p.severity in stops]


def format_text(problems: Iterable[Problem]) -> str:
    lines = []
    for p in problems:
        tag = "" if p.severity == ERROR else f"{SEVERITY_ZH[p.severity]}: "
        lines.append(f"{p.location()}: {tag}{p.message} [{p.code}]")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands, so problems show as annotations on the PR's lines."""
    command = {ERROR: "error", WARNING: "warning", NOTICE: "notice"}
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        props.append(f"title={_escape_property(f'{title_of(p.code)} [{p.code}]')}")
        lines.append(f"::{command[p.severity]} {','.join(props)}::{_escape_data(p.message)}")
    return "\n".join(lines)


def format_json(problems: Iterable[Problem]) -> str:
    return json.dumps([{**asdict(p), "title": title_of(p.code)} for p in problems], ensure_ascii=False, indent=2)


def summary_markdown(problems: list[Problem]) -> str:
    """A Chinese summary for $GITHUB_STEP_SUMMARY: counts per file, then every problem."""
    if not problems:
        return "## xxgk 检查结果\n\n未发现问题。\n"
    per_file: dict[str, dict[str, int]] = {}
    for p in problems:
        counts = per_file.setdefault(p.path, {ERROR: 0, WARNING: 0, NOTICE: 0})
        counts[p.severity] += 1
    totals = {s: sum(p.severity == s for p in problems) for s in (ERROR, WARNING, NOTICE)}
    out = [
        "## xxgk 检查结果",
        "",
        f"共 {totals[ERROR]} 个错误、{totals[WARNING]} 个警告、{totals[NOTICE]} 个提示。错误须改正后才能发布。",
        "",
        "| 文件 | 错误 | 警告 | 提示 |",
        "|---|---:|---:|---:|",
    ]
    for path, c in per_file.items():
        out.append(f"| `{path}` | {c[ERROR]} | {c[WARNING]} | {c[NOTICE]} |")
    out += ["", "| 位置 | 级别 | 问题 | 说明 |", "|---|---|---|---|"]
    for p in problems:
        message = p.message.replace("|", "\\|")
        code = f"{title_of(p.code)} `{p.code}`"
        out.append(f"| `{p.location()}` | {SEVERITY_ZH[p.severity]} | {code} | {message} |")
    return "\n".join(out) + "\n"
