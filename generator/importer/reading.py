"""Reading an input file into text lines and table grids: .txt (any Chinese encoding), .docx, .html."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from generator.importer.grid import Block, Grid
from generator.importer.limits import MAX_DOCX_BYTES, MAX_TEXT_BYTES, ReadError, checked_zip, read_bounded
from generator.importer.webpage import html_blocks

TEXT_TYPES = (".txt", ".text", ".md")
HTML_TYPES = (".html", ".htm", ".shtml", ".xhtml")
WORD_TYPES = (".docx",)
SUPPORTED = TEXT_TYPES + HTML_TYPES + WORD_TYPES


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    encoding: str  # how the bytes were decoded ("" for docx)
    kind: str  # txt | docx | html


def read_document(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ReadError(f"不支持的文件类型 {suffix or '（无扩展名）'}：请用 .txt、.docx 或 .html（另存为网页）")
    if suffix in WORD_TYPES:
        blocks = docx_blocks(checked_zip(read_bounded(path, MAX_DOCX_BYTES)))
        document = Document(tuple(blocks), "", "docx")
    else:
        text, encoding = decode(read_bounded(path, MAX_TEXT_BYTES))
        blocks = html_blocks(text) if suffix in HTML_TYPES else text.split("\n")
        document = Document(tuple(blocks), encoding, "html" if suffix in HTML_TYPES else "txt")
    if not any(_has_words(b) for b in document.blocks):
        raise ReadError("文件中没有任何文字（空白文件或只有图片）：请检查是否选错了文件；扫描件请先转成文字")
    return document


def _has_words(block: Block) -> bool:
    texts = [c for row in block.rows for c in row] if isinstance(block, Grid) else [block]
    return any(ch.isalnum() for text in texts for ch in text)


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes → text without guessing wrong: BOM, then UTF-16 where zero bytes show it, strict UTF-8,
    GBK/GB18030 strictly; charset-normalizer only when none of these decodes cleanly. Other bytes with
    zeros in them are binary (a .doc, a .pdf, an image renamed), refused."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return _clean(raw.decode(name)), name
            except UnicodeDecodeError as error:
                raise ReadError(f"文件开头标明是 {name} 编码，但内容不是：文件可能已损坏") from error
    if b"\x00" in raw:
        return _utf16(raw)
    try:
        return _clean(raw.decode("utf-8")), "utf-8"
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


def _utf16(raw: bytes) -> tuple[str, str]:
    """UTF-16 without a BOM: ASCII characters leave zero bytes at odd (LE) or even (BE) positions."""
    little_first = raw[1::2].count(0) >= raw[0::2].count(0)
    for name in ("utf-16-le", "utf-16-be") if little_first else ("utf-16-be", "utf-16-le"):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text) and "\x00" not in text:
            return _clean(text), name
    raise ReadError("这不是文本文件（含二进制内容）：请导入 .txt、.docx 或另存的网页；.doc、.pdf 请先另存为 .docx")


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


def docx_blocks(stream) -> list[Block]:
    """Paragraphs and tables in document order. Merged cells appear once per row (a horizontal
    span is one cell); a vertically merged label repeats on each row it spans, which is harmless."""
    from docx import Document as open_docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        doc = open_docx(stream)
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
