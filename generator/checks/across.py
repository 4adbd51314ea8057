"""Checks across reports: a report that repeats last year's figures, gaps in a township's
years, and figures the prose states that disagree with the tables or `figures:`."""

from __future__ import annotations

from generator.checks.prose_figures import best_matches, extract_matches
from generator.model.problems import NOTICE, WARNING, Problem
from generator.model.schema import Schemas
from generator.model.site import FIGURES, Report, Site
from generator.model.site_index import year_gaps

_FIGURE_LABELS = {f.name: (f.label, f.unit) for f in FIGURES}


def check_across(site: Site, reports: tuple[Report, ...]) -> list[Problem]:
    """The problems of `reports`, with every report of the site as context."""
    if not reports:
        return []
    paths = {r.path for r in reports}
    townships = {r.township for r in reports}
    every = site.reports if len(reports) == len(site.reports) else tuple(
        r for r in site.reports if r.township in townships
    )
    problems = [*copy_paste(every, reports), *(p for p in gap_notices(every) if p.path in paths)]
    for report in reports:
        problems += prose_against_figures(report, site.schemas)
    return problems


def gap_notices(reports: tuple[Report, ...]) -> list[Problem]:
    by_key = {r.key: r for r in reports}
    problems = []
    for slug, missing in year_gaps(reports).items():
        after = {y + 1 for y in missing} - set(missing)
        for year in sorted(after):
            report = by_key[(slug, year)]
            before = [y for y in missing if y < year]
            run = [y for y in before if all(z in missing for z in range(y, year))]
            span = f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[-1])
            problems.append(
                Problem(
                    report.path,
                    report.origin.line_of("year") if report.origin else 1,
                    "report.year_gap",
                    f"本乡镇缺少 {span} 年度的报告（年度页面会注明缺报）；如有该年报告，请补录",
                    NOTICE,
                )
            )
    return problems


def _figures_signature(report: Report) -> tuple:
    tables = tuple((t.id, tuple(sorted(t.rows.items()))) for t in report.tables)
    if tables:
        return tables
    return tuple(sorted((name, f.value) for name, f in report.figures.items()))


def _has_substance(report: Report) -> bool:
    """All-zero figures repeat honestly from year to year; only non-zero ones suggest a copy."""
    cells = [c for t in report.tables for row in t.rows.values() for c in row]
    values = cells or [f.value for f in report.figures.values()]
    return any(v for v in values)


def copy_paste(every: tuple[Report, ...], reports: tuple[Report, ...]) -> list[Problem]:
    by_key = {r.key: r for r in every}
    problems = []
    for report in reports:
        prev = by_key.get((report.township, report.year - 1))
        if not prev or not _has_substance(report) or _figures_signature(report) != _figures_signature(prev):
            continue
        field = "tables" if report.tables else "figures"
        problems.append(
            Problem(
                report.path,
                report.origin.line_of(field) if report.origin else 1,
                "report.copy_paste",
                f"{report.year} 年报告的{'统计表' if report.tables else '关键数字'}与 {prev.year} 年报告"
                f"（{prev.path}）完全相同，可能是复制上年报告后未更新，请逐项核对",
                WARNING,
            )
        )
    return problems


def _table_place(report: Report, schemas: Schemas, name: str) -> str:
    """Where the tables hold a figure, by official labels: 表二「…」行「总计」列."""
    fmt = schemas[report.format]
    for values in report.tables:
        table = fmt.table(values.id)
        for figure, refs in table.derives if table else ():
            if figure == name:
                cells = []
                for ref in refs:
                    row_id, column_id = ref.split(".")
                    row = next(r for r in table.rows() if r.id == row_id)
                    column = next(c for c in table.columns_of(row_id) if c.id == column_id)
                    cells.append(("" if row.hidden_label else f"「{row.label}」行") + f"「{column.label}」列")
                first_row = refs[0].split(".")[0]
                line = report.origin.line_of("tables", values.id, first_row) if report.origin else values.line
                return f"{table.number}{'与'.join(cells)}（第 {line} 行）"
    return ""


def prose_against_figures(report: Report, schemas: Schemas) -> list[Problem]:
    problems = []
    # a part (one channel, one way of applying, a count over all years) cannot contradict a total
    for match in best_matches(m for m in extract_matches(report.body, report.body_line) if not m.part):
        figure = report.figures.get(match.name)
        if figure is None or figure.value == match.value:
            continue
        label, unit = _FIGURE_LABELS[match.name]
        if figure.origin == "table":
            there = _table_place(report, schemas, match.name) or "统计表"
        else:
            there = f"元数据 figures 中的 {match.name}（第 {figure.line} 行）"
        problems.append(
            Problem(
                report.path,
                match.line,
                "prose.figure_mismatch",
                f"正文写“{match.phrase}”，即{label} {_show(match.value)} {unit}，"
                f"而{there}为 {_show(figure.value)} {unit}；请核对原件，改正错的一处",
                WARNING,
            )
        )
    return problems


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
