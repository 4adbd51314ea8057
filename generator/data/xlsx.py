"""A minimal .xlsx writer (one sheet, inline strings, numbers), byte-identical for identical rows.

Written with zipfile rather than openpyxl: openpyxl stamps the clock into docProps and the zip
entries, and a sheet of strings and numbers needs only five small XML parts."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from xml.sax.saxutils import escape

XlsxValue = str | int | float | None

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date: no clock in the output

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def column_name(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def xlsx_bytes(sheet_name: str, rows: Sequence[Sequence[XlsxValue]], frozen_rows: int = 0) -> bytes:
    """The rows as a one-sheet workbook; None is an empty cell. The sheet is compressed a row at a
    time: as one string, a 20,000-report table took a few hundred MB of the build's peak memory."""
    parts = {
        "[Content_Types].xml": [_CONTENT_TYPES],
        "_rels/.rels": [_ROOT_RELS],
        "xl/workbook.xml": [
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {_NS} {_REL_NS}>'
            f'<sheets><sheet name="{escape(sheet_name[:31], {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ],
        "xl/_rels/workbook.xml.rels": [_WORKBOOK_RELS],
        "xl/worksheets/sheet1.xml": _sheet(rows, frozen_rows),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, texts in parts.items():
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with archive.open(info, "w") as member:
                for text in texts:
                    member.write(text.encode("utf-8"))
    return buffer.getvalue()


def _sheet(rows: Sequence[Sequence[XlsxValue]], frozen_rows: int) -> Iterator[str]:
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS}>'
    if frozen_rows:
        head += (
            f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{frozen_rows}" '
            f'topLeftCell="A{frozen_rows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        )
    yield head + "<sheetData>"
    for r, row in enumerate(rows, start=1):
        out = [f'<row r="{r}">']
        for c, value in enumerate(row):
            ref = f"{column_name(c)}{r}"
            if value is None or value == "":
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out.append(f'<c r="{ref}"><v>{value!r}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>')
        out.append("</row>")
        yield "".join(out)
    yield "</sheetData></worksheet>"
