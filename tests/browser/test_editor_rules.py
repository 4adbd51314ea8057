"""The editors' form checks and writes in the browser exactly what `xxgk check` and `xxgk new` do in
Python. Hypothesis draws tables as an editor might type them (numbers, blanks, negatives, decimals,
full-width digits, YAML look-alikes, any text) and last year's tables; the browser's checker
(static/editor-rules.js) and writer (static/editor-file.js) run in real Chromium on the format
documents; Python reads the file the browser wrote with the real reader and checks it with the real
rules. Same problems (code, severity, message, line, column), and the same file as scaffold.py's."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.table_rules import check_table
from generator.commands.new import Filled, TableFill, report_text
from generator.content.source import read_markdown
from generator.content.table_values import read_tables
from generator.content.yaml_text import scalar
from generator.model.schema import load_schemas
from generator.model.site import Report, TableValues
from generator.pages.format_document import format_document
from tests.conftest import REPO

pytestmark = pytest.mark.browser

SCHEMAS = load_schemas()
DOCS = {fmt_id: format_document(fmt) for fmt_id, fmt in SCHEMAS.items()}
STATIC = REPO / "templates" / "static"
TOWNSHIP = {"name": "示例镇", "county": "示例县"}
PATH = "content/townships/demo-town/{year}.md"
TYPED = [
    "", " ", "０", "１２", "1,234", "１，２３４", "+5", "007", ".5", "5.", "-0", "－3", "−2", "1e3", "1.0e+3", "0x1F",
    "1_000", "1:30", "yes", "No", "null", "~", ".inf", "—", "/", "无", "abc", 'a"b', "a\\b", "#1", "a: b", "12a",
    "\u3000 7 \u3000", "1,2", "2019-01-01", "[1]", "{a}", "&x", "*x", "!x", "'q'", "%x", "@x", "`x", "1.50", "0.1",
    "123456789012345678901234", "12345678901234567.5", "1e-7", "0.0000001", "3.14159265358979",
]
CELL = st.one_of(
    st.integers(0, 40).map(str),
    st.integers(-40, -1).map(str),
    st.integers(10**14, 10**24).map(str),
    st.floats(-1000, 1000, allow_nan=False).map(lambda x: f"{x:.3f}"),
    st.sampled_from(TYPED),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=5),
)


@pytest.fixture(scope="module")
def rules_page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body></body></html>")
    for name in ("editor-rules.js", "editor-file.js", "editor-fields.js"):
        page.add_script_tag(path=str(STATIC / name))
    page.evaluate("docs => { window.DOCS = docs; }", DOCS)
    yield page
    context.close()


RUN = """([fmtId, year, formats, texts, prev]) => {
  const fmt = DOCS[fmtId], problems = [], tables = {};
  for (const t of fmt.tables) {
    const other = DOCS[formats[t.id]], table = other.tables.find(x => x.id === t.id), rows = {};
    table.rows.forEach(r => { rows[r.id] = texts[t.id][r.id].map(XxgkRules.parseCell); });
    problems.push(...XxgkRules.checkTable(table, rows, prev[t.id] || null));
    if (other.format !== fmt.format) problems.push(XxgkFields.formatProblem(table, other, fmt));
    tables[t.id] = {format: other, rows};
  }
  const filled = {published: "", organ: "", title: "", index_no: "", figures: {}, tables, body: null};
  const parsed = Object.fromEntries(Object.entries(tables).map(([id, t]) => [id, t.rows]));
  return {problems, parsed, text: XxgkFile.reportText({name: "示例镇", county: "示例县"}, year, fmt, filled)};
}"""


def _cells(fmt_id: str, table_id: str) -> list[tuple[str, int]]:
    table = SCHEMAS[fmt_id].table(table_id)
    return [(row.id, i) for row in table.rows() for i, _ in enumerate(table.columns_of(row.id))]


@st.composite
def drawn(draw):
    """A report year, its format, each table's format (mostly the report's), what was typed into a
    few cells (the rest 0, as the form starts), and sometimes last year's tables."""
    fmt_id = draw(st.sampled_from(["f2019", "f2021"]))
    year = 2020 if fmt_id == "f2019" else 2022
    formats, texts, prev = {}, {}, {}
    for table in SCHEMAS[fmt_id].tables:
        own = draw(st.sampled_from([fmt_id, fmt_id, fmt_id, "f2019", "f2021"]))
        formats[table.id] = own
        shape = SCHEMAS[own].table(table.id)
        typed = draw(st.dictionaries(st.sampled_from(_cells(own, table.id)), CELL, max_size=8))
        rows = {row.id: ["0"] * len(shape.columns_of(row.id)) for row in shape.rows()}
        for (row, i), text in typed.items():
            rows[row][i] = text
        texts[table.id] = rows
        if draw(st.integers(0, 2)) == 0:
            before = draw(st.sampled_from(["f2019", "f2021"]))
            shape = SCHEMAS[before].table(table.id)
            values = st.one_of(st.none(), st.integers(0, 3), st.integers(-2, 9))
            prev[table.id] = {r.id: [draw(values) for _ in shape.columns_of(r.id)] for r in shape.rows()}
    return fmt_id, year, formats, texts, prev


def python_problems(text: str, fmt_id: str, year: int, prev: dict) -> list[tuple]:
    """What `xxgk check` finds in the tables of this file: the real reader, the real rules."""
    path = PATH.format(year=year)
    source, problems = read_markdown(path, text.encode("utf-8"))
    assert source is not None and problems == [], problems
    tables, found = read_tables(source, SCHEMAS, fmt_id)
    report = Report("demo-town", year, "", "", fmt_id, path, "", source.body, source.body_line, origin=source)
    for values in tables:
        before = prev.get(values.id)
        prev_values = TableValues(values.id, "", {r: tuple(v) for r, v in before.items()}) if before else None
        found += check_table(report, SCHEMAS[values.format].table(values.id), values, prev_values)
    return sorted((p.code, p.severity, p.message, p.line, p.column) for p in found)


def browser_problems(problems: list[dict], text: str, year: int) -> list[tuple]:
    """The form's problems, placed in the file as `xxgk check` places them (the cell's line/column)."""
    source, _ = read_markdown(PATH.format(year=year), text.encode("utf-8"))
    placed = []
    for p in problems:
        keys = ("tables", p["table"], *([p["row"]] if p["row"] is not None else ["format"]))
        keys += (p["index"],) if p["index"] is not None else ()
        placed.append((p["code"], p["severity"], p["message"], source.line_of(*keys), source.column_of(*keys)))
    return sorted(placed)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=drawn())
def test_browser_checks_and_writes_what_python_does(rules_page, case):
    fmt_id, year, formats, texts, prev = case
    result = rules_page.evaluate(RUN, [fmt_id, year, formats, texts, prev])
    parsed = result["parsed"].items()
    fill = {t: TableFill(SCHEMAS[formats[t]], {r: tuple(v) for r, v in rows.items()}) for t, rows in parsed}
    assert result["text"] == report_text(TOWNSHIP, year, SCHEMAS[fmt_id], Filled(tables=fill))
    assert browser_problems(result["problems"], result["text"], year) == python_problems(
        result["text"], fmt_id, year, prev
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(st.sampled_from(TYPED), st.text(st.characters(exclude_categories=("Cs",)), max_size=12)))
def test_browser_writes_texts_as_python_does_and_yaml_reads_them_back(rules_page, value):
    """Titles, organs, 索引号 and non-numbers in cells: plain where safe, else quoted, the same way."""
    written = rules_page.evaluate("v => [XxgkFile.scalar(v), XxgkFile.cell(v)]", value)
    assert written[0] == scalar(value)
    assert yaml.safe_load(f"k: {written[0]}")["k"] == value
    assert yaml.safe_load(f"k: [{written[1]}]")["k"] == [value]


def test_the_examples_cover_what_they_claim(rules_page):
    """Not left to chance: one drawn-like case holds a wrong total, a broken column relation, a
    negative, a non-number, a blank and a decimal, and both sides name all of them the same way."""
    texts = {t.id: {r.id: ["0"] * len(t.columns_of(r.id)) for r in t.rows()} for t in SCHEMAS["f2021"].tables}
    texts["applications"]["new"] = ["1", "0", "0", "0", "0", "0", "2"]  # 总计 wrong; column relation broken
    texts["applications"]["granted"][0] = "-1"
    texts["review"]["cases"][0] = "三"
    texts["review"]["cases"][1] = ""
    texts["proactive"]["licensing"][0] = "1.5"
    formats = {t.id: "f2021" for t in SCHEMAS["f2021"].tables}
    result = rules_page.evaluate(RUN, ["f2021", 2022, formats, texts, {}])
    found = python_problems(result["text"], "f2021", 2022, {})
    assert browser_problems(result["problems"], result["text"], 2022) == found
    assert {code for code, *_ in found} == {"table.sum", "table.negative", "table.cell_type", "table.blank"}
    assert json.dumps(found, ensure_ascii=False).count("T2-O1") >= 1
    assert date.today()  # the checks above use no clock
