"""What readers are told about the problems the checks found (issue 21): the editors' problems
pass through `reader_notes`, which keeps those where a reader's trust in a figure is at stake and
says each in plain Chinese, at the key figure or table it concerns. A report is published as its
original has it; the note says that the site knows, so that a reader does not take a figure that
disagrees with the text for a slip of the site.

The codes readers see (READER_CODES), and where:
- prose.figure_mismatch: the text states a key figure that the tables (or `figures:`) give
  otherwise → at the key figure, and under the table that holds it;
- table.sum: the figures of a table do not add up as the official format requires → under the table;
- table.cross_year: this year's carried-over figures are not last year's carried-forward → under the table;
- table.plausibility: a figure a township cannot have (乡镇不制定规章) → under the table;
- report.copy_paste: the tables or figures are the very same as last year's → the whole report;
- body.garbled_date: a date in the text is garbled in the original → the whole report;
- date.year_end: the publication date shown is the year's last day, likely the signature's → the whole report.
Every other code concerns the files, not what readers read (or blocks the build outright)."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable

from generator.checks.prose_figures import best_matches, extract_matches
from generator.checks.table_rules import check_table
from generator.model.problems import Problem
from generator.model.schema import Schemas
from generator.model.site import FIGURES, ReaderNote, Report, Site

READER_CODES = (
    "prose.figure_mismatch",
    "table.sum",
    "table.cross_year",
    "table.plausibility",
    "report.copy_paste",
    "body.garbled_date",
    "date.year_end",
)
_TABLE_CODES = ("table.sum", "table.cross_year", "table.plausibility")
_FIGURES = {f.name: f for f in FIGURES}
_QUOTED = re.compile(r"“([^”]+)”")


def reader_notes(
    reports: tuple[Report, ...], schemas: Schemas, problems: Iterable[Problem]
) -> dict[str, tuple[ReaderNote, ...]]:
    """Report path → its notes for readers, in a stable order, for the reports that have any."""
    wanted: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        if problem.code in READER_CODES:
            wanted[problem.path].append(problem)
    by_path = {r.path: r for r in reports if r.path in wanted}
    by_key = {r.key: r for r in reports}
    notes = {}
    for path, found in sorted(wanted.items()):
        report = by_path.get(path)
        if report is None:
            continue
        made = _notes(schemas, report, by_key.get((report.township, report.year - 1)), found)
        if made:
            notes[path] = tuple(dict.fromkeys(made))
    return notes


def with_reader_notes(site: Site, notes: dict[str, tuple[ReaderNote, ...]]) -> Site:
    return dataclasses.replace(site, reader_notes=notes)


def _notes(schemas: Schemas, report: Report, prev: Report | None, found: list[Problem]) -> list[ReaderNote]:
    codes = {p.code for p in found}
    notes: list[ReaderNote] = []
    if "prose.figure_mismatch" in codes:
        notes += _figure_notes(schemas, report, {p.line for p in found if p.code == "prose.figure_mismatch"})
    if codes & set(_TABLE_CODES):
        notes += _table_notes(schemas, report, prev, [p for p in found if p.code in _TABLE_CODES])
    if "report.copy_paste" in codes and prev is not None:
        what = "统计表" if report.tables else "关键数字"
        notes.append(ReaderNote("report", "", f"本报告的{what}与{prev.year}年度报告完全相同，可能沿用了上年的数字。"))
    if "date.year_end" in codes:
        notes.append(ReaderNote("report", "", "发布日期是报告年度的最后一天，可能是报告的落款日期，而非发布日期。"))
    for problem in found:
        if problem.code == "body.garbled_date":
            quoted = _QUOTED.search(problem.message)
            where = f"“{quoted.group(1)}”" if quoted else ""
            notes.append(ReaderNote("report", "", f"正文中的日期{where}有缺字或错误，原件如此。"))
    return notes


def _figure_notes(schemas: Schemas, report: Report, lines: set[int]) -> list[ReaderNote]:
    """At the figure (and under its table): what the text says, and what the table gives."""
    notes = []
    for match in best_matches(extract_matches(report.body, report.body_line)):
        figure = report.figures.get(match.name)
        if match.line not in lines or figure is None or figure.value == match.value:
            continue
        unit = _FIGURES[match.name].unit
        there = "统计表" if figure.origin == "table" else "报告另一处"
        text = (
            f"本报告正文与{there}数字不一致：正文写“{match.phrase}”（{_show(match.value)} {unit}），"
            f"{there}为 {_show(figure.value)} {unit}。"
        )
        notes.append(ReaderNote("figure", match.name, text))
        table = _table_of(schemas, report, match.name)
        if table:
            notes.append(ReaderNote("table", table, text))
    return notes


def _table_of(schemas: Schemas, report: Report, figure: str) -> str:
    """The id of the report's table that a figure is taken from ("" for one from the text)."""
    fmt = schemas[report.format]
    for values in report.tables:
        table = fmt.table(values.id)
        if table and any(name == figure for name, _ in table.derives):
            return values.id
    return ""


_TABLE_TEXT = {
    "table.sum": "本表有数字不符合官方表格规定的勾稽关系（例如总计不等于各分项之和），原件如此。",
    "table.cross_year": "本表与{year}年度报告的相应数字不衔接（例如本年“上年结转”不等于上年“结转下年度”），原件如此。",
    "table.plausibility": "本表有数字与乡镇的通常情况不符（{why}），原件如此。",
}


def _table_notes(schemas: Schemas, report: Report, prev: Report | None, found: list[Problem]) -> list[ReaderNote]:
    """The table each problem is in, found by checking each table again (the problems carry only
    their file and line)."""
    wanted = {(p.code, p.message) for p in found}
    notes = []
    for values in report.tables:
        table = schemas[values.format].table(values.id)
        if table is None:
            continue
        prev_values = next((t for t in prev.tables if t.id == values.id), None) if prev else None
        hits = [p for p in check_table(report, table, values, prev_values) if (p.code, p.message) in wanted]
        for code in _TABLE_CODES:
            mine = [p for p in hits if p.code == code]
            if mine:
                why = "；".join(dict.fromkeys(_reason(table, p.message) for p in mine))
                year = prev.year if prev else report.year - 1
                notes.append(ReaderNote("table", values.id, _TABLE_TEXT[code].format(year=year, why=why)))
    return notes


def _reason(table, message: str) -> str:
    """A plausibility rule's own words (乡镇、街道不制定规章), from the schema, not the message."""
    for rule in table.rules:
        if rule.message and rule.message in message:
            return rule.message
    return "请以原件为准"


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
