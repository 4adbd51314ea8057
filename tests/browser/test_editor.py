"""The editors' form in real Chromium, as an editor uses it: every table of an f2019 and an f2021
report filled by typing (arrow keys between cells) and by pasting tab-separated blocks, the file
downloaded, and `xxgk check` run on it: it reports exactly what the form showed, for consistent
values (nothing) and for broken ones (the same codes, messages, lines and cells)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.content.source import read_markdown
from generator.engine.load import load_site
from generator.model.schema import load_schemas
from tests.browser.conftest import serve
from tests.conftest import FIXTURES, REPO, TODAY, build_site

pytestmark = pytest.mark.browser

SCHEMAS = load_schemas()
REPOSITORY = "https://github.com/example/xxgk-site"
F2019 = ("tongxiang-wuzhen", 2019)  # the township has a 2018 report (prose only): no cross-year rules
F2021 = ("demo-town", 2022)  # its 2021 report has tables: the cross-year rules apply

# Consistent values, row by row in printed order (report-formats.md: every 勾稽 rule holds).
T1_F2019 = [[0, 0, 0], [3, 3, 10], [5, 2, 7], [1, 0, 1], [2, -1, 4], [0, 0, 0], [1, 0], [2, 35.5]]
T2_F2019 = {
    "new": [3, 1, 0, 0, 0, 1, 5], "carried_over": [1, 0, 0, 0, 0, 0, 1], "granted": [2, 1, 0, 0, 0, 0, 3],
    "partial": [1, 0, 0, 0, 0, 0, 1], "denied_secret": [0, 0, 0, 0, 0, 1, 1], "total_handled": [3, 1, 0, 0, 0, 1, 5],
    "carried_forward": [1, 0, 0, 0, 0, 0, 1],
}
T3 = [[1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]]
T1_F2021 = [[0, 0, 0], [2, 1, 6], [80], [4], [1], [0.8]]  # normative: last year in force 5, + 2 - 1
T2_F2021 = {  # carried over = last year's carried forward (1 件 自然人)
    "new": [4, 0, 1, 0, 0, 0, 5], "carried_over": [1, 0, 0, 0, 0, 0, 1], "granted": [3, 0, 1, 0, 0, 0, 4],
    "unable_not_held": [1, 0, 0, 0, 0, 0, 1], "total_handled": [4, 0, 1, 0, 0, 0, 5],
    "carried_forward": [1, 0, 0, 0, 0, 0, 1],
}
BODY = {"一、总体情况": "本镇依法做好政府信息公开工作。", "五、存在的主要问题及改进情况": "无。",
        "六、其他需要报告的事项": "无。"}


@pytest.fixture(scope="module")
def site_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("editor-site")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(FIXTURES / "f2021/content/townships/demo-town", root / "content/townships/demo-town")
    with (root / "content/site.yaml").open("a", encoding="utf-8") as config:
        config.write(f"repository: {REPOSITORY}\n")
    assert build_site(root).ok
    return root


@pytest.fixture(scope="module")
def server(site_root):
    yield from serve(site_root / "site")


@pytest.fixture
def editor(browser, server):
    """editor(slug, year, width=1280) → the form, loaded and ready, with the clipboard allowed."""
    contexts = []

    def _open(slug: str, year: int, width: int = 1280, **options):
        context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True,
                                      permissions=["clipboard-read", "clipboard-write"], **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{server}/editor/?township={slug}&year={year}")
        page.wait_for_selector("#editor[data-ready]")
        return page

    yield _open
    for context in contexts:
        context.close()


def rows_of(fmt_id: str, table_id: str) -> list[tuple[str, int]]:
    table = SCHEMAS[fmt_id].table(table_id)
    return [(row.id, len(table.columns_of(row.id))) for row in table.rows()]


def type_rows(page, table_id: str, fmt_id: str, values: list[list]) -> None:
    """Types each row: its first cell focused, then value, →, value, → … as on a keyboard."""
    for (row_id, _), row in zip(rows_of(fmt_id, table_id), values, strict=True):
        page.focus(f"#c-{table_id}-{row_id}-0")
        for n, value in enumerate(row):
            page.keyboard.type(str(value))
            if n < len(row) - 1:
                page.keyboard.press("ArrowRight")


def paste_block(page, table_id: str, first_row: str, block: list[list]) -> None:
    """A block copied from Excel (tab-separated rows, a final newline) pasted into one cell."""
    text = "".join("\t".join(str(v) for v in row) + "\r\n" for row in block)
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.focus(f"#c-{table_id}-{first_row}-0")
    page.keyboard.press("Control+V")


def table2(fmt_id: str, values: dict[str, list]) -> list[list]:
    return [values.get(row_id, [0] * width) for row_id, width in rows_of(fmt_id, "applications")]


def fill_report(
    page, fmt_id: str, t1: list, t2: dict, broken: dict | None = None, published: str | None = "", body: bool = True
) -> None:
    """Fills the form; `published` None leaves the date and the figure as they are, `body` False
    the body as the form starts it (the section headings alone)."""
    if published is not None:
        page.fill("#ed-published", published or ("2020-01-15" if fmt_id == "f2019" else "2023-01-16"))
        page.fill("#ed-fig-proactive_items", "120")
    type_rows(page, "proactive", fmt_id, t1)
    # Table 2 as copied from Word with its row labels: the labels are left out, the figures kept.
    block = table2(fmt_id, t2)
    labelled = [[label, *row] for label, row in zip([r.label for r in SCHEMAS[fmt_id].table("applications").rows()],
                                                      block, strict=True)]
    paste_block(page, "applications", "new", labelled)
    type_rows(page, "review", fmt_id, T3)
    for cell, value in (broken or {}).items():
        page.fill(f"#c-{cell}", value)
    if body:
        page.fill("#ed-body", "".join(f"## {s.title}\n\n{BODY.get(s.title, '')}\n\n" for s in SCHEMAS[fmt_id].sections))


def form_problems(page) -> list[dict]:
    return page.evaluate(
        "XxgkEditor.state.problems.map(p => ({code: p.code, severity: p.severity, message: p.message,"
        " table: p.table, row: p.row, index: p.index, field: p.field || null, bodyLine: p.bodyLine ?? null}))"
    )


def download(page, tmp_path: Path) -> str:
    with page.expect_download() as info:
        page.click("#ed-download")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_text(encoding="utf-8")


def placed(problems: list[dict], text: str, rel: str) -> list[tuple]:
    """The form's problems where `xxgk check` puts them: (code, severity, message, line, column)."""
    source, _ = read_markdown(rel, text.encode("utf-8"))
    fields = {"ed-published": ("published",), "ed-year": ("year",)}
    out = []
    for p in problems:
        if p["field"] == "ed-body":  # at its heading's line, as checks/bodies.py reports it
            out.append((p["code"], p["severity"], p["message"], source.body_line + p["bodyLine"], 0))
            continue
        if p["table"]:
            keys = ("tables", p["table"], *([p["row"]] if p["row"] is not None else ["format"]))
            keys += (p["index"],) if p["index"] is not None else ()
        else:
            keys = ("format",) if p["code"] == "format.year_mismatch" else (
                fields.get(p["field"]) or ("figures", p["field"].removeprefix("ed-fig-")))
        out.append((p["code"], p["severity"], p["message"], source.line_of(*keys), source.column_of(*keys)))
    return sorted(out)


def check_file(site_root: Path, tmp_path: Path, slug: str, year: int, text: str) -> list[tuple]:
    """`xxgk check` on a copy of the site with the downloaded file in place: that file's problems."""
    root = tmp_path / "checked"
    shutil.copytree(site_root / "content", root / "content")
    rel = f"content/townships/{slug}/{year}.md"
    (root / rel).write_text(text, encoding="utf-8")
    _, problems = load_site(root, TODAY)
    return sorted((p.code, p.severity, p.message, p.line, p.column) for p in problems if p.path == rel)


@pytest.mark.parametrize(("fmt_id", "where", "t1", "t2"), [
    ("f2019", F2019, T1_F2019, T2_F2019),
    ("f2021", F2021, T1_F2021, T2_F2021),
])
def test_consistent_report_filled_through_the_form_passes_check(editor, site_root, tmp_path, fmt_id, where, t1, t2):
    page = editor(*where)
    name = page.locator("#ed-township option:checked").inner_text()
    assert page.input_value("#ed-title") == f"{name}{where[1]}年政府信息公开工作年度报告"  # the default, as xxgk new
    fill_report(page, fmt_id, t1, t2)
    page.wait_for_function("document.getElementById('ed-summary').textContent.includes('没有发现问题')")
    assert form_problems(page) == []
    text = download(page, tmp_path)
    assert f"format: {fmt_id}" in text and "proactive_items: 120" in text
    assert check_file(site_root, tmp_path, *where, text) == []


BROKEN = {
    "f2019": {
        "applications-new-6": "6",  # a wrong row total (and so the 总计 column's relation)
        "applications-carried_forward-0": "2",  # the column relation of Table 2 broken
        "review-cases-0": "-1",  # a negative
        "proactive-normative-1": "三",  # not a number
        "proactive-licensing-2": "",  # a blank
    },
    "f2021": {
        "applications-granted-6": "5",
        "applications-carried_over-0": "0",  # also no longer last year's carried forward (a warning)
        "proactive-fees-0": "-0.5",  # a negative amount
        "applications-partial-3": "1.5",  # not a whole number
        "review-cases-1": "一",
    },
}


# The cells each broken set marks (a rule's problem is at its first term's cell, as in `xxgk check`)
MARKED = {
    "f2019": {"applications-new-6", "applications-new-0", "review-cases-0", "proactive-normative-1",
              "proactive-licensing-2"},
    "f2021": {"applications-granted-6", "applications-carried_over-0", "proactive-fees-0", "applications-partial-3",
              "review-cases-1"},
}


@pytest.mark.parametrize(("fmt_id", "where", "t1", "t2"), [
    ("f2019", F2019, T1_F2019, T2_F2019),
    ("f2021", F2021, T1_F2021, T2_F2021),
])
def test_broken_values_give_the_same_problems_in_the_form_and_in_check(
    editor, site_root, tmp_path, fmt_id, where, t1, t2
):
    page = editor(*where)
    fill_report(page, fmt_id, t1, t2, BROKEN[fmt_id])
    shown = form_problems(page)
    codes = {p["code"] for p in shown}
    assert {"table.sum", "table.negative", "table.cell_type"} <= codes
    assert "T2-O1" in " ".join(p["message"] for p in shown)  # the column relation of Table 2
    text = download(page, tmp_path)
    rel = f"content/townships/{where[0]}/{where[1]}.md"
    assert placed(shown, text, rel) == check_file(site_root, tmp_path, *where, text)
    # … and they are shown at their cells, listed under their tables, and counted
    rank = ["notice", "warning", "error"]
    cells = {f"{p['table']}-{p['row']}-{p['index'] or 0}" for p in shown if p["row"]}
    assert MARKED[fmt_id] <= cells
    for cell in cells:
        mine = [p for p in shown if p["row"] and f"{p['table']}-{p['row']}-{p['index'] or 0}" == cell]
        worst = max((p["severity"] for p in mine), key=rank.index)
        box = page.locator(f"#c-{cell}")
        assert f"ed-has-{worst}" in box.get_attribute("class")
        described = [page.locator(f"#{i}").inner_text() for i in box.get_attribute("aria-describedby").split()]
        assert all(any(p["message"] in text for text in described) for p in mine)
        assert (box.get_attribute("aria-invalid") == "true") == (worst == "error")
    errors = sum(p["severity"] == "error" for p in shown)
    page.wait_for_function(f"document.getElementById('ed-summary').textContent.includes('还有 {errors} 处错误')")


@pytest.mark.parametrize(("where", "width"), [(F2019, 1280), (F2021, 360)])
def test_every_field_is_named_by_its_row_and_column_labels(editor, where, width):
    """At both widths (at 360 px the header rows are not shown: the names still come from them)."""
    page = editor(*where, width=width)
    fmt = SCHEMAS["f2019" if where == F2019 else "f2021"]
    names = [line.split('"')[1] for line in page.locator("#ed-table-list").aria_snapshot().splitlines()
             if line.strip().startswith("- textbox")]
    ids = "els => els.map(e => [e.dataset.table, e.dataset.row, e.dataset.column])"
    fields = page.eval_on_selector_all(".ed-cell", ids)
    assert len(names) == len(fields) == sum(len(t.columns_of(r.id)) for t in fmt.tables for r in t.rows())
    for name, (table_id, row_id, column_id) in zip(names, fields, strict=True):
        cell = next(c for c in fmt.cells[table_id] if (c.row, c.column) == (row_id, column_id))
        for label in (*cell.row_label.split("／"), *cell.column_label.split("／")):
            assert label in name, (name, label)


def test_arrow_keys_and_enter_move_like_a_spreadsheet(editor):
    page = editor(*F2021)
    page.focus("#c-applications-granted-2")
    steps = [("ArrowRight", "granted-3"), ("ArrowDown", "partial-3"), ("Enter", "denied_secret-3"),
             ("Shift+Enter", "partial-3"), ("ArrowLeft", "partial-2"), ("ArrowUp", "granted-2")]
    for key, where in steps:
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.id") == f"c-applications-{where}", key
        assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") == 1
    page.keyboard.type("12")  # arriving selects the cell: typing replaces it, like a spreadsheet
    assert page.input_value("#c-applications-granted-2") == "12"
    page.keyboard.press("ArrowLeft")  # the caret is in the text now: ← moves in it, then to the cell
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.id") == "c-applications-granted-1"
    page.focus("#c-proactive-licensing-0")  # blocks of different widths: ↓ keeps to the row's cells
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "c-proactive-normative-0"


def test_a_pasted_block_fills_from_the_cell_and_says_what_did_not_fit(editor):
    page = editor(*F2021)
    paste_block(page, "applications", "carried_forward", [["1", "2"], ["3", "4"]])
    page.focus("#c-applications-carried_forward-5")
    page.evaluate("navigator.clipboard.writeText('7\\t8\\t9\\n')")
    page.keyboard.press("Control+V")
    row = [page.input_value(f"#c-applications-carried_forward-{i}") for i in range(7)]
    assert row == ["1", "2", "0", "0", "0", "7", "8"]
    page.wait_for_function("document.getElementById('ed-announce').textContent.includes('另有 1 格超出表格')")


def test_a_published_report_is_loaded_to_correct_it(editor, site_root, tmp_path):
    """From today's report.json (cells with labels) and from the compact one (report_json.py)."""
    original = (site_root / "content/townships/anqiu-jingzhi/2019.md").read_text(encoding="utf-8")
    published = site_root / "site/data/townships/anqiu-jingzhi/2019/report.json"
    verbose = published.read_bytes()
    try:
        _load_and_compare(editor, site_root, tmp_path, original, published)
    finally:
        published.write_bytes(verbose)


def _load_and_compare(editor, site_root, tmp_path, original, published):
    """The compact report.json the build publishes, then the same report in the verbose shape that
    older builds published (each cell with its labels): the form reads both."""
    from generator.model.cells import report_cells
    from generator.model.schema import load_schemas

    compact = json.loads(published.read_text(encoding="utf-8"))
    site, _ = load_site(site_root, TODAY)
    report = next(r for r in site.reports if r.key == ("anqiu-jingzhi", 2019))
    cells = report_cells(report, load_schemas())
    verbose = {**compact, "tables": [
        {"id": values.id, "format": values.format, "cells": [
            {"id": c.id, "row": c.row, "column": c.column, "value": v} for c, v in cells if c.table == values.id]}
        for values in report.tables]}
    for shape in (compact, verbose):
        published.write_text(json.dumps(shape, ensure_ascii=False), encoding="utf-8")
        page = editor("anqiu-jingzhi", 2019)
        assert page.locator("#ed-existing").is_visible()
        page.click("#ed-load")
        page.wait_for_function("document.getElementById('ed-existing-text').textContent.includes('已载入')")
        assert page.input_value("#c-applications-new-6") == "1"
        assert page.input_value("#c-proactive-other_services-0") == ""  # a printed blank stays blank
        assert page.input_value("#ed-fig-proactive_items") == "228"
        text = download(page, tmp_path)
        assert tables_of(text) == tables_of(original)


def tables_of(text: str):
    from generator.content.table_values import read_tables

    source, _ = read_markdown("content/townships/anqiu-jingzhi/2019.md", text.encode("utf-8"))
    return [(t.id, t.format, t.rows) for t in read_tables(source, SCHEMAS, "f2019")[0]]


@pytest.mark.parametrize(("where", "in_address"), [(("tongxiang-wuzhen", 2017), True), (F2019, False)])
def test_submitting_to_github_opens_the_new_file_page_with_the_file(editor, where, in_address):
    """A short file (pre2019: no tables) goes in the address; a long one is pasted there."""
    page = editor(*where)
    page.context.route("https://github.com/**", lambda route: route.fulfill(body="GitHub", content_type="text/plain"))
    with page.expect_popup() as popup:
        page.click("#ed-github")
    url = popup.value.url
    new_page = f"{REPOSITORY}/new/main/content/townships/{where[0]}?filename={where[1]}.md"
    assert url.startswith(new_page)
    file = page.text_content("#ed-file")
    assert ("&value=" in url) == in_address
    if in_address:
        from urllib.parse import parse_qs, urlsplit

        assert parse_qs(urlsplit(url).query)["value"] == [file]
    else:  # too long for an address: on the clipboard, to paste there
        assert url == new_page
        assert page.evaluate("navigator.clipboard.readText()") == file
    assert "Commit changes" in page.inner_text("#ed-send-note")


def test_correcting_a_published_report_copies_its_data_and_opens_the_edit_page(editor):
    page = editor("anqiu-jingzhi", 2019)
    page.click("#ed-load")
    page.wait_for_function("document.getElementById('ed-existing-text').textContent.includes('已载入')")
    page.context.route("https://github.com/**", lambda route: route.fulfill(body="GitHub", content_type="text/plain"))
    with page.expect_popup() as popup:
        page.click("#ed-github")
    assert popup.value.url == f"{REPOSITORY}/edit/main/content/townships/anqiu-jingzhi/2019.md"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("---\nyear: 2019\n") and copied.endswith("\n---\n")  # the data part alone
    assert "选中从第一行 --- 到第二行 --- 的部分" in page.inner_text("#ed-send-note")


def test_works_offline_once_loaded(editor, tmp_path):
    page = editor(*F2021)
    page.context.set_offline(True)
    page.fill("#ed-year", "2020")  # another format, from the documents loaded at the start
    page.wait_for_function("document.getElementById('ed-format-line').textContent.includes('2019年版')")
    page.select_option("#ed-tf-proactive", "f2021")  # a table in another format than the report's
    page.wait_for_function("document.getElementById('ed-tf-proactive-problem').textContent.includes('表一按2021年版格式')")
    text = download(page, tmp_path)
    assert "format: f2019" in text and "    format: f2021  # 本表按2021年版格式" in text


def test_a_report_without_tables(editor, site_root, tmp_path):
    page = editor(*F2019)
    page.check("#ed-no-tables")
    assert page.locator(".ed-cell").count() == 0
    page.fill("#ed-fig-applications_new", "3")  # without tables every figure comes from the prose
    text = download(page, tmp_path)
    assert "tables:" not in text and "  applications_new: 3  # 本年新收政府信息公开申请" in text


@pytest.mark.parametrize(("published", "figure", "body"), [
    ("2019年12月31日", "7", True),  # made 2019-12-31 on leaving the field: the last day of the year (a warning)
    ("2019-02-30", "-3", True),  # no such day; a negative figure
    ("2020/1", "三", True),  # not a date; not a number
    ("2019-06-01", "1.5", True),  # before the year ended; a figure may be a decimal
    ("", "", True),
    ("", "", False),  # the body's headings with nothing under them (except those the tables fill)
])
def test_fields_are_checked_as_check_does(editor, site_root, tmp_path, published, figure, body):
    page = editor(*F2019)
    page.fill("#ed-published", published)
    page.locator("#ed-published").blur()
    page.fill("#ed-fig-proactive_items", figure)
    fill_report(page, "f2019", T1_F2019, T2_F2019, published=None, body=body)
    shown = form_problems(page)
    assert bool(shown) == bool(published or figure or not body)
    assert ({p["code"] for p in shown} == {"body.empty_section"}) == (not body)
    text = download(page, tmp_path)
    rel = f"content/townships/{F2019[0]}/{F2019[1]}.md"
    assert placed(shown, text, rel) == check_file(site_root, tmp_path, *F2019, text)


@pytest.mark.parametrize("width", [1280, 360])
def test_no_wcag_violations_with_problems_shown(editor, width):
    """axe-core on the form as an editor sees it mid-way: problems marked, listed, one cell's shown."""
    from tests.browser.a11y.test_axe import WCAG21AA, violations

    page = editor(*F2019, width=width)
    fill_report(page, "f2019", T1_F2019, T2_F2019, BROKEN["f2019"])
    page.focus("#c-review-cases-0")
    page.wait_for_selector("#ed-bubble:not([hidden])")
    assert "不能为负数" in page.inner_text("#ed-bubble")
    page.wait_for_function("document.getElementById('ed-summary').textContent.includes('处错误')")
    assert violations(page, WCAG21AA) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
