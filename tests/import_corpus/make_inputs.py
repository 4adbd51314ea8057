"""Writes the invented test inputs of the import corpus (every table form) and their ground truth.

The townships, prose and numbers are made up for this corpus; the table layout (labels, spans) is
printed from generator/schema/*.yaml the way Word and CMS pages print it. Run it again after a
schema change: `python tests/import_corpus/make_inputs.py`. The five seed copies are not written here.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from generator.model.schema import HeaderNode, RowNode, Table, load_schemas  # noqa: E402
from tests.import_corpus.cases import CASES, Case  # noqa: E402
from tests.import_corpus.cases_forms import FORM_CASES  # noqa: E402

Cell = tuple[str, int, int]  # text, rowspan, colspan


def table_rows(table: Table, values: dict[str, list], shown: dict) -> list[list[Cell]]:
    """The printed layout of one table: rows of (text, rowspan, colspan), spans as in the template."""
    if table.layout == "blocks":
        return _blocks(table, values, shown)
    header = _header_rows(table.header)
    depth = max(node.depth() for node in table.row_tree)
    rowless = all(r.hidden_label for r in table.rows())
    if not rowless:
        header[0].insert(0, (table.corner_note, len(header), depth))
    body: list[list[Cell]] = []
    for node in table.row_tree:
        _row_cells(node, 1, depth, values, shown, body, [])
    if rowless:
        body = [[_text(v, shown) for v in values[table.rows()[0].id]]]
    return header + body


def _text(value, shown: dict) -> Cell:
    """A printed cell: numbers as digits, None blank, strings (“—”, “ 3 ”) exactly as written."""
    return ("" if value is None else str(value), 1, 1)


def _blocks(table: Table, values: dict, shown: dict) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    width = table.value_columns
    for block in table.blocks:
        rows.append([(block.title, 1, width + 1)])
        used = sum(c.span for c in block.columns)
        header = [(table.header_label, 1, 1)] + [(c.label, 1, c.span) for c in block.columns]
        rows.append(header + [("", 1, 1)] * (width - used))
        for row in block.rows:
            cells = [_text(v, shown) for v in values[row.id]]
            cells = [(t, 1, c.span) for (t, _, _), c in zip(cells, block.columns, strict=True)]
            rows.append([(row.label, 1, 1), *cells] + [("", 1, 1)] * (width - used))
    return rows


def _header_rows(nodes: tuple[HeaderNode, ...]) -> list[list[Cell]]:
    height = max(n.depth() for n in nodes)
    rows: list[list[Cell]] = [[] for _ in range(height)]

    def place(node: HeaderNode, level: int) -> None:
        if node.column:
            rows[level].append((node.label, height - level, 1))
        else:
            rows[level].append((node.label, 1, len(node.leaves())))
            for child in node.children:
                place(child, level + 1)

    for node in nodes:
        place(node, 0)
    return rows


def _row_cells(node: RowNode, level: int, depth: int, values, shown, body, pending: list[Cell]) -> None:
    if node.id:
        cells = [*pending, (node.label, 1, depth - level + 1)] + [_text(v, shown) for v in values[node.id]]
        body.append(cells)
        pending.clear()
        return
    pending.append((node.label, len(node.leaves()), 1))
    for child in node.children:
        _row_cells(child, level + 1, depth, values, shown, body, pending)


def occupancy(rows: list[list[Cell]]) -> list[list[tuple[str, bool]]]:
    """Grid positions: (text, starts_here) for every position of every row."""
    width = sum(cs for _, _, cs in rows[0]) if rows else 0
    taken: dict[tuple[int, int], bool] = {}
    grid: list[list[tuple[str, bool]]] = [[("", False)] * width for _ in rows]
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while taken.get((r, c)):
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    taken[(r + dr, c + dc)] = True
                    if r + dr < len(grid) and c + dc < width:
                        grid[r + dr][c + dc] = (text, dr == 0 and dc == 0)
            c += cs
    return grid


def fold(text: str) -> str:
    """A label as a CMS web copy prints it (report-formats §0, §4.1, §4.2)."""
    for wide, narrow in (("（", "("), ("）", ")"), ("：", ":"), ("“", '"'), ("”", '"')):
        text = text.replace(wide, narrow)
    text = re.sub(r"^(\d)\.", r"\1. ", text)
    return text.replace("商业企业", "商业 企业").replace("科研机构", "科研 机构")


def truth_value(printed):
    """What a printed cell means: a dash is 0, stray spaces are nothing, a blank stays blank."""
    if not isinstance(printed, str):
        return printed
    text = printed.strip().lstrip("?").strip()
    if text in ("—", "-", "－", "–"):
        return 0
    return float(text) if "." in text else int(text)


def as_pipe(rows: list[list[Cell]]) -> list[str]:
    return ["| " + " | ".join(t if start else "" for t, start in line) + " |" for line in occupancy(rows)]


def as_tab(rows: list[list[Cell]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        out += ["\t" + text for text, _, _ in row] + [""]
    return out


def as_lines(rows: list[list[Cell]]) -> list[str]:
    return [text for row in rows for text, _, _ in row if text]


def as_tsv(rows: list[list[Cell]]) -> list[str]:
    """A Word table saved as text: one line per row, cells split by tabs; a horizontally merged cell is
    one cell, a vertically merged one leaves an empty cell on each row below its first."""
    below: dict[tuple[int, int], int] = {}  # (row, column) covered from above → columns it spans
    out = []
    for r, row in enumerate(rows):
        cells, c, pending = [], 0, list(row)
        while pending or (r, c) in below:
            if (r, c) in below:
                cells.append("")
                c += below[(r, c)]
                continue
            text, rs, cs = pending.pop(0)
            for dr in range(1, rs):
                below[(r + dr, c)] = cs
            cells.append(text)
            c += cs
        out.append("\t".join(cells))
    return out


def as_oneline(rows: list[list[Cell]]) -> list[str]:
    """A web page flattened to one line: every cell's text, split by spaces (blank cells vanish)."""
    return [" ".join(text.replace("\n", " ") for row in rows for text, _, _ in row if text)]


def as_pipecells(rows: list[list[Cell]]) -> list[str]:
    """A CMS page copied as text: a line '|' starts each row, then one cell per line closed by '|'."""
    out: list[str] = []
    for row in rows:
        out.append("|")
        out += [f"{text} |" + " |" * (cs - 1) for text, _, cs in row]
    return out


GLOSSES = {"鎮": "zhèn", "報": "bào", "開": "kāi", "當": "dāng", "務": "wù", "發": "fā", "關": "guān", "請": "qǐng"}


def traditional(text: str, glosses: bool) -> str:
    import opencc

    text = opencc.OpenCC("s2t").convert(text)
    if glosses:
        text = "".join(f"{ch}({GLOSSES[ch]})" if ch in GLOSSES else ch for ch in text)
    return text


def as_html(rows: list[list[Cell]]) -> str:
    def cell(text: str, rs: int, cs: int) -> str:
        spans = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
        return f"<td{spans}>{html.escape(text) or '&nbsp;'}</td>"

    body = "\n".join("<tr>" + "".join(cell(*c) for c in row) + "</tr>" for row in rows)
    return f'<table border="1">\n{body}\n</table>'


def add_docx_table(doc, rows: list[list[Cell]]) -> None:
    grid = occupancy(rows)
    width = len(grid[0])
    table = doc.add_table(rows=len(rows), cols=width)
    taken: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while taken.get((r, c)):
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    taken[(r + dr, c + dc)] = True
            top = table.cell(r, c)
            if rs > 1 or cs > 1:
                top = top.merge(table.cell(r + rs - 1, c + cs - 1))
            top.text = text
            c += cs


def render_case(case: Case, schemas) -> None:
    texts: list[str] = []
    html_parts: list[str] = []
    doc = None
    if case.form == "docx":
        from docx import Document

        doc = Document()
    for kind, content in case.parts:
        if kind == "text":
            for line in content.strip("\n").split("\n"):
                texts.append(line)
                html_parts.append(f"<p>{html.escape(line)}</p>")
                if doc is not None:
                    doc.add_paragraph(line)
            continue
        table = schemas[case.table_formats.get(content, case.format)].table(content)
        rows = table_rows(table, case.tables[content], case.shown)
        if case.fold:
            rows = [[(fold(t), rs, cs) for t, rs, cs in row] for row in rows]
        if case.form == "docx":
            add_docx_table(doc, rows)
        elif case.form == "html":
            html_parts.append(as_html(rows))
        else:
            forms = {"pipe": as_pipe, "tab": as_tab, "lines": as_lines, "tsv": as_tsv, "oneline": as_oneline}
            texts += {**forms, "pipecells": as_pipecells}[case.form](rows)
    path = HERE / case.file
    if case.form == "docx":
        doc.save(str(path))
    elif case.form == "html":
        path.write_bytes((case.page_head + "\n".join(html_parts) + case.page_tail).encode(case.encoding))
    else:
        text = (" " if case.form == "oneline" else "\n").join(texts) + "\n"
        text = traditional(text, case.glosses) if case.traditional else text
        path.write_bytes(text.encode(case.encoding))
    tables = {t: {r: [truth_value(v) for v in cells] for r, cells in rows.items()} for t, rows in case.tables.items()}
    truth = {"year": case.year, "format": case.format, "form": _form(case), **case.meta, "figures": case.figures}
    truth["tables"] = tables
    (HERE / (case.file.rsplit(".", 1)[0] + ".truth.yaml")).write_text(
        yaml.safe_dump(truth, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def _form(case: Case) -> str:
    """The form the benchmark reports this input under."""
    if case.traditional:
        return "traditional"
    if case.table_formats:
        return "mixed-templates"
    return case.form if case.tables else "prose"


if __name__ == "__main__":
    loaded = load_schemas()
    for case in CASES + FORM_CASES:
        render_case(case, loaded)
        print("wrote", case.file)
    from tests.import_corpus.cases_heldout import render_all

    render_all(loaded)
