"""Reading an input file into text lines and table grids: .txt (any Chinese encoding), .docx, .html."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from generator.importer.grid import Block, Grid
from generator.importer.webpage import html_blocks

TEXT_TYPES = (".txt", ".text", ".md")
HTML_TYPES = (".html", ".htm", ".shtml", ".xhtml")
WORD_TYPES = (".docx",)
SUPPORTED = TEXT_TYPES + HTML_TYPES + WORD_TYPES


class ReadError(ValueError):
    """The file cannot be read as a report (message in Chinese, for the editor)."""


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    encoding: str  # how the bytes were decoded ("" for docx)
    kind: str  # txt | docx | html


def read_document(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ReadError(f"不支持的文件类型 {suffix or '（无扩展名）'}：请用 .txt、.docx 或 .html（另存为网页）")
    raw = path.read_bytes()
    if suffix in WORD_TYPES:
        return Document(tuple(docx_blocks(path)), "", "docx")
    text, encoding = decode(raw)
    if suffix in HTML_TYPES:
        return Document(tuple(html_blocks(text)), encoding, "html")
    return Document(tuple(text.split("\n")), encoding, "txt")


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes → text without guessing wrong: BOM, then strict UTF-8, UTF-16 by its zero bytes, GBK/GB18030
    strictly; charset-normalizer only when none of these decodes cleanly."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _clean(raw.decode(name)), name
    try:
        return _clean(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_order(raw)
    if utf16:
        try:
            return _clean(raw.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    for name in ("gbk", "gb18030"):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text):
            return _clean(text), name
    best = from_bytes(raw).best()
    if best is None or not _plausible_chinese(str(best)):
        raise ReadError("无法识别文件的文字编码（试过 UTF-8、UTF-16、GBK、GB18030）：请另存为 UTF-8 文本后再导入")
    return _clean(str(best)), best.encoding


def _utf16_order(raw: bytes) -> str:
    """UTF-16 without a BOM: Chinese text in UTF-16 has zero bytes at ASCII positions of one parity."""
    if len(raw) < 4 or len(raw) % 2:
        return ""
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if odd > len(raw) // 8 and even == 0:
        return "utf-16-le"
    if even > len(raw) // 8 and odd == 0:
        return "utf-16-be"
    return ""


def _plausible_chinese(text: str) -> bool:
    """Mojibake from a wrong decoder is full of rare CJK and private-use characters; reports are not."""
    if not text:
        return True
    common = sum(ch in "的一是在了和有不人政府信息公开年度报告工作情况镇" for ch in text)
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    odd = sum("\ue000" <= ch <= "\uf8ff" or ch == "\ufffd" for ch in text)
    return odd == 0 and (cjk == 0 or common / cjk > 0.08)


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def docx_blocks(path: Path) -> list[Block]:
    """Paragraphs and tables in document order. Merged cells appear once per row (a horizontal
    span is one cell); a vertically merged label repeats on each row it spans, which is harmless."""
    from docx import Document as open_docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        doc = open_docx(str(path))
    except Exception as error:  # python-docx raises several types for a damaged file
        raise ReadError(
            f"无法打开 Word 文件（{type(error).__name__}）：请确认是 .docx 格式，.doc 请先另存为 .docx"
        ) from error
    blocks: list[Block] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.extend(Paragraph(child, doc).text.split("\n"))
        elif tag == "tbl":
            blocks.append(_docx_grid(DocxTable(child, doc)))
    return blocks


def _docx_grid(table) -> Grid:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text)
        rows.append(tuple(cells))
    return Grid(tuple(rows), True, "docx")
