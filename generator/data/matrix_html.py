"""The body of a county's township × year matrix (compare.html), as HTML made in Python.

Made as string formatting, not a template loop: with ~7 figures × every county, the matrices were
a large share of a cold build's rendering time as a loop. The markup is the template's as it was
(the page around it, the caption and the column headers stay in compare.html); escaping stays explicit."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.data.comparison import Matrix, MatrixCell
from generator.model.urls import Urls

_NOT_STATED = '<span class="na" aria-hidden="true">—</span><span class="visually-hidden">报告未载明</span>'
_NO_REPORT = '<span class="missing" aria-hidden="true">·</span><span class="visually-hidden">无报告</span>'
_CONVERTED = '<span class="converted" aria-hidden="true">≈</span><span class="visually-hidden">（换算）</span>'


def matrix_body(matrix: Matrix, urls: Urls, grouped: bool) -> Markup:
    """The <tbody> of every county group: an optional group heading row, then a row per township."""
    multi = len(matrix.formats) > 1
    formats = {f: escape(f) for f in matrix.formats}
    span = len(matrix.years) + 1
    out: list[str] = []
    for group in matrix.groups:
        county = group.county
        out.append(f'  <tbody id="r-{escape(county.slug)}">\n')
        if grouped:
            out.append(
                f'<tr class="group-row"><th scope="rowgroup" colspan="{span}">'
                f'<a href="{escape(urls.region(county.slug))}">{escape(county.name)}</a></th></tr>'
            )
        for row in group.rows:
            township = row.township
            out.append(
                f'    <tr><th scope="row"><a href="{escape(urls.township(township.slug))}">'
                f"{escape(township.name)}</a></th>\n"
            )
            out.extend(_cell(cell, multi, formats) for cell in row.cells)
            out.append("</tr>\n")
        out.append("  </tbody>\n")
    return Markup("".join(out))


def _cell(cell: MatrixCell, multi: bool, formats: dict[str, Markup]) -> str:
    # Values and their texts are numbers (model.Cell) and need no escaping; formats (escaped once,
    # in `formats`), links and names do.
    if not cell.present:
        return f'<td class="num" data-value="">{_NOT_STATED if cell.report else _NO_REPORT}</td>'
    fmt = formats[cell.format]
    classes = f"num fmt-{fmt} format-break" if cell.break_from else f"num fmt-{fmt}"
    value = "" if cell.value is None else cell.value
    mark = (
        '<span class="break-mark" aria-hidden="true">‖</span>'
        f'<span class="visually-hidden">格式变化（{escape(cell.break_from)}→{fmt}）：</span>'
        if cell.break_from
        else ""
    )
    link = f'<a href="{escape(cell.href)}">{cell.text or "空白"}</a>'
    tail = (_CONVERTED if cell.converted else "") + (f' <span class="fmt-tag">{fmt}</span>' if multi else "")
    return f'<td class="{classes}" data-value="{value}">{mark}{link}{tail}</td>'
